import { buildSecuredSchema, securedPermissions } from '@casellario/kit';
import { databaseBackends, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, startTestSubgraph, type GraphQLResult, type TestSubgraph } from '@casellario/kit/testing';
import { fieldsWithoutRule } from '@casellario/policies';
import { eq, sql } from 'drizzle-orm';
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTI_SINBA, casoSinbaRow } from '../src/db/caso-sinba-row';
import { upsertCasiSinba } from '../src/db/queries';
import { casoSinba } from '../src/db/schema';
import { sinbaSubgraph } from '../src/index';
import { definition } from '../src/schema';
import {
  fixture,
  LATINA,
  MILANO,
  MILANO_OMONIMO,
  ORDINE_ELENCO,
  ROMA_2,
  ROMA_3,
  ROMA_4,
  ROMA_ANNULLATO,
  ROMA_COMPLETO,
  ROMA_RIPRESO,
} from './fixture';

const CASO_FIELDS = /* GraphQL */ `
  id idBeneficiario enteErogatore { codice } codiceComuneEnte codiceRegioneEnte
  minore {
    annoNascita fasciaEta minoreStranieroNonAccompagnato condizione luogoVita scuolaFrequentata
    condizioneLavoro disabilita tipoDisabilita certificazioneInvalidita codiceRegioneResidenza codiceNazioneResidenza
  }
  famiglia {
    padre { codiceCittadinanza codiceRegioneResidenza titoloStudio occupazione }
    madre { codiceCittadinanza codiceRegioneResidenza titoloStudio occupazione }
  }
  composizioneFamiglia
  condizioneEconomica { numeroComponentiIsee fasciaIsee }
  segnalazione { dataPrimaSegnalazione fonte segnalazioneAutoritaGiudiziaria dataSegnalazioneAutoritaGiudiziaria }
  valutazione { minore famiglia }
  provvedimentoGiudiziario { presente data autorita potestaTutela tipo }
  affido { forma tipo durata carattere esito }
  inserimentoResidenziale { carattere forma tipo esito }
  collaborazioniInterventi chiuso
  chiusura { motivazione situazione }
  prestazioni annullata
`;

/** ROMA_COMPLETO as gestione sees it: every attribute of the flow, mapped. */
const ROMA_COMPLETO_GESTIONE = {
  id: ROMA_COMPLETO.id,
  idBeneficiario: 'RM-0001',
  enteErogatore: { codice: 'H501' },
  codiceComuneEnte: '058091',
  codiceRegioneEnte: '12',
  minore: {
    annoNascita: 2007,
    fasciaEta: 'ANNI_15_18',
    minoreStranieroNonAccompagnato: false,
    condizione: 'ORFANO_PADRE',
    luogoVita: 'STRUTTURA_RESIDENZIALE_SOCIALE',
    scuolaFrequentata: 'SECONDARIA_PRIMO_GRADO',
    condizioneLavoro: 'INATTIVO',
    disabilita: true,
    tipoDisabilita: 'PSICHICA',
    certificazioneInvalidita: 'CERTIFICAZIONE_NPI',
    codiceRegioneResidenza: '12',
    codiceNazioneResidenza: '380',
  },
  famiglia: {
    padre: { codiceCittadinanza: '380', codiceRegioneResidenza: '12', titoloStudio: 'LICENZA_MEDIA', occupazione: 'INABILE_AL_LAVORO' },
    madre: { codiceCittadinanza: '642', codiceRegioneResidenza: '03', titoloStudio: 'DIPLOMA_SUPERIORE', occupazione: 'CASALINGA' },
  },
  composizioneFamiglia: ['MADRE', 'FRATELLI_SORELLE', 'COMPAGNO_GENITORE'],
  condizioneEconomica: { numeroComponentiIsee: 4, fasciaIsee: 'DA_3000_A_6000' },
  segnalazione: { dataPrimaSegnalazione: '03/2022', fonte: 'SCUOLA', segnalazioneAutoritaGiudiziaria: true, dataSegnalazioneAutoritaGiudiziaria: '05/2022' },
  valutazione: { minore: 'ALTRA_VIOLENZA_MALTRATTAMENTO', famiglia: 'FRAGILITA_GENITORIALE' },
  provvedimentoGiudiziario: {
    presente: true,
    data: '09/2022',
    autorita: 'TRIBUNALE_MINORENNI',
    potestaTutela: 'SOSPENSIONE_POTESTA',
    tipo: 'POST_ADOZIONE_ALLONTANAMENTO_403',
  },
  affido: { forma: 'GIUDIZIARIO', tipo: 'ETEROFAMILIARE', durata: 'TEMPO_PIENO', carattere: 'RESIDENZIALE', esito: 'STRUTTURA_SOCIO_EDUCATIVA' },
  inserimentoResidenziale: { carattere: 'COMUNITARIO_SOCIO_SANITARIA_MEDIO_ALTA', forma: 'GIUDIZIARIO', tipo: 'SENZA_GENITORE', esito: 'AUTONOMIA' },
  collaborazioniInterventi: 'NPI',
  chiuso: true,
  chiusura: { motivazione: 'MAGGIORE_ETA', situazione: 'STRUTTURA_SOCIO_ASSISTENZIALE_DOPO_MAGGIORE_ETA' },
  prestazioni: ['A2.02', 'A3.02'],
  annullata: false,
};

