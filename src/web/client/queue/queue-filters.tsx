import { useState } from 'preact/hooks';
import { can, type Me } from '../session.js';
import { COMMON_LANGUAGES } from '../../../domain/languages.js';
import { label, PRIORITIES, STATUSES } from '../types.js';
import { Field, inputValue } from '../ui.js';
import { type Filters, WAITING } from './filters.js';

// Status, priority, language, "submitted by me" and "assigned to me" apply at once; tag and
// search when submitted.
export function QueueFilters(props: {
  me: Me;
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const { filters, onChange } = props;
  const [draft, setDraft] = useState({ tag: filters.tag, q: filters.q });
  const apply = (event: Event) => {
    event.preventDefault();
    onChange({ ...filters, tag: draft.tag.trim(), q: draft.q.trim() });
  };

  return (
    <form class="filters" onSubmit={apply} role="search" aria-label="Filter claims">
      <Field label="Status">
        <select
          name="status"
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: inputValue(e) })}
        >
          <option value={WAITING}>Waiting (submitted, in review)</option>
          {STATUSES.map((status) => (
            <option value={status}>{label(status)}</option>
          ))}
          <option value="">Any status</option>
        </select>
      </Field>
      <Field label="Priority">
        <select
          name="priority"
          value={filters.priority}
          onChange={(e) => onChange({ ...filters, priority: inputValue(e) })}
        >
          <option value="">Any priority</option>
          {PRIORITIES.map((priority) => (
            <option value={priority}>{priority}</option>
          ))}
        </select>
      </Field>
      <Field label="Language">
        <select
          name="language"
          value={filters.language}
          onChange={(e) => onChange({ ...filters, language: inputValue(e) })}
        >
          <option value="">Any language</option>
          {COMMON_LANGUAGES.map(({ tag, name }) => (
            <option value={tag}>{name}</option>
          ))}
        </select>
      </Field>
      <Field label="Tag">
        <input
          name="tag"
          value={draft.tag}
          onInput={(e) => setDraft({ ...draft, tag: inputValue(e) })}
        />
      </Field>
      <Field label="Search text and claimant">
        <input
          type="search"
          name="q"
          value={draft.q}
          onInput={(e) => setDraft({ ...draft, q: inputValue(e) })}
        />
      </Field>
      {can.submit(props.me) ? (
        <label class="check">
          <input
            type="checkbox"
            checked={filters.submittedByMe}
            onChange={(e) =>
              onChange({
                ...filters,
                submittedByMe: (e.currentTarget as HTMLInputElement).checked,
              })
            }
          />
          Submitted by me
        </label>
      ) : null}
      {can.review(props.me) ? (
        <label class="check">
          <input
            type="checkbox"
            checked={filters.mine}
            onChange={(e) =>
              onChange({ ...filters, mine: (e.currentTarget as HTMLInputElement).checked })
            }
          />
          My work (assigned to me, overdue first)
        </label>
      ) : null}
      <button type="submit">Filter</button>
    </form>
  );
}
