import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

// Runs the built operator CLI, as `npm run cli -- …` does, without any database settings.
export async function runCli(args: string[]) {
  const child = spawn(process.execPath, [resolve('dist/bundle/cli.js'), ...args], {
    env: { PATH: process.env.PATH, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
