import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendSelector } from './backends.js';

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  // Its connections to PostgreSQL: the database and the application_name it connects with,
  // by which the benchmark finds the backends serving it (bench/lib/backends.ts).
  backends: BackendSelector;
  output(): string;
  stop(): Promise<void>;
}

// Starts a Node server as a child process and waits for its "listening on <url>" line.
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
  backends: BackendSelector,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // BENCH_SERVER_LOGS=<folder>: all each server writes, e.g. what --trace-gc prints.
  if (process.env.BENCH_SERVER_LOGS) {
    const log = createWriteStream(
      join(process.env.BENCH_SERVER_LOGS, `${name.replace(/\W+/g, '-')}.log`),
      {
        flags: 'a',
      },
    );
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    child.once('exit', () => log.end());
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    name,
    url,
    pid: child.pid!,
    backends,
    output: () => output,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export interface ProcessSample {
  rssMb: number;
  // Peak resident set since the process started (VmHWM).
  peakRssMb: number;
  cpuMs: number;
}

// Linux only: /proc/<pid>/status and /proc/<pid>/stat (utime + stime in clock ticks, 100/s).
export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024, cpuMs: ticks * 10 };
}

// Samples VmRSS every 50 ms until stopped; returns the highest value seen.
export function watchRss(pid: number): { stop(): number } {
  let max = sampleProcess(pid).rssMb;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, sampleProcess(pid).rssMb);
    } catch {
      // the process ended
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return max;
    },
  };
}
