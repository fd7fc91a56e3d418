import { Readable, Transform, pipeline } from 'node:stream';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { AppConfig } from '../../config/app-config.js';
import { RequestActivityService } from '../../common/http/request-activity.service.js';
import { CONNECT_TIMEOUT_MS } from '../../database/data-source-options.js';
import { inlineParameters, selectAuditEvents } from '../audit-query.js';
import type { AuditFilterQuery, ExportFormat } from '../dto/audit-query.dto.js';
import { crlfConverter, CSV_COPY_OPTIONS } from './crlf-line-ends.js';
import { pacedWhileBusy } from './export-pacer.js';
import { jsonArrayFormatter } from './export-format.js';
import { ExportSlots } from './export-slots.js';
import { dropWhenStalled } from './stall-watch.js';

// Rows fetched per round trip; with the formatter's own buffer this bounds what one
// export holds in memory, whatever the size of the history.
const CURSOR_BATCH = 1000;

// Streams the audit events from a server-side cursor inside one REPEATABLE READ, READ
// ONLY transaction, so a full export is one consistent snapshot (SPEC §6).
// Exports have a pool of their own (EXPORT_POOL_SIZE connections, one per running export),
// so however long they run, and however slowly they are read, the requests and health
// checks beside them keep the main pool (SPEC §10). With DATABASE_READ_URL set, that pool
// connects to the read server (a streaming replica), so a long export takes no connection
// or I/O from the primary (SPEC §11).
@Injectable()
export class AuditExportService implements OnModuleDestroy {
  private readonly logger = new Logger(AuditExportService.name);
  private readonly pool: pg.Pool;
  private readonly slots: ExportSlots;

  constructor(
    private readonly activity: RequestActivityService,
    private readonly config: AppConfig,
  ) {
    this.slots = new ExportSlots(config.exportPoolSize);
    this.pool = new pg.Pool({
      connectionString: config.databaseReadUrl ?? config.databaseUrl,
      max: config.exportPoolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'claimdesk-export',
    });
    this.pool.on('error', (error) => this.logger.warn(`export connection: ${error}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  // Resolves once the snapshot is taken, so a database failure is still an ordinary error
  // response; what happens after that is the stream's. Refuses at once (429 or 503 with
  // Retry-After) when the user already runs an export or every slot is taken.
  async open(userId: string, filters: AuditFilterQuery, format: ExportFormat): Promise<Readable> {
    const giveBack = this.slots.take(userId);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      giveBack();
      throw error;
    }
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
      giveBack();
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

    const {
      rows,
      encoded,
      convert = (chunk: Buffer) => chunk,
    } = this.exportStreams(client, filters, format);
    // A reader that stops reading is dropped after EXPORT_STALL_TIMEOUT_MS; every chunk
    // that moves on counts as progress.
    const stall = dropWhenStalled(this.config.exportStallTimeoutMs);
    // Editors' requests come first: while they are being served the export slows down.
    const output = pacedWhileBusy(
      this.activity,
      this.config.exportBusyBytesPerSecond,
      stall.counting(convert),
    );
    stall.watch(output);
    // The export is over for its reader once the last byte has been handed to the
    // response: a script that exports again the moment one finishes must find its slot
    // free, not still held by the COMMIT round trip below.
    output.once('end', giveBack);
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
}
