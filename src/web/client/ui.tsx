import { cloneElement, type ComponentChildren, type VNode } from 'preact';
import { useId } from 'preact/hooks';
import { label, type Priority, type Stance, type Status } from './types.js';

export const StatusBadge = ({ status }: { status: Status }) => (
  <span class={`badge status-${status}`}>{label(status)}</span>
);

export const PriorityBadge = ({ priority }: { priority: Priority }) => (
  <span class={`badge priority-${priority}`}>{priority}</span>
);

export const StanceBadge = ({ stance }: { stance: Stance }) => (
  <span class={`badge stance-${stance}`}>{stance}</span>
);

// Errors are announced to screen readers as they appear.
export const Alert = ({
  children,
  tone = 'error',
}: {
  children: ComponentChildren;
  tone?: string;
}) =>
  children ? (
    <div class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  ) : null;

export const Loading = ({ what }: { what: string }) => (
  <p class="muted" role="status">
    Loading {what}…
  </p>
);

// A labelled control: the label names it, the hint describes it (aria-describedby), so
// screen readers read "Claimant, edit text, Who made the claim." and tests find it by name.
export function Field(props: { label: string; hint?: string; children: VNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      {cloneElement(props.children, {
        id,
        'aria-describedby': props.hint ? hintId : undefined,
      })}
      {props.hint ? (
        <span class="field-hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

export const inputValue = (event: Event) =>
  (event.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
