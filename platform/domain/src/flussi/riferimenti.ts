/**
 * How messages point at a beneficiary and a benefit without carrying the codice
 * fiscale in clear. Esiti are stored, listed and sent back to enti; a masked
 * code plus the benefit's position, code and application protocol is enough
 * for the operator who sent the flow to find the record in their own system.
 */
import type { CasoSinbaFlusso, CasoSipFlusso, PrestazioneFlusso } from './records';

/**
 * Masks a codice fiscale for messages: keeps the first 3 and the last 2
 * characters and replaces the rest with `*` (`AAA***********1C`,
 * `007******57` for an 11-digit code). Surrounding spaces are dropped and
 * letters upper-cased; anything shorter than 11 characters is not a codice
 * fiscale and is masked entirely, because keeping 5 of its characters could
 * reveal most of it.
 */
export function mascheraCodiceFiscale(cf: string): string {
  const s = cf.trim().toUpperCase();
  if (s.length < 11) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 5) + s.slice(-2);
}

/**
 * Names a benefit of a beneficiary for a message: its ordinal in the flow, its
 * code and application protocol, and the masked codice fiscale, e.g.
 * "prestazione n. 3 (A1.04, domanda 2024/SC00001) del beneficiario AAA***********1C".
 */
export function riferimento(prestazione: Pick<PrestazioneFlusso, 'posizione' | 'codicePrestazione' | 'protocolloDomanda'>, codiceFiscale: string): string {
  return (
    `prestazione n. ${prestazione.posizione.numero} (${prestazione.codicePrestazione}, ` +
    `domanda ${prestazione.protocolloDomanda}) del beneficiario ${mascheraCodiceFiscale(codiceFiscale)}`
  );
}

/**
 * A 16-character codice fiscale, omocodes included, check character not
 * verified: digits (or omocode letters) where the date and place go, a month
 * letter in the 9th position.
 */
const FORMA_CF_16 = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * Tells whether an identifier has the shape of a 16-character codice fiscale,
 * whatever its check character: a mistyped codice fiscale still identifies a
 * person, so a pseudonymous field must not carry one.
 */
export function haFormaCodiceFiscale(value: string): boolean {
  const s = value.trim().toUpperCase();
  return FORMA_CF_16.test(s);
}

/**
 * Names a SINBA case for a message: its ordinal in the flow and the ente's
 * pseudonymous IDBeneficiario, masked like a codice fiscale when it has the
 * shape of one (which the rules reject), e.g. "caso SINBA n. 1 (IDBeneficiario «PROVA BENEF»)".
 */
export function riferimentoCasoSinba(caso: Pick<CasoSinbaFlusso, 'posizione' | 'idBeneficiario'>): string {
  const id = haFormaCodiceFiscale(caso.idBeneficiario) ? mascheraCodiceFiscale(caso.idBeneficiario) : caso.idBeneficiario;
  return `caso SINBA n. ${caso.posizione.numero} (IDBeneficiario «${id}»)`;
}

/**
 * Names a SIP case for a message: its ordinal in the flow and the ente's case
 * number, e.g. "caso SIP n. 2 (ProtocolloCaso «NA-SIP-2025-000007»)". A case
 * number shaped like a codice fiscale (an ente numbering cases by the
 * applicant's code) is masked like one, since esiti never carry a codice
 * fiscale in clear.
 */
export function riferimentoCasoSip(caso: Pick<CasoSipFlusso, 'posizione' | 'protocolloCaso'>): string {
  const protocollo = haFormaCodiceFiscale(caso.protocolloCaso) ? mascheraCodiceFiscale(caso.protocolloCaso) : caso.protocolloCaso;
  return `caso SIP n. ${caso.posizione.numero} (ProtocolloCaso «${protocollo}»)`;
}

/** Upper-cases the first letter, to open a message with a riferimento. */
export function maiuscola(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
