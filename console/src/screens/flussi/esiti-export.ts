import type { Esito } from './queries';

const COLONNE = ['numero', 'parte', 'riga', 'stato', 'riferimento', 'codicePrestazione', 'protocolloDomanda', 'codice', 'gravita', 'campo', 'messaggio'] as const;

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
function campoCsv(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  // Spreadsheets run cells starting with = + - @ as formulas: the esito echoes sender text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The esiti as CSV for a spreadsheet (semicolon-separated, as Italian locales
 * expect): one line per segnalazione, or one per record without any, so that a
 * filter on the code column finds every record it concerns.
 */
export function esitiCsv(esiti: Esito[]): string {
  const righe = [COLONNE.join(';')];
  for (const e of esiti) {
    const base = [e.numero, e.parte, e.riga, e.stato, e.riferimento, e.codicePrestazione, e.protocolloDomanda];
    const segnalazioni = e.segnalazioni.length > 0 ? e.segnalazioni : [null];
    for (const s of segnalazioni) righe.push([...base, s?.codice ?? null, s?.gravita ?? null, s?.campo ?? null, s?.messaggio ?? null].map(campoCsv).join(';'));
  }
  return `${righe.join('\r\n')}\r\n`;
}

/** The esiti as JSON, exactly as the API returned them, with the flow's name. */
export function esitiJson(nome: string, esiti: Esito[]): string {
  return `${JSON.stringify({ flusso: nome, esiti }, null, 2)}\n`;
}
