import { assigneeRefusal, assignRefusal } from '../../../domain/claim-access.js';
import { formatDateTime } from '../format.js';
import type { Me } from '../session.js';
import { type Editor, isOverdue } from '../types.js';
import { ChangeProblem } from './change-problem.js';
import { Field, inputValue } from '../ui.js';
import type { Loaded } from './use-claim.js';
import { useAssignment } from './use-assignment.js';

// Who has the claim and by when; editors take it or hand it to a colleague with a due date.
export function AssignmentPanel(props: {
  me: Me;
  loaded: Loaded;
  editors: Editor[];
  onChanged: () => Promise<void>;
}) {
  const { me, loaded } = props;
  const { claim } = loaded;
  const state = useAssignment(loaded, props.onChanged);
  if (assignRefusal(me, claim)) return null;
  const name = (id: string) => props.editors.find((editor) => editor.id === id)?.name ?? id;
  const colleagues = props.editors.filter((editor) => !assigneeRefusal(editor.id, claim));
  return (
    <section class="card" aria-labelledby="assignment-title">
      <h2 id="assignment-title">Assignment</h2>
      <p data-testid="assignee">
        {claim.assigneeId ? `Assigned to ${name(claim.assigneeId)}` : 'Not assigned'}
        {claim.dueAt ? `, due ${formatDateTime(claim.dueAt)}` : ''}
        {isOverdue(claim) ? <strong class="badge overdue-badge"> Overdue</strong> : null}
      </p>
      {claim.assigneeId !== me.id && !assigneeRefusal(me.id, claim) ? (
        <button type="button" disabled={state.busy} onClick={() => state.assign(me.id, false)}>
          Assign to me
        </button>
      ) : null}
      <form
        class="assignment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void state.assign(state.assignee || null, true);
        }}
      >
        <Field label="Assign to">
          <select value={state.assignee} onChange={(e) => state.setAssignee(inputValue(e))}>
            <option value="">Nobody</option>
            {colleagues.map((editor) => (
              <option value={editor.id}>{editor.name}</option>
            ))}
          </select>
        </Field>
        <Field label="Due" hint="Leave empty to keep the current due date">
          <input
            type="datetime-local"
            value={state.due}
            onInput={(e) => state.setDue(inputValue(e))}
          />
        </Field>
        <button type="submit" disabled={state.busy}>
          Save assignment
        </button>
      </form>
      <ChangeProblem error={state.error} stale={state.stale} onReload={props.onChanged} />
    </section>
  );
}
