/**
 * The summaries the operator reads: one block per flow (after sending it, or
 * for `flusso stato`), and the totals of a run over several files.
 */
import type { TipoFlusso } from '@casellario/flussi-formato';
import { codiciPiuFrequenti, type ConteggioCodici, type Flusso, type Riepilogo } from './esiti';
import { numero, plurale } from './formato';

/** How many codes a summary lists. */
export const CODICI_IN_RIEPILOGO = 10;

/** What became of one file of `flusso invia`. */
export interface EsitoFile {
  file: string;
  /**
   * inviato: every part answered; rifiutato: the file or one of its parts was
   * refused (nothing of that part stored); interrotto: the gateway stopped
   * answering; saltato: not tried, an earlier failure made it pointless.
   */
  esito: 'inviato' | 'rifiutato' | 'interrotto' | 'saltato';
  nome?: string;
  tipo?: TipoFlusso;
  /** Parts the file was split into (0 when it could not be split). */
  parti: number;
  /** Parts the registry answered for. */
  partiInviate: number;
  /** Parts the registry already had from an earlier run (`giaRicevuto`). */
  giaRicevute: number[];
  /** Of those, the ones it had with different content: not applied. */
  diverse: number[];
  /** The flow as the last answer gave it. */
  flusso?: Flusso;
  codici?: ConteggioCodici;
  /** The sentence that says why it failed (printed on stderr when it happened). */
  errore?: string;
  /** The short reason, for the summary: a refusal code (`XML_MALFORMATO`), «file non trovato»… */
  motivo?: string;
  /** The failure stops the run: the next files are not tried. */
  fermaGliAltri?: boolean;
}

const STATI: Record<Flusso['stato'], string> = {
  PARZIALE: 'parziale (non tutte le parti sono arrivate)',
  IN_CONSEGNA: 'ricevuto, in consegna ai componenti',
  CONSEGNATO: 'consegnato: ogni record accettato è nei componenti',
};

/** «record 3 · accettati 0 · accettati con avvisi 0 · rifiutati 3». */
export function rigaRiepilogo(r: Riepilogo): string {
  return `record ${numero(r.record)} · accettati ${numero(r.accettati)} · accettati con avvisi ${numero(r.accettatiConAvvisi)} · rifiutati ${numero(r.rifiutati)}`;
}

/** The most frequent codes as aligned lines, each with its gravity and, when known, its description. */
export function righeCodici(codici: ConteggioCodici, descrizioni: ReadonlyMap<string, string>, rientro: string): string[] {
  const primi = codiciPiuFrequenti(codici, CODICI_IN_RIEPILOGO);
  if (primi.length === 0) return [`${rientro}nessuna segnalazione`];
  const larghezza = Math.max(...primi.map((c) => c.codice.length));
  const cifre = Math.max(...primi.map((c) => numero(c.record).length));
  const righe = primi.map((c) => {
    const descrizione = descrizioni.get(c.codice);
    return `${rientro}${c.codice.padEnd(larghezza)}  ${numero(c.record).padStart(cifre)}  ${c.gravita.toLowerCase().padEnd(6)}${descrizione ? `  ${tronca(descrizione, 90)}` : ''}`;
  });
  if (codici.size > primi.length) righe.push(`${rientro}… e altri ${plurale(codici.size - primi.length, 'codice', 'codici')} (elenco completo: flusso esiti <nome> --csv <file>)`);
  return righe;
}

/** The block describing a flow as the registry keeps it. */
export function righeFlusso(f: Flusso, codici: ConteggioCodici | undefined, descrizioni: ReadonlyMap<string, string>): string[] {
  const righe = [`  ${rigaRiepilogo(f.riepilogo)}`];
  const parti = f.parti > 1 ? ` · parti ricevute ${numero(f.partiRicevute)} su ${numero(f.parti)}` : '';
  righe.push(`  stato: ${STATI[f.stato] ?? f.stato}${parti}`);
  const { consegna } = f;
  if (consegna.consegnati + consegna.daConsegnare > 0) {
    righe.push(`  consegna: ${numero(consegna.consegnati)} record consegnati, ${numero(consegna.daConsegnare)} da consegnare${consegna.ultimoErrore ? ` · ultimo errore: ${consegna.ultimoErrore}` : ''}`);
  }
  if (f.avvisiFlusso.length > 0) {
    righe.push('  avvisi sul flusso intero (ripetuti nell\'esito di ogni record):');
    for (const a of f.avvisiFlusso) righe.push(`    ${a.codice}${a.messaggio ? `: ${a.messaggio}` : ''}`);
  }
  if (codici) {
    righe.push('  segnalazioni più frequenti (codice, record che la riportano, gravità):');
    righe.push(...righeCodici(codici, descrizioni, '    '));
  }
  return righe;
}

