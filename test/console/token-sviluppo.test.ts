import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildConsole } from '@casellario/console';
import { consoleRoutes, startPlatform, type RunningPlatform } from '@casellario/embedded';
import { createTestDatabase, type TestDatabase } from '@casellario/kit/testing';
import { authConfigFromEnv, createTokenVerifier, RUOLI } from '@casellario/policies';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** The token CLI as `pnpm run token` runs it (tsx straight away: pnpm adds a second of start-up). */
async function cliSigns(args: string[]): Promise<boolean> {
  try {
    await run(join(root, 'node_modules/.bin/tsx'), ['platform/embedded/src/token-cli.ts', ...args], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('development token route, from the attacker side', () => {
  describe('in production mode (the platform as deployed)', () => {
    let platform: RunningPlatform;
    let database: TestDatabase;
    let outDir: string;
    let base: string;
    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'casellario-console-'));
      await buildConsole({ outDir });
      database = await createTestDatabase('pglite');
      platform = await startPlatform({ database: { kind: 'pglite', instance: database.pglite! }, demo: false, gatewayPort: 0, development: false, consoleDir: outDir });
      base = platform.gateway.url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await platform?.stop();
      await database?.drop();
      await rm(outDir, { recursive: true, force: true });
    });

    it('serves the console but has no token route: 404 on every spelling, and no token in any answer', async () => {
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"></div>');
      const config = (await (await fetch(`${base}/config.json`)).json()) as unknown;
      expect(config).toEqual({ gatewayUrl: '/graphql', tokenSviluppoUrl: null });

      for (const path of ['/sviluppo/token', '/sviluppo/token/', '/sviluppo/token?ruolo=gestione&ente=H501', '/SVILUPPO/TOKEN', '/sviluppo//token', '/assets/../sviluppo/token']) {
        for (const method of ['GET', 'POST']) {
          const r = await fetch(`${base}${path}`, {
            method,
            headers: { 'content-type': 'application/json' },
            ...(method === 'POST' ? { body: JSON.stringify({ ruolo: 'gestione', ente: 'H501' }) } : {}),
          });
          const text = await r.text();
          expect({ path, method, status: r.status }).toEqual({ path, method, status: 404 });
          expect(text).not.toMatch(/eyJ/);
        }
      }
    });

    it('never serves a file from outside the console folder', async () => {
      for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/.dev-keys/signing.jwk', '/assets/%2e%2e%2fconfig.json']) {
        const r = await fetch(`${base}${path}`);
        expect({ path, status: r.status }).toEqual({ path, status: 404 });
      }
    });
  });

  describe('in development mode', () => {
    let server: Server;
    let url: string;
    const verify = authConfigFromEnv({}).then(createTokenVerifier);
    beforeAll(async () => {
      const routes = consoleRoutes({ dir: null, development: true });
      server = createServer((req, res) => {
        void routes(req, res).then((handled) => {
          if (!handled) res.writeHead(404).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sviluppo/token`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('signs what the CLI signs, and refuses what the CLI refuses', async () => {
      const cases: Array<{ body: Record<string, unknown>; args: string[] }> = [
        { body: { ruolo: 'gestione', ente: 'H501' }, args: ['--ruolo', 'gestione', '--ente', 'H501'] },
        { body: { ruolo: 'programmazione', ente: 'R12', territorio: '12' }, args: ['--ruolo', 'programmazione', '--ente', 'R12', '--territorio', '12'] },
        { body: { ruolo: 'programmazione', ente: 'R12' }, args: ['--ruolo', 'programmazione', '--ente', 'R12'] },
        { body: { ruolo: 'programmazione', ente: 'R12', territorio: 'IT' }, args: ['--ruolo', 'programmazione', '--ente', 'R12', '--territorio', 'IT'] },
        { body: { ruolo: 'sistema', ente: 'SIUSS' }, args: ['--ruolo', 'sistema', '--ente', 'SIUSS'] },
        { body: { ruolo: 'gestione', ente: 'h501' }, args: ['--ruolo', 'gestione', '--ente', 'h501'] },
        { body: { ruolo: 'monitoraggio', ente: 'MLPS', territorio: 'ITALIA' }, args: ['--ruolo', 'monitoraggio', '--ente', 'MLPS', '--territorio', 'ITALIA'] },
      ];
      const outcomes = await Promise.all(
        cases.map(async (c) => {
          const r = await post(url, c.body);
          return { body: c.body, endpoint: r.status === 200, cli: await cliSigns(c.args) };
        }),
      );
      expect(outcomes.map((o) => [o.endpoint, o.cli])).toEqual([
        [true, true],
        [true, true],
        [false, false],
        [false, false],
        [false, false],
        [false, false],
        [false, false],
      ]);
    });

    it('any token it does sign is one the platform accepts, for a known purpose and a well-formed ente, never for a service account', async () => {
      const v = await verify;
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              ruolo: fc.oneof(fc.constantFrom(...RUOLI, 'sistema', 'admin', ''), fc.string()),
              ente: fc.oneof(fc.constantFrom('H501', 'GDF', 'R12', 'h501', 'H501 ', ''), fc.string()),
              territorio: fc.oneof(fc.constantFrom('IT', '12', '058091', '1', 'XX', ''), fc.string()),
              sub: fc.string(),
            },
            { requiredKeys: [] },
          ),
          async (body) => {
            const r = await post(url, body);
            const answer = (await r.json()) as { token?: string; errore?: string };
            if (r.status !== 200) {
              expect(answer.token).toBeUndefined();
              return;
            }
            // A control body's token is verified with the case reference every one of its requests carries.
            const viewer = await v(`Bearer ${answer.token}`, 'PV-2026-0042');
            expect(RUOLI).toContain(viewer.ruolo);
            expect(viewer.ente).toMatch(/^[A-Z0-9]{1,32}$/);
            expect(viewer.ente).toBe(body.ente);
            // The operator id is the console's, never the caller's choice.
            expect(viewer.sub).toBe(`dev-${viewer.ruolo}-${viewer.ente}`);
            if (viewer.ruolo === 'programmazione') expect(typeof body.territorio === 'string' && body.territorio !== '').toBe(true);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('refuses a cross-site request and a body that is not JSON', async () => {
      const foreign = await post(url, { ruolo: 'gestione', ente: 'H501' }, { origin: 'https://attacker.example' });
      expect(foreign.status).toBe(403);
      const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ruolo=gestione&ente=H501' });
      expect(form.status).toBe(415);
      const notJson = await post(url, '{"ruolo": "gestione"');
      expect(notJson.status).toBe(400);
      const get = await fetch(url);
      expect(get.status).toBe(405);
    });
  });
});
