/** "A new version is ready — Reload": shown once a new build is installed behind this page. */
import type { AppUpdate } from './useAppUpdate';

export function UpdatePrompt({ update }: { update: AppUpdate }) {
  if (!update.ready) return null;
  return (
    <div className="update-prompt" role="status">
      <span>A new version is ready — </span>
      <button type="button" onClick={update.reload}>
        Reload
      </button>
    </div>
  );
}
