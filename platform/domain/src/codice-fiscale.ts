/**
 * Codice fiscale of natural persons: validation, construction, omocodia and the
 * 11-digit temporary codes. See README.md for why this is our own module rather
 * than a library.
 *
 * Positions in comments and messages are 1-based, as the tax agency and the
 * operators count them; array indices in code are 0-based.
 */

export type CodiceFiscaleKind = 'ORDINARIO' | 'OMOCODICE' | 'TEMPORANEO';

export type CodiceFiscaleErrorCode = 'CF_FORMATO' | 'CF_CONTROLLO' | 'CF_TEMPORANEO_CONTROLLO';

export interface CodiceFiscaleValidation {
  valid: boolean;
  /** Kind of a valid code; `null` whenever `valid` is false. */
  kind: CodiceFiscaleKind | null;
  /** Why the code was refused, in Italian, for the operator of an ente. */
  error?: { code: CodiceFiscaleErrorCode; message: string };
  /** Upper-cased, trimmed code: what to store and compare when `valid`. */
  normalized: string;
}

export interface CodiceFiscaleInput {
  cognome: string;
  nome: string;
  annoNascita: number | string;
  /** 1–12. */
  mese: number;
  /** 1–31, the calendar day (the +40 for women is applied here). */
  giorno: number;
  /** As in the flows: '1' male, '2' female. */
  genere: '1' | '2';
  /** Belfiore code of the comune of birth, or `Z…` code of the foreign country. */
  belfiore: string;
}

const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** 0-based indices of the seven digit positions that omocodia may turn into letters (7, 8, 10, 11, 13, 14, 15). */
const OMOCODE_INDICES = [6, 7, 9, 10, 12, 13, 14] as const;
/** Same positions in the order the tax agency substitutes them: from position 15 backwards. */
const OMOCODE_SUBSTITUTION_ORDER = [14, 13, 12, 10, 9, 7, 6] as const;

/** Value of each character in an odd position (1, 3, …, 15) for the check character. */
const ODD_VALUES: Readonly<Record<string, number>> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

const SIXTEEN_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
// The XSD allows up to five trailing spaces after an 11-digit code (fixed-width heritage).
const ELEVEN_SHAPE = /^(\d{11}) {0,5}$/;

function evenValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/**
 * Computes the 16th character of a codice fiscale from its first 15 characters
 * (odd/even tables, sum modulo 26). Throws a RangeError when the input is not
 * 15 letters or digits, because a check character of garbage is meaningless.
 */
