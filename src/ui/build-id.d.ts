/** This build's name (vite.config.ts `define`): the commit, or VOICE_SEARCH_BUILD_ID. */
declare const __BUILD_ID__: string;
