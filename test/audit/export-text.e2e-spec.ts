import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { client } from '../support/http.js';
import { transition } from '../support/claims.js';
import { createUser, TestUser } from '../support/people.js';

// Exports are encoded by PostgreSQL (COPY): text that is awkward for JSON, CSV or COPY's
// own escaping must come out exactly as the API shows it, and still hash.
const AWKWARD = 'Quote " back\\slash \\n not-a-newline\nreal newline, comma; tab\t☃ 😀 \u2028 end';
// A CSV cell with raw newlines, and what could pass for a record's end in COPY's output.
const RATIONALE = `Withdrawn:\n${AWKWARD}\nhex, then a quote: beef"\n"\nlast line`;

describe('export of awkward text', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    [reporter, auditor] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['auditor']),
    ]);
  });
  afterAll(() => app.stop());

  it('round-trips through NDJSON, JSON and CSV byte for byte', async () => {
    const claim = await client(app.url, reporter.token).post('/api/v1/claims', {
      body: { text: `Claim: ${AWKWARD}`, claimant: AWKWARD },
    });
    expect(claim.status).toBe(201);
    await client(app.url, reporter.token).post(`/api/v1/claims/${claim.body.id}/comments`, {
      body: { body: AWKWARD },
    });
    const withdrawn = await transition(app.url, reporter, claim.body, 'withdrawn', RATIONALE);
    expect(withdrawn.status).toBe(200);
    const http = client(app.url, auditor.token);
    const history = (await http.get(`/api/v1/claims/${claim.body.id}/history`)).body.items;
    expect(history).toHaveLength(3);

    const ndjson = await http.get(`/api/v1/audit/export?format=ndjson&claimId=${claim.body.id}`);
    const lines = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(history);
    expect(chainProblem(lines)).toBeNull();
    expect(lines[0].data.after.claimant).toBe(AWKWARD);

    const json = await http.get(`/api/v1/audit/export?format=json&claimId=${claim.body.id}`);
    expect(JSON.parse(json.text)).toEqual(history);

    const csv = await http.get(`/api/v1/audit/export?format=csv&claimId=${claim.body.id}`);
    // RFC 4180: every record, the header's too, ends with CRLF; newlines in cells stay LF.
    const records = parse(csv.text, { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(csv.text.match(/\r\n/g)).toHaveLength(history.length + 1);
    expect(records.map((record) => record.rationale || null)).toEqual(
      history.map((e: any) => e.rationale),
    );
    expect(records[2].rationale).toBe(RATIONALE);
    expect(records.map((record) => JSON.parse(record.data))).toEqual(
      history.map((e: any) => e.data),
    );
    expect(records.map((record) => record.hash)).toEqual(history.map((e: any) => e.hash));
  });
});
