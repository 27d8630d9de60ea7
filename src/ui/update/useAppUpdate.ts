/**
 * The service worker's side of the page (vite.config.ts, serviceWorker()): registers it once the
 * page may spend bandwidth and CPU on it, and says when a new build has been installed behind this
 * one and is waiting. Accepting it (`reload`) lets the new worker take over and reloads the page
 * into the new build; until then every file keeps coming from the old build's precache, so nothing
 * runs half old.
 *
 * Why it waits for `start`: installing precaches about 52 MB (onnxruntime, the catalogue, the
 * page); on a first visit that competed with the speech model's own download and session creation
 * (`npm run -s bench:load`), which is what the person is waiting for. The app starts it once the
 * model has loaded or failed; `startAfterMs` bounds the wait on a very slow link.
 */
import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

export interface AppUpdateOptions {
  /**
   * How often an open page asks the server for a new build. The browser checks on every visit;
   * this is for a page left open all day. Default: hourly.
   */
  checkEveryMs: number;
  /** Registers this long after the page opened even if `start` never came. Default: 30 s. */
  startAfterMs: number;
}

export const DEFAULT_APP_UPDATE_OPTIONS: AppUpdateOptions = { checkEveryMs: 60 * 60 * 1000, startAfterMs: 30_000 };

export interface AppUpdate {
  /** A new build is installed and waits for `reload`. */
  ready: boolean;
  /** Everything the page needs is stored: it opens without a network from now on. */
  offline: boolean;
  /** Why the service worker could not be registered (the page still works online). */
  error: string | undefined;
  reload(): void;
}

/** `start`: the page's own first work is done (the model loaded or failed); register now. */
export function useAppUpdate(start: boolean, options: Partial<AppUpdateOptions> = {}): AppUpdate {
  const { checkEveryMs, startAfterMs } = { ...DEFAULT_APP_UPDATE_OPTIONS, ...options };
  const [error, setError] = useState<string>();
  const [ready, setReady] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  const update = useRef<((reloadPage?: boolean) => Promise<void>) | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);

  useEffect(() => {
    const wait = setTimeout(() => setTimedOut(true), startAfterMs);
    return () => clearTimeout(wait);
  }, [startAfterMs]);

  useEffect(() => {
    if ((!start && !timedOut) || update.current) return;
    update.current = registerSW({
      immediate: true,
      onNeedRefresh: () => setReady(true),
      onOfflineReady: () => setOfflineReady(true),
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
  }, [start, timedOut, checkEveryMs]);
  useEffect(() => () => clearInterval(timer.current), []);

  // offlineReady fires once, when the first install completes; a later visit is already
  // controlled by an installed worker.
  const controlled = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;
  return { ready, offline: offlineReady || controlled, error, reload: () => void update.current?.(true) };
}
