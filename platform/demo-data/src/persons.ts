/**
 * Synthetic persons: names, birth, birthplace, citizenship, addresses and the
 * codice fiscale, issued as the tax agency would: the ordinary code when it is
 * free, the next omocode when a different person already holds it, or an
 * 11-digit temporary code for a few recently registered persons.
 */
import {
  CITTADINANZA_ITALIANA,
  buildCodiceFiscale,
  buildCodiceFiscaleTemporaneo,
  omocodeVariant,
  paesiEsteri,
} from '@casellario/domain';
import type { Comune, PaeseEstero } from '@casellario/domain';
import { iso, monthDay, yearBounds, yearOf } from './calendar';
import { REFERENCE_YEAR, type GenContext, type Member, type Ruolo } from './context';
import { COGNOMI, NOMI_ESTERI, NOMI_ESTERI_GENERICI, NOMI_FEMMINILI, NOMI_MASCHILI, zipfIndex } from './names';
import { WeightedTable, uuidFrom, type Rng } from './random';
import type { DemoPersona } from './types';

/** Shares of the codes issued: omocodes and temporary codes (see README). */
export const OMOCODE_SHARE = 0.01;
export const TEMPORANEO_SHARE = 0.005;
/** The XSD pattern admits omocodia only in positions 13–15, so flows can carry levels 1–3 alone. */
const MAX_OMOCODE_LEVEL = 3;
const RECENT_ADULTS = 512;

/** Relative frequency of foreign birthplaces among foreign-born residents (ISTAT order of magnitude). */
const FOREIGN_WEIGHTS: Readonly<Record<string, number>> = {
  Z129: 20, Z100: 8, Z330: 8, Z210: 6, Z138: 5, Z222: 3, Z249: 3, Z216: 3, Z336: 3, Z236: 3,
  Z140: 2, Z343: 2, Z209: 2, Z352: 2, Z335: 2, Z611: 2, Z605: 1, Z127: 2,
};

let foreignTable: WeightedTable<PaeseEstero> | undefined;

/** Draws a foreign country of birth, weighted by how common it is among residents. */
export function drawPaeseEstero(rng: Rng): PaeseEstero {
  foreignTable ??= new WeightedTable(paesiEsteri().map((p) => [p, FOREIGN_WEIGHTS[p.belfiore] ?? 1] as const));
  return foreignTable.draw(rng);
}

function zipf<T>(rng: Rng, items: readonly T[]): T {
  return items[zipfIndex(rng.next(), items.length)] as T;
}

/** Draws a first name for a sex, Italian or from the pool of a country of origin. */
export function drawNome(rng: Rng, genere: '1' | '2', paese?: PaeseEstero): string {
  if (paese) {
    const pool = NOMI_ESTERI[paese.belfiore] ?? NOMI_ESTERI_GENERICI;
    return rng.pick(genere === '1' ? pool.maschili : pool.femminili);
  }
  return zipf(rng, genere === '1' ? NOMI_MASCHILI : NOMI_FEMMINILI);
}

/** Draws a surname, Italian or from the pool of a country of origin. */
export function drawCognome(rng: Rng, paese?: PaeseEstero): string {
  if (paese) return rng.pick((NOMI_ESTERI[paese.belfiore] ?? NOMI_ESTERI_GENERICI).cognomi);
  return zipf(rng, COGNOMI);
}

export interface PersonSpec {
  ruolo: Ruolo;
  genere: '1' | '2';
  eta: number;
  cognome: string;
  /** Country of origin of the household, when foreign. */
  paese?: PaeseEstero;
  /** Born in Italy (for children of foreign households). */
  natoInItalia: boolean;
  comune: Comune;
}

/** Draws a birthplace: mostly the comune of residence or its region, some elsewhere in Italy. */
function drawLuogoNascita(ctx: GenContext, comune: Comune): string {
  const u = ctx.rng.next();
  if (u < 0.6) return comune.belfiore;
  if (u < 0.8) return ctx.territory.birthplaceByRegione.get(comune.codiceRegione)?.draw(ctx.rng).belfiore ?? comune.belfiore;
  return ctx.territory.birthplaceItaly.draw(ctx.rng).belfiore;
}

function drawAddresses(ctx: GenContext, comune: Comune): DemoPersona['indirizzi'] {
  const residenza = { codiceRegione: comune.codiceRegione, codiceComune: comune.istat, codiceNazione: CITTADINANZA_ITALIANA };
  if (!ctx.rng.chance(0.08)) return [residenza];
  // A second address: a domicile in another comune (students, workers away from home).
  const other = ctx.territory.residence.draw(ctx.rng);
  return [residenza, { codiceRegione: other.codiceRegione, codiceComune: other.istat, codiceNazione: CITTADINANZA_ITALIANA }];
}

