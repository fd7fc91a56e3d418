import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import { RecentLookups } from './remembered-identity.js';
import type { AuthUser, Role } from './role.js';
import { hashTokenSecret, TOKEN_SHAPE } from './token-secret.js';
import { AUTHENTICATE_TOKEN_SQL } from './token-sql.js';

@Injectable()
export class TokenAuthenticatorService {
  private readonly recent = new RecentLookups();

  constructor(private readonly dataSource: DataSource) {}

  // The active user behind a live token, or null, looked up now. Revoked or expired tokens
  // and deactivated users fail here on their very next request.
  async authenticate(secret: string): Promise<AuthUser | null> {
    if (!TOKEN_SHAPE.test(secret)) return null;
    const tokenHash = hashTokenSecret(secret);
    const rows = await preparedQuery<{
      token_id: string;
      id: string;
      name: string;
      email: string;
      roles: Role[];
    }>(this.dataSource, AUTHENTICATE_TOKEN_SQL, [tokenHash]);
    const [row] = rows;
    if (!row) {
      this.recent.forget(tokenHash);
      return null;
    }
    const user = {
      id: row.id,
      name: row.name,
      email: row.email,
      roles: row.roles,
      tokenId: row.token_id,
    };
    this.recent.remember(tokenHash, user);
    return user;
  }

  // What the last lookup of this token found, marked `remembered`, if it was recent: only
  // for a write that confirms it in its own statement (remembered-identity.ts).
  recall(secret: string): AuthUser | undefined {
    if (!TOKEN_SHAPE.test(secret)) return undefined;
    return this.recent.recall(hashTokenSecret(secret));
  }
}
