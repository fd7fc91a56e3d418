import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditActor } from '../../audit/audit-event.js';
import { AuditAppendService } from '../../audit/audit-append.service.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { SessionView } from './dto/session.view.js';
import { SessionClock } from './session-clock.js';
import { isSessionLive, sessionEndsAt } from './session-policy.js';

// A person signs in on a handful of browsers; the list is bounded all the same.
const MAX_SESSIONS_LISTED = 100;

interface SessionRow {
  id: string;
  user_id: string;
  method: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
  address: string | null;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly clock: SessionClock,
  ) {}

  // A user's live sessions, most recent first.
  async listLive(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const now = this.clock.now();
    const rows = (await this.dataSource.query(
      `SELECT id, user_id, method, created_at, last_seen_at, expires_at, user_agent, address
         FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
        ORDER BY last_seen_at DESC, id
        LIMIT ${MAX_SESSIONS_LISTED}`,
      [userId, now],
    )) as SessionRow[];
    return rows
      .filter((row) =>
        isSessionLive({ lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }, now),
      )
      .map((row) => ({
        id: row.id,
        userId: row.user_id,
        method: row.method,
        createdAt: row.created_at.toISOString(),
        lastSeenAt: row.last_seen_at.toISOString(),
        expiresAt: sessionEndsAt({
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        }).toISOString(),
        userAgent: row.user_agent,
        address: row.address,
        current: row.id === currentSessionId,
      }));
  }

  async userExists(userId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1`, [
      userId,
    ])) as unknown[];
    return rows.length > 0;
  }

  // Whose session this is, or null when there is no such session.
  async ownerOf(sessionId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT user_id FROM sessions WHERE id = $1`, [
      sessionId,
    ])) as { user_id: string }[];
    return row?.user_id ?? null;
  }

  // Ends a session: `signed_out` when its owner signs out of it, `revoked` otherwise
  // (from another of their sessions, or by an admin). Ending an ended session records
  // nothing new.
  async end(
    actor: AuditActor,
    sessionId: string,
    type: 'session.signed_out' | 'session.revoked',
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [ended] = (await manager.query(
        `UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL
         RETURNING user_id`,
        [sessionId, this.clock.now()],
      )) as [{ user_id: string }[], number];
      if (ended.length === 0) {
        if ((await this.ownerOf(sessionId)) === null) {
          throw new DomainError('not-found', `No session ${sessionId}.`);
        }
        return;
      }
      await this.audit.append(manager, {
        claimId: null,
        type,
        actor,
        data: { sessionId, userId: ended[0].user_id },
      });
    });
  }
}
