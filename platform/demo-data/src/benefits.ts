/**
 * Benefits (`PrestazioniSociali`) and the DSU/ISEE attestazioni they rest on,
 * drawn so that every record passes the specification's rules (table 9): see
 * README.md for the list and test/dataset.test.ts for the checks.
 */
import { requiresPresaInCarico } from '@casellario/domain';
import { chooseDsuPlanting, overlapAcrossEnti, plant, type DsuPlanting } from './anomalie';
import { iso, yearBounds } from './calendar';
import { CATALOGUE, type BenefitTemplate } from './catalogue';
import { FIRST_DATA_YEAR, LAST_DATA_YEAR, euro, nextProtocolloDomanda, type GenContext, type Member } from './context';
import { REGIONI_EROGATRICI } from './enti';
import { WeightedTable, uuidFrom, weighted, weightedIndex, type Rng } from './random';
import type { DemoAnomalia, DemoDsu, DemoPrestazione } from './types';

/** Number of benefits per person, 0 to 6 (mean ≈ 3, so a million persons carry about three million benefits). */
const BENEFITS_PER_PERSON: ReadonlyArray<readonly [number, number]> = [
  [0, 0.1], [1, 0.12], [2, 0.16], [3, 0.2], [4, 0.18], [5, 0.14], [6, 0.1],
];

/** A benefit while its household is generated, with what the DSU step needs. */
export interface BenefitDraft {
  prestazione: DemoPrestazione;
  template: BenefitTemplate;
  member: Member;
  year: number;
  /** The earliest date of the record (application, start or payment): the DSU must precede it. */
  refDay: number;
  needsDsu: boolean;
  /** Set once an anomaly is planted on it (anomalie.ts): one anomaly per benefit. */
  planted?: boolean;
}

const ENTE_KINDS = ['COMUNE', 'REGIONE', 'INPS'] as const;
const PROVA_MEZZI = ['1', '2', '3', '4'] as const;

const eligibleCache = new Map<string, WeightedTable<BenefitTemplate> | null>();

function eligible(age: number, genere: '1' | '2'): WeightedTable<BenefitTemplate> | null {
  const key = `${age}:${genere}`;
  let table = eligibleCache.get(key);
  if (table === undefined) {
    const list = CATALOGUE.filter((t) => age >= t.eta[0] && age <= t.eta[1] && (!t.genere || t.genere === genere));
    table = list.length > 0 ? new WeightedTable(list.map((t) => [t, t.weight] as const)) : null;
    eligibleCache.set(key, table);
  }
  return table;
}

function cents(rng: Rng, [min, max]: readonly [number, number]): number {
  return rng.range(Math.round(min * 100), Math.round(max * 100));
}

function enteFor(ctx: GenContext, template: BenefitTemplate, member: Member): string {
  const kind = ENTE_KINDS[weightedIndex(ctx.rng, template.ente)];
  if (kind === 'INPS') return 'INPS';
  const regione = member.comune.codiceRegione;
  // Only some regions are enti in the data set; elsewhere the comune grants what a region would.
  if (kind === 'REGIONE' && (REGIONI_EROGATRICI as readonly string[]).includes(regione)) return `R${regione}`;
  return member.comune.belfiore;
}

/** Splits an amount into ente/utente(/SSN) shares that add up to it exactly, the ente's share above zero. */
function splitQuote(rng: Rng, total: number, kind: NonNullable<BenefitTemplate['quote']>): { ente: number; utente: number; ssn?: number } {
  const utente = rng.chance(0.15) ? 0 : Math.floor(total * rng.range(5, 35) / 100);
  if (kind === 'ENTE_UTENTE') return { ente: total - utente, utente };
  const ssn = Math.max(1, Math.floor(total * rng.range(25, 50) / 100));
  return { ente: total - utente - ssn, utente, ssn };
}

function monthIndex(day: number): number {
  return Number(iso(day).slice(5, 7));
}

