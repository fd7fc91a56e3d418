import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('assignment and due dates (SPEC §14)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let colleague: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, secondEditor: colleague, auditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const assign = (
    who: TestUser,
    claim: { id: string; version: number },
    body: unknown,
    headers: Record<string, string> = { 'if-match': `"${claim.version}"` },
  ) => as(who).post(`/api/v1/claims/${claim.id}/assignment`, { body, headers });
  const submitted = () => submitClaim(app.url, reporter);
  const assignedEvents = (claimId: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT data, actor_id FROM audit_events WHERE chain = $1 AND type = 'claim.assigned'
          ORDER BY seq`,
        [claimId],
      );
      return rows as { data: any; actor_id: string }[];
    });

  it('hands a claim to a colleague with a due date, on record as claim.assigned', async () => {
    const claim = await submitted();
    const dueAt = inHours(3);
    const response = await assign(editor, claim, { assigneeId: colleague.id, dueAt });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({
      status: 'submitted',
      assigneeId: colleague.id,
      dueAt,
      version: 2,
    });
    expect((await as(auditor).get(`/api/v1/claims/${claim.id}`)).body.dueAt).toBe(dueAt);
    const [event] = await assignedEvents(claim.id);
    expect(event.actor_id).toBe(editor.id);
    expect(event.data.before).toMatchObject({ assigneeId: null, dueAt: null, version: 1 });
    expect(event.data.after).toMatchObject({ assigneeId: colleague.id, dueAt, version: 2 });
  });

  it('keeps the due date when it is left out, clears it with null, unassigns with null', async () => {
    const dueAt = inHours(5);
    let claim = (await assign(editor, await submitted(), { assigneeId: colleague.id, dueAt })).body;
    claim = (await assign(editor, claim, { assigneeId: editor.id })).body;
    expect(claim).toMatchObject({ assigneeId: editor.id, dueAt, version: 3 });
    claim = (await assign(editor, claim, { assigneeId: null })).body;
    expect(claim).toMatchObject({ assigneeId: null, dueAt, version: 4 });
    claim = (await assign(editor, claim, { assigneeId: null, dueAt: null })).body;
    expect(claim).toMatchObject({ assigneeId: null, dueAt: null, version: 5 });
    // Nothing changes: no new version, no event.
    const same = await assign(editor, claim, { assigneeId: null });
    expect(same.body.version).toBe(5);
    expect(await assignedEvents(claim.id)).toHaveLength(4);
  });

  it('accepts an RFC 3339 offset and answers the instant in UTC', async () => {
    const local = new Date(Date.now() + 2 * HOUR);
    local.setUTCMilliseconds(0);
    const utc = local.toISOString();
    const withOffset = new Date(local.getTime() + 2 * HOUR)
      .toISOString()
      .replace('.000Z', '+02:00');
    const response = await assign(editor, await submitted(), {
      assigneeId: colleague.id,
      dueAt: withOffset,
    });
    expect(response.status).toBe(200);
    expect(response.body.dueAt).toBe(utc);
  });

  it('requires If-Match (428) and refuses a stale one (412)', async () => {
    const claim = await submitted();
    const body = { assigneeId: colleague.id };
    expect((await assign(editor, claim, body, {})).status).toBe(428);
    const stale = await assign(editor, claim, body, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"1"');
  });

  it('refuses an assignee who is not an active editor (422 naming assigneeId)', async () => {
    const retired = await createUser(app.url, ['editor']);
    const { ADMIN_TOKEN } = await import('../support/app-process.js');
    await client(app.url, ADMIN_TOKEN).patch(`/api/v1/users/${retired.id}`, {
      body: { active: false },
    });
    const claim = await submitted();
    for (const assigneeId of [
      reporter.id,
      auditor.id,
      retired.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const response = await assign(editor, claim, { assigneeId });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { field: 'assigneeId', message: 'is not an active editor' },
      ]);
    }
  });

  it("refuses the claim's own submitter as assignee (four-eyes)", async () => {
    const claim = await submitClaim(app.url, colleague);
    const response = await assign(editor, claim, { assigneeId: colleague.id });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe('assigneeId');
  });

  it('refuses a due date in the past (422) or not in RFC 3339 (400)', async () => {
    const claim = await submitted();
    const past = await assign(editor, claim, { assigneeId: colleague.id, dueAt: inHours(-1) });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ field: 'dueAt', message: 'must be in the future' }]);
    const far = await assign(editor, claim, { assigneeId: colleague.id, dueAt: '2999-01-01' });
    expect(far.status).toBe(422);
    for (const dueAt of ['2026-W50-3', 'tomorrow', '2026-02-30T10:00:00Z', 12, '']) {
      const response = await assign(editor, claim, { assigneeId: colleague.id, dueAt });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('dueAt');
    }
    for (const body of [{}, { assigneeId: 'bob' }, { assigneeId: colleague.id, extra: 1 }]) {
      expect((await assign(editor, claim, body)).status).toBe(400);
    }
  });

  it('is for editors only: reporters and auditors get 403', async () => {
    const claim = await submitted();
    for (const who of [reporter, auditor]) {
      const response = await assign(who, claim, { assigneeId: colleague.id });
      expect(response.status).toBe(403);
    }
  });

  it('refuses decided and withdrawn claims (409)', async () => {
    const review = await move(app.url, editor, await submitted(), 'in_review');
    await attachSource(app.url, editor, review, 'supports');
    const current = (await as(editor).get(`/api/v1/claims/${review.id}`)).body;
    const decided = await move(app.url, editor, current, 'verified', 'Two sources agree.');
    const withdrawn = await move(app.url, reporter, await submitted(), 'withdrawn', 'Duplicate.');
    for (const claim of [decided, withdrawn]) {
      const response = await assign(editor, claim, { assigneeId: colleague.id });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/problems\/(claim-decided|conflict)$/);
    }
  });

  it('starting a review makes the reviewer the assignee and keeps the due date', async () => {
    const dueAt = inHours(4);
    const claim = (await assign(editor, await submitted(), { assigneeId: colleague.id, dueAt }))
      .body;
    const reviewed = await move(app.url, editor, claim, 'in_review');
    expect(reviewed).toMatchObject({ assigneeId: editor.id, dueAt });
  });

  it('rebuilds the assignment from the history (asOf)', async () => {
    const claim = (
      await assign(editor, await submitted(), { assigneeId: colleague.id, dueAt: inHours(6) })
    ).body;
    const now = new Date(Date.now() + 1000).toISOString();
    const rebuilt = (await as(editor).get(`/api/v1/claims/${claim.id}?asOf=${now}`)).body;
    expect(rebuilt).toEqual({ ...claim, asOf: expect.any(String) });
  });

  it('lists active editors for the desk, editors only', async () => {
    const response = await as(editor).get('/api/v1/editors');
    expect(response.status).toBe(200);
    const ids = response.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([editor.id, colleague.id]));
    expect(ids).not.toContain(reporter.id);
    expect(Object.keys(response.body.items[0]).sort()).toEqual(['id', 'name']);
    expect((await as(reporter).get('/api/v1/editors')).status).toBe(403);
  });
});
