import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase, type DatabaseHandle, type RunningServer } from '@casellario/kit';
import { createTestDatabase, databaseBackends, testSecurity, type TestDatabase } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlussiDeps } from '../src/context';
import { flussiSubgraph } from '../src/index';
import { createFlussiKeys } from '../src/keys';
import { createPullCollector, type PullCollectorOptions } from '../src/pull/collettore';
import { pullCollectorFromEnv } from '../src/pull/env';
import { startFlussi } from '../src/server';
import { startServerComune, type FlussoPubblicato, type ServerComune } from './support/server-comune';

// The two sample flows of api-comuni.yaml, decoded: their base64 is byte for byte the OpenAPI's.
const ESEMPIO_PS = readFileSync(new URL('../../../test/fixtures/inps-esempio-ps.xml', import.meta.url), 'utf8');
const ESEMPIO_SINBA = readFileSync(new URL('../../../test/fixtures/inps-esempio-sinba.xml', import.meta.url), 'utf8');
const TS_ESEMPI = '2023-11-27T11:04:56.852Z';
const MS_ESEMPI = 1701083096852;

/** The PS sample with what its esito asks to fix (check character, region, SSN quota), under a new name. */
/**
 * The PS sample corrected as its esito asks, and cut to its first benefit: a flow exchanged
 * through the API holds one beneficiary with one benefit (specification §3, "Nota").
 */
function psCorretto(progressivo: string, ente = 'H501'): string {
  return unaPrestazione(ESEMPIO_PS)
    .replace('AAABBB39M66A351C', 'AAABBB39M66A351T')
    .replace('H501.PS.20210520.0000002', `${ente}.PS.20210520.${progressivo}`)
    .replace('Codice="H501"', `Codice="${ente}"`)
    .replace('ImportoQuotaSSN="0.0"', 'ImportoQuotaSSN="26.98"');
}

/** A PS flow with its beneficiary's first benefit only. */
function unaPrestazione(xml: string): string {
  const inizio = xml.indexOf('</PrestazioniSociali>') + '</PrestazioniSociali>'.length;
  return xml.slice(0, inizio) + xml.slice(xml.indexOf('</Beneficiario>'));
}

/** The SINBA sample with the region of residence the specification requires (08, Lazio in DM1986), under a new name. */
function sinbaCorretto(progressivo: string): string {
  return ESEMPIO_SINBA.replace('H501.SINBA.20210520.00000004', `H501.SINBA.20210520.${progressivo}`).replace(
    'CodiceNazioneResidenza="380"',
    'CodiceNazioneResidenza="380" CodiceRegioneResidenza="08"',
  );
}

const ps = (progressivo: string, ts: string, ente = 'H501'): FlussoPubblicato => ({
  id_flusso: `${ente}.PS.20210520.${progressivo}`,
  tipo: 'PS_PSA_SINA',
  ts_flusso: ts,
  xml: psCorretto(progressivo, ente),
  codice_ente: ente,
});

const count = async (h: DatabaseHandle, query: string): Promise<number> => (await h.rows<{ n: number }>(sql.raw(query)))[0]!.n;

async function flusso(h: DatabaseHandle, nome: string) {
  const [row] = await h.rows<{ id: string; ricevuto_il: string | Date; record: number; origine: string; mittente: string }>(
    sql`select id, ricevuto_il, record, origine, mittente from flussi.flusso where nome = ${nome}`,
  );
  if (!row) throw new Error(`flow ${nome} not stored`);
  return { ...row, ricevutoIl: new Date(row.ricevuto_il).toISOString() };
}

async function fonte(h: DatabaseHandle, ente: string) {
  const [row] = await h.rows<{ since_ms: string | number; ultimo_esito: string | null; errori_consecutivi: number; attiva: boolean; proprietario: string | null }>(
    sql`select since_ms, ultimo_esito, errori_consecutivi, attiva, proprietario from flussi.fonte_pull where ente_codice = ${ente}`,
  );
  return row ? { ...row, since_ms: Number(row.since_ms) } : undefined;
}

