import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AppProcess, startApp } from '../support/app-process.js';
import { move, submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';
type Claim = { id: string; version: number };

describe('bulk actions (SPEC §14)', () => {
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
  const bulk = (who: TestUser, body: unknown, headers: Record<string, string> = {}) =>
    as(who).post('/api/v1/claims/bulk', { body, headers });
  const items = (claims: Claim[]) => claims.map(({ id, version }) => ({ id, version }));
  const several = (count: number, who = reporter, input = {}) =>
    Promise.all(Array.from({ length: count }, () => submitClaim(app.url, who, input)));
  const eventsOf = (ids: string[], type: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM audit_events WHERE chain = ANY($1) AND type = $2',
        [ids, type],
      );
      return rows[0].n as number;
    });

  it('answers 207 with one result per item in request order, one event each', async () => {
    const claims = await several(4);
    const response = await bulk(editor, {
      action: 'assign',
      items: items(claims),
      params: { assigneeId: colleague.id, dueAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(response.status).toBe(207);
    expect(response.body.results).toEqual(
      claims.map((claim) => ({ id: claim.id, status: 200, version: 2 })),
    );
    expect(
      await eventsOf(
        claims.map((c) => c.id),
        'claim.assigned',
      ),
    ).toBe(4);
    const stored = (await as(editor).get(`/api/v1/claims/${claims[2].id}`)).body;
    expect(stored.assigneeId).toBe(colleague.id);
  });

  it('fails only the items whose version is stale (412 problem for that item)', async () => {
    const claims = await several(3);
    const moved = await move(app.url, editor, claims[1], 'in_review');
    const response = await bulk(editor, {
      action: 'set_priority',
      items: items(claims),
      params: { priority: 'urgent' },
    });
    expect(response.status).toBe(207);
    const [first, second, third] = response.body.results;
    expect(first).toEqual({ id: claims[0].id, status: 200, version: 2 });
    expect(second).toMatchObject({ id: claims[1].id, status: 412 });
    expect(second.problem).toMatchObject({
      type: PROBLEM + 'stale-version',
      status: 412,
      currentVersion: moved.version,
    });
    expect(second.version).toBeUndefined();
    expect(third).toEqual({ id: claims[2].id, status: 200, version: 2 });
    const stale = (await as(editor).get(`/api/v1/claims/${claims[1].id}`)).body;
    expect(stale.priority).toBe('normal');
  });

  it('enforces four-eyes on start_review per item and assigns the reviewer', async () => {
    const others = await several(2);
    const own = await submitClaim(app.url, editor);
    const response = await bulk(editor, {
      action: 'start_review',
      items: items([others[0], own, others[1]]),
    });
    expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([200, 403, 200]);
    expect(response.body.results[1].problem.type).toBe(PROBLEM + 'four-eyes');
    const started = (await as(editor).get(`/api/v1/claims/${others[0].id}`)).body;
    expect(started).toMatchObject({ status: 'in_review', assigneeId: editor.id });
  });

  it('adds and removes tags, normalised, without touching the others', async () => {
    const [a, b] = await several(2, reporter, { tags: ['kyiv'] });
    const added = await bulk(editor, {
      action: 'add_tags',
      items: items([a, b]),
      params: { tags: [' Casualties ', 'kyiv'] },
    });
    expect(added.body.results.every((r: { status: number }) => r.status === 200)).toBe(true);
    expect((await as(editor).get(`/api/v1/claims/${a.id}`)).body.tags).toEqual([
      'kyiv',
      'casualties',
    ]);
    const removed = await bulk(editor, {
      action: 'remove_tags',
      items: [{ id: a.id, version: 2 }],
      params: { tags: ['KYIV'] },
    });
    expect(removed.body.results[0]).toEqual({ id: a.id, status: 200, version: 3 });
    expect((await as(editor).get(`/api/v1/claims/${a.id}`)).body.tags).toEqual(['casualties']);
    const full = await submitClaim(app.url, reporter, {
      tags: Array.from({ length: 20 }, (_, i) => `t${i}`),
    });
    const over = await bulk(editor, {
      action: 'add_tags',
      items: items([full]),
      params: { tags: ['one-more'] },
    });
    expect(over.body.results[0]).toMatchObject({ status: 422 });
    expect(over.body.results[0].problem.errors[0].field).toBe('params.tags');
  });

  it('applies the role rules per item: a reporter withdraws only their own claims', async () => {
    const own = await submitClaim(app.url, reporter);
    const theirs = await submitClaim(app.url, colleague);
    const response = await bulk(reporter, {
      action: 'withdraw',
      items: items([own, theirs]),
      params: { rationale: 'Published twice.' },
    });
    expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([200, 403]);
    const assign = await bulk(reporter, {
      action: 'assign',
      items: items(await several(1)),
      params: { assigneeId: editor.id },
    });
    expect(assign.body.results[0].status).toBe(403);
    expect((await bulk(auditor, { action: 'withdraw', items: items([own]) })).status).toBe(403);
  });

  it('answers 404 and 409 per item for unknown and decided claims', async () => {
    const [open] = await several(1);
    const withdrawn = await move(app.url, reporter, (await several(1))[0], 'withdrawn', 'Dup.');
    const response = await bulk(editor, {
      action: 'assign',
      items: [...items([open, withdrawn]), { id: randomUUID(), version: 1 }],
      params: { assigneeId: colleague.id },
    });
    expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([200, 409, 404]);
  });

  it('refuses a malformed request as a whole (400) before any item runs', async () => {
    const [claim] = await several(1);
    const one = items([claim]);
    const tooMany = Array.from({ length: 201 }, () => ({ id: randomUUID(), version: 1 }));
    const cases: [unknown, string][] = [
      [{ action: 'assign', items: [], params: { assigneeId: null } }, 'items'],
      [{ action: 'assign', items: tooMany, params: { assigneeId: null } }, 'items'],
      [{ action: 'assign', items: [...one, ...one], params: { assigneeId: null } }, 'items.1.id'],
      [{ action: 'publish', items: one }, 'action'],
      [{ action: 'set_priority', items: one, params: { priority: 'asap' } }, 'params.priority'],
      [{ action: 'withdraw', items: one }, 'params.rationale'],
      [{ action: 'assign', items: one, params: { assigneeId: 'x' } }, 'params.assigneeId'],
      [{ action: 'add_tags', items: one, params: { tags: [] } }, 'params.tags'],
      [{ action: 'set_priority', items: one, params: { priority: 'high', x: 1 } }, 'params.x'],
      [
        { action: 'set_priority', items: [{ id: claim.id }], params: { priority: 'high' } },
        'items.0.version',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await bulk(editor, body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await as(editor).get(`/api/v1/claims/${claim.id}`)).body.version).toBe(1);
  });

  it('replays the whole 207 for a repeated Idempotency-Key', async () => {
    const claims = await several(3);
    const body = { action: 'set_priority', items: items(claims), params: { priority: 'high' } };
    const headers = { 'idempotency-key': `bulk-${randomUUID()}` };
    const first = await bulk(editor, body, headers);
    expect(first.status).toBe(207);
    const again = await bulk(editor, body, headers);
    expect(again.status).toBe(207);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(
      await eventsOf(
        claims.map((c) => c.id),
        'claim.edited',
      ),
    ).toBe(3);
    const changed = await bulk(editor, { ...body, params: { priority: 'low' } }, headers);
    expect(changed.status).toBe(422);
  });
});
