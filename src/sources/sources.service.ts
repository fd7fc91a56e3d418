import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role.js';
import { findClaimsCiting } from '../claims/claim-reads.js';
import { Page, pageOf, timestampKey } from '../common/pagination/cursor.js';
import { createdBefore, createdCursor } from '../common/pagination/newest-first.js';
import { DomainError } from '../common/problem/domain-error.js';
import { SqlParameters, whereClause } from '../database/sql-parameters.js';
import { CreateSourceDto, ListSourcesQuery } from './dto/source.dto.js';
import { SourceView, SourceWithClaimsView } from './dto/source.view.js';
import { normalizeSourceUrl } from './source-url.js';

const SOURCE_COLUMNS = `
  s.id, s.kind, s.title, s.url, s.publisher, s.published_at, s.notes, s.created_by,
  s.created_at, ${timestampKey('s.created_at')} AS created_key`;

interface SourceRow {
  id: string;
  kind: SourceView['kind'];
  title: string;
  url: string | null;
  publisher: string | null;
  published_at: Date | null;
  notes: string | null;
  created_by: string;
  created_at: Date;
  created_key: string;
}

export const toSourceView = (row: SourceRow): SourceView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  url: row.url,
  publisher: row.publisher,
  publishedAt: row.published_at?.toISOString() ?? null,
  notes: row.notes,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

// How many citing claims GET /sources/:id lists (newest first).
const CITING_CLAIMS_SHOWN = 200;

@Injectable()
export class SourcesService {
  constructor(private readonly dataSource: DataSource) {}

  // A URL already known (after normalisation) returns the existing source: `created` false.
  // ON CONFLICT makes two concurrent submissions of one URL agree on a single source.
  async create(
    user: AuthUser,
    input: CreateSourceDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ source: SourceView; created: boolean }> {
    // `url: null` means no URL, as for the other optional fields.
    const normalized = input.url == null ? null : normalizeSourceUrl(input.url);
    const [inserted] = (await manager.query(
      `INSERT INTO sources AS s
         (kind, title, url, normalized_url, publisher, published_at, notes, created_by)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7)
       ON CONFLICT (normalized_url) DO NOTHING
       RETURNING ${SOURCE_COLUMNS}`,
      [
        input.kind,
        input.title,
        normalized,
        input.publisher ?? null,
        input.publishedAt ?? null,
        input.notes ?? null,
        user.id,
      ],
    )) as SourceRow[];
    if (inserted) return { source: toSourceView(inserted), created: true };
    const [existing] = (await manager.query(
      `SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.normalized_url = $1`,
      [normalized],
    )) as SourceRow[];
    return { source: toSourceView(existing), created: false };
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SourceView | undefined> {
    const [row] = (await manager.query(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = $1`, [
      id,
    ])) as SourceRow[];
    return row && toSourceView(row);
  }

  async get(id: string): Promise<SourceWithClaimsView> {
    const source = await this.find(id);
    if (!source) throw new DomainError('not-found', `No source ${id}.`);
    const claims = await findClaimsCiting(this.dataSource.manager, id, CITING_CLAIMS_SHOWN);
    return { ...source, claims };
  }

  // Newest first, keyset-paginated on (created_at, id).
  async list(query: ListSourcesQuery): Promise<Page<SourceView>> {
    const where: string[] = [];
    const p = new SqlParameters();
    if (query.kind) where.push(`s.kind = ${p.add(query.kind)}`);
    if (query.url) where.push(`s.normalized_url = ${p.add(normalizeSourceUrl(query.url))}`);
    if (query.cursor) where.push(createdBefore(p, query.cursor, 'sources', 's'));
    const rows = (await this.dataSource.query(
      `SELECT ${SOURCE_COLUMNS} FROM sources s
        ${whereClause(where)}
        ORDER BY s.created_at DESC, s.id DESC
        LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as SourceRow[];
    return pageOf(rows, query.limit, toSourceView, createdCursor('sources'));
  }
}
