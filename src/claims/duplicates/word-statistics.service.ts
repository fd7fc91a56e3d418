import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';

// Claims inserted since the last refresh that make the statistics stale: at least this
// many, and at least this share of the table.
const STALE_AFTER_INSERTS = 1_000;
const STALE_AFTER_SHARE = 0.01;
// A refresh samples the table whatever its size (ANALYZE reads 300 × the statistics
// target rows); this bounds it on a server too busy to finish one in reasonable time.
const REFRESH_TIMEOUT_MS = 30_000;

// pg_stat_user_tables and pg_class on claims, as a check reads them.
interface ClaimsTableState {
  // Inserts into claims, cumulative; rows changed since the last ANALYZE.
  inserted: number;
  changed: number;
  // The table's estimated rows.
  estimate: number;
  // A digest of the words ANALYZE counted on claims.search and their frequencies, as
  // committed; empty while none are counted.
  counted: string;
}

// The duplicate lookup ranks a new claim's words by the statistics ANALYZE keeps on
// claims.search: a word they do not count is taken for rare. Words that became common
// since the last ANALYZE (a new story's place names, a burst of claims about one event)
// therefore look rare, and every pair of them brings hundreds of candidates: under a
// burst of such claims each lookup cost some 10 ms of PostgreSQL CPU instead of about 3
// (docs/duplicates.md, "Under a sustained burst"). Autovacuum refreshes them only once a
// tenth of the table has changed, and may be turned off. So each process checks, every
// DUPLICATE_STATISTICS_INTERVAL_MS, how many claims have been inserted since it last
// refreshed them, and past the bound refreshes that one column's statistics (a sample of
// the table, about 0.1–0.3 s of PostgreSQL time at 100,000 claims) through
// refresh_claim_word_statistics(), which runs one refresh at a time across replicas.
// The lookup reads those counts from claim_word_frequencies, a copy that
// copy_claim_word_statistics() makes; each check copies them once they differ from what
// this process last copied, after this refresh or any other ANALYZE (autovacuum's, an
// operator's, a restore's). It compares the counts themselves, not the time of the last
// ANALYZE: pg_stat_user_tables shows that time as soon as an ANALYZE ends, before its
// transaction commits the counts, and a copy taken in between would copy the old ones.
// It does so on one connection of its own, kept open between checks: a refresh holds its
// connection for 0.1–0.5 s, which requests waiting for the request pool should not wait
// behind (and which would pass the duplicate lookup pool's statement bound).
@Injectable()
export class WordStatisticsService implements OnModuleDestroy {
  private readonly logger = new Logger('WordStatistics');
  private timer?: NodeJS.Timeout;
  private checking = false;
  // pg_stat_user_tables.n_tup_ins (inserts into claims, cumulative) when the statistics
  // were last refreshed, as far as this process knows; set by the first check.
  private insertsAtRefresh?: number;
  // The digest of the counts as read just before this process last copied them (so a
  // change committed in between is copied again at the next check); unset until then.
  private copiedCounts?: string;
  private readonly connection: pg.Pool;

  constructor(private readonly config: AppConfig) {
    this.connection = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 1,
      // Kept between checks rather than opened for each one.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: REFRESH_TIMEOUT_MS,
      statement_timeout: REFRESH_TIMEOUT_MS,
      application_name: 'claimdesk-statistics',
    });
    this.connection.on('error', (error) => this.logger.warn(`statistics connection: ${error}`));
  }

  // Called by the serving process once it listens (ClaimsService.startUpkeep), not at
  // module start: the operator CLI builds the same modules, and keeps no statistics.
  startChecking(): void {
    this.timer = setInterval(() => void this.check(), this.config.duplicateStatisticsIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.connection.end();
  }

  // Refreshes the statistics if enough claims came in since the last refresh, then copies
  // them if their counts changed. One read of the table's counters and of a digest of the
  // counts on a quiet check.
  // Never rejects: stale statistics slow the lookup, they break nothing.
  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      let state = await this.readState();
      if (state && this.isStale(state)) {
        // Refreshed here or, when another replica is at it this moment (the function then
        // returns false at once), there: fresh either way.
        await this.connection.query('SELECT refresh_claim_word_statistics()');
        this.insertsAtRefresh = state.inserted;
        // The refresh's own counts, to copy at once.
        state = await this.readState();
      }
      if (state && state.counted !== this.copiedCounts) {
        // False while another replica refreshes or copies them: tried again next check.
        const { rows } = await this.connection.query<{ copied: boolean }>(
          'SELECT copy_claim_word_statistics() AS copied',
        );
        if (rows[0]?.copied) this.copiedCounts = state.counted;
      }
    } catch (error) {
      this.logger.warn(`could not refresh the duplicate lookup's word statistics: ${error}`);
    } finally {
      this.checking = false;
    }
  }

  private async readState(): Promise<ClaimsTableState | undefined> {
    const { rows } = await this.connection.query<{
      inserted: string;
      changed: string;
      estimate: number;
      counted: string;
    }>(
      `SELECT s.n_tup_ins AS inserted, s.n_mod_since_analyze AS changed,
              greatest(c.reltuples, 0) AS estimate,
              coalesce((SELECT md5(concat(w.most_common_elems::text, w.most_common_elem_freqs::text))
                          FROM pg_stats w
                         WHERE w.schemaname = current_schema() AND w.tablename = 'claims'
                           AND w.attname = 'search'), '') AS counted
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.relid = 'claims'::regclass`,
    );
    const row = rows[0];
    return row && { ...row, inserted: Number(row.inserted), changed: Number(row.changed) };
  }

  private isStale({ inserted, changed, estimate }: ClaimsTableState): boolean {
    // At first, the last ANALYZE of the whole table (autovacuum's, an operator's): at
    // most n_mod_since_analyze of the inserts came after it. The counters start again
    // from zero when the server's statistics are reset.
    if (this.insertsAtRefresh === undefined || inserted < this.insertsAtRefresh) {
      this.insertsAtRefresh = Math.max(0, inserted - changed);
    }
    const bound = Math.max(STALE_AFTER_INSERTS, STALE_AFTER_SHARE * estimate);
    return inserted - this.insertsAtRefresh >= bound;
  }
}
