import { databaseBackends, graphqlRequest, ROLE_TOKENS, type GraphQLResult } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/** A cartella asking for every identifying field of every wired component. */
const CARTELLA = /* GraphQL */ `
  query ($cf: String!) {
    persona(codiceFiscale: $cf) {
      id codiceFiscale tipoCodiceFiscale
      anagrafica { cognome nome annoNascita luogoNascita genere fasciaEta }
      residenza { codiceComune }
      prestazioniAgevolate { id codicePrestazione protocolloDomanda numeroProtocolloDsu dsu { protocollo isee dichiarante { id } } }
      prestazioniSociali { id codicePrestazione protocolloDomanda numeroProtocolloDsu }
      valutazioniSina { id mobilita protocolloDomanda }
      valutazioniSip { ruoloNelNucleo caso { misura } }
    }
  }
`;

const REGISTRO = /* GraphQL */ `
  query ($f: FiltroAccessi, $primi: Int, $dopo: String) {
    registroAccessi(filtro: $f, primi: $primi, dopo: $dopo) {
      haAltri cursoreSuccessivo
      elementi { seq istante subgraph operatore ruolo ente riferimento soggetto { tipo id } campi requestId requestIdCliente hash }
    }
  }
`;

interface Registrato {
  seq: number;
  subgraph: string;
  operatore: string;
  ruolo: string;
  ente: string;
  riferimento: string | null;
  soggettoTipo: string;
  soggettoId: string;
  campi: string[];
  requestId: string;
  requestIdCliente: string | null;
}

interface Accesso {
  seq: string;
  istante: string;
  subgraph: string;
  operatore: string;
  ruolo: string;
  ente: string;
  riferimento: string | null;
  soggetto: { tipo: string; id: string };
  campi: string[];
  requestId: string;
  requestIdCliente: string | null;
  hash: string;
}

type Json = Record<string, any>;

/** One expected record, without its place in the chain. */
type Atteso = Omit<Registrato, 'seq'>;

const bySubject = (a: Atteso, b: Atteso) => `${a.subgraph} ${a.soggettoId}`.localeCompare(`${b.subgraph} ${b.soggettoId}`);

/**
 * The records a cartella response must have produced, derived from what it shows:
 * one per subgraph and subject whose identifying fields came back non-null.
 */
function expectedFromCartella(
  p: Json,
  viewer: { operatore: string; ruolo: string; ente: string; riferimento: string | null },
  requestId: string,
  requestIdCliente: string | null,
): Atteso[] {
  const out = new Map<string, Atteso>();
  const add = (subgraph: string, soggettoId: string, campo: string) => {
    const key = `${subgraph} ${soggettoId}`;
    const entry = out.get(key) ?? { subgraph, ...viewer, soggettoTipo: 'persona', soggettoId, campi: [], requestId, requestIdCliente };
    if (!entry.campi.includes(campo)) entry.campi.push(campo);
    out.set(key, entry);
  };
  add('anagrafe', p.id, 'cartella');
  for (const campo of ['codiceFiscale', 'tipoCodiceFiscale']) if (p[campo] !== null) add('anagrafe', p.id, `Persona.${campo}`);
  for (const campo of ['cognome', 'nome', 'annoNascita', 'luogoNascita']) if (p.anagrafica[campo] !== null) add('anagrafe', p.id, `Anagrafica.${campo}`);
  for (const [subgraph, list, entity] of [
    ['prestazioni-agevolate', p.prestazioniAgevolate, 'PrestazioneAgevolata'],
    ['prestazioni-sociali', p.prestazioniSociali, 'PrestazioneSociale'],
  ] as const) {
    for (const x of list as Json[]) {
      for (const campo of ['protocolloDomanda', 'numeroProtocolloDsu']) if (x[campo] !== null) add(subgraph, p.id, `${entity}.${campo}`);
      if (x.dsu?.protocollo) add(subgraph, x.dsu.dichiarante.id, 'Dsu.protocollo');
    }
  }
  for (const v of p.valutazioniSina as Json[]) if (v.protocolloDomanda !== null) add('sina', p.id, 'ValutazioneSina.protocolloDomanda');
  return [...out.values()].map((e) => ({ ...e, campi: [...e.campi].sort() })).sort(bySubject);
}

