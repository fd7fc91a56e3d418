import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../problem/domain-error.js';

// What a create endpoint answered, as stored for replays.
export interface StoredResponse<T> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export interface IdempotentResult<T> extends StoredResponse<T> {
  replayed: boolean;
}

export interface IdempotentRequest {
  userId: string;
  // The Idempotency-Key header; without one the work simply runs.
  key: string | undefined;
  // The endpoint, e.g. 'POST /claims': a key reused on another endpoint is a different body.
  scope: string;
  body: unknown;
  // The work writes with a single statement, atomic on its own: without a key it then runs
  // outside a transaction, on any pooled connection (no BEGIN and COMMIT round trips).
  // With a key it always runs in the key's transaction.
  singleStatement?: boolean;
}

// Keys are kept at least this long (SPEC §4: ≥ 24 h), then swept.
const RETENTION_HOURS = 24;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

// Idempotency-Key support that holds across any number of app processes, because every
// decision is made in PostgreSQL:
// - a transaction-scoped advisory lock on (user, key) marks the request in flight; a
//   concurrent retry that cannot take it gets 409 at once instead of queueing;
// - the work and the stored response commit in the same transaction, so a key is
//   recorded exactly when its effect is, and a crash leaves neither behind;
// - a later retry finds the stored response and replays it, or 422 if the body differs.
@Injectable()
export class IdempotencyService implements OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  // The stored response for this key if the request was already answered (422 if the key
  // came with another body), without taking the lock: lets expensive work be skipped on a
  // replay. run() still decides under its lock.
  async replay<T>(request: IdempotentRequest): Promise<IdempotentResult<T> | undefined> {
    if (request.key === undefined) return undefined;
    const stored = await this.dataSource.transaction((manager) =>
      this.findLive(manager, request.userId, request.key!),
    );
    return stored && replayOf<T>(stored, fingerprintOf(request.scope, request.body));
  }

  async run<T>(
    request: IdempotentRequest,
    work: (manager: EntityManager) => Promise<StoredResponse<T>>,
  ): Promise<IdempotentResult<T>> {
    const { userId, key, scope } = request;
    if (key === undefined) {
      const response = request.singleStatement
        ? await work(this.dataSource.manager)
        : await this.dataSource.transaction(work);
      return { ...response, replayed: false };
    }
    const fingerprint = fingerprintOf(scope, request.body);
    return this.dataSource.transaction(async (manager) => {
      const [lock] = (await manager.query(
        'SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS acquired',
        [userId, key],
      )) as { acquired: boolean }[];
      if (!lock.acquired) {
        throw new DomainError(
          'idempotency-in-flight',
          'A request with this Idempotency-Key is still being processed; retry shortly.',
          { headers: { 'retry-after': '1' } },
        );
      }
      const stored = await this.findLive(manager, userId, key);
      if (stored) return replayOf<T>(stored, fingerprint);
      const response = await work(manager);
      await manager.query(
        `INSERT INTO idempotency_keys
           (user_id, key, scope, request_hash, response_status, response_body, response_headers,
            completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [
          userId,
          key,
          scope,
          fingerprint,
          response.status,
          JSON.stringify(response.body),
          JSON.stringify(response.headers),
        ],
      );
      return { ...response, replayed: false };
    });
  }

  // For the serving process once it listens (not the CLI, which imports this module too
  // and lives seconds). The first sweep runs then, not an interval later: a service
  // restarted more often than the interval (by deploys, say) would otherwise never sweep.
  // Nothing waits for it.
  startSweeping(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  // A key past retention no longer counts: it is removed and the request runs afresh.
  private async findLive(manager: EntityManager, userId: string, key: string) {
    const [row] = (await manager.query(
      `SELECT request_hash, response_status, response_body, response_headers,
              created_at < now() - make_interval(hours => $3) AS expired
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key, RETENTION_HOURS],
    )) as StoredKeyRow[];
    if (!row?.expired) return row;
    await manager.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      userId,
      key,
    ]);
    return undefined;
  }

  private async sweep(): Promise<void> {
    try {
      await this.dataSource.query(
        'DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)',
        [RETENTION_HOURS],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not sweep expired idempotency keys');
    }
  }
}

interface StoredKeyRow {
  request_hash: string;
  response_status: number;
  response_body: unknown;
  response_headers: Record<string, string>;
  expired: boolean;
}

function replayOf<T>(stored: StoredKeyRow, fingerprint: string): IdempotentResult<T> {
  if (stored.request_hash !== fingerprint) {
    throw new DomainError(
      'idempotency-key-reused',
      'This Idempotency-Key was already used with a different request; use a new key.',
    );
  }
  return {
    status: stored.response_status,
    body: stored.response_body as T,
    headers: stored.response_headers,
    replayed: true,
  };
}

// SHA-256 of the canonical JSON (RFC 8785) of scope and body: key order does not matter.
export function fingerprintOf(scope: string, body: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(body ?? null));
  return createHash('sha256')
    .update(canonicalize({ scope, body: plain })!, 'utf8')
    .digest('hex');
}
