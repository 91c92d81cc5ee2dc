/**
 * `DataMeseAnnoType` of SINBA.xsd: a month as `MM/AAAA`, years 1900–2099. Stored as
 * the `date` of the first of that month, so that it sorts, filters by range and is
 * served by an index; shown to clients as the flow wrote it.
 */
const MESE_ANNO = /^((0[1-9])|(1[0-2]))\/((19|20)\d{2})$/;
const FIRST_OF_MONTH = /^(\d{4})-(\d{2})-01$/;

/** Whether a string is a well-formed `MM/AAAA` (the XSD pattern). */
export function isMeseAnno(value: string): boolean {
  return MESE_ANNO.test(value);
}

/** `MM/AAAA` → `AAAA-MM-01`; throws on anything the XSD would reject. */
export function meseAnnoToDate(value: string): string {
  const match = MESE_ANNO.exec(value);
  if (!match) throw new RangeError(`Data mese/anno non valida: attesa MM/AAAA, ricevuto «${value}»`);
  return `${match[4]}-${match[1]}-01`;
}

/** `AAAA-MM-01` (as stored) → `MM/AAAA`; throws when the date is not a first of month. */
export function dateToMeseAnno(value: string): string {
  const match = FIRST_OF_MONTH.exec(value);
  if (!match) throw new RangeError(`Data non riconducibile a mese/anno: «${value}»`);
  return `${match[2]}/${match[1]}`;
}
