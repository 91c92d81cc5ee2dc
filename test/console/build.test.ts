import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole, consoleIsStale } from '@casellario/console';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('console build, as npm start and a static deployment use it', () => {
  let outDir: string;
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'casellario-console-'));
    // npm start runs without NODE_ENV: the build must not leave one behind for the platform.
    delete process.env.NODE_ENV;
    await buildConsole({ outDir, gatewayUrl: 'https://casellario.example/graphql' });
  });
  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes a servable console whose runtime configuration names the gateway, and leaves NODE_ENV as it was', async () => {
    expect(process.env.NODE_ENV).toBeUndefined();
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(existsSync(join(outDir, script!))).toBe(true);
    // Relative asset paths: the console works under any path of any web server.
    expect(html).not.toMatch(/(src|href)="\/[^/]/);
    expect(JSON.parse(await readFile(join(outDir, 'config.json'), 'utf8'))).toEqual({ gatewayUrl: 'https://casellario.example/graphql', tokenSviluppoUrl: null });
  });

  it('counts as stale when missing or older than its sources, fresh right after a build', async () => {
    expect(consoleIsStale(join(outDir, 'missing'))).toBe(true);
    expect(consoleIsStale(outDir)).toBe(false);
    await utimes(join(outDir, 'index.html'), new Date(0), new Date(0));
    expect(consoleIsStale(outDir)).toBe(true);
  });
});
