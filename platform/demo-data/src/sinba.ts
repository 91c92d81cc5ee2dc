/**
 * SINBA child-protection cases (tables 12–16). Pseudonymous at source: the
 * ente's own `IDBeneficiario`, no codice fiscale, no link to any person of the
 * data set. Attribute keys are the XSD attribute names with the first letter
 * lower-cased (`MinoreStranieroNoAcc` → `minoreStranieroNoAcc`); dates are the
 * XSD's `MM/AAAA`.
 */
import { CITTADINANZA_ITALIANA, paesiEsteri } from '@casellario/domain';
import { dayOf, meseAnno } from './calendar';
import { REFERENCE_YEAR, type GenContext } from './context';
import { SINBA_CODES } from './catalogue';
import { uuidFrom, weighted, type Rng } from './random';
import type { DemoCasoSinba } from './types';

/** Target: about one case per two hundred persons. */
export const SINBA_SHARE = 0.005;

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function distinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0] as T);
  return out;
}

function pseudonym(ctx: GenContext, enteCodice: string): string {
  for (;;) {
    let id = 'MIN';
    for (let i = 0; i < 9; i++) id += ID_ALPHABET.charAt(ctx.rng.int(ID_ALPHABET.length));
    if (!ctx.sinbaIds.has(`${enteCodice}:${id}`)) {
      ctx.sinbaIds.add(`${enteCodice}:${id}`);
      return id;
    }
  }
}

function scuolaFor(rng: Rng, age: number): string {
  if (age <= 2) return rng.chance(0.3) ? '3' : '1';
  if (age <= 5) return rng.chance(0.9) ? '4' : '1';
  if (age <= 10) return '5';
  if (age <= 13) return '6';
  return weighted(rng, [['7', 0.7], ['8', 0.15], ['1', 0.15]] as const);
}

/**
 * Draws one child-protection case for an ente. Coherent by construction: an
 * unaccompanied foreign minor lives in a residential facility with no family
 * named but "other cohabitants"; a court measure comes with its date and
 * authority; foster care and residential placements carry their own details;
 * closed cases say why and where the child went.
 */
