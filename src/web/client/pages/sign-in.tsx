import { useState } from 'preact/hooks';
import { ApiError, call, messageOf } from '../api.js';
import { passkeysSupported, signInWithPasskey } from '../passkeys.js';
import { type Me, session } from '../session.js';
import { NewsroomAccountButton } from '../sign-in/newsroom-account-button.js';
import { useSignal } from '../signal.js';
import { Alert, Field, inputValue } from '../ui.js';
import { useRequest } from '../use-request.js';

// The browser refused or the person cancelled: nothing was signed.
const describePasskeyFailure = (failure: unknown) =>
  failure instanceof DOMException
    ? 'No passkey was used. Try again, or ask an admin for an invitation link.'
    : messageOf(failure);

const describeTokenFailure = (failure: unknown) =>
  failure instanceof ApiError && failure.status === 401
    ? 'That token is not valid (revoked, mistyped, or its user is deactivated).'
    : messageOf(failure);

// People sign in with a passkey. An access token (meant for scripts) still works here for
// whoever has one and no passkey yet, e.g. the first admin: it is traded for a session
// once, and the desk never keeps it.
export function SignInPage() {
  const notice = useSignal(session.notice);
  const { busy, error, send } = useRequest(describePasskeyFailure);

  const withPasskey = () => send(async () => session.signIn(await signInWithPasskey()));

  return (
    <main class="sign-in" id="main">
      <h1>claimdesk</h1>
      <p class="muted">The editors' desk for claims, evidence and decisions.</p>
      <section class="card" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Sign in</h2>
        <Alert tone="info">{notice}</Alert>
        <Alert>{error}</Alert>
        {passkeysSupported() ? (
          <button type="button" class="primary" disabled={busy} onClick={withPasskey}>
            {busy ? 'Signing in…' : 'Sign in with a passkey'}
          </button>
        ) : (
          <p class="muted">This browser cannot use passkeys.</p>
        )}
        <NewsroomAccountButton />
        <p class="muted small">
          New here? Open the invitation link your admin sent you to set up a passkey.
        </p>
        <TokenSignIn />
      </section>
    </main>
  );
}

function TokenSignIn() {
  const [token, setToken] = useState('');
  const { busy, error, setError, send } = useRequest(describeTokenFailure);

  const submit = (event: Event) => {
    event.preventDefault();
    const secret = token.trim();
    if (!secret) return setError('Paste your token first.');
    return send(async () => {
      await call('POST', '/auth/token-sign-in', { token: secret });
      session.signIn((await call<Me>('GET', '/me')).body);
    });
  };

  return (
    <details class="token-sign-in">
      <summary>Use an access token instead</summary>
      <form onSubmit={submit}>
        <Field
          label="Access token"
          hint="Starts with cd_. It signs this browser in; the desk does not keep it."
        >
          <input
            type="password"
            name="token"
            autoComplete="off"
            spellcheck={false}
            value={token}
            onInput={(e) => setToken(inputValue(e))}
            required
          />
        </Field>
        <Alert>{error}</Alert>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in with the token'}
        </button>
      </form>
    </details>
  );
}
