/**
 * The service worker's side of the page (vite.config.ts, serviceWorker()): registers it once the
 * page has loaded, and says when a new build has been installed behind this one and is waiting.
 * Accepting it (`reload`) lets the new worker take over and reloads the page into the new build;
 * until then every file keeps coming from the old build's precache, so nothing runs half old.
 */
import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

export interface AppUpdateOptions {
  /**
   * How often an open page asks the server for a new build. The browser checks on every visit;
   * this is for a page left open all day. Default: hourly.
   */
  checkEveryMs: number;
}

export const DEFAULT_APP_UPDATE_OPTIONS: AppUpdateOptions = { checkEveryMs: 60 * 60 * 1000 };

export interface AppUpdate {
  /** A new build is installed and waits for `reload`. */
  ready: boolean;
  /** Everything the page needs is stored: it opens without a network from now on. */
  offline: boolean;
  /** Why the service worker could not be registered (the page still works online). */
  error: string | undefined;
  reload(): void;
}

export function useAppUpdate(options: Partial<AppUpdateOptions> = {}): AppUpdate {
  const { checkEveryMs } = { ...DEFAULT_APP_UPDATE_OPTIONS, ...options };
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);
  const {
    needRefresh: [ready],
    offlineReady: [offlineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration || timer.current) return;
      timer.current = setInterval(() => void registration.update().catch(() => undefined), checkEveryMs);
    },
    onRegisterError(reason: unknown) {
      // `npm run dev` builds no service worker (vite-plugin-pwa's devOptions are off): nothing to report.
      if (import.meta.env.DEV) return;
      setError(`Offline use is not available: ${reason instanceof Error ? reason.message : String(reason)}`);
    },
  });
  useEffect(() => () => clearInterval(timer.current), []);

  // offlineReady fires once, when the first install completes; a later visit is already
  // controlled by an installed worker.
  const controlled = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;
  return { ready, offline: offlineReady || controlled, error, reload: () => void updateServiceWorker(true) };
}
