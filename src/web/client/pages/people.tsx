import { useEffect, useState } from 'preact/hooks';
import { get, messageOf, post } from '../api.js';
import { formatDateTime } from '../format.js';
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
            works once, until {formatDateTime(invitation.expiresAt)}:
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
            <table class="list-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr
                    key={person.id}
                    data-testid="person"
                    aria-current={selected?.id === person.id ? 'true' : undefined}
                  >
                    <th scope="row">
                      {person.name}
                      {person.active ? null : <span class="muted small"> · deactivated</span>}
                    </th>
                    <td class="muted small">{person.email}</td>
                    <td class="small">{person.roles.join(', ')}</td>
                    <td class="row-actions">
                      {/* Short on screen; the accessible names say whom they are for. */}
                      {person.active ? (
                        <button
                          type="button"
                          class="link"
                          aria-label={`Invite ${person.name}`}
                          onClick={() => invite(person)}
                        >
                          Invite
                        </button>
                      ) : null}
                      <button
                        type="button"
                        class="link"
                        aria-label={`Sign-ins of ${person.name}`}
                        onClick={() => setSelected(person)}
                      >
                        Sign-ins
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
