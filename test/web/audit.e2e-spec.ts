import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { GENESIS_HASH, type AuditEvent } from '../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../src/audit/event-hash.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { launchChromium, openDesk, signIn } from './desk.js';

describe('editors desk: the auditor page', () => {
  let app: AppProcess;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  let claimId: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    people = await createNewsroom(app.url);
    // A claim with a few events of its own: submitted, reviewed, commented, decided.
    const reporter = client(app.url, people.reporter.token);
    const editor = client(app.url, people.editor.token);
    const created = await reporter.post('/api/v1/claims', {
      body: {
        text: 'More than 2,000 civilians have died, Ukraine’s State Emergency Service said.',
        claimant: "Ukraine's State Emergency Service",
      },
    });
    claimId = created.body.id;
    await editor.post(`/api/v1/claims/${claimId}/transitions`, {
      body: { to: 'in_review' },
      headers: { 'if-match': '"1"' },
    });
    await editor.post(`/api/v1/claims/${claimId}/comments`, {
      body: { body: 'The service itself says this is impossible to verify.' },
    });
    const decided = await editor.post(`/api/v1/claims/${claimId}/transitions`, {
      body: { to: 'unverifiable', rationale: 'No independent count; impossible to verify.' },
      headers: { 'if-match': '"2"' },
    });
    expect(decided.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const download = async (page: Page, button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  };

  it('downloads an NDJSON export whose every hash and link recompute', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.auditor);
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();

    const file = await download(page, 'Download NDJSON');
    expect(file.name).toMatch(/\.ndjson$/);
    const events = file.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
    const ours = events.filter((event) => event.claimId === claimId);
    expect(ours.map((event) => event.type)).toEqual(
      expect.arrayContaining(['claim.submitted', 'claim.transitioned', 'comment.added']),
    );

    // Recomputed here with the service's own hashing, chain by chain.
    const heads = new Map<string, string>();
    for (const event of events) {
      const chain = event.claimId ?? 'system';
      expect(event.prevHash).toBe(heads.get(chain) ?? GENESIS_HASH);
      expect(hashAuditEvent(event)).toBe(event.hash);
      heads.set(chain, event.hash);
    }

    // The page checked the same file in the browser before handing it over.
    await expect(page.getByTestId('export-check').textContent()).resolves.toContain(
      `${events.length} events in ${heads.size} chains, every hash and link verified`,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads a CSV export with a header row, filtered to one claim', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, people.auditor);
    await page.getByLabel('Claim id').fill(claimId);
    const file = await download(page, 'Download CSV');
    expect(file.name).toMatch(/\.csv$/);
    const [header, ...rows] = file.text.trim().split(/\r?\n/);
    expect(header).toContain('prevHash');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((row) => row.includes(claimId))).toBe(true);
    await context.close();
  });

  it('shows the current digest and downloads it', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, people.auditor);
    const digest = page.getByTestId('digest');
    await digest.waitFor();
    const current = await client(app.url, people.auditor.token).get('/api/v1/audit/digest');
    // The page may have read it a moment earlier: the root shown is one the service served.
    await expect(digest.textContent()).resolves.toMatch(/[0-9a-f]{64}/);
    const file = await download(page, 'Download digest');
    const saved = JSON.parse(file.text);
    expect(Object.keys(saved).sort()).toEqual(Object.keys(current.body).sort());
    await expect(digest.textContent()).resolves.toContain(saved.root);
    await context.close();
  });

  it('is not offered to reporters and editors', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    await page.goto('/#/audit');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('auditors and admins');
    await context.close();
  });
});
