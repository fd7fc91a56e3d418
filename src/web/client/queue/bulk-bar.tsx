import { useState } from 'preact/hooks';
import { firstCharacters } from '../format.js';
import type { Me } from '../session.js';
import { type Claim, type Editor, PRIORITIES } from '../types.js';
import { Alert, Field, inputValue } from '../ui.js';
import { type BulkAction, useBulk } from './use-bulk.js';

const ACTIONS: [BulkAction, string][] = [
  ['assign', 'Assign to'],
  ['start_review', 'Start review'],
  ['set_priority', 'Set priority'],
  ['add_tags', 'Add tags'],
  ['remove_tags', 'Remove tags'],
  ['withdraw', 'Withdraw'],
];

// The action for the ticked claims, and what came of it, item by item.
export function BulkBar(props: { me: Me; chosen: Claim[]; editors: Editor[]; onDone: () => void }) {
  const [action, setAction] = useState<BulkAction>('assign');
  const [value, setValue] = useState('');
  const { run, busy, summary, failures, error } = useBulk(props.onDone);
  const params = (): Record<string, unknown> => {
    if (action === 'assign') return { assigneeId: value || props.me.id };
    if (action === 'set_priority') return { priority: value || 'urgent' };
    if (action === 'add_tags' || action === 'remove_tags') {
      return {
        tags: value
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      };
    }
    return value.trim() ? { rationale: value.trim() } : {};
  };
  const choose = (next: BulkAction) => {
    setAction(next);
    setValue('');
  };
  const count = props.chosen.length;
  return (
    <section class="bulk-bar card" aria-label="Selected claims">
      <p class="small">
        {count ? `${count} selected` : 'Tick claims (x, shift-click for a range)'}
      </p>
      <Field label="Bulk action">
        <select value={action} onChange={(e) => choose(inputValue(e) as BulkAction)}>
          {ACTIONS.map(([name, text]) => (
            <option value={name}>{text}</option>
          ))}
        </select>
      </Field>
      {action === 'assign' ? (
        <Field label="Assignee">
          <select value={value} onChange={(e) => setValue(inputValue(e))}>
            <option value="">Me</option>
            {props.editors
              .filter((editor) => editor.id !== props.me.id)
              .map((editor) => (
                <option value={editor.id}>{editor.name}</option>
              ))}
          </select>
        </Field>
      ) : action === 'set_priority' ? (
        <Field label="New priority">
          <select value={value || 'urgent'} onChange={(e) => setValue(inputValue(e))}>
            {PRIORITIES.map((priority) => (
              <option value={priority}>{priority}</option>
            ))}
          </select>
        </Field>
      ) : (
        <Field label={action.endsWith('tags') ? 'Tags (comma separated)' : 'Rationale'}>
          <input type="text" value={value} onInput={(e) => setValue(inputValue(e))} />
        </Field>
      )}
      <button
        type="button"
        class="primary"
        disabled={busy || count === 0}
        onClick={() => run(action, props.chosen, params())}
      >
        {busy ? 'Working…' : `Apply to ${count}`}
      </button>
      <p class="bulk-summary" role="status" aria-live="polite">
        {summary}
      </p>
      {failures.length ? (
        <ul class="bulk-failures small" aria-label="Claims not changed">
          {failures.map((failure) => (
            <li>
              {firstCharacters(failure.text, 80)}: {failure.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Alert>{error}</Alert>
    </section>
  );
}
