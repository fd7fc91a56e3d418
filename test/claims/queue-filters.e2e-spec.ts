import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

interface Summary {
  id: string;
  version: number;
  dueAt: string | null;
  assigneeId: string | null;
}

describe('review queue: assignee, due dates and overdue (SPEC §14)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let chief: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor: chief, secondEditor: other } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const assign = async (claim: Summary, assigneeId: string | null, dueAt?: string | null) => {
    const response = await as(chief).post(`/api/v1/claims/${claim.id}/assignment`, {
      body: dueAt === undefined ? { assigneeId } : { assigneeId, dueAt },
      headers: { 'if-match': `"${claim.version}"` },
    });
    if (response.status !== 200) throw new Error(`${response.status} ${response.text}`);
    return response.body as Summary;
  };
  const current = async (claim: Summary) =>
    (await as(chief).get(`/api/v1/claims/${claim.id}`)).body as Summary;
  // Every page of a queue listing, with a hook run between page fetches.
  const allPages = async (
    who: TestUser,
    query: string,
    between?: (page: number) => Promise<void>,
  ) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 500; page++) {
      const response: { status: number; body: any } = await as(who).get(
        `/api/v1/review-queue?${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      ids.push(...response.body.items.map((item: Summary) => item.id));
      cursor = response.body.nextCursor;
      if (!cursor) break;
      await between?.(page);
    }
    return ids;
  };
  const makeOverdue = (claim: Summary, hoursAgo: number) =>
    withDatabase((db) =>
      db.query(`UPDATE claims SET due_at = now() - $2 * interval '1 hour' WHERE id = $1`, [
        claim.id,
        hoursAgo,
      ]),
    );

  it('filters by assignee=me, none and an editor id', async () => {
    const editor = await createUser(app.url, ['editor']);
    const mine = await assign(await submitClaim(app.url, reporter), editor.id);
    const theirs = await assign(await submitClaim(app.url, reporter), other.id);
    const nobodys = await submitClaim(app.url, reporter);

    const me = await allPages(editor, 'assignee=me&limit=200');
    expect(me).toEqual([mine.id]);
    const byId = await allPages(chief, `assignee=${editor.id.toUpperCase()}`);
    expect(byId).toEqual([mine.id]);
    const none = await allPages(chief, 'assignee=none&limit=200');
    expect(none).toContain(nobodys.id);
    expect(none).not.toContain(mine.id);
    expect(none).not.toContain(theirs.id);
  });

  it('puts the earliest due date first and claims without one last (sort=due)', async () => {
    const editor = await createUser(app.url, ['editor']);
    const later = await assign(await submitClaim(app.url, reporter), editor.id, inHours(8));
    const none = await assign(await submitClaim(app.url, reporter), editor.id);
    const soon = await assign(await submitClaim(app.url, reporter), editor.id, inHours(1));
    const overdue = await assign(await submitClaim(app.url, reporter), editor.id);
    await makeOverdue(overdue, 2);

    const ids = await allPages(editor, 'assignee=me&sort=due&limit=1');
    expect(ids).toEqual([overdue.id, soon.id, later.id, none.id]);

    expect(await allPages(editor, 'assignee=me&overdue=true')).toEqual([overdue.id]);
    expect(await allPages(editor, 'assignee=me&overdue=false&sort=due')).toEqual([
      soon.id,
      later.id,
      none.id,
    ]);
    expect(await allPages(editor, `assignee=me&sort=due&dueBefore=${inHours(4)}`)).toEqual([
      overdue.id,
      soon.id,
    ]);
    // Composes with the existing filters.
    const urgent = await assign(
      await submitClaim(app.url, reporter, { priority: 'urgent' }),
      editor.id,
      inHours(1),
    );
    expect(await allPages(editor, 'assignee=me&sort=due&priority=urgent')).toEqual([urgent.id]);
    const overdueUrgent = await allPages(editor, 'assignee=me&priority=urgent&overdue=true');
    expect(overdueUrgent).toEqual([]);
  });

  it('pages without duplicates or gaps while claims are assigned between fetches', async () => {
    const editor = await createUser(app.url, ['editor']);
    const claims: Summary[] = [];
    for (let i = 0; i < 14; i++) {
      const claim = await submitClaim(app.url, reporter, {
        priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
      });
      // Pairs share a due date, so the tie-breakers are paged through too.
      claims.push(await assign(claim, editor.id, inHours(100 + Math.floor(i / 2))));
    }
    const ours = new Set(claims.map((claim) => claim.id));
    const reassign = async (page: number) => {
      // One claim already seen and one not yet seen change hands (the due date stays),
      // over the first seven page turns; a queue shared with other suites may have more.
      if (page >= claims.length / 2) return;
      for (const claim of [claims[page], claims[claims.length - 1 - page]]) {
        await assign(await current(claim), page % 2 ? other.id : null);
      }
    };

    for (const query of [
      `sort=due&dueBefore=${inHours(120)}&limit=3`,
      'limit=40',
      'sort=due&limit=40',
    ]) {
      const ids = (await allPages(chief, query, reassign)).filter((id) => ours.has(id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...ours].sort());
    }
  });

  it('refuses bad filter values with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['assignee=bob', 'assignee'],
      ['overdue=yes', 'overdue'],
      ['dueBefore=2026-W10-3', 'dueBefore'],
      ['sort=-due', 'sort'],
    ]) {
      const response = await as(chief).get(`/api/v1/review-queue?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe(field);
    }
    const dueCursor = (await as(chief).get('/api/v1/review-queue?sort=due&limit=1')).body
      .nextCursor;
    if (dueCursor) {
      const mixed = await as(chief).get(`/api/v1/review-queue?cursor=${dueCursor}`);
      expect(mixed.status).toBe(400);
    }
  });
});
