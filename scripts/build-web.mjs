// Bundles the editors' desk (src/web/client) into dist/web/public, served at `/` by
// WebModule. One script and one stylesheet, both from this origin: the page runs under
// a strict Content-Security-Policy with no inline code.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const source = 'src/web/client';
const out = 'dist/web/public';

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: `${source}/main.tsx` },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: `${source}/tsconfig.json`,
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  outdir: out,
  logLevel: 'warning',
});
await copyFile(`${source}/index.html`, `${out}/index.html`);
await copyFile(`${source}/favicon.svg`, `${out}/favicon.svg`);
