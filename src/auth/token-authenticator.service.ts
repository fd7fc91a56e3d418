import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { AuthUser, Role } from './role.js';
import { hashTokenSecret, TOKEN_SHAPE } from './token-secret.js';
import { AUTHENTICATE_TOKEN_SQL } from './token-sql.js';

@Injectable()
export class TokenAuthenticatorService {
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
    }>(this.dataSource, AUTHENTICATE_TOKEN_SQL, [hashTokenSecret(secret)]);
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
