// Installs the workspace on first use, so that `npm start` and `npm test` work on a
// machine that has only Node and npm: pnpm itself is fetched by npx at the pinned version.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.modules.yaml');
const lockfile = join(root, 'pnpm-lock.yaml');
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Casellario needs Node.js 20 or later; this is ${process.versions.node}.`);
  process.exit(1);
}

const installed = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
if (!installed) {
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  console.error(`Installing dependencies with ${packageManager} (first run only)…`);
  execFileSync('npx', ['--yes', packageManager, 'install', '--frozen-lockfile'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
