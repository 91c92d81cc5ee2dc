import { generateDataset, type DemoAnomalia, type DemoDataset, type DemoPrestazione } from '@casellario/demo-data';
import type { RunningServer, SubgraphModule } from '@casellario/kit';
import { databaseBackends, graphqlRequest, openCountingHandle, ROLE_TOKENS, startTestSubgraph, TEST_RIFERIMENTO, testSecurity, type CountingHandle, type TestSubgraph } from '@casellario/kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccertamentoTable, CodiceProvaMezzi } from '../db/tables';

type Json = Record<string, unknown>;

/** The data set the control suites run on: large enough for four anomalies of each kind. */
let cached: DemoDataset | null = null;
export function controlliDataset(): DemoDataset {
  cached ??= generateDataset({ persone: 1200, seed: 11 });
  return cached;
}

/** What the control suite needs to know about one benefit subgraph. */
export interface ControlliSuiteConfig {
  module: SubgraphModule<DemoDataset>;
  accertamento: AccertamentoTable;
  provaMezzi: readonly CodiceProvaMezzi[];
  /** The subgraph's names (its SDL). */
  names: { anomalie: string; registra: string; filtro: string; evidenza: string };
  /** The sanction range the component enforces (PSA: art. 38 c. 3 DL 78/2010), or null. */
  sanzione: { min: number; max: number } | null;
  /** Component-specific tests on the same running subgraph and data set. */
  extend?: (ctx: () => ControlliSuiteContext) => void;
}

export interface ControlliSuiteContext {
  sg: TestSubgraph;
  counting: CountingHandle;
  countingServer: RunningServer;
  dataset: DemoDataset;
  byId: Map<string, DemoPrestazione>;
  /** The planted anomalies on this component's benefits. */
  planted: DemoAnomalia[];
}

/** Planted ids of some kinds, sorted; optionally only those granted by one ente. */
export function plantedIds(planted: readonly DemoAnomalia[], byId: Map<string, DemoPrestazione>, tipi: readonly string[], ente?: string): string[] {
  return planted
    .filter((a) => tipi.includes(a.tipo) && (ente === undefined || byId.get(a.prestazioneId)?.enteCodice === ente))
    .map((a) => `${a.tipo}:${a.prestazioneId}`)
    .sort();
}

/** Every page of a control listing, following the cursor: `tipo:id` of each row, and the rows. */
export async function allPages(
  url: string,
  field: string,
  filterType: string,
  selection: string,
  token: string,
  filtro: Json = {},
  primi = 3,
): Promise<{ keys: string[]; rows: Json[]; pages: number }> {
  const rows: Json[] = [];
  let dopo: string | null = null;
  let pages = 0;
  do {
    const r: Awaited<ReturnType<typeof graphqlRequest<Record<string, { elementi: Json[]; haAltri: boolean; cursoreSuccessivo: string | null }>>>> = await graphqlRequest(
      url,
      `query ($f: ${filterType}, $primi: Int, $dopo: String) { ${field}(filtro: $f, primi: $primi, dopo: $dopo) { elementi { tipo prestazione { id } ${selection} } haAltri cursoreSuccessivo } }`,
      { token, variables: { f: filtro, primi, dopo } },
    );
    expect(r.errors).toBeUndefined();
    const page = r.data?.[field];
    rows.push(...(page?.elementi ?? []));
    dopo = page?.haAltri ? page.cursoreSuccessivo : null;
    pages++;
    if (pages > 200) throw new Error('paginazione senza fine');
  } while (dopo);
  const keys = rows.map((r) => `${r.tipo as string}:${(r.prestazione as { id: string }).id}`);
  return { keys: [...keys].sort(), rows, pages };
}

/**
 * The controls both benefit subgraphs share (SOVRAPPOSIZIONE_ENTI, IMPORTO_INCOERENTE)
 * and the accertamento, on both engines, against a real server loaded with a
 * generated data set: the controls find exactly the anomalies the generator planted
 * (per kind, nationally and per ente), with their evidence, in one SQL statement per
 * page; only controllo may call them (attacker side: every other purpose, straight at
 * the subgraph); reads and accertamenti are in the access log; accertamenti are
 * validated and scoped.
 */
