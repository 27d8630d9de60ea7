import type { ModelState, Status } from './status';
import { describeBackend } from './status';

export interface StatusLineProps {
  status: Status;
  model: ModelState;
  onRetry(): void;
}

/**
 * What is happening, in an aria-live region; the model's download progress in bytes; which
 * backend runs it; and a Retry button when the model failed to load.
 */
export function StatusLine({ status, model, onRetry }: StatusLineProps) {
  return (
    <section className="status" aria-label="Status">
      <p role="status" aria-live="polite" className={`status-text status-${status.tone}`}>
        {status.text}
      </p>
      {model.phase === 'loading' && (
        <progress className="model-progress" aria-label="Model download" max={model.totalBytes || 1} value={model.loadedBytes}>
          {model.loadedBytes} of {model.totalBytes} bytes
        </progress>
      )}
      {model.phase === 'ready' && (
        <p className="backend">
          {model.modelName} · {describeBackend(model.result)}
        </p>
      )}
      {model.phase === 'error' && (
        <div className="model-error" role="alert">
          <p>
            The speech model {model.modelName} could not be loaded: {model.message}. Typing and search still work.
          </p>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
    </section>
  );
}