/** ROMA_RIPRESO: only the required attributes, so every optional group is null. */
const ROMA_RIPRESO_GESTIONE = {
  id: ROMA_RIPRESO.id,
  idBeneficiario: 'RM-0001',
  enteErogatore: { codice: 'H501' },
  codiceComuneEnte: '058091',
  codiceRegioneEnte: '12',
  minore: {
    annoNascita: 2016,
    fasciaEta: 'ANNI_6_9',
    minoreStranieroNonAccompagnato: false,
    condizione: 'NON_ORFANO',
    luogoVita: 'FAMIGLIA',
    scuolaFrequentata: 'SCUOLA_PRIMARIA',
    condizioneLavoro: 'INATTIVO',
    disabilita: false,
    tipoDisabilita: null,
    certificazioneInvalidita: null,
    codiceRegioneResidenza: '12',
    codiceNazioneResidenza: '380',
  },
  famiglia: {
    padre: { codiceCittadinanza: null, codiceRegioneResidenza: null, titoloStudio: null, occupazione: null },
    madre: { codiceCittadinanza: null, codiceRegioneResidenza: null, titoloStudio: null, occupazione: null },
  },
  composizioneFamiglia: ['MADRE', 'PADRE'],
  condizioneEconomica: { numeroComponentiIsee: null, fasciaIsee: null },
  segnalazione: { dataPrimaSegnalazione: '02/2025', fonte: 'ALTRO_SERVIZIO_SOCIALE', segnalazioneAutoritaGiudiziaria: false, dataSegnalazioneAutoritaGiudiziaria: null },
  valutazione: { minore: 'PROBLEMI_RELAZIONALI_COMPORTAMENTALI', famiglia: 'DIFFICOLTA_ECONOMICHE' },
  provvedimentoGiudiziario: { presente: false, data: null, autorita: null, potestaTutela: null, tipo: null },
  affido: null,
  inserimentoResidenziale: null,
  collaborazioniInterventi: null,
  chiuso: false,
  chiusura: null,
  prestazioni: ['A2.02'],
  annullata: false,
};

const LIST = /* GraphQL */ `
  query ($filtro: FiltroCasiSinba, $primi: Int, $dopo: String) {
    elencoCasiSinba(filtro: $filtro, primi: $primi, dopo: $dopo) {
      elementi { id idBeneficiario enteErogatore { codice } minore { annoNascita fasciaEta luogoVita } segnalazione { dataPrimaSegnalazione } }
      haAltri cursoreSuccessivo
    }
  }
`;

