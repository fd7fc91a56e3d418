import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestUser } from '../support/people.js';

// Debian's chromium package; CI installs it when missing. Test tools never download a
// browser here, so a missing binary is a set-up error, reported as such.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The machine has no outside network: without these, Chromium keeps trying to reach it.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  // launch() gives the browser a fresh temporary user-data-dir, removed on close.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface Desk {
  page: Page;
  context: BrowserContext;
  // Content-Security-Policy violations and uncaught errors the page reported.
  problems: string[];
}

// The windows the desk is checked in: a laptop's, and a phone's held upright.
export const WINDOWS = {
  desktop: { width: 1280, height: 800 },
  narrow: { width: 390, height: 844 },
};
export const BOTH_WINDOWS = [
  ['a desktop window', WINDOWS.desktop],
  ['a narrow screen', WINDOWS.narrow],
] as const;

// How far the page runs past the window's right edge, in CSS pixels (0: nothing hidden).
export const horizontalOverflow = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

// One person at the desk: their own browser context (own cookies, own downloads).
export async function openDesk(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = WINDOWS.desktop,
): Promise<Desk> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, baseURL: baseUrl });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  await page.goto('/');
  return { page, context, problems };
}

// Signs in as a person holding an access token: the desk trades it for a session cookie.
export async function signIn(page: Page, user: Pick<TestUser, 'token' | 'name'>): Promise<void> {
  await page.getByText('Use an access token instead').click();
  await page.getByLabel('Access token').fill(user.token);
  await page.getByRole('button', { name: 'Sign in with the token' }).click();
  await page.getByTestId('who').getByText(user.name).waitFor();
}

// Signs in and opens a claim's page.
export async function openClaim(page: Page, claimId: string): Promise<void> {
  await page.goto(`/#/claims/${claimId}`);
  await page.locator('#claim-text').waitFor();
}

// Finds a claim in the review queue as an editor would, page after page. The whole run
// shares one database: other specs' older urgent claims may fill the first pages, and
// "urgent first, then oldest" puts this one after them.
const ROWS = 'ul.claim-list > li';
export async function findInQueue(page: Page, claimText: string): Promise<void> {
  const list = page.getByRole('list', { name: 'Claims' });
  const link = list.getByRole('link', { name: claimText }).first();
  const more = page.getByRole('button', { name: 'Load more' });
  for (let pages = 1; pages <= 100; pages++) {
    await link.or(more).first().waitFor();
    if (await link.isVisible()) return;
    const shown = await page.locator(ROWS).count();
    await more.click();
    await page.locator(ROWS).nth(shown).waitFor();
  }
  throw new Error(`"${claimText}" is not in the first 100 pages of the queue`);
}
