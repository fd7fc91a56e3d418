import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { storedPasskey } from '../identity/support/passkeys.js';
import { signInWithToken } from '../identity/support/sessions.js';

// SPEC §2 as a table: every action, tried by every role, by no token and by a revoked
// token. Each attempt gets fresh data from `prepare`, so one role's success cannot change
// what the next role meets.
type Role = 'reporter' | 'editor' | 'auditor' | 'admin';
const ROLES: Role[] = ['reporter', 'editor', 'auditor', 'admin'];

interface Attempt {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Row {
  action: string;
  allowed: Role[];
  success: number;
  // Roles the row cannot apply to (an auditor owns no claims): left out, with the reason.
  notApplicable?: Role[];
  // Open to anyone, token or not (the start of a passkey sign-in).
  public?: true;
  prepare(actor: TestUser): Promise<Attempt>;
}

describe('permission matrix (SPEC §2)', () => {
  let app: AppProcess;
  const people = {} as Record<Role, TestUser> & { reporter2: TestUser; editor2: TestUser };
  let revoked: TestUser;

  const url = () => app.url;
  const fresh = () =>
    submitClaim(url(), people.reporter2, {
      text: 'Officials said 40 bridges were destroyed.',
      appearanceUrl: 'https://news.example.org/bridges',
    });
  const inReview = async () => move(url(), people.editor2, await fresh(), 'in_review');
  const decided = async () => {
    const claim = await inReview();
    await attachSource(url(), people.editor2, claim, 'supports');
    const current = (await client(url(), people.editor2.token).get(`/api/v1/claims/${claim.id}`))
      .body;
    return move(url(), people.editor2, current, 'verified', 'Confirmed by the ministry record.');
  };
  // Webhooks (SPEC §13) are the admins' alone; receivers on a closed loopback port.
  const hookBody = () => ({ url: 'http://127.0.0.1:9/hook', events: ['comment.added'] });
  const newHook = async () =>
    (await client(url(), ADMIN_TOKEN).post('/api/v1/webhooks', { body: hookBody() })).body as {
      id: string;
    };
  const pingedHook = async () => {
    const hook = await newHook();
    const ping = await client(url(), ADMIN_TOKEN).post(`/api/v1/webhooks/${hook.id}/ping`);
    return { hook, delivery: ping.body as { id: string } };
  };
  // Sign-in (SPEC §16): everyone manages their own sessions and passkeys; admins invite
  // and manage everyone's.
  const sessionOf = async (user: TestUser) => (await signInWithToken(url(), user.token)).sessionId;
  const identityRows = (): Row[] => [
    {
      action: 'invite a person',
      allowed: ['admin'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/users/${(await createUser(url(), ['reporter'])).id}/invitations`,
      }),
    },
    {
      action: 'list my own sessions',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/sessions' }),
    },
    {
      action: 'list my own sessions by my id',
      allowed: ROLES,
      success: 200,
      prepare: async (actor) => ({ method: 'GET', path: `/api/v1/users/${actor.id}/sessions` }),
    },
    {
      action: "list another user's sessions",
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/users/${people.reporter2.id}/sessions`,
      }),
    },
    {
      action: 'end my own session',
      allowed: ROLES,
      success: 204,
      prepare: async (actor) => ({
        method: 'DELETE',
        path: `/api/v1/sessions/${await sessionOf(actor)}`,
      }),
    },
    {
      action: "end another user's session",
      allowed: ['admin'],
      success: 204,
      prepare: async () => ({
        method: 'DELETE',
        path: `/api/v1/sessions/${await sessionOf(people.reporter2)}`,
      }),
    },
    {
      action: 'trade a token for a session',
      allowed: ROLES,
      success: 204,
      prepare: async () => ({ method: 'POST', path: '/api/v1/auth/token-sign-in' }),
    },
    {
      action: 'sign out',
      allowed: ROLES,
      success: 204,
      prepare: async () => ({ method: 'POST', path: '/api/v1/auth/sign-out' }),
    },
    {
      action: 'list my passkeys',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/passkeys' }),
    },
    {
      action: "list another user's passkeys",
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/users/${people.reporter2.id}/passkeys`,
      }),
    },
    {
      action: 'remove my own passkey',
      allowed: ROLES,
      success: 204,
      prepare: async (actor) => ({
        method: 'DELETE',
        path: `/api/v1/passkeys/${(await storedPasskey(actor.id)).id}`,
      }),
    },
    {
      action: "remove another user's passkey",
      allowed: ['admin'],
      success: 204,
      prepare: async () => ({
        method: 'DELETE',
        path: `/api/v1/passkeys/${(await storedPasskey(people.reporter2.id)).id}`,
      }),
    },
    {
      action: 'start a passkey sign-in',
      allowed: ROLES,
      success: 200,
      public: true,
      prepare: async () => ({
        method: 'POST',
        path: '/api/v1/auth/passkeys/authentication/options',
      }),
    },
  ];
  const webhookRows = (): Row[] => [
    {
      action: 'create a webhook',
      allowed: ['admin'],
      success: 201,
      prepare: async () => ({ method: 'POST', path: '/api/v1/webhooks', body: hookBody() }),
    },
    {
      action: 'list webhooks',
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/webhooks' }),
    },
    {
      action: 'read a webhook',
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: `/api/v1/webhooks/${(await newHook()).id}` }),
    },
    {
      action: 'change a webhook',
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({
        method: 'PATCH',
        path: `/api/v1/webhooks/${(await newHook()).id}`,
        body: { description: 'changed' },
      }),
    },
    {
      action: 'delete a webhook',
      allowed: ['admin'],
      success: 204,
      prepare: async () => ({ method: 'DELETE', path: `/api/v1/webhooks/${(await newHook()).id}` }),
    },
    {
      action: 'ping a webhook',
      allowed: ['admin'],
      success: 202,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/webhooks/${(await newHook()).id}/ping`,
      }),
    },
    {
      action: "read a webhook's deliveries",
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/webhooks/${(await newHook()).id}/deliveries`,
      }),
    },
    {
      action: 'redeliver a webhook delivery',
      allowed: ['admin'],
      success: 202,
      prepare: async () => {
        const { hook, delivery } = await pingedHook();
        // A delivery being sent right now is a 409; wait until its first attempt is over
        // (the receiver's port is closed, so it then waits for its retry).
        for (let wait = 0; wait < 100; wait++) {
          const log = await client(url(), ADMIN_TOKEN).get(
            `/api/v1/webhooks/${hook.id}/deliveries`,
          );
          const item = log.body.items[0];
          if (item && item.status !== 'delivering' && item.attempts.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return {
          method: 'POST',
          path: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`,
        };
      },
    },
  ];
  const ifMatch = (claim: { version: number }) => ({ 'if-match': `"${claim.version}"` });
  // A decided claim with a claimant and a draft of its public fact-check (SPEC §12).
  const drafted = async () => {
    const claim = await decided();
    const draft = await client(url(), people.editor2.token).put(
      `/api/v1/claims/${claim.id}/publication`,
      {
        body: {
          headline: 'Yes, 40 bridges were destroyed',
          summary: 'The ministry record lists them.',
          claimReviewed: 'Officials said 40 bridges were destroyed.',
        },
      },
    );
    if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${draft.text}`);
    return claim;
  };
  const published = async () => {
    const claim = await drafted();
    const answer = await client(url(), people.editor2.token).post(
      `/api/v1/claims/${claim.id}/publication/publish`,
      { body: {} },
    );
    if (answer.status !== 200) throw new Error(`publish: ${answer.status} ${answer.text}`);
    return claim;
  };
  // Claimants (SPEC §15): names are unique within a type, so every attempt gets its own.
  const claimantBody = () => ({
    name: `Ministry ${Math.random().toString(36).slice(2)}`,
    type: 'Organization',
  });
  const newClaimant = async () =>
    (await client(url(), people.editor2.token).post('/api/v1/claimants', { body: claimantBody() }))
      .body as { id: string };
  const newSource = () => ({
    kind: 'official_statement',
    title: 'Ministry statement',
    url: `https://gov.example/statements/${Math.random().toString(36).slice(2)}`,
  });

  const rows: Row[] = [
    {
      action: 'read who I am',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/me' }),
    },
    {
      action: 'list claims',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/claims?limit=5' }),
    },
    {
      action: 'search claims in one language',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims?limit=5&language=uk&q=${encodeURIComponent('цивільних')}`,
      }),
    },
    {
      action: 'read a claim',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: `/api/v1/claims/${(await fresh()).id}` }),
    },
    {
      action: "read a claim's history",
      allowed: ROLES,
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims/${(await fresh()).id}/history`,
      }),
    },
    {
      action: "read a claim's comments",
      allowed: ROLES,
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims/${(await fresh()).id}/comments`,
      }),
    },
    {
      action: 'read a ClaimReview',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims/${(await published()).id}/claimreview`,
      }),
    },
    {
      action: 'write the draft of a fact-check',
      allowed: ['editor'],
      success: 201,
      prepare: async () => ({
        method: 'PUT',
        path: `/api/v1/claims/${(await decided()).id}/publication`,
        body: { headline: 'Bridges', summary: 'The ministry record lists them.' },
      }),
    },
    {
      action: 'read a publication',
      allowed: ['editor', 'admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims/${(await drafted()).id}/publication`,
      }),
    },
    {
      action: 'preview a fact-check',
      allowed: ['editor', 'admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claims/${(await drafted()).id}/publication/preview`,
      }),
    },
    {
      action: 'publish a fact-check',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/claims/${(await drafted()).id}/publication/publish`,
        body: {},
      }),
    },
    {
      action: 'retract a fact-check',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({
        method: 'DELETE',
        path: `/api/v1/claims/${(await published()).id}/publication`,
        body: { reason: 'Withdrawn for review.' },
      }),
    },
    {
      action: 'list sources',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/sources?limit=5' }),
    },
    {
      action: 'read a source',
      allowed: ROLES,
      success: 200,
      prepare: async () => {
        const created = await client(url(), people.editor2.token).post('/api/v1/sources', {
          body: newSource(),
        });
        return { method: 'GET', path: `/api/v1/sources/${created.body.id}` };
      },
    },
    {
      action: 'submit a claim',
      allowed: ['reporter', 'editor'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: '/api/v1/claims',
        body: { text: 'The port handled 874,000 tonnes of grain.' },
      }),
    },
    {
      action: 'ingest an article',
      allowed: ['reporter', 'editor'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: '/api/v1/articles',
        body: { text: 'The mayor said more than 2,000 homes were damaged.' },
      }),
    },
    {
      action: 'ingest an article in Ukrainian',
      allowed: ['reporter', 'editor'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: '/api/v1/articles',
        body: { text: 'Понад 2000 цивільних загинули.', language: 'uk' },
      }),
    },
    {
      action: 'create a source',
      allowed: ['reporter', 'editor'],
      success: 201,
      prepare: async () => ({ method: 'POST', path: '/api/v1/sources', body: newSource() }),
    },
    {
      action: 'create a claimant',
      allowed: ['editor'],
      success: 201,
      prepare: async () => ({ method: 'POST', path: '/api/v1/claimants', body: claimantBody() }),
    },
    {
      action: 'search claimants',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/claimants?q=ministry&limit=5' }),
    },
    {
      action: 'read a claimant and its track record',
      allowed: ROLES,
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/claimants/${(await newClaimant()).id}`,
      }),
    },
    {
      action: 'edit a claimant',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({
        method: 'PATCH',
        path: `/api/v1/claimants/${(await newClaimant()).id}`,
        body: { description: 'The national ministry.' },
      }),
    },
    {
      action: 'link my own submitted claim to a claimant',
      allowed: ['reporter', 'editor'],
      success: 200,
      notApplicable: ['auditor', 'admin'],
      prepare: async (actor) => {
        const claim = await submitClaim(url(), actor);
        return {
          method: 'PATCH',
          path: `/api/v1/claims/${claim.id}`,
          body: { claimantId: (await newClaimant()).id },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'edit my own submitted claim',
      allowed: ['reporter', 'editor'],
      success: 200,
      notApplicable: ['auditor', 'admin'],
      prepare: async (actor) => {
        const claim = await submitClaim(url(), actor);
        return {
          method: 'PATCH',
          path: `/api/v1/claims/${claim.id}`,
          body: { priority: 'high' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: "edit someone else's submitted claim",
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'PATCH',
          path: `/api/v1/claims/${claim.id}`,
          body: { priority: 'high' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: "change the language of someone else's submitted claim",
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'PATCH',
          path: `/api/v1/claims/${claim.id}`,
          body: { language: 'uk' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'attach evidence to my own claim',
      allowed: ['reporter', 'editor'],
      success: 201,
      notApplicable: ['auditor', 'admin'],
      prepare: async (actor) => {
        const claim = await submitClaim(url(), actor);
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/sources`,
          body: { stance: 'supports', source: newSource() },
        };
      },
    },
    {
      action: "attach evidence to someone else's claim",
      allowed: ['editor'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/claims/${(await fresh()).id}/sources`,
        body: { stance: 'context', source: newSource() },
      }),
    },
    {
      action: "detach evidence from someone else's claim",
      allowed: ['editor'],
      success: 204,
      prepare: async () => {
        const claim = await fresh();
        const attached = await attachSource(url(), people.reporter2, claim, 'context');
        const sourceId = attached.sources[0].id;
        return { method: 'DELETE', path: `/api/v1/claims/${claim.id}/sources/${sourceId}` };
      },
    },
    {
      action: 'comment on a claim',
      allowed: ['reporter', 'editor'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/claims/${(await fresh()).id}/comments`,
        body: { body: 'Asked the ministry for the underlying list.' },
      }),
    },
    {
      action: "start review of someone else's claim",
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'in_review' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: "decide someone else's claim",
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await inReview();
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'unverifiable', rationale: 'No independent access to the area.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'decide my own claim (four-eyes)',
      allowed: [],
      success: 200,
      notApplicable: ['auditor', 'admin'],
      prepare: async (actor) => {
        const claim = await move(
          url(),
          people.editor2,
          await submitClaim(url(), actor),
          'in_review',
        );
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'unverifiable', rationale: 'Cannot be checked.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'reopen a decided claim',
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await decided();
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'in_review', rationale: 'New figures published.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'withdraw my own claim',
      allowed: ['reporter', 'editor'],
      success: 200,
      notApplicable: ['auditor', 'admin'],
      prepare: async (actor) => {
        const claim = await submitClaim(url(), actor);
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'withdrawn', rationale: 'Duplicate of an earlier claim.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: "withdraw someone else's claim",
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/transitions`,
          body: { to: 'withdrawn', rationale: 'Out of scope.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'read the review queue',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/review-queue?limit=5' }),
    },
    {
      action: 'read the review queue by assignee and due date',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: '/api/v1/review-queue?assignee=me&overdue=false&sort=due&limit=5',
      }),
    },
    {
      action: 'assign a claim with a due date',
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/assignment`,
          body: {
            assigneeId: people.editor2.id,
            dueAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'merge a claim into another (SPEC §15)',
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const [claim, target] = [await fresh(), await fresh()];
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/merge`,
          body: { intoId: target.id, rationale: 'The same claim, submitted twice.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'merge a decided claim into another',
      allowed: ['editor'],
      success: 200,
      prepare: async () => {
        const [claim, target] = [await decided(), await fresh()];
        return {
          method: 'POST',
          path: `/api/v1/claims/${claim.id}/merge`,
          body: { intoId: target.id, rationale: 'Decided twice; this copy goes.' },
          headers: ifMatch(claim),
        };
      },
    },
    {
      action: 'list the editors a claim can be assigned to',
      allowed: ['editor'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/editors' }),
    },
    {
      // The request is theirs; each item then meets the single-claim rules (bulk spec).
      action: 'run a bulk action',
      allowed: ['reporter', 'editor'],
      success: 207,
      prepare: async () => {
        const claim = await fresh();
        return {
          method: 'POST',
          path: '/api/v1/claims/bulk',
          body: {
            action: 'add_tags',
            items: [{ id: claim.id, version: claim.version }],
            params: { tags: ['breaking'] },
          },
        };
      },
    },
    {
      action: 'read the global audit log',
      allowed: ['auditor', 'admin'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/audit/events?limit=5' }),
    },
    {
      action: 'export the audit log',
      allowed: ['auditor', 'admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/audit/export?format=ndjson&claimId=${(await fresh()).id}`,
      }),
    },
    {
      action: 'read the audit digest',
      allowed: ['auditor', 'admin'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/audit/digest' }),
    },
    {
      action: 'list users',
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({ method: 'GET', path: '/api/v1/users' }),
    },
    {
      action: 'create a user',
      allowed: ['admin'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: '/api/v1/users',
        body: {
          name: 'New Hire',
          email: `hire-${Math.random().toString(36).slice(2)}@newsroom.test`,
          roles: ['reporter'],
        },
      }),
    },
    {
      action: 'change a user',
      allowed: ['admin'],
      success: 200,
      prepare: async () => {
        const user = await createUser(url(), ['reporter']);
        return {
          method: 'PATCH',
          path: `/api/v1/users/${user.id}`,
          body: { roles: ['reporter', 'editor'] },
        };
      },
    },
    {
      action: 'change my own roles',
      allowed: ['admin'],
      success: 200,
      prepare: async (actor) => ({
        method: 'PATCH',
        path: `/api/v1/users/${actor.id}`,
        body: { roles: actor.roles },
      }),
    },
    {
      action: 'issue a token',
      allowed: ['admin'],
      success: 201,
      prepare: async () => ({
        method: 'POST',
        path: `/api/v1/users/${(await createUser(url(), ['reporter'])).id}/tokens`,
        body: {},
      }),
    },
    {
      action: "list another user's tokens",
      allowed: ['admin'],
      success: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/v1/users/${(await createUser(url(), ['reporter'])).id}/tokens`,
      }),
    },
    {
      action: 'list my own tokens',
      allowed: ROLES,
      success: 200,
      prepare: async (actor) => ({ method: 'GET', path: `/api/v1/users/${actor.id}/tokens` }),
    },
    {
      action: 'revoke a token',
      allowed: ['admin'],
      success: 204,
      prepare: async () => ({
        method: 'DELETE',
        path: `/api/v1/tokens/${(await createUser(url(), ['reporter'])).tokenId}`,
      }),
    },
    ...webhookRows(),
    ...identityRows(),
  ];

  beforeAll(async () => {
    // Every row is also tried without a token: far more failed authentications from one
    // address than AUTH_FAILURES_PER_MINUTE allows, which is not what this spec tests.
    app = await startApp({ env: { AUTH_FAILURES_PER_MINUTE: '0', WEBHOOK_ALLOW_PRIVATE: 'true' } });
    const [reporter, editor, auditor, admin, reporter2, editor2, gone] = await Promise.all(
      (['reporter', 'editor', 'auditor', 'admin', 'reporter', 'editor', 'editor'] as Role[]).map(
        (role) => createUser(app.url, [role]),
      ),
    );
    Object.assign(people, { reporter, editor, auditor, admin, reporter2, editor2 });
    revoked = gone;
    await client(app.url, ADMIN_TOKEN).delete(`/api/v1/tokens/${revoked.tokenId}`);
  });
  afterAll(() => app.stop());

  const send = (token: string | undefined, attempt: Attempt) =>
    client(app.url, token)[attempt.method.toLowerCase() as 'get'](attempt.path, {
      body: attempt.body,
      headers: attempt.headers,
    });

  describe.each(rows)('$action', (row) => {
    it.each(ROLES)(`answers %s as SPEC §2 says`, async (role) => {
      if (row.notApplicable?.includes(role)) return;
      const attempt = await row.prepare(people[role]);
      const response = await send(people[role].token, attempt);
      const expected = row.allowed.includes(role) ? row.success : 403;
      if (response.status !== expected) {
        throw new Error(`${role} → ${response.status}, expected ${expected}: ${response.text}`);
      }
      if (expected === 403) {
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });

    it('answers 401 without a token and with a revoked one', async () => {
      const attempt = await row.prepare(people.editor);
      const expected = row.public ? row.success : 401;
      expect((await send(undefined, attempt)).status).toBe(expected);
      expect((await send(revoked.token, attempt)).status).toBe(expected);
    });
  });

  // Asked before anyone has signed in (SPEC §16): the same answer for everyone, with any
  // token, a revoked one or none. OIDC_* are unset here, so the sign-in itself is a 404.
  describe('public sign-in routes', () => {
    const anyone = () => [undefined, revoked.token, ...ROLES.map((role) => people[role].token)];
    it('tells anyone which ways of signing in are offered', async () => {
      for (const token of anyone()) {
        const response = await client(url(), token).get('/api/v1/auth/sign-in-options');
        expect([response.status, response.body]).toEqual([200, { oidc: false }]);
      }
    });

    it('answers the OpenID Connect routes alike for anyone', async () => {
      for (const token of anyone()) {
        for (const path of ['/auth/oidc/start', '/auth/oidc/callback?code=c&state=s']) {
          expect((await client(url(), token).get(path)).status).toBe(404);
        }
      }
    });
  });
});