export function computeCheckCharacter(first15: string): string {
  const s = first15.toUpperCase();
  if (!/^[A-Z0-9]{15}$/.test(s)) {
    throw new RangeError(`computeCheckCharacter needs 15 letters or digits, got "${first15}"`);
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = s.charAt(i);
    // Position i+1 is odd when i is even.
    sum += i % 2 === 0 ? (ODD_VALUES[ch] ?? 0) : evenValue(ch);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Computes the check digit of an 11-digit numeric code (temporary codice fiscale,
 * same algorithm as the partita IVA): digits in odd positions are added as they
 * are, digits in even positions are doubled (minus 9 when above 9), and the check
 * digit brings the total to a multiple of ten.
 */
export function computeTemporaneoCheckDigit(first10: string): string {
  if (!/^\d{10}$/.test(first10)) {
    throw new RangeError(`computeTemporaneoCheckDigit needs 10 digits, got "${first10}"`);
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += d;
    } else {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return String((10 - (sum % 10)) % 10);
}

/** Replaces omocode letters with the digits they stand for (positions 7–15 only). */
function decodeOmocodeDigits(cf: string): string {
  const chars = cf.split('');
  for (const i of OMOCODE_INDICES) {
    const idx = OMOCODE_LETTERS.indexOf(chars[i] ?? '');
    if (idx >= 0) chars[i] = String(idx);
  }
  return chars.join('');
}

function invalid(normalized: string, code: CodiceFiscaleErrorCode, message: string): CodiceFiscaleValidation {
  return { valid: false, kind: null, error: { code, message }, normalized };
}

/**
 * Validates a codice fiscale as it arrives in a flow (`Beneficiario@CodiceFiscale`,
 * `Ente@CFOperatore`): 16-character codes (format, month letter, day, check
 * character; omocodes accepted and reported as OMOCODICE) and 11-digit temporary
 * codes (check digit; trailing spaces trimmed as the XSD permits). The input is
 * upper-cased; an omocode is never mapped to its base code, because the tax
 * agency issues it to a different person.
 */
export function validateCodiceFiscale(cf: string): CodiceFiscaleValidation {
  const normalized = cf.trim().toUpperCase();

  const eleven = ELEVEN_SHAPE.exec(normalized);
  if (eleven) {
    const digits = eleven[1] ?? '';
    const expected = computeTemporaneoCheckDigit(digits.slice(0, 10));
    const found = digits.charAt(10);
    if (expected !== found) {
      return invalid(
        digits,
        'CF_TEMPORANEO_CONTROLLO',
        `Il codice fiscale provvisorio ${digits} non è valido: l'ultima cifra (11ª, di controllo) è ${found}, ` +
          `ma dalle prime 10 cifre dovrebbe essere ${expected}. Verificare la trascrizione del codice.`,
      );
    }
    return { valid: true, kind: 'TEMPORANEO', normalized: digits };
  }

  if (!SIXTEEN_SHAPE.test(normalized)) {
    return invalid(
      normalized,
      'CF_FORMATO',
      `Il codice fiscale "${normalized}" non ha un formato valido: deve essere di 16 caratteri ` +
        `(6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera, es. RSSMRA85T10A562S; ` +
        `nei casi di omocodia alcune cifre sono sostituite da lettere) oppure, se provvisorio, di 11 cifre.`,
    );
  }

  const monthLetter = normalized.charAt(8);
  if (!MONTH_LETTERS.includes(monthLetter)) {
    return invalid(
      normalized,
      'CF_FORMATO',
      `Il codice fiscale ${normalized} non è valido: il 9° carattere "${monthLetter}" indica il mese di nascita ` +
        `e deve essere una di queste lettere: ${MONTH_LETTERS.split('').join(', ')}.`,
    );
  }

  const decoded = decodeOmocodeDigits(normalized);
  const day = Number(decoded.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
    return invalid(
      normalized,
      'CF_FORMATO',
      `Il codice fiscale ${normalized} non è valido: il giorno di nascita (10° e 11° carattere) vale ` +
        `${String(day).padStart(2, '0')}, ma deve essere tra 01 e 31 per gli uomini o tra 41 e 71 per le donne.`,
    );
  }

  const expected = computeCheckCharacter(normalized.slice(0, 15));
  const found = normalized.charAt(15);
  if (expected !== found) {
    return invalid(
      normalized,
      'CF_CONTROLLO',
      `Il codice fiscale ${normalized} non è valido: l'ultimo carattere (16°, di controllo) è "${found}", ` +
        `ma dai primi 15 caratteri dovrebbe essere "${expected}". Verificare la trascrizione del codice.`,
    );
  }

  const kind: CodiceFiscaleKind = decoded === normalized ? 'ORDINARIO' : 'OMOCODICE';
  return { valid: true, kind, normalized };
}

function lettersOf(text: string): string {
  // Accented letters count as their base letter (Nicolò → NICOLO); apostrophes and spaces are dropped.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function consonantsOf(letters: string): string {
  return letters.replace(/[AEIOU]/g, '');
}

function vowelsOf(letters: string): string {
  return letters.replace(/[^AEIOU]/g, '');
}

function surnameCode(cognome: string): string {
  const l = lettersOf(cognome);
  return (consonantsOf(l) + vowelsOf(l) + 'XXX').slice(0, 3);
}

function nameCode(nome: string): string {
  const l = lettersOf(nome);
  const consonants = consonantsOf(l);
  // With four or more consonants the name takes the 1st, 3rd and 4th, unlike the surname.
  if (consonants.length >= 4) return consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
  return (consonants + vowelsOf(l) + 'XXX').slice(0, 3);
}

/**
 * Builds the ordinary (non-omocode) codice fiscale of a person from surname, name,
 * date of birth, sex and Belfiore code, with the standard algorithm: consonants
 * then vowels then X padding, the month letter, the day plus 40 for women, the
 * place code, and the check character. Throws a RangeError on impossible input.
 */
export function buildCodiceFiscale(input: CodiceFiscaleInput): string {
  const { mese, giorno, genere } = input;
  const anno = Number(input.annoNascita);
  if (!Number.isInteger(anno) || anno < 1800 || anno > 2999) throw new RangeError(`annoNascita not a year: ${input.annoNascita}`);
  if (!Number.isInteger(mese) || mese < 1 || mese > 12) throw new RangeError(`mese must be 1–12, got ${mese}`);
  if (!Number.isInteger(giorno) || giorno < 1 || giorno > 31) throw new RangeError(`giorno must be 1–31, got ${giorno}`);
  const belfiore = input.belfiore.toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(belfiore)) throw new RangeError(`belfiore must be a letter and 3 digits, got "${input.belfiore}"`);
  if (lettersOf(input.cognome).length === 0 || lettersOf(input.nome).length === 0) {
    throw new RangeError('cognome and nome need at least one letter');
  }

  const year = String(anno % 100).padStart(2, '0');
  const month = MONTH_LETTERS.charAt(mese - 1);
  const day = String(genere === '2' ? giorno + 40 : giorno).padStart(2, '0');
  const first15 = surnameCode(input.cognome) + nameCode(input.nome) + year + month + day + belfiore;
  return first15 + computeCheckCharacter(first15);
}

/**
 * Returns the omocode of level `level` (1–7) of a 16-character code: the last
 * `level` digit positions, counted from position 15 backwards (15, 14, 13, 11,
 * 10, 8, 7), become the letters LMNPQRSTUV and the check character is
 * recomputed. This is the code the tax agency gives a different person whose
 * code would collide; it is not another spelling of `cf`.
 */
export function omocodeVariant(cf: string, level: number): string {
  const s = cf.trim().toUpperCase();
  if (!SIXTEEN_SHAPE.test(s)) throw new RangeError(`omocodeVariant needs a 16-character codice fiscale, got "${cf}"`);
  if (!Number.isInteger(level) || level < 1 || level > 7) throw new RangeError(`omocode level must be 1–7, got ${level}`);
  const chars = s.slice(0, 15).split('');
  for (const i of OMOCODE_SUBSTITUTION_ORDER.slice(0, level)) {
    const ch = chars[i] ?? '';
    // A position already substituted stays as it is.
    if (ch >= '0' && ch <= '9') chars[i] = OMOCODE_LETTERS.charAt(Number(ch));
  }
  const first15 = chars.join('');
  return first15 + computeCheckCharacter(first15);
}

/**
 * Number of digit positions turned into letters by omocodia (0 for an ordinary
 * code). Meant for diagnostics and statistics; it says nothing about identity.
 */
export function omocodeLevel(cf: string): number {
  const s = cf.trim().toUpperCase();
  if (!SIXTEEN_SHAPE.test(s)) return 0;
  return OMOCODE_INDICES.filter((i) => OMOCODE_LETTERS.includes(s.charAt(i))).length;
}

/**
 * Tells whether two 16-character codes differ only by omocodia (same base code).
 * Such codes belong to two different people: use this to warn an operator about
 * a likely transcription mix-up, never to merge the two records.
 */
export function shareBaseCode(a: string, b: string): boolean {
  const x = a.trim().toUpperCase();
  const y = b.trim().toUpperCase();
  if (!SIXTEEN_SHAPE.test(x) || !SIXTEEN_SHAPE.test(y)) return false;
  return decodeOmocodeDigits(x).slice(0, 15) === decodeOmocodeDigits(y).slice(0, 15);
}

/**
 * Builds an 11-digit temporary codice fiscale from its first 10 digits by
 * appending the check digit (the partita IVA algorithm).
 */
export function buildCodiceFiscaleTemporaneo(first10digits: string): string {
  return first10digits + computeTemporaneoCheckDigit(first10digits);
}
