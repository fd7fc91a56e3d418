import { label, STATUSES, type Status } from '../types.js';

// How many claims wait in each status; a button per status filters the list.
export function StatusCounts(props: {
  counts: Record<Status, number> | null;
  selected: string;
  onSelect: (status: string) => void;
}) {
  if (!props.counts) return null;
  return (
    <ul class="counts" aria-label="Claims per status">
      {STATUSES.map((status) => (
        <li>
          <button
            type="button"
            class={`count status-${status}`}
            aria-pressed={props.selected === status}
            onClick={() => props.onSelect(status)}
          >
            <span class="count-n">{props.counts![status]}</span>
            <span class="count-label">{label(status)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
