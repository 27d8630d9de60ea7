/** Owns the settings' persistence: read once from localStorage, written back on every change. */
import { useCallback, useState } from 'react';
import { parseSettings, serializeSettings, SETTINGS_STORAGE_KEY, type Settings } from './settings';

function readStored(): string | null {
  try {
    return localStorage.getItem(SETTINGS_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the defaults apply
  }
}

export function useSettings(modelIds: readonly string[]): [Settings, (change: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(() => parseSettings(readStored(), modelIds));
  const update = useCallback((change: Partial<Settings>) => {
    setSettings((previous) => {
      const next = { ...previous, ...change };
      try {
        localStorage.setItem(SETTINGS_STORAGE_KEY, serializeSettings(next));
      } catch {
        // Storage full or disabled: the change holds for this visit.
      }
      return next;
    });
  }, []);
  return [settings, update];
}
