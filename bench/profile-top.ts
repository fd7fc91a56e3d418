// node dist/bench/bench/profile-top.js <file.cpuprofile> [count] [--by-package | --inclusive]
// The frames a V8 CPU profile (node --cpu-prof, BENCH_CPU_PROF) spent most self time in
// (--inclusive: most time in or under, which tells the stages of a request apart),
// counted from the end of the service's first quiet stretch of 3 s: the profile
// covers the whole process, and the service starts up, then waits idle while the
// benchmark seeds, then serves the load. Idle samples are left out of the shares.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE_GAP_US = 3_000_000;
const byPackage = process.argv.includes('--by-package');
const inclusive = process.argv.includes('--inclusive');
const [file, countArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!file) throw new Error('usage: profile-top <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}

// Where the load begins: after the first 3 s in which the service was busy less than 5 %
// of the time (its timers — pool checks, the webhook worker's poll — wake it now and then).
const BUCKET_US = 500_000;
const QUIET_BUCKETS = IDLE_GAP_US / BUCKET_US;
let from = 0;
let quiet = 0;
let bucketStart = 0;
let bucketBusy = 0;
let clock = 0;
for (let index = 0; index < profile.samples.length; index++) {
  const delta = profile.timeDeltas[index + 1] ?? 0;
  if (!isIdle(profile.samples[index])) bucketBusy += delta;
  clock += delta;
  if (clock - bucketStart < BUCKET_US) continue;
  quiet = bucketBusy < 0.05 * (clock - bucketStart) ? quiet + 1 : 0;
  bucketStart = clock;
  bucketBusy = 0;
  if (quiet >= QUIET_BUCKETS) {
    from = index + 1;
    break;
  }
}

const self = new Map<string, number>();
let busy = 0;
for (let index = from; index < profile.samples.length; index++) {
  const id = profile.samples[index];
  if (isIdle(id)) continue;
  const delta = profile.timeDeltas[index + 1] ?? 0;
  // The sample's own frame, or with --inclusive every frame on its stack (once each, for
  // recursion), each credited with the sample.
  const frames = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
    frames.add(nameOf(byId.get(node)!));
    if (!inclusive) break;
  }
  for (const frame of frames) self.set(frame, (self.get(frame) ?? 0) + delta);
  busy += delta;
}
function nameOf({ callFrame: { functionName, url, lineNumber } }: ProfileNode): string {
  if (byPackage) return packageOf(url);
  const where = url ? `${basename(url)}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}
// Whose code a frame is: a package under node_modules, Node's own, the service's, or
// native (V8 builtins, the garbage collector, system calls such as writev).
function packageOf(url: string): string {
  if (!url) return '(native: V8, GC, system calls)';
  if (url.startsWith('node:')) return 'node (core modules)';
  const parts = url.split('/node_modules/').at(-1)!.split('/');
  if (url.includes('/node_modules/'))
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return url.includes('/dist/') ? 'claimdesk (dist/)' : url;
}

const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 10));
const measure = inclusive ? 'in or under, ms' : 'self ms';
console.log(`| ${measure} | share | ${byPackage ? 'code' : 'frame'} |\n| ---: | ---: | --- |`);
for (const [frame, us] of top) {
  console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % | \`${frame}\` |`);
}
console.log(
  `\n${(busy / 1000).toFixed(0)} ms busy from sample ${from} of ${profile.samples.length}`,
);
