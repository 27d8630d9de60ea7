/**
 * The keyboard shortcut that starts and stops voice search (pure; tested in Node).
 * Ctrl+Shift+Space (⌘+Shift+Space on a Mac keyboard works too): it has modifiers, so it never
 * types into the search box and works while the box has focus, and browsers leave it to pages.
 * A single key such as "/" would fight typing: "/" can be part of a query.
 */

/** The parts of a KeyboardEvent the shortcut looks at. */
export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  repeat: boolean;
}

/** How the page writes the shortcut. */
export const VOICE_SHORTCUT_LABEL = 'Ctrl+Shift+Space';
/** For `aria-keyshortcuts`. */
export const VOICE_SHORTCUT_ARIA = 'Control+Shift+Space';

export function isVoiceShortcut(press: KeyPress): boolean {
  const space = press.code === 'Space' || press.key === ' ';
  return space && (press.ctrlKey || press.metaKey) && press.shiftKey && !press.altKey && !press.repeat;
}
