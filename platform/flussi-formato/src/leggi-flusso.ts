/**
 * The one entry point for a received flow: document checks, then XSD
 * validation (worker threads) and parsing (this thread) side by side, then each
 * schema error assigned to the record it is in. A document that fails the
 * checks, or is not well-formed, is refused whole and yields no records.
 */
import { controllaDocumento, type OpzioniControlli } from './controlli-documento';
import { ErroreXmlMalformato, leggiRecords, type FlussoLetto, type NodoPrimoLivello, type RecordsPerTipo } from './parser';
import type { IntestazioneFlusso, TipoFlusso } from './records';
import type { Errore, RifiutoDocumento } from './tipi';
import { risolviPasso, ValidazioneProgressiva, type ErroreValidazione, type OpzioniValidazione, type SezioneParte } from './validazione-xsd';

/** Options of `leggiFlusso`: the size limit, and how validation is spread over threads. */
export interface OpzioniLettura extends OpzioniControlli, OpzioniValidazione {}

/** A flow read: its records and every schema error, flow-level or per record. */
export interface FlussoLettoConErrori<T extends TipoFlusso = TipoFlusso> {
  ok: true;
  tipo: T;
  intestazione: IntestazioneFlusso;
  /** `BeneficiarioFlusso[]`, `CasoSinbaFlusso[]` or `CasoSipFlusso[]`, by `tipo`. */
  records: RecordsPerTipo[T];
  /** Records that get an esito: benefits for PS_PSA_SINA, cases for SINBA and SIP. */
  numeroRecord: number;
  /** Schema errors outside every record (`IdentificazioneFlusso`, the structure): the flow cannot be accepted. */
  erroriFlusso: Errore[];
  /**
   * Schema errors of each record, by `posizione.numero` (the benefit's for
   * PS_PSA_SINA). An error in a `Beneficiario` outside its `PrestazioniSociali`
   * (its codice fiscale, `Anagrafica`, `Indirizzo`) is listed under each of its benefits.
   */
  erroriPerRecord: Map<number, Errore[]>;
  /** Size of the document in bytes. */
  bytes: number;
}

/** A document refused whole: nothing of it may be stored. */
export interface FlussoRifiutato {
  ok: false;
  rifiuto: RifiutoDocumento;
}

export type EsitoLettura<T extends TipoFlusso = TipoFlusso> = FlussoLettoConErrori<T> | FlussoRifiutato;