export function describeControlliSubgraph(config: ControlliSuiteConfig): void {
  const { names } = config;
  const name = config.module.name;
  const SHARED = ['SOVRAPPOSIZIONE_ENTI', 'IMPORTO_INCOERENTE'];
  const IMPORTI = 'importoDichiarato importoMensile mesi importoAtteso differenza tolleranza';
  const EVIDENZA = `evidenza { sovrapposte { prestazione { id enteErogatore { codice } } dal al } ${IMPORTI} }`;

  for (const backend of databaseBackends()) {
    describe(`${name} controls on ${backend}`, () => {
      const dataset = controlliDataset();
      const byId = new Map(dataset.prestazioni.map((p) => [p.id, p]));
      const planted = dataset.anomalie.filter((a) => config.provaMezzi.includes(byId.get(a.prestazioneId)!.presenzaProvaMezzi));
      let c: ControlliSuiteContext;

      beforeAll(async () => {
        const sg = await startTestSubgraph(config.module, backend, (h) => config.module.loadDemo!(h, dataset));
        const counting = openCountingHandle(sg.database);
        const countingServer = await config.module.start({ handle: counting, ...(await testSecurity()), port: 0 });
        c = { sg, counting, countingServer, dataset, byId, planted };
      });
      afterAll(async () => {
        await c?.countingServer.close();
        await c?.counting.close();
        await c?.sg.stop();
      });

      const list = async (token: string, filtro: Json = {}, primi = 3) => allPages(c.sg.url, names.anomalie, names.filtro, EVIDENZA, token, filtro, primi);

      it('plants some of each shared kind on this component', () => {
        for (const tipo of SHARED) expect(plantedIds(planted, byId, [tipo]).length, tipo).toBeGreaterThanOrEqual(2);
      });

      it('finds for GDF exactly the planted overlaps and amounts, across pages, with their evidence', async () => {
        const { keys, rows, pages } = await list(await ROLE_TOKENS.controllo('GDF'));
        expect(keys).toEqual(plantedIds(planted, byId, SHARED));
        expect(pages).toBeGreaterThan(1);
        for (const r of rows) {
          const p = byId.get((r.prestazione as { id: string }).id)!;
          const e = r.evidenza as Json & { sovrapposte: Array<{ prestazione: { id: string; enteErogatore: { codice: string } }; dal: string; al: string }> };
          if (r.tipo === 'SOVRAPPOSIZIONE_ENTI') {
            // The other benefit of the planted pair: same person and code, another ente, the shared days.
            const partners = planted.filter((a) => a.tipo === 'SOVRAPPOSIZIONE_ENTI' && a.prestazioneId !== p.id).map((a) => byId.get(a.prestazioneId)!);
            const partner = partners.find((o) => o.personaId === p.personaId && o.codicePrestazione === p.codicePrestazione)!;
            expect(e.sovrapposte).toEqual([
              {
                prestazione: { id: partner.id, enteErogatore: { codice: partner.enteCodice } },
                dal: [p.dataInizioPrestazione!, partner.dataInizioPrestazione!].sort()[1],
                al: [p.dataFinePrestazione ?? `${p.dataInizioPrestazione!.slice(0, 4)}-12-31`, partner.dataFinePrestazione ?? `${partner.dataInizioPrestazione!.slice(0, 4)}-12-31`].sort()[0],
              },
            ]);
            expect(partner.enteCodice).not.toBe(p.enteCodice);
            expect(e.importoAtteso).toBeNull();
          } else {
            const atteso = Math.round(Number(p.importoMensile) * 100 * p.periodoErogazione!) / 100;
            expect(e).toMatchObject({ sovrapposte: [], importoDichiarato: Number(p.importoPrestazione), importoMensile: Number(p.importoMensile), mesi: p.periodoErogazione, importoAtteso: atteso });
            expect(e.differenza).toBeCloseTo(Number(p.importoPrestazione) - atteso, 2);
            expect(Math.abs(e.differenza as number)).toBeGreaterThan(e.tolleranza as number);
            expect(e.tolleranza).toBe(Math.max(1, Math.round(atteso) / 100));
          }
        }
      });

      it('filters by kind, ente and year', async () => {
        const token = await ROLE_TOKENS.controllo('AGE');
        expect((await list(token, { tipo: ['IMPORTO_INCOERENTE'] })).keys).toEqual(plantedIds(planted, byId, ['IMPORTO_INCOERENTE']));
        const anAnomaly = byId.get(planted[0]!.prestazioneId)!;
        const ente = anAnomaly.enteCodice;
        expect((await list(token, { enteErogatore: ente })).keys).toEqual(plantedIds(planted, byId, SHARED, ente));
        const anno = Number((anAnomaly.dataInizioPrestazione ?? anAnomaly.dataErogazionePrestazione)!.slice(0, 4));
        const inYear = planted.filter((a) => SHARED.includes(a.tipo) && (byId.get(a.prestazioneId)!.dataInizioPrestazione ?? '').startsWith(String(anno)));
        expect((await list(token, { anno })).keys).toEqual(inYear.map((a) => `${a.tipo}:${a.prestazioneId}`).sort());
      });

      it("scopes a comune's control body to the benefits its ente granted, the other ente's benefit shown as evidence", async () => {
        const enti = [...new Set(planted.filter((a) => SHARED.includes(a.tipo)).map((a) => byId.get(a.prestazioneId)!.enteCodice))].filter((e) => /^[A-Z]\d{3}$/.test(e));
        expect(enti.length).toBeGreaterThan(0);
        for (const ente of enti) {
          const { keys, rows } = await list(await ROLE_TOKENS.controllo(ente));
          expect({ ente, keys }).toEqual({ ente, keys: plantedIds(planted, byId, SHARED, ente) });
          for (const r of rows.filter((x) => x.tipo === 'SOVRAPPOSIZIONE_ENTI')) {
            const others = (r.evidenza as { sovrapposte: Array<{ prestazione: { enteErogatore: { codice: string } } }> }).sovrapposte;
            expect(others.length).toBe(1);
            expect(others[0]!.prestazione.enteErogatore.codice).not.toBe(ente);
          }
        }
        // An ente with nothing planted sees nothing, whatever it asks.
        expect((await list(await ROLE_TOKENS.controllo('Z999'))).keys).toEqual([]);
      });

      it('reads a page in one SQL statement; the benefits come in one more', async () => {
        const token = await ROLE_TOKENS.controllo('GDF');
        const run = async (selection: string) => {
          c.counting.queries.length = 0;
          const r = await graphqlRequest<Record<string, { elementi: Json[] }>>(c.countingServer.url, `{ ${names.anomalie}(primi: 50) { elementi { ${selection} } } }`, { token });
          expect(r.errors).toBeUndefined();
          expect(r.data?.[names.anomalie]?.elementi.length).toBe(plantedIds(planted, byId, SHARED).length);
          return c.counting.queries.length;
        };
        expect(await run(`tipo evidenza { sovrapposte { dal al } ${IMPORTI} }`)).toBe(1);
        expect(await run('tipo prestazione { id codicePrestazione persona { id } }')).toBe(2);
      });

      it('records every person of a page in the access log, with the case reference', async () => {
        c.sg.accessLog.records.length = 0;
        const r = await graphqlRequest<Record<string, { elementi: Array<{ prestazione: { persona: { id: string } } }> }>>(
          c.sg.url,
          `{ ${names.anomalie}(primi: 200) { elementi { tipo } } }`,
          { token: await ROLE_TOKENS.controllo('GDF') },
        );
        expect(r.errors).toBeUndefined();
        const persons = new Set(planted.filter((a) => SHARED.includes(a.tipo)).map((a) => byId.get(a.prestazioneId)!.personaId));
        const records = c.sg.accessLog.records.filter((x) => x.campi.includes(`Query.${names.anomalie}`));
        expect(new Set(records.map((x) => x.soggettoId))).toEqual(persons);
        expect(records.every((x) => x.ruolo === 'controllo' && x.ente === 'GDF' && x.riferimento === TEST_RIFERIMENTO && x.soggettoTipo === 'persona')).toBe(true);
      });

      for (const ruolo of ['gestione', 'programmazione', 'monitoraggio', 'audit'] as const) {
        it(`refuses ${ruolo}: FORBIDDEN, no data, straight at the subgraph`, async () => {
          const token = await ROLE_TOKENS[ruolo]();
          c.sg.accessLog.records.length = 0;
          const r = await graphqlRequest(c.sg.url, `{ ${names.anomalie}(primi: 200) { elementi { tipo prestazione { id persona { id } } } } }`, { token });
          expect(r.data).toBeNull();
          expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
          const target = planted[0]!.prestazioneId;
          expect(r.raw).not.toContain(target);
          const m = await graphqlRequest(c.sg.url, `mutation ($i: AccertamentoInput!) { ${names.registra}(input: $i) { id } }`, {
            token,
            variables: { i: { prestazione: target, tipoAnomalia: planted[0]!.tipo, esito: 'ARCHIVIATO' } },
          });
          expect(m.data).toBeNull();
          expect(m.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
          const [stored] = await c.sg.handle.db.select().from(config.accertamento).where(eq(config.accertamento.prestazioneId, target));
          expect(stored).toBeUndefined();
          expect(c.sg.accessLog.records).toEqual([]);
        });
      }

      const registra = (token: string, input: Json, riferimento?: string) =>
        graphqlRequest<Record<string, Json>>(
          c.sg.url,
          `mutation ($i: AccertamentoInput!) { ${names.registra}(input: $i) { id prestazione { id } tipoAnomalia esito importoDaRecuperare sanzione note operatore ente riferimento istante } }`,
          { token, variables: { i: input }, ...(riferimento ? { riferimento } : {}) },
        );

      it('records an accertamento with operator, ente, case reference and time, and logs it against the person', async () => {
        const a = planted.find((x) => x.tipo === 'IMPORTO_INCOERENTE')!;
        const p = byId.get(a.prestazioneId)!;
        c.sg.accessLog.records.length = 0;
        const sanzione = config.sanzione ? 1500 : 250;
        const r = await registra(await ROLE_TOKENS.controllo('GDF'), { prestazione: p.id, tipoAnomalia: a.tipo, esito: 'CONFERMATO', importoDaRecuperare: 812.5, sanzione, note: '  Verbale PV-2026-0042  ' }, 'PV-2026-0042');
        expect(r.errors).toBeUndefined();
        const out = r.data?.[names.registra] as Json;
        expect(out).toMatchObject({
          prestazione: { id: p.id },
          tipoAnomalia: 'IMPORTO_INCOERENTE',
          esito: 'CONFERMATO',
          importoDaRecuperare: 812.5,
          sanzione,
          note: 'Verbale PV-2026-0042',
          operatore: 'op-controllo-GDF',
          ente: 'GDF',
          riferimento: 'PV-2026-0042',
        });
        expect(Date.now() - Date.parse(out.istante as string)).toBeLessThan(60_000);
        const [stored] = await c.sg.handle.db.select().from(config.accertamento).where(eq(config.accertamento.id, out.id as string));
        expect(stored).toMatchObject({ prestazioneId: p.id, personaId: p.personaId, esito: 'CONFERMATO', importoDaRecuperare: '812.50', riferimento: 'PV-2026-0042', ente: 'GDF' });
        expect(c.sg.accessLog.records).toEqual([
          // The notes read back in the answer are a control body's free text: logged too.
          expect.objectContaining({ soggettoTipo: 'persona', soggettoId: p.personaId, campi: [expect.stringMatching(/^Accertamento(Agevolata|Sociale)\.note$/), 'accertamento'], ruolo: 'controllo', ente: 'GDF', riferimento: 'PV-2026-0042' }),
        ]);
        // A dismissal carries no amounts.
        const dismissed = await registra(await ROLE_TOKENS.controllo('GDF'), { prestazione: p.id, tipoAnomalia: a.tipo, esito: 'ARCHIVIATO' });
        expect(dismissed.errors).toBeUndefined();
        expect(dismissed.data?.[names.registra]).toMatchObject({ esito: 'ARCHIVIATO', importoDaRecuperare: null, sanzione: null });

        // Both are read back on the benefit, oldest first, and the read is logged against the person.
        c.sg.accessLog.records.length = 0;
        const back = await graphqlRequest<Record<string, { elementi: Array<{ prestazione: { id: string; accertamenti: Json[] } }> }>>(
          c.sg.url,
          `{ ${names.anomalie}(primi: 200) { elementi { prestazione { id accertamenti { esito importoDaRecuperare riferimento ente } } } } }`,
          { token: await ROLE_TOKENS.controllo('GDF'), headers: { 'x-riferimento': 'PV-2026-0043' } },
        );
        expect(back.errors).toBeUndefined();
        const read = back.data![names.anomalie]!.elementi.find((e) => e.prestazione.id === p.id)!;
        expect(read.prestazione.accertamenti).toEqual([
          { esito: 'CONFERMATO', importoDaRecuperare: 812.5, riferimento: 'PV-2026-0042', ente: 'GDF' },
          { esito: 'ARCHIVIATO', importoDaRecuperare: null, riferimento: 'PG-TEST/0001', ente: 'GDF' },
        ]);
        expect(c.sg.accessLog.records.some((r) => r.soggettoId === p.personaId && r.campi.some((f) => f.endsWith('.accertamenti')))).toBe(true);
      });

      it('refuses invalid accertamenti with BAD_USER_INPUT and a message in Italian, storing nothing', async () => {
        const a = planted.find((x) => x.tipo === 'SOVRAPPOSIZIONE_ENTI')!;
        const token = await ROLE_TOKENS.controllo('GDF');
        const base = { prestazione: a.prestazioneId, tipoAnomalia: a.tipo };
        const cases: Array<[Json, RegExp]> = [
          [{ ...base, esito: 'CONFERMATO' }, /importo da recuperare/],
          [{ ...base, esito: 'ARCHIVIATO', importoDaRecuperare: 10 }, /archiviato non ha importo/],
          [{ ...base, esito: 'CONFERMATO', importoDaRecuperare: -1 }, /non negativo/],
          [{ ...base, esito: 'CONFERMATO', importoDaRecuperare: 10.005 }, /due decimali/],
          [{ ...base, esito: 'CONFERMATO', importoDaRecuperare: 10, sanzione: -5 }, /non negativo/],
          [{ ...base, esito: 'CONFERMATO', importoDaRecuperare: 10, note: 'x'.repeat(2001) }, /2000 caratteri/],
          [{ ...base, prestazione: '00000000-0000-4000-8000-000000000000', esito: 'ARCHIVIATO' }, /non trovata/],
          [{ ...base, prestazione: 'non-un-id', esito: 'ARCHIVIATO' }, /non trovata/],
        ];
        if (config.sanzione) {
          cases.push([{ ...base, esito: 'CONFERMATO', importoDaRecuperare: 10, sanzione: 499.99 }, /da 500 a 5\.000 euro/]);
          cases.push([{ ...base, esito: 'CONFERMATO', importoDaRecuperare: 10, sanzione: 5000.01 }, /da 500 a 5\.000 euro/]);
        } else {
          cases.push([{ ...base, tipoAnomalia: 'ISEE_SOPRA_SOGLIA', esito: 'ARCHIVIATO' }, /non riguarda le prestazioni/]);
        }
        for (const [input, message] of cases) {
          const r = await registra(token, input);
          expect({ input, code: r.errors?.[0]?.extensions?.code, data: r.data }).toEqual({ input, code: 'BAD_USER_INPUT', data: null });
          expect(r.errors?.[0]?.message).toMatch(message);
        }
        const stored = await c.sg.handle.db.select().from(config.accertamento).where(eq(config.accertamento.prestazioneId, a.prestazioneId));
        expect(stored).toEqual([]);
      });

      it("records an accertamento only on the benefits a comune's control body may check", async () => {
        const a = planted.find((x) => x.tipo === 'SOVRAPPOSIZIONE_ENTI' && /^[A-Z]\d{3}$/.test(byId.get(x.prestazioneId)!.enteCodice))!;
        const p = byId.get(a.prestazioneId)!;
        const input = { prestazione: p.id, tipoAnomalia: a.tipo, esito: 'ARCHIVIATO' };
        // Its own benefit: recorded.
        const own = await registra(await ROLE_TOKENS.controllo(p.enteCodice), input);
        expect(own.errors).toBeUndefined();
        expect(own.data?.[names.registra]).toMatchObject({ ente: p.enteCodice, prestazione: { id: p.id } });
        // Another comune: the same answer as for an unknown benefit.
        const other = await registra(await ROLE_TOKENS.controllo(p.enteCodice === 'H501' ? 'F205' : 'H501'), input);
        expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', motivo: 'PRESTAZIONE_NON_TROVATA' } });
        expect(other.raw).not.toContain(p.personaId);
      });

      config.extend?.(() => c);
    });
  }
}
