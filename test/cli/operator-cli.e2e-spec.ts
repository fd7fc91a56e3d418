import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { hashTokenSecret } from '../../src/auth/token-secret.js';
import { createScratchDatabase } from '../support/scratch-database.js';

describe('operator CLI', () => {
  let database: { url: string; drop(): Promise<void> };

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [resolve('dist/bundle/cli.js'), ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const query = async (sql: string, params: unknown[] = []) => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows;
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(() => database.drop());

  it('creates a user with several roles and prints a working token once', async () => {
    const created = cli(
      'user:create',
      '--name',
      'Max Weber',
      '--email',
      'max@newsroom.test',
      '--role',
      'editor',
      '--role',
      'auditor',
    );
    expect(created.code).toBe(0);
    const token = /token \(shown once\): (cd_\S+)/.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    const rows = await query(
      `SELECT u.roles, t.id FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1`,
      [hashTokenSecret(token!)],
    );
    expect(rows).toEqual([{ roles: ['editor', 'auditor'], id: expect.any(String) }]);
    const [event] = await query(`SELECT actor FROM audit_events WHERE type = 'user.created'`);
    expect(event.actor.name).toBe('operator');
  });

  it('issues and revokes tokens by email or id', async () => {
    const issued = cli('token:create', '--user', 'MAX@newsroom.test', '--label', 'laptop');
    expect(issued.code).toBe(0);
    const tokenId = /^token (\S+) for/m.exec(issued.stdout)?.[1];
    expect(cli('token:revoke', tokenId!).code).toBe(0);
    const [row] = await query('SELECT label, revoked_at FROM api_tokens WHERE id = $1', [tokenId]);
    expect(row.label).toBe('laptop');
    expect(row.revoked_at).not.toBeNull();
  });

  it('explains its usage and refuses bad input with a non-zero exit', () => {
    expect(cli('no-such-command').code).toBe(2);
    const missing = cli('user:create', '--name', 'Nobody');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('usage: npm run cli -- user:create');
    expect(
      cli('user:create', '--name', 'X', '--email', 'x@newsroom.test', '--role', 'owner').code,
    ).toBe(2);
    expect(cli('token:create', '--user', 'nobody@newsroom.test').code).toBe(1);
  });

  it('seeds a demo newsroom once, with claims in every decided state', async () => {
    const seeded = cli('seed:demo');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout.match(/cd_\S+/g)).toHaveLength(4);
    const statuses = (await query('SELECT status FROM claims ORDER BY status')).map(
      (row) => row.status,
    );
    expect(statuses).toEqual(['disputed', 'in_review', 'submitted', 'unverifiable', 'verified']);
    expect(cli('seed:demo').code).toBe(1);
  });
});
