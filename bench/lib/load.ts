import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  url: string;
  token: string;
  kind: 'submit' | 'queue' | 'decide' | 'pages';
  connections: number;
  durationS: number;
  // decide: a file of claim ids, one a line, each used once.
  idsFile?: string;
  // decide: the version the prepared claims are at (their ETag).
  startVersion?: number;
  // pages: cursors to start deep pages from.
  cursors?: string[];
  // submit: appended to the path (the baseline's `?duplicates=on`).
  query?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  totalRequests: number;
  durationS: number;
  latencyMs: { p50: number; p99: number; max: number };
  // Socket errors, timeouts and non-2xx answers together.
  errors: number;
  statusCodes: Record<string, number>;
  // decide: the prepared claims ran out before the time was up.
  exhausted: boolean;
  // CPU time (user + system) of the load generator's own process.
  loadCpuMs: number;
  // 2xx answers in each second of the load, to see whether a turn ramps up or falls away.
  perSecond: number[];
}

const WORKER = fileURLToPath(new URL('../load-worker.js', import.meta.url));

// Runs autocannon in a child process and returns its figures.
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const specFile = join(tmpdir(), `claimdesk-load-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, specFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as LoadResult);
      } catch {
        reject(new Error(`load generator printed no result: ${stdout}${stderr}`));
      }
    });
  }).finally(() => rmSync(specFile, { force: true }));
}
