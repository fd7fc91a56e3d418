import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditAppendService } from '../../audit/audit-append.service.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { isSecureBaseUrl, setSessionCookie } from './session-cookie.js';
import { SessionClock } from './session-clock.js';
import { SESSION_ABSOLUTE_MS, SessionMethod } from './session-policy.js';
import { generateSessionSecret, hashSessionSecret } from './session-secret.js';

// What the sessions list shows about where a sign-in came from; bounded, not secret.
const MAX_USER_AGENT = 256;

// Signs a person in, whatever proved who they are (a passkey, the newsroom's identity
// provider, a pasted token): one session row, the cookie, and the sign-in on the trail,
// the row and the event in one transaction.
@Injectable()
export class SessionIssuerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly clock: SessionClock,
    private readonly config: AppConfig,
  ) {}

  // Refuses (403) a user who is missing or deactivated; the caller has already proved the
  // person is `userId`.
  async startSession(
    reply: FastifyReply,
    userId: string,
    method: SessionMethod,
    request: FastifyRequest,
  ): Promise<void> {
    const secret = generateSessionSecret();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const [user] = (await manager.query(
        `SELECT id, name, roles, active FROM users WHERE id = $1 FOR SHARE`,
        [userId],
      )) as { id: string; name: string; roles: string[]; active: boolean }[];
      if (!user?.active) {
        throw new DomainError('forbidden', 'This account is not active; ask an admin.');
      }
      const [{ id: sessionId }] = (await manager.query(
        `INSERT INTO sessions
           (secret_hash, user_id, method, created_at, last_seen_at, expires_at, user_agent, address)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7)
         RETURNING id`,
        [
          hashSessionSecret(secret),
          userId,
          method,
          now,
          new Date(now.getTime() + SESSION_ABSOLUTE_MS),
          request.headers['user-agent']?.slice(0, MAX_USER_AGENT) ?? null,
          request.ip,
        ],
      )) as { id: string }[];
      await this.audit.append(manager, {
        claimId: null,
        type: 'session.signed_in',
        actor: { id: user.id, name: user.name, roles: [...user.roles], sessionId },
        data: { sessionId, userId, method },
      });
    });
    setSessionCookie(reply, secret, isSecureBaseUrl(this.config.publicBaseUrl));
  }
}
