import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp } from '../support/app-process.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// Terminal colour and cursor sequences (ESC [ … letter).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const linesOf = (text: string) =>
  text
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter(Boolean);

// The first `npm start` on a terminal: `script` (util-linux) runs the service on a
// pseudo-terminal, as a person's shell would, and hands back what was shown.
async function firstStartOnTerminal(databaseUrl: string): Promise<string> {
  const child = spawn(
    'script',
    ['-qfec', `${process.execPath} ${resolve('dist/bundle/server.js')}`, '/dev/null'],
    {
      env: {
        PATH: process.env.PATH,
        TERM: 'xterm',
        TZ: 'UTC',
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let shown = '';
  child.stdout.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 30_000;
  while (!/listening on/.test(shown) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  // Ctrl-C, as the person would: the terminal sends SIGINT to the service.
  child.stdin.write('\x03');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
  return shown;
}

describe('first start on a terminal', () => {
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(() => database?.drop());

  it('shows the URL and the first admin token within the first five lines, readably', async () => {
    const lines = linesOf(await firstStartOnTerminal(database.url));
    const firstFive = lines.slice(0, 5).join('\n');
    expect(firstFive).toMatch(/first admin token \(shown once\): cd_\S+/);
    expect(firstFive).toMatch(/listening on http:\/\/localhost:\d+/);
    // Logs for people, not JSON, and no route mapping at the default level.
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/Mapped \{|dependencies initialized/);
  }, 60_000);

  it('logs JSON without the route mapping when stdout is not a terminal', async () => {
    const app = await startApp({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'info' } });
    await app.stop();
    const lines = linesOf(app.output());
    expect(lines.some((line) => line.startsWith('{"level":30'))).toBe(true);
    expect(lines).toContain(`claimdesk: SIGTERM received, shutting down`);
    expect(app.output()).not.toMatch(/Mapped \{|dependencies initialized/);
  }, 60_000);
});
