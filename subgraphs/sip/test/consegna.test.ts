import { deliverBatch, type DatabaseHandle } from '@casellario/kit';
import { databaseBackends, graphqlRequest, openCountingHandle, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { serviceTokenSource } from '@casellario/policies';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annullaCasoSip, consegnaCasi, DESCRIZIONE_DA_COMPLETARE, type CasoSipInserito } from '../src/db/consegna';
import {
  analisiPreliminare,
  casoSip,
  componenteNucleo,
  esitoAnalisiPreliminare,
  impegno,
  incontro,
  progetto,
  progettoSostegno,
  quadroAnalisi,
  quadroAnalisiDimensione,
  quadroAnalisiEquipe,
  sostegno,
} from '../src/db/schema';
import { sipSubgraph } from '../src/index';

/**
 * Cases as the flows component delivers them: members and commitments by codice
 * fiscale, with the person ids anagrafe gave. SIP stores the ids, never the codes.
 */
const persona = (n: number) => `d0d0d0d0-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MADRE = persona(1);
const PADRE = persona(2);
const FIGLIA = persona(3);
const NONNO = persona(4);
const CF = { madre: 'SPSNNA85C52F839D', padre: 'SPSLCU82L02F839X', figlia: 'SPSSRA12S65F839Q', nonno: 'BNCMRC70A30F839G' };
const PERSONA_IDS = { [CF.madre]: MADRE, [CF.padre]: PADRE, [CF.figlia]: FIGLIA, [CF.nonno]: NONNO };
const ID_NAPOLI = 'e1e1e1e1-0000-4000-8000-000000000001';
const ID_SFL = 'e1e1e1e1-0000-4000-8000-000000000002';

/** A full ADI case of Napoli, up to two monitoring meetings. */
function casoNapoli(over: Partial<CasoSipInserito> = {}): CasoSipInserito {
  return {
    tipoOperazione: 'I',
    id: ID_NAPOLI,
    enteCodice: 'F839',
    protocolloCaso: 'NA-SIP-2024-000123',
    misura: 'ADI',
    dataDomanda: '2024-01-15',
    dataPattoDigitale: '2024-01-20',
    dataChiusura: null,
    codiceComune: '063049',
    codiceRegione: '15',
    componenti: [
      { codiceFiscale: CF.madre, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
      { codiceFiscale: CF.padre, ruolo: 'CONIUGE', attivabileLavoro: false },
      { codiceFiscale: CF.figlia, ruolo: 'FIGLIO', attivabileLavoro: false },
    ],
    analisiPreliminare: { data: '2024-02-12', esito: 'QUADRO_ANALISI' },
    quadroAnalisi: {
      data: '2024-03-05',
      dimensioni: [
        { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
        { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 1 },
      ],
      equipe: ['SERVIZIO_SOCIALE', 'CPI'],
    },
    progetto: {
      tipo: 'PROGETTO_PERSONALIZZATO',
      dataSottoscrizione: '2024-03-26',
      obiettivi: ['Reddito da lavoro stabile', "Rientro dalla morosità dell'affitto"],
      sostegni: ['TIROCINIO_INCLUSIONE', 'SOSTEGNO_SOCIO_EDUCATIVO'],
      impegni: [
        { codiceFiscale: CF.madre, descrizione: "Iscrizione al Centro per l'impiego", scadenza: '2024-05-31', stato: 'RISPETTATO' },
        { codiceFiscale: CF.padre, descrizione: 'Piano di rientro delle utenze', scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
      ],
      incontri: [
        { data: '2024-05-20', esito: 'SVOLTO' },
        { data: '2024-08-19', esito: 'ASSENZA_GIUSTIFICATA' },
      ],
    },
    personaIds: PERSONA_IDS,
    ...over,
  };
}

/** An SFL case stopped at the analisi preliminare, whose outcome is a code the install has not described. */
function casoSfl(over: Partial<CasoSipInserito> = {}): CasoSipInserito {
  return {
    tipoOperazione: 'I',
    id: ID_SFL,
    enteCodice: 'F839',
    protocolloCaso: 'NA-SIP-2025-000007',
    misura: 'SFL',
    dataDomanda: '2025-01-08',
    dataPattoDigitale: null,
    dataChiusura: null,
    codiceComune: '063049',
    codiceRegione: '15',
    componenti: [{ codiceFiscale: CF.nonno, ruolo: 'RICHIEDENTE', attivabileLavoro: true }],
    analisiPreliminare: { data: '2025-02-03', esito: 'INVIO_CONSULTORIO' },
    quadroAnalisi: null,
    progetto: null,
    personaIds: { [CF.nonno]: NONNO },
    ...over,
  };
}

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
`;

