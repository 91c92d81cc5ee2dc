import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase, type DatabaseHandle, type RunningServer } from '@casellario/kit';
import { createTestDatabase, databaseBackends, testSecurity, type TestDatabase } from '@casellario/kit/testing';
import { exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlussiDeps } from '../subgraphs/flussi/src/context';
import { flussiSubgraph } from '../subgraphs/flussi/src/index';
import { createFlussiKeys } from '../subgraphs/flussi/src/keys';
import { pullCollectorFromEnv } from '../subgraphs/flussi/src/pull/env';
import { startFlussi } from '../subgraphs/flussi/src/server';
import { startServerComune, type ServerComune } from '../subgraphs/flussi/test/support/server-comune';

/**
 * A PDND authorisation server on port 0: checks the client assertion the way
 * PDND documents it (signature with the client's registered key, `kid`, `iss` =
 * `sub` = client id, `aud`, a fresh `jti`, the purpose) and issues a voucher
 * for it — one voucher per purpose, counted, so the test sees caching.
 */
async function startPdnd(publicKeyPem: string, clientId: string, kid: string) {
  const key = await importSPKI(publicKeyPem, 'RS256');
  const jti = new Set<string>();
  const rilasciati: Array<{ purposeId: string; token: string }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const rifiuta = (errore: string) => {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'invalid_client', error_description: errore }));
        };
        if (form.get('grant_type') !== 'client_credentials') return rifiuta('grant_type');
        if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return rifiuta('client_assertion_type');
        if (form.get('client_id') !== clientId) return rifiuta('client_id');
        try {
          const { payload, protectedHeader } = await jwtVerify(form.get('client_assertion') ?? '', key, {
            algorithms: ['RS256'],
            issuer: clientId,
            subject: clientId,
            audience: 'auth.test.interop/client-assertion',
          });
          if (protectedHeader.kid !== kid) return rifiuta('kid');
          if (!payload.jti || jti.has(payload.jti)) return rifiuta('jti');
          jti.add(payload.jti);
          const purposeId = payload.purposeId as string;
          const token = `voucher-${purposeId}-${rilasciati.length + 1}`;
          rilasciati.push({ purposeId, token });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 600 }));
        } catch (error) {
          rifiuta((error as Error).message);
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token.oauth2`,
    rilasciati,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const backend of databaseBackends()) {
  describe(`pull through PDND, on ${backend}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let flussi: RunningServer & { deps: FlussiDeps };
    let pdnd: Awaited<ReturnType<typeof startPdnd>>;
    let comune: ServerComune | null = null;
    const dir = mkdtempSync(join(tmpdir(), 'pdnd-'));

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      handle = database.open();
      await prepareDatabase(flussiSubgraph as never, handle);
      flussi = await startFlussi({ handle, ...(await testSecurity()), port: 0 }, { deliver: false, keys: createFlussiKeys(randomBytes(32), randomBytes(32)) });
    });
    afterAll(async () => {
      await comune?.close();
      await pdnd?.close();
      await flussi?.close();
      await database?.drop();
    });

    it('presents a PDND voucher obtained with a signed client assertion, not a static token, and reuses it while valid', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      pdnd = await startPdnd(await exportSPKI(publicKey), 'client-casellario', 'kid-1');
      const keyFile = join(dir, 'pdnd.pem');
      writeFileSync(keyFile, await exportPKCS8(privateKey));
      // The comune's e-service accepts only the voucher PDND issues for the registry's purpose.
      comune = await startServerComune({ ente: 'A944', denominazione: 'Comune di Bologna', token: 'voucher-purpose-bologna-1' });
      const fonti = join(dir, 'fonti.json');
      writeFileSync(fonti, JSON.stringify([{ ente: 'A944', url: comune.url, pdndPurposeId: 'purpose-bologna' }]));
      const env = {
        PULL_FONTI_FILE: fonti,
        PDND_TOKEN_URL: pdnd.url,
        PDND_CLIENT_ID: 'client-casellario',
        PDND_KID: 'kid-1',
        PDND_PRIVATE_KEY_FILE: keyFile,
        PDND_AUDIENCE: 'auth.test.interop/client-assertion',
      };
      const c = pullCollectorFromEnv(flussi.deps, env, { intervalMs: 60_000, backoffMs: 0, timeoutMs: 5_000 })!;

      const [primo] = await c.runOnce();
      expect(primo).toMatchObject({ ente: 'A944', errore: null, voci: 0 });
      expect(comune.richiesteFlussi).toHaveLength(1);
      const [secondo] = await c.runOnce();
      expect(secondo).toMatchObject({ ente: 'A944', errore: null });
      expect(comune.richiesteFlussi).toHaveLength(2);
      // One voucher, for the purpose configured, reused on the second run.
      expect(pdnd.rilasciati).toEqual([{ purposeId: 'purpose-bologna', token: 'voucher-purpose-bologna-1' }]);

      // A client PDND does not know gets no voucher: reported, the comune never called.
      const altro = pullCollectorFromEnv(flussi.deps, { ...env, PDND_CLIENT_ID: 'client-sconosciuto' }, { intervalMs: 60_000, timeoutMs: 5_000 })!;
      const [rifiutato] = await altro.runOnce();
      expect(rifiutato!.errore).toMatch(/^PDND ha rifiutato la richiesta di voucher: HTTP 400/);
      expect(comune.richiesteFlussi).toHaveLength(2);
    });
  });
}
