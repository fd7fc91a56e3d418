import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { AuthUser, Role } from '../../auth/role.js';
import { SessionAuthenticator } from '../../auth/session-authenticator.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { originAllowed } from './request-origin.js';
import { sessionSecretOf } from './session-cookie.js';
import { SessionClock } from './session-clock.js';
import { isSessionLive, LAST_SEEN_RESOLUTION_MS } from './session-policy.js';
import { hashSessionSecret, SESSION_SECRET_SHAPE } from './session-secret.js';

const SESSION_BY_SECRET_SQL = `SELECT s.id AS session_id, s.last_seen_at, s.expires_at,
         u.id, u.name, u.email, u.roles, u.active
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.secret_hash = $1 AND s.revoked_at IS NULL`;

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
}

// The desk's requests: the session cookie names a live session of an active user.
// Nothing is cached, so a revoked, expired or deactivated session fails on its very next
// request.
@Injectable()
export class SessionAuthenticatorService extends SessionAuthenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: SessionClock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  carriesSession(request: FastifyRequest): boolean {
    return sessionSecretOf(request) !== undefined;
  }

  async authenticate(request: FastifyRequest): Promise<AuthUser | null> {
    const secret = sessionSecretOf(request);
    if (!secret || !SESSION_SECRET_SHAPE.test(secret)) return null;
    const [row] = await preparedQuery<SessionRow>(this.dataSource, SESSION_BY_SECRET_SQL, [
      hashSessionSecret(secret),
    ]);
    if (!row) return null;
    const now = this.clock.now();
    if (!isSessionLive({ lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }, now)) {
      return null;
    }
    if (!row.active) {
      // Deactivation ends the person's sessions for good: reactivating them later does
      // not bring this one back. (The deactivation itself is on the trail.)
      await this.dataSource.query(
        `UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`,
        [row.session_id, now],
      );
      return null;
    }
    if (!originAllowed(request, this.config.publicBaseUrl)) {
      throw new DomainError(
        'forbidden',
        'A signed-in request that changes something must come from the desk itself (Origin).',
      );
    }
    if (now.getTime() - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [
        row.session_id,
        now,
      ]);
    }
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      roles: row.roles,
      sessionId: row.session_id,
    };
  }
}
