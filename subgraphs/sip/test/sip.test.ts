import { buildSecuredSchema, securedPermissions, type DatabaseHandle } from '@casellario/kit';
import {
  databaseBackends,
  decodedForms,
  graphqlRequest,
  ROLE_AUDIENCES,
  ROLE_TOKENS,
  startTestSubgraph,
  testSecurity,
  type GraphQLResult,
  type TestSubgraph,
} from '@casellario/kit/testing';
import { fieldsWithoutRule, signDevToken, type PseudonymAudience } from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sipSubgraph } from '../src/index';
import { definition } from '../src/schema';
import { loadDemo, type CasoSipDemo } from '../src/seed';
import {
  CASO_ANNULLATO,
  CASO_LATINA,
  CASO_MILANO,
  CASO_ROMA,
  CASO_ROMA_2023,
  CASO_ROMA_2025,
  CASO_ROMA_NOV_2,
  CASO_ROMA_NOV_3,
  FIGLIA,
  fixture,
  MADRE,
  PADRE,
  ZIO,
} from './fixture';

const CASO_FIELDS = /* GraphQL */ `
  id protocolloCaso enteErogatore { codice } codiceComune codiceRegione misura dataDomanda dataPattoDigitale dataChiusura stato
  componenti { persona { id } ruolo attivabileLavoro }
  analisiPreliminare { data esito { codice descrizione } }
  quadroAnalisi { data dimensioni { dimensione risorse vulnerabilita fattoriSostegno } equipe }
  progetto {
    tipo dataSottoscrizione obiettivi sostegni { codice descrizione }
    impegni { persona { id } descrizione scadenza stato }
    incontri { data esito }
  }
  scadenze { tipo descrizione dataLimite dataAdempimento rispettata }
`;

const PERSONA_ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Persona { id valutazioniSip { ruoloNelNucleo attivabileLavoro caso { ${CASO_FIELDS} } } }
    }
  }
`;

const LISTING = /* GraphQL */ `
  query ($filtro: FiltroCasiSip, $primi: Int, $dopo: String) {
    elencoCasiSip(filtro: $filtro, primi: $primi, dopo: $dopo) { elementi { id } haAltri cursoreSuccessivo }
  }
