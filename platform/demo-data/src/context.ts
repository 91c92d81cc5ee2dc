/**
 * State shared by the parts of one generation run. Only what must span the
 * whole run lives here (issued codici fiscali, per-ente protocol counters,
 * DSU numbering): everything else is produced and released household by
 * household, so a run of a million persons keeps memory flat apart from the
 * set of issued codes (about 60–80 MB per million).
 */
import type { Comune } from '@casellario/domain';
import type { Territory } from './enti';
import type { Rng } from './random';
import type { DemoPersona, TipoAnomalia } from './types';

/** Year the synthetic world is observed in: ages are counted at its end. */
export const REFERENCE_YEAR = 2025;
/** Benefit, DSU and case dates fall within these years. */
export const FIRST_DATA_YEAR = 2021;
export const LAST_DATA_YEAR = 2025;

export type Ruolo = 'RICHIEDENTE' | 'CONIUGE' | 'FIGLIO' | 'ALTRO';

/** A person while their household is being generated, with what the flows do not carry. */
export interface Member {
  persona: DemoPersona;
  birthDay: number;
  birthYear: number;
  ruolo: Ruolo;
  comune: Comune;
  /** Set when the person receives disability or non-self-sufficiency care (area di utenza 2). */
  disabled: boolean;
}

export interface GenContext {
  rng: Rng;
  territory: Territory;
  /** Every codice fiscale issued so far: no two persons share one. */
  cfs: Set<string>;
  /** Next ProtocolloDomanda number per ente: protocols are unique per ente. */
  protocolCounters: Map<string, number>;
  /** Next DSU number (8 digits); the showcase keeps the numbers below 10,000,000. */
  nextDsuNumber: number;
  sinbaIds: Set<string>;
  /** Running counts that steer the target shares (omocodes ~1%, temporary codes ~0.5%, SIP and SINBA cases). */
  counts: { persone: number; omocodici: number; temporanei: number; sip: number; sinba: number };
  /** Recent adults with an ordinary code: the people a later namesake's code can collide with. */
  recentAdults: Member[];
  /** The anomalies still to plant (anomalie.ts), with their own PRNG. */
  anomalie: AnomalyPlan;
}

/**
 * How many anomalies of each kind a run plants and where: `perTipo` of each kind, the
 * i-th not before `i × spacing` persons, so they spread over the first half of the
 * population. Planting draws from its own PRNG, so the rest of the data set is what
 * the seed gives without it.
 */
export interface AnomalyPlan {
  rng: Rng;
  perTipo: number;
  spacing: number;
  planted: Map<TipoAnomalia, number>;
}

/** Age at the end of the reference year. */
export function ageOf(member: Pick<Member, 'birthYear'>, year = REFERENCE_YEAR): number {
  return year - member.birthYear;
}

/** Next ProtocolloDomanda of an ente, `YYYY/NNNNNNN`. */
export function nextProtocolloDomanda(ctx: GenContext, enteCodice: string, year: number): string {
  const n = (ctx.protocolCounters.get(enteCodice) ?? 0) + 1;
  ctx.protocolCounters.set(enteCodice, n);
  return `${year}/${String(n).padStart(7, '0')}`;
}

/** Euro cents as the flows write amounts: `1234.50`. */
export function euro(cents: number): string {
  const c = Math.round(cents);
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}
