/**
 * The page's view of stored models: read when a model has loaded (so a download shows at once),
 * persistence asked for once a model has been kept, and "Remove downloaded models".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { askToKeepStorage, readModelStorage, removeDownloadedModels, type ModelStorage } from './model-storage';

export interface ModelStorageView {
  storage: ModelStorage | undefined;
  /** Set after a removal, until the next model load. */
  removed: boolean;
  /** Why reading or removing failed. */
  error: string | undefined;
  remove(): void;
}

/** `loadedKey` changes each time a model finishes loading (undefined while none has); `kept` says its files were stored. */
export function useModelStorage(loadedKey: string | undefined, kept: boolean): ModelStorageView {
  const [storage, setStorage] = useState<ModelStorage>();
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<string>();
  const asked = useRef(false);

  const refresh = useCallback(() => {
    readModelStorage().then(setStorage, (e: unknown) => setError(`Could not read stored models: ${String(e)}`));
  }, []);

  // Read at once (what an earlier visit kept) and again after each load.
  useEffect(() => {
    if (loadedKey !== undefined) setRemoved(false);
    if (loadedKey !== undefined && kept && !asked.current) {
      asked.current = true;
      void askToKeepStorage().finally(refresh);
    } else refresh();
  }, [loadedKey, kept, refresh]);

  const remove = useCallback(() => {
    removeDownloadedModels().then(
      () => {
        setRemoved(true);
        refresh();
      },
      (e: unknown) => setError(`Could not remove the models: ${String(e)}`),
    );
  }, [refresh]);

  return { storage, removed, error, remove };
}