/**
 * Issues the codice fiscale for a person's data: the ordinary code when free,
 * otherwise the lowest free omocode level (1–3). Returns undefined when all are
 * taken, and the caller draws a different birth day.
 */
function issueOrdinaryOrOmocode(ctx: GenContext, base: string): { cf: string; omocode: boolean } | undefined {
  if (!ctx.cfs.has(base)) return { cf: base, omocode: false };
  for (let level = 1; level <= MAX_OMOCODE_LEVEL; level++) {
    const cf = omocodeVariant(base, level);
    if (!ctx.cfs.has(cf)) return { cf, omocode: true };
  }
  return undefined;
}

function issueTemporaneo(ctx: GenContext): string {
  for (;;) {
    // Seven-digit progressive and a three-digit office code, as the 11-digit codes are laid out.
    const first10 = String(ctx.rng.range(0, 9_999_999)).padStart(7, '0') + String(ctx.rng.range(1, 100)).padStart(3, '0');
    const cf = buildCodiceFiscaleTemporaneo(first10);
    if (!ctx.cfs.has(cf)) return cf;
  }
}

function wantsTemporaneo(ctx: GenContext, foreignBorn: boolean, eta: number): boolean {
  const { persone, temporanei } = ctx.counts;
  if (temporanei >= (persone + 1) * TEMPORANEO_SHARE) return false;
  // Temporary codes go mostly to adults recently registered from abroad.
  return foreignBorn && eta >= 18 ? ctx.rng.chance(0.5) : ctx.rng.chance(0.01);
}

interface Identity {
  cognome: string;
  nome: string;
  genere: '1' | '2';
  birthDay: number;
  luogoNascita: string;
}

function codeFor(identity: Identity): string {
  const [mese, giorno] = monthDay(identity.birthDay);
  return buildCodiceFiscale({
    cognome: identity.cognome,
    nome: identity.nome,
    annoNascita: yearOf(identity.birthDay),
    mese,
    giorno,
    genere: identity.genere,
    belfiore: identity.luogoNascita,
  });
}

function register(ctx: GenContext, member: Member, kind: 'ORDINARIO' | 'OMOCODICE' | 'TEMPORANEO'): Member {
  ctx.cfs.add(member.persona.codiceFiscale);
  ctx.counts.persone++;
  if (kind === 'OMOCODICE') ctx.counts.omocodici++;
  if (kind === 'TEMPORANEO') ctx.counts.temporanei++;
  if (kind === 'ORDINARIO' && REFERENCE_YEAR - member.birthYear >= 18) {
    ctx.recentAdults.push(member);
    if (ctx.recentAdults.length > RECENT_ADULTS) ctx.recentAdults.shift();
  }
  return member;
}

function buildMember(ctx: GenContext, identity: Identity, spec: Omit<PersonSpec, 'cognome' | 'eta' | 'genere' | 'natoInItalia'>, foreignBorn: boolean): Member {
  const { rng } = ctx;
  const birthYear = yearOf(identity.birthDay);
  const eta = REFERENCE_YEAR - birthYear;
  let codiceCittadinanza = CITTADINANZA_ITALIANA;
  let codiceSecondaCittadinanza: string | undefined;
  if (spec.paese) {
    // Some adults born abroad have become Italian; Italy-born children mostly keep their parents' citizenship.
    const naturalised = foreignBorn ? eta >= 18 && rng.chance(0.25) : rng.chance(0.2);
    if (naturalised) codiceSecondaCittadinanza = spec.paese.codiceIso;
    else codiceCittadinanza = spec.paese.codiceIso;
  }
  const persona: DemoPersona = {
    id: uuidFrom(rng),
    codiceFiscale: '',
    cognome: identity.cognome,
    nome: identity.nome,
    annoNascita: String(birthYear),
    luogoNascita: identity.luogoNascita,
    genere: identity.genere,
    codiceCittadinanza,
    indirizzi: drawAddresses(ctx, spec.comune),
    dataNascita: iso(identity.birthDay),
  };
  if (codiceSecondaCittadinanza) persona.codiceSecondaCittadinanza = codiceSecondaCittadinanza;
  return { persona, birthDay: identity.birthDay, birthYear, ruolo: spec.ruolo, comune: spec.comune, disabled: false };
}

