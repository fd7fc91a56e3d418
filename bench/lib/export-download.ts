import { spawn } from 'node:child_process';
import { request } from 'node:http';
import type { Readable } from 'node:stream';

export interface Transfer {
  bytes: number;
  lines: number;
  seconds: number;
  status: number;
}

async function drain(
  stream: Readable,
  started: bigint,
  status: number,
  onBytes?: (bytes: number) => void,
): Promise<Transfer> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes?.(chunk.length);
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return { bytes, lines, seconds: Number(process.hrtime.bigint() - started) / 1e9, status };
}

// Downloads a (streamed) response to nowhere, counting bytes and lines; `onBytes` sees
// each chunk's size as it arrives.
export function download(
  url: string,
  token: string,
  onBytes?: (bytes: number) => void,
): Promise<Transfer> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    request(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      drain(response, started, response.statusCode ?? 0, onBytes).then(resolve, reject);
    })
      .once('error', reject)
      .end();
  });
}

// PostgreSQL's own limit for the same rows: psql printing COPY (query) TO STDOUT.
export async function psqlCopy(databaseUrl: string, query: string): Promise<Transfer> {
  const started = process.hrtime.bigint();
  const child = spawn(
    'psql',
    [
      databaseUrl,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const transfer = await drain(child.stdout, started, 0);
  const code = await exited;
  return {
    ...transfer,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    status: code === 0 ? 200 : 500,
  };
}
