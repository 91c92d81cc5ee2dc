/**
 * Anomalies planted for the controls of `controllo` (docs/controlli.md). A data set
 * holds a small, known number of each kind — and nothing else the controls would
 * report: the normal generation keeps every ISEE below the benefit's threshold, every
 * DSU valid at the benefit's date and holding its beneficiary, never lets two enti
 * grant the same code to a person for overlapping periods, and never writes a total
 * on a periodic benefit. The planted ones are listed in `dataset.anomalie`, so tests
 * compare what the controls find with what is there, kind by kind.
 *
 * Planting draws from its own PRNG (seeded from the run's seed): the households, and
 * everything drawn for them, stay what the seed gives.
 */
import { FIRST_DATA_YEAR, nextProtocolloDomanda, type AnomalyPlan, type GenContext, type Member } from './context';
import type { BenefitDraft } from './benefits';
import { createRng, uuidFrom } from './random';
import type { DemoAnomalia, DemoPrestazione, TipoAnomalia } from './types';

/** Persons below which a data set plants nothing (too few benefits to pick from). */
const MIN_PERSONE = 100;

/**
 * The plan of a run: 3 of each kind for a few hundred persons, one more per thousand,
 * at most 10; the i-th of a kind planted once `i × spacing` persons exist, spacing
 * half the population divided by the count, so all are planted in its first half.
 */
export function anomalyPlan(seed: number, persone: number): AnomalyPlan {
  const perTipo = persone < MIN_PERSONE ? 0 : Math.min(10, 3 + Math.floor(persone / 1000));
  return {
    rng: createRng((seed ^ 0x5a17c0de) >>> 0),
    perTipo,
    spacing: perTipo === 0 ? 0 : Math.floor(persone / (2 * perTipo)),
    planted: new Map(),
  };
}

/** Whether the run still wants an anomaly of this kind in the household being generated. */
export function wants(ctx: GenContext, tipo: TipoAnomalia): boolean {
  const done = ctx.anomalie.planted.get(tipo) ?? 0;
  return done < ctx.anomalie.perTipo && ctx.counts.persone >= done * ctx.anomalie.spacing;
}

/** Records one planted anomaly of a kind, on the benefits the controls must report for it. */
export function plant(ctx: GenContext, out: DemoAnomalia[], tipo: TipoAnomalia, drafts: readonly BenefitDraft[]): void {
  ctx.anomalie.planted.set(tipo, (ctx.anomalie.planted.get(tipo) ?? 0) + 1);
  for (const d of drafts) {
    d.planted = true;
    out.push({ tipo, prestazioneId: d.prestazione.id });
  }
}

/** The last day of a periodic benefit's period: its end, or 31 December of its start's year (table 9). */
export function finePeriodo(p: DemoPrestazione): string | undefined {
  if (!p.dataInizioPrestazione) return undefined;
  return p.dataFinePrestazione ?? `${p.dataInizioPrestazione.slice(0, 4)}-12-31`;
}

/** Two periodic benefits of the same code to the same person from different enti, with periods that overlap. */
export function overlapAcrossEnti(a: DemoPrestazione, b: DemoPrestazione): boolean {
  if (a.caratterePrestazione !== '1' || b.caratterePrestazione !== '1') return false;
  if (a.personaId !== b.personaId || a.codicePrestazione !== b.codicePrestazione || a.enteCodice === b.enteCodice) return false;
  return a.dataInizioPrestazione! <= finePeriodoOf(b) && b.dataInizioPrestazione! <= finePeriodoOf(a);
}

function finePeriodoOf(p: DemoPrestazione): string {
  return finePeriodo(p) ?? '';
}

/** PSA holds PresenzaProvaMezzi 1 and 3, PS 2 and 4: planted overlaps and amounts alternate between them. */
function inComponent(d: BenefitDraft, psa: boolean): boolean {
  const isee = d.prestazione.presenzaProvaMezzi === '1' || d.prestazione.presenzaProvaMezzi === '3';
  return isee === psa;
}

