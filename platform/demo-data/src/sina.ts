/**
 * SINA multidimensional assessments (tables 10–11), attached to one benefit of
 * an older or disabled person. Values hang together: the older the person, the
 * more likely dependency, and civil-invalidity certificates come with their source.
 */
import { REFERENCE_YEAR, type GenContext, type Member } from './context';
import type { BenefitDraft } from './benefits';
import { SINA_NEED_CODES } from './catalogue';
import { uuidFrom, weighted, type Rng } from './random';
import type { DemoValutazioneSina } from './types';

/** Share of eligible persons (65+ or with area-2 benefits) who have an assessment. */
export const SINA_SHARE = 0.2;

type Level = '1' | '2' | '3';

function level(rng: Rng, severity: number): Level {
  // severity 0 (autonomous) … 1 (fully dependent) moves weight from '1' to '3'.
  return weighted(rng, [['1', 1.2 - severity], ['2', 0.6], ['3', 0.1 + severity]] as const);
}

function distinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0] as T);
  return out;
}

/** Tells whether a member is someone a SINA assessment is made for. */
export function sinaEligible(member: Member, drafts: readonly BenefitDraft[]): boolean {
  return drafts.length > 0 && (REFERENCE_YEAR - member.birthYear >= 65 || drafts.some((d) => d.template.area === '2'));
}

/**
 * Draws the SINA assessment sent with one of the member's benefits, preferring
 * a benefit with presa in carico in area 2 (disability and non-self-sufficiency).
 */
export function drawSina(ctx: GenContext, member: Member, drafts: readonly BenefitDraft[]): DemoValutazioneSina | undefined {
  const { rng } = ctx;
  const ranked =
    drafts.find((d) => d.prestazione.presaCarico === '1' && d.prestazione.areaUtenza === '2') ??
    drafts.find((d) => d.prestazione.presaCarico === '1') ??
    drafts[0];
  if (!ranked) return undefined;
  const p = ranked.prestazione;
  const age = ranked.year - member.birthYear;
  const severity = Math.min(1, Math.max(0, (age - 55) / 40) + (ranked.template.area === '2' ? 0.2 : 0));
  const attivita = level(rng, severity);
  const invalidita = distinct(rng, ['1', '2', '3', '4', '5', '6', '7', '8'] as const, weighted(rng, [[0, 0.4], [1, 0.4], [2, 0.2]] as const));
  // Total dependency goes with the 100% certificate with attendance allowance.
  if (attivita === '3' && invalidita.length > 0 && !invalidita.includes('2')) invalidita[0] = '2';

  const v: DemoValutazioneSina = {
    id: uuidFrom(rng),
    personaId: member.persona.id,
    prestazioneId: p.id,
    enteCodice: p.enteCodice,
    dataValutazione: p.dataInizioPrestazione ?? p.dataErogazionePrestazione ?? '',
    mobilita: level(rng, severity),
    attivitaVitaQuotidiana: attivita,
    disturbiComportamentali: rng.chance(0.15 + 0.3 * severity) ? '2' : '1',
    areaReddituale: weighted(rng, [['1', 0.4], ['2', 0.35], ['3', 0.25]] as const),
    areaSupporto: weighted(rng, [['1', 0.5], ['2', 0.35], ['3', 0.15]] as const),
    fonteDerivazioneValutazione: weighted(rng, [['1', 0.5], ['2', 0.25], ['3', 0.1], ['4', 0.15]] as const),
    strumentoValutazione: weighted(rng, [['1', 0.45], ['2', 0.1], ['3', 0.05], ['4', 0.1], ['5', 0.05], ['6', 0.05], ['7', 0.2]] as const),
    necessitaInterventiSociali: distinct(rng, SINA_NEED_CODES, rng.range(1, 3)).sort(),
    invaliditaCivile: invalidita,
  };
  if (rng.chance(0.75)) v.disturbiAreaCognitiva = level(rng, severity);
  if (rng.chance(0.65)) v.necessitaCureSanitarie = level(rng, severity);
  if (invalidita.length > 0) v.fonteDerivazioneInvalidita = rng.chance(0.85) ? '1' : '2';
  if (p.codiceComuneResidenza) v.codiceComuneResidenza = p.codiceComuneResidenza;
  if (p.codiceRegioneResidenza) v.codiceRegioneResidenza = p.codiceRegioneResidenza;
  return v;
}
