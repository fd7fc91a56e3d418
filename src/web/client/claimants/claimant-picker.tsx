import { post } from '../api.js';
import { href } from '../router.js';
import { can, type Me } from '../session.js';
import { Alert } from '../ui.js';
import { useRequest } from '../use-request.js';
import { CLAIMANT_TYPES, type Claimant, type ClaimantType } from './types.js';
import { useClaimant, useClaimantSearch } from './use-claimant-search.js';

// Links the claim being written or edited to a claimant: while unlinked it suggests the
// claimants whose name or alias is like the free-text claimant, and lets an editor record
// a new one; once linked it names the claimant (with a link to its track record).
export function ClaimantPicker(props: {
  me: Me;
  text: string;
  linkedId: string | null;
  onLink: (claimant: Pick<Claimant, 'id' | 'name'> | null) => void;
}) {
  const suggestions = useClaimantSearch(props.linkedId ? '' : props.text);
  const linked = useClaimant(props.linkedId);
  const { busy, error, send } = useRequest();
  const name = props.text.trim();

  const create = (type: ClaimantType) =>
    send(async () => {
      const reply = await post<Claimant>('/claimants', { body: { name, type } });
      props.onLink(reply.body);
    });

  if (props.linkedId) {
    return (
      <div class="claimant-picker" data-testid="claimant-link">
        <span>
          Linked to <a href={href.claimant(props.linkedId)}>{linked ? linked.name : 'claimant'}</a>
          {linked ? <span class="muted"> ({linked.type})</span> : null}
        </span>{' '}
        <button type="button" class="link" onClick={() => props.onLink(null)}>
          Unlink
        </button>
      </div>
    );
  }
  const exact = suggestions.some((s) => s.name.toLowerCase() === name.toLowerCase());
  return (
    <div class="claimant-picker">
      {suggestions.length > 0 ? (
        <ul aria-label="Claimant suggestions" class="plain">
          {suggestions.map((claimant) => (
            <li key={claimant.id}>
              <button type="button" class="link" onClick={() => props.onLink(claimant)}>
                Link to {claimant.name}
              </button>{' '}
              <span class="muted small">
                {claimant.type}
                {claimant.aliases.length ? ` · also ${claimant.aliases.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {can.review(props.me) && name.length > 0 && !exact ? (
        <div class="buttons small">
          <span class="muted">New claimant “{name}”:</span>
          {CLAIMANT_TYPES.map((type) => (
            <button type="button" disabled={busy} onClick={() => void create(type)}>
              Record as {type}
            </button>
          ))}
        </div>
      ) : null}
      <Alert>{error}</Alert>
    </div>
  );
}