/**
 * Plants what must be in place before the DSU are attached: an overlap (a copy of a
 * periodic benefit granted by another ente for the same period: the comune and INPS
 * both paying, say) and an amount that does not match the period (a periodic benefit
 * declaring a total of one to three months more than its months × monthly amount).
 * Returns the drafts to add to the household (the copies).
 */
export function plantBeforeDsu(ctx: GenContext, drafts: readonly BenefitDraft[], out: DemoAnomalia[]): BenefitDraft[] {
  const added: BenefitDraft[] = [];
  const { rng } = ctx.anomalie;
  if (wants(ctx, 'SOVRAPPOSIZIONE_ENTI')) {
    const psa = (ctx.anomalie.planted.get('SOVRAPPOSIZIONE_ENTI') ?? 0) % 2 === 0;
    // A member with fewer than six benefits: the copy keeps them within 0–6.
    const d = drafts.find((x) => !x.planted && x.prestazione.caratterePrestazione === '1' && inComponent(x, psa) && drafts.filter((o) => o.member === x.member).length < 6);
    if (d) {
      const altro = d.prestazione.enteCodice === 'INPS' ? d.member.comune.belfiore : 'INPS';
      const copia: BenefitDraft = {
        ...d,
        prestazione: { ...d.prestazione, id: uuidFrom(rng), enteCodice: altro, protocolloDomanda: nextProtocolloDomanda(ctx, altro, d.year) },
      };
      added.push(copia);
      plant(ctx, out, 'SOVRAPPOSIZIONE_ENTI', [d, copia]);
    }
  }
  if (wants(ctx, 'IMPORTO_INCOERENTE')) {
    const psa = (ctx.anomalie.planted.get('IMPORTO_INCOERENTE') ?? 0) % 2 === 0;
    const d = drafts.find((x) => !x.planted && x.prestazione.caratterePrestazione === '1' && inComponent(x, psa));
    if (d) {
      const p = d.prestazione;
      const mensile = Math.round(Number(p.importoMensile) * 100);
      const mesi = (p.periodoErogazione ?? 12) + rng.range(1, 3);
      p.importoPrestazione = euroOf(mensile * mesi);
      plant(ctx, out, 'IMPORTO_INCOERENTE', [d]);
    }
  }
  return added;
}

function euroOf(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** What attachDsu does with one DSU group of a single ISEE-tested benefit when an ISEE anomaly is wanted. */
export type DsuPlanting =
  | { tipo: 'DSU_ASSENTE' }
  | { tipo: 'ISEE_SOPRA_SOGLIA' }
  | { tipo: 'DSU_ALTRA_PERSONA'; componenti: Member[] }
  | { tipo: 'DSU_NON_VALIDA'; year: number; day: number };

/**
 * Chooses the ISEE anomaly, if any, to plant on a DSU group holding one benefit with
 * PresenzaProvaMezzi 1 (so that the anomaly concerns that benefit alone): no DSU at
 * all; a DSU of the household's other members only; the previous year's DSU, expired
 * at the benefit's date; or an ISEE above the threshold.
 */
export function chooseDsuPlanting(ctx: GenContext, draft: BenefitDraft, componenti: readonly Member[], firstDayOfPreviousYear: number): DsuPlanting | null {
  if (draft.planted || draft.prestazione.presenzaProvaMezzi !== '1') return null;
  if (wants(ctx, 'DSU_ASSENTE')) return { tipo: 'DSU_ASSENTE' };
  const altri = componenti.filter((m) => m !== draft.member);
  if (wants(ctx, 'DSU_ALTRA_PERSONA') && altri.length > 0) return { tipo: 'DSU_ALTRA_PERSONA', componenti: altri };
  const day = firstDayOfPreviousYear + ctx.anomalie.rng.range(0, 180);
  if (wants(ctx, 'DSU_NON_VALIDA') && draft.year - 1 >= FIRST_DATA_YEAR && draft.member.birthDay < day) {
    return { tipo: 'DSU_NON_VALIDA', year: draft.year - 1, day };
  }
  if (wants(ctx, 'ISEE_SOPRA_SOGLIA')) return { tipo: 'ISEE_SOPRA_SOGLIA' };
  return null;
}