for (const backend of databaseBackends()) {
  describe(`the access log through the gateway on ${backend}`, () => {
    let tp: TestPlatform;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
    });
    afterAll(() => tp?.stop());

    const log = () => tp.platform.handles.accessi!;
    const records = async (where = sql`true`) =>
      log().rows<Registrato>(sql`
        select seq::int as seq, subgraph, operatore, ruolo, ente, riferimento, soggetto_tipo as "soggettoTipo",
               soggetto_id as "soggettoId", campi, request_id as "requestId", request_id_cliente as "requestIdCliente"
        from accessi.accesso where ${where} order by seq`);
    const withoutSeq = (rows: Registrato[]): Atteso[] => rows.map(({ seq: _seq, ...r }) => r).sort(bySubject);
    const showcase = () => tp.dataset.showcase;
    let controlloRecords: Registrato[] = [];
    let gestioneRecords: Registrato[] = [];
    let sinbaRecords: Registrato[] = [];
    // Records about the showcase person written by the request-id tests below.
    const laterRecords: Registrato[] = [];

    let controlloRequestId = '';

    it('writes one record per subgraph that returned identifying data of a cartella, with who, why, whom, what and the request id', async () => {
      const clientId = 'req-controllo-cartella-1';
      const r = await graphqlRequest<{ persona: Json }>(tp.gatewayUrl, CARTELLA, {
        token: await ROLE_TOKENS.controllo('GDF'),
        headers: { 'x-riferimento': 'PV-2026-0042', 'x-request-id': clientId },
        variables: { cf: showcase().codiceFiscale },
      });
      expect(r.errors).toBeUndefined();
      // The gateway's own id, not the client's: the log's request id belongs to the server.
      const requestId = r.requestId!;
      expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      controlloRequestId = requestId;
      const p = r.data!.persona;
      expect(p.codiceFiscale).toBe(showcase().codiceFiscale);
      // The data really carries every kind of identifying field, so the expectation is not vacuous.
      expect(p.prestazioniAgevolate.some((x: Json) => x.dsu?.protocollo)).toBe(true);
      expect(p.prestazioniSociali.length).toBeGreaterThan(0);
      expect(p.valutazioniSina.length).toBeGreaterThan(0);

      controlloRecords = await records(sql`request_id = ${requestId}`);
      expect(await records(sql`request_id_cliente = ${clientId}`)).toEqual(controlloRecords);
      const expected = expectedFromCartella(p, { operatore: 'op-controllo-GDF', ruolo: 'controllo', ente: 'GDF', riferimento: 'PV-2026-0042' }, requestId, clientId);
      expect(withoutSeq(controlloRecords)).toEqual(expected);
      expect(new Set(controlloRecords.map((x) => x.subgraph))).toEqual(new Set(['anagrafe', 'prestazioni-agevolate', 'prestazioni-sociali', 'sina']));
      expect(expected.find((e) => e.subgraph === 'anagrafe')).toEqual({
        subgraph: 'anagrafe',
        operatore: 'op-controllo-GDF',
        ruolo: 'controllo',
        ente: 'GDF',
        riferimento: 'PV-2026-0042',
        soggettoTipo: 'persona',
        soggettoId: showcase().personaId,
        campi: ['Anagrafica.annoNascita', 'Anagrafica.cognome', 'Anagrafica.luogoNascita', 'Anagrafica.nome', 'Persona.codiceFiscale', 'Persona.tipoCodiceFiscale', 'cartella'],
        requestId,
        requestIdCliente: clientId,
      });
      // Nothing identifying is kept in the log itself.
      expect(identifyingValuesIn(controlloRecords, tp.dataset)).toEqual([]);
    });

    it('records a gestione cartella opened even when only the id is asked for, and SINBA reads against the case', async () => {
      const opened = await graphqlRequest<{ persona: { id: string } }>(tp.gatewayUrl, 'query ($cf: String!) { persona(codiceFiscale: $cf) { id } }', {
        token: await ROLE_TOKENS.gestione('H501'),
        headers: { 'x-request-id': 'req-gestione-1' },
        variables: { cf: showcase().codiceFiscale },
      });
      expect(opened.data?.persona).toEqual({ id: showcase().personaId });
      gestioneRecords = await records(sql`request_id = ${opened.requestId}`);
      expect(withoutSeq(gestioneRecords)).toEqual([
        {
          subgraph: 'anagrafe',
          operatore: 'op-gestione-H501',
          ruolo: 'gestione',
          ente: 'H501',
          riferimento: null,
          soggettoTipo: 'persona',
          soggettoId: showcase().personaId,
          campi: ['cartella'],
          requestId: opened.requestId!,
          requestIdCliente: 'req-gestione-1',
        },
      ]);

      const caso = tp.dataset.casiSinba.find((c) => c.enteCodice === 'H501')!;
      const sinba = await graphqlRequest<{ casoSinba: Array<{ id: string; idBeneficiario: string }> }>(
        tp.gatewayUrl,
        'query ($id: String!) { casoSinba(idBeneficiario: $id) { id idBeneficiario minore { annoNascita fasciaEta } } }',
        { token: await ROLE_TOKENS.gestione('H501'), headers: { 'x-request-id': 'req-sinba-1' }, variables: { id: caso.idBeneficiario } },
      );
      expect(sinba.errors).toBeUndefined();
      const casi = sinba.data!.casoSinba;
      expect(casi.map((c) => c.idBeneficiario)).toEqual(casi.map(() => caso.idBeneficiario));
      sinbaRecords = await records(sql`request_id = ${sinba.requestId}`);
      expect(withoutSeq(sinbaRecords)).toEqual(
        casi
          .map((c) => ({
            subgraph: 'sinba',
            operatore: 'op-gestione-H501',
            ruolo: 'gestione',
            ente: 'H501',
            riferimento: null,
            soggettoTipo: 'caso-sinba',
            soggettoId: c.id,
            campi: ['CasoSinba.idBeneficiario', 'MinoreSinba.annoNascita'],
            requestId: sinba.requestId!,
            requestIdCliente: 'req-sinba-1',
          }))
          .sort(bySubject),
      );
    });

    it('never takes a client’s x-request-id as the request id: sent another request’s id, it is kept apart as the client’s own', async () => {
      const before = await records(sql`request_id = ${controlloRequestId}`);
      expect(before.length).toBeGreaterThan(0);
      // A gestione operator names its request with the controllo request's (server) id.
      const r = await graphqlRequest<{ persona: { id: string } }>(tp.gatewayUrl, 'query ($cf: String!) { persona(codiceFiscale: $cf) { id } }', {
        token: await ROLE_TOKENS.gestione('H501'),
        headers: { 'x-request-id': controlloRequestId },
        variables: { cf: showcase().codiceFiscale },
      });
      expect(r.data?.persona).toEqual({ id: showcase().personaId });
      expect(r.requestId).not.toBe(controlloRequestId);
      // The controllo request's records are still only its own…
      expect(await records(sql`request_id = ${controlloRequestId}`)).toEqual(before);
      // …and the new one carries the server's id, the client's in its own field.
      const mine = await records(sql`request_id = ${r.requestId}`);
      laterRecords.push(...mine);
      expect(mine.map(({ seq: _s, ...x }) => x)).toEqual([
        {
          subgraph: 'anagrafe',
          operatore: 'op-gestione-H501',
          ruolo: 'gestione',
          ente: 'H501',
          riferimento: null,
          soggettoTipo: 'persona',
          soggettoId: showcase().personaId,
          campi: ['cartella'],
          requestId: r.requestId,
          requestIdCliente: controlloRequestId,
        },
      ]);
      // The audit officer can follow either id, each in its own filter.
      const token = await ROLE_TOKENS.audit();
      const byClient = await graphqlRequest<{ registroAccessi: { elementi: Accesso[] } }>(tp.gatewayUrl, REGISTRO, {
        token,
        variables: { f: { requestIdCliente: controlloRequestId } },
      });
      expect(byClient.data!.registroAccessi.elementi.map((e) => [e.seq, e.requestId, e.requestIdCliente])).toEqual([[String(mine[0]!.seq), r.requestId, controlloRequestId]]);
      const byServer = await graphqlRequest<{ registroAccessi: { elementi: Accesso[] } }>(tp.gatewayUrl, REGISTRO, {
        token,
        variables: { f: { requestId: controlloRequestId }, primi: 200 },
      });
      expect(byServer.data!.registroAccessi.elementi.map((e) => Number(e.seq))).toEqual(before.map((x) => x.seq).sort((a, b) => b - a));
    });

    it('drops a client request id that is too long or not printable ASCII, and still answers', async () => {
      for (const sent of ['x'.repeat(65), 'req\tcon-tab', 'req-\u00e9']) {
        const r = await graphqlRequest<{ persona: { id: string } }>(tp.gatewayUrl, 'query ($cf: String!) { persona(codiceFiscale: $cf) { id } }', {
          token: await ROLE_TOKENS.gestione('H501'),
          headers: { 'x-request-id': sent },
          variables: { cf: showcase().codiceFiscale },
        });
        expect(r.data?.persona).toEqual({ id: showcase().personaId });
        const written = await records(sql`request_id = ${r.requestId}`);
        laterRecords.push(...written);
        expect(written.map((x) => [x.requestId, x.requestIdCliente])).toEqual([[r.requestId, null]]);
      }
    });

    it('writes nothing for listings without identifying data, nor for fields the shield denied', async () => {
      const before = await records();
      const listing = await graphqlRequest<{ elencoPrestazioniAgevolate: { elementi: Json[] } }>(
        tp.gatewayUrl,
        `{ elencoPrestazioniAgevolate(filtro: { codiceComune: "058091" }, primi: 50) {
            elementi { codicePrestazione protocolloDomanda persona { id codiceFiscale anagrafica { fasciaEta cognome } valutazioniSina { mobilita protocolloDomanda } } }
        } }`,
        { token: await ROLE_TOKENS.programmazione('12'), headers: { 'x-request-id': 'req-programmazione-1' } },
      );
      expect(listing.data?.elencoPrestazioniAgevolate.elementi.length).toBeGreaterThan(0);
      expect(listing.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      const sinba = await graphqlRequest(tp.gatewayUrl, '{ elencoCasiSinba(primi: 20) { elementi { id idBeneficiario minore { fasciaEta annoNascita } } } }', {
        token: await ROLE_TOKENS.monitoraggio(),
      });
      expect(sinba.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      expect(await records()).toEqual(before);
    });

    it('keeps the records in one unbroken chain', async () => {
      const [gaps] = await log().rows<{ n: number }>(sql`
        select count(*)::int as n from accessi.accesso a
        left join accessi.accesso b on b.seq = a.seq - 1
        where (a.seq = 1 and a.hash_precedente <> repeat('0', 64)) or (a.seq > 1 and (b.seq is null or b.hash <> a.hash_precedente))`);
      expect(gaps!.n).toBe(0);
      const [max] = await log().rows<{ n: number; c: number }>(sql`select coalesce(max(seq), 0)::int as n, count(*)::int as c from accessi.accesso`);
      expect(max!.n).toBe(max!.c);
    });

    it('answers audit by codice fiscale and by operator with exactly those records, never a codice fiscale', async () => {
      const token = await ROLE_TOKENS.audit();
      const byCf = await graphqlRequest<{ registroAccessi: { elementi: Accesso[]; haAltri: boolean } }>(tp.gatewayUrl, REGISTRO, {
        token,
        headers: { 'x-request-id': 'req-audit-cf' },
        variables: { f: { codiceFiscale: showcase().codiceFiscale } },
      });
      expect(byCf.errors).toBeUndefined();
      const persona = [...controlloRecords, ...gestioneRecords, ...laterRecords].filter((x) => x.soggettoId === showcase().personaId);
      expect(byCf.data!.registroAccessi.haAltri).toBe(false);
      expect(byCf.data!.registroAccessi.elementi.map(({ istante: _i, hash: _h, ...e }) => e)).toEqual(
        persona
          .sort((a, b) => b.seq - a.seq)
          .map((x) => ({
            seq: String(x.seq),
            subgraph: x.subgraph,
            operatore: x.operatore,
            ruolo: x.ruolo,
            ente: x.ente,
            riferimento: x.riferimento,
            soggetto: { tipo: 'persona', id: showcase().personaId },
            campi: x.campi,
            requestId: x.requestId,
            requestIdCliente: x.requestIdCliente,
          })),
      );
      expect(byCf.raw).not.toContain(showcase().codiceFiscale);
      expect(identifyingValuesIn(byCf.data, tp.dataset)).toEqual([]);

      // The search itself is in the log, as a read about that person by the officer.
      expect(withoutSeq(await records(sql`request_id_cliente = 'req-audit-cf'`))).toEqual([
        {
          subgraph: 'accessi',
          operatore: 'op-dpo',
          ruolo: 'audit',
          ente: 'MLPS',
          riferimento: null,
          soggettoTipo: 'persona',
          soggettoId: showcase().personaId,
          campi: ['registroAccessi'],
          requestId: byCf.requestId!,
          requestIdCliente: 'req-audit-cf',
        },
      ]);

      const byOperator = await graphqlRequest<{ registroAccessi: { elementi: Accesso[] } }>(tp.gatewayUrl, REGISTRO, {
        token,
        variables: { f: { operatore: 'op-controllo-GDF' }, primi: 200 },
      });
      expect(byOperator.data!.registroAccessi.elementi.map((e) => Number(e.seq))).toEqual(controlloRecords.map((x) => x.seq).sort((a, b) => b - a));
      expect(byOperator.data!.registroAccessi.elementi.every((e) => e.riferimento === 'PV-2026-0042' && e.requestId === controlloRequestId && e.requestIdCliente === 'req-controllo-cartella-1')).toBe(true);

      const unknown = await graphqlRequest<{ registroAccessi: { elementi: Accesso[] } }>(tp.gatewayUrl, REGISTRO, {
        token,
        variables: { f: { codiceFiscale: 'RSSMRA85T10A562S' } },
      });
      expect(unknown.data!.registroAccessi.elementi).toEqual([]);
    });

    it('verifies its own chain on request of audit, through the gateway: every record counted, the head hash equal to the last row’s', async () => {
      const [last] = await log().rows<{ seq: number; hash: string; n: number }>(
        sql`select seq::int as seq, hash, (select count(*)::int from accessi.accesso) as n from accessi.accesso order by seq desc limit 1`,
      );
      const r = await graphqlRequest<{ verificaRegistroAccessi: Record<string, unknown> }>(
        tp.gatewayUrl,
        '{ verificaRegistroAccessi { verificati integro hashTesta seqTesta primaRottura { seq motivo } } }',
        { token: await ROLE_TOKENS.audit(), headers: { 'x-request-id': 'req-verifica-1' } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.verificaRegistroAccessi).toEqual({ verificati: last!.n, integro: true, hashTesta: last!.hash, seqTesta: String(last!.seq), primaRottura: null });
      expect(last!.n).toBeGreaterThan(5);
      // The verification is in the log too, against the log itself.
      expect(withoutSeq(await records(sql`request_id = ${r.requestId}`))).toEqual([
        {
          subgraph: 'accessi',
          operatore: 'op-dpo',
          ruolo: 'audit',
          ente: 'MLPS',
          riferimento: null,
          soggettoTipo: 'registro',
          soggettoId: 'accessi',
          campi: ['verificaRegistroAccessi'],
          requestId: r.requestId!,
          requestIdCliente: 'req-verifica-1',
        },
      ]);
    });

    it('refuses the verification to every other purpose, by name, alias or fragment', async () => {
      for (const [ruolo, headers] of [
        ['gestione', {}],
        ['controllo', { 'x-riferimento': 'PV-2026-0042' }],
        ['programmazione', {}],
        ['monitoraggio', {}],
      ] as const) {
        for (const [query, key] of [
          ['{ verificaRegistroAccessi { verificati integro hashTesta } }', 'verificaRegistroAccessi'],
          ['{ v: verificaRegistroAccessi { n: verificati h: hashTesta } }', 'v'],
          ['{ ...V } fragment V on Query { verificaRegistroAccessi { verificati hashTesta primaRottura { seq } } }', 'verificaRegistroAccessi'],
        ] as const) {
          const r: GraphQLResult = await graphqlRequest(tp.gatewayUrl, query, { token: await ROLE_TOKENS[ruolo](), headers });
          expect({ ruolo, query, data: r.data, codes: r.errors?.map((e) => e.extensions?.code) }).toEqual({ ruolo, query, data: { [key]: null }, codes: ['FORBIDDEN'] });
        }
      }
    });

    it('refuses the log to every other purpose', async () => {
      for (const [ruolo, headers] of [
        ['gestione', {}],
        ['controllo', { 'x-riferimento': 'PV-2026-0042' }],
        ['programmazione', {}],
        ['monitoraggio', {}],
      ] as const) {
        const r: GraphQLResult = await graphqlRequest(tp.gatewayUrl, REGISTRO, {
          token: await ROLE_TOKENS[ruolo](),
          headers,
          variables: { f: { codiceFiscale: showcase().codiceFiscale } },
        });
        expect(r.data).toEqual({ registroAccessi: null });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    });

    // Last: it stops the accessi component.
    it('withholds a cartella when the log cannot be written, and leaves listings alone', async () => {
      const before = await records();
      await tp.platform.subgraphs.accessi!.close();

      const r = await graphqlRequest<{ persona: Json | null }>(tp.gatewayUrl, CARTELLA, {
        token: await ROLE_TOKENS.controllo('GDF'),
        headers: { 'x-riferimento': 'PV-2026-0042' },
        variables: { cf: showcase().codiceFiscale },
      });
      expect(r.data?.persona ?? null).toBeNull();
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(r.errors?.every((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' && e.message === 'Errore interno del servizio')).toBe(true);
      expect(r.raw).not.toContain(showcase().codiceFiscale);
      expect(identifyingValuesIn(r.data, tp.dataset)).toEqual([]);

      const listing = await graphqlRequest<{ elencoPrestazioniSociali: { elementi: unknown[] } }>(
        tp.gatewayUrl,
        '{ elencoPrestazioniSociali(primi: 5) { elementi { codicePrestazione persona { id } } } }',
        { token: await ROLE_TOKENS.monitoraggio() },
      );
      expect(listing.errors).toBeUndefined();
      expect(listing.data?.elencoPrestazioniSociali.elementi).toHaveLength(5);
      expect(await records()).toEqual(before);
    });
  });
}
