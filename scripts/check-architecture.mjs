// Keeps src/ in the shape of ARCHITECTURE.md (run by `npm run lint`): a room (a folder
// under src/) imports only from rooms on lower floors and, from a room that owns a table,
// only the files it offers to others; the desk's browser bundle imports only itself and
// domain/; no files import each other in a circle (type-only imports included: a circle
// of types is still a circle for the reader); and only a table's owner names it in SQL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Floors, from the top down; a room may import from any floor below its own.
const FLOORS = [
  ['(boot)'],
  ['web', 'cli', 'public', 'health'],
  ['articles', 'publishing', 'events', 'identity', 'claimants', 'sources', 'comments'],
  ['claims'],
  ['auth'],
  // The trail knows no feature and no authentication.
  ['audit'],
  ['domain'],
  ['common'],
  ['database'],
  ['config'],
];
const FLOOR_OF = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor])));
// The desk runs in the browser: it may import itself, the plain rules and the two plain
// shapes the API returns, nothing that would pull Nest or a database driver into its bundle.
const CLIENT = 'web/client/';
const CLIENT_MAY_IMPORT = [
  CLIENT,
  'domain/',
  'audit/audit-event.ts',
  'articles/extraction/candidate.ts',
];

// What an owning room offers the rooms above it; everything else in it is its own.
const INTERFACES = {
  claims: [
    'claims.module.ts',
    'claims.service.ts',
    'claim-workflow.service.ts',
    'claim-locks.ts',
    'claim-reads.ts',
    'claim-access.ts',
    'claim-changes.ts',
    'claimant-directory.ts',
    'dto/',
  ],
};

// Tables and their one owner. No other room names claims in SQL (other rooms ask claims/
// for a lock or a read model); no other room writes audit_events (reading the trail is
// open to all, as ARCHITECTURE.md says).
const TABLE_RULES = [
  { table: 'claims', owner: 'claims', use: /\b(?:FROM|JOIN|UPDATE|INTO)\s+claims\b/gi },
  {
    table: 'audit_events',
    owner: 'audit',
    use: /\b(?:UPDATE|INTO|DELETE\s+FROM)\s+audit_events\b/gi,
  },
];

const root = resolve(process.argv[2] ?? 'src');
const files = walk(root).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'));
const problems = [];
const graph = new Map();

for (const file of files) {
  const from = relative(root, file);
  const targets = [];
  const source = readFileSync(file, 'utf8');
  for (const { table, owner, use } of TABLE_RULES) {
    const exempt = roomOf(from) === owner || from.startsWith('database/migrations/');
    if (!exempt && use.test(source))
      problems.push(`${from} uses the ${table} table: only ${owner}/ does`);
    use.lastIndex = 0;
  }
  for (const specifier of importsOf(source)) {
    // The rules are plain TypeScript: no Nest, no database driver, no Node built-ins, so the
    // desk's bundle can import them too.
    if (from.startsWith('domain/') && !specifier.startsWith('./')) {
      problems.push(`${from} imports ${specifier}: domain/ imports only domain/`);
    }
    if (!specifier.startsWith('.')) continue;
    const target = resolveSource(dirname(file), specifier);
    if (!target) continue;
    const to = relative(root, target);
    targets.push(to);
    const problem = checkEdge(from, to);
    if (problem) problems.push(`${from} imports ${to}: ${problem}`);
  }
  graph.set(from, targets);
}
for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.join(' -> ')}`);

if (problems.length > 0) {
  console.error(`${problems.length} import(s) break ARCHITECTURE.md:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}

function checkEdge(from, to) {
  if (to.startsWith('..')) return 'outside src/';
  if (from.startsWith(CLIENT)) {
    return CLIENT_MAY_IMPORT.some((prefix) => to.startsWith(prefix))
      ? undefined
      : `the desk imports only ${CLIENT_MAY_IMPORT.join(', ')}`;
  }
  const fromRoom = roomOf(from);
  const toRoom = roomOf(to);
  if (fromRoom === toRoom) return undefined;
  const fromFloor = FLOOR_OF.get(fromRoom);
  const toFloor = FLOOR_OF.get(toRoom);
  if (fromFloor === undefined)
    return `room ${fromRoom}/ has no floor in scripts/check-architecture.mjs`;
  if (toFloor === undefined)
    return `room ${toRoom}/ has no floor in scripts/check-architecture.mjs`;
  if (toFloor <= fromFloor) {
    return `${fromRoom}/ may import only from rooms below it, not ${toRoom}/`;
  }
  const offered = INTERFACES[toRoom];
  if (offered && !offered.some((prefix) => to.startsWith(`${toRoom}/${prefix}`))) {
    return `${toRoom}/ offers other rooms only ${offered.join(', ')}`;
  }
  return undefined;
}

function roomOf(path) {
  const parts = path.split('/');
  return parts.length === 1 ? '(boot)' : parts[0];
}

function importsOf(source) {
  const specifiers = [];
  const pattern =
    /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? match[2]);
  return specifiers;
}

function resolveSource(directory, specifier) {
  const base = join(directory, specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function walk(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

// Tarjan's strongly connected components; each component of more than one file is a cycle.
function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}