for (const backend of databaseBackends()) {
  describe(`INPS pull interface on ${backend}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let flussi: RunningServer & { deps: FlussiDeps };
    let roma: ServerComune;
    const env = { PULL_TOKEN_H501: 'voucher-roma' };
    const collettore = (extra: Partial<PullCollectorOptions> = {}) =>
      createPullCollector({ deps: flussi.deps, intervalMs: 60_000, limit: 10, env, backoffMs: 0, timeoutMs: 5_000, ...extra });

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      handle = database.open();
      await prepareDatabase(flussiSubgraph as never, handle);
      // Delivery off: accepted records stay in the outbox, where they are counted.
      flussi = await startFlussi({ handle, ...(await testSecurity()), port: 0 }, { deliver: false, keys: createFlussiKeys(randomBytes(32), randomBytes(32)) });
      roma = await startServerComune({ ente: 'H501', token: 'voucher-roma' });
    });
    afterAll(async () => {
      await roma?.close();
      await flussi?.close();
      await database?.drop();
    });

    it("pulls the OpenAPI's two sample flows: RICHIESTA_INVALIDA to the PS one (three benefits; the API allows one), DATI_NON_TROVATI to the SINBA one, saying why", async () => {
      roma.pubblica(
        { id_flusso: 'H501.PS.20210520.0000002', tipo: 'PS_PSA_SINA', ts_flusso: TS_ESEMPI, xml: ESEMPIO_PS },
        // The OpenAPI's sample gives the SINBA flow a "PS" id: the esito echoes it as sent.
        { id_flusso: 'H501.PS.20210520.00000004', tipo: 'SINBA', ts_flusso: TS_ESEMPI, xml: ESEMPIO_SINBA },
      );
      const reports = await collettore({ fonti: [{ ente: 'H501', url: roma.url, tokenEnv: 'PULL_TOKEN_H501' }] }).runOnce();

      const ultimoEsito = `Raccolta: 2 voci lette, 1 flusso nuovo; esiti: RICHIESTA_INVALIDA 1, DATI_NON_TROVATI 1; since=${MS_ESEMPI}. Notifica: 2 esiti consegnati.`;
      expect(reports).toEqual([
        {
          ente: 'H501',
          voci: 2,
          acquisiti: 1,
          esiti: { RICHIESTA_INVALIDA: 1, DATI_NON_TROVATI: 1 },
          notificati: 2,
          since: MS_ESEMPI,
          errore: null,
          avvisi: [],
          ultimoEsito,
        },
      ]);
      // since=0 the first time, then the last ts_flusso, answered with an empty list.
      expect(roma.richiesteFlussi).toEqual([
        { since: '0', limit: '10' },
        { since: String(MS_ESEMPI), limit: '10' },
      ]);
      // The PS sample is refused whole: nothing of it is stored.
      expect(await count(handle, `select count(*)::int as n from flussi.flusso where nome = 'H501.PS.20210520.0000002'`)).toBe(0);
      const sinbaStored = await flusso(handle, 'H501.SINBA.20210520.00000004');
      expect([sinbaStored.origine, sinbaStored.mittente]).toEqual(['PULL', 'svc-inps-pull']);
      expect(roma.esitiRicevuti()).toEqual([
        {
          codice_ente: 'H501',
          denominazione_ente: 'Comune di Roma',
          id_flusso: 'H501.PS.20210520.0000002',
          tipo: 'PS_PSA_SINA',
          ts_flusso: TS_ESEMPI,
          ts_acquisizione: expect.any(String),
          codice_esito: 'RICHIESTA_INVALIDA',
          descrizione_esito:
            'In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale: il flusso contiene 1 beneficiario e 3 prestazioni. Nulla è stato registrato.',
        },
        {
          codice_ente: 'H501',
          denominazione_ente: 'Comune di Roma',
          id_flusso: 'H501.PS.20210520.00000004',
          tipo: 'SINBA',
          ts_flusso: TS_ESEMPI,
          ts_acquisizione: sinbaStored.ricevutoIl,
          codice_esito: 'DATI_NON_TROVATI',
          descrizione_esito:
            '1 record su 1 rifiutato: nessun record è stato registrato. Motivi: ' +
            '[SINBA_REGIONE_RESIDENZA_MANCANTE, 1 record] Caso SINBA n. 1 (IDBeneficiario «PROVA BENEF»): la residenza è in Italia (CodiceNazioneResidenza 380) ma manca CodiceRegioneResidenza, obbligatorio in questo caso. Indicare il codice della regione di residenza (due cifre, codifica DM1986, ad esempio 08 per il Lazio) e inviare di nuovo il caso. ' +
            'Correggere i record rifiutati e inviarli in un nuovo flusso, con un nuovo nome.',
        },
      ]);
      expect(JSON.stringify(roma.notifiche)).not.toContain('AAABBB39M66A351C');
      expect(await fonte(handle, 'H501')).toEqual({ since_ms: MS_ESEMPI, ultimo_esito: ultimoEsito, errori_consecutivi: 0, attiva: true, proprietario: null });
      // The token is read from the environment at each call; the database only knows where.
      const [riga] = await handle.rows<Record<string, unknown>>(sql`select * from flussi.fonte_pull`);
      expect(riga).toMatchObject({ token_env: 'PULL_TOKEN_H501', token_file: null });
      expect(JSON.stringify(riga)).not.toContain('voucher-roma');
      expect(await count(handle, 'select count(*)::int as n from flussi.notifica_esito where inviato_il is not null and tentativi = 1')).toBe(2);
      expect(await count(handle, 'select count(*)::int as n from flussi.consegna_parte')).toBe(0);
      expect(roma.violazioniProprie).toEqual([]);
    });

    it('pulls the corrected flows, published later, answers OK with the acquisition id, and stores their records', async () => {
      roma.pubblica(
        { id_flusso: 'H501.PS.20210520.0000012', tipo: 'PS_PSA_SINA', ts_flusso: '2023-11-28T09:00:00.000Z', xml: psCorretto('0000012') },
        { id_flusso: 'H501.SINBA.20210520.00000014', tipo: 'SINBA', ts_flusso: '2023-11-28T09:00:00.001Z', xml: sinbaCorretto('00000014') },
      );
      const [report] = await collettore().runOnce();

      expect(report).toMatchObject({ voci: 2, acquisiti: 2, esiti: { OK: 2 }, notificati: 2, since: 1701162000001, errore: null });
      expect(roma.richiesteFlussi.slice(2)).toEqual([
        { since: String(MS_ESEMPI), limit: '10' },
        { since: '1701162000001', limit: '10' },
      ]);
      const psStored = await flusso(handle, 'H501.PS.20210520.0000012');
      const sinbaStored = await flusso(handle, 'H501.SINBA.20210520.00000014');
      expect(roma.esitiRicevuti().slice(2)).toEqual([
        {
          codice_ente: 'H501',
          denominazione_ente: 'Comune di Roma',
          id_flusso: 'H501.PS.20210520.0000012',
          tipo: 'PS_PSA_SINA',
          ts_flusso: '2023-11-28T09:00:00.000Z',
          ts_acquisizione: psStored.ricevutoIl,
          codice_esito: 'OK',
          descrizione_esito: 'Flusso acquisito: 1 record registrato, con avvisi.',
          id_acquisizione_siuss: psStored.id,
        },
        {
          codice_ente: 'H501',
          denominazione_ente: 'Comune di Roma',
          id_flusso: 'H501.SINBA.20210520.00000014',
          tipo: 'SINBA',
          ts_flusso: '2023-11-28T09:00:00.001Z',
          ts_acquisizione: sinbaStored.ricevutoIl,
          codice_esito: 'OK',
          descrizione_esito: 'Flusso acquisito: 1 record registrato.',
          id_acquisizione_siuss: sinbaStored.id,
        },
      ]);
      const esiti = async (id: string) => count(handle, `select count(*)::int as n from flussi.esito where flusso_id = '${id}'`);
      // Records queued for delivery: each accepted one, whatever number of destinations it goes to.
      const inCoda = async (id: string) =>
        count(handle, `select count(distinct x)::int as n from flussi.consegna_parte c, unnest(c.numeri) x where c.flusso_id = '${id}'`);
      expect([await esiti(psStored.id), await inCoda(psStored.id)]).toEqual([1, 1]);
      expect([await esiti(sinbaStored.id), await inCoda(sinbaStored.id)]).toEqual([1, 1]);
      expect(await count(handle, `select coalesce(sum(cardinality(numeri)), 0)::int as n from flussi.consegna_parte where destinazione = 'sinba'`)).toBe(1);
    });

    it('resumes from the stored cursor after a restart: a new collector asks for what follows the last ts_flusso and re-ingests nothing', async () => {
      const flows = await count(handle, 'select count(*)::int as n from flussi.flusso');
      const posts = roma.notifiche.length;
      const [report] = await collettore().runOnce();

      expect(roma.richiesteFlussi.at(-1)).toEqual({ since: '1701162000001', limit: '10' });
      expect(report).toMatchObject({ voci: 0, acquisiti: 0, notificati: 0, since: 1701162000001, errore: null, ultimoEsito: 'Raccolta: nessun flusso nuovo; since=1701162000001.' });
      expect(await count(handle, 'select count(*)::int as n from flussi.flusso')).toBe(flows);
      expect(roma.notifiche.length).toBe(posts);
    });

    it('keeps esiti the comune did not take and sends them again, with a doubling wait, until it answers 2xx', async () => {
      roma.pubblica(ps('0000015', '2023-11-29T08:00:00.000Z'));
      roma.falliscaNotifiche(2);
      const c = collettore({ backoffMs: 60_000 });
      const posts = roma.notifiche.length;

      const [primo] = await c.runOnce();
      expect(primo).toMatchObject({ acquisiti: 1, esiti: { OK: 1 }, notificati: 0, errore: null });
      expect(primo!.ultimoEsito).toBe(
        'Raccolta: 1 voce letta, 1 flusso nuovo; esiti: OK 1; since=1701244800000. ' +
          'Notifica esiti non riuscita: Il comune ha risposto HTTP 500 a POST /esiti (Internal Server Error: Archivio esiti non disponibile). Nuovo tentativo con attesa crescente.',
      );
      const attesa = async () =>
        (
          await handle.rows<{ tentativi: number; secondi: number; ultimo_errore: string | null }>(
            sql`select tentativi, round(extract(epoch from prossimo_tentativo - now()))::int as secondi, ultimo_errore from flussi.notifica_esito where id_flusso = 'H501.PS.20210520.0000015'`,
          )
        )[0];
      expect(await attesa()).toEqual({
        tentativi: 1,
        secondi: 60,
        ultimo_errore: 'Il comune ha risposto HTTP 500 a POST /esiti (Internal Server Error: Archivio esiti non disponibile).',
      });
      expect((await fonte(handle, 'H501'))?.errori_consecutivi).toBe(1);

      // Within the wait: nothing is sent.
      await c.runOnce();
      expect(roma.notifiche.length).toBe(posts + 1);

      // The wait has passed (moved in the database rather than slept): sent, refused again, the wait doubles.
      await handle.rows(sql`update flussi.notifica_esito set prossimo_tentativo = now() where inviato_il is null`);
      await c.runOnce();
      expect(await attesa()).toMatchObject({ tentativi: 2, secondi: 120 });

      await handle.rows(sql`update flussi.notifica_esito set prossimo_tentativo = now() where inviato_il is null`);
      const [ultimo] = await c.runOnce();
      expect(ultimo).toMatchObject({ notificati: 1, errore: null, ultimoEsito: 'Raccolta: nessun flusso nuovo; since=1701244800000. Notifica: 1 esito consegnato.' });
      expect(roma.notifiche.slice(posts).map((n) => n.elenco_esiti.map((e) => [e.id_flusso, e.codice_esito]))).toEqual([
        [['H501.PS.20210520.0000015', 'OK']],
        [['H501.PS.20210520.0000015', 'OK']],
        [['H501.PS.20210520.0000015', 'OK']],
      ]);
      expect(roma.esitiRicevuti().filter((e) => e.id_flusso === 'H501.PS.20210520.0000015')).toHaveLength(1);
      expect(await count(handle, 'select count(*)::int as n from flussi.notifica_esito where inviato_il is null')).toBe(0);
      expect((await fonte(handle, 'H501'))?.errori_consecutivi).toBe(0);
    });

    it('does not move past an entry that failed inside the registry: ERRORE_GENERICO now, read again and OK once the fault is gone', async () => {
      await handle.script(`
        create function flussi.guasto_simulato() returns trigger language plpgsql as $$
        begin raise exception 'guasto simulato'; end $$;
        create trigger guasto before insert on flussi.flusso for each row
          when (new.nome = 'H501.PS.20210520.0000016') execute function flussi.guasto_simulato();`);
      roma.pubblica(ps('0000016', '2023-11-30T08:00:00.000Z'), ps('0000017', '2023-11-30T08:00:01.000Z'));

      const [guasto] = await collettore().runOnce();
      expect(guasto).toMatchObject({
        voci: 1,
        acquisiti: 0,
        esiti: { ERRORE_GENERICO: 1 },
        notificati: 1,
        since: 1701244800000,
        errore:
          'Errore interno acquisendo H501.PS.20210520.0000016 (ts_flusso 2023-11-30T08:00:00.000Z): guasto simulato. La voce sarà riletta al prossimo giro; since resta 1701244800000.',
      });
      expect(roma.esitiRicevuti().at(-1)).toMatchObject({
        id_flusso: 'H501.PS.20210520.0000016',
        codice_esito: 'ERRORE_GENERICO',
        descrizione_esito: "Errore interno del registro durante l'acquisizione: il flusso non è stato registrato e sarà riletto automaticamente; non occorre reinviarlo.",
      });
      expect(await count(handle, `select count(*)::int as n from flussi.flusso where nome in ('H501.PS.20210520.0000016', 'H501.PS.20210520.0000017')`)).toBe(0);

      // Still failing: read again, but the comune is not told twice.
      const [ancora] = await collettore().runOnce();
      expect(ancora).toMatchObject({ voci: 1, esiti: {}, notificati: 0, since: 1701244800000 });
      expect(roma.richiesteFlussi.at(-1)).toEqual({ since: '1701244800000', limit: '10' });

      await handle.script('drop trigger guasto on flussi.flusso; drop function flussi.guasto_simulato();');
      const [ripreso] = await collettore().runOnce();
      expect(ripreso).toMatchObject({ voci: 2, acquisiti: 2, esiti: { OK: 2 }, notificati: 2, since: 1701331201000, errore: null });
      expect(roma.esitiRicevuti().slice(-2).map((e) => [e.id_flusso, e.codice_esito])).toEqual([
        ['H501.PS.20210520.0000016', 'OK'],
        ['H501.PS.20210520.0000017', 'OK'],
      ]);
    });

    it('loses no entry when a page ends in the middle of an instant (since is exclusive)', async () => {
      roma.pubblica(ps('0000018', '2023-12-01T08:00:00.000Z'), ps('0000019', '2023-12-01T09:00:00.000Z'), ps('0000020', '2023-12-01T09:00:00.000Z'));
      const before = roma.richiesteFlussi.length;
      const [report] = await collettore({ limit: 2 }).runOnce();

      expect(roma.richiesteFlussi.slice(before)).toEqual([
        { since: '1701331201000', limit: '2' },
        // 19 and 20 share an instant and only 19 fitted: ask again from just before it.
        { since: '1701421199999', limit: '2' },
        { since: '1701421200000', limit: '2' },
      ]);
      expect(report).toMatchObject({ voci: 4, acquisiti: 3, esiti: { OK: 3 }, since: 1701421200000, errore: null });
      expect(report!.avvisi).toEqual([
        '2 voci con lo stesso ts_flusso 2023-12-01T09:00:00.000Z riempiono la pagina: altre dello stesso istante non sarebbero restituite (since è esclusivo)',
      ]);
      expect(await count(handle, `select count(*)::int as n from flussi.flusso where nome in ('H501.PS.20210520.0000018', 'H501.PS.20210520.0000019', 'H501.PS.20210520.0000020')`)).toBe(3);
    });

    it('reports a comune that answers garbage, never moves its cursor wrongly, and goes on with the others', async () => {
      const milano = await startServerComune({ ente: 'F205', denominazione: 'Comune di Milano' });
      const c = collettore({
        timeoutMs: 2_000,
        fonti: [
          { ente: 'F205', url: milano.url },
          { ente: 'H501', url: roma.url, tokenEnv: 'PULL_TOKEN_H501' },
        ],
      });
      let progressivo = 30;
      /** One run in which Roma publishes a good flow: it must get through whatever Milano does. */
      const giro = async () => {
        const p = String(progressivo++).padStart(7, '0');
        roma.pubblica(ps(p, `2023-12-02T08:00:${String(progressivo).padStart(2, '0')}.000Z`));
        const reports = await c.runOnce();
        expect(reports.find((r) => r.ente === 'H501')).toMatchObject({ acquisiti: 1, esiti: { OK: 1 }, notificati: 1, errore: null });
        return reports.find((r) => r.ente === 'F205')!;
      };
      try {
        milano.forzaRisposte(
          { status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', detail: 'database del comune non disponibile', status: 500 }) },
          { status: 200, body: '<html>Manutenzione</html>' },
          { status: 200, body: JSON.stringify({ elenco_flussi: { id_flusso: 'x' } }) },
          { status: 200, body: JSON.stringify({ elenco_flussi: [{ id_flusso: 'F205.PS.20231202.0000001', tipo: 'PS_PSA_SINA', codice_ente: 'F205', flusso: 'PEZs' }] }) },
        );
        expect((await giro()).errore).toBe('Il comune ha risposto HTTP 500 a GET /flussi (Internal Server Error: database del comune non disponibile).');
        expect((await giro()).errore).toBe(
          'La risposta a GET /flussi non è JSON valido (Unexpected token \'<\', "<html>Manu"... is not valid JSON). Nessun flusso acquisito; since resta 0.',
        );
        expect((await giro()).errore).toBe('La risposta a GET /flussi non rispetta lo schema Entries: elenco_flussi non è un array. Nessun flusso acquisito; since resta 0.');
        expect((await giro()).errore).toBe(
          'La risposta a GET /flussi non rispetta lo schema Entries: elenco_flussi[0] (F205.PS.20231202.0000001) ha ts_flusso mancante: serve una data-ora RFC 3339 (es. 2023-11-27T11:04:56.852Z) per collocarlo rispetto a since. Nessun flusso acquisito; since resta 0.',
        );
        expect(await fonte(handle, 'F205')).toMatchObject({ since_ms: 0, errori_consecutivi: 4 });

        milano.bloccato = true;
        expect((await giro()).errore).toBe('Nessuna risposta del comune a GET /flussi entro 2 s.');
        milano.bloccato = false;

        // Entries that can be placed but not read are refused one by one, with an esito, and passed.
        milano.pubblicaVoci(
          { codice_ente: 'F205', id_flusso: 'F205.PS.20210520.0000001', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-03T08:00:00.000Z', flusso: 'PEZs*bad' },
          { codice_ente: 'H501', id_flusso: 'F205.PS.20210520.0000002', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-03T08:00:01.000Z', flusso: Buffer.from(psCorretto('0000002', 'H501')).toString('base64') },
          { codice_ente: 'F205', id_flusso: 'F205.PS.20210520.0000003', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-03T08:00:02.000Z', flusso: Buffer.from(psCorretto('0000003', 'H501')).toString('base64') },
          { codice_ente: 'F205', id_flusso: 'F205.PS.20210520.0000004', tipo: 'SIP', ts_flusso: '2023-12-03T08:00:03.000Z', flusso: Buffer.from('<x/>').toString('base64') },
          { codice_ente: 'F205', id_flusso: 'F205.PS.20210520.0000005', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-03T08:00:04.000Z', flusso: Buffer.from('<Flusso>').toString('base64') },
        );
        milano.pubblica(ps('0000006', '2023-12-03T08:00:05.000Z', 'F205'));
        const misto = await giro();
        expect(misto).toMatchObject({ voci: 6, acquisiti: 1, esiti: { RICHIESTA_INVALIDA: 5, OK: 1 }, notificati: 6, since: 1701590405000, errore: null });
        expect(milano.esitiRicevuti().map((e) => [e.id_flusso, e.codice_esito, e.descrizione_esito])).toEqual([
          ['F205.PS.20210520.0000001', 'RICHIESTA_INVALIDA', "Flusso non letto: il campo flusso non è base64 valido: il carattere «*» alla posizione 5 non è dell'alfabeto base64."],
          [
            'F205.PS.20210520.0000002',
            'RICHIESTA_INVALIDA',
            "Voce non conforme alla specifica WaaS, flusso non letto: codice_ente «H501» non è l'ente interrogato (F205): un ente pubblica solo i propri flussi.",
          ],
          [
            'F205.PS.20210520.0000003',
            'RICHIESTA_INVALIDA',
            "L'ente del flusso (Ente@Codice) non è F205, il codice_ente della voce: un ente invia solo i propri flussi. Nulla è stato registrato.",
          ],
          ['F205.PS.20210520.0000004', 'RICHIESTA_INVALIDA', 'Voce non conforme alla specifica WaaS, flusso non letto: tipo: «SIP» non è tra i valori ammessi (PS_PSA_SINA, SINBA).'],
          ['F205.PS.20210520.0000005', 'RICHIESTA_INVALIDA', expect.stringMatching(/^Flusso rifiutato: .* Nulla è stato registrato\.$/)],
          ['F205.PS.20210520.0000006', 'OK', 'Flusso acquisito: 1 record registrato, con avvisi.'],
        ]);
        expect(await count(handle, `select count(*)::int as n from flussi.flusso where ente_codice = 'F205'`)).toBe(1);
        expect(await fonte(handle, 'F205')).toMatchObject({ since_ms: 1701590405000, errori_consecutivi: 0 });
        // The test comune checks what it serves against the OpenAPI: it knows these two entries break it.
        expect(milano.violazioniProprie).toEqual([
          "$.elenco_flussi[0].flusso: non è base64 valido: il carattere «*» alla posizione 5 non è dell'alfabeto base64",
          '$.elenco_flussi[3].tipo: «SIP» non è tra i valori ammessi (PS_PSA_SINA, SINBA)',
        ]);
      } finally {
        await milano.close();
      }
    });

    it('reads its sources from PULL_FONTI_FILE: upserts them keeping cursors, deactivates the ones removed, refuses a bad file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pull-fonti-'));
      const file = join(dir, 'fonti.json');
      // Torino's server is gone: its calls fail fast, and the others go on.
      const torino = await startServerComune({ ente: 'L219' });
      await torino.close();
      writeFileSync(file, JSON.stringify([{ ente: 'H501', url: `${roma.url}/`, tokenEnv: 'PULL_TOKEN_H501' }, { ente: 'L219', url: torino.url }]));
      const before = await fonte(handle, 'H501');
      const calls = roma.richiesteFlussi.length;

      // start() stores the sources and runs at once; stop() waits for the run in progress.
      const c = pullCollectorFromEnv(flussi.deps, { PULL_FONTI_FILE: file, PULL_LIMIT: '5', PULL_TOKEN_H501: 'voucher-roma' }, { intervalMs: 60_000 });
      expect(c).not.toBeNull();
      await c!.start();
      for (let i = 0; i < 500 && roma.richiesteFlussi.length === calls; i++) await new Promise((r) => setTimeout(r, 20));
      await c!.stop();
      expect(roma.richiesteFlussi.slice(calls)).toEqual([{ since: String(before!.since_ms), limit: '5' }]);
      expect((await fonte(handle, 'L219'))?.ultimo_esito).toBe('ERRORE: Comune non raggiungibile (GET /flussi: connessione rifiutata, ECONNREFUSED).');
      const rows = await handle.rows<{ ente_codice: string; base_url: string; attiva: boolean; since_ms: string | number }>(
        sql`select ente_codice, base_url, attiva, since_ms from flussi.fonte_pull order by ente_codice`,
      );
      expect(rows.map((r) => [r.ente_codice, r.base_url, r.attiva, Number(r.since_ms)])).toEqual([
        ['F205', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/waas\/v1$/), false, 1701590405000],
        ['H501', roma.url, true, before!.since_ms],
        ['L219', torino.url, true, 0],
      ]);

      // Token reference leading nowhere: reported, nothing called.
      const callsNow = roma.richiesteFlussi.length;
      writeFileSync(file, JSON.stringify([{ ente: 'H501', url: roma.url, tokenEnv: 'PULL_TOKEN_MANCANTE' }]));
      const [senzaToken] = await pullCollectorFromEnv(flussi.deps, { PULL_FONTI_FILE: file })!.runOnce();
      expect(senzaToken).toMatchObject({ ente: 'H501', errore: "Token non disponibile: la variabile d'ambiente PULL_TOKEN_MANCANTE non è impostata." });
      expect(roma.richiesteFlussi.length).toBe(callsNow);

      writeFileSync(file, JSON.stringify([{ ente: 'h501', url: 'ftp://x', tokenEnv: 'A', tokenFile: '/b' }]));
      expect(() => pullCollectorFromEnv(flussi.deps, { PULL_FONTI_FILE: file })).toThrow(
        `Invalid pull sources:\n- ${file}[0].ente: expected the ente's code (e.g. H501), got "h501"\n- ${file}[0].url: expected http(s), got ftp:\n- ${file}[0]: give tokenEnv or tokenFile, not both`,
      );
      expect(pullCollectorFromEnv(flussi.deps, {})).toBeNull();
    });

    it('answers as the specification says: one beneficiary and one benefit per flow, RICHIESTA_INVALIDA for structure, 404 as nothing new, Retry-After obeyed (issue 19)', async () => {
      const palermo = await startServerComune({ ente: 'G273', denominazione: 'Comune di Palermo' });
      try {
        const c = collettore({ fonti: [{ ente: 'G273', url: palermo.url }] });
        const run = async () => (await c.runOnce()).find((r) => r.ente === 'G273')!;

        // 404 from GET /flussi: listed by the OpenAPI, read as nothing new, not as a failure.
        palermo.forzaRisposte({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Not Found', status: 404 }) });
        expect(await run()).toMatchObject({ voci: 0, errore: null, since: 0 });

        const uno = psCorretto('0000001', 'G273');
        const dueBeneficiari = uno.replace('</Beneficiario>', '</Beneficiario>\n' + uno.slice(uno.indexOf('<Beneficiario'), uno.indexOf('</Beneficiario>') + '</Beneficiario>'.length)).replace('G273.PS.20210520.0000001', 'G273.PS.20210520.0000002');
        const xsd = psCorretto('0000003', 'G273').replace('PresaCarico="1"', 'PresaCarico="9"');
        palermo.pubblica(
          { id_flusso: 'G273.PS.20210520.0000002', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-05T10:00:00.000Z', xml: dueBeneficiari },
          { id_flusso: 'G273.PS.20210520.0000003', tipo: 'PS_PSA_SINA', ts_flusso: '2023-12-05T10:00:01.000Z', xml: xsd },
        );
        expect(await run()).toMatchObject({ voci: 2, acquisiti: 1, esiti: { RICHIESTA_INVALIDA: 2 }, notificati: 2, errore: null });
        const esiti = palermo.esitiRicevuti();
        expect(esiti.map((e) => [e.codice_ente, e.denominazione_ente, e.id_flusso, e.codice_esito, e.id_acquisizione_siuss])).toEqual([
          ['G273', 'Comune di Palermo', 'G273.PS.20210520.0000002', 'RICHIESTA_INVALIDA', undefined],
          ['G273', 'Comune di Palermo', 'G273.PS.20210520.0000003', 'RICHIESTA_INVALIDA', undefined],
        ]);
        expect(esiti[0]!.descrizione_esito).toBe(
          'In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale: il flusso contiene 2 beneficiari e 2 prestazioni. Nulla è stato registrato.',
        );
        expect(esiti[1]!.descrizione_esito).toMatch(/^1 record su 1 rifiutato: nessun record è stato registrato\. Motivi: \[XSD_/);
        expect(await count(handle, `select count(*)::int as n from flussi.flusso where nome = 'G273.PS.20210520.0000002'`)).toBe(0);

        // 503 with Retry-After: no call to that comune before the time it gave, reading or notifying.
        palermo.forzaRisposte({ status: 503, headers: { 'retry-after': '3600' }, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503 }) });
        const chiamate = palermo.richiesteFlussi.length;
        expect((await run()).errore).toContain('Il comune chiede di riprovare tra 3600 s (Retry-After)');
        expect(palermo.richiesteFlussi.length).toBe(chiamate + 1);
        const dopo = await run();
        expect(dopo.avvisi[0]).toMatch(/^il comune ha chiesto di attendere \(Retry-After\) fino a /);
        expect(palermo.richiesteFlussi.length).toBe(chiamate + 1);
      } finally {
        await palermo.close();
      }
    });
  });
}
