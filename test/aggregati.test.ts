import type { DemoPrestazione } from '@casellario/demo-data';
import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

interface Cella {
  chiave: (string | null)[];
  etichetta: (string | null)[];
  persone: number | null;
  prestazioni: number | null;
  importo: number | null;
  soppressa: boolean;
  soppressione: 'PRIMARIA' | 'SECONDARIA' | null;
}
interface Conteggio {
  chiave: (string | null)[];
  etichetta: (string | null)[];
  soggetti: number | null;
  numero: number | null;
  soppressa: boolean;
  soppressione: 'PRIMARIA' | 'SECONDARIA' | null;
}
interface Tabella {
  per: string[];
  soglia: number;
  aggiornataAl: string | null;
  celle: Cella[];
  margini: Cella[];
  totale: Cella;
}

const CELLA = 'chiave etichetta persone prestazioni importo soppressa soppressione';
const TABELLA = /* GraphQL */ `
  query ($filtro: FiltroAggregati, $per: [DimensioneAggregato!]!) {
    psa: aggregatiPrestazioniAgevolate(filtro: $filtro, per: $per) { per soglia aggiornataAl celle { ${CELLA} } margini { ${CELLA} } totale { ${CELLA} } }
    ps: aggregatiPrestazioniSociali(filtro: $filtro, per: $per) { per soglia aggiornataAl celle { ${CELLA} } margini { ${CELLA} } totale { ${CELLA} } }
  }
`;

/** What the cube must say, computed here from the demo data set without SQL. */
function expected(prestazioni: DemoPrestazione[], provaMezzi: string[], anno: number, keyOf: (p: DemoPrestazione) => string, where: (p: DemoPrestazione) => boolean = () => true) {
  const cells = new Map<string, { persone: Set<string>; prestazioni: number; importo: number }>();
  for (const p of prestazioni) {
    if (!provaMezzi.includes(p.presenzaProvaMezzi) || p.tipoOperazione === 'C' || !where(p)) continue;
    const data = p.dataInizioPrestazione ?? p.dataErogazionePrestazione!;
    if (Number(data.slice(0, 4)) !== anno) continue;
    const key = keyOf(p);
    const c = cells.get(key) ?? { persone: new Set<string>(), prestazioni: 0, importo: 0 };
    c.persone.add(p.personaId);
    c.prestazioni += 1;
    c.importo += importo(p);
    cells.set(key, c);
  }
  return new Map([...cells].map(([k, c]) => [k, { persone: c.persone.size, prestazioni: c.prestazioni, importo: Math.round(c.importo * 100) / 100 }]));
}

/** A benefit's amount as docs/aggregati.md defines it. */
function importo(p: DemoPrestazione): number {
  if (p.importoPrestazione) return Number(p.importoPrestazione);
  if (!p.importoMensile) return 0;
  const start = p.dataInizioPrestazione!;
  const end = p.dataFinePrestazione ?? `${start.slice(0, 4)}-12-31`;
  const mesi = p.periodoErogazione ?? Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  return Number(p.importoMensile) * mesi;
}

