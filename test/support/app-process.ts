import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pollUntil } from './poll.js';

export const ADMIN_TOKEN = 'cd_test-bootstrap-admin-token-0123456789abcdef';

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  // The output once it holds `text` (or after `timeoutMs`, for the spec to fail on). The
  // service's lines come on a pipe the spec reads in its own time: a line written before
  // an answer was sent may be read after the answer.
  outputWith(text: string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export interface AppProcessOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  // The folder `npm start` runs in (its ./.claimdesk holds the embedded database).
  cwd?: string;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test`');
  return url;
}

// The built service as a real child process, exactly as `npm start` runs it, on a free port.
export async function startApp(options: AppProcessOptions = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, [resolve('dist/bundle/server.js')], {
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      DATABASE_URL: testDatabaseUrl(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    // A service that is still starting is killed: its suite never gets it to stop, and left
    // running it would load the machine under every suite after it, which then start late too.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`app did not start in time:\n${output}`));
    }, options.timeoutMs ?? 30000);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before listening:\n${output}`));
    });
  });

  // 'close', not 'exit': the process may have ended before its last output was read.
  const closed = new Promise<void>((resolveClosed) => child.once('close', () => resolveClosed()));
  const waitForExit = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await closed;
  };
  return {
    url,
    child,
    output: () => output,
    outputWith: (text, timeoutMs = 5000) =>
      pollUntil(
        async () => output,
        (now) => now.includes(text),
        { timeoutMs, intervalMs: 20 },
      ),
    stop: () => waitForExit('SIGTERM'),
    kill: () => waitForExit('SIGKILL'),
  };
}

// Runs the built service to completion (for start-up failures) and returns what it printed.
export async function runAppToExit(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [resolve('dist/bundle/server.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: testDatabaseUrl(), PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
