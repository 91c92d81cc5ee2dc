import { badUserInput } from '@casellario/policies';
import { ESITI_ACCERTAMENTO, TIPI_ANOMALIA, type EsitoAccertamento, type TipoAnomalia } from '../db/tables';
import { checkAnno } from './filtro';

/** The filter of a control listing as GraphQL hands it over. */
export interface FiltroAnomalieInput<T extends string> {
  tipo?: readonly T[] | null;
  enteErogatore?: string | null;
  anno?: number | null;
}

/** Checks a control listing's filter; no `tipo` means every kind of that listing. */
export function readFiltroAnomalie<T extends string>(input: FiltroAnomalieInput<T> | null | undefined, tutti: readonly T[]) {
  const f = input ?? {};
  const enteCodice = f.enteErogatore?.trim() || null;
  if (enteCodice !== null && enteCodice.length > 32) throw badUserInput('enteErogatore: al massimo 32 caratteri');
  const tipi = f.tipo && f.tipo.length > 0 ? tutti.filter((t) => f.tipo!.includes(t)) : tutti;
  return { tipi, enteCodice, anno: checkAnno(f.anno) };
}

/** `AccertamentoInput` as GraphQL hands it over (the benefit id still as the caller holds it). */
export interface AccertamentoInput {
  prestazione: string;
  tipoAnomalia: string;
  esito: string;
  importoDaRecuperare?: number | null;
  sanzione?: number | null;
  note?: string | null;
}

/** What a component accepts in an accertamento: its kinds of anomaly and the sanction range, if the law sets one. */
export interface RegoleAccertamento {
  tipi: readonly TipoAnomalia[];
  /** Art. 38 c. 3 DL 78/2010 for ISEE-tested benefits: €500–€5,000. Null where no range applies here. */
  sanzione: { min: number; max: number } | null;
}

/** The largest amount an accertamento records (the column's precision, 12 digits with 2 decimals). */
const IMPORTO_MAX = 9_999_999_999.99;
const NOTE_MAX = 2000;

function euro(campo: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw badUserInput(`${campo}: indicare un importo in euro non negativo`);
  if (value > IMPORTO_MAX) throw badUserInput(`${campo}: importo troppo grande`);
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw badUserInput(`${campo}: al massimo due decimali (centesimi)`);
  return Math.round(value * 100) / 100;
}

/** Euro as Italian writes them, `5.000` or `1.234,50` (it-IT locale data leaves 4-digit numbers ungrouped). */
export function formatEuro(n: number): string {
  const [intero = '0', decimali] = n.toFixed(2).split('.');
  const gruppi = intero.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return decimali === '00' ? gruppi : `${gruppi},${decimali}`;
}

/**
 * Checks an accertamento against the rules of the component (pure: no SQL). A
 * confirmed anomaly states what is to be recovered (0 if nothing) and may carry a
 * sanction, within the range the law sets for the component's benefits; a dismissed
 * one carries neither. Amounts are euro, not negative, to the cent; notes at most
 * 2,000 characters. Messages say what to fix, in Italian.
 */
export function readAccertamento(input: AccertamentoInput, regole: RegoleAccertamento) {
  const tipoAnomalia = input.tipoAnomalia as TipoAnomalia;
  if (!(TIPI_ANOMALIA as readonly string[]).includes(tipoAnomalia)) throw badUserInput('tipoAnomalia: tipo di anomalia sconosciuto');
  if (!regole.tipi.includes(tipoAnomalia)) {
    throw badUserInput(`tipoAnomalia: ${tipoAnomalia} non riguarda le prestazioni di questa banca dati`, 'TIPO_NON_APPLICABILE');
  }
  const esito = input.esito as EsitoAccertamento;
  if (!(ESITI_ACCERTAMENTO as readonly string[]).includes(esito)) throw badUserInput('esito: indicare CONFERMATO o ARCHIVIATO');
  const importoDaRecuperare = euro('importoDaRecuperare', input.importoDaRecuperare);
  const sanzione = euro('sanzione', input.sanzione);
  if (esito === 'CONFERMATO' && importoDaRecuperare === null) {
    throw badUserInput("importoDaRecuperare: un accertamento confermato indica l'importo da recuperare (0 se non c'è nulla da recuperare)", 'IMPORTO_RICHIESTO');
  }
  if (esito === 'ARCHIVIATO' && (importoDaRecuperare !== null || sanzione !== null)) {
    throw badUserInput('Un accertamento archiviato non ha importo da recuperare né sanzione', 'ARCHIVIATO_CON_IMPORTI');
  }
  if (sanzione !== null && regole.sanzione && (sanzione < regole.sanzione.min || sanzione > regole.sanzione.max)) {
    throw badUserInput(
      `sanzione: per le prestazioni agevolate indebite va da ${formatEuro(regole.sanzione.min)} a ${formatEuro(regole.sanzione.max)} euro (art. 38 c. 3 DL 78/2010)`,
      'SANZIONE_FUORI_MISURA',
    );
  }
  const note = input.note?.trim() || null;
  if (note !== null && note.length > NOTE_MAX) throw badUserInput(`note: al massimo ${NOTE_MAX} caratteri`);
  return { tipoAnomalia, esito, importoDaRecuperare, sanzione, note };
}
