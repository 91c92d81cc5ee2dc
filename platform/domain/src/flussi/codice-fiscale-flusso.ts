/**
 * The codice fiscale as the flow rules need it: why a code is invalid, said
 * with the code masked (the messages of `validateCodiceFiscale` quote the code
 * in clear, which an esito must not), and what a valid 16-character code
 * encodes about its holder, to compare with Anagrafica.
 */
import {
  computeCheckCharacter,
  computeTemporaneoCheckDigit,
  validateCodiceFiscale,
} from '../codice-fiscale';
import type { CodiceFiscaleValidation } from '../codice-fiscale';
import { mascheraCodiceFiscale } from './riferimenti';

const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** 0-based indices of the digit positions 7, 8, 10, 11, 13, 14, 15 that omocodia turns into letters. */
const OMOCODE_INDICES = [6, 7, 9, 10, 12, 13, 14] as const;
const SIXTEEN_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Why a codice fiscale is invalid, as a clause to put in a message. */
export interface DiagnosiCodiceFiscale {
  /** The validator's reason. */
  causa: 'CF_FORMATO' | 'CF_CONTROLLO' | 'CF_TEMPORANEO_CONTROLLO';
  /** E.g. "il codice fiscale AAA***********1C ha il carattere di controllo errato: …", lower-case start. */
  testo: string;
}

/** Replaces omocode letters with the digits they stand for (positions 7–15 only). */
function decodifica(cf: string): string {
  const chars = cf.split('');
  for (const i of OMOCODE_INDICES) {
    const idx = OMOCODE_LETTERS.indexOf(chars[i] ?? '');
    if (idx >= 0) chars[i] = String(idx);
  }
  return chars.join('');
}

function causaFormato(normalized: string): string {
  if (SIXTEEN_SHAPE.test(normalized)) {
    if (!MONTH_LETTERS.includes(normalized.charAt(8))) {
      return `ha nel 9° carattere una lettera che non indica un mese di nascita (sono ammesse ${MONTH_LETTERS.split('').join(', ')})`;
    }
    // Only the day can be left: the validator checks shape, month, day, then the check character.
    return 'ha nel 10° e 11° carattere un giorno di nascita impossibile (da 01 a 31 per gli uomini, da 41 a 71 per le donne)';
  }
  return (
    'non ha la forma di un codice fiscale: 16 caratteri (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, ' +
    '3 cifre, 1 lettera; con l\'omocodia alcune cifre diventano le lettere L, M, N, P, Q, R, S, T, U, V) ' +
    'oppure 11 cifre se provvisorio'
  );
}

/**
 * Explains why `validation` (the result of `validateCodiceFiscale(cf)`) refused
 * a code, naming it only masked. `soggetto` opens the clause, e.g. "il codice
 * fiscale" or "il codice fiscale dell'operatore". Undefined for a valid code.
 */
export function diagnosiCodiceFiscale(
  validation: CodiceFiscaleValidation,
  soggetto: string,
): DiagnosiCodiceFiscale | undefined {
  if (validation.valid || !validation.error) return undefined;
  const cf = validation.normalized;
  const masked = mascheraCodiceFiscale(cf);
  switch (validation.error.code) {
    case 'CF_CONTROLLO': {
      const atteso = computeCheckCharacter(cf.slice(0, 15));
      return {
        causa: 'CF_CONTROLLO',
        testo:
          `${soggetto} ${masked} ha il carattere di controllo errato: dai primi 15 caratteri dovrebbe essere ` +
          `«${atteso}», nel flusso è «${cf.charAt(15)}»`,
      };
    }
    case 'CF_TEMPORANEO_CONTROLLO': {
      const atteso = computeTemporaneoCheckDigit(cf.slice(0, 10));
      return {
        causa: 'CF_TEMPORANEO_CONTROLLO',
        testo:
          `${soggetto} provvisorio ${masked} ha la cifra di controllo errata: dalle prime 10 cifre dovrebbe essere ` +
          `«${atteso}», nel flusso è «${cf.charAt(10)}»`,
      };
    }
    case 'CF_FORMATO':
      return { causa: 'CF_FORMATO', testo: `${soggetto} ${masked} ${causaFormato(cf)}` };
  }
}

/** Validates a codice fiscale and, when invalid, explains why with the code masked. */
export function verificaCodiceFiscale(cf: string, soggetto: string): {
  validation: CodiceFiscaleValidation;
  diagnosi?: DiagnosiCodiceFiscale;
} {
  const validation = validateCodiceFiscale(cf);
  const diagnosi = diagnosiCodiceFiscale(validation, soggetto);
  return diagnosi ? { validation, diagnosi } : { validation };
}

/** What a 16-character codice fiscale encodes about its holder. */
export interface DatiCodiceFiscale {
  /** Last two digits of the year of birth. */
  anno2: string;
  /** As in the flows: '1' male, '2' female (day of birth plus 40). */
  genere: '1' | '2';
  /** Belfiore code of the comune, or `Z…` code of the foreign country, of birth. */
  luogo: string;
}

/**
 * Reads year, sex and birthplace out of a 16-character codice fiscale,
 * decoding omocode letters (the code itself is left as it is: an omocode is a
 * different person). Undefined for an 11-digit code, which encodes nothing.
 */
export function datiCodiceFiscale(normalized: string): DatiCodiceFiscale | undefined {
  if (!SIXTEEN_SHAPE.test(normalized)) return undefined;
  const d = decodifica(normalized);
  return {
    anno2: d.slice(6, 8),
    genere: Number(d.slice(9, 11)) > 40 ? '2' : '1',
    luogo: d.slice(11, 15),
  };
}
