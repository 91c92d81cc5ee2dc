/**
 * Region codes as the INPS flows write them. The specification (v2.0.1) codes
 * `CodiceRegione` (Indirizzo) and SINBA's `CodiceRegioneResidenza…` as "Codifica
 * DM1986", with a footnote to the Agenzia delle Entrate's table of enti
 * (ENTI-T0): the regions in alphabetical order, the autonomous provinces of
 * Bolzano and Trento apart — not ISTAT, which the specification names only for
 * `CodiceComune`. INPS's own sample pairs comune 068001 (Abruzzo, ISTAT region
 * 13) with region 01: Abruzzo in this table.
 *
 * The registry keeps ISTAT inside (territory scope, aggregates, the comuni list):
 * flows are converted on the way in, and written this way on the way out.
 */
const DM1986: ReadonlyArray<readonly [dm: string, istat: string, nome: string]> = [
  ['01', '13', 'Abruzzo'],
  ['02', '17', 'Basilicata'],
  ['03', '04', 'Provincia autonoma di Bolzano'],
  ['04', '18', 'Calabria'],
  ['05', '15', 'Campania'],
  ['06', '08', 'Emilia-Romagna'],
  ['07', '06', 'Friuli-Venezia Giulia'],
  ['08', '12', 'Lazio'],
  ['09', '07', 'Liguria'],
  ['10', '03', 'Lombardia'],
  ['11', '11', 'Marche'],
  ['12', '14', 'Molise'],
  ['13', '01', 'Piemonte'],
  ['14', '16', 'Puglia'],
  ['15', '20', 'Sardegna'],
  ['16', '19', 'Sicilia'],
  ['17', '09', 'Toscana'],
  ['18', '04', 'Provincia autonoma di Trento'],
  ['19', '10', 'Umbria'],
  ['20', '02', "Valle d'Aosta"],
  ['21', '05', 'Veneto'],
];

const perDm = new Map(DM1986.map(([dm, istat, nome]) => [dm, { istat, nome }]));

/** ISTAT province codes of the two autonomous provinces (the first three digits of their comuni's codes). */
const PROVINCIA_BOLZANO = '021';
const PROVINCIA_TRENTO = '022';

/** A DM1986 region code's ISTAT region and name; undefined for a code the table does not have. */
export function regioneDm1986(codice: string): { istat: string; nome: string } | undefined {
  return perDm.get(codice.trim());
}

/** The ISTAT region of a DM1986 code (the code itself, unchanged, when the table does not have it). */
export function istatDaDm1986(codice: string): string {
  return regioneDm1986(codice)?.istat ?? codice;
}

/**
 * The DM1986 code of an ISTAT region. Trentino-Alto Adige (ISTAT 04) is two codes
 * there: the comune's province decides (Bolzano 03, Trento 18; Trento when no comune is known).
 */
export function dm1986DaIstat(istatRegione: string, istatComune?: string): string {
  if (istatRegione === '04') return istatComune?.startsWith(PROVINCIA_BOLZANO) ? '03' : '18';
  return DM1986.find(([, istat]) => istat === istatRegione)?.[0] ?? istatRegione;
}

/** Whether a DM1986 region code names the region (or autonomous province) of an ISTAT comune code. */
export function dm1986DelComune(codice: string, istatComune: string, istatRegioneComune: string): boolean {
  const r = regioneDm1986(codice);
  if (!r || r.istat !== istatRegioneComune) return false;
  if (istatRegioneComune !== '04') return true;
  return codice.trim() === (istatComune.startsWith(PROVINCIA_TRENTO) ? '18' : '03');
}
