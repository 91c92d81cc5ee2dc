import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, databaseBackends, freePortRun, graphqlRequest, ROLE_TOKENS, type TestDatabase } from '@casellario/kit/testing';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server mode exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server mode never became ready');
}

describe.runIf(databaseBackends().includes('postgres'))('server mode: one process per subgraph, each on its DATABASE_URL', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let gatewayPort: number;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const base = await freePortRun(SUBGRAPH_MODULES.length + 1);
    gatewayPort = base + SUBGRAPH_MODULES.length;
    child = spawn(process.execPath, ['--import', 'tsx', 'platform/embedded/src/server-mode.ts', '--demo', '150'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, SUBGRAPH_PORT_BASE: String(base), PORT: String(gatewayPort), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await waitReady(`http://127.0.0.1:${gatewayPort}/health/ready`, child);
  }, 180_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
  });

  it('serves the cartella across separately running subgraphs', async () => {
    const r = await graphqlRequest<{ persona: { anagrafica: { cognome: string }; prestazioniSociali: unknown[]; valutazioniSip: unknown[] } }>(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      '{ persona(codiceFiscale: "BNCGLI58E43H501T") { anagrafica { cognome } prestazioniSociali { codicePrestazione } valutazioniSip { ruoloNelNucleo } } }',
      { token: await ROLE_TOKENS.gestione('H501') },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.persona.anagrafica.cognome).toBe('BIANCHI');
    expect(r.data?.persona.prestazioniSociali.length).toBeGreaterThan(0);
    expect(r.data?.persona.valutazioniSip).toEqual([{ ruoloNelNucleo: 'RICHIEDENTE' }]);
  });

  it('keeps each subgraph in its own Postgres schema', async () => {
    const handle = db.open();
    const rows = await handle.rows<{ schema_name: string }>(
      sql`select schema_name from information_schema.schemata where schema_name not like 'pg_%' and schema_name <> 'information_schema' order by 1`,
    );
    expect(rows.map((r) => r.schema_name)).toEqual(['accessi', 'anagrafe', 'drizzle', 'flussi', 'prestazioni_agevolate', 'prestazioni_sociali', 'public', 'sina', 'sinba', 'sip']);
  });
});