/** The block after sending one file: what was sent, whether it was new, and the flow's esito. */
export function righeEsitoFile(e: EsitoFile, descrizioni: ReadonlyMap<string, string>): string[] {
  const testa = e.nome ? `${e.file} → flusso ${e.nome}${e.tipo ? ` (${e.tipo}, ${plurale(e.parti, 'parte', 'parti')})` : ''}` : e.file;
  const righe = [testa];
  if (e.esito !== 'inviato') {
    const cosa = e.esito === 'saltato' ? 'NON INVIATO' : e.esito === 'rifiutato' ? 'RIFIUTATO' : 'INVIO INTERROTTO';
    const dopo = e.partiInviate > 0 ? ` alla parte ${numero(e.partiInviate + 1)} di ${numero(e.parti)}` : '';
    const perche = e.esito === 'saltato' ? (e.errore ?? '') : e.motivo ? `motivo: ${e.motivo}` : '';
    righe.push(`  ${cosa}${dopo}${perche ? ` (${perche})` : ''}${e.partiInviate === 0 && e.esito !== 'saltato' ? ': nulla è stato registrato.' : '.'}`);
    if (e.fermaGliAltri) righe.push('  I file seguenti non vengono inviati: con lo stesso token o lo stesso gateway fallirebbero allo stesso modo.');
    if (e.partiInviate > 0) {
      righe.push('  Le parti ricevute restano registrate; rilanciando lo stesso comando (con lo stesso --record-per-parte) si completa il flusso senza registrarle due volte.');
    }
  }
  const nuove = e.partiInviate - e.giaRicevute.length;
  if (e.giaRicevute.length > 0) {
    const uguali = e.giaRicevute.filter((p) => !e.diverse.includes(p));
    if (e.giaRicevute.length === e.partiInviate && e.esito === 'inviato') {
      righe.push(
        e.diverse.length === 0
          ? '  già ricevuto: il registro aveva già questo flusso, con lo stesso contenuto; nulla è cambiato e l\'esito è quello del primo invio.'
          : `  già ricevuto CON CONTENUTO DIVERSO: il registro ha già un flusso con questo nome ma con altri dati, e questo invio NON è stato applicato${e.parti > 1 ? ` (parti diverse: ${elenco(e.diverse)})` : ''}. Per inviare dati corretti dare al flusso un nuovo progressivo nel nome.`,
      );
    } else {
      if (uguali.length > 0) righe.push(`  già ricevute in un invio precedente, con lo stesso contenuto: parti ${elenco(uguali)}; inviate ora: ${plurale(nuove, 'parte', 'parti')}.`);
      if (e.diverse.length > 0) {
        righe.push(`  già ricevute CON CONTENUTO DIVERSO, quindi NON applicate: parti ${elenco(e.diverse)}. Usare lo stesso --record-per-parte del primo invio, o un nuovo progressivo nel nome del flusso.`);
      }
    }
  }
  if (e.flusso) righe.push(...righeFlusso(e.flusso, e.codici, descrizioni));
  return righe;
}

/** The totals of a run: files by outcome, records by esito (flows sent or partly sent), codes merged. */
export function righeTotale(esiti: readonly EsitoFile[], descrizioni: ReadonlyMap<string, string>): string[] {
  const conta = (k: EsitoFile['esito']) => esiti.filter((e) => e.esito === k).length;
  const parti = [`${plurale(conta('inviato'), 'inviato', 'inviati')}`];
  if (conta('rifiutato')) parti.push(`${plurale(conta('rifiutato'), 'rifiutato', 'rifiutati')}`);
  if (conta('interrotto')) parti.push(`${plurale(conta('interrotto'), 'interrotto', 'interrotti')}`);
  if (conta('saltato')) parti.push(`${plurale(conta('saltato'), 'non inviato', 'non inviati')}`);
  const gia = esiti.filter((e) => e.esito === 'inviato' && e.giaRicevute.length > 0 && e.giaRicevute.length === e.partiInviate);
  if (gia.length) parti.push(`${plurale(gia.length, 'era già ricevuto', 'erano già ricevuti')}`);
  const righe = [`Totale: ${plurale(esiti.length, 'file', 'file')} · ${parti.join(' · ')}`];
  const conFlusso = esiti.filter((e) => e.flusso);
  if (conFlusso.length > 0) {
    const somma: Riepilogo = { record: 0, accettati: 0, accettatiConAvvisi: 0, rifiutati: 0 };
    const codici: ConteggioCodici = new Map();
    for (const e of conFlusso) {
      const r = e.flusso!.riepilogo;
      somma.record += r.record;
      somma.accettati += r.accettati;
      somma.accettatiConAvvisi += r.accettatiConAvvisi;
      somma.rifiutati += r.rifiutati;
      for (const [codice, v] of e.codici ?? []) {
        const voce = codici.get(codice);
        if (voce) voce.record += v.record;
        else codici.set(codice, { ...v });
      }
    }
    righe.push(`  ${rigaRiepilogo(somma)}`);
    if (conFlusso.length > 1 && conFlusso.some((e) => e.codici)) {
      righe.push('  segnalazioni più frequenti:');
      righe.push(...righeCodici(codici, descrizioni, '    '));
    }
  }
  for (const e of esiti.filter((x) => x.esito !== 'inviato')) {
    righe.push(`  ${e.file}: ${e.esito === 'saltato' ? 'non inviato' : e.esito}${e.motivo ? ` (${e.motivo})` : ''}`);
  }
  return righe;
}

function elenco(numeri: readonly number[]): string {
  if (numeri.length <= 12) return numeri.join(', ');
  return `${numeri.slice(0, 12).join(', ')} e altre ${numeri.length - 12}`;
}

function tronca(testo: string, n: number): string {
  return testo.length <= n ? testo : `${testo.slice(0, n - 1)}…`;
}
