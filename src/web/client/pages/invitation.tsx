import { get, messageOf } from '../api.js';
import { passkeysSupported, registerPasskey } from '../passkeys.js';
import { navigate } from '../router.js';
import { type Me, session } from '../session.js';
import { Alert } from '../ui.js';
import { useRequest } from '../use-request.js';

// The browser refused or the person cancelled: no passkey, nothing sent.
const describeRegistrationFailure = (failure: unknown) =>
  failure instanceof DOMException ? 'The passkey was not created. Try again.' : messageOf(failure);

// Where an invitation link lands: the person registers a passkey on this device and is
// signed in by it. The link works once.
export function InvitationPage({ token }: { token: string }) {
  const { busy, error, send } = useRequest(describeRegistrationFailure);

  const register = () =>
    send(async () => {
      await registerPasskey(token);
      const me = (await get<Me>('/me')).body;
      navigate('#/');
      session.signIn(me);
    });

  return (
    <main class="sign-in" id="main">
      <h1>claimdesk</h1>
      <section class="card" aria-labelledby="invitation-title">
        <h2 id="invitation-title">Welcome</h2>
        <p>
          You have been invited to the desk. Create a passkey on this device: your phone, computer
          or security key unlocks it, and there is no password to remember.
        </p>
        <Alert>{error}</Alert>
        {passkeysSupported() ? (
          <button type="button" class="primary" disabled={busy} onClick={register}>
            {busy ? 'Creating…' : 'Create a passkey'}
          </button>
        ) : (
          <Alert>This browser cannot create passkeys. Open the link in a current browser.</Alert>
        )}
      </section>
    </main>
  );
}
