import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { seedLargeHistory } from './support/history.js';

const MB = 1024 * 1024;
const BUSY_RATE_MB = 1;

// An export gives way to the people using the service: while other requests are being
// served it streams at EXPORT_BUSY_RATE_MB, and alone at full speed. Either way it is
// the same, complete snapshot.
describe('export pacing', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let auditor: string;
  let editor: ReturnType<typeof client>;

  beforeAll(async () => {
    database = await createScratchDatabase();
    app = await startApp({
      env: { DATABASE_URL: database.url, EXPORT_BUSY_RATE_MB: String(BUSY_RATE_MB) },
    });
    auditor = (await createUser(app.url, ['auditor'])).token;
    editor = client(app.url, (await createUser(app.url, ['editor'])).token);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await seedLargeHistory(db, 80, 60);
    await db.end();
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const timedExport = async () => {
    const started = performance.now();
    const response = await fetch(`${app.url}/api/v1/audit/export?format=ndjson`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, body, seconds: (performance.now() - started) / 1000 };
  };

  it('streams at full speed when nobody else is using the service', async () => {
    const alone = await timedExport();
    expect(alone.status).toBe(200);
    expect(alone.body.length).toBeGreaterThan(2 * MB);
    // At the busy rate it would take more than two seconds.
    expect(alone.seconds).toBeLessThan(1);
  });

  it('slows to its busy rate while editors work, and still exports every event', async () => {
    const alone = await timedExport();
    let exporting = true;
    const answers: number[] = [];
    const editorWork = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (exporting) answers.push((await editor.get('/api/v1/review-queue')).status);
      }),
    );
    const busy = await timedExport();
    exporting = false;
    await editorWork;

    expect(busy.status).toBe(200);
    expect(busy.body.equals(alone.body)).toBe(true);
    const floorSeconds = busy.body.length / (BUSY_RATE_MB * MB);
    expect(busy.seconds).toBeGreaterThan(floorSeconds * 0.8);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);
  }, 30_000);
});
