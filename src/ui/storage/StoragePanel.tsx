/** Settings' storage section: what is kept of the models, whether the browser will keep it, and how to remove it. */
import { modelName } from '../settings/models';
import type { ModelStorageView } from './useModelStorage';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function StoragePanel({ view }: { view: ModelStorageView }) {
  const { storage, removed, error } = view;
  return (
    <section className="storage" aria-label="Storage">
      <h2>Storage</h2>
      {storage && storage.models.length > 0 ? (
        <p>
          Downloaded models: {storage.models.map((m) => `${modelName(m.modelId)} (${mb(m.bytes)})`).join(', ')}.{' '}
          {storage.persisted ? 'The browser keeps them until you remove them.' : 'The browser may remove them if space runs low.'}
        </p>
      ) : (
        <p>No downloaded models are stored{removed ? ': removed. The model in use keeps working; it downloads again on the next visit.' : '.'}</p>
      )}
      {storage?.usage && (
        <p>
          This site stores {mb(storage.usage.usedBytes)} in all (the app, its models and settings), of {mb(storage.usage.quotaBytes)} the browser allows.
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={view.remove} disabled={!storage || storage.models.length === 0}>
        Remove downloaded models
      </button>
    </section>
  );
}
