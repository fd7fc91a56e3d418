import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { claimSearchCondition } from '../../src/claims/claim-search.js';
import { SqlParameters } from '../../src/database/sql-parameters.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { submitClaim, uniqueTag } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';

// Claims and articles in many languages (SPEC §15). The service runs with a Ukrainian
// newsroom's default, so a claim without a language is Ukrainian.
describe('languages of claims and articles', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp({ env: { NEWSROOM_LANGUAGE: 'uk' } });
    ({ reporter, editor, auditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const listIds = async (query: string) => {
    const response = await as(auditor).get(`/api/v1/claims?${query}`);
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((item) => item.id).sort();
  };

  describe('the language field', () => {
    it('stores the canonical tag and answers it, defaulting to NEWSROOM_LANGUAGE', async () => {
      const spanish = await submitClaim(app.url, reporter, { language: 'ES-419' } as never);
      expect(spanish.language).toBe('es-419');
      const unspecified = await submitClaim(app.url, reporter);
      expect(unspecified.language).toBe('uk');
      const read = await as(auditor).get(`/api/v1/claims/${spanish.id}`);
      expect(read.body.language).toBe('es-419');
      const stored = await withDatabase(async (db) => {
        const { rows } = await db.query(
          'SELECT language, search_config::text AS config FROM claims WHERE id = $1',
          [spanish.id],
        );
        return rows[0];
      });
      expect(stored).toEqual({ language: 'es-419', config: 'spanish' });
    });

    it.each([
      ['english'],
      ['en_US'],
      [''],
      ['x-private'],
      ['en-'],
      [`en-${'a'.repeat(70)}`],
      [42],
      [null],
      [['en']],
    ])('answers 400 naming language for %j on submit', async (language) => {
      const response = await as(reporter).post('/api/v1/claims', {
        body: { text: 'A claim in no known language.', language },
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['language']);
    });

    it('is an audited edit that re-indexes the claim in its new language', async () => {
      const tag = uniqueTag('lang');
      const claim = await submitClaim(app.url, reporter, {
        text: 'Более 2000 мирных жителей погибли в Мариуполе.',
        tags: [tag],
        language: 'en',
      } as never);
      // Russian words under the English configuration: only the exact form matches.
      expect(await listIds(`tag=${tag}&q=${encodeURIComponent('жителями')}`)).toEqual([]);

      const bad = await as(reporter).patch(`/api/v1/claims/${claim.id}`, {
        body: { language: 'russian' },
        headers: { 'if-match': '"1"' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('language');

      const edited = await as(reporter).patch(`/api/v1/claims/${claim.id}`, {
        body: { language: 'ru' },
        headers: { 'if-match': '"1"' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ language: 'ru', version: 2 });
      expect(await listIds(`tag=${tag}&q=${encodeURIComponent('жителями')}`)).toEqual([claim.id]);

      const history = await as(auditor).get(`/api/v1/claims/${claim.id}/history`);
      const edit = history.body.items.find((e: { type: string }) => e.type === 'claim.edited');
      expect(edit.data.before.language).toBe('en');
      expect(edit.data.after.language).toBe('ru');
      const asOf = await as(auditor).get(
        `/api/v1/claims/${claim.id}?asOf=${encodeURIComponent(history.body.items[0].at)}`,
      );
      expect(asOf.body.language).toBe('en');
    });

    it('may not be changed by an auditor', async () => {
      const claim = await submitClaim(app.url, reporter);
      const response = await as(auditor).patch(`/api/v1/claims/${claim.id}`, {
        body: { language: 'en' },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('search in the language of each claim', () => {
    const tag = uniqueTag('multi');
    const claims: Record<string, { id: string }> = {};

    beforeAll(async () => {
      const add = (text: string, language: string) =>
        submitClaim(app.url, editor, { text, language, tags: [tag] } as never);
      claims.spanish = await add('Las elecciones fueron anuladas', 'es');
      claims.ukrainian = await add('Понад 2000 цивільних загинули', 'uk');
      claims.ukrainianRegion = await add('Мер Маріуполя повідомив про обстріли', 'uk-UA');
      claims.russian = await add('Более 2000 мирных жителей погибли в Мариуполе', 'ru');
      claims.english = await add('The elections were annulled by the court', 'en');
    });

    const search = (q: string, more = '') =>
      listIds(`tag=${tag}&q=${encodeURIComponent(q)}${more}`);

    it('finds a Spanish claim by another form of its word, accents aside', async () => {
      expect(await search('elección')).toEqual([claims.spanish!.id]);
      expect(await search('elecciones')).toEqual([claims.spanish!.id]);
      expect(await search('elecciones anuladas')).toEqual([claims.spanish!.id]);
    });

    it('finds a Ukrainian claim by a word of it, and by another form through trigrams', async () => {
      expect(await search('цивільних')).toEqual([claims.ukrainian!.id]);
      expect(await search('Цивільних')).toEqual([claims.ukrainian!.id]);
      expect(await search('цивільні')).toEqual([claims.ukrainian!.id]);
    });

    it('finds a Russian claim by a stemmed form of its words', async () => {
      expect(await search('жителями')).toEqual([claims.russian!.id]);
      expect(await search('погибли мирные')).toEqual([claims.russian!.id]);
    });

    it('keeps English stemming, and parses the query in each claim’s own language', async () => {
      expect(await search('election')).toEqual([claims.english!.id]);
      expect(await search('annul')).toEqual([claims.english!.id]);
      expect(await search('Mariupol')).toEqual([]);
    });

    it('filters by language, a tag matching its regional forms', async () => {
      expect(await listIds(`tag=${tag}&language=uk`)).toEqual(
        [claims.ukrainian!.id, claims.ukrainianRegion!.id].sort(),
      );
      expect(await listIds(`tag=${tag}&language=UK-ua`)).toEqual([claims.ukrainianRegion!.id]);
      expect(await listIds(`tag=${tag}&language=es`)).toEqual([claims.spanish!.id]);
      expect(await search('elecciones', '&language=en')).toEqual([]);
      expect(await search('elecciones', '&language=es')).toEqual([claims.spanish!.id]);
      const counts = await as(editor).get(`/api/v1/desk/status-counts?tag=${tag}&language=uk`);
      expect(counts.body.counts.submitted).toBe(2);
      const searched = await as(editor).get(
        `/api/v1/desk/status-counts?tag=${tag}&language=es&q=elecciones`,
      );
      expect(searched.body.counts.submitted).toBe(1);
      const bad = await as(auditor).get('/api/v1/claims?language=ukrainian');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('language');
    });

    it('answers every search from the GIN indexes (EXPLAIN)', async () => {
      const plans = await withDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query('SET LOCAL enable_seqscan = off');
        const explain = async (language?: string) => {
          const p = new SqlParameters();
          const condition = claimSearchCondition(p, 'цивільних', language);
          const { rows } = await db.query(
            `EXPLAIN SELECT c.id FROM claims c WHERE ${condition}`,
            p.values,
          );
          return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
        };
        const result = { any: await explain(), russian: await explain('ru') };
        await db.query('ROLLBACK');
        return result;
      });
      expect(plans.any).toMatch(/Bitmap Index Scan on claims_search_idx/);
      expect(plans.any).toMatch(/Bitmap Index Scan on claims_text_trgm_idx/);
      expect(plans.russian).toMatch(/Bitmap Index Scan on claims_search_idx/);
    });
  });

  describe('articles', () => {
    const ukrainianArticle =
      'Обстріли Маріуполя тривають.\n' +
      'Понад 2 000 цивільних загинули, повідомила служба. Ще 3,5 % будинків зруйновано.\n';

    it('runs sentences and figures for an article in another language, and says so', async () => {
      const response = await as(reporter).post('/api/v1/articles', {
        body: { text: ukrainianArticle, language: 'uk-UA' },
      });
      expect(response.status).toBe(201);
      expect(response.body.article.language).toBe('uk-UA');
      expect(response.body.features).toEqual(['sentences', 'figures']);
      const candidates = response.body.candidates as {
        sentence: string;
        span: { start: number; end: number };
        figures: { value: number }[];
        claimant: string | null;
        hedges: string[];
      }[];
      expect(candidates.map((c) => c.sentence)).toEqual([
        'Обстріли Маріуполя тривають.',
        'Понад 2 000 цивільних загинули, повідомила служба.',
        'Ще 3,5 % будинків зруйновано.',
      ]);
      for (const c of candidates) {
        expect(ukrainianArticle.slice(c.span.start, c.span.end)).toBe(c.sentence);
        expect(c.claimant).toBeNull();
        expect(c.hedges).toEqual([]);
      }
      expect(candidates.map((c) => c.figures.map((f) => f.value))).toEqual([[], [2000], [3.5]]);

      const read = await as(auditor).get(`/api/v1/articles/${response.body.article.id}`);
      expect(read.body.features).toEqual(['sentences', 'figures']);
      expect(read.body.article.language).toBe('uk-UA');

      // A claim taken from the article is in the article's language unless told otherwise.
      const [second] = candidates.slice(1);
      const claim = await as(reporter).post('/api/v1/claims', {
        body: { text: second!.sentence, articleId: response.body.article.id, span: second!.span },
      });
      expect(claim.status).toBe(201);
      expect(claim.body.language).toBe('uk-UA');
      const overridden = await as(reporter).post('/api/v1/claims', {
        body: { text: second!.sentence, articleId: response.body.article.id, language: 'ru' },
      });
      expect(overridden.body.language).toBe('ru');
    });

    it('runs every English rule on an English article', async () => {
      const response = await as(reporter).post('/api/v1/articles', {
        body: {
          text: 'More than 2,000 civilians have died, Ukraine’s State Emergency Service said.',
          language: 'en-GB',
        },
      });
      expect(response.status).toBe(201);
      expect(response.body.features).toEqual([
        'sentences',
        'figures',
        'claimants',
        'hedges',
        'checkworthiness',
      ]);
      expect(response.body.candidates[0].claimant).toMatch(/State Emergency Service/);
    });

    it('defaults an article to NEWSROOM_LANGUAGE and refuses a bad tag', async () => {
      const plain = await as(reporter).post('/api/v1/articles', {
        body: { text: 'Понад 2000 цивільних загинули.' },
      });
      expect(plain.body.article.language).toBe('uk');
      const bad = await as(reporter).post('/api/v1/articles', {
        body: { text: 'Some text.', language: 'en_GB' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('language');
    });
  });
});