/** Every benefit's year appears in the data: the busiest one makes the fullest tables. */
function busiestYear(prestazioni: DemoPrestazione[]): number {
  const years = new Map<number, number>();
  for (const p of prestazioni) {
    const y = Number((p.dataInizioPrestazione ?? p.dataErogazionePrestazione!).slice(0, 4));
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  return [...years].sort((a, b) => b[1] - a[1])[0]![0];
}

function checkAgainst(t: Tabella, exp: Map<string, { persone: number; prestazioni: number; importo: number }>) {
  expect(t.celle.map((c) => c.chiave[0]).sort()).toEqual([...exp.keys()].sort());
  for (const c of t.celle) {
    const e = exp.get(c.chiave[0]!)!;
    if (c.soppressa) {
      expect([c.persone, c.prestazioni, c.importo]).toEqual([null, null, null]);
      if (e.persone < t.soglia) expect(c.soppressione).toBe('PRIMARIA');
    } else {
      expect(e.persone).toBeGreaterThanOrEqual(t.soglia);
      expect({ persone: c.persone, prestazioni: c.prestazioni, importo: c.importo }).toEqual(e);
    }
  }
  // One withheld cell beside a published total would be given away by subtraction.
  const withheld = t.celle.filter((c) => c.soppressa).length;
  if (!t.totale.soppressa) expect(withheld).not.toBe(1);
}

/**
 * Aggregates through the gateway (docs/aggregati.md): the figures are those of the
 * demo data set computed here independently, small cells withheld; programmazione
 * reads its own territory and nothing else; the other purposes are refused.
 */
for (const backend of databaseBackends()) {
  describe(`aggregates through the gateway on ${backend}`, () => {
    let tp: TestPlatform;
    let anno: number;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      anno = busiestYear(tp.dataset.prestazioni);
    });
    afterAll(() => tp?.stop());

    const ask = async (token: Promise<string>, variables: Record<string, unknown>) =>
      graphqlRequest<{ psa: Tabella | null; ps: Tabella | null }>(tp.gatewayUrl, TABELLA, { token: await token, variables });

    it('monitoraggio: national figures by area di utenza and by code equal the data set, small cells withheld', async () => {
      const byArea = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per: ['AREA_UTENZA'] });
      expect(byArea.errors).toBeUndefined();
      const psa = byArea.data!.psa!;
      expect(psa.soglia).toBe(5);
      expect(psa.aggiornataAl).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      checkAgainst(psa, expected(tp.dataset.prestazioni, ['1', '3'], anno, (p) => p.areaUtenza ?? 'ND'));
      checkAgainst(byArea.data!.ps!, expected(tp.dataset.prestazioni, ['2', '4'], anno, (p) => p.areaUtenza ?? 'ND'));
      expect(psa.celle.find((c) => c.chiave[0] === '3')?.etichetta).toEqual(['Povertà ed esclusione sociale']);

      const byCode = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per: ['CODICE_PRESTAZIONE'] });
      const ps = byCode.data!.ps!;
      checkAgainst(ps, expected(tp.dataset.prestazioni, ['2', '4'], anno, (p) => p.codicePrestazione));
      // The total counts persons once however many codes they hold.
      const all = expected(tp.dataset.prestazioni, ['2', '4'], anno, () => 'tutto').get('tutto')!;
      expect({ persone: ps.totale.persone, prestazioni: ps.totale.prestazioni, importo: ps.totale.importo }).toEqual(all);
      expect(ps.celle.reduce((s, c) => s + (c.persone ?? 0), 0)).toBeGreaterThan(0);
    });

    it('programmazione of Lazio: by comune, only its own comuni, and the region total', async () => {
      const r = await ask(ROLE_TOKENS.programmazione('12'), { filtro: { anno }, per: ['COMUNE'] });
      expect(r.errors).toBeUndefined();
      const ps = r.data!.ps!;
      const exp = expected(tp.dataset.prestazioni, ['2', '4'], anno, (p) => p.codiceComuneResidenza!, (p) => p.codiceRegioneResidenza === '12');
      checkAgainst(ps, exp);
      expect(ps.celle.every((c) => c.chiave[0]!.startsWith('058') || c.chiave[0]!.startsWith('059') || c.chiave[0]!.startsWith('060') || c.chiave[0]!.startsWith('056') || c.chiave[0]!.startsWith('057'))).toBe(true);
      const roma = ps.celle.find((c) => c.chiave[0] === '058091');
      expect(roma?.etichetta).toEqual(['Roma']);
      const lazio = expected(tp.dataset.prestazioni, ['2', '4'], anno, () => 'lazio', (p) => p.codiceRegioneResidenza === '12').get('lazio')!;
      expect(ps.totale.persone).toBe(lazio.persone);
    });

    it('programmazione cannot read another region, neither by filter nor by alias', async () => {
      const other = await ask(ROLE_TOKENS.programmazione('12'), { filtro: { anno, codiceRegione: '03' }, per: ['CODICE_PRESTAZIONE'] });
      expect(other.data).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(other)).not.toMatch(/"persone":\d/);

      const aliased = await graphqlRequest<Record<string, Tabella | null>>(
        tp.gatewayUrl,
        `query ($anno: Int) { mio: aggregatiPrestazioniSociali(filtro: { anno: $anno }, per: [AREA_UTENZA]) { totale { persone } } altrui: aggregatiPrestazioniSociali(filtro: { anno: $anno, codiceComune: "015146" }, per: [AREA_UTENZA]) { totale { persone } } }`,
        { token: await ROLE_TOKENS.programmazione('12'), variables: { anno } },
      );
      // Milan (015146) is not in Lazio: the region is forced to 12, so nothing of Milan can match.
      expect(aliased.data?.altrui?.totale.persone ?? 0).toBe(0);
      expect(aliased.data?.mio?.totale.persone).toBeGreaterThan(0);
    });

    it('2-D tables withhold small cells and enough others that no row, column or margin gives one away', async () => {
      const pairs = [
        ['AREA_UTENZA', 'GENERE'],
        ['REGIONE', 'AREA_UTENZA'],
        ['AREA_UTENZA', 'FASCIA_ETA'],
        ['CODICE_PRESTAZIONE', 'GENERE'],
      ];
      let withSecondary: { per: string[]; t: Tabella; component: 'psa' | 'ps' } | null = null;
      for (const per of pairs) {
        const r = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per });
        expect(r.errors).toBeUndefined();
        for (const component of ['psa', 'ps'] as const) {
          const t = r.data![component]!;
          for (const e of [...t.celle, ...t.margini, t.totale]) if (!e.soppressa) expect(e.persone).toBeGreaterThanOrEqual(5);
          // Along every row and column with its margin: zero or at least two withheld entries.
          for (const axis of [0, 1]) {
            for (const m of t.margini.filter((x) => x.chiave[axis] !== null)) {
              const line = [...t.celle.filter((c) => c.chiave[axis] === m.chiave[axis]), m];
              expect(line.filter((c) => c.soppressa).length).not.toBe(1);
              // Published records add up along each fully published line.
              if (line.every((c) => !c.soppressa)) expect(line.slice(0, -1).reduce((s, c) => s + c.prestazioni!, 0)).toBe(m.prestazioni);
            }
          }
          if (!withSecondary && t.celle.some((c) => c.soppressione === 'SECONDARIA')) withSecondary = { per, t, component };
        }
      }
      // The demo data are sparse enough that some table needs secondary suppression.
      expect(withSecondary).not.toBeNull();
      const { per, t, component } = withSecondary!;
      expect(t.celle.some((c) => c.soppressione === 'PRIMARIA')).toBe(true);
      // Asked the other way round: the same cells withheld.
      const swapped = (await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per: [...per].reverse() })).data![component]!;
      const pattern = (cells: Cella[], flip: boolean) => cells.map((c) => `${(flip ? [...c.chiave].reverse() : c.chiave).join('|')}:${c.soppressa}`).sort();
      expect(pattern(swapped.celle, true)).toEqual(pattern(t.celle, false));
    });

    it('a cell withheld in one table stays withheld where it is the total of another (comune, region, year)', async () => {
      const pairs: Array<{ parent: Record<string, unknown>; dim: string; child: (key: string) => Record<string, unknown>; token: () => Promise<string> }> = [
        { parent: { filtro: { anno }, per: ['COMUNE'] }, dim: 'COMUNE', child: (c) => ({ filtro: { anno, codiceComune: c }, per: ['AREA_UTENZA'] }), token: () => ROLE_TOKENS.programmazione('12') },
        { parent: { filtro: { anno }, per: ['REGIONE'] }, dim: 'REGIONE', child: (r) => ({ filtro: { anno, codiceRegione: r }, per: ['GENERE'] }), token: () => ROLE_TOKENS.monitoraggio() },
        { parent: { per: ['ANNO'] }, dim: 'ANNO', child: (y) => ({ filtro: { anno: Number(y) }, per: ['FASCIA_ETA'] }), token: () => ROLE_TOKENS.monitoraggio() },
      ];
      // (subgraphs/prestazioni-sociali/test/aggregati-cubo.test.ts builds the case where it matters on purpose.)
      let checked = 0;
      for (const { parent, child, token } of pairs) {
        const p = (await ask(token(), parent)).data!;
        for (const component of ['psa', 'ps'] as const) {
          for (const cell of p[component]!.celle) {
            if (cell.chiave[0] === 'ND') continue;
            const c = await ask(token(), child(cell.chiave[0]!));
            expect(c.errors).toBeUndefined();
            const totale = c.data![component]!.totale;
            // The same figure wherever it is published, withheld wherever it is withheld.
            expect(totale.soppressa).toBe(cell.soppressa);
            if (!cell.soppressa) expect([totale.persone, totale.prestazioni, totale.importo]).toEqual([cell.persone, cell.prestazioni, cell.importo]);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('by month and over the years; a month without a year is refused in words', async () => {
      const mesi = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per: ['MESE'] });
      const exp = expected(tp.dataset.prestazioni, ['2', '4'], anno, (p) => (p.dataInizioPrestazione ?? p.dataErogazionePrestazione!).slice(5, 7));
      checkAgainst(mesi.data!.ps!, exp);
      const anni = await ask(ROLE_TOKENS.monitoraggio(), { per: ['ANNO'] });
      expect(anni.errors).toBeUndefined();
      expect(anni.data!.ps!.celle.map((c) => c.chiave[0])).toContain(String(anno));

      const bad = await ask(ROLE_TOKENS.monitoraggio(), { per: ['MESE'] });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toContain('MESE richiede filtro.anno');
      const three = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno }, per: ['MESE', 'GENERE', 'AREA_UTENZA'] });
      expect(three.errors?.[0]?.message).toContain('Al più due dimensioni');
    });

    it('SINA levels and SINBA case events, from the data set, small cells withheld', async () => {
      const CONTI = 'chiave etichetta soggetti numero soppressa soppressione';
      const r = await graphqlRequest<{ sina: { celle: Conteggio[]; totale: Conteggio; soglia: number }; sinba: { celle: Conteggio[]; totale: Conteggio } }>(
        tp.gatewayUrl,
        `{ sina: aggregatiValutazioniSina(per: [MOBILITA]) { soglia celle { ${CONTI} } totale { ${CONTI} } }
           sinba: aggregatiEventiSinba(per: [EVENTO]) { celle { ${CONTI} } totale { ${CONTI} } } }`,
        { token: await ROLE_TOKENS.monitoraggio() },
      );
      expect(r.errors).toBeUndefined();
      const cancelled = new Set(tp.dataset.prestazioni.filter((p) => p.tipoOperazione === 'C').map((p) => p.id));
      const valutazioni = tp.dataset.valutazioniSina.filter((v) => !cancelled.has(v.prestazioneId));
      const byLevel = new Map<string, { persone: Set<string>; numero: number }>();
      for (const v of valutazioni) {
        const c = byLevel.get(v.mobilita) ?? { persone: new Set<string>(), numero: 0 };
        c.persone.add(v.personaId);
        c.numero++;
        byLevel.set(v.mobilita, c);
      }
      const sina = r.data!.sina;
      expect(sina.celle.map((c) => c.chiave[0]).sort()).toEqual([...byLevel.keys()].sort());
      for (const c of sina.celle) {
        const e = byLevel.get(c.chiave[0]!)!;
        if (c.soppressa) expect(c.soggetti).toBeNull();
        else expect([c.soggetti, c.numero]).toEqual([e.persone.size, e.numero]);
      }
      expect(sina.celle.find((c) => c.chiave[0] === '1')?.etichetta).toEqual(['si sposta da solo']);
      expect(sina.totale.numero).toBe(valutazioni.length);
      expect(sina.totale.soggetti).toBe(new Set(valutazioni.map((v) => v.personaId)).size);

      const casi = tp.dataset.casiSinba;
      const sinba = r.data!.sinba;
      const cell = (evento: string) => sinba.celle.find((c) => c.chiave[0] === evento)!;
      const bambini = new Set(casi.map((c) => `${c.enteCodice}:${c.idBeneficiario}`)).size;
      // Every case has its first report; the demo data set of the tests has few cases, perhaps fewer than k.
      if (bambini < 5) expect(cell('SEGNALAZIONE')).toMatchObject({ soppressa: true, soppressione: 'PRIMARIA', numero: null });
      else expect([cell('SEGNALAZIONE').numero, cell('SEGNALAZIONE').soggetti]).toEqual([casi.length, bambini]);
      const affidi = casi.filter((c) => c.attributi.formaInterventoAffido).length;
      const affido = sinba.celle.find((c) => c.chiave[0] === 'AFFIDO');
      if (affidi === 0) expect(affido).toBeUndefined();
      else if (affido!.soppressa) expect(affidi < 5 || affido!.soppressione === 'SECONDARIA').toBe(true);
      else expect(affido!.numero).toBe(affidi);
      for (const c of [...sinba.celle, sinba.totale]) if (!c.soppressa) expect(c.soggetti).toBeGreaterThanOrEqual(5);

      // The same purposes only: gestione gets FORBIDDEN here too.
      const g = await graphqlRequest<unknown>(tp.gatewayUrl, `{ aggregatiEventiSinba(per: [EVENTO]) { totale { numero } } }`, { token: await ROLE_TOKENS.gestione('H501') });
      expect(g.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('gestione, controllo and audit get FORBIDDEN and no figure', async () => {
      for (const token of [ROLE_TOKENS.gestione('H501'), ROLE_TOKENS.audit()]) {
        const r = await ask(token, { filtro: { anno }, per: ['AREA_UTENZA'] });
        expect(r.data).toBeNull();
        expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      }
      const controllo = await graphqlRequest<unknown>(tp.gatewayUrl, TABELLA, { token: await ROLE_TOKENS.controllo('GDF'), variables: { filtro: { anno }, per: ['AREA_UTENZA'] } });
      expect(controllo.data).toBeNull();
      expect(controllo.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    });
  });
}
