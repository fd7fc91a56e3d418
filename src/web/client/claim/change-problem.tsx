import { Alert } from '../ui.js';

// Why a change to the claim failed, and, when the claim changed meanwhile (a 412), a way to
// load its current version. Renders an empty live region while there is nothing to say, so
// a screen reader announces the message when it appears.
export function ChangeProblem(props: {
  error: string | null;
  stale: boolean;
  onReload: () => unknown;
}) {
  return (
    <Alert>
      {props.error ? (
        <>
          {props.error}{' '}
          {props.stale ? (
            <button type="button" class="link" onClick={() => void props.onReload()}>
              Reload
            </button>
          ) : null}
        </>
      ) : null}
    </Alert>
  );
}
