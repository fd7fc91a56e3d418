import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';
import {
  PossibleDuplicate,
  duplicateLookupPoolConfig,
  POSSIBLE_DUPLICATES_SQL,
} from './possible-duplicates-sql.js';

export type { PossibleDuplicate };

// No claim has it: the id the lookup leaves out when it only prepares a connection.
const NO_CLAIM = '00000000-0000-0000-0000-000000000000';

export interface DuplicateLookupInput {
  // The new claim, left out of its own duplicates.
  id: string;
  text: string;
  // Its text search configuration, e.g. 'english' or 'simple'.
  searchConfig: string;
}

// Duplicates at submission (SPEC §15): the claims a new claim's text is similar to, so the
// reporter sees "we already have this" in the 201. Advice only: it runs beside the insert
// and can neither refuse nor roll back the submission.
//
// The lookup has connections of its own (DUPLICATE_LOOKUP_POOL_SIZE), which bounds how many
// run at once, keeps them from taking the connections requests need, and lets it run while
// the insert does (one round trip, no transaction). Each connection carries the lookup's
// time bound as its statement_timeout (and the lookup's planner settings); a lookup also waits at most that long for a
// connection. Past either bound the submission is answered without duplicates: a limit
// refuses the advice, never the claim.
@Injectable()
export class DuplicateLookupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PossibleDuplicates');
  private readonly pool: pg.Pool;

  constructor(private readonly config: AppConfig) {
    this.pool = new pg.Pool(
      duplicateLookupPoolConfig({
        connectionString: config.databaseUrl,
        size: config.duplicateLookupPoolSize,
        timeoutMs: config.duplicateLookupTimeoutMs,
        applicationName: 'claimdesk-duplicates',
      }),
    );
    this.pool.on('error', (error) => this.logger.warn(`duplicate lookup connection: ${error}`));
  }

  // Opens every connection of the pool and prepares the lookup on each, so that the first
  // submissions after a start do not pay for it (see duplicateLookupPoolConfig). Not
  // awaited: the service serves meanwhile, and a lookup that finds no connection ready yet
  // opens one, as it would have anyway.
  onApplicationBootstrap(): void {
    void this.prepareConnections();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  // Most similar first, ties by id. Never rejects: whatever goes wrong, the claim stands
  // and the answer is "none found", logged.
  async find(claim: DuplicateLookupInput): Promise<PossibleDuplicate[]> {
    try {
      const { rows } = await this.lookUp(this.pool, claim);
      // float4 as PostgreSQL sends it, e.g. 0.8235294; three places are plenty to rank by.
      return rows.map((row) => ({ ...row, similarity: Math.round(row.similarity * 1000) / 1000 }));
    } catch (error) {
      this.logger.warn(
        `The duplicate lookup for claim ${claim.id} was skipped ` +
          `(bound ${this.config.duplicateLookupTimeoutMs} ms): ${String(error)}`,
      );
      return [];
    }
  }

  private lookUp(pool: pg.Pool, claim: DuplicateLookupInput) {
    return pool.query<PossibleDuplicate>({
      name: 'possible-duplicates',
      text: POSSIBLE_DUPLICATES_SQL,
      values: [claim.text, claim.id, claim.searchConfig],
    });
  }

  // As many lookups at once as the pool has connections: each opens one and prepares the
  // statement on it. Through pool.query, which looks after a connection that fails while
  // in use (the database gone meanwhile). Never rejects: a connection that could not be
  // opened or prepared now opens on first use.
  private async prepareConnections(): Promise<void> {
    const size = this.config.duplicateLookupPoolSize;
    const probe = { id: NO_CLAIM, text: 'a claim', searchConfig: 'simple' };
    const outcomes = await Promise.allSettled(
      Array.from({ length: size }, () => this.lookUp(this.pool, probe)),
    );
    const failures = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [String(outcome.reason)] : [],
    );
    if (failures.length > 0) {
      this.logger.warn(
        `${failures.length} of ${size} duplicate lookup connections were not prepared at ` +
          `start and open on first use: ${failures[0]}`,
      );
    }
  }
}