export function makeCasoSinba(ctx: GenContext, enteCodice: string, codiceRegione: string): DemoCasoSinba {
  const { rng } = ctx;
  const msna = rng.chance(0.06);
  const age = msna ? rng.range(14, 17) : rng.range(0, 17);
  const annoNascita = REFERENCE_YEAR - age;
  const a: Record<string, string> = {};

  a['annoNascita'] = String(annoNascita);
  a['fasciaEtaBeneficiario'] = String(Math.min(6, Math.floor(age / 3) + 1));
  a['codiceNazioneResidenza'] = CITTADINANZA_ITALIANA;
  a['codiceRegioneResidenza'] = codiceRegione;
  a['minoreStranieroNoAcc'] = msna ? '1' : '2';
  a['condizioneMinore'] = msna ? weighted(rng, [['1', 0.7], ['2', 0.15], ['5', 0.15]] as const) : weighted(rng, [['1', 0.88], ['2', 0.02], ['3', 0.04], ['4', 0.03], ['5', 0.03]] as const);
  const condizione = a['condizioneMinore'];

  // Family members living with the child, consistent with orphanhood.
  let famiglia: string[];
  if (msna) famiglia = ['6'];
  else {
    const withMother = condizione === '1' || condizione === '3' ? rng.chance(0.9) : false;
    const withFather = condizione === '1' || condizione === '4' ? rng.chance(0.6) : false;
    famiglia = [...(withMother ? ['1'] : []), ...(withFather ? ['2'] : [])];
    if (rng.chance(0.45)) famiglia.push('3');
    if (rng.chance(0.12)) famiglia.push('4');
    if (rng.chance(0.08) && (withMother || withFather)) famiglia.push('5');
    if (famiglia.length === 0) famiglia.push(rng.chance(0.5) ? '4' : '6');
  }

  a['luogoVita'] = msna ? '4' : weighted(rng, [['1', 0.62], ['2', 0.08], ['3', 0.12], ['4', 0.13], ['5', 0.02], ['6', 0.01], ['7', 0.01], ['8', 0.01]] as const);
  a['scuolaFrequentata'] = a['luogoVita'] === '4' && rng.chance(0.1) ? '2' : scuolaFor(rng, age);
  a['condizioneLavoro'] = age < 15 ? '1' : weighted(rng, [['1', 0.75], ['2', 0.08], ['3', 0.05], ['4', 0.12]] as const);
  const disabile = rng.chance(0.1);
  a['disabilita'] = disabile ? '1' : '2';
  if (disabile) {
    a['tipoDisabilita'] = weighted(rng, [['1', 0.3], ['2', 0.35], ['3', 0.15], ['4', 0.2]] as const);
    if (rng.chance(0.6)) a['invCivCertificazioni'] = weighted(rng, [['1', 0.2], ['2', 0.2], ['3', 0.1], ['4', 0.2], ['5', 0.3]] as const);
  }

  // Reports: first report after birth, from 2015 at the earliest, by the end of the reference year.
  const firstPossible = Math.max(dayOf(annoNascita, 1, 15), dayOf(2015, 1, 1));
  const last = dayOf(REFERENCE_YEAR, 12, 1);
  const primaSegnalazione = rng.range(firstPossible, last);
  a['dataPrimaSegnalazione'] = meseAnno(primaSegnalazione);
  a['fonteSegnalazione'] = msna ? rng.pick(['5', '11', '2']) : String(rng.range(1, 14));
  a['valutazioneMinore'] = msna ? '12' : weighted(rng, [['1', 0.1], ['2', 0.25], ['3', 0.03], ['4', 0.07], ['5', 0.05], ['6', 0.03], ['7', 0.12], ['8', 0.05], ['9', 0.1], ['10', 0.04], ['11', 0.02], ['13', 0.14]] as const);
  a['valutazioneFamigliaMinore'] = msna ? '1' : weighted(rng, [['1', 0.05], ['2', 0.3], ['3', 0.06], ['4', 0.07], ['5', 0.04], ['6', 0.12], ['7', 0.06], ['8', 0.02], ['9', 0.04], ['10', 0.01], ['11', 0.02], ['12', 0.14], ['13', 0.07]] as const);

  const segnalata = msna || a['luogoVita'] === '3' || a['luogoVita'] === '4' ? rng.chance(0.85) : rng.chance(0.35);
  a['segnalazioneAutoritaGiudiziaria'] = segnalata ? '1' : '2';
  let after = primaSegnalazione;
  if (segnalata) {
    after = rng.range(primaSegnalazione, last);
    a['dataSegnalazione'] = meseAnno(after);
  }
  const provvedimento = segnalata && rng.chance(0.65);
  a['provvedimentoGiudiziario'] = provvedimento ? '1' : '2';
  if (provvedimento) {
    a['dataProvvedimentoGiudiziario'] = meseAnno(rng.range(after, last));
    a['autoritaProvvedimento'] = weighted(rng, [['1', 0.1], ['2', 0.75], ['3', 0.1], ['4', 0.05]] as const);
    a['tipoProvvedimentoGiudiziario'] =
      a['luogoVita'] === '3' ? '4' : a['luogoVita'] === '4' ? rng.pick(['5', '8']) : weighted(rng, [['5', 0.5], ['6', 0.15], ['7', 0.3], ['1', 0.05]] as const);
    if (rng.chance(0.4)) a['potestaTutela'] = String(rng.range(1, 5));
  }

  const prestazioni = new Set<string>(distinct(rng, SINBA_CODES.filter((c) => c !== 'A3.02' && c !== 'A3.01'), rng.range(1, 2)));
  if (a['luogoVita'] === '3') {
    a['formaInterventoAffido'] = provvedimento ? '2' : '1';
    a['tipoInterventoAffido'] = rng.chance(0.4) ? '1' : '2';
    a['durataAffido'] = rng.chance(0.85) ? '1' : '2';
    a['carattereAffido'] = a['durataAffido'] === '1' ? '1' : rng.pick(['1', '2']);
  }
  if (a['luogoVita'] === '4' || a['luogoVita'] === '5') {
    a['carattereInserimentoResidenziale'] = msna ? '4' : String(rng.range(1, 10));
    a['formaInserimentoResidenziale'] = provvedimento ? '2' : '1';
    a['tipoInserimentoResidenziale'] = famiglia.includes('1') && rng.chance(0.3) ? '1' : '2';
    prestazioni.add('A3.02');
  }

  // Parents' details when they are part of the family.
  const paese = msna || rng.chance(0.15) ? rng.pick(paesiEsteri()) : undefined;
  for (const [member, suffix] of [['1', 'Madre'], ['2', 'Padre']] as const) {
    if (!famiglia.includes(member) || !rng.chance(0.7)) continue;
    a[`codiceCittadinanza${suffix}`] = paese ? paese.codiceIso : CITTADINANZA_ITALIANA;
    a[`codiceRegioneResidenza${suffix}`] = codiceRegione;
    if (rng.chance(0.6)) a[`titoloStudio${suffix}`] = String(rng.range(1, 6));
    if (rng.chance(0.6)) a[`occupazione${suffix}`] = String(rng.range(1, 8));
  }
  if (!msna && rng.chance(0.5)) {
    a['numeroComponentiISEE'] = String(Math.min(9, famiglia.length + 1 + (famiglia.includes('3') ? 1 : 0)));
    a['fasciaISEEBeneficiario'] = weighted(rng, [['1', 0.05], ['2', 0.2], ['3', 0.2], ['4', 0.15], ['5', 0.12], ['6', 0.1], ['7', 0.1], ['8', 0.08]] as const);
  }
  if (rng.chance(0.5)) a['collaborazioniInterventi'] = String(rng.range(1, 9));

  // About one case in five is closed.
  if (rng.chance(0.2)) {
    a['motivazioneChiusuraCarico'] = age >= 17 && rng.chance(0.5) ? '3' : rng.pick(['1', '2', '4', '4', '4', '5', '7', '9']);
    // Staying in the foster family or facility, or living alone, only for those coming of age.
    const adulto = age >= 17 && rng.chance(0.5);
    a['situazioneChiusuraCarico'] =
      a['luogoVita'] === '3' ? (adulto ? '3' : '1') : a['luogoVita'] === '4' ? (adulto ? rng.pick(['2', '4']) : '1') : adulto ? '2' : rng.chance(0.9) ? '1' : '8';
    if (a['luogoVita'] === '3') a['esitoAffido'] = a['situazioneChiusuraCarico'] === '1' ? '1' : '9';
    if (a['luogoVita'] === '4' || a['luogoVita'] === '5') a['esitoInserimentoStruttura'] = a['situazioneChiusuraCarico'] === '1' ? '1' : a['situazioneChiusuraCarico'] === '2' ? '6' : '9';
  }

  ctx.counts.sinba++;
  return {
    id: uuidFrom(rng),
    enteCodice,
    idBeneficiario: pseudonym(ctx, enteCodice),
    prestazioni: [...prestazioni].sort(),
    composizioneFamiglia: famiglia,
    attributi: a,
  };
}
