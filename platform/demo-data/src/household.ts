/**
 * Households: who lives together, and everything generated for them at once
 * (persons, benefits, DSU, SINA, SIP). Generating by household keeps DSU and
 * SIP cases coherent (the same members, one comune) without ever looking back
 * at earlier output.
 */
import type { Comune, PaeseEstero } from '@casellario/domain';
import { plantBeforeDsu } from './anomalie';
import { attachDsu, drawBenefits, type BenefitDraft } from './benefits';
import { REFERENCE_YEAR, type GenContext, type Member, type Ruolo } from './context';
import { drawCognome, drawPaeseEstero, makeNamesake, makePerson, wantsOmocode } from './persons';
import { weighted } from './random';
import { SINA_SHARE, drawSina, sinaEligible } from './sina';
import { SIP_SHARE, makeCasoSip } from './sip';
import type { DemoAnomalia, DemoCasoSip, DemoDsu, DemoPersona, DemoPrestazione, DemoValutazioneSina } from './types';

/** Household sizes (ISTAT: a third of households are one person; few have five or more). */
const SIZES: ReadonlyArray<readonly [number, number]> = [[1, 0.33], [2, 0.27], [3, 0.19], [4, 0.15], [5, 0.06]];
/** Share of households born abroad. */
const FOREIGN_SHARE = 0.09;

export interface HouseholdOutput {
  members: Member[];
  persone: DemoPersona[];
  prestazioni: DemoPrestazione[];
  dsu: DemoDsu[];
  valutazioniSina: DemoValutazioneSina[];
  casiSip: DemoCasoSip[];
  anomalie: DemoAnomalia[];
}

interface Slot {
  ruolo: Ruolo;
  genere: '1' | '2';
  eta: number;
  /** Index of the slot whose surname this one takes (children take the father's). */
  surnameOf?: number;
}

function clampAge(n: number): number {
  return Math.max(0, Math.min(95, n));
}

/** Lays out who lives in a household of a given size: ages, sexes, roles. */
function composeSlots(ctx: GenContext, size: number): Slot[] {
  const { rng } = ctx;
  if (size === 1) {
    const band = weighted(rng, [[[18, 34], 0.15], [[35, 64], 0.35], [[65, 95], 0.5]] as const);
    const eta = rng.range(band[0], band[1]);
    // Older people living alone are mostly women.
    return [{ ruolo: 'RICHIEDENTE', genere: eta >= 65 ? (rng.chance(0.7) ? '2' : '1') : rng.chance(0.5) ? '1' : '2', eta }];
  }
  const couple = size === 2 ? rng.chance(0.65) : rng.chance(0.85);
  // Couples without children are often older; parents 25–65, many with adult children at home.
  const parentAge = size === 2 && couple ? (rng.chance(0.5) ? rng.range(65, 92) : rng.range(25, 64)) : rng.range(25, 65);
  const slots: Slot[] = [];
  if (couple) {
    slots.push({ ruolo: 'RICHIEDENTE', genere: '1', eta: parentAge });
    slots.push({ ruolo: 'CONIUGE', genere: '2', eta: clampAge(Math.max(20, parentAge + rng.range(-7, 3))) });
  } else {
    slots.push({ ruolo: 'RICHIEDENTE', genere: rng.chance(0.8) ? '2' : '1', eta: parentAge });
  }
  const youngest = Math.min(...slots.map((s) => s.eta));
  const maxChildAge = Math.max(0, Math.min(30, youngest - 20));
  while (slots.length < size) {
    if (size >= 4 && slots.length === size - 1 && rng.chance(0.1)) {
      // A grandparent living with the family.
      slots.push({ ruolo: 'ALTRO', genere: rng.chance(0.7) ? '2' : '1', eta: clampAge(parentAge + rng.range(22, 35)) });
      continue;
    }
    // In Italy many children live with their parents well past 18.
    const eta = rng.chance(0.6) || maxChildAge < 18 ? rng.range(0, Math.min(17, maxChildAge)) : rng.range(18, maxChildAge);
    slots.push({ ruolo: 'FIGLIO', genere: rng.chance(0.51) ? '1' : '2', eta, surnameOf: 0 });
  }
  return slots;
}

/** Draws the members of a new household living in `comune`, at most `maxSize` persons. */
function drawMembers(ctx: GenContext, comune: Comune, maxSize: number): Member[] {
  const { rng } = ctx;
  if (wantsOmocode(ctx)) {
    const namesake = makeNamesake(ctx, comune);
    if (namesake) return [namesake];
  }
  const size = Math.min(maxSize, weighted(rng, SIZES));
  const paese: PaeseEstero | undefined = rng.chance(FOREIGN_SHARE) ? drawPaeseEstero(rng) : undefined;
  // Years since a foreign household arrived: children younger than that were born in Italy.
  const yearsInItaly = paese ? rng.range(0, 25) : 0;
  const slots = composeSlots(ctx, size);
  const surnames: string[] = [];
  const members: Member[] = [];
  for (const slot of slots) {
    const cognome = slot.surnameOf !== undefined ? (surnames[slot.surnameOf] ?? drawCognome(rng, paese)) : drawCognome(rng, paese);
    surnames.push(cognome);
    members.push(
      makePerson(ctx, {
        ruolo: slot.ruolo,
        genere: slot.genere,
        eta: slot.eta,
        cognome,
        ...(paese ? { paese } : {}),
        natoInItalia: paese !== undefined && slot.eta < yearsInItaly,
        comune,
      }),
    );
  }
  return members;
}

/**
 * Generates one household of at most `maxSize` persons and everything that
 * hangs on it: benefits, the DSU they cite, SINA assessments, and sometimes a
 * SIP case.
 */
export function generateHousehold(ctx: GenContext, maxSize: number): HouseholdOutput {
  const { rng } = ctx;
  const comune = ctx.territory.residence.draw(rng);
  const members = drawMembers(ctx, comune, maxSize);
  const draftsByMember = new Map<Member, BenefitDraft[]>();
  const allDrafts: BenefitDraft[] = [];
  for (const m of members) {
    const drafts = drawBenefits(ctx, m);
    draftsByMember.set(m, drafts);
    allDrafts.push(...drafts);
  }
  const anomalie: DemoAnomalia[] = [];
  // Copies planted as overlaps join the household's benefits (and its DSU), not the SINA draws.
  allDrafts.push(...plantBeforeDsu(ctx, allDrafts, anomalie));
  const dsu = attachDsu(ctx, members, allDrafts, anomalie);
  const valutazioniSina: DemoValutazioneSina[] = [];
  for (const m of members) {
    const drafts = draftsByMember.get(m) ?? [];
    if (sinaEligible(m, drafts) && rng.chance(SINA_SHARE)) {
      const v = drawSina(ctx, m, drafts);
      if (v) valutazioniSina.push(v);
    }
  }
  const casiSip: DemoCasoSip[] = [];
  const hasAdult = members.some((m) => REFERENCE_YEAR - m.birthYear >= 18);
  if (members.length >= 2 && hasAdult && ctx.counts.sip < ctx.counts.persone * SIP_SHARE && rng.chance(0.5)) {
    casiSip.push(makeCasoSip(ctx, members, comune.belfiore));
    ctx.counts.sip++;
  }
  return {
    members,
    persone: members.map((m) => m.persona),
    prestazioni: allDrafts.map((d) => d.prestazione),
    dsu,
    valutazioniSina,
    casiSip,
    anomalie,
  };
}
