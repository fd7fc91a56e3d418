import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GENESIS_HASH } from '../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../src/audit/event-hash.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';

// Sentences from a real wire report (shared/fixtures/article-kherson-mariupol.txt, NewsNation
// Now, 2 March 2022), copied here so the spec does not depend on files outside the repo.
const SES_DEATHS =
  "So far, Ukraine's State Emergency Service has said more than 2,000 civilians have died, " +
  'though it was impossible to verify that claim.';
const UN_VOTE =
  'The vote on the resolution, entitled "Aggression Against Ukraine," was 141-5 with 35 abstentions.';
const RUSSIAN_LOSSES =
  "Russia's Defense Ministry said Wednesday that 498 of its troops were killed in Ukraine and " +
  '1,597 others are wounded.';

describe('a newsroom checking claims from the Kherson/Mariupol wire report', () => {
  let app: AppProcess;
  let olena: TestUser; // reporter
  let marek: TestUser; // editor
  let aisha: TestUser; // editor

  beforeAll(async () => {
    app = await startApp();
    [olena, marek, aisha] = await Promise.all([
      createUser(app.url, ['reporter'], { name: 'Olena Kovalenko' }),
      createUser(app.url, ['editor'], { name: 'Marek Nowak' }),
      createUser(app.url, ['editor'], { name: 'Aisha Bello' }),
    ]);
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const act = async (
    who: TestUser,
    claim: { id: string; version: number },
    to: string,
    rationale?: string,
  ) => {
    const response = await as(who).post(`/api/v1/claims/${claim.id}/transitions`, {
      body: rationale ? { to, rationale } : { to },
      headers: { 'if-match': `"${claim.version}"` },
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const attach = async (who: TestUser, claim: { id: string; version: number }, body: object) => {
    const response = await as(who).post(`/api/v1/claims/${claim.id}/sources`, {
      body,
      headers: { 'if-match': `"${claim.version}"` },
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  // The urgent review queue, every page: the run's specs share one database, and other
  // specs' older urgent claims come first.
  const urgentQueue = async (who: TestUser) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await as(who).get(
        `/api/v1/review-queue?priority=urgent&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids;
  };
  const historyOf = async (claimId: string) => {
    const response = await as(olena).get(`/api/v1/claims/${claimId}/history`);
    expect(response.status).toBe(200);
    return response.body.items as any[];
  };

  it('marks the State Emergency Service death toll unverifiable with a rationale', async () => {
    const submitted = await as(olena).post('/api/v1/claims', {
      body: {
        text: 'More than 2,000 civilians have died in Ukraine.',
        claimant: "Ukraine's State Emergency Service",
        claimedAt: '2022-03-02',
        tags: ['casualties'],
        priority: 'urgent',
      },
    });
    expect(submitted.status).toBe(201);

    expect(await urgentQueue(marek)).toContain(submitted.body.id);

    const inReview = await act(marek, submitted.body, 'in_review');
    await as(marek).post(`/api/v1/claims/${inReview.id}/comments`, {
      body: { body: SES_DEATHS },
    });
    const rationale =
      'The SES figure cannot be checked independently while fighting continues; the wire ' +
      'report itself says it was impossible to verify.';
    const decided = await act(marek, inReview, 'unverifiable', rationale);
    expect(decided).toMatchObject({
      status: 'unverifiable',
      rationale,
      decidedBy: marek.id,
      assigneeId: marek.id,
      version: 3,
    });

    const history = await historyOf(decided.id);
    expect(history.map((event) => event.type)).toEqual([
      'claim.submitted',
      'claim.transitioned',
      'claim.assigned',
      'comment.added',
      'claim.transitioned',
    ]);
    expect(history[4]).toMatchObject({
      fromStatus: 'in_review',
      toStatus: 'unverifiable',
      rationale,
      actor: { id: marek.id, name: 'Marek Nowak', roles: ['editor'] },
    });
  });

  it('verifies the UN vote with a supporting source', async () => {
    const submitted = await as(olena).post('/api/v1/claims', {
      body: {
        text: 'The UN General Assembly vote demanding a halt to the invasion was 141-5 with 35 abstentions.',
        claimant: 'United Nations General Assembly',
        tags: ['diplomacy'],
      },
    });
    let claim = await act(aisha, submitted.body, 'in_review');
    claim = await attach(olena, claim, {
      stance: 'supports',
      note: UN_VOTE,
      source: {
        kind: 'official_statement',
        title: 'General Assembly resolution demands end to Russian offensive in Ukraine',
        url: 'https://news.un.org/en/story/2022/03/1113152?utm_source=newsletter',
        publisher: 'UN News',
        publishedAt: '2022-03-02T17:00:00Z',
      },
    });
    const verified = await act(
      aisha,
      claim,
      'verified',
      'UN News records 141 in favour, 5 against, 35 abstentions.',
    );
    expect(verified.status).toBe('verified');
    expect(verified.sources).toEqual([
      expect.objectContaining({
        url: 'https://news.un.org/en/story/2022/03/1113152',
        stance: 'supports',
        note: UN_VOTE,
      }),
    ]);
  });

  it("disputes Russia's 498 troops killed with a contradicting source", async () => {
    const submitted = await as(olena).post('/api/v1/claims', {
      body: {
        text: '498 Russian troops have been killed in Ukraine.',
        claimant: "Russia's Defense Ministry",
        tags: ['casualties'],
        priority: 'high',
      },
    });
    let claim = await act(marek, submitted.body, 'in_review');
    claim = await attach(marek, claim, {
      stance: 'context',
      note: RUSSIAN_LOSSES,
      source: { kind: 'official_statement', title: 'Russian Defense Ministry briefing, 2 March' },
    });
    claim = await attach(marek, claim, {
      stance: 'contradicts',
      note: 'Ukrainian officials put Russian losses far higher.',
      source: {
        kind: 'official_statement',
        title: 'General Staff of the Armed Forces of Ukraine: estimated Russian losses',
        url: 'https://www.facebook.com/GeneralStaff.ua/posts/1?fbclid=abc',
      },
    });
    const disputed = await act(
      marek,
      claim,
      'disputed',
      'Russia reports 498; Ukraine reports several thousand. Neither figure is independently confirmed.',
    );
    expect(disputed.status).toBe('disputed');
    expect(disputed.sources.map((source: { stance: string }) => source.stance)).toEqual([
      'context',
      'contradicts',
    ]);

    // What did we say at each step? Rebuilt from the audit events alone.
    const history = await historyOf(disputed.id);
    const atReview = history.find((event) => event.type === 'claim.assigned').at;
    const then = await as(olena).get(`/api/v1/claims/${disputed.id}?asOf=${atReview}`);
    expect(then.status).toBe(200);
    expect(then.headers.get('etag')).toBeNull();
    expect(then.body).toMatchObject({
      status: 'in_review',
      assigneeId: marek.id,
      version: 2,
      sources: [],
      asOf: atReview,
    });
    const now = await as(olena).get(
      `/api/v1/claims/${disputed.id}?asOf=${new Date().toISOString()}`,
    );
    const current = await as(olena).get(`/api/v1/claims/${disputed.id}`);
    const { asOf, ...rebuilt } = now.body;
    expect(asOf).toBeDefined();
    expect(rebuilt).toEqual(current.body);

    const before = await as(olena).get(`/api/v1/claims/${disputed.id}?asOf=2022-03-01T00:00:00Z`);
    expect(before.status).toBe(404);
  });

  it('rebuilds an edited and reopened claim exactly from its events', async () => {
    const submitted = await as(olena).post('/api/v1/claims', {
      body: { text: '21 people were killed in Kharkiv.', claimant: 'Oleg Sinehubov' },
    });
    const edited = await as(olena).patch(`/api/v1/claims/${submitted.body.id}`, {
      body: {
        text: '21 people had been killed in Kharkiv over the previous 24 hours.',
        tags: ['kharkiv'],
      },
      headers: { 'if-match': '"1"' },
    });
    let claim = await act(marek, edited.body, 'in_review');
    claim = await act(marek, claim, 'unverifiable', 'Only one official source.');
    claim = await act(aisha, claim, 'in_review', 'Regional police published a list.');
    const current = await as(olena).get(`/api/v1/claims/${claim.id}`);
    const rebuilt = await as(olena).get(
      `/api/v1/claims/${claim.id}?asOf=${new Date().toISOString()}`,
    );
    const state = { ...rebuilt.body };
    delete state.asOf;
    expect(state).toEqual(current.body);
    expect(state).toMatchObject({ status: 'in_review', assigneeId: aisha.id, decidedBy: null });
  });

  it('keeps every chain intact: each hash recomputes and links to the one before', async () => {
    const chains = await withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT c.id FROM claims c WHERE c.submitted_by = ANY($1::uuid[])`,
        [[olena.id, marek.id, aisha.id]],
      );
      return rows.map((row) => row.id as string);
    });
    expect(chains.length).toBeGreaterThanOrEqual(4);
    for (const claimId of chains) {
      const events = await historyOf(claimId);
      expect(events[0].type).toBe('claim.submitted');
      let previous = GENESIS_HASH;
      let previousSeq = 0n;
      for (const event of events) {
        expect(event.prevHash).toBe(previous);
        expect(hashAuditEvent(event)).toBe(event.hash);
        expect(BigInt(event.seq)).toBeGreaterThan(previousSeq);
        previous = event.hash;
        previousSeq = BigInt(event.seq);
      }
    }
  });

  it('answers 404 for the history of an unknown claim', async () => {
    const response = await as(olena).get(
      '/api/v1/claims/2b0d2c1e-5b9f-4d36-8d7e-7f6a1c3e9a10/history',
    );
    expect(response.status).toBe(404);
  });
});
