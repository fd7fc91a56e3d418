import { readFileSync } from 'node:fs';
import { withClient } from './postgres.js';

// Which PostgreSQL backends serve a server: those connected to its database with its
// application_name (the service gets `?application_name=` in its DATABASE_URL, the
// baselines set it on their pool).
export interface BackendSelector {
  database: string;
  applicationName: string;
}

// CPU time (user + system, ms) of each backend now serving the server, from
// /proc/<pid>/stat: the benchmark runs beside PostgreSQL (embedded, or DATABASE_URL on
// this machine). Null when the backends' /proc is out of reach (a remote server).
export async function backendCpu(
  ownerUrl: string,
  selector: BackendSelector,
): Promise<Map<number, number> | null> {
  const pids = await withClient(ownerUrl, async (client) =>
    (
      await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = $1 AND application_name = $2 AND backend_type = 'client backend'`,
        [selector.database, selector.applicationName],
      )
    ).rows.map((row) => row.pid),
  );
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== null) cpu.set(pid, ms);
  }
  // None readable: not this machine's PostgreSQL (one may just have ended).
  return pids.length > 0 && cpu.size === 0 ? null : cpu;
}

// The backends' CPU spent between two samples. A backend started in between counts whole
// (it started within the run); one that ended in between is lost (pools keep theirs
// while busy, so this is rare).
export function backendCpuBetween(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

// utime + stime of a process in ms (clock ticks of 10 ms), or null if it is not readable.
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
