import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { AuthUser, Role } from './role.js';
import { hashTokenSecret, TOKEN_SHAPE } from './token-secret.js';

// last_used_at is a hint for admins, not an audit record: writing it at most once a
// minute keeps a busy token from turning every read into a write.
const LAST_USED_RESOLUTION = '1 minute';

@Injectable()
export class TokenAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  // The active user behind a live token, or null. Revoked or expired tokens and deactivated users
  // fail here on their very next request: nothing is cached.
  async authenticate(secret: string): Promise<AuthUser | null> {
    if (!TOKEN_SHAPE.test(secret)) return null;
    const rows = await preparedQuery<{
      token_id: string;
      id: string;
      name: string;
      email: string;
      roles: Role[];
    }>(
      this.dataSource,
      `WITH token AS (
         SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL
           AND (t.expires_at IS NULL OR t.expires_at > now())
       ), touched AS (
         UPDATE api_tokens SET last_used_at = now()
         WHERE id = (SELECT id FROM token)
           AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')
       )
       SELECT token.id AS token_id, u.id, u.name, u.email, u.roles
       FROM token JOIN users u ON u.id = token.user_id
       WHERE u.active`,
      [hashTokenSecret(secret)],
    );
    const [row] = rows;
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      roles: row.roles,
      tokenId: row.token_id,
    };
  }
}
