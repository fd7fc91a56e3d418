import { ActionsPanel } from '../claim/actions.js';
import { Appearance } from '../claim/appearance.js';
import { AssignmentPanel } from '../claim/assignment-panel.js';
import { CommentsSection } from '../claim/comments.js';
import { EditPanel } from '../claim/edit-panel.js';
import { EvidenceSection } from '../claim/evidence.js';
import { HistorySection } from '../claim/history.js';
import { MergePanel } from '../claim/merge-panel.js';
import { MergedNotice } from '../claim/merged-notice.js';
import { useClaim } from '../claim/use-claim.js';
import { PublicationPanel } from '../publication/publication-panel.js';
import { isDecided } from '../../../domain/claim-status.js';
import { DuplicateWarning } from '../duplicates/duplicate-warning.js';
import { formatDate, formatDateTime } from '../format.js';
import { href } from '../router.js';
import { languageName } from '../language.js';
import { can, type Me } from '../session.js';
import { Alert, Loading, PriorityBadge, StatusBadge } from '../ui.js';
import { useEditors } from '../use-editors.js';

// One claim: what was said, by whom, where; the evidence; what to do next; the
// conversation; and the tamper-evident record of every change.
export function ClaimPage({ id, me }: { id: string; me: Me }) {
  const { loaded, error, revision, reload, touch } = useClaim(id);
  const editors = useEditors(me);

  if (!loaded) return error ? <Alert>{error}</Alert> : <Loading what="the claim" />;
  const { claim } = loaded;
  return (
    <article class="claim-page" aria-labelledby="claim-text">
      <div class="claim-head">
        <div class="badges">
          <StatusBadge status={claim.status} />
          <PriorityBadge priority={claim.priority} />
          <span class="muted small">version {claim.version}</span>
        </div>
        <blockquote id="claim-text" class="claim-text" lang={claim.language}>
          {claim.text}
        </blockquote>
        <MergedNotice claim={claim} />
        <DuplicateWarning claimId={claim.id} />
        <dl class="facts">
          <dt>Claimant</dt>
          <dd>
            {claim.claimant ?? <span class="muted">not recorded</span>}
            {claim.claimantId ? (
              <>
                {' '}
                <a href={href.claimant(claim.claimantId)} data-testid="claimant-profile">
                  track record
                </a>
              </>
            ) : null}
          </dd>
          {claim.claimedAt ? (
            <>
              <dt>Claimed on</dt>
              <dd>{formatDate(claim.claimedAt)}</dd>
            </>
          ) : null}
          <dt>Language</dt>
          <dd>{languageName(claim.language)}</dd>
          <dt>Tags</dt>
          <dd>
            {claim.tags.length ? (
              claim.tags.map((tag) => <span class="tag">{tag}</span>)
            ) : (
              <span class="muted">none</span>
            )}
          </dd>
          <dt>Submitted</dt>
          <dd>{formatDateTime(claim.createdAt)}</dd>
          {claim.decidedAt ? (
            <>
              <dt>Decided</dt>
              <dd>{formatDateTime(claim.decidedAt)}</dd>
            </>
          ) : null}
          {claim.rationale ? (
            <>
              <dt>Rationale</dt>
              <dd class="rationale">{claim.rationale}</dd>
            </>
          ) : null}
        </dl>
        <EditPanel me={me} loaded={loaded} onChanged={reload} />
      </div>
      <Alert>{error}</Alert>
      <div class="claim-grid">
        <div class="claim-main">
          <Appearance claim={claim} />
          <EvidenceSection me={me} loaded={loaded} onChanged={reload} />
          {can.review(me) && isDecided(claim.status) ? (
            <PublicationPanel key={claim.version} claim={claim} onRecorded={touch} />
          ) : null}
          <CommentsSection me={me} claimId={claim.id} onCommented={touch} />
        </div>
        <aside class="claim-side">
          <ActionsPanel me={me} loaded={loaded} onChanged={reload} onReload={reload} />
          <AssignmentPanel me={me} loaded={loaded} editors={editors} onChanged={reload} />
          <MergePanel me={me} loaded={loaded} onChanged={reload} />
          <HistorySection claimId={claim.id} revision={revision} />
        </aside>
      </div>
    </article>
  );
}
