import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';

// A submission and a transition each write the claim and its audit events with one
// statement whose events were built and hashed in the process beforehand. What the events
// record must be exactly what the statement stored: the claim is rebuilt from them.
describe('the one-statement write path', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let secondEditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, secondEditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const api = (who: TestUser) => client(app.url, who.token);
  const historyOf = async (claimId: string) =>
    (await api(editor).get(`/api/v1/claims/${claimId}/history`)).body.items as any[];
  const stored = (id: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT created_at, updated_at, decided_at, version, status FROM claims WHERE id = $1`,
        [id],
      );
      return rows[0];
    });

  it('records in claim.submitted exactly the claim it stored, and answers the same', async () => {
    // The 201's advice about the moment of submission is not part of the stored claim.
    const { claimantSuggestions, possibleDuplicates, ...submitted } = await submitClaim(
      app.url,
      reporter,
      {
        text: 'The river rose four metres in two days.',
        claimant: 'Regional water board',
        claimedAt: '0999-03-02',
        tags: ['floods', 'water'],
        priority: 'high',
        appearanceUrl: 'https://example.org/board/statement',
      },
    );
    expect(claimantSuggestions).toEqual([]);
    expect(Array.isArray(possibleDuplicates)).toBe(true);
    const { body: read } = await api(reporter).get(`/api/v1/claims/${submitted.id}`);
    expect(submitted).toEqual(read);

    const [event, ...rest] = await historyOf(submitted.id);
    expect(rest).toEqual([]);
    expect(event.type).toBe('claim.submitted');
    const { sources, ...claim } = read;
    expect(sources).toEqual([]);
    expect(event.data.after).toEqual(claim);
    // The claim's time is the event's time, to the millisecond timestamptz keeps.
    expect(event.at).toBe(claim.createdAt);
    const row = await stored(submitted.id);
    expect(row.created_at.toISOString()).toBe(claim.createdAt);
    expect(row.updated_at.toISOString()).toBe(claim.updatedAt);
    expect(chainProblem([event])).toBeNull();
  });

  it('records in each transition exactly what it stored, also a decision', async () => {
    let claim = await submitClaim(app.url, reporter);
    claim = await move(app.url, editor, claim, 'in_review');
    claim = await attachSource(app.url, secondEditor, claim, 'supports');
    const verified = await move(app.url, editor, claim, 'verified', 'Two sources agree.');
    const { body: read } = await api(reporter).get(`/api/v1/claims/${claim.id}`);
    expect(verified).toEqual(read);
    expect(read.sources).toHaveLength(1);

    const events = await historyOf(claim.id);
    expect(events.map((event) => event.type)).toEqual([
      'claim.submitted',
      'claim.transitioned',
      'claim.assigned',
      'evidence.attached',
      'claim.transitioned',
    ]);
    expect(chainProblem(events)).toBeNull();
    const decision = events[4];
    expect(decision.data.after).toEqual({
      status: 'verified',
      rationale: 'Two sources agree.',
      decidedBy: editor.id,
      decidedAt: read.decidedAt,
      version: read.version,
      updatedAt: read.updatedAt,
    });
    expect(decision.at).toBe(read.updatedAt);
    const row = await stored(claim.id);
    expect(row.decided_at.toISOString()).toBe(read.decidedAt);
    expect(row.updated_at.toISOString()).toBe(read.updatedAt);
    expect(row).toMatchObject({ status: 'verified', version: read.version });
  });
});
