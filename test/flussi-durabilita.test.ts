import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '@casellario/demo-data';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { scriviFlussiPsPsaSina } from '@casellario/flussi-formato';
import { prepareDatabase, type DatabaseHandle, type RunningServer, type SubgraphModule } from '@casellario/kit';
import { createTestDatabase, databaseBackends, graphqlRequest, ROLE_TOKENS, testSecurity, type TestDatabase } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, esempioPsCorretto, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = async (h: DatabaseHandle, query: string) => (await h.rows<{ n: number }>(sql.raw(query)))[0]!.n;

describe('durability: a component down when the flow arrives', () => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
  });
  afterAll(() => tp?.stop());

  it('acknowledges the flow, holds the records, and delivers them once the component is back', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    const ps = SUBGRAPH_MODULES.find((m) => m.name === 'prestazioni-sociali')!;
    await tp.platform.subgraphs['prestazioni-sociali']!.close();

    const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', esempioPsCorretto('0000031'));
    expect(r.data?.inviaFlusso.riepilogo).toMatchObject({ record: 3, accettatiConAvvisi: 3, rifiutati: 0 });
    // Give the worker time to try, fail and back off.
    let pending;
    for (let i = 0; i < 50; i++) {
      const q = await graphqlRequest<{ flusso: { stato: string; consegna: { daConsegnare: number; ultimoErrore: string | null } } }>(
        tp.gatewayUrl,
        '{ flusso(nome: "H501.PS.20210520.0000031") { stato consegna { daConsegnare ultimoErrore } } }',
        { token },
      );
      pending = q.data!.flusso;
      if (pending.consegna.ultimoErrore) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(pending).toMatchObject({ stato: 'IN_CONSEGNA', consegna: { daConsegnare: 3 } });
    expect(pending!.consegna.ultimoErrore).toBe('Consegna a prestazioni-sociali non riuscita (servizio non raggiungibile): nuovo tentativo automatico');
    const psa = tp.platform.handles['prestazioni-sociali']!;
    expect(await count(psa, `select count(*)::int as n from prestazioni_sociali.prestazione where protocollo_domanda in ('12356Mari', 'test')`)).toBe(0);

    // The component comes back (on a new port, as after a redeploy).
    tp.platform.subgraphs['prestazioni-sociali'] = await ps.start({ handle: psa, ...(await testSecurity()), port: 0 });
    const done = await attendiConsegna(tp.gatewayUrl, token, 'H501.PS.20210520.0000031', 60_000);
    expect(done.consegna).toEqual({ completata: true, consegnati: 3, daConsegnare: 0, ultimoErrore: null });
    expect(await count(psa, `select count(*)::int as n from prestazioni_sociali.prestazione where protocollo_domanda in ('12356Mari', 'test')`)).toBe(3);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.runIf(databaseBackends().includes('postgres'))('durability: the flows process killed in the middle of delivery', () => {
  let db: TestDatabase;
  let child: ChildProcess | null = null;
  const servers: RunningServer[] = [];
  const handles: DatabaseHandle[] = [];
  let flussiPort: number;
  const env: Record<string, string> = {};

  const startFlussiProcess = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/flussi/src/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(flussiPort), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; i < 200; i++) {
      if (await fetch(`http://127.0.0.1:${flussiPort}/health/ready`).then((r) => r.ok, () => false)) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('flussi process did not start');
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const security = await testSecurity();
    for (const module of SUBGRAPH_MODULES) {
      const handle = db.open();
      handles.push(handle);
      await prepareDatabase(module as SubgraphModule<never>, handle);
      if (module.name === 'flussi') continue;
      const server = await module.start({ handle, ...security, port: 0 });
      servers.push(server);
      env[`SUBGRAPH_URL_${module.name.toUpperCase().replaceAll('-', '_')}`] = server.url;
    }
    flussiPort = await freePort();
    Object.assign(env, { DATABASE_URL: db.url!, FLUSSI_LEASE_MS: '1500', FLUSSI_BATCH_SIZE: '100' });
    await startFlussiProcess();
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.close()));
    await db?.drop();
  });

  it('resumes after a restart and delivers every accepted record exactly once', async () => {
    const dataset = generateDataset({ persone: 3000, seed: 11 });
    const flow = scriviFlussiPsPsaSina(dataset, { data: '2025-06-01' })
      .filter((f) => /^[A-Z]\d{3}$/.test(f.enteCodice))
      .sort((a, b) => b.records - a.records)[0]!;
    expect(flow.records).toBeGreaterThan(1000);
    const token = await ROLE_TOKENS.gestione(flow.enteCodice);
    const url = `http://127.0.0.1:${flussiPort}/graphql`;
    const r = await inviaFlusso(url, token, 'PS_PSA_SINA', flow.contenuto);
    expect(r.errors).toBeUndefined();
    const accepted = r.data!.inviaFlusso.riepilogo.accettati + r.data!.inviaFlusso.riepilogo.accettatiConAvvisi;
    expect(accepted).toBe(flow.records);

    const flussi = handles[SUBGRAPH_MODULES.findIndex((m) => m.name === 'flussi')]!;
    // Records every destination has stored: the accepted ones less those some destination's cursor has not passed.
    const delivered = () =>
      count(
        flussi,
        `select (select sum(accettati + con_avvisi) from flussi.flusso)::int
           - (select count(distinct (c.flusso_id, x)) from flussi.consegna_parte c, unnest(c.numeri[c.consegnati + 1:]) x where c.consegnato_il is null)::int as n`,
      );
    // Kill it hard once some, but not all, records are delivered.
    for (let i = 0; i < 400 && (await delivered()) === 0; i++) await new Promise((res) => setTimeout(res, 10));
    child!.kill('SIGKILL');
    await new Promise((res) => child!.once('exit', res));
    const before = await delivered();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(accepted);

    await startFlussiProcess();
    const done = await attendiConsegna(url, token, flow.nome, 120_000);
    expect(done.consegna).toMatchObject({ completata: true, consegnati: accepted, daConsegnare: 0 });

    const expected = dataset.prestazioni.filter((p) => p.enteCodice === flow.enteCodice);
    const psa = expected.filter((p) => p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3').length;
    const h = handles[0]!;
    expect(await count(h, `select count(*)::int as n from prestazioni_agevolate.prestazione where ente_codice = '${flow.enteCodice}'`)).toBe(psa);
    expect(await count(h, `select count(*)::int as n from prestazioni_sociali.prestazione where ente_codice = '${flow.enteCodice}'`)).toBe(expected.length - psa);
    const withSina = new Set(dataset.valutazioniSina.map((v) => v.prestazioneId));
    expect(await count(h, `select count(*)::int as n from sina.valutazione_sina where ente_codice = '${flow.enteCodice}'`)).toBe(
      expected.filter((p) => withSina.has(p.id)).length,
    );
    expect(await count(h, 'select count(*)::int as n from anagrafe.persona')).toBe(new Set(expected.map((p) => p.personaId)).size);
    // Payloads (they carry codici fiscali) are erased once delivered.
    expect(await count(flussi, 'select count(*)::int as n from flussi.lotto_consegna where payload is not null')).toBe(0);
  });
});