/** Draws one benefit for a member in a year, or undefined when none fits their age that year. */
function drawBenefit(ctx: GenContext, member: Member, year: number): BenefitDraft | undefined {
  const { rng } = ctx;
  const age = year - member.birthYear;
  const template = eligible(age, member.persona.genere)?.draw(rng);
  if (!template) return undefined;
  const [y0, y1] = yearBounds(year);
  const lo = Math.max(y0, member.birthDay + 1);
  if (lo > y1) return undefined;

  const enteCodice = enteFor(ctx, template, member);
  const presenzaProvaMezzi = PROVA_MEZZI[weightedIndex(rng, template.provaMezzi)] ?? '4';
  const periodic = rng.chance(template.periodico);
  const presaCarico: '1' | '2' = requiresPresaInCarico(template.codice) || rng.chance(template.presaCarico) ? '1' : '2';
  const residenza = member.persona.indirizzi[0];

  const p: DemoPrestazione = {
    id: uuidFrom(rng),
    personaId: member.persona.id,
    enteCodice,
    tipoOperazione: 'I',
    presenzaProvaMezzi,
    caratterePrestazione: periodic ? '1' : '2',
    codicePrestazione: template.codice,
    denominazionePrestazione: template.denominazione,
    protocolloDomanda: nextProtocolloDomanda(ctx, enteCodice, year),
    presaCarico,
  };
  if (presaCarico === '1') p.areaUtenza = template.area;

  let firstDay: number;
  let total: number;
  if (periodic) {
    const start = rng.range(lo, y1);
    firstDay = start;
    p.dataInizioPrestazione = iso(start);
    let lastMonth = 12;
    if (rng.chance(0.75)) {
      // The end, when known, falls in the start's year (table 9).
      const end = Math.min(y1, start + rng.range(30, 330));
      p.dataFinePrestazione = iso(end);
      lastMonth = monthIndex(end);
    }
    p.periodoErogazione = lastMonth - monthIndex(start) + 1;
    total = cents(rng, template.mensile);
    p.importoMensile = euro(total);
  } else {
    const paid = rng.range(lo, y1);
    firstDay = paid;
    p.dataErogazionePrestazione = iso(paid);
    total = cents(rng, template.importo);
    p.importoPrestazione = euro(total);
  }
  if (rng.chance(0.7)) {
    const event = Math.max(lo, firstDay - rng.range(0, 60));
    p.dataEvento = iso(event);
    firstDay = event;
  }
  if (template.quote && rng.chance(0.85)) {
    const q = splitQuote(rng, total, template.quote);
    p.importoQuotaEnte = euro(q.ente);
    p.importoQuotaUtente = euro(q.utente);
    if (q.ssn !== undefined) p.importoQuotaSSN = euro(q.ssn);
    if (rng.chance(0.5)) p.importoQuotaRichiesta = euro(rng.range(Math.max(q.utente, 1), total));
  }
  if (presenzaProvaMezzi === '1' || presenzaProvaMezzi === '3') {
    p.importoSogliaISEE = euro(Math.round(rng.pick(template.soglie) * 100));
  }
  if (template.ore) {
    // Hours and minutes written as the XSD's decimal (the spec's "HH,MM" with a dot): 12.30 is 12 h 30 min.
    p.oreServizioMensile = `${rng.range(template.ore[0], template.ore[1])}.${rng.pick(['00', '15', '30', '45'])}`;
  }
  if (residenza?.codiceComune) p.codiceComuneResidenza = residenza.codiceComune;
  if (residenza?.codiceRegione) p.codiceRegioneResidenza = residenza.codiceRegione;
  p.annoNascita = member.persona.annoNascita;
  p.genere = member.persona.genere;
  if (template.area === '2') member.disabled = true;

  // PresenzaProvaMezzi 1 always rests on a DSU; 3 (ISEE-tested benefit, test waived for this person) sometimes.
  const needsDsu = presenzaProvaMezzi === '1' || (presenzaProvaMezzi === '3' && rng.chance(0.5));
  return { prestazione: p, template, member, year, refDay: firstDay, needsDsu };
}

/**
 * Draws the 0–6 benefits of a member across the data years they were alive in. A
 * draw that would have two enti grant the member the same code for overlapping
 * periods is dropped: that is an anomaly the controls look for, planted on purpose
 * only (anomalie.ts).
 */
export function drawBenefits(ctx: GenContext, member: Member): BenefitDraft[] {
  const { rng } = ctx;
  const n = weighted(rng, BENEFITS_PER_PERSON);
  const firstYear = Math.max(FIRST_DATA_YEAR, member.birthYear);
  const drafts: BenefitDraft[] = [];
  for (let i = 0; i < n; i++) {
    const d = drawBenefit(ctx, member, rng.range(firstYear, LAST_DATA_YEAR));
    if (d && !drafts.some((o) => overlapAcrossEnti(o.prestazione, d.prestazione))) drafts.push(d);
  }
  return drafts;
}

/** ISEE equivalence scale (domain notes): size, then +0.5 per disabled member, +0.2/+0.35/+0.5 for 3/4/5+ children. */
export function scalaEquivalenza(componenti: number, disabili: number, figliMinori: number): number {
  const base = [0, 1, 1.57, 2.04, 2.46, 2.85];
  let scala = componenti <= 5 ? (base[componenti] ?? 1) : 2.85 + 0.35 * (componenti - 5);
  scala += 0.5 * disabili;
  if (figliMinori >= 5) scala += 0.5;
  else if (figliMinori === 4) scala += 0.35;
  else if (figliMinori === 3) scala += 0.2;
  return Math.round(scala * 100) / 100;
}

const DSU_LETTERS = 'ABCDEFGHJKLMNPRSTUVZ'.split('');

/**
 * Creates the DSU attestazioni a household's ISEE-tested benefits refer to and
 * fills their DSU triple. One DSU per household and year normally; a second one
 * in a year when a member born after the first (a newborn) needs it, as families
 * do. The DSU precedes every benefit that cites it and lasts to 31 December. A
 * group of one benefit may carry a planted ISEE anomaly instead (anomalie.ts),
 * recorded in `out`.
 */
