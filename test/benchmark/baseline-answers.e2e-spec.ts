import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { type ServerProcess, startServer } from '../../bench/lib/processes.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// The benchmark's yardstick (SPEC §9) is the least a correct service must do, so its
// baseline server must answer what the service answers: a baseline that answered less would
// flatter it and make the service look slow for work the API requires. Here the compiled
// baseline (dist/bench, built by `npm test`) and the service share one database, and what
// the baseline writes and answers is compared with what the service reads back and answers.
describe('the benchmark baseline answers what the service answers', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess;
  let baseline: ServerProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let secondEditor: TestUser;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url } });
    ({ reporter, editor, secondEditor } = await createNewsroom(app.url));
    // As the benchmark starts it: its own process, on a free port.
    baseline = await startServer(
      'baseline',
      resolve('dist/bench/bench/baseline-server.js'),
      { DATABASE_URL: scratch.url, PORT: '0' },
      { database: new URL(scratch.url).pathname.slice(1), applicationName: 'bench-baseline' },
    );
  });
  afterAll(async () => {
    await baseline?.stop();
    await app?.stop();
    await scratch?.drop();
  });

  const service = (who: TestUser) => client(app.url, who.token);
  const onBaseline = (who: TestUser) => client(baseline.url, who.token);
  const read = async (id: string) => (await service(editor).get(`/api/v1/claims/${id}`)).body;
  const historyOf = async (id: string) =>
    (await service(editor).get(`/api/v1/claims/${id}/history`)).body.items as any[];
  // The shape of an audit event: its keys, and those of its actor and data, all the way down.
  const shapeOf = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(shapeOf)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, shapeOf(inner)]),
          )
        : typeof value;

  it('answers a submission with the claim it stored, and with the advice, as the service does', async () => {
    const claimant = await service(editor).post('/api/v1/claimants', {
      body: { name: 'Regional Water Board', type: 'Organization' },
    });
    expect(claimant.status).toBe(201);
    const submission = {
      text: 'The regional water board said the Vistula rose four metres near Plock in two days.',
      claimant: 'regional water board',
      tags: ['floods'],
      priority: 'high' as const,
    };
    const first = await submitClaim(app.url, reporter, submission);

    const answer = await onBaseline(reporter).post('/api/v1/claims?duplicates=on', {
      body: { ...submission, text: submission.text.replace('four', 'five') },
    });
    expect(answer.status).toBe(201);
    const { claimantSuggestions, possibleDuplicates, ...claim } = answer.body;
    expect(claim).toEqual(await read(claim.id));
    expect(answer.headers.get('location')).toBe(`/api/v1/claims/${claim.id}`);
    expect(answer.headers.get('etag')).toBe('"1"');

    // The same text through the service finds the same claimant, and the same look-alike
    // with the same similarity (besides the baseline's claim, which is the same text).
    const again = await service(reporter).post('/api/v1/claims', {
      body: { ...submission, text: submission.text.replace('four', 'five') },
    });
    expect(again.headers.get('location')).toBe(`/api/v1/claims/${again.body.id}`);
    expect(claimantSuggestions).toEqual(again.body.claimantSuggestions);
    expect(claimantSuggestions).toEqual([
      expect.objectContaining({ id: claimant.body.id, similarity: 1 }),
    ]);
    const [sameText, earlier] = again.body.possibleDuplicates;
    expect(sameText).toEqual({ id: claim.id, similarity: 1, status: 'submitted' });
    expect(earlier.id).toBe(first.id);
    expect(possibleDuplicates).toEqual([earlier]);

    // Its event is chained, hashed, and shaped as the service's.
    const events = await historyOf(claim.id);
    expect(chainProblem(events)).toBeNull();
    expect(events).toHaveLength(1);
    const { sources, ...stored } = claim;
    expect(sources).toEqual([]);
    expect(events[0].data.after).toEqual(stored);
    expect(shapeOf(events[0])).toEqual(shapeOf((await historyOf(first.id))[0]));
  });

  it('answers a transition with the claim and its sources, as the service does', async () => {
    const byBaseline = await submitClaim(app.url, reporter);
    const byService = await submitClaim(app.url, reporter);

    const decide = async (claim: { id: string; version: number }, to: string) => {
      const answer = await onBaseline(editor).post(`/api/v1/claims/${claim.id}/transitions`, {
        body: { to, rationale: `Moving to ${to}.` },
        headers: { 'if-match': `"${claim.version}"` },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(await read(claim.id));
      expect(answer.headers.get('etag')).toBe(`"${answer.body.version}"`);
      return answer.body;
    };
    let claim = await decide(byBaseline, 'in_review');
    await attachSource(app.url, secondEditor, claim, 'supports');
    claim = await decide(await read(claim.id), 'verified');
    expect(claim.status).toBe('verified');
    expect(claim.sources).toHaveLength(1);

    // The same moves through the service leave events of the same shape.
    let other = await move(app.url, editor, byService, 'in_review');
    await attachSource(app.url, secondEditor, other, 'supports');
    other = await move(app.url, editor, await read(byService.id), 'verified');
    const events = await historyOf(claim.id);
    expect(chainProblem(events)).toBeNull();
    expect(events.map((event) => event.type)).toEqual(
      (await historyOf(other.id)).map((event) => event.type),
    );
    expect(events.map(shapeOf)).toEqual((await historyOf(other.id)).map(shapeOf));
  });

  it('answers the review queue page the service answers', async () => {
    const [fromBaseline, fromService] = await Promise.all([
      onBaseline(editor).get('/api/v1/review-queue?limit=50'),
      service(editor).get('/api/v1/review-queue?limit=50'),
    ]);
    expect(fromBaseline.status).toBe(200);
    expect(fromService.body.items.length).toBeGreaterThan(0);
    expect(fromBaseline.body.items).toEqual(fromService.body.items);
    expect(fromBaseline.body.nextCursor === null).toBe(fromService.body.nextCursor === null);
  });
});
