/**
 * The enti erogatori of the synthetic data set and the territory tables the
 * generator draws from. The choice of comuni is fixed (not seeded) so that
 * tokens and examples naming an ente work with every data set.
 */
import { allComuni, comuneByBelfiore, comuniOfRegione, regioneByCodice } from '@casellario/domain';
import type { Comune } from '@casellario/domain';
import { WeightedTable } from './random';
import type { DemoEnte } from './types';

/** Regions whose comuni are enti (ISTAT codes): Piemonte, Lombardia, Toscana, Lazio, Campania, Puglia, Sicilia. */
export const REGIONI_ENTI = ['01', '03', '09', '12', '15', '16', '19'] as const;
/** Regions that are enti themselves (`R` + ISTAT code). */
export const REGIONI_EROGATRICI = ['12', '03'] as const;
/** Seat of each region that is an ente: the regional capital. */
const CAPOLUOGHI: Readonly<Record<string, string>> = { '12': 'H501', '03': 'F205' };

const LARGEST_PER_REGION = 6;
const SMALL_PER_REGION = 4;
/** Below this population a comune counts as small: the cells where quasi-identifiers bite. */
const SMALL_POPULATION = 3000;

export interface Territory {
  enti: DemoEnte[];
  /** The comuni that are enti, where every synthetic person lives. */
  comuniEnti: Comune[];
  residence: WeightedTable<Comune>;
  /** Every Italian comune weighted by population, for birthplaces outside the region. */
  birthplaceItaly: WeightedTable<Comune>;
  /** Per region, its comuni weighted by population. */
  birthplaceByRegione: Map<string, WeightedTable<Comune>>;
}

function requireComune(belfiore: string): Comune {
  const c = comuneByBelfiore(belfiore);
  if (!c) throw new Error(`comune ${belfiore} missing from the territory table`);
  return c;
}

/**
 * Picks, for each region of REGIONI_ENTI, its six most populous comuni and four
 * small ones (population under 3,000, evenly spaced in ISTAT order), so the data
 * set has both big caseloads and small cells.
 */
export function selectComuniEnti(): Comune[] {
  const chosen: Comune[] = [];
  for (const regione of REGIONI_ENTI) {
    const comuni = comuniOfRegione(regione);
    const largest = [...comuni].sort((a, b) => b.popolazione - a.popolazione || a.istat.localeCompare(b.istat)).slice(0, LARGEST_PER_REGION);
    const small = comuni.filter((c) => c.popolazione < SMALL_POPULATION);
    const picks: Comune[] = [];
    for (let k = 0; k < SMALL_PER_REGION && small.length > 0; k++) {
      const c = small[Math.floor(((k + 0.5) * small.length) / SMALL_PER_REGION)];
      if (c) picks.push(c);
    }
    chosen.push(...largest, ...picks);
  }
  return chosen;
}

let cached: Territory | undefined;

/** Builds (once) the enti list and the weighted territory tables. */
export function territory(): Territory {
  if (cached) return cached;
  const comuniEnti = selectComuniEnti();
  const enti: DemoEnte[] = comuniEnti.map((c) => ({
    codice: c.belfiore,
    denominazione: `Comune di ${c.nome}`,
    tipo: 'COMUNE',
    belfiore: c.belfiore,
    codiceComune: c.istat,
    codiceRegione: c.codiceRegione,
  }));
  for (const r of REGIONI_EROGATRICI) {
    const seat = requireComune(CAPOLUOGHI[r] ?? '');
    enti.push({
      codice: `R${r}`,
      denominazione: `Regione ${regioneByCodice(r)?.nome ?? r}`,
      tipo: 'REGIONE',
      belfiore: seat.belfiore,
      codiceComune: seat.istat,
      codiceRegione: r,
    });
  }
  const roma = requireComune('H501');
  enti.push({
    codice: 'INPS',
    denominazione: 'Istituto Nazionale della Previdenza Sociale',
    tipo: 'NAZIONALE',
    belfiore: roma.belfiore,
    codiceComune: roma.istat,
    codiceRegione: roma.codiceRegione,
  });

  const birthplaceByRegione = new Map<string, WeightedTable<Comune>>();
  for (const r of REGIONI_ENTI) {
    birthplaceByRegione.set(r, new WeightedTable(comuniOfRegione(r).map((c) => [c, c.popolazione] as const)));
  }
  cached = {
    enti,
    comuniEnti,
    residence: new WeightedTable(comuniEnti.map((c) => [c, c.popolazione] as const)),
    birthplaceItaly: new WeightedTable(allComuni().map((c) => [c, c.popolazione] as const)),
    birthplaceByRegione,
  };
  return cached;
}
