import { useState } from 'preact/hooks';
import { messageOf } from '../api.js';
import { passkeysSupported, registerPasskey } from '../passkeys.js';
import type { Me } from '../session.js';
import { Alert } from '../ui.js';
import { PasskeyList, SessionList } from './sign-in-lists.js';

// One's own sign-in: the passkeys that can sign in as me, and where I am signed in.
export function AccountPage({ me }: { me: Me }) {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      await registerPasskey();
      setVersion((v) => v + 1);
    } catch (failure) {
      setError(failure instanceof DOMException ? 'No passkey was created.' : messageOf(failure));
    }
  };
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p class="muted">
        {me.name} · {me.email}
      </p>
      <section class="card" aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">Passkeys</h2>
        <PasskeyList path="/passkeys" version={version} />
        <Alert>{error}</Alert>
        {passkeysSupported() ? (
          <button type="button" onClick={add}>
            Add a passkey
          </button>
        ) : null}
      </section>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <SessionList path="/sessions" />
      </section>
    </section>
  );
}
