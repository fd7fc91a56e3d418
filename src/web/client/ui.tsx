import type { ComponentChildren } from 'preact';
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

export function Field(props: { label: string; hint?: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint ? <span class="field-hint">{props.hint}</span> : null}
    </label>
  );
}

export const inputValue = (event: Event) =>
  (event.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