export function attachDsu(ctx: GenContext, members: readonly Member[], drafts: readonly BenefitDraft[], out: DemoAnomalia[] = []): DemoDsu[] {
  const { rng } = ctx;
  const result: DemoDsu[] = [];
  const byYear = new Map<number, BenefitDraft[]>();
  for (const d of drafts) {
    if (!d.needsDsu) continue;
    const list = byYear.get(d.year);
    if (list) list.push(d);
    else byYear.set(d.year, [d]);
  }

  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.refDay - b.refDay);
    const [y0] = yearBounds(year);
    const groups: Array<{ day: number; componenti: Member[]; drafts: BenefitDraft[] }> = [];
    for (const d of list) {
      const current = groups[groups.length - 1];
      if (current && current.componenti.includes(d.member)) {
        current.drafts.push(d);
        continue;
      }
      const lo = Math.max(y0, d.member.birthDay + 1, current ? current.day + 1 : y0);
      // Skewed towards the start of the window: most DSU are filed early in the year. Never
      // after the benefit's first date (the window can be empty when two groups start the same day).
      const day = Math.min(d.refDay, lo + Math.floor((d.refDay - lo) * Math.pow(rng.next(), 2)));
      groups.push({ day, componenti: members.filter((m) => m.birthDay < day), drafts: [d] });
    }
    for (const g of groups) {
      const only = g.drafts.length === 1 ? g.drafts[0] : undefined;
      const planting: DsuPlanting | null = only ? chooseDsuPlanting(ctx, only, g.componenti, yearBounds(year - 1)[0]) : null;
      const dsu =
        planting?.tipo === 'DSU_NON_VALIDA'
          ? makeDsu(ctx, planting.year, planting.day, members.filter((m) => m.birthDay < planting.day), g.drafts)
          : makeDsu(ctx, year, g.day, planting?.tipo === 'DSU_ALTRA_PERSONA' ? planting.componenti : g.componenti, g.drafts, planting?.tipo === 'ISEE_SOPRA_SOGLIA');
      if (planting && only) plant(ctx, out, planting.tipo, [only]);
      // A benefit with PresenzaProvaMezzi 1 and no DSU (accepted with a warning by the flows): the DSU drawn is dropped.
      if (planting?.tipo === 'DSU_ASSENTE') continue;
      result.push(dsu);
      for (const d of g.drafts) {
        d.prestazione.numeroProtocolloDSU = dsu.protocollo;
        d.prestazione.annoProtocolloDSU = dsu.anno;
        d.prestazione.dataDSU = dsu.dataPresentazione;
      }
    }
  }
  return result;
}

function makeDsu(ctx: GenContext, year: number, day: number, componenti: readonly Member[], drafts: readonly BenefitDraft[], sopraSoglia = false): DemoDsu {
  const { rng } = ctx;
  const n = ctx.nextDsuNumber++;
  const protocollo = `INPS-ISEE-${year}-${String(n).padStart(8, '0')}${rng.pick(DSU_LETTERS)}-00`;
  const minori = componenti.filter((m) => year - m.birthYear < 18).length;
  const disabili = componenti.filter((m) => m.disabled).length;
  const scala = scalaEquivalenza(componenti.length, disabili, minori);
  const soglie = drafts.map((d) => Number(d.prestazione.importoSogliaISEE ?? '0') * 100).filter((s) => s > 0);
  const soglia = soglie.length > 0 ? Math.min(...soglie) : 1_500_000;
  // Below the threshold of every benefit it supports, unless an ISEE above it is planted
  // (anomalie.ts): the controls must find those and no others. The first draw is what
  // once chose a 10% share above the threshold; it stays so that a seed keeps its households.
  rng.chance(0.9);
  const ratio = sopraSoglia ? 1.05 + 0.5 * rng.next() : 0.1 + 0.85 * rng.next();
  const iseTarget = Math.round(soglia * ratio * scala);
  // Assets (ISP) in whole euro, so 20% of them is an exact number of cents.
  const ispEuro = Math.floor((iseTarget * 0.5 * rng.next()) / 20);
  const isrCents = iseTarget - ispEuro * 20;
  const iseCents = isrCents + ispEuro * 20;
  const iseeCents = Math.round(iseCents / scala);
  const dichiarante = componenti.find((m) => year - m.birthYear >= 18) ?? componenti[0];
  return {
    id: uuidFrom(rng),
    protocollo,
    anno: String(year),
    dataPresentazione: iso(day),
    dataScadenza: `${year}-12-31`,
    dichiaranteId: dichiarante?.persona.id ?? '',
    componentiIds: componenti.map((m) => m.persona.id),
    tipoIsee: drafts[0]?.template.tipoIsee ?? 'ORDINARIO',
    isr: euro(isrCents),
    isp: euro(ispEuro * 100),
    scalaEquivalenza: scala.toFixed(2),
    ise: euro(iseCents),
    isee: euro(iseeCents),
    omissioniDifformita: rng.chance(0.05),
  };
}
