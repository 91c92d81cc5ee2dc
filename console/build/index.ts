import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { CONSOLE_ROOT, consoleViteConfig, type ConsoleBuildSettings } from './vite-config';

export { CONSOLE_ROOT, consoleViteConfig, type ConsoleBuildSettings } from './vite-config';

/** Where `npx pnpm --filter @casellario/console build` puts the console. */
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');

/** Builds the console with Vite; returns the folder it was written to. */
export async function buildConsole(settings: ConsoleBuildSettings = {}): Promise<string> {
  const config = consoleViteConfig(settings);
  // Vite sets NODE_ENV=production in this process when it is unset; the platform built in
  // the same process (npm start) would then refuse the development key. Put it back.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build(config);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return config.build!.outDir!;
}

/** The inputs of a build: a change to any of them makes `dist` stale. */
const SOURCES = ['index.html', 'package.json', 'src', 'public', 'build'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** Whether `dist` is missing or older than any of the console's sources. */
export function consoleIsStale(outDir: string = CONSOLE_DIST): boolean {
  const built = join(outDir, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(CONSOLE_ROOT, source)) > builtAt);
}

/**
 * `npm start`: builds the console when `dist` is missing or stale, so a fresh clone
 * (or a pulled change) serves the console of its own sources; otherwise does nothing.
 */
export async function ensureConsoleBuilt(onBuild?: () => void): Promise<string> {
  if (consoleIsStale()) {
    onBuild?.();
    await buildConsole();
  }
  return CONSOLE_DIST;
}
