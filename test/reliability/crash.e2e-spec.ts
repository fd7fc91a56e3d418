import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { uniqueTag } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';

// SPEC §10: a kill -9 of the server under write load loses no acknowledged write, leaves
// nothing half-written, and every chain still verifies. CLAIMDESK_LONG=1 for 20 rounds.
const ROUNDS = process.env.CLAIMDESK_LONG ? 20 : 5;
const CONNECTIONS = 16;
const LOAD_MS = 1500;

interface Acknowledged {
  claims: Set<string>;
  transitions: { claimId: string; to: string; version: number }[];
  evidence: { claimId: string; sourceId: string; version: number }[];
}

// One writer: submit, start review, attach a supporting source, verify — repeatedly,
// recording every 2xx. Any failure (the server is gone) ends the loop quietly.
async function writer(
  baseUrl: string,
  reporter: TestUser,
  editor: TestUser,
  tag: string,
  acked: Acknowledged,
  until: () => boolean,
) {
  const asReporter = client(baseUrl, reporter.token);
  const asEditor = client(baseUrl, editor.token);
  try {
    while (!until()) {
      const submitted = await asReporter.post('/api/v1/claims', {
        body: {
          text: `Officials said ${Math.floor(Math.random() * 9000) + 1000} homes were damaged.`,
          tags: [tag],
        },
      });
      if (submitted.status !== 201) continue;
      let claim = submitted.body;
      acked.claims.add(claim.id);

      const review = await asEditor.post(`/api/v1/claims/${claim.id}/transitions`, {
        body: { to: 'in_review' },
        headers: { 'if-match': `"${claim.version}"` },
      });
      if (review.status !== 200) continue;
      claim = review.body;
      acked.transitions.push({ claimId: claim.id, to: 'in_review', version: claim.version });

      const attached = await asEditor.post(`/api/v1/claims/${claim.id}/sources`, {
        body: {
          stance: 'supports',
          source: {
            kind: 'document',
            title: 'Damage survey',
            url: `https://survey.example/${claim.id}`,
          },
        },
      });
      if (attached.status !== 201) continue;
      claim = attached.body;
      acked.evidence.push({
        claimId: claim.id,
        sourceId: claim.sources[0].id,
        version: claim.version,
      });

      const decided = await asEditor.post(`/api/v1/claims/${claim.id}/transitions`, {
        body: { to: 'verified', rationale: 'Matches the damage survey.' },
        headers: { 'if-match': `"${claim.version}"` },
      });
      if (decided.status !== 200) continue;
      acked.transitions.push({ claimId: claim.id, to: 'verified', version: decided.body.version });
    }
  } catch {
    // connection refused or reset: the server was killed
  }
}

describe('crash under write load (kill -9)', () => {
  let reporter: TestUser;
  let editor: TestUser;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    app = await startApp();
    [reporter, editor] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['editor']),
    ]);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`loses no acknowledged write and half-writes nothing, over ${ROUNDS} kills`, async () => {
    let totals = { claims: 0, transitions: 0, evidence: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const running = app ?? (await startApp());
      const tag = uniqueTag('crash');
      const acked: Acknowledged = { claims: new Set(), transitions: [], evidence: [] };
      let killed = false;
      const writers = Array.from({ length: CONNECTIONS }, () =>
        writer(running.url, reporter, editor, tag, acked, () => killed),
      );
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
      await running.kill();
      killed = true;
      await Promise.all(writers);
      app = await startApp();

      expect(acked.claims.size).toBeGreaterThan(0);
      await verifyAfterCrash(app.url, editor, tag, acked);
      totals = {
        claims: totals.claims + acked.claims.size,
        transitions: totals.transitions + acked.transitions.length,
        evidence: totals.evidence + acked.evidence.length,
      };
    }
    // Printed for docs/reliability.md.
    console.log(`crash test: ${ROUNDS} kills, acknowledged ${JSON.stringify(totals)}`);
  });
});

async function verifyAfterCrash(
  baseUrl: string,
  reader: TestUser,
  tag: string,
  acked: Acknowledged,
) {
  const http = client(baseUrl, reader.token);

  // Every acknowledged write is there, with its event.
  for (const claimId of acked.claims) {
    const claim = await http.get(`/api/v1/claims/${claimId}`);
    expect(claim.status).toBe(200);
  }
  const histories = new Map<string, any[]>();
  const historyOf = async (claimId: string) => {
    if (!histories.has(claimId)) {
      histories.set(claimId, (await http.get(`/api/v1/claims/${claimId}/history`)).body.items);
    }
    return histories.get(claimId)!;
  };
  for (const { claimId, to } of acked.transitions) {
    const events = await historyOf(claimId);
    expect(events.some((e) => e.type === 'claim.transitioned' && e.toStatus === to)).toBe(true);
  }
  for (const { claimId, sourceId } of acked.evidence) {
    const events = await historyOf(claimId);
    expect(
      events.some(
        (e) => e.type === 'evidence.attached' && JSON.stringify(e.data).includes(sourceId),
      ),
    ).toBe(true);
  }

  // Nothing half-written: for every claim of this round that reached the database, its row
  // agrees with its events, and its chain verifies.
  const rows = await withDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT c.id, c.status, c.version,
              (SELECT count(*)::int FROM claim_sources s WHERE s.claim_id = c.id) AS sources
         FROM claims c WHERE $1 = ANY (c.tags)`,
      [tag],
    );
    return rows as { id: string; status: string; version: number; sources: number }[];
  });
  expect(rows.length).toBeGreaterThanOrEqual(acked.claims.size);
  for (const row of rows) {
    const events = await historyOf(row.id);
    expect(chainProblem(events)).toBeNull();
    expect(events[0].type).toBe('claim.submitted');
    const transitions = events.filter((e) => e.type === 'claim.transitioned');
    expect(row.status).toBe(transitions.at(-1)?.toStatus ?? 'submitted');
    const changes = events.filter((e) =>
      ['claim.edited', 'claim.transitioned', 'evidence.attached', 'evidence.detached'].includes(
        e.type,
      ),
    );
    expect(row.version).toBe(1 + changes.length);
    const attached = events.filter((e) => e.type === 'evidence.attached').length;
    const detached = events.filter((e) => e.type === 'evidence.detached').length;
    expect(row.sources).toBe(attached - detached);
  }
}