interface ListItem {
  id: string;
  idBeneficiario: string | null;
  enteErogatore: { codice: string };
  minore: { annoNascita: number | null; fasciaEta: string; luogoVita: string };
  segnalazione: { dataPrimaSegnalazione: string };
}
interface ListData {
  elencoCasiSinba: { elementi: ListItem[]; haAltri: boolean; cursoreSuccessivo: string | null } | null;
}

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) { _entities(representations: $r) { ... on CasoSinba { id enteErogatore { codice } segnalazione { dataPrimaSegnalazione } } } }
`;
type EntitiesData = { _entities: Array<{ id: string; enteErogatore: { codice: string }; segnalazione: { dataPrimaSegnalazione: string } } | null> };

const ref = (id: string) => ({ __typename: 'CasoSinba', id });

describe('sinba shield and schema', () => {
  it('has a rule on every field of every type', () => {
    expect(fieldsWithoutRule(buildSecuredSchema(definition), securedPermissions(definition))).toEqual([]);
  });

  it('has no type, field or argument that could join a person', () => {
    const schema = buildSecuredSchema(definition);
    const personLike = /persona|person|codice_?fiscale|^cf$|cognome|^nome$|anagrafica/i;
    const offending: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (personLike.test(type.name)) offending.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (personLike.test(field.name)) offending.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (personLike.test(arg.name)) offending.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(offending).toEqual([]);
    expect(schema.getType('Persona')).toBeUndefined();
    // The only entity is the case itself; the Ente stub is not resolvable here.
    expect(definition.typeDefs.definitions.flatMap((d) => ('directives' in d && d.directives?.some((x) => x.name.value === 'key') && 'name' in d ? [d.name?.value] : []))).toEqual([
      'Ente',
      'CasoSinba',
    ]);
  });

  it('the fixture exercises every attribute of SinbaType', () => {
    const keys = new Set(Object.keys(ROMA_COMPLETO.attributi).map((k) => k.toLowerCase()));
    expect(Object.keys(ATTRIBUTI_SINBA).filter((a) => !keys.has(a.toLowerCase()))).toEqual([]);
    expect(Object.keys(ATTRIBUTI_SINBA)).toHaveLength(45);
  });
});

for (const backend of databaseBackends()) {
  describe(`sinba on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(sinbaSubgraph, backend, async (h) => {
        await sinbaSubgraph.loadDemo(h, fixture);
        // SINBA has no TipoOperazione: withdrawal comes from the flows component later; mark one by hand.
        await h.db.update(casoSinba).set({ annullata: true }).where(eq(casoSinba.id, ROMA_ANNULLATO.id));
      });
    });
    afterAll(() => sg?.stop());

    it('gives gestione its own cases by IDBeneficiario, with every attribute mapped', async () => {
      const r = await graphqlRequest<{ casoSinba: unknown[] }>(sg.url, `query ($id: String!) { casoSinba(idBeneficiario: $id) { ${CASO_FIELDS} } }`, {
        token: await ROLE_TOKENS.gestione('H501'),
        variables: { id: 'RM-0001' },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?.casoSinba).toEqual([ROMA_COMPLETO_GESTIONE, ROMA_RIPRESO_GESTIONE]);
    });

    it('finds nothing for another ente’s IDBeneficiario, and only its own case when local ids coincide', async () => {
      const query = `query ($id: String!) { casoSinba(idBeneficiario: $id) { id idBeneficiario enteErogatore { codice } } }`;
      const roma = await graphqlRequest<{ casoSinba: unknown[] }>(sg.url, query, { token: await ROLE_TOKENS.gestione('H501'), variables: { id: 'MI-0001' } });
      expect(roma.errors).toBeUndefined();
      expect(roma.data?.casoSinba).toEqual([]);
      const milano = await graphqlRequest<{ casoSinba: unknown[] }>(sg.url, query, { token: await ROLE_TOKENS.gestione('F205'), variables: { id: 'RM-0001' } });
      expect(milano.data?.casoSinba).toEqual([{ id: MILANO_OMONIMO.id, idBeneficiario: 'RM-0001', enteErogatore: { codice: 'F205' } }]);
    });

    it('rejects an IDBeneficiario longer than the XSD allows without echoing it', async () => {
      const long = 'X'.repeat(21);
      const r = await graphqlRequest(sg.url, `{ casoSinba(idBeneficiario: "${long}") { id } }`, { token: await ROLE_TOKENS.gestione() });
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.message).not.toContain(long);
    });

    it('lists for gestione only its own ente’s cases, with internal ids', async () => {
      const r = await graphqlRequest<ListData>(sg.url, LIST, { token: await ROLE_TOKENS.gestione('H501') });
      expect(r.errors).toBeUndefined();
      expect(r.data?.elencoCasiSinba?.elementi.map((c) => [c.id, c.idBeneficiario, c.enteErogatore.codice])).toEqual([
        [ROMA_COMPLETO.id, 'RM-0001', 'H501'],
        [ROMA_2.id, 'RM-0002', 'H501'],
        [ROMA_3.id, 'RM-0003', 'H501'],
        [ROMA_RIPRESO.id, 'RM-0001', 'H501'],
        [ROMA_4.id, 'RM-0004', 'H501'],
      ]);
      const other = await graphqlRequest<ListData>(sg.url, LIST, { token: await ROLE_TOKENS.gestione('H501'), variables: { filtro: { enteCodice: 'F205' } } });
      expect(other.data?.elencoCasiSinba?.elementi).toEqual([]);
    });

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`gives ${ruolo} pseudonymous records: ids are ${ruolo} pseudonyms, idBeneficiario and annoNascita null + FORBIDDEN, the rest intact`, async () => {
        const token = ruolo === 'programmazione' ? await ROLE_TOKENS.programmazione('12') : await ROLE_TOKENS.monitoraggio();
        const r = await graphqlRequest<ListData>(sg.url, LIST, { token, variables: { filtro: { enteCodice: 'H501', annoPrimaSegnalazione: 2022 } } });
        expect(r.data?.elencoCasiSinba).toEqual({
          elementi: [
            {
              id: sg.codec.pseudonym(ROMA_COMPLETO.id, ROLE_AUDIENCES[ruolo]()),
              idBeneficiario: null,
              enteErogatore: { codice: 'H501' },
              minore: { annoNascita: null, fasciaEta: 'ANNI_15_18', luogoVita: 'STRUTTURA_RESIDENZIALE_SOCIALE' },
              segnalazione: { dataPrimaSegnalazione: '03/2022' },
            },
          ],
          haAltri: false,
          cursoreSuccessivo: null,
        });
        const denied = (r.errors ?? []).map((e) => `${e.extensions?.code}:${e.path?.join('.')}`).sort();
        expect(denied).toEqual(['FORBIDDEN:elencoCasiSinba.elementi.0.idBeneficiario', 'FORBIDDEN:elencoCasiSinba.elementi.0.minore.annoNascita']);
        expect(r.raw).not.toContain('RM-0001');
        expect(r.raw).not.toContain(ROMA_COMPLETO.id);
      });

      it(`refuses casoSinba(idBeneficiario:) to ${ruolo}`, async () => {
        const token = ruolo === 'programmazione' ? await ROLE_TOKENS.programmazione('12') : await ROLE_TOKENS.monitoraggio();
        const r = await graphqlRequest(sg.url, `{ casoSinba(idBeneficiario: "RM-0001") { id } }`, { token });
        expect(r.data).toEqual({ casoSinba: null });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      });
    }

    it('scopes programmazione to the cases of enti in its territory (region and comune)', async () => {
      const ids = async (token: string) =>
        (await graphqlRequest<ListData>(sg.url, LIST, { token })).data?.elencoCasiSinba?.elementi.map((c) => c.id);
      // Each audience gets its own case ids: Latina's case is not the same id for Lazio and for Latina.
      const pseudo =
        (...audience: [string, string?]) =>
        (...casi: Array<{ id: string }>) =>
          casi.map((c) => sg.codec.pseudonym(c.id, ROLE_AUDIENCES.programmazione(...audience)));
      const lazio = await ids(await ROLE_TOKENS.programmazione('12'));
      expect(lazio).toEqual(pseudo('12')(ROMA_COMPLETO, LATINA, ROMA_2, ROMA_3, ROMA_RIPRESO, ROMA_4));
      expect(await ids(await ROLE_TOKENS.programmazione('03'))).toEqual(pseudo('03')(MILANO, MILANO_OMONIMO));
      const latina = await ids(await ROLE_TOKENS.programmazione('059011', 'E472'));
      expect(latina).toEqual(pseudo('059011', 'E472')(LATINA));
      expect(lazio).not.toContain(latina?.[0]);
      // A filter naming another region cannot widen the scope.
      const crossRegion = await graphqlRequest<ListData>(sg.url, LIST, { token: await ROLE_TOKENS.programmazione('03'), variables: { filtro: { codiceRegione: '12' } } });
      expect(crossRegion.data?.elencoCasiSinba?.elementi).toEqual([]);
    });

    it('gives monitoraggio the national listing and applies every filter', async () => {
      const token = await ROLE_TOKENS.monitoraggio();
      const list = async (filtro: Record<string, unknown>) => {
        const r = await graphqlRequest<ListData>(sg.url, LIST, { token, variables: { filtro } });
        expect(r.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
        return r.data?.elencoCasiSinba?.elementi.map((c) => c.id);
      };
      const pseudo = (...casi: Array<{ id: string }>) => casi.map((c) => sg.codec.pseudonym(c.id, ROLE_AUDIENCES.monitoraggio()));
      expect(await list({})).toEqual(pseudo(...ORDINE_ELENCO));
      expect(await list({ annoPrimaSegnalazione: 2023 })).toEqual(pseudo(ROMA_2, MILANO, MILANO_OMONIMO));
      expect(await list({ codiceRegione: '03' })).toEqual(pseudo(MILANO, MILANO_OMONIMO));
      expect(await list({ enteCodice: 'E472' })).toEqual(pseudo(LATINA));
      expect(await list({ luogoVita: 'FAMIGLIA_AFFIDATARIA' })).toEqual(pseudo(MILANO_OMONIMO, ROMA_3));
      expect(await list({ provvedimentoGiudiziario: true })).toEqual(pseudo(ROMA_COMPLETO, ROMA_3));
      expect(await list({ chiuso: true })).toEqual(pseudo(ROMA_COMPLETO));
      expect(await list({ chiuso: false, codiceRegione: '12', annoPrimaSegnalazione: 2025 })).toEqual(pseudo(ROMA_RIPRESO, ROMA_4));
      expect(await list({ includiAnnullati: true, enteCodice: 'H501', annoPrimaSegnalazione: 2021 })).toEqual(pseudo(ROMA_ANNULLATO));
    });

    it('rejects malformed filters and page arguments', async () => {
      const token = await ROLE_TOKENS.monitoraggio();
      for (const variables of [{ filtro: { annoPrimaSegnalazione: 20 } }, { filtro: { codiceRegione: 'LAZIO' } }, { primi: 0 }, { dopo: 'not-a-cursor' }]) {
        const r = await graphqlRequest(sg.url, LIST, { token, variables });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    });

    it('pages with the cursor without overlap or gaps, ties on the month broken by id', async () => {
      const token = await ROLE_TOKENS.monitoraggio();
      const seen: string[] = [];
      const sizes: number[] = [];
      let dopo: string | null = null;
      for (let i = 0; i < 10; i++) {
        const r: GraphQLResult<ListData> = await graphqlRequest<ListData>(sg.url, LIST, { token, variables: { primi: 3, dopo } });
        const page = r.data?.elencoCasiSinba;
        if (!page) throw new Error('no page');
        seen.push(...page.elementi.map((c) => c.id));
        sizes.push(page.elementi.length);
        dopo = page.cursoreSuccessivo;
        expect(page.haAltri).toBe(dopo !== null);
        if (!page.haAltri) break;
      }
      expect(sizes).toEqual([3, 3, 2]);
      expect(seen).toEqual(ORDINE_ELENCO.map((c) => sg.codec.pseudonym(c.id, ROLE_AUDIENCES.monitoraggio())));
    });

    for (const [ruolo, token] of [
      ['controllo', () => ROLE_TOKENS.controllo('GDF')],
      ['controllo of a comune', () => ROLE_TOKENS.controllo('H501')],
      ['audit', () => ROLE_TOKENS.audit()],
    ] as const) {
      it(`gives ${ruolo} no SINBA access: FORBIDDEN on both root fields, nothing through _entities`, async () => {
        const t = await token();
        const caso = await graphqlRequest(sg.url, `{ casoSinba(idBeneficiario: "RM-0001") { id idBeneficiario } }`, { token: t });
        expect(caso.data).toEqual({ casoSinba: null });
        expect(caso.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        const list = await graphqlRequest(sg.url, `{ elencoCasiSinba { elementi { id } haAltri } }`, { token: t });
        expect(list.data).toBeNull();
        expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        const entities = await graphqlRequest<EntitiesData>(sg.url, ENTITIES, { token: t, variables: { r: [ref(ROMA_COMPLETO.id)] } });
        expect(entities.data?._entities).toEqual([null]);
        expect(entities.raw).not.toContain('H501');
      });
    }

    it('resolves CasoSinba entities for gestione by internal id, only for its own ente', async () => {
      const r = await graphqlRequest<EntitiesData>(sg.url, ENTITIES, {
        token: await ROLE_TOKENS.gestione('H501'),
        variables: { r: [ref(ROMA_COMPLETO.id), ref(MILANO.id), ref(sg.codec.pseudonym(ROMA_2.id, ROLE_AUDIENCES.programmazione()))] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([{ id: ROMA_COMPLETO.id, enteErogatore: { codice: 'H501' }, segnalazione: { dataPrimaSegnalazione: '03/2022' } }, null, null]);
    });

    it('resolves programmazione pseudonyms inside its territory only, and never an internal id or the other audience’s pseudonym', async () => {
      const r = await graphqlRequest<EntitiesData>(sg.url, ENTITIES, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: {
          r: [
            ref(sg.codec.pseudonym(LATINA.id, ROLE_AUDIENCES.programmazione())),
            ref(sg.codec.pseudonym(MILANO.id, ROLE_AUDIENCES.programmazione())),
            ref(LATINA.id),
            ref(sg.codec.pseudonym(LATINA.id, ROLE_AUDIENCES.monitoraggio())),
            // The same purpose, another audience (the comune of Latina): not Lazio's id.
            ref(sg.codec.pseudonym(LATINA.id, ROLE_AUDIENCES.programmazione('059011', 'E472'))),
          ],
        },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([
        { id: sg.codec.pseudonym(LATINA.id, ROLE_AUDIENCES.programmazione()), enteErogatore: { codice: 'E472' }, segnalazione: { dataPrimaSegnalazione: '11/2022' } },
        null,
        null,
        null,
        null,
      ]);
    });

    it('resolves monitoraggio pseudonyms nationally, with idBeneficiario null + FORBIDDEN', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(
        sg.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CasoSinba { id idBeneficiario codiceRegioneEnte } } }`,
        {
          token: await ROLE_TOKENS.monitoraggio(),
          variables: { r: [ref(sg.codec.pseudonym(MILANO.id, ROLE_AUDIENCES.monitoraggio())), ref(MILANO.id)] },
        },
      );
      expect(r.data?._entities).toEqual([{ id: sg.codec.pseudonym(MILANO.id, ROLE_AUDIENCES.monitoraggio()), idBeneficiario: null, codiceRegioneEnte: '03' }, null]);
      expect(r.errors?.map((e) => `${e.extensions?.code}:${e.path?.join('.')}`)).toEqual(['FORBIDDEN:_entities.0.idBeneficiario']);
    });

    it('refuses requests without a token before running anything', async () => {
      const r = await graphqlRequest(sg.url, '{ elencoCasiSinba { haAltri } }');
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    // Last: it changes a stored case.
    it('delivers idempotently on (ente, IDBeneficiario, first report): a resend changes nothing, a new snapshot replaces the case and keeps its id', async () => {
      const count = async () => (await sg.handle.rows<{ n: number }>(sql`select count(*)::int as n from sinba.caso_sinba`))[0]?.n;
      const stamp = async () =>
        (await sg.handle.db.select({ updatedAt: casoSinba.updatedAt }).from(casoSinba).where(eq(casoSinba.id, ROMA_2.id)))[0]?.updatedAt?.toISOString();
      const before = await stamp();
      await sinbaSubgraph.loadDemo(sg.handle, fixture);
      expect(await count()).toBe(fixture.casiSinba.length);
      expect(await stamp()).toBe(before);

      const chiuso = { ...ROMA_2, id: undefined, attributi: { ...ROMA_2.attributi, motivazioneChiusuraCarico: '4', situazioneChiusuraCarico: '1' } };
      await upsertCasiSinba(sg.handle, [casoSinbaRow(chiuso, { codiceComune: '058091', codiceRegione: '12' })]);
      expect(await count()).toBe(fixture.casiSinba.length);
      const r = await graphqlRequest<{ casoSinba: unknown[] }>(sg.url, `{ casoSinba(idBeneficiario: "RM-0002") { id chiuso chiusura { motivazione situazione } } }`, {
        token: await ROLE_TOKENS.gestione('H501'),
      });
      expect(r.data?.casoSinba).toEqual([{ id: ROMA_2.id, chiuso: true, chiusura: { motivazione: 'BISOGNO_RISOLTO', situazione: 'FAMIGLIA_ORIGINE' } }]);
    });
  });
}
