import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { decidedClaim, draftOf, publishDraft } from '../support/publications.js';

const PROBLEM = 'https://claimdesk.dev/problems/';

describe('claimants (SPEC §15)', () => {
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  const editorApi = () => client(app.url, people.editor.token);
  const reporterApi = () => client(app.url, people.reporter.token);
  const suffix = () => randomBytes(4).toString('hex');

  beforeAll(async () => {
    app = await startApp();
    people = await createNewsroom(app.url);
  });
  afterAll(() => app.stop());

  const createClaimant = async (body: Record<string, unknown>) => {
    const response = await editorApi().post('/api/v1/claimants', { body });
    if (response.status !== 201) {
      throw new Error(`could not create claimant: ${response.status} ${response.text}`);
    }
    return response.body;
  };
  const auditEvents = async (type: string) =>
    (
      await client(app.url, people.auditor.token).get(
        `/api/v1/audit/events?type=${type}&actorId=${people.editor.id}&limit=200`,
      )
    ).body.items as { claimId: string | null; data: Record<string, any> }[];

  describe('POST /claimants', () => {
    it('creates a claimant, with Location and ETag, recorded on the system chain', async () => {
      const name = `State Emergency Service ${suffix()}`;
      const response = await editorApi().post('/api/v1/claimants', {
        body: {
          name,
          type: 'Organization',
          aliases: [' SES ', `${name.toUpperCase()}`, 'the SES', 'ses'],
          sameAs: ['https://www.wikidata.org/wiki/Q4500613'],
          description: 'Civil protection service.',
        },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/claimants/${response.body.id}`);
      expect(response.headers.get('etag')).toBe('"1"');
      // Aliases are trimmed, kept once ignoring case, and never repeat the name.
      expect(response.body).toMatchObject({
        name,
        type: 'Organization',
        aliases: ['SES', 'the SES'],
        sameAs: ['https://www.wikidata.org/wiki/Q4500613'],
        description: 'Civil protection service.',
        version: 1,
        createdBy: people.editor.id,
      });
      const event = (await auditEvents('claimant.created')).find(
        (item) => item.data.claimantId === response.body.id,
      );
      expect(event).toMatchObject({ claimId: null, data: { after: response.body } });
    });

    it('refuses a name or alias another claimant of the type has, in any case (409)', async () => {
      const name = `Ministry of Health ${suffix()}`;
      const alias = `MoH ${suffix()}`;
      const first = await createClaimant({ name, type: 'Organization', aliases: [alias] });
      for (const body of [
        { name: name.toLowerCase(), type: 'Organization' },
        { name: alias.toUpperCase(), type: 'Organization' },
        { name: `Other ${suffix()}`, type: 'Organization', aliases: [name.toUpperCase()] },
      ]) {
        const response = await editorApi().post('/api/v1/claimants', { body });
        expect(response.status).toBe(409);
        expect(response.body.type).toBe(`${PROBLEM}conflict`);
        expect(response.body.claimantIds).toEqual([first.id]);
        expect(response.body.errors[0].field).toBe(body.aliases ? 'aliases' : 'name');
      }
      // Within its type only: a person may share an organisation's name.
      const person = await editorApi().post('/api/v1/claimants', {
        body: { name, type: 'Person' },
      });
      expect(person.status).toBe(201);
    });

    it('answers two concurrent creations of one name with one claimant and one 409', async () => {
      const name = `Race ${suffix()}`;
      const answers = await Promise.all(
        [0, 1, 2].map(() =>
          editorApi().post('/api/v1/claimants', { body: { name, type: 'Person' } }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    });

    it('validates the body and names the field (400)', async () => {
      for (const [body, field] of [
        [{ type: 'Person' }, 'name'],
        [{ name: 'X', type: 'Robot' }, 'type'],
        [{ name: 'X', type: 'Person', sameAs: ['ftp://x.example'] }, 'sameAs'],
        [{ name: 'X', type: 'Person', aliases: [''] }, 'aliases'],
        [{ name: 'X', type: 'Person', aliases: 'SES' }, 'aliases'],
        [{ name: 'X', type: 'Person', version: 3 }, 'version'],
      ] as const) {
        const response = await editorApi().post('/api/v1/claimants', { body });
        expect(response.status).toBe(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
          field,
        );
      }
    });
  });

  describe('GET /claimants', () => {
    it('finds a claimant by a misspelt name ("Boychenco" finds "Vadym Boychenko")', async () => {
      const mayor = await createClaimant({
        name: 'Vadym Boychenko',
        type: 'Person',
        aliases: ['Mayor of Mariupol'],
      });
      const response = await editorApi().get('/api/v1/claimants?q=Boychenco');
      expect(response.status).toBe(200);
      expect(response.body.items[0]).toMatchObject({ id: mayor.id, name: 'Vadym Boychenko' });
      expect(response.body.items[0].similarity).toBeGreaterThan(0.5);
      const byAlias = await reporterApi().get('/api/v1/claimants?q=mayor%20of%20mariupl');
      expect(byAlias.body.items.map((item: { id: string }) => item.id)).toContain(mayor.id);
      const nothing = await reporterApi().get('/api/v1/claimants?q=Zzyzx%20Qwerty');
      expect(nothing.body.items.map((item: { id: string }) => item.id)).not.toContain(mayor.id);
    });

    it('pages through matches and through all claimants without skips or repeats', async () => {
      const tag = suffix();
      const made = await Promise.all(
        ['Anna', 'Boris', 'Clara', 'Dmytro', 'Elena'].map((first) =>
          createClaimant({ name: `${first} Kovalenko${tag}`, type: 'Person' }),
        ),
      );
      const collect = async (path: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const response: { status: number; body: any } = await reporterApi().get(
            `${path}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(response.status).toBe(200);
          seen.push(...response.body.items.map((item: { id: string }) => item.id));
          cursor = response.body.nextCursor;
        } while (cursor);
        return seen;
      };
      const matched = await collect(`/api/v1/claimants?q=Kovalenko${tag}&limit=2`);
      expect(new Set(matched).size).toBe(matched.length);
      expect(matched).toEqual(expect.arrayContaining(made.map((claimant) => claimant.id)));
      const all = await collect('/api/v1/claimants?type=Person&limit=7');
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(expect.arrayContaining(made.map((claimant) => claimant.id)));
      const forged = await reporterApi().get(`/api/v1/claimants?q=x&cursor=${'A'.repeat(20)}`);
      expect(forged.status).toBe(400);
    });
  });

  describe('PATCH /claimants/:id', () => {
    it('edits aliases and sameAs under If-Match, recorded with before and after', async () => {
      const claimant = await createClaimant({ name: `Oleh ${suffix()}`, type: 'Person' });
      const stale = await editorApi().patch(`/api/v1/claimants/${claimant.id}`, {
        body: { aliases: ['O.'] },
        headers: { 'if-match': '"7"' },
      });
      expect(stale.status).toBe(412);
      const alias = `Governor ${suffix()}`;
      const edited = await editorApi().patch(`/api/v1/claimants/${claimant.id}`, {
        body: { aliases: [alias], sameAs: ['https://en.wikipedia.org/wiki/Example'] },
        headers: { 'if-match': '"1"' },
      });
      expect(edited.status).toBe(200);
      expect(edited.headers.get('etag')).toBe('"2"');
      expect(edited.body).toMatchObject({ aliases: [alias], version: 2 });
      const event = (await auditEvents('claimant.edited')).find(
        (item) => item.data.claimantId === claimant.id,
      );
      expect(event?.data.before).toMatchObject({ aliases: [], sameAs: [], version: 1 });
      expect(event?.data.after).toMatchObject({ aliases: [alias], version: 2 });
      // The new alias is searchable at once, the old name still is.
      const found = await reporterApi().get(`/api/v1/claimants?q=${encodeURIComponent(alias)}`);
      expect(found.body.items[0].id).toBe(claimant.id);

      const other = await createClaimant({ name: `Other ${suffix()}`, type: 'Person' });
      const taken = await editorApi().patch(`/api/v1/claimants/${other.id}`, {
        body: { aliases: [alias.toLowerCase()] },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.errors[0].field).toBe('aliases');
      const reporterTry = await reporterApi().patch(`/api/v1/claimants/${other.id}`, {
        body: { description: 'x' },
      });
      expect(reporterTry.status).toBe(403);
      const missing = await editorApi().patch(`/api/v1/claimants/${randomUUID()}`, {
        body: { description: 'x' },
      });
      expect(missing.status).toBe(404);
    });
  });

  describe('claims linked to a claimant', () => {
    it('links and unlinks a claim as an audited edit that needs If-Match', async () => {
      const claimant = await createClaimant({ name: `Linker ${suffix()}`, type: 'Person' });
      const claim = await submitClaim(app.url, people.reporter, { claimant: claimant.name });
      expect(claim.claimantId).toBeNull();
      const path = `/api/v1/claims/${claim.id}`;
      const unconditional = await reporterApi().patch(path, {
        body: { claimantId: claimant.id },
      });
      expect(unconditional.status).toBe(428);
      const unknown = await reporterApi().patch(path, {
        body: { claimantId: randomUUID() },
        headers: { 'if-match': '"1"' },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].field).toBe('claimantId');
      const malformed = await reporterApi().patch(path, {
        body: { claimantId: 'SES' },
        headers: { 'if-match': '"1"' },
      });
      expect(malformed.status).toBe(400);

      const linked = await reporterApi().patch(path, {
        body: { claimantId: claimant.id },
        headers: { 'if-match': '"1"' },
      });
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ claimantId: claimant.id, version: 2 });
      expect(linked.body.claimant).toBe(claimant.name);
      const unlinked = await reporterApi().patch(path, {
        body: { claimantId: null },
        headers: { 'if-match': '"2"' },
      });
      expect(unlinked.status).toBe(200);
      expect(unlinked.body.claimantId).toBeNull();

      const history = (await reporterApi().get(`${path}/history`)).body.items;
      const edits = history.filter((event: { type: string }) => event.type === 'claim.edited');
      expect(edits.map((event: { data: unknown }) => event.data)).toEqual([
        expect.objectContaining({
          before: expect.objectContaining({ claimantId: null }),
          after: expect.objectContaining({ claimantId: claimant.id }),
        }),
        expect.objectContaining({
          before: expect.objectContaining({ claimantId: claimant.id }),
          after: expect.objectContaining({ claimantId: null }),
        }),
      ]);
      // The claim as it stood while linked, rebuilt from its events.
      const asOf = await reporterApi().get(
        `${path}?asOf=${encodeURIComponent(edits[0].at as string)}`,
      );
      expect(asOf.body.claimantId).toBe(claimant.id);
    });

    it('suggests claimants on submit when the free-text claimant names one', async () => {
      const tag = suffix();
      const service = await createClaimant({
        name: `Emergency Service ${tag}`,
        type: 'Organization',
        aliases: [`SES${tag}`],
      });
      const byAlias = await reporterApi().post('/api/v1/claims', {
        body: { text: 'More than 2,000 civilians have died.', claimant: `ses${tag}` },
      });
      expect(byAlias.status).toBe(201);
      expect(byAlias.body.claimantSuggestions).toEqual([
        {
          id: service.id,
          name: service.name,
          type: 'Organization',
          matched: `SES${tag}`,
          similarity: 1,
        },
      ]);
      const inSentence = await reporterApi().post('/api/v1/claims', {
        body: { text: 'Bridges were destroyed.', claimant: `the Emergency Service ${tag} said` },
      });
      expect(inSentence.body.claimantSuggestions.map((s: { id: string }) => s.id)).toContain(
        service.id,
      );
      const stranger = await reporterApi().post('/api/v1/claims', {
        body: { text: 'Something else happened.', claimant: `Qwerty Zzyzx ${suffix()}` },
      });
      expect(stranger.body.claimantSuggestions).toEqual([]);
      const linked = await reporterApi().post('/api/v1/claims', {
        body: { text: 'Linked at once.', claimant: `SES${tag}`, claimantId: service.id },
      });
      expect(linked.body).toMatchObject({ claimantId: service.id, claimantSuggestions: [] });
    });

    it('keeps a track record of decided claims by verdict that equals a direct count', async () => {
      const claimant = await createClaimant({ name: `Record ${suffix()}`, type: 'Person' });
      const linked = { claimant: claimant.name, claimantId: claimant.id };
      await decidedClaim(app.url, people, 'verified', linked);
      await decidedClaim(app.url, people, 'refuted', linked);
      await decidedClaim(app.url, people, 'refuted', linked);
      await decidedClaim(app.url, people, 'unverifiable', linked);
      // Not decided, or not linked: not counted.
      const open = await submitClaim(app.url, people.reporter, linked);
      const inReview = await move(app.url, people.editor, open, 'in_review');
      await attachSource(app.url, people.editor, inReview, 'contradicts');
      const withdrawn = await submitClaim(app.url, people.reporter, linked);
      await move(app.url, people.reporter, withdrawn, 'withdrawn', 'Duplicate.');
      await decidedClaim(app.url, people, 'refuted', { claimant: claimant.name });
      // Reopened: back in review, no longer counted.
      const { claim: reopened } = await decidedClaim(app.url, people, 'verified', linked);
      await move(app.url, people.editor, reopened, 'in_review', 'New evidence.');

      const response = await reporterApi().get(`/api/v1/claimants/${claimant.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"1"');
      const direct = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT status, count(*)::int AS count FROM claims
            WHERE claimant_id = $1
              AND status IN ('verified', 'disputed', 'refuted', 'unverifiable')
            GROUP BY status`,
          [claimant.id],
        );
        return rows as { status: string; count: number }[];
      });
      const expected = { verified: 0, disputed: 0, refuted: 0, unverifiable: 0 };
      for (const row of direct) expected[row.status as keyof typeof expected] = row.count;
      expect(expected).toEqual({ verified: 1, disputed: 0, refuted: 2, unverifiable: 1 });
      expect(response.body.trackRecord).toEqual({ decided: 4, verdicts: expected });
      // The latest claims: all 7 linked ones, newest first, whatever their status.
      const latest = response.body.latestClaims as { id: string; createdAt: string }[];
      expect(latest).toHaveLength(7);
      expect(latest[0].id).toBe(reopened.id);
      expect(latest.map((claim) => claim.createdAt)).toEqual(
        [...latest.map((claim) => claim.createdAt)].sort().reverse(),
      );
      // GET /claims?claimantId= lists the same claims, and only them.
      const listed = await reporterApi().get(`/api/v1/claims?claimantId=${claimant.id}&limit=200`);
      expect(listed.body.items.map((claim: { id: string }) => claim.id)).toEqual(
        latest.map((claim) => claim.id),
      );
      const missing = await reporterApi().get(`/api/v1/claimants/${randomUUID()}`);
      expect(missing.status).toBe(404);
    });

    it("publishes a linked claim's author with the claimant's name, type and sameAs", async () => {
      const claimant = await createClaimant({
        name: `Statistics Office ${suffix()}`,
        type: 'Organization',
        sameAs: ['https://www.wikidata.org/wiki/Q2000001'],
      });
      const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted', {
        claimant: 'the statistics office',
        claimantId: claimant.id,
      });
      // No claimantType in the draft: the linked claimant says what it is.
      const published = await publishDraft(
        app.url,
        people.editor,
        claim.id,
        draftOf(sourceId, { claimantType: undefined, claimantSameAs: ['https://ignored.example'] }),
      );
      expect(published.versions[0].claimReview.itemReviewed.author).toEqual({
        '@type': 'Organization',
        name: claimant.name,
        sameAs: ['https://www.wikidata.org/wiki/Q2000001'],
      });
      // Unlinked claims keep the draft's description of the free-text claimant.
      const plain = await decidedClaim(app.url, people, 'refuted');
      const unlinked = await publishDraft(app.url, people.editor, plain.claim.id, {
        ...draftOf(plain.sourceId),
        headline: 'No, the city did not triple its budget',
      });
      expect(unlinked.versions[0].claimReview.itemReviewed.author).toEqual({
        '@type': 'Person',
        name: 'Mayor Ada Example',
      });
    });
  });
});
