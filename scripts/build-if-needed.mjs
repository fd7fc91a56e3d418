// `npm start` builds first when dist/ is missing or older than any source file, so a
// fresh clone needs only `npm install` and `npm start`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// The server's bundle is written by every build (tsc leaves unchanged outputs alone).
const marker = 'dist/bundle/server.js';
if (!existsSync(marker) || statSync(marker).mtimeMs < newest('src')) {
  console.log('claimdesk: building…');
  execSync('npm run build', { stdio: 'inherit' });
}
