import { generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import canonicalize from 'canonicalize';
import { AuditEvent } from '../../src/audit/audit-event.js';
import { merkleRoot } from '../../src/audit/digest/merkle.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { withClient } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { appendClaimEvents, insertClaim } from './support/history.js';
import { runCli } from './support/cli.js';

const AUDIT_PATHS = [
  '/api/v1/audit/events',
  '/api/v1/audit/export',
  '/api/v1/audit/digest',
  '/api/v1/audit/public-key',
];

describe('audit read side', () => {
  const keys = generateKeyPairSync('ed25519');
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  // A database of its own: the full export and the verifier runs below read every event,
  // and the shared database grows with every other suite's.
  let scratch: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  let dir: string;
  const actor = { id: randomUUID(), name: 'Seeding Editor', roles: ['editor'] };
  let claimA: string;
  let claimB: string;
  let eventsA: AuditEvent[];
  let eventsB: AuditEvent[];
  let earlierDigest: any;
  let exportText: string;

  const auditor = () => client(app.url, people.auditor.token);
  const exportOf = async (query: string) => {
    const response = await fetch(`${app.url}/api/v1/audit/export?${query}`, {
      headers: { authorization: `Bearer ${people.auditor.token}` },
    });
    return { response, text: await response.text() };
  };
  const listAll = async (query: string) => {
    const items: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await auditor().get(
        `/api/v1/audit/events?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url, AUDIT_SIGNING_KEY: privatePem } });
    people = await createNewsroom(app.url);
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-audit-'));
    await withClient(scratch.url, async (db) => {
      claimA = await insertClaim(db, people.reporter.id);
      claimB = await insertClaim(db, people.reporter.id);
      eventsA = await appendClaimEvents(db, claimA, actor, ['first note', 'second note']);
      eventsB = await appendClaimEvents(db, claimB, actor, ['only note on B']);
      eventsA.push(...(await appendClaimEvents(db, claimA, actor, ['third note'])));
    });
    earlierDigest = (await auditor().get('/api/v1/audit/digest')).body;
    await withClient(scratch.url, async (db) => {
      eventsB.push(...(await appendClaimEvents(db, claimB, actor, ['after the digest'])));
    });
    exportText = (await exportOf('format=ndjson')).text;
    await writeFile(join(dir, 'export.ndjson'), exportText);
    await writeFile(join(dir, 'earlier-digest.json'), JSON.stringify(earlierDigest));
    await writeFile(
      join(dir, 'public.pem'),
      (await auditor().get('/api/v1/audit/public-key')).text,
    );
  });
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('permissions', () => {
    it.each(AUDIT_PATHS)('answers %s with 401 without a token', async (path) => {
      expect((await client(app.url).get(path)).status).toBe(401);
    });

    it.each(AUDIT_PATHS)('refuses %s to reporters and editors (403)', async (path) => {
      expect((await client(app.url, people.reporter.token).get(path)).status).toBe(403);
      expect((await client(app.url, people.editor.token).get(path)).status).toBe(403);
    });

    it.each(AUDIT_PATHS)('serves %s to auditors and admins', async (path) => {
      const filtered = path.endsWith('export') ? `${path}?format=csv&claimId=${claimA}` : path;
      expect((await client(app.url, people.auditor.token).get(filtered)).status).toBe(200);
      expect((await client(app.url, people.admin.token).get(filtered)).status).toBe(200);
    });
  });

  describe('GET /audit/events', () => {
    it('lists a claim’s events oldest first, exactly as written', async () => {
      const response = await auditor().get(`/api/v1/audit/events?claimId=${claimA}`);
      expect(response.body).toEqual({ items: eventsA, nextCursor: null });
    });

    it('pages by cursor without gaps or repeats', async () => {
      const all = await listAll(`actorId=${actor.id}`);
      expect(all).toEqual([...eventsA, ...eventsB].sort((a, b) => Number(a.seq) - Number(b.seq)));
    });

    it('filters by type and by time, from inclusive and to exclusive', async () => {
      const none = await auditor().get(`/api/v1/audit/events?claimId=${claimA}&type=claim.edited`);
      expect(none.body.items).toEqual([]);
      const [, second, third] = eventsA;
      const expected = eventsA.filter((event) => event.at >= second.at && event.at < third.at);
      const windowed = await auditor().get(
        `/api/v1/audit/events?claimId=${claimA}&from=${second.at}&to=${third.at}`,
      );
      expect(windowed.body.items).toEqual(expected);
    });

    it.each([
      ['limit over 200', 'limit=201'],
      ['a malformed claimId', 'claimId=nope'],
      ['an unknown type', 'type=claim.deleted'],
      ['a malformed date', 'from=yesterday'],
      ['an unknown parameter', 'sort=-seq'],
      ['a forged cursor', 'cursor=bm9wZQ'],
    ])('answers %s with 400', async (_name, query) => {
      const response = await auditor().get(`/api/v1/audit/events?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://claimdesk.dev/problems/validation');
    });
  });

  describe('GET /audit/export', () => {
    it('streams NDJSON as an attachment that equals the event list', async () => {
      const { response, text } = await exportOf(`format=ndjson&claimId=${claimA}`);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="claimdesk-audit-.+\.ndjson"$/,
      );
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual(eventsA);
    });

    it('streams CSV (RFC 4180, header row) that parses back to the event list', async () => {
      const { response, text } = await exportOf(`format=csv&actorId=${actor.id}`);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(text.split('\r\n')[0]).toBe(
        'seq,id,claimId,type,actor,at,fromStatus,toStatus,rationale,data,prevHash,hash',
      );
      const records = parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<
        string,
        string
      >[];
      const events = records.map((record) => ({
        ...record,
        claimId: record.claimId || null,
        fromStatus: record.fromStatus || null,
        toStatus: record.toStatus || null,
        rationale: record.rationale || null,
        actor: JSON.parse(record.actor),
        data: JSON.parse(record.data),
      }));
      expect(events).toEqual(await listAll(`actorId=${actor.id}`));
    });

    it('streams a JSON array that equals the event list', async () => {
      const { response, text } = await exportOf(`format=json&claimId=${claimB}`);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text)).toEqual(eventsB);
    });

    it('exports an empty JSON array and a CSV header when nothing matches', async () => {
      const query = `claimId=${randomUUID()}`;
      expect(JSON.parse((await exportOf(`format=json&${query}`)).text)).toEqual([]);
      expect((await exportOf(`format=csv&${query}`)).text).toBe(
        'seq,id,claimId,type,actor,at,fromStatus,toStatus,rationale,data,prevHash,hash\r\n',
      );
    });

    it('lets an auditor run exports back to back: a finished export frees its slot at once', async () => {
      // One export per user at a time; a script that starts the next the moment the last
      // byte of the previous arrived must never be told one is still running.
      for (let round = 0; round < 40; round++) {
        const format = ['ndjson', 'csv', 'json'][round % 3];
        const { response } = await exportOf(`format=${format}&claimId=${claimA}`);
        expect(response.status).toBe(200);
      }
    });

    it('refuses an unknown format with 400', async () => {
      expect((await auditor().get('/api/v1/audit/export?format=xml')).status).toBe(400);
    });
  });

  describe('GET /audit/digest', () => {
    it('names every chain head of one snapshot, and its root is the Merkle root over them', async () => {
      const { body: digest } = await auditor().get('/api/v1/audit/digest');
      const heads = new Map(digest.chains.map((head: any) => [head.chain, head.head]));
      expect(heads.get(claimA)).toBe(eventsA[eventsA.length - 1].hash);
      expect(heads.get(claimB)).toBe(eventsB[eventsB.length - 1].hash);
      expect(digest.root).toBe(merkleRoot(digest.chains));
      const highest = Math.max(...digest.chains.map((head: any) => Number(head.seq)));
      expect(Number(digest.seq)).toBe(highest);
    });

    it('is signed with Ed25519 over its canonical JSON, checkable with the public key', async () => {
      const { body: digest } = await auditor().get('/api/v1/audit/digest');
      const publicKey = await auditor().get('/api/v1/audit/public-key');
      expect(publicKey.headers.get('content-type')).toContain('application/x-pem-file');
      const { signature, ...unsigned } = digest;
      const holds = verify(
        null,
        Buffer.from(canonicalize(unsigned)!),
        publicKey.text,
        Buffer.from(signature, 'base64'),
      );
      expect(holds).toBe(true);
    });

    it('answers the public key with a 404 problem when no signing key is configured', async () => {
      const unsigned = await startApp({ env: { DATABASE_URL: scratch.url } });
      try {
        const response = await client(unsigned.url, people.auditor.token).get(
          '/api/v1/audit/public-key',
        );
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        const digest = await client(unsigned.url, people.auditor.token).get('/api/v1/audit/digest');
        expect(digest.body.signature).toBeUndefined();
      } finally {
        await unsigned.stop();
      }
    });
  });

  describe('npm run cli -- audit:verify', () => {
    const lines = () => exportText.trimEnd().split('\n');
    const lineOf = (event: AuditEvent) => lines().findIndex((line) => line.includes(event.id));
    const verifyFile = async (name: string, content: string, ...flags: string[]) => {
      await writeFile(join(dir, name), content);
      return runCli(['audit:verify', join(dir, name), ...flags]);
    };
    const withDigest = (digestFile = 'earlier-digest.json') => [
      '--digest',
      join(dir, digestFile),
      '--public-key',
      join(dir, 'public.pem'),
    ];

    it('passes a fresh export with its earlier digest and signature, and prints a summary', async () => {
      const result = await runCli(['audit:verify', join(dir, 'export.ndjson'), ...withDigest()]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const first = JSON.parse(lines()[0]);
      const last = JSON.parse(lines()[lines().length - 1]);
      expect(result.stdout).toContain(`events:    ${lines().length}`);
      expect(result.stdout).toContain(`first seq: ${first.seq}`);
      expect(result.stdout).toContain(`last seq:  ${last.seq}`);
      expect(result.stdout).toContain('signature: valid');
    });

    it('passes the JSON export of the same history', async () => {
      const { text } = await exportOf('format=json');
      const result = await verifyFile('export.json', text);
      expect(result.code).toBe(0);
    });

    it('fails on one changed byte in data, naming the event', async () => {
      const edited = lines();
      const index = lineOf(eventsA[1]);
      edited[index] = edited[index].replace('second note', 'second nota');
      expect(edited[index]).not.toBe(lines()[index]);
      const result = await verifyFile('changed.ndjson', edited.join('\n'));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`seq ${eventsA[1].seq}, id ${eventsA[1].id}`);
      expect(result.stderr).toContain('hash mismatch');
    });

    it('fails on a deleted line, naming the next event of that chain', async () => {
      const remaining = lines().filter((_, index) => index !== lineOf(eventsA[1]));
      const result = await verifyFile('deleted.ndjson', remaining.join('\n'));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`seq ${eventsA[2].seq}, id ${eventsA[2].id}`);
      expect(result.stderr).toContain('broken link');
    });

    it('fails on two swapped lines, naming one of them', async () => {
      const swapped = lines();
      const index = lineOf(eventsA[1]);
      [swapped[index], swapped[index + 1]] = [swapped[index + 1], swapped[index]];
      const moved = [swapped[index], swapped[index + 1]].map((line) => JSON.parse(line));
      const result = await verifyFile('swapped.ndjson', swapped.join('\n'));
      expect(result.code).toBe(1);
      const named = moved.filter((event) => result.stderr.includes(`id ${event.id}`));
      expect(named).toHaveLength(1);
    });

    it('fails on a tail truncated into what an earlier digest covered, naming the missing head', async () => {
      const cut = lines().slice(0, lineOf(eventsA[2]));
      const result = await verifyFile('truncated.ndjson', cut.join('\n'), ...withDigest());
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`head of chain ${claimA} (seq ${eventsA[2].seq}`);
      expect(result.stderr).toContain(`last event of that chain is seq ${eventsA[1].seq}`);
    });

    it('fails on a forged digest signature', async () => {
      const forged = { ...earlierDigest, asOf: '2020-01-01T00:00:00.000Z' };
      await writeFile(join(dir, 'forged-digest.json'), JSON.stringify(forged));
      const result = await runCli([
        'audit:verify',
        join(dir, 'export.ndjson'),
        ...withDigest('forged-digest.json'),
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('signature does not verify');
    });

    it('needs no database: it runs with no DATABASE_URL at all', async () => {
      const result = await runCli(['audit:verify', join(dir, 'export.ndjson')]);
      expect(result.code).toBe(0);
      expect(await readFile(join(dir, 'export.ndjson'), 'utf8')).toBe(exportText);
    });
  });
});
