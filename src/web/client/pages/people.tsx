import { useEffect, useState } from 'preact/hooks';
import { get, messageOf, post } from '../api.js';
import { can, type Me } from '../session.js';
import { Alert, Loading } from '../ui.js';
import { PasskeyList, SessionList } from './sign-in-lists.js';

interface Person {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
}

// People for admins: invite someone (a one-time link to register a passkey, shown once)
// and see or end anyone's sessions and passkeys.
export function PeoplePage({ me }: { me: Me }) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [selected, setSelected] = useState<Person | null>(null);
  const [invitation, setInvitation] = useState<{
    name: string;
    url: string;
    expiresAt: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!can.managePeople(me)) return;
    get<{ items: Person[] }>('/users')
      .then((reply) => setPeople(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  }, []);

  if (!can.managePeople(me)) return <Alert>People are managed by admins.</Alert>;

  const invite = async (person: Person) => {
    setError(null);
    try {
      const reply = await post<{ url: string; expiresAt: string }>(
        `/users/${person.id}/invitations`,
      );
      setInvitation({ name: person.name, ...reply.body });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <Alert>{error}</Alert>
      {invitation ? (
        <div class="alert alert-info" role="status">
          <p>
            Invitation for {invitation.name} — send this link to them now; it is not shown again and
            works once, until {new Date(invitation.expiresAt).toLocaleString()}:
          </p>
          <code data-testid="invitation-url">{invitation.url}</code>
        </div>
      ) : null}
      <div class="claim-grid">
        <section class="card" aria-labelledby="people-list-title">
          <h2 id="people-list-title">Everyone</h2>
          {!people ? (
            <Loading what="people" />
          ) : (
            <ul>
              {people.map((person) => (
                <li key={person.id} data-testid="person">
                  <strong>{person.name}</strong>{' '}
                  <span class="muted small">
                    {person.email} · {person.roles.join(', ')}
                    {person.active ? '' : ' · deactivated'}
                  </span>{' '}
                  {person.active ? (
                    <button type="button" class="link" onClick={() => invite(person)}>
                      Invite {person.name}
                    </button>
                  ) : null}{' '}
                  <button type="button" class="link" onClick={() => setSelected(person)}>
                    Sign-ins of {person.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {selected ? (
          <section class="card" aria-labelledby="person-title" key={selected.id}>
            <h2 id="person-title">{selected.name}</h2>
            <h3>Sessions</h3>
            <SessionList path={`/users/${selected.id}/sessions`} />
            <h3>Passkeys</h3>
            <PasskeyList path={`/users/${selected.id}/passkeys`} />
          </section>
        ) : null}
      </div>
    </section>
  );
}