/** Draws a complete person for a household slot and issues their codice fiscale. */
export function makePerson(ctx: GenContext, spec: PersonSpec): Member {
  const { rng } = ctx;
  const birthYear = REFERENCE_YEAR - spec.eta;
  const foreignBorn = spec.paese !== undefined && !spec.natoInItalia;
  const luogoNascita = foreignBorn && spec.paese ? spec.paese.belfiore : drawLuogoNascita(ctx, spec.comune);
  const identity: Identity = {
    cognome: spec.cognome,
    nome: drawNome(rng, spec.genere, spec.natoInItalia && spec.paese && rng.chance(0.3) ? undefined : spec.paese),
    genere: spec.genere,
    birthDay: 0,
    luogoNascita,
  };
  const [y0, y1] = yearBounds(birthYear);
  const temporaneo = wantsTemporaneo(ctx, foreignBorn, spec.eta);
  for (;;) {
    identity.birthDay = rng.range(y0, y1);
    const member = buildMember(ctx, identity, spec, foreignBorn);
    if (temporaneo) {
      member.persona.codiceFiscale = issueTemporaneo(ctx);
      return register(ctx, member, 'TEMPORANEO');
    }
    const issued = issueOrdinaryOrOmocode(ctx, codeFor(identity));
    if (issued) {
      member.persona.codiceFiscale = issued.cf;
      return register(ctx, member, issued.omocode ? 'OMOCODICE' : 'ORDINARIO');
    }
  }
}

let codeGroups: { cognomi: Map<string, string[]>; nomi: Map<string, string[]> } | undefined;

function sameCodeSpellings(): { cognomi: Map<string, string[]>; nomi: Map<string, string[]> } {
  if (codeGroups) return codeGroups;
  const group = (names: readonly string[], slice: [number, number], asSurname: boolean): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const n of names) {
      const cf = buildCodiceFiscale({ cognome: asSurname ? n : 'X', nome: asSurname ? 'X' : n, annoNascita: 2000, mese: 1, giorno: 1, genere: '1', belfiore: 'H501' });
      const key = cf.slice(...slice);
      map.set(key, [...(map.get(key) ?? []), n]);
    }
    return map;
  };
  codeGroups = {
    cognomi: group(COGNOMI, [0, 3], true),
    nomi: group([...NOMI_MASCHILI, ...NOMI_FEMMINILI], [3, 6], false),
  };
  return codeGroups;
}

/** Tells whether the run is short of omocodes and should create a namesake now. */
export function wantsOmocode(ctx: GenContext): boolean {
  return ctx.recentAdults.length > 0 && ctx.counts.omocodici < (ctx.counts.persone + 1) * OMOCODE_SHARE && ctx.rng.chance(0.3);
}

/**
 * Creates a namesake of a recent adult: a different person born the same day in
 * the same place, whose surname and name give the same letters (Rossi/Russo,
 * Mario/Maria's male namesakes, or simply the same names), so the ordinary code
 * is taken and the tax agency issues an omocode. Both persons stay in the data.
 */
export function makeNamesake(ctx: GenContext, comune: Comune): Member | undefined {
  const { rng } = ctx;
  const original = rng.pick(ctx.recentAdults);
  const base = original.persona.codiceFiscale;
  const groups = sameCodeSpellings();
  const cognome = rng.pick(groups.cognomi.get(base.slice(0, 3)) ?? [original.persona.cognome]);
  const candidates = (groups.nomi.get(base.slice(3, 6)) ?? []).filter((n) =>
    original.persona.genere === '1' ? (NOMI_MASCHILI as readonly string[]).includes(n) : (NOMI_FEMMINILI as readonly string[]).includes(n),
  );
  const nome = candidates.length > 0 ? rng.pick(candidates) : original.persona.nome;
  const identity: Identity = {
    cognome,
    nome,
    genere: original.persona.genere,
    birthDay: original.birthDay,
    luogoNascita: original.persona.luogoNascita,
  };
  const issued = issueOrdinaryOrOmocode(ctx, codeFor(identity));
  if (!issued || !issued.omocode) return undefined;
  const paese = paesiEsteri().find((p) => p.belfiore === identity.luogoNascita);
  const member = buildMember(ctx, identity, { ruolo: 'RICHIEDENTE', comune, ...(paese ? { paese } : {}) }, paese !== undefined);
  member.persona.codiceFiscale = issued.cf;
  return register(ctx, member, 'OMOCODICE');
}
