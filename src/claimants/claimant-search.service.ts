import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ClaimantDirectory,
  ClaimantSuggestion,
  LinkedClaimant,
} from '../claims/claimant-directory.js';
import { decodeCursor, KEY_SHAPES, Page, pageOf } from '../common/pagination/cursor.js';
import { createdBefore, createdCursor } from '../common/pagination/newest-first.js';
import { AdvicePool, AdviceStatement } from '../database/advice-pool.js';
import { SqlParameters, whereClause } from '../database/sql-parameters.js';
import {
  CLAIMANT_COLUMNS,
  CLAIMANT_SUGGESTIONS_SQL,
  ClaimantRow,
  findClaimantRow,
  toClaimantView,
} from './claimant-sql.js';
import { ListClaimantsQuery } from './dto/claimant.dto.js';
import { ClaimantListItemView } from './dto/claimant.view.js';

const CLAIMANT_SUGGESTIONS: AdviceStatement = {
  name: 'claimant-suggestions',
  text: CLAIMANT_SUGGESTIONS_SQL,
  readyingValues: ['no such claimant'],
};

// A search match's score, rounded so that it can be a keyset cursor's key.
const SCORE_SHAPE = /^(?:0|1)(?:\.\d{1,4})?$/;

// Finding claimants: the list and search (GET /claimants) and, for claims/, the lookups of
// its ClaimantDirectory (a claim's link, a submission's suggestions). All matching runs on
// claimant_names' trigram index (pg_trgm): `%` (similarity) and `<%` (word similarity)
// with the server's default thresholds (0.3 and 0.6), then ranked by the exact figures.
@Injectable()
export class ClaimantSearchService implements ClaimantDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly advice: AdvicePool,
  ) {
    advice.declare(CLAIMANT_SUGGESTIONS);
  }

  async list(query: ListClaimantsQuery): Promise<Page<ClaimantListItemView>> {
    return query.q ? this.search(query, query.q) : this.newestFirst(query);
  }

  async find(manager: EntityManager, id: string): Promise<LinkedClaimant | undefined> {
    const row = await findClaimantRow(manager, id);
    return row && { id: row.id, name: row.name, type: row.type, sameAs: row.same_as };
  }

  // Runs on nearly every submission (one that names a claimant without linking one), as
  // advice beside the claim's insert: on the advice's connections, whose planner settings
  // take the names' trigram index (src/database/advice-pool.ts), as a named statement.
  suggest(text: string): Promise<ClaimantSuggestion[]> {
    return this.advice.query<ClaimantSuggestion>(CLAIMANT_SUGGESTIONS, [text]);
  }

  // By name or alias, best match first, keyset-paginated on (score, id).
  private async search(query: ListClaimantsQuery, q: string): Promise<Page<ClaimantListItemView>> {
    const p = new SqlParameters();
    const text = p.add(q);
    const inner: string[] = [`(n.name % ${text} OR ${text} <% n.name)`];
    if (query.type) inner.push(`n.type = ${p.add(query.type)}`);
    const outer: string[] = [];
    if (query.cursor) {
      const [score, id] = decodeCursor(query.cursor, 'claimants?q', [SCORE_SHAPE, KEY_SHAPES.uuid]);
      const s = p.add(score);
      outer.push(`(m.score < ${s}::numeric OR (m.score = ${s}::numeric AND c.id > ${p.add(id)}))`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${CLAIMANT_COLUMNS}, m.score::text AS score
         FROM (SELECT n.claimant_id,
                      round(max(CASE WHEN lower(n.name) = lower(${text}) THEN 1
                                     ELSE greatest(similarity(n.name, ${text}),
                                                   word_similarity(${text}, n.name)) END
                               )::numeric, 4) AS score
                 FROM claimant_names n
                ${whereClause(inner)}
                GROUP BY n.claimant_id) m
         JOIN claimants c ON c.id = m.claimant_id
        ${whereClause(outer)}
        ORDER BY m.score DESC, c.id
        LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as (ClaimantRow & { score: string })[];
    return pageOf(
      rows,
      query.limit,
      (row) => ({ ...toClaimantView(row), similarity: Number(row.score) }),
      (row) => ({ sort: 'claimants?q', key: [row.score, row.id] }),
    );
  }

  // Newest first, keyset-paginated on (created_at, id), as the other lists.
  private async newestFirst(query: ListClaimantsQuery): Promise<Page<ClaimantListItemView>> {
    const p = new SqlParameters();
    const where: string[] = [];
    if (query.type) where.push(`c.type = ${p.add(query.type)}`);
    if (query.cursor) where.push(createdBefore(p, query.cursor, 'claimants', 'c'));
    const rows = (await this.dataSource.query(
      `SELECT ${CLAIMANT_COLUMNS} FROM claimants c
        ${whereClause(where)}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as ClaimantRow[];
    return pageOf(rows, query.limit, toClaimantView, createdCursor('claimants'));
  }
}
