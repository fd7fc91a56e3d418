import { firstCharacters, formatDateTime } from '../format.js';
import { href } from '../router.js';
import { type Claim, type Editor, isOverdue } from '../types.js';
import { LanguageBadge } from '../language.js';
import { PriorityBadge, StatusBadge } from '../ui.js';

// One claim in the queue: a tick box when it can be selected, who has it, and its due
// date — marked when overdue.
export function ClaimRow(props: {
  claim: Claim;
  index: number;
  current: boolean;
  selectable: boolean;
  selected: boolean;
  editors: Editor[];
  onToggle: (index: number, range: boolean) => void;
  onFocus: (index: number) => void;
}) {
  const { claim } = props;
  const overdue = isOverdue(claim);
  const assignee = props.editors.find((editor) => editor.id === claim.assigneeId);
  return (
    <li
      class={`claim-row priority-${claim.priority}${overdue ? ' overdue' : ''}${props.current ? ' current' : ''}`}
      data-row={props.index}
      aria-current={props.current ? 'true' : undefined}
    >
      <div class="claim-row-head">
        {props.selectable ? (
          <input
            type="checkbox"
            checked={props.selected}
            aria-label={`Select: ${firstCharacters(claim.text, 80)}`}
            onClick={(e) => {
              e.preventDefault();
              props.onToggle(props.index, e.shiftKey);
            }}
          />
        ) : null}
        <PriorityBadge priority={claim.priority} />
        <StatusBadge status={claim.status} />
        <LanguageBadge tag={claim.language} />
        {overdue ? <span class="badge overdue-badge">Overdue</span> : null}
        <span class="muted small">{formatDateTime(claim.createdAt)}</span>
        {claim.dueAt ? <span class="small">due {formatDateTime(claim.dueAt)}</span> : null}
        {claim.assigneeId ? (
          <span class="small muted">→ {assignee?.name ?? 'assigned'}</span>
        ) : null}
      </div>
      <a
        class="claim-row-text"
        lang={claim.language}
        href={href.claim(claim.id)}
        onFocus={() => props.onFocus(props.index)}
      >
        {claim.text}
      </a>
      <div class="claim-row-meta small">
        {claim.claimant ? <span>— {claim.claimant}</span> : <span class="muted">no claimant</span>}
        {claim.tags.map((tag) => (
          <span class="tag">{tag}</span>
        ))}
      </div>
    </li>
  );
}