`;

/** A listing page as the tests read it. */
interface Pagina {
  elementi: Array<{ id: string }>;
  haAltri: boolean;
  cursoreSuccessivo: string | null;
}

/** How ids and identifying fields look to one audience. */
interface Vista {
  id: (internalId: string) => string;
  identifying: boolean;
}

const ADI_PRIMO = 'Primo incontro con i servizi entro 120 giorni dal patto di attivazione digitale';
const ADI_PERIODICO = 'Incontro di aggiornamento entro 90 giorni dal precedente (componenti non attivabili al lavoro)';

/** The Roma household at the progetto stage, as the given audience sees it. */
function casoRoma(v: Vista) {
  const secret = <T>(value: T) => (v.identifying ? value : null);
  return {
    id: v.id(CASO_ROMA),
    protocolloCaso: secret('RM-ADI-2024-000123'),
    enteErogatore: { codice: 'H501' },
    codiceComune: '058091',
    codiceRegione: '12',
    misura: 'ADI',
    dataDomanda: '2024-03-04',
    dataPattoDigitale: '2024-03-05',
    dataChiusura: null,
    stato: 'PROGETTO',
    componenti: [
      { persona: { id: v.id(MADRE) }, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
      { persona: { id: v.id(PADRE) }, ruolo: 'CONIUGE', attivabileLavoro: true },
      { persona: { id: v.id(FIGLIA) }, ruolo: 'FIGLIO', attivabileLavoro: false },
    ],
    analisiPreliminare: {
      data: '2024-04-10',
      esito: { codice: 'QUADRO_ANALISI', descrizione: 'Bisogni complessi: quadro di analisi approfondito con équipe multidisciplinare' },
    },
    quadroAnalisi: {
      data: '2024-05-06',
      // The law's order, whatever order they were sent in.
      dimensioni: [
        { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 3, vulnerabilita: 1, fattoriSostegno: 2 },
        { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
        { dimensione: 'SITUAZIONE_LAVORATIVA', risorse: 2, vulnerabilita: 3, fattoriSostegno: 1 },
        { dimensione: 'EDUCAZIONE_FORMAZIONE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 2 },
        { dimensione: 'CONDIZIONE_ABITATIVA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 1 },
        { dimensione: 'RETI_FAMILIARI_SOCIALI', risorse: 2, vulnerabilita: 2, fattoriSostegno: 3 },
      ],
      equipe: ['SERVIZIO_SOCIALE', 'CPI', 'ISTRUZIONE'],
    },
    progetto: {
      tipo: 'PROGETTO_PERSONALIZZATO',
      dataSottoscrizione: '2024-05-20',
      obiettivi: secret(['Lavoro stabile per la signora Esposito entro un anno', 'Frequenza scolastica regolare di Giulia']),
      sostegni: [
        { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
        { codice: 'SOSTEGNO_SOCIO_EDUCATIVO', descrizione: 'Sostegno socio-educativo domiciliare' },
      ],
      impegni: [
        { persona: { id: v.id(MADRE) }, descrizione: secret("Iscrizione al Centro per l'impiego di via Appia"), scadenza: '2024-07-31', stato: 'RISPETTATO' },
        { persona: { id: v.id(PADRE) }, descrizione: secret('Corso di formazione per magazziniere'), scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
        { persona: { id: v.id(MADRE) }, descrizione: secret('Accompagnare Giulia a scuola ogni giorno'), scadenza: '2025-06-30', stato: 'IN_CORSO' },
      ],
      incontri: [],
    },
    scadenze: [
      { tipo: 'ADI_PRIMO_INCONTRO', descrizione: ADI_PRIMO, dataLimite: '2024-07-03', dataAdempimento: '2024-04-10', rispettata: true },
      // The figlia cannot be activated for work: a meeting was due within 90 days of the analisi, and none is recorded.
      { tipo: 'ADI_INCONTRO_PERIODICO', descrizione: ADI_PERIODICO, dataLimite: '2024-07-09', dataAdempimento: null, rispettata: false },
    ],
  };
}

/** The madre's closed REI case in Milano. */
function casoMilano(v: Vista) {
  const secret = <T>(value: T) => (v.identifying ? value : null);
  return {
    id: v.id(CASO_MILANO),
    protocolloCaso: secret('MI-REI-2018-0042'),
    enteErogatore: { codice: 'F205' },
    codiceComune: '015146',
    codiceRegione: '03',
    misura: 'REI',
    dataDomanda: '2018-04-03',
    dataPattoDigitale: null,
    dataChiusura: '2019-03-31',
    stato: 'CHIUSO',
    componenti: [
      { persona: { id: v.id(MADRE) }, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
      { persona: { id: v.id(ZIO) }, ruolo: 'ALTRO', attivabileLavoro: false },
    ],
    analisiPreliminare: { data: '2018-05-09', esito: { codice: 'PATTO_SEMPLIFICATO', descrizione: 'Patto semplificato sulla sola analisi preliminare' } },
    quadroAnalisi: null,
    progetto: {
      tipo: 'PATTO_SEMPLIFICATO',
      dataSottoscrizione: '2018-06-05',
      obiettivi: secret(['Rientro dalla morosità sulle utenze']),
      sostegni: [{ codice: 'SEGRETARIATO_SOCIALE', descrizione: 'Segretariato sociale' }],
      impegni: [{ persona: { id: v.id(MADRE) }, descrizione: secret('Piano di rientro con il gestore'), scadenza: '2018-12-31', stato: 'RISPETTATO' }],
      incontri: [
        { data: '2018-09-10', esito: 'SVOLTO' },
        { data: '2018-12-12', esito: 'ASSENZA_GIUSTIFICATA' },
      ],
    },
    scadenze: [
      // 25 working days from 3 April 2018 skip 25 April and 1 May: 10 May.
      { tipo: 'REI_ANALISI_PRELIMINARE', descrizione: 'Analisi preliminare entro 25 giorni lavorativi dalla domanda', dataLimite: '2018-05-10', dataAdempimento: '2018-05-09', rispettata: true },
      { tipo: 'REI_PROGETTO', descrizione: "Progetto sottoscritto entro 20 giorni lavorativi dall'analisi preliminare", dataLimite: '2018-06-06', dataAdempimento: '2018-06-05', rispettata: true },
    ],
  };
}

/** The FORBIDDEN paths (below `_entities.0.valutazioniSip`) of the identifying fields of the Roma case. */
const DENIED_ROMA = [
  'caso.progetto.impegni.0.descrizione',
  'caso.progetto.impegni.1.descrizione',
  'caso.progetto.impegni.2.descrizione',
  'caso.progetto.obiettivi',
  'caso.protocolloCaso',
];

function deniedPaths(errors: Array<{ path?: Array<string | number>; extensions?: { code?: string } }> | undefined, skip: number): string[] {
  return (errors ?? []).map((e) => `${e.extensions?.code}:${e.path?.slice(skip).join('.')}`).sort();
}

describe('sip shield', () => {
  it('has a rule on every field of every type', () => {
    expect(fieldsWithoutRule(buildSecuredSchema(definition), securedPermissions(definition))).toEqual([]);
  });
});

for (const backend of databaseBackends()) {
  describe(`sip on ${backend}`, () => {
    let sg: TestSubgraph;
    const identita: Vista = { id: (id) => id, identifying: true };
    const pseudonimi = (ruolo: PseudonymAudience): Vista => ({ id: (id) => sg.codec.pseudonym(id, ROLE_AUDIENCES[ruolo]()), identifying: false });

    beforeAll(async () => {
      sg = await startTestSubgraph(sipSubgraph, backend, (h) => sipSubgraph.loadDemo(h, fixture));
    });
    afterAll(() => sg?.stop());

    it('gives gestione the whole household through Persona.valutazioniSip, other enti’s cases included', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.gestione('H501'),
        variables: { r: [{ __typename: 'Persona', id: MADRE }] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([
        {
          id: MADRE,
          valutazioniSip: [
            { ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: casoRoma(identita) },
            { ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: casoMilano(identita) },
          ],
        },
      ]);
    });

    it('gives controllo the identifying fields too', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.controllo('AGE'),
        variables: { r: [{ __typename: 'Persona', id: FIGLIA }] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([{ id: FIGLIA, valutazioniSip: [{ ruoloNelNucleo: 'FIGLIO', attivabileLavoro: false, caso: casoRoma(identita) }] }]);
    });

    it('gives programmazione its territory only, persons as pseudonyms, free text and protocol null + FORBIDDEN', async () => {
      const v = pseudonimi('programmazione');
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: { r: [{ __typename: 'Persona', id: v.id(MADRE) }] },
      });
      // Milano (region 03) is outside Lazio's territory.
      expect(r.data?._entities).toEqual([{ id: v.id(MADRE), valutazioniSip: [{ ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: casoRoma(v) }] }]);
      expect(deniedPaths(r.errors, 4)).toEqual(DENIED_ROMA.map((p) => `FORBIDDEN:${p}`));
      for (const leak of [MADRE, PADRE, FIGLIA, CASO_ROMA, 'Esposito', 'Giulia', 'magazziniere', 'RM-ADI-2024-000123']) expect(r.raw).not.toContain(leak);
    });

    it('gives monitoraggio the national cartella under its own pseudonyms, identifying fields null + FORBIDDEN', async () => {
      const v = pseudonimi('monitoraggio');
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.monitoraggio(),
        variables: { r: [{ __typename: 'Persona', id: v.id(MADRE) }] },
      });
      expect(r.data?._entities).toEqual([
        {
          id: v.id(MADRE),
          valutazioniSip: [
            { ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: casoRoma(v) },
            { ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: casoMilano(v) },
          ],
        },
      ]);
      expect(deniedPaths(r.errors, 2)).toEqual(
        [
          ...DENIED_ROMA.map((p) => `0.${p}`),
          '1.caso.progetto.impegni.0.descrizione',
          '1.caso.progetto.obiettivi',
          '1.caso.protocolloCaso',
        ]
          .map((p) => `FORBIDDEN:valutazioniSip.${p}`)
          .sort(),
      );
      expect(v.id(MADRE)).not.toBe(sg.codec.pseudonym(MADRE, ROLE_AUDIENCES.programmazione()));
      for (const leak of [MADRE, ZIO, CASO_MILANO, 'morosità', 'MI-REI-2018-0042']) expect(r.raw).not.toContain(leak);
    });

    it('resolves Persona entities only from ids that belong to the caller’s audience', async () => {
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id valutazioniSip { caso { misura } } } } }`;
      const prog = await graphqlRequest<{ _entities: unknown[] }>(sg.url, query, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: {
          r: [
            { __typename: 'Persona', id: MADRE },
            { __typename: 'Persona', id: sg.codec.pseudonym(MADRE, ROLE_AUDIENCES.monitoraggio()) },
            { __typename: 'Persona', id: sg.codec.pseudonym(ZIO, ROLE_AUDIENCES.programmazione()) },
          ],
        },
      });
      // The zio has a case only in Milano: a person outside the territory has no SIP case here.
      expect(prog.data?._entities).toEqual([null, null, { id: sg.codec.pseudonym(ZIO, ROLE_AUDIENCES.programmazione()), valutazioniSip: [] }]);
      const gest = await graphqlRequest<{ _entities: unknown[] }>(sg.url, query, {
        token: await ROLE_TOKENS.gestione(),
        variables: { r: [{ __typename: 'Persona', id: ZIO }, { __typename: 'Persona', id: 'a1b2c3d4-0000-4000-8000-000000000009' }] },
      });
      // The second person's only case was cancelled: cancelled cases are never read.
      expect(gest.data?._entities).toEqual([{ id: ZIO, valutazioniSip: [{ caso: { misura: 'REI' } }] }, { id: 'a1b2c3d4-0000-4000-8000-000000000009', valutazioniSip: [] }]);
    });

    it('resolves CasoSip entities by the id each audience sees, within its scope', async () => {
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CasoSip { id misura stato protocolloCaso } } }`;
      const gest = await graphqlRequest<{ _entities: unknown[] }>(sg.url, query, {
        token: await ROLE_TOKENS.gestione(),
        variables: { r: [CASO_ROMA, CASO_MILANO, CASO_ANNULLATO].map((id) => ({ __typename: 'CasoSip', id })) },
      });
      expect(gest.errors).toBeUndefined();
      expect(gest.data?._entities).toEqual([
        { id: CASO_ROMA, misura: 'ADI', stato: 'PROGETTO', protocolloCaso: 'RM-ADI-2024-000123' },
        { id: CASO_MILANO, misura: 'REI', stato: 'CHIUSO', protocolloCaso: 'MI-REI-2018-0042' },
        null,
      ]);

      const p = (id: string) => sg.codec.pseudonym(id, ROLE_AUDIENCES.programmazione());
      const prog = await graphqlRequest<{ _entities: unknown[] }>(sg.url, query, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: { r: [p(CASO_ROMA), CASO_ROMA, p(CASO_MILANO), sg.codec.pseudonym(CASO_ROMA, ROLE_AUDIENCES.monitoraggio())].map((id) => ({ __typename: 'CasoSip', id })) },
      });
      expect(prog.data?._entities).toEqual([{ id: p(CASO_ROMA), misura: 'ADI', stato: 'PROGETTO', protocolloCaso: null }, null, null, null]);
      expect(deniedPaths(prog.errors, 0)).toEqual(['FORBIDDEN:_entities.0.protocolloCaso']);

      const m = (id: string) => sg.codec.pseudonym(id, ROLE_AUDIENCES.monitoraggio());
      const mon = await graphqlRequest<{ _entities: unknown[] }>(sg.url, query, {
        token: await ROLE_TOKENS.monitoraggio(),
        variables: { r: [m(CASO_MILANO)].map((id) => ({ __typename: 'CasoSip', id })) },
      });
      expect(mon.data?._entities).toEqual([{ id: m(CASO_MILANO), misura: 'REI', stato: 'CHIUSO', protocolloCaso: null }]);
    });

    describe('elencoCasiSip', () => {
      async function allIds(token: string, filtro?: Record<string, unknown>): Promise<string[]> {
        const r = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ id: string }> } }>(sg.url, LISTING, { token, variables: { filtro, primi: 200 } });
        expect(r.errors).toBeUndefined();
        return r.data!.elencoCasiSip.elementi.map((e) => e.id);
      }

      it('pages gestione through its own ente’s cases, most recent first, without overlap or gaps', async () => {
        const token = await ROLE_TOKENS.gestione('H501');
        const seen: string[][] = [];
        let dopo: string | null = null;
        const flags: boolean[] = [];
        do {
          const r: GraphQLResult<{ elencoCasiSip: Pagina }> = await graphqlRequest(sg.url, LISTING, { token, variables: { primi: 2, dopo } });
          expect(r.errors).toBeUndefined();
          const page = r.data!.elencoCasiSip;
          seen.push(page.elementi.map((e) => e.id));
          flags.push(page.haAltri);
          dopo = page.cursoreSuccessivo;
        } while (dopo);
        // Two cases share 2024-11-05: the id breaks the tie. The cancelled case and other enti's never appear.
        expect(seen).toEqual([[CASO_ROMA_2025, CASO_ROMA_NOV_3], [CASO_ROMA_NOV_2, CASO_ROMA], [CASO_ROMA_2023]]);
        expect(flags).toEqual([true, true, false]);
        expect(await allIds(await ROLE_TOKENS.gestione('F205'))).toEqual([CASO_MILANO]);
      });

      it('scopes programmazione to the territory of the case, by region or by comune, with pseudonymous ids', async () => {
        // Each audience sees its own pseudonyms (DESIGN.md §2): Latina's case has another id for Lazio.
        const p = (territorio: string) => (id: string) => sg.codec.pseudonym(id, ROLE_AUDIENCES.programmazione(territorio));
        expect(await allIds(await ROLE_TOKENS.programmazione('03'))).toEqual([p('03')(CASO_MILANO)]);
        expect(await allIds(await ROLE_TOKENS.programmazione('12'))).toEqual(
          [CASO_ROMA_2025, CASO_ROMA_NOV_3, CASO_ROMA_NOV_2, CASO_LATINA, CASO_ROMA, CASO_ROMA_2023].map(p('12')),
        );
        expect(await allIds(await ROLE_TOKENS.programmazione('059011'))).toEqual([p('059011')(CASO_LATINA)]);
        expect(p('059011')(CASO_LATINA)).not.toBe(p('12')(CASO_LATINA));
        // A filter never widens the scope.
        expect(await allIds(await ROLE_TOKENS.programmazione('12'), { codiceRegione: '03' })).toEqual([]);
      });

      it('pages programmazione with cursors that carry no internal id', async () => {
        const token = await ROLE_TOKENS.programmazione('12');
        const first = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ id: string }>; cursoreSuccessivo: string } }>(sg.url, LISTING, {
          token,
          variables: { primi: 4 },
        });
        const cursor = first.data!.elencoCasiSip.cursoreSuccessivo;
        for (const text of decodedForms(cursor)) expect(text).not.toMatch(/[0-9a-f]{8}-|\d{4}-\d{2}-\d{2}/i);
        const second = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ id: string }>; haAltri: boolean } }>(sg.url, LISTING, {
          token,
          variables: { primi: 4, dopo: cursor },
        });
        const p = (id: string) => sg.codec.pseudonym(id, ROLE_AUDIENCES.programmazione());
        expect(second.data?.elencoCasiSip).toEqual({ elementi: [CASO_ROMA, CASO_ROMA_2023].map((id) => ({ id: p(id) })), haAltri: false, cursoreSuccessivo: null });
        // Another audience's cursor does not decode.
        const mon = await graphqlRequest(sg.url, LISTING, { token: await ROLE_TOKENS.monitoraggio(), variables: { primi: 4, dopo: cursor } });
        expect(mon.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      });

      it('gives monitoraggio and AGE the national list, a comune in controllo its own', async () => {
        const all = [CASO_ROMA_2025, CASO_ROMA_NOV_3, CASO_ROMA_NOV_2, CASO_LATINA, CASO_ROMA, CASO_ROMA_2023, CASO_MILANO];
        expect(await allIds(await ROLE_TOKENS.monitoraggio())).toEqual(all.map((id) => sg.codec.pseudonym(id, ROLE_AUDIENCES.monitoraggio())));
        expect(await allIds(await ROLE_TOKENS.controllo('AGE'))).toEqual(all);
        expect(await allIds(await ROLE_TOKENS.controllo('E472'))).toEqual([CASO_LATINA]);
      });

      it('filters by measure, stage, year, comune and ente', async () => {
        const token = await ROLE_TOKENS.controllo('GDF');
        expect(await allIds(token, { misura: 'ADI' })).toEqual([CASO_ROMA_2025, CASO_ROMA_NOV_3, CASO_LATINA, CASO_ROMA]);
        expect(await allIds(token, { stato: 'ANALISI_PRELIMINARE' })).toEqual([CASO_ROMA_NOV_3, CASO_ROMA_NOV_2]);
        expect(await allIds(token, { stato: 'CHIUSO' })).toEqual([CASO_ROMA_2023, CASO_MILANO]);
        expect(await allIds(token, { anno: 2024 })).toEqual([CASO_ROMA_NOV_3, CASO_ROMA_NOV_2, CASO_LATINA, CASO_ROMA]);
        expect(await allIds(token, { codiceComune: '059011' })).toEqual([CASO_LATINA]);
        expect(await allIds(token, { enteCodice: 'F205', misura: 'REI' })).toEqual([CASO_MILANO]);
        const bad = await graphqlRequest(sg.url, LISTING, { token, variables: { filtro: { codiceRegione: 'Lazio' } } });
        expect(bad.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'Codice regione non valido: 2 cifre ISTAT']]);
      });

      it('refuses the listing to audit', async () => {
        const r = await graphqlRequest(sg.url, LISTING, { token: await ROLE_TOKENS.audit() });
        expect(r.data).toBeNull();
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      });
    });

    it('lists the configurable catalogue', async () => {
      const r = await graphqlRequest<{ catalogoSip: { esitiAnalisiPreliminare: Array<{ codice: string }>; sostegni: Array<{ codice: string }> } }>(
        sg.url,
        '{ catalogoSip { esitiAnalisiPreliminare { codice } sostegni { codice } } }',
        { token: await ROLE_TOKENS.monitoraggio() },
      );
      expect(r.data?.catalogoSip.esitiAnalisiPreliminare.map((e) => e.codice)).toEqual(['CPI', 'PATTO_SEMPLIFICATO', 'QUADRO_ANALISI', 'SERVIZI_SPECIALISTICI']);
      expect(r.data?.catalogoSip.sostegni.map((e) => e.codice)).toEqual([
        'ASSISTENZA_DOMICILIARE',
        'MEDIAZIONE_CULTURALE',
        'PRONTO_INTERVENTO_SOCIALE',
        'SEGRETARIATO_SOCIALE',
        'SERVIZIO_SOCIALE_PROFESSIONALE',
        'SOSTEGNO_GENITORIALITA',
        'SOSTEGNO_SOCIO_EDUCATIVO',
        'TIROCINIO_INCLUSIONE',
      ]);
    });

    it('refuses requests without a valid token before running anything', async () => {
      const none = await graphqlRequest(sg.url, LISTING);
      expect(none.status).toBe(401);
      expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const expired = await signDevToken({ sub: 'x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: -3600 });
      const r = await graphqlRequest(sg.url, LISTING, { token: expired });
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.message).toBe('Token scaduto');
    });

    // Last: it adds 50 cases in Torino.
    it('reads 50 cases and their stages with one query per table', async () => {
      const torino: CasoSipDemo[] = Array.from({ length: 50 }, (_, n) => {
        const id = `eeeeeeee-0000-4000-8000-${String(n).padStart(12, '0')}`;
        const personaId = `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}`;
        return {
          id,
          enteCodice: 'L219',
          codiceComune: '001272',
          codiceRegione: '01',
          misura: 'ADI',
          dataDomanda: '2025-01-15',
          componenti: [{ personaId, ruolo: 'RICHIEDENTE', attivabileLavoro: false }],
          analisiPreliminare: { data: '2025-02-01', esito: 'QUADRO_ANALISI' },
          quadroAnalisi: {
            data: '2025-02-10',
            dimensioni: [{ dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 }],
            equipe: ['SERVIZIO_SOCIALE', 'CPI'],
          },
          progetto: {
            tipo: 'PROGETTO_PERSONALIZZATO',
            dataSottoscrizione: '2025-02-20',
            obiettivi: ['Obiettivo'],
            sostegni: ['MEDIAZIONE_CULTURALE'],
            impegni: [{ personaId, descrizione: 'Impegno', scadenza: '2025-06-30', stato: 'IN_CORSO' }],
            incontri: [{ data: '2025-04-01', esito: 'SVOLTO' }],
          },
        };
      });
      await loadDemo(sg.handle, { casiSip: torino });
      let selects = 0;
      const counting: DatabaseHandle = {
        ...sg.handle,
        db: new Proxy(sg.handle.db, {
          get(target, prop, receiver) {
            if (prop === 'select') selects += 1;
            return Reflect.get(target, prop, receiver);
          },
        }),
      };
      const server = await sipSubgraph.start({ ...(await testSecurity()), handle: counting, port: 0 });
      try {
        const listing = `{ elencoCasiSip(filtro: { enteCodice: "L219" }, primi: 50) { elementi { ${CASO_FIELDS} } } }`;
        const r = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ stato: string; componenti: unknown[] }> } }>(server.url, listing, {
          token: await ROLE_TOKENS.gestione('L219'),
        });
        expect(r.errors).toBeUndefined();
        expect(r.data?.elencoCasiSip.elementi).toHaveLength(50);
        expect(new Set(r.data?.elencoCasiSip.elementi.map((c) => c.stato))).toEqual(new Set(['MONITORAGGIO']));
        // listing, componenti, analisi, quadro, dimensioni, équipe, progetto, sostegni, impegni, incontri.
        expect(selects).toBe(10);

        selects = 0;
        const persons = torino.map((c) => ({ __typename: 'Persona', id: c.componenti[0]!.personaId }));
        const e = await graphqlRequest<{ _entities: Array<{ valutazioniSip: unknown[] }> }>(server.url, PERSONA_ENTITIES, {
          token: await ROLE_TOKENS.gestione('L219'),
          variables: { r: persons },
        });
        expect(e.errors).toBeUndefined();
        expect(e.data?._entities.map((p) => p.valutazioniSip.length)).toEqual(Array(50).fill(1));
        // memberships with their cases, then the same nine child tables.
        expect(selects).toBe(10);
      } finally {
        await server.close();
      }
    });
  });
}
