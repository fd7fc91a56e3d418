import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { SessionAuthenticatorService } from '../../src/identity/sessions/session-authenticator.service.js';
import { SessionClock } from '../../src/identity/sessions/session-clock.js';
import { testDatabaseUrl } from '../support/app-process.js';
import { sha256 } from './support/sessions.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

// A clock the test sets, injected where the service would get the system's.
class SetClock extends SessionClock {
  at = new Date('2031-03-02T08:00:00Z');
  override now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

// Idle (12 h) and absolute (7 days) expiry with the clock moved, against the real
// sessions table: what the authenticator decides for each request.
describe('session expiry by the injected clock', () => {
  let dataSource: DataSource;
  let clock: SetClock;
  let sessions: SessionAuthenticatorService;
  let userId: string;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: testDatabaseUrl() }).initialize();
    clock = new SetClock();
    const config = { publicBaseUrl: 'http://localhost:3000' } as AppConfig;
    sessions = new SessionAuthenticatorService(dataSource, clock, config);
    const [user] = (await dataSource.query(
      `INSERT INTO users (name, email, roles) VALUES ('Clock Person', $1, '{reporter}') RETURNING id`,
      [`clock-${randomBytes(4).toString('hex')}@newsroom.test`],
    )) as { id: string }[];
    userId = user.id;
  });
  afterAll(() => dataSource?.destroy());

  // A session begun now by the clock, and the request a browser would send with it.
  async function begin() {
    const secret = randomBytes(32).toString('base64url');
    const now = clock.now();
    await dataSource.query(
      `INSERT INTO sessions (secret_hash, user_id, method, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, 'passkey', $3, $3, $4)`,
      [sha256(secret), userId, now, new Date(now.getTime() + 7 * DAY)],
    );
    const request = {
      method: 'GET',
      headers: { cookie: `claimdesk_session=${secret}` },
    } as unknown as FastifyRequest;
    return () => sessions.authenticate(request);
  }

  it('ends a session 12 hours after its last request, not before', async () => {
    const use = await begin();
    clock.advance(11 * HOUR + 59 * 60_000);
    expect(await use()).toMatchObject({ id: userId });
    // That request moved the idle end: 12 hours from it, not from the sign-in.
    clock.advance(11 * HOUR + 59 * 60_000);
    expect(await use()).toMatchObject({ id: userId });
    clock.advance(12 * HOUR);
    expect(await use()).toBeNull();
  });

  it('ends a session 7 days after it began, however busy', async () => {
    const use = await begin();
    for (let elapsed = 0; elapsed < 7 * DAY - 11 * HOUR; elapsed += 11 * HOUR) {
      clock.advance(11 * HOUR);
      expect(await use()).toMatchObject({ id: userId });
    }
    clock.advance(11 * HOUR);
    expect(await use()).toBeNull();
  });
});
