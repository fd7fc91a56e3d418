import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POSSIBLE_DUPLICATES_SQL } from '../../src/claims/duplicates/possible-duplicates-sql.js';
import { ADVICE_PLANNER_SETTINGS } from '../../src/database/advice-pool.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { move, submitClaim } from '../support/claims.js';
import { withClient, withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// Words no other spec uses, so the suite's shared database holds no look-alikes.
const word = () => `q${randomBytes(4).toString('hex')}`;

describe('possible duplicates at submission (SPEC §15)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const submit = (text: string, who = reporter, headers: Record<string, string> = {}) =>
    client(app.url, who.token).post('/api/v1/claims', { body: { text }, headers });

  it('answers similar claims, most similar first, with similarity and status', async () => {
    const [place, thing] = [word(), word()];
    const base = `The ${thing} of ${place} was closed for repairs in March`;
    const exact = await submitClaim(app.url, reporter, { text: base });
    const close = await submitClaim(app.url, reporter, { text: `${base} last year` });
    const reviewed = await move(app.url, editor, close, 'in_review');
    const unrelated = await submitClaim(app.url, reporter, { text: `Bread prices ${word()}` });

    const response = await submit(base);
    expect(response.status).toBe(201);
    const duplicates = response.body.possibleDuplicates as any[];
    expect(duplicates.map((duplicate) => duplicate.id)).toEqual([exact.id, reviewed.id]);
    expect(duplicates[0]).toEqual({ id: exact.id, similarity: 1, status: 'submitted' });
    expect(duplicates[1].status).toBe('in_review');
    expect(duplicates[1].similarity).toBeGreaterThanOrEqual(0.5);
    expect(duplicates[1].similarity).toBeLessThan(1);
    expect(duplicates.map((duplicate) => duplicate.id)).not.toContain(response.body.id);
    expect(duplicates.map((duplicate) => duplicate.id)).not.toContain(unrelated.id);
    // The claim is stored like any other: the lookup only advises.
    expect(response.body).toMatchObject({ text: base, status: 'submitted', version: 1 });
    expect(response.headers.get('location')).toBe(`/api/v1/claims/${response.body.id}`);
  });

  it('answers the similarity pg_trgm computes, and nothing below 0.5', async () => {
    const text = `Officials in ${word()} counted ${word()} shelters`;
    await submitClaim(app.url, reporter, { text });
    const variant = `${text} across the ${word()} region and ${word()} more`;
    const response = await submit(variant);
    const expected = await withDatabase(async (db) => {
      const { rows } = await db.query('SELECT similarity($1, $2) AS s', [text, variant]);
      return rows[0].s as number;
    });
    if (expected >= 0.5) {
      expect(response.body.possibleDuplicates[0].similarity).toBeCloseTo(expected, 3);
    } else {
      expect(response.body.possibleDuplicates).toEqual([]);
    }
    expect(
      response.body.possibleDuplicates.every((duplicate: any) => duplicate.similarity >= 0.5),
    ).toBe(true);
  });

  it('answers at most five, and an empty list when nothing is similar', async () => {
    const text = `Seven ${word()} ferries crossed the ${word()} strait`;
    for (let index = 0; index < 7; index++) await submitClaim(app.url, reporter, { text });
    const response = await submit(text);
    expect(response.body.possibleDuplicates).toHaveLength(5);
    expect(
      response.body.possibleDuplicates.every((duplicate: any) => duplicate.similarity === 1),
    ).toBe(true);
    expect((await submit(`${word()} ${word()} ${word()}`)).body.possibleDuplicates).toEqual([]);
  });

  it('leaves out merged and withdrawn claims', async () => {
    const text = `The ${word()} dam on the ${word()} river was breached`;
    const kept = await submitClaim(app.url, reporter, { text });
    const merged = await submitClaim(app.url, reporter, { text });
    const withdrawn = await submitClaim(app.url, reporter, { text });
    await move(app.url, reporter, withdrawn, 'withdrawn', 'Submitted twice.');
    const merge = await client(app.url, editor.token).post(`/api/v1/claims/${merged.id}/merge`, {
      body: { intoId: kept.id, rationale: 'Same claim.' },
      headers: { 'if-match': '"1"' },
    });
    expect(merge.status).toBe(200);
    const response = await submit(text);
    expect(response.body.possibleDuplicates).toEqual([
      { id: kept.id, similarity: 1, status: 'submitted' },
    ]);
  });

  it('answers the same duplicates when an Idempotency-Key request is replayed', async () => {
    const text = `A ${word()} convoy reached ${word()} on Tuesday`;
    await submitClaim(app.url, reporter, { text });
    const key = { 'idempotency-key': `dup-${word()}` };
    const first = await submit(text, reporter, key);
    const replay = await submit(text, reporter, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(first.body.possibleDuplicates).toHaveLength(1);
  });

  describe('the word index', () => {
    // The statement exactly as the service prepares it, planned over 20,000 varied claims
    // (inserted in a transaction that is rolled back, so they sit in the index's pending
    // list as fresh inserts do), with the settings of the lookup's connections.
    let plans: Record<'custom' | 'generic', string>;
    beforeAll(async () => {
      plans = await withDatabase(async (db) => {
        await db.query('BEGIN');
        try {
          await db.query(
            `INSERT INTO claims (text, submitted_by)
             SELECT 'Report ' || md5(g::text) || ' on ' || md5((g * 7)::text), $1
               FROM generate_series(1, 20000) AS g`,
            [reporter.id],
          );
          await db.query('ANALYZE claims');
          // The word counts as the service copies them after an ANALYZE.
          await db.query('SELECT copy_claim_word_statistics()');
          // As the lookup's own connections are set.
          for (const [name, value] of Object.entries(ADVICE_PLANNER_SETTINGS)) {
            await db.query(`SET LOCAL ${name} = ${value}`);
          }
          await db.query(`PREPARE possible_duplicates AS ${POSSIBLE_DUPLICATES_SQL}`);
          const planWith = async (mode: string) => {
            await db.query(`SET LOCAL plan_cache_mode = ${mode}`);
            const { rows } = await db.query(
              `EXPLAIN EXECUTE possible_duplicates('The river ferry was closed for repairs', gen_random_uuid(), 'english')`,
            );
            return rows.map((row) => row['QUERY PLAN'] as string).join('\n');
          };
          return {
            custom: await planWith('force_custom_plan'),
            generic: await planWith('force_generic_plan'),
          };
        } finally {
          await db.query('ROLLBACK');
        }
      });
    }, 120_000);

    it('finds the candidates through claims_search_idx (custom plan)', () => {
      expect(plans.custom).toContain('Bitmap Index Scan on claims_search_idx');
      expect(plans.custom).not.toMatch(/Seq Scan on claims/);
    });

    it('finds them through the index with the generic plan a prepared statement may settle on', () => {
      expect(plans.generic).toContain('Bitmap Index Scan on claims_search_idx');
      expect(plans.generic).not.toMatch(/Seq Scan on claims/);
    });
  });
});

describe('possible duplicates over a flood of near-identical claims', () => {
  const text = 'Officials said 12 people were displaced in district 5 after the floods of week 3.';
  const QUOTED = 'The water pumps of Zhytomyr failed on Monday.';
  const CLAIMANT = 'Regional Water Authority';
  let scratch: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  // The same data, with a lookup bound no lookup can meet.
  let bounded: AppProcess;
  let reporter: TestUser;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url } });
    ({ reporter } = await createNewsroom(app.url));
    await withClient(scratch.url, async (db) => {
      // Every one of them shares every word but its numbers with the next such claim:
      // all are candidates, the lookup's worst case.
      await db.query(
        `INSERT INTO claims (text, submitted_by)
         SELECT 'Officials said ' || g || ' people were displaced in district ' || (g % 97)
                  || ' after the floods of week ' || (g % 52) || '.', $1
           FROM generate_series(1, 60000) AS g`,
        [reporter.id],
      );
      // A stock phrase: thousands of claims about "water pumps", and after them one claim
      // that a reporter quotes again below.
      await db.query(
        `INSERT INTO claims (text, submitted_by)
         SELECT 'Volunteers repaired the water pumps of village ' || g || '.', $1
           FROM generate_series(1, 3000) AS g`,
        [reporter.id],
      );
      await db.query(`INSERT INTO claims (text, submitted_by) VALUES ($1, $2)`, [
        QUOTED,
        reporter.id,
      ]);
      // A claimant a submission can name, for the suggestions read beside it.
      await db.query(
        `WITH made AS (INSERT INTO claimants (name, type, created_by)
                       VALUES ($1, 'Organization', $2) RETURNING id, type, name)
         INSERT INTO claimant_names (claimant_id, type, name, is_alias)
         SELECT id, type, name, false FROM made`,
        [CLAIMANT, reporter.id],
      );
      await db.query('ANALYZE claims');
      // Copied at once, as the service's next check would (docs/duplicates.md).
      await db.query('SELECT copy_claim_word_statistics()');
    });
    bounded = await startApp({
      env: { DATABASE_URL: scratch.url, DUPLICATE_LOOKUP_TIMEOUT_MS: '1' },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await bounded?.stop();
    await scratch?.drop();
  });

  it('scores a bounded number of candidates and answers the similar ones it found', async () => {
    const response = await client(app.url, reporter.token).post('/api/v1/claims', {
      body: { text },
    });
    expect(response.status).toBe(201);
    const duplicates = response.body.possibleDuplicates as any[];
    expect(duplicates).toHaveLength(5);
    const similarities = duplicates.map((duplicate) => duplicate.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    const computed = await withClient(scratch.url, async (db) => {
      const { rows } = await db.query(
        'SELECT id, similarity(text, $1) AS s FROM claims WHERE id = ANY($2::uuid[])',
        [text, duplicates.map((duplicate) => duplicate.id)],
      );
      return new Map(rows.map((row) => [row.id as string, row.s as number]));
    });
    for (const duplicate of duplicates) {
      expect(duplicate.similarity).toBeGreaterThanOrEqual(0.5);
      expect(duplicate.similarity).toBeCloseTo(computed.get(duplicate.id)!, 3);
    }
  });

  it('finds a quoted claim among thousands that share a stock phrase with it', async () => {
    // "water & pump" matches 3,000 claims, all older than the quoted one: asked for, it
    // fills the candidates with them. Its rarer word is held by more claims than are
    // scored, so the lookup asks only for pairs with "zhytomyr", "fail" or "tuesday".
    const response = await client(app.url, reporter.token).post('/api/v1/claims', {
      body: { text: 'The water pumps of Zhytomyr failed on Tuesday.' },
    });
    expect(response.status).toBe(201);
    const [first] = response.body.possibleDuplicates as any[];
    const quoted = await withClient(scratch.url, async (db) => {
      const { rows } = await db.query('SELECT id FROM claims WHERE text = $1', [QUOTED]);
      return rows[0].id as string;
    });
    expect(first).toMatchObject({ id: quoted, status: 'submitted' });
    expect(first.similarity).toBeGreaterThanOrEqual(0.5);
  });

  // Every candidate sentence of an article is looked up too; a sentence the article repeats
  // is looked up once. This one, 2,400 times over, is like all 60,000 claims: looked up
  // for each copy it took longer than the statement timeout and answered 500.
  it('looks up a sentence an article repeats once, however often it repeats', async () => {
    const article = `${text} `.repeat(2400).trim();
    const response = await client(app.url, reporter.token).post('/api/v1/articles', {
      body: { text: article },
    });
    expect(response.status).toBe(201);
    const candidates = response.body.candidates as any[];
    expect(candidates).toHaveLength(2400);
    const [first] = candidates;
    expect(first.sentence).toBe(text);
    expect(first.duplicates).toHaveLength(10);
    expect(first.duplicates[0].similarity).toBeGreaterThanOrEqual(0.5);
    for (const candidate of candidates) expect(candidate.duplicates).toEqual(first.duplicates);
  });

  it('gives up on the lookup past its bound rather than hold the submission, which still commits', async () => {
    const response = await client(bounded.url, reporter.token).post('/api/v1/claims', {
      body: { text },
    });
    expect(response.status).toBe(201);
    expect(response.body.possibleDuplicates).toEqual([]);
    expect(await bounded.outputWith('duplicate lookup')).toContain('duplicate lookup');
    const stored = await client(app.url, reporter.token).get(`/api/v1/claims/${response.body.id}`);
    expect(stored.body).toMatchObject({ text, status: 'submitted' });
    const history = await client(app.url, reporter.token).get(
      `/api/v1/claims/${response.body.id}/history`,
    );
    expect(history.body.items.map((event: any) => event.type)).toEqual(['claim.submitted']);
  });

  // The claimant suggestions are advice read beside the insert on the same bounded
  // connections: past the bound the 201 has none, and the claim stands.
  it('suggests the claimant a submission names, and gives the suggestions up past the bound while the claim commits', async () => {
    const body = { text: 'The authority cut water to 40,000 homes on Friday.', claimant: CLAIMANT };
    const advised = await client(app.url, reporter.token).post('/api/v1/claims', { body });
    expect(advised.status).toBe(201);
    expect(advised.body.claimantSuggestions).toEqual([
      expect.objectContaining({ name: CLAIMANT, matched: CLAIMANT, similarity: 1 }),
    ]);

    const refused = await client(bounded.url, reporter.token).post('/api/v1/claims', { body });
    expect(refused.status).toBe(201);
    expect(refused.body.claimantSuggestions).toEqual([]);
    expect(await bounded.outputWith('No claimant suggestions')).toContain(
      'No claimant suggestions',
    );
    const stored = await client(app.url, reporter.token).get(`/api/v1/claims/${refused.body.id}`);
    expect(stored.body).toMatchObject({ text: body.text, claimant: CLAIMANT, status: 'submitted' });
  });
});
