import { useState } from 'preact/hooks';
import { ApiError, call, messageOf } from '../api.js';
import { type Me, session } from '../session.js';
import { NewsroomAccountButton } from '../sign-in/newsroom-account-button.js';
import { useSignal } from '../signal.js';
import { Alert, Field, inputValue } from '../ui.js';

export function SignInPage() {
  const notice = useSignal(session.notice);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const secret = token.trim();
    if (!secret) return setError('Paste your token first.');
    setBusy(true);
    setError(null);
    try {
      const me = (await call<Me>('GET', '/me', { token: secret })).body;
      session.signIn(secret, me);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? 'That token is not valid (revoked, mistyped, or its user is deactivated).'
          : messageOf(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <h1>claimdesk</h1>
      <p class="muted">The editors' desk for claims, evidence and decisions.</p>
      <NewsroomAccountButton />
      <form onSubmit={submit} class="card">
        <h2>Sign in</h2>
        <Alert tone="info">{notice}</Alert>
        <Field
          label="Access token"
          hint="Starts with cd_. Your admin issues it; it stays in this tab only."
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
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
