import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import {
  CursorPosition,
  decodeCursor,
  fromTimestampKey,
  KEY_SHAPES,
  Page,
  pageOf,
} from '../common/pagination/cursor.js';
import { SqlParameters, whereClause } from '../database/sql-parameters.js';
import { claimLanguageCondition, claimSearchCondition } from './claim-search.js';
import { CLAIM_COLUMNS, ClaimRow, DUE_ORDER, toClaimSummary } from './claim-sql.js';
import { ClaimSort, ListClaimsQuery, ReviewQueueQuery } from './dto/claim-query.dto.js';
import { ClaimSummaryView } from './dto/claim.view.js';

type OrderName = ClaimSort | 'queue' | 'due';

interface KeysetOrder {
  name: OrderName;
  orderBy: string;
  // The keyset condition "after this cursor" for the decoded key parts.
  after(key: string[], parameters: SqlParameters): string;
  cursorOf(row: ClaimRow): CursorPosition;
  shapes: RegExp[];
}

const { rank, timestamp, uuid } = KEY_SHAPES;
const dueKey = /^(none|-?\d{1,16})$/;

// Urgent first, then oldest: the queue's order, after whatever comes before it.
const queueAfter = ([rank, at, id]: string[], p: SqlParameters) => {
  const r = p.add(Number(rank));
  return `(c.priority_rank < ${r} OR (c.priority_rank = ${r} AND (c.created_at, c.id) > (${fromTimestampKey(p.add(at))}, ${p.add(id)})))`;
};

// Each order is served by an index (initial migration; `due`: claims_queue_due_idx),
// scanned in index order.
const ORDERS: Record<OrderName, KeysetOrder> = {
  '-createdAt': {
    name: '-createdAt',
    orderBy: 'c.created_at DESC, c.id DESC',
    after: ([at, id], p) => `(c.created_at, c.id) < (${fromTimestampKey(p.add(at))}, ${p.add(id)})`,
    cursorOf: (row) => ({ sort: '-createdAt', key: [row.created_key, row.id] }),
    shapes: [timestamp, uuid],
  },
  createdAt: {
    name: 'createdAt',
    orderBy: 'c.created_at, c.id',
    after: ([at, id], p) => `(c.created_at, c.id) > (${fromTimestampKey(p.add(at))}, ${p.add(id)})`,
    cursorOf: (row) => ({ sort: 'createdAt', key: [row.created_key, row.id] }),
    shapes: [timestamp, uuid],
  },
  '-priority': {
    name: '-priority',
    orderBy: 'c.priority_rank DESC, c.created_at DESC, c.id DESC',
    after: ([rank, at, id], p) =>
      `(c.priority_rank, c.created_at, c.id) < ` +
      `(${p.add(Number(rank))}, ${fromTimestampKey(p.add(at))}, ${p.add(id)})`,
    cursorOf: (row) => ({ sort: '-priority', key: [row.priority_rank, row.created_key, row.id] }),
    shapes: [rank, timestamp, uuid],
  },
  // Urgent first, then oldest: mixed directions, so the row comparison is spelled out.
  queue: {
    name: 'queue',
    orderBy: 'c.priority_rank DESC, c.created_at, c.id',
    after: queueAfter,
    cursorOf: (row) => ({ sort: 'queue', key: [row.priority_rank, row.created_key, row.id] }),
    shapes: [rank, timestamp, uuid],
  },
  // Earliest due date first, claims without one last; ties in queue order.
  due: {
    name: 'due',
    orderBy: `${DUE_ORDER}, c.priority_rank DESC, c.created_at, c.id`,
    after: ([due, ...rest], p) => {
      const d = due === 'none' ? `'infinity'::timestamptz` : fromTimestampKey(p.add(due));
      return `(${DUE_ORDER} > ${d} OR (${DUE_ORDER} = ${d} AND ${queueAfter(rest, p)}))`;
    },
    cursorOf: (row) => ({
      sort: 'due',
      key: [row.due_key, row.priority_rank, row.created_key, row.id],
    }),
    shapes: [dueKey, rank, timestamp, uuid],
  },
};

// The claim lists: GET /claims and GET /review-queue. One query per page, no sources.
@Injectable()
export class ClaimListingService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListClaimsQuery): Promise<Page<ClaimSummaryView>> {
    const p = new SqlParameters();
    const where: string[] = [];
    if (query.status) where.push(oneOrAny('c.status', query.status, p));
    if (query.priority) where.push(oneOrAny('c.priority', query.priority, p));
    if (query.q) where.push(claimSearchCondition(p, query.q, query.language));
    if (query.language) where.push(claimLanguageCondition(p, query.language));
    if (query.tag) where.push(`c.tags @> ARRAY[${p.add(query.tag)}]::text[]`);
    if (query.claimant) where.push(`lower(c.claimant) = lower(${p.add(query.claimant)})`);
    if (query.claimantId) where.push(`c.claimant_id = ${p.add(query.claimantId)}`);
    if (query.submittedBy) where.push(`c.submitted_by = ${p.add(query.submittedBy)}`);
    if (query.assigneeId) where.push(`c.assignee_id = ${p.add(query.assigneeId)}`);
    if (query.createdFrom) where.push(`c.created_at >= ${p.add(query.createdFrom)}::timestamptz`);
    if (query.createdTo) where.push(`c.created_at < ${p.add(query.createdTo)}::timestamptz`);
    return this.page(ORDERS[query.sort], where, p, query);
  }

  async queue(userId: string, query: ReviewQueueQuery): Promise<Page<ClaimSummaryView>> {
    const p = new SqlParameters();
    // Spelled as in the partial index claims_queue_idx, so the planner can use it.
    const where = [`c.status IN ('submitted', 'in_review')`];
    if (query.status) where.push(oneOrAny('c.status', query.status, p));
    if (query.priority) where.push(oneOrAny('c.priority', query.priority, p));
    if (query.mine === 'true') where.push(`c.assignee_id = ${p.add(userId)}`);
    if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assignee) {
      const assignee = query.assignee === 'me' ? userId : query.assignee.toLowerCase();
      where.push(`c.assignee_id = ${p.add(assignee)}`);
    }
    // Against the due-date index's expression, so `sort=due` pages scan a range of it.
    if (query.overdue === 'true') where.push(`${DUE_ORDER} < now()`);
    if (query.overdue === 'false') where.push(`${DUE_ORDER} >= now()`);
    if (query.dueBefore) where.push(`${DUE_ORDER} < ${p.add(query.dueBefore)}::timestamptz`);
    return this.page(ORDERS[query.sort], where, p, query);
  }

  private async page(
    order: KeysetOrder,
    where: string[],
    p: SqlParameters,
    { limit, cursor }: { limit: number; cursor?: string },
  ): Promise<Page<ClaimSummaryView>> {
    if (cursor) {
      const key = decodeCursor(cursor, order.name, order.shapes);
      where.push(order.after(key, p));
    }
    const rows = await preparedQuery<ClaimRow>(
      this.dataSource,
      `SELECT ${CLAIM_COLUMNS} FROM claims c
        ${whereClause(where)}
        ORDER BY ${order.orderBy}
        LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return pageOf(rows, limit, toClaimSummary, order.cursorOf);
  }
}

// `= $n` for one value (an index range scan), `= ANY($n)` for several.
function oneOrAny(column: string, values: string[], p: SqlParameters): string {
  return values.length === 1
    ? `${column} = ${p.add(values[0])}`
    : `${column} = ANY(${p.add(values)}::text[])`;
}
