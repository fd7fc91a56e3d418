import { Readable, Transform, pipeline } from 'node:stream';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { RequestActivityService } from '../../common/http/request-activity.service.js';
import { CONNECT_TIMEOUT_MS } from '../../database/data-source-options.js';
import { poolOf } from '../../database/prepared-query.js';
import { inlineParameters, selectAuditEvents } from '../audit-query.js';
import type { AuditFilterQuery, ExportFormat } from '../dto/audit-query.dto.js';
import { crlfConverter, CSV_COPY_OPTIONS } from './crlf-line-ends.js';
import { pacedWhileBusy } from './export-pacer.js';
import { jsonArrayFormatter } from './export-format.js';

// Rows fetched per round trip; with the formatter's own buffer this bounds what one
// export holds in memory, whatever the size of the history.
const CURSOR_BATCH = 1000;

// Streams the audit events from a server-side cursor inside one REPEATABLE READ, READ
// ONLY transaction, so a full export is one consistent snapshot (SPEC §6).
// With DATABASE_READ_URL set, exports read from that server (a streaming replica), so a
// long export takes no connection or I/O from the primary (SPEC §11).
@Injectable()
export class AuditExportService implements OnModuleDestroy {
  private readonly logger = new Logger(AuditExportService.name);
  private readonly replica?: pg.Pool;

  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: RequestActivityService,
    private readonly config: AppConfig,
  ) {
    if (config.databaseReadUrl) {
      this.replica = new pg.Pool({
        connectionString: config.databaseReadUrl,
        max: Math.max(2, Math.ceil(config.databasePoolSize / 2)),
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        application_name: 'claimdesk-export',
      });
      this.replica.on('error', (error) => this.logger.warn(`replica connection: ${error}`));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.replica?.end();
  }

  // Resolves once the snapshot is taken, so a database failure is still an ordinary error
  // response; what happens after that is the stream's.
  async open(filters: AuditFilterQuery, format: ExportFormat): Promise<Readable> {
    const client = await this.pool().connect();
    // A connection error while checked out must not crash the process; pipeline() below
    // sees it through the stream and discards the connection.
    const onClientError = (error: Error) => this.logger.warn(`export connection: ${error}`);
    client.on('error', onClientError);
    let released = false;
    const release = (discard?: Error) => {
      if (released) return;
      released = true;
      client.removeListener('error', onClientError);
      client.release(discard);
    };
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A cursor spans many round trips and may wait on a slow client: the pool's
      // per-statement limit would cut long exports short.
      await client.query('SET LOCAL statement_timeout = 0');
    } catch (error) {
      release(error as Error);
      throw error;
    }

    const { rows, encoded, convert } = this.exportStreams(client, filters, format);
    // Editors' requests come first: while they are being served the export slows down.
    const output = pacedWhileBusy(this.activity, this.config.exportBusyBytesPerSecond, convert);
    const done = (error?: Error | null) => {
      if (error) {
        // The client went away or the database failed mid-way: drop the connection
        // rather than return it with an open cursor; PostgreSQL ends the transaction.
        release(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      client.query('COMMIT').then(
        () => release(),
        (commitError: Error) => release(commitError),
      );
    };
    pipeline(encoded ? [rows, encoded, output] : [rows, output], done);
    // When the client goes away the HTTP layer destroys the output. Waiting for the
    // pipeline would also wait for the cursor to close politely, which a connection in the
    // middle of a fetch may never confirm; dropping the connection at once is certain.
    output.once('close', () => {
      if (!output.readableEnded) release(new Error('export stream closed before its end'));
    });
    return output;
  }

  // The rows, and what still turns them into the export's bytes: for JSON a stream, for
  // CSV a rewrite of each chunk done in the pacer's stage. CSV and NDJSON are encoded by
  // PostgreSQL itself and streamed with COPY … TO STDOUT: this process only moves bytes
  // (and turns CSV's LF record ends into RFC 4180's CRLF), so a long export leaves the
  // event loop to the requests being served beside it (SPEC §9's mixed load). The JSON
  // array is built here from a cursor.
  private exportStreams(
    client: pg.PoolClient,
    filters: AuditFilterQuery,
    format: ExportFormat,
  ): { rows: Readable; encoded?: Transform; convert?: (chunk: Buffer) => Buffer } {
    if (format === 'csv') {
      const select = inlineParameters(selectAuditEvents(filters, undefined, { shape: 'csv' }));
      const rows = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (${CSV_COPY_OPTIONS})`));
      return { rows, convert: crlfConverter() };
    }
    if (format === 'ndjson') {
      const select = inlineParameters(
        selectAuditEvents(filters, undefined, { shape: 'jsonLines' }),
      );
      // CSV mode with a quote and delimiter that JSON text never contains (PostgreSQL
      // escapes control characters in JSON) writes each line exactly as it is; the text
      // format would double every backslash.
      const rows = client.query(
        copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')`),
      );
      return { rows };
    }
    const { text, values } = selectAuditEvents(filters);
    const rows = client.query(
      new QueryStream(text, values, { batchSize: CURSOR_BATCH, highWaterMark: CURSOR_BATCH }),
    );
    return { rows, encoded: jsonArrayFormatter() };
  }

  private pool(): pg.Pool {
    return this.replica ?? poolOf(this.dataSource);
  }
}