/** The top-level nodes a part held, in order: those of its head and those of its run of records. */
function nodiDellaSezione(nodi: readonly NodoPrimoLivello[], sezione: SezioneParte): NodoPrimoLivello[] {
  // Nodes are in document order: find the bounds by bisection.
  const primoDa = (offset: number): number => {
    let lo = 0;
    let hi = nodi.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((nodi[mid] as NodoPrimoLivello).inizio < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [...nodi.slice(0, primoDa(sezione.fineTesta)), ...nodi.slice(primoDa(sezione.inizioChunk), primoDa(sezione.fineChunk))];
}

/** Assigns schema errors to records through libxml2's node paths, with a cache per part. */
class Assegnatore {
  private readonly cache = new Map<SezioneParte, { nodi: NodoPrimoLivello[]; nomi?: string[] }>();

  constructor(private readonly nodi: readonly NodoPrimoLivello[]) {}

  /** The records an error concerns: one, all of a beneficiary's, or none (a flow-level error). */
  records(e: ErroreValidazione): number[] {
    const primo = e.percorso?.[0];
    if (primo && e.sezione) {
      let voce = this.cache.get(e.sezione);
      if (!voce) this.cache.set(e.sezione, (voce = { nodi: nodiDellaSezione(this.nodi, e.sezione) }));
      let k: number | undefined;
      if (primo.nome === '*') k = primo.indice - 1;
      else k = risolviPasso(primo, (voce.nomi ??= voce.nodi.map((n) => n.qname)));
      const nodo = k === undefined ? undefined : voce.nodi[k];
      if (!nodo) return [];
      const passo = e.percorso?.[1];
      const figli = nodo.figli;
      if (passo && figli) {
        const figlio = passo.nome === '*' ? passo.indice - 1 : risolviPasso(passo, figli.qname);
        const record = figlio === undefined ? undefined : figli.record[figlio];
        if (record) return [record];
      }
      return nodo.records;
    }
    if (e.percorso) return []; // the root itself: a flow-level error
    // No node path: fall back on lines, when exactly one top-level element spans the line.
    const candidati = this.nodi.filter((n) => n.riga <= e.riga && e.riga <= n.rigaFine);
    return candidati.length === 1 ? (candidati[0] as NodoPrimoLivello).records : [];
  }
}

function pubblico(e: ErroreValidazione): Errore {
  const { percorso: _p, sezione: _s, ...errore } = e;
  return errore;
}

/**
 * Reads a flow of type `tipo` (as the caller declared it) from its bytes or
 * text. Resolves to the refusal of the whole document (`ok: false`: wrong size,
 * encoding, DOCTYPE, root, namespace or type, malformed XML) or to its header,
 * its records in document order, and its schema errors: `erroriFlusso` for those
 * outside every record, `erroriPerRecord` for the others, keyed by the record's
 * `posizione.numero`. Validation runs in worker threads for big documents
 * (see `OpzioniValidazione`).
 */
export async function leggiFlusso<T extends TipoFlusso>(contenuto: string | Uint8Array, tipo: T, opzioni: OpzioniLettura = {}): Promise<EsitoLettura<T>> {
  const controllo = controllaDocumento(contenuto, tipo, opzioni);
  if (!controllo.ok) return controllo;
  const { testo } = controllo;

  // The parser tells the validator where each child of the root ends: big
  // documents go to the workers part by part while this thread reads on.
  const validazione = new ValidazioneProgressiva(testo, tipo, opzioni);
  let letto: FlussoLetto<T> | undefined;
  let malformato: ErroreXmlMalformato | undefined;
  try {
    letto = leggiRecords(testo, tipo, { onConfine: (fine) => validazione.confine(fine) });
  } catch (e) {
    if (!(e instanceof ErroreXmlMalformato)) throw e;
    malformato = e;
  }
  const v = await validazione.termina();
  if (!v.malformato && malformato) {
    // libxml2 read it as well-formed but the fast tokenizer could not: saxes can.
    try {
      letto = leggiRecords(testo, tipo, { motore: 'saxes' });
      malformato = undefined;
    } catch (e) {
      if (!(e instanceof ErroreXmlMalformato)) throw e;
      malformato = e;
    }
  }

  if (v.malformato || malformato || !letto) {
    // libxml2 says more about the cause; saxes is the fallback.
    const riga = v.malformato?.riga ?? malformato?.riga;
    const colonna = v.malformato ? v.malformato.colonna : malformato?.colonna;
    const causa = v.malformato?.messaggio ?? malformato?.message ?? 'errore di sintassi';
    const dove = riga === undefined ? '' : ` alla riga ${riga}${colonna ? `, colonna ${colonna}` : ''}`;
    return {
      ok: false,
      rifiuto: { codice: 'XML_MALFORMATO', messaggio: `Il documento non è XML ben formato${dove}: ${causa}.`, ...(riga === undefined ? {} : { riga }), ...(colonna ? { colonna } : {}) },
    };
  }

  const erroriFlusso: Errore[] = [];
  const erroriPerRecord = new Map<number, Errore[]>();
  const assegnatore = new Assegnatore(letto.nodi);
  for (const e of v.errori) {
    const records = assegnatore.records(e);
    const errore = pubblico(e);
    if (records.length === 0) erroriFlusso.push(errore);
    for (const n of records) {
      const lista = erroriPerRecord.get(n);
      if (lista) lista.push(errore);
      else erroriPerRecord.set(n, [errore]);
    }
  }
  if (v.troncato) {
    erroriFlusso.push({
      codice: 'XSD_TROPPI_ERRORI',
      messaggio: `Il flusso contiene più di ${v.errori.length.toLocaleString('it-IT')} errori di schema: la validazione si è fermata. Correggere gli errori segnalati e inviarlo di nuovo.`,
    });
  }
  return {
    ok: true,
    tipo,
    intestazione: letto.intestazione,
    records: letto.records,
    numeroRecord: letto.numeroRecord,
    erroriFlusso,
    erroriPerRecord,
    bytes: controllo.bytes,
  };
}
