import { SHORTCUTS } from './use-queue-keys.js';

// The queue's keys, shown with `?`.
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div class="card shortcuts" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
