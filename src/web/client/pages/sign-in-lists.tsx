import { useEffect, useState } from 'preact/hooks';
import { del, get, messageOf } from '../api.js';
import { formatDateTime } from '../format.js';
import { session } from '../session.js';
import { Alert, Loading } from '../ui.js';

export interface Passkey {
  id: string;
  label: string;
  deviceType: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SignInSession {
  id: string;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

const when = (iso: string | null) => (iso ? formatDateTime(iso) : 'never');

// A list that loads from `path` and offers one action per row; shared by the account page
// (one's own) and the people page (an admin looking at someone).
function useItems<T>(path: string, version: number) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<{ items: T[] }>(path)
      .then((reply) => setItems(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  useEffect(() => void load(), [path, version]);
  return { items, error, setError, load };
}

export function PasskeyList({ path, version = 0 }: { path: string; version?: number }) {
  const { items, error, setError, load } = useItems<Passkey>(path, version);
  const remove = async (passkey: Passkey) => {
    if (!confirm(`Remove the passkey “${passkey.label}”? It will no longer sign you in.`)) return;
    await del(`/passkeys/${passkey.id}`).then(load, (failure) => setError(messageOf(failure)));
  };
  if (!items) return error ? <Alert>{error}</Alert> : <Loading what="passkeys" />;
  return (
    <>
      <Alert>{error}</Alert>
      {items.length === 0 ? <p class="muted">No passkeys.</p> : null}
      <ul>
        {items.map((passkey) => (
          <li key={passkey.id} data-testid="passkey">
            <strong>{passkey.label}</strong>{' '}
            <span class="muted small">
              added {when(passkey.createdAt)} · last used {when(passkey.lastUsedAt)}
            </span>{' '}
            <button type="button" class="link" onClick={() => remove(passkey)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SessionList({ path, version = 0 }: { path: string; version?: number }) {
  const { items, error, setError, load } = useItems<SignInSession>(path, version);
  const end = async (item: SignInSession) => {
    try {
      await del(`/sessions/${item.id}`);
      if (item.current) return session.signOut('You signed out.');
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  if (!items) return error ? <Alert>{error}</Alert> : <Loading what="sessions" />;
  return (
    <>
      <Alert>{error}</Alert>
      {items.length === 0 ? <p class="muted">Not signed in anywhere.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id} data-testid="session">
            <strong>{item.current ? 'This browser' : 'Another browser'}</strong>{' '}
            <span class="muted small">
              {item.method} · from {item.address ?? 'unknown'} · signed in {when(item.createdAt)} ·
              last seen {when(item.lastSeenAt)} · ends {when(item.expiresAt)}
            </span>{' '}
            <button type="button" class="link" onClick={() => end(item)}>
              {item.current ? 'Sign out' : 'End this session'}
            </button>
            {/* As the browser named itself: enough to tell a phone from a laptop. */}
            {item.userAgent ? <span class="muted small user-agent">{item.userAgent}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