const PERSONE = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) { ... on Persona { id valutazioniSip { ruoloNelNucleo attivabileLavoro caso { ${CASO_FIELDS} } } } }
  }
`;

/** The Napoli case as gestione reads it after the first delivery. */
const NAPOLI_LETTO = {
  id: ID_NAPOLI,
  protocolloCaso: 'NA-SIP-2024-000123',
  enteErogatore: { codice: 'F839' },
  codiceComune: '063049',
  codiceRegione: '15',
  misura: 'ADI',
  dataDomanda: '2024-01-15',
  dataPattoDigitale: '2024-01-20',
  dataChiusura: null,
  stato: 'MONITORAGGIO',
  componenti: [
    { persona: { id: MADRE }, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
    { persona: { id: PADRE }, ruolo: 'CONIUGE', attivabileLavoro: false },
    { persona: { id: FIGLIA }, ruolo: 'FIGLIO', attivabileLavoro: false },
  ],
  analisiPreliminare: {
    data: '2024-02-12',
    esito: { codice: 'QUADRO_ANALISI', descrizione: 'Bisogni complessi: quadro di analisi approfondito con équipe multidisciplinare' },
  },
  quadroAnalisi: {
    data: '2024-03-05',
    dimensioni: [
      { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 1 },
      { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
    ],
    equipe: ['SERVIZIO_SOCIALE', 'CPI'],
  },
  progetto: {
    tipo: 'PROGETTO_PERSONALIZZATO',
    dataSottoscrizione: '2024-03-26',
    obiettivi: ['Reddito da lavoro stabile', "Rientro dalla morosità dell'affitto"],
    sostegni: [
      { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
      { codice: 'SOSTEGNO_SOCIO_EDUCATIVO', descrizione: 'Sostegno socio-educativo domiciliare' },
    ],
    impegni: [
      { persona: { id: MADRE }, descrizione: "Iscrizione al Centro per l'impiego", scadenza: '2024-05-31', stato: 'RISPETTATO' },
      { persona: { id: PADRE }, descrizione: 'Piano di rientro delle utenze', scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
    ],
    incontri: [
      { data: '2024-05-20', esito: 'SVOLTO' },
      { data: '2024-08-19', esito: 'ASSENZA_GIUSTIFICATA' },
    ],
  },
};

/** Every row SIP holds, table by table, in a fixed order: what "nothing changed" is checked against. */
async function istantanea({ db }: DatabaseHandle) {
  return {
    casi: await db.select().from(casoSip).orderBy(asc(casoSip.id)),
    componenti: await db.select().from(componenteNucleo).orderBy(asc(componenteNucleo.casoId), asc(componenteNucleo.ordine)),
    analisi: await db.select().from(analisiPreliminare).orderBy(asc(analisiPreliminare.casoId)),
    quadri: await db.select().from(quadroAnalisi).orderBy(asc(quadroAnalisi.casoId)),
    dimensioni: await db.select().from(quadroAnalisiDimensione).orderBy(asc(quadroAnalisiDimensione.casoId), asc(quadroAnalisiDimensione.dimensione)),
    equipe: await db.select().from(quadroAnalisiEquipe).orderBy(asc(quadroAnalisiEquipe.casoId), asc(quadroAnalisiEquipe.figura)),
    progetti: await db.select().from(progetto).orderBy(asc(progetto.casoId)),
    sostegni: await db.select().from(progettoSostegno).orderBy(asc(progettoSostegno.casoId), asc(progettoSostegno.ordine)),
    impegni: await db.select().from(impegno).orderBy(asc(impegno.casoId), asc(impegno.ordine)),
    incontri: await db.select().from(incontro).orderBy(asc(incontro.casoId), asc(incontro.ordine)),
    esiti: await db.select().from(esitoAnalisiPreliminare).orderBy(asc(esitoAnalisiPreliminare.codice)),
    catalogoSostegni: await db.select().from(sostegno).orderBy(asc(sostegno.codice)),
  };
}

async function conta({ db }: DatabaseHandle, tabella: string, casoId: string): Promise<number> {
  const rows = (await db.execute(sql`select count(*)::int as n from ${sql.raw(`sip.${tabella}`)} where caso_id = ${casoId}`)) as unknown;
  const list = Array.isArray(rows) ? rows : (rows as { rows: Array<{ n: number }> }).rows;
  return Number((list[0] as { n: number }).n);
}

for (const backend of databaseBackends()) {
  describe(`sip delivery of flow cases on ${backend}`, () => {
    let sg: TestSubgraph;
    let servizio: string;
    let gestione: string;

    async function leggi(personaId: string) {
      const r = await graphqlRequest<{ _entities: Array<{ valutazioniSip: Array<{ ruoloNelNucleo: string; attivabileLavoro: boolean; caso: unknown }> }> }>(sg.url, PERSONE, {
        token: gestione,
        variables: { r: [{ __typename: 'Persona', id: personaId }] },
      });
      expect(r.errors).toBeUndefined();
      return r.data!._entities[0]!.valutazioniSip;
    }

    beforeAll(async () => {
      sg = await startTestSubgraph(sipSubgraph, backend);
      servizio = await serviceTokenSource('svc-test')();
      gestione = await ROLE_TOKENS.gestione('F839');
    });
    afterAll(() => sg?.stop());

    it('refuses a delivery without a service token, and one with an operator token', async () => {
      const body = JSON.stringify({ items: [casoNapoli()] });
      const senza = await fetch(new URL('/interno/consegna/casi', sg.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(senza.status).toBe(401);
      await expect(deliverBatch(sg.url, 'casi', [casoNapoli()], gestione)).rejects.toThrow('il servizio ha risposto HTTP 401');
      expect(await istantanea(sg.handle).then((s) => s.casi)).toEqual([]);
    });

    it('stores delivered cases with every stage, members and commitments by person id, and derives the stage', async () => {
      expect(await deliverBatch(sg.url, 'casi', [casoNapoli(), casoSfl()], servizio)).toEqual([{ ok: true }, { ok: true }]);
      expect(await leggi(MADRE)).toEqual([{ ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: NAPOLI_LETTO }]);
      expect((await leggi(FIGLIA)).map((v) => [v.ruoloNelNucleo, v.attivabileLavoro, (v.caso as { id: string }).id])).toEqual([['FIGLIO', false, ID_NAPOLI]]);
      const [sfl] = await leggi(NONNO);
      expect(sfl?.caso).toMatchObject({
        id: ID_SFL,
        misura: 'SFL',
        stato: 'ANALISI_PRELIMINARE',
        analisiPreliminare: { data: '2025-02-03', esito: { codice: 'INVIO_CONSULTORIO', descrizione: DESCRIZIONE_DA_COMPLETARE } },
        quadroAnalisi: null,
        progetto: null,
      });
    });

    it('adds a code of a configurable list that the install did not have, with a description to complete and no project foreseen', async () => {
      const [esito] = await sg.handle.db.select().from(esitoAnalisiPreliminare).where(eq(esitoAnalisiPreliminare.codice, 'INVIO_CONSULTORIO'));
      expect(esito).toEqual({ codice: 'INVIO_CONSULTORIO', descrizione: DESCRIZIONE_DA_COMPLETARE, prevedeProgetto: false });
      // A code the install already has keeps its own description.
      const [cpi] = await sg.handle.db.select().from(esitoAnalisiPreliminare).where(eq(esitoAnalisiPreliminare.codice, 'CPI'));
      expect(cpi).toEqual({ codice: 'CPI', descrizione: "Invio al Centro per l'impiego", prevedeProgetto: false });
    });

    it('changes nothing when the same cases are delivered again, one by one or in one batch', async () => {
      const prima = await istantanea(sg.handle);
      expect(prima.casi.map((c) => c.id)).toEqual([ID_NAPOLI, ID_SFL]);
      await consegnaCasi(sg.handle, [casoNapoli()]);
      await consegnaCasi(sg.handle, [casoSfl(), casoNapoli(), casoSfl()]);
      expect(await istantanea(sg.handle)).toEqual(prima);
    });

    it('keeps the id the case was first stored with, whatever id a later delivery proposes', async () => {
      await consegnaCasi(sg.handle, [casoNapoli({ id: 'e1e1e1e1-0000-4000-8000-0000000000ff' })]);
      expect((await leggi(MADRE)).map((v) => (v.caso as { id: string }).id)).toEqual([ID_NAPOLI]);
    });

    it('replaces the stages of a corrected case whole, and recomputes its stage', async () => {
      const corretto = casoNapoli({
        dataChiusura: '2025-02-28',
        componenti: [
          { codiceFiscale: CF.madre, ruolo: 'RICHIEDENTE', attivabileLavoro: false },
          { codiceFiscale: CF.padre, ruolo: 'CONIUGE', attivabileLavoro: true },
        ],
        analisiPreliminare: { data: '2024-02-12', esito: 'PATTO_SEMPLIFICATO' },
        quadroAnalisi: null,
        progetto: {
          tipo: 'PATTO_SEMPLIFICATO',
          dataSottoscrizione: '2024-03-01',
          obiettivi: [],
          sostegni: ['SEGRETARIATO_SOCIALE'],
          impegni: [{ codiceFiscale: CF.padre, descrizione: 'Ricerca attiva di lavoro', scadenza: '2024-09-30', stato: 'RISPETTATO' }],
          incontri: [],
        },
      });
      await consegnaCasi(sg.handle, [corretto]);
      const [napoli] = await leggi(MADRE);
      expect(napoli).toEqual({
        ruoloNelNucleo: 'RICHIEDENTE',
        attivabileLavoro: false,
        caso: {
          ...NAPOLI_LETTO,
          dataChiusura: '2025-02-28',
          stato: 'CHIUSO',
          componenti: [
            { persona: { id: MADRE }, ruolo: 'RICHIEDENTE', attivabileLavoro: false },
            { persona: { id: PADRE }, ruolo: 'CONIUGE', attivabileLavoro: true },
          ],
          analisiPreliminare: { data: '2024-02-12', esito: { codice: 'PATTO_SEMPLIFICATO', descrizione: 'Patto semplificato sulla sola analisi preliminare' } },
          quadroAnalisi: null,
          progetto: {
            tipo: 'PATTO_SEMPLIFICATO',
            dataSottoscrizione: '2024-03-01',
            obiettivi: [],
            sostegni: [{ codice: 'SEGRETARIATO_SOCIALE', descrizione: 'Segretariato sociale' }],
            impegni: [{ persona: { id: PADRE }, descrizione: 'Ricerca attiva di lavoro', scadenza: '2024-09-30', stato: 'RISPETTATO' }],
            incontri: [],
          },
        },
      });
      // The daughter left the household: the case is no longer in her cartella, and no stage of the old version is left.
      expect(await leggi(FIGLIA)).toEqual([]);
      expect(await Promise.all(['quadro_analisi', 'quadro_analisi_dimensione', 'quadro_analisi_equipe', 'incontro'].map((t) => conta(sg.handle, t, ID_NAPOLI)))).toEqual([0, 0, 0, 0]);
      // Back to the first version: exactly the first rows again.
      await consegnaCasi(sg.handle, [casoNapoli()]);
      expect(await leggi(MADRE)).toEqual([{ ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: NAPOLI_LETTO }]);
    });

    it('marks a case cancelled on C, hiding it from every read; a later insertion brings it back', async () => {
      expect(await deliverBatch(sg.url, 'casi', [{ tipoOperazione: 'C', enteCodice: 'F839', protocolloCaso: 'NA-SIP-2025-000007' }], servizio)).toEqual([{ ok: true }]);
      expect(await leggi(NONNO)).toEqual([]);
      const [riga] = await sg.handle.db.select({ annullata: casoSip.annullata, stato: casoSip.stato }).from(casoSip).where(eq(casoSip.id, ID_SFL));
      expect(riga).toEqual({ annullata: true, stato: 'ANALISI_PRELIMINARE' });
      // Cancelling again, or cancelling a case never received, changes nothing.
      expect(await annullaCasoSip(sg.handle, { enteCodice: 'F839', protocolloCaso: 'NA-SIP-2025-000007' })).toBe(1);
      expect(await annullaCasoSip(sg.handle, { enteCodice: 'F839', protocolloCaso: 'MAI-RICEVUTO' })).toBe(0);
      await consegnaCasi(sg.handle, [casoSfl()]);
      expect((await leggi(NONNO)).map((v) => (v.caso as { id: string }).id)).toEqual([ID_SFL]);
    });

    it('applies a batch in order: a cancellation after an insertion of the same case wins, and the last insertion wins', async () => {
      await consegnaCasi(sg.handle, [
        casoSfl({ misura: 'ADI' }),
        casoSfl({ misura: 'RDC' }),
        { tipoOperazione: 'C', enteCodice: 'F839', protocolloCaso: 'NA-SIP-2025-000007' },
        casoNapoli({ misura: 'REI' }),
        casoNapoli(),
      ]);
      const righe = await sg.handle.db.select({ id: casoSip.id, misura: casoSip.misura, annullata: casoSip.annullata }).from(casoSip).orderBy(asc(casoSip.id));
      expect(righe).toEqual([
        { id: ID_NAPOLI, misura: 'ADI', annullata: false },
        { id: ID_SFL, misura: 'RDC', annullata: true },
      ]);
    });

    it('stores nothing of a batch in which one case cannot be stored', async () => {
      const prima = await istantanea(sg.handle);
      const nuovo = casoSfl({ id: 'e1e1e1e1-0000-4000-8000-000000000003', protocolloCaso: 'NA-SIP-2025-000008' });
      const senzaId = casoNapoli({ personaIds: { [CF.madre]: MADRE } });
      await expect(deliverBatch(sg.url, 'casi', [nuovo, senzaId], servizio)).rejects.toThrow('il servizio ha risposto HTTP 500');
      expect(await istantanea(sg.handle)).toEqual(prima);
    });

    it('stores a batch in the same few statements whatever its size: one per table, arrays as parameters', async () => {
      const molti = Array.from({ length: 300 }, (_, i) =>
        casoNapoli({ id: `e2e2e2e2-0000-4000-8000-${String(i).padStart(12, '0')}`, protocolloCaso: `NA-MASSIVO-${i}`, enteCodice: 'F839' }),
      );
      const counting = openCountingHandle(sg.database);
      try {
        await consegnaCasi(counting, molti.slice(0, 1));
        const perUno = counting.queries.length;
        counting.queries.length = 0;
        await consegnaCasi(counting, molti);
        // Two catalogue inserts, the case upsert, four deletions, nine stage inserts, the caseload
        // (and the transaction's own statements).
        expect(counting.queries.filter((q) => /^\s*(insert|delete)/i.test(q))).toHaveLength(17);
        expect(counting.queries.length).toBe(perUno);
      } finally {
        await counting.close();
      }
      const [n] = (await sg.handle.db.select({ n: sql<number>`count(*)::int` }).from(casoSip).where(sql`${casoSip.protocolloCaso} like 'NA-MASSIVO-%'`)) as Array<{ n: number }>;
      expect(Number(n?.n)).toBe(300);
      const [imp] = (await sg.handle.db.select({ n: sql<number>`count(*)::int` }).from(impegno).innerJoin(casoSip, eq(casoSip.id, impegno.casoId)).where(sql`${casoSip.protocolloCaso} like 'NA-MASSIVO-%'`)) as Array<{ n: number }>;
      expect(Number(imp?.n)).toBe(600);
      expect((await leggi(PADRE)).length).toBe(301);
    });
  });
}
