import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExportVerifier } from '../../src/audit/verify/export-verifier.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { attachSource, move, submitClaim, transition, uniqueTag } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';
import { decidedClaim, draftOf, publishDraft } from '../support/publications.js';

type Claim = { id: string; version: number };

describe('merging duplicate claims (SPEC §15)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let secondEditor: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, secondEditor, auditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const submitted = (input: Record<string, unknown> = {}) =>
    submitClaim(app.url, reporter, input) as Promise<Claim & Record<string, any>>;
  const merge = (
    who: TestUser,
    claim: Claim,
    body: unknown,
    headers: Record<string, string> = { 'if-match': `"${claim.version}"` },
  ) => as(who).post(`/api/v1/claims/${claim.id}/merge`, { body, headers });
  const mergeInto = (claim: Claim, target: { id: string }, who = editor) =>
    merge(who, claim, { intoId: target.id, rationale: 'The same claim, submitted twice.' });
  const history = async (id: string) =>
    (await as(auditor).get(`/api/v1/claims/${id}/history`)).body.items as any[];

  describe('a merge', () => {
    it('closes the claim as merged, pointing at the target, with an event on both chains in one transaction', async () => {
      const target = await submitted({ text: 'The bridge in Irpin was rebuilt in 2023.' });
      const duplicate = await submitted({ text: 'Irpin bridge was rebuilt in 2023.' });

      const response = await mergeInto(duplicate, target);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({
        id: duplicate.id,
        status: 'merged',
        mergedInto: target.id,
        rationale: 'The same claim, submitted twice.',
        decidedBy: editor.id,
        version: 2,
      });
      expect((await as(reporter).get(`/api/v1/claims/${duplicate.id}`)).body).toMatchObject({
        status: 'merged',
        mergedInto: target.id,
      });
      // The target itself does not change: no new version.
      const after = await as(reporter).get(`/api/v1/claims/${target.id}`);
      expect(after.body).toMatchObject({ status: 'submitted', mergedInto: null, version: 1 });

      const merged = (await history(duplicate.id)).at(-1);
      expect(merged).toMatchObject({
        type: 'claim.merged',
        fromStatus: 'submitted',
        toStatus: 'merged',
        rationale: 'The same claim, submitted twice.',
        actor: { id: editor.id },
      });
      expect(merged.data.after).toMatchObject({ status: 'merged', mergedInto: target.id });
      const absorbed = (await history(target.id)).at(-1);
      expect(absorbed).toMatchObject({
        type: 'claim.absorbed',
        actor: { id: editor.id },
        data: { merged: { id: duplicate.id, text: 'Irpin bridge was rebuilt in 2023.' } },
      });
      expect(chainProblem(await history(duplicate.id))).toBeNull();
      expect(chainProblem(await history(target.id))).toBeNull();

      const transactions = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT DISTINCT xid::text FROM audit_events
            WHERE type IN ('claim.merged', 'claim.absorbed') AND chain = ANY($1)`,
          [[duplicate.id, target.id]],
        );
        return rows;
      });
      expect(transactions).toHaveLength(1);
    });

    it('is accepted by the export verifier on both chains', async () => {
      const target = await submitted();
      const duplicate = await submitted();
      expect((await mergeInto(duplicate, target)).status).toBe(200);
      for (const id of [duplicate.id, target.id]) {
        const exported = await as(auditor).get(`/api/v1/audit/export?claimId=${id}`);
        expect(exported.status).toBe(200);
        const verifier = new ExportVerifier();
        const lines = exported.text.trimEnd().split('\n');
        const types = lines.map((line, index) => {
          expect(verifier.add(JSON.parse(line), index + 1)).toBeUndefined();
          return JSON.parse(line).type;
        });
        expect(verifier.finish()).toBeUndefined();
        expect(types).toContain(id === target.id ? 'claim.absorbed' : 'claim.merged');
      }
    });

    it('merges a claim under review and a decided one too; the verdict stays in its history', async () => {
      const target = await submitted();
      const inReview = await move(app.url, editor, await submitted(), 'in_review');
      expect((await mergeInto(inReview, target)).body).toMatchObject({ status: 'merged' });

      const { claim: decided } = await decidedClaim(app.url, { reporter, editor }, 'refuted');
      const response = await mergeInto(decided, target);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('merged');
      const events = await history(decided.id);
      expect(events.map((event) => event.toStatus)).toContain('refuted');
      expect(events.at(-1)).toMatchObject({ fromStatus: 'refuted', toStatus: 'merged' });
    });

    it('lets an editor merge a claim they submitted themselves (housekeeping, not a verdict)', async () => {
      const own = await submitClaim(app.url, editor);
      expect((await mergeInto(own, await submitted())).status).toBe(200);
    });

    it('answers the merged claim as it was before the merge when rebuilt with asOf', async () => {
      const duplicate = await submitted();
      const before = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await mergeInto(duplicate, await submitted())).status).toBe(200);
      const then = await as(reporter).get(
        `/api/v1/claims/${duplicate.id}?asOf=${encodeURIComponent(before)}`,
      );
      expect(then.body).toMatchObject({ status: 'submitted', mergedInto: null });
      const now = await as(reporter).get(
        `/api/v1/claims/${duplicate.id}?asOf=${encodeURIComponent(new Date().toISOString())}`,
      );
      expect(now.body).toMatchObject({ status: 'merged', version: 2 });
    });
  });

  describe('refusals', () => {
    it('refuses merging a claim into itself (409)', async () => {
      const claim = await submitted();
      const response = await mergeInto(claim, claim);
      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('itself');
    });

    it('refuses merging into a merged claim (409), which also rules out a cycle', async () => {
      const [a, b, c] = [await submitted(), await submitted(), await submitted()];
      expect((await mergeInto(a, b)).status).toBe(200);
      // b into a would close a cycle; c into a would stack merges.
      const cycle = await mergeInto(b, a);
      expect(cycle.status).toBe(409);
      expect(cycle.body.detail).toContain('merged');
      expect((await mergeInto(c, a)).status).toBe(409);
      expect((await as(reporter).get(`/api/v1/claims/${b.id}`)).body.status).toBe('submitted');
    });

    it('refuses merging into a withdrawn claim, and merging a withdrawn or merged claim (409)', async () => {
      const withdrawn = await move(app.url, reporter, await submitted(), 'withdrawn', 'Mistake.');
      const claim = await submitted();
      const into = await mergeInto(claim, withdrawn);
      expect(into.status).toBe(409);
      expect(into.body.detail).toContain('withdrawn');
      expect((await mergeInto(withdrawn, claim)).status).toBe(409);

      const merged = (await mergeInto(await submitted(), claim)).body;
      const again = await mergeInto(merged, await submitted());
      expect(again.status).toBe(409);
    });

    it('answers 404 naming intoId for an unknown target, and 404 for an unknown claim', async () => {
      const claim = await submitted();
      const unknown = await mergeInto(claim, { id: randomUUID() });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors).toEqual([{ field: 'intoId', message: 'names no claim' }]);
      const missing = await mergeInto({ id: randomUUID(), version: 1 }, claim);
      expect(missing.status).toBe(404);
      expect((await as(reporter).get(`/api/v1/claims/${claim.id}`)).body.status).toBe('submitted');
    });

    it('needs If-Match on the merged claim: 428 without, 412 when stale', async () => {
      const target = await submitted();
      const claim = await submitted();
      const body = { intoId: target.id, rationale: 'Duplicate.' };
      expect((await merge(editor, claim, body, {})).status).toBe(428);
      const stale = await merge(editor, claim, body, { 'if-match': '"7"' });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe('"1"');
      // The target's version is not what If-Match is about.
      const edited = (
        await as(reporter).patch(`/api/v1/claims/${target.id}`, {
          body: { text: 'An edited target claim.' },
          headers: { 'if-match': '"1"' },
        })
      ).body;
      expect(edited.version).toBe(2);
      expect((await merge(editor, claim, body)).status).toBe(200);
    });

    it('validates the body: intoId a uuid, rationale required (400 naming the field)', async () => {
      const claim = await submitted();
      const noRationale = await merge(editor, claim, { intoId: randomUUID() });
      expect(noRationale.status).toBe(400);
      expect(noRationale.text).toContain('rationale');
      const badId = await merge(editor, claim, { intoId: 'nope', rationale: 'x' });
      expect(badId.status).toBe(400);
      expect(badId.text).toContain('intoId');
      const extra = await merge(editor, claim, {
        intoId: randomUUID(),
        rationale: 'x',
        status: 'verified',
      });
      expect(extra.status).toBe(400);
    });

    it('is for editors only (403 for reporters, even on their own claim)', async () => {
      const claim = await submitted();
      expect((await mergeInto(claim, await submitted(), reporter)).status).toBe(403);
    });
  });

  describe('a merged claim afterwards', () => {
    it('is final: no edit, no transition, no evidence', async () => {
      const merged = (await mergeInto(await submitted(), await submitted())).body;
      const edit = await as(editor).patch(`/api/v1/claims/${merged.id}`, {
        body: { text: 'Changed.' },
        headers: { 'if-match': `"${merged.version}"` },
      });
      expect(edit.status).toBe(409);
      const reopen = await transition(app.url, secondEditor, merged, 'in_review');
      expect(reopen.status).toBe(409);
      expect(reopen.body.allowed).toEqual([]);
      const attach = await as(editor).post(`/api/v1/claims/${merged.id}/sources`, {
        body: { stance: 'context', source: { kind: 'media_report', title: 'A page' } },
        headers: { 'if-match': `"${merged.version}"` },
      });
      expect(attach.status).toBe(409);
    });

    it('refuses `merged` as an ordinary transition, pointing at the merge endpoint', async () => {
      const claim = await submitted();
      const response = await transition(app.url, editor, claim, 'merged', 'Duplicate.');
      expect(response.status).toBe(409);
      expect(response.body.detail).toContain('/merge');
    });

    it('leaves the review queue and is listed under status=merged', async () => {
      const assignee = await createUser(app.url, ['editor']);
      const tag = uniqueTag('merge');
      const claim = await submitted({ tags: [tag] });
      const assigned = await as(editor).post(`/api/v1/claims/${claim.id}/assignment`, {
        body: { assigneeId: assignee.id },
        headers: { 'if-match': '"1"' },
      });
      const queueOf = async () =>
        (await as(assignee).get('/api/v1/review-queue?assignee=me')).body.items.map(
          (item: { id: string }) => item.id,
        );
      expect(await queueOf()).toEqual([claim.id]);
      expect((await mergeInto(assigned.body, await submitted())).status).toBe(200);
      expect(await queueOf()).toEqual([]);

      const listed = await as(reporter).get(`/api/v1/claims?status=merged&tag=${tag}`);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([claim.id]);
      expect(listed.body.items[0].mergedInto).not.toBeNull();
      const open = await as(reporter).get(`/api/v1/claims?status=submitted,in_review&tag=${tag}`);
      expect(open.body.items).toEqual([]);
    });
  });

  describe("the target's publication", () => {
    it("lists the merged claim's appearance as another appearance in its ClaimReview", async () => {
      const { claim: target, sourceId } = await decidedClaim(app.url, { reporter, editor });
      const elsewhere = `https://tv.example.org/${uniqueTag('clip')}`;
      const viaArticle = await submitted({ appearanceUrl: elsewhere });
      expect((await mergeInto(viaArticle, target)).status).toBe(200);
      // A merge of a merge: c went into b before b went into the target.
      const second = `https://radio.example.org/${uniqueTag('show')}`;
      const b = await submitted();
      expect((await mergeInto(await submitted({ appearanceUrl: second }), b)).status).toBe(200);
      expect((await mergeInto(b, target)).status).toBe(200);

      const published = await publishDraft(app.url, editor, target.id, draftOf(sourceId));
      const review = published.versions[0].claimReview;
      const appearances = (review.itemReviewed.appearance as { url: string }[]).map(
        (appearance) => appearance.url,
      );
      expect(appearances).toEqual(
        expect.arrayContaining(['https://news.example.org/interview', elsewhere, second]),
      );
      expect(review.itemReviewed.firstAppearance.url).toBe('https://news.example.org/interview');
    });
  });

  describe('concurrency (real PostgreSQL, row locks in id order)', () => {
    it('two merges of a pair in opposite directions at once: one wins, the other is 409, no deadlock', async () => {
      for (let round = 0; round < 5; round++) {
        const [a, b] = [await submitted(), await submitted()];
        const [ab, ba] = await Promise.all([mergeInto(a, b), mergeInto(b, a, secondEditor)]);
        expect([ab.status, ba.status].sort()).toEqual([200, 409]);
        const statuses = await Promise.all(
          [a, b].map(async (claim) => (await as(reporter).get(`/api/v1/claims/${claim.id}`)).body),
        );
        expect(statuses.filter((claim) => claim.status === 'merged')).toHaveLength(1);
        for (const claim of [a, b]) expect(chainProblem(await history(claim.id))).toBeNull();
      }
    });

    it('a merge and a decision at the same version: exactly one applies, the other gets 412', async () => {
      let claim = await move(app.url, editor, await submitted(), 'in_review');
      claim = await attachSource(app.url, editor, claim, 'contradicts');
      const target = await submitted();
      const [merged, decided] = await Promise.all([
        mergeInto(claim, target, secondEditor),
        transition(app.url, editor, claim, 'refuted', 'Contradicted by the records.'),
      ]);
      expect([merged.status, decided.status].sort()).toEqual([200, 412]);
      const now = (await as(reporter).get(`/api/v1/claims/${claim.id}`)).body;
      expect(now.status).toBe(merged.status === 200 ? 'merged' : 'refuted');
      expect(chainProblem(await history(claim.id))).toBeNull();
    });

    it('many claims merged into one target at once all succeed, each with an event on its chain', async () => {
      const target = await submitted();
      const duplicates = await Promise.all(Array.from({ length: 8 }, () => submitted()));
      const responses = await Promise.all(
        duplicates.map((claim, index) =>
          mergeInto(claim, target, index % 2 ? editor : secondEditor),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(duplicates.map(() => 200));
      const events = await history(target.id);
      expect(events.filter((event) => event.type === 'claim.absorbed')).toHaveLength(8);
      expect(chainProblem(events)).toBeNull();
    });
  });
});
