import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { lockClaim } from '../claims/claim-locks.js';
import { assertClaimExists } from '../claims/claim-reads.js';
import {
  decodeCursor,
  fromTimestampKey,
  KEY_SHAPES,
  Page,
  pageOf,
  timestampKey,
} from '../common/pagination/cursor.js';
import { SqlParameters } from '../database/sql-parameters.js';
import { CreateCommentDto, ListCommentsQuery } from './dto/comment.dto.js';
import { CommentView } from './dto/comment.view.js';

const COMMENT_COLUMNS = `
  m.id, m.claim_id, m.author_id, u.name AS author_name, m.body, m.created_at,
  ${timestampKey('m.created_at')} AS created_key`;

interface CommentRow {
  id: string;
  claim_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date;
  created_key: string;
}

const toCommentView = (row: CommentRow): CommentView => ({
  id: row.id,
  claimId: row.claim_id,
  authorId: row.author_id,
  authorName: row.author_name,
  body: row.body,
  createdAt: row.created_at.toISOString(),
});

// Discussion on a claim. Comments are allowed in every status (a closed claim can still be
// talked about) and do not change the claim's version, so they never cause a 412.
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async add(user: AuthUser, claimId: string, input: CreateCommentDto): Promise<CommentView> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock serialises appends to the claim's audit chain.
      await lockClaim(manager, claimId);
      const [row] = (await manager.query(
        `WITH m AS (
           INSERT INTO comments (claim_id, author_id, body) VALUES ($1, $2, $3) RETURNING *
         )
         SELECT ${COMMENT_COLUMNS} FROM m JOIN users u ON u.id = m.author_id`,
        [claimId, user.id, input.body],
      )) as CommentRow[];
      await this.audit.append(manager, {
        claimId,
        type: 'comment.added',
        actor: actorOf(user),
        data: { comment: { id: row.id, body: row.body } },
      });
      return toCommentView(row);
    });
  }

  // Oldest first, as a conversation reads.
  async list(claimId: string, query: ListCommentsQuery): Promise<Page<CommentView>> {
    await assertClaimExists(this.dataSource.manager, claimId);
    const p = new SqlParameters(claimId);
    let after = '';
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 'comments', [
        KEY_SHAPES.timestamp,
        KEY_SHAPES.uuid,
      ]);
      after = `AND (m.created_at, m.id) > (${fromTimestampKey(p.add(at))}, ${p.add(id)})`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COMMENT_COLUMNS} FROM comments m JOIN users u ON u.id = m.author_id
        WHERE m.claim_id = $1 ${after}
        ORDER BY m.created_at, m.id
        LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as CommentRow[];
    return pageOf(rows, query.limit, toCommentView, (row) => ({
      sort: 'comments',
      key: [row.created_key, row.id],
    }));
  }
}
