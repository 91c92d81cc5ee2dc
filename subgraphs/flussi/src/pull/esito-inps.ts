import type { DatabaseHandle } from '@casellario/kit';
import { sql } from 'drizzle-orm';
import { findParti } from '../db/queries';
import type { CodiceEsito, EsitoFlusso } from './waas';

/** What the comune knows an entry by: echoed in its esito as the comune sent it. */
export interface RiferimentoVoce {
  idFlusso: string;
  tipo: string;
  tsFlusso: string;
  codiceEnte?: string | undefined;
  denominazioneEnte?: string | undefined;
}

/** The ente fields of an esito, as the entry named them (the specification's examples carry them). */
function ente(voce: RiferimentoVoce): Pick<EsitoFlusso, 'codice_ente' | 'denominazione_ente'> {
  return {
    ...(voce.codiceEnte ? { codice_ente: voce.codiceEnte } : {}),
    ...(voce.denominazioneEnte ? { denominazione_ente: voce.denominazioneEnte } : {}),
  };
}

/** Longest `descrizione_esito` sent: the schema sets no limit, comuni's databases do. */
export const MAX_DESCRIZIONE = 2000;
/** How many distinct reasons a partial refusal quotes. */
const MOTIVI = 3;
const MAX_MOTIVO = 500;

// A 16-character codice fiscale (omocodes included) or an 11-digit temporary one.
const CODICE_FISCALE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b|\b\d{11}\b/gi;

/**
 * Masks anything shaped like a codice fiscale in a text that leaves the
 * registry. The stored esiti are masked already; this guards the texts that
 * are not (parser messages quoting an attribute, errors of the comune's API).
 */
export function mascheraCodiciFiscali(testo: string): string {
  return testo.replace(CODICE_FISCALE, (cf) => cf.slice(0, 3).toUpperCase() + '*'.repeat(cf.length - 5) + cf.slice(-2).toUpperCase());
}

/** Cuts a text to `max` characters, marking the cut. */
export function tronca(testo: string, max: number): string {
  return testo.length <= max ? testo : `${testo.slice(0, max - 1)}…`;
}

const plurale = (n: number, uno: string, molti: string) => `${n} ${n === 1 ? uno : molti}`;

/**
 * The esito of an entry the registry did not store (or not yet): refused
 * (`RICHIESTA_INVALIDA`) or failed inside the registry (`ERRORE_GENERICO`).
 */
export function esitoSenzaAcquisizione(voce: RiferimentoVoce, codice: Exclude<CodiceEsito, 'OK' | 'DATI_NON_TROVATI'>, descrizione: string, adesso: Date): EsitoFlusso {
  return {
    ...ente(voce),
    id_flusso: voce.idFlusso,
    tipo: voce.tipo,
    ts_flusso: voce.tsFlusso,
    ts_acquisizione: adesso.toISOString(),
    codice_esito: codice,
    descrizione_esito: tronca(mascheraCodiciFiscali(descrizione), MAX_DESCRIZIONE),
  };
}

interface Motivo {
  codice: string;
  record: number;
  messaggio: string;
}

/**
 * The esito of a flow the registry stored, from its stored counts: every record
 * accepted (warnings or not) is `OK` with the flow's id as `id_acquisizione_siuss`;
 * any record refused is `DATI_NON_TROVATI`, described by how many were refused
 * and the first distinct reasons, so the comune can fix them without asking.
 * The stored esiti already mask codici fiscali; the text is masked again anyway.
 */
export async function esitoFlussoRegistrato(handle: DatabaseHandle, flusso: { nome: string; ente: string }, voce: RiferimentoVoce): Promise<EsitoFlusso> {
  const parti = (await findParti(handle, flusso.nome)).filter((p) => p.enteCodice === flusso.ente);
  const prima = parti[0];
  if (!prima) throw new Error(`flusso ${flusso.nome} dell'ente ${flusso.ente} non trovato dopo la ricezione`);
  const conta = { record: 0, accettati: 0, conAvvisi: 0, rifiutati: 0 };
  for (const p of parti) {
    conta.record += p.record;
    conta.accettati += p.accettati;
    conta.conAvvisi += p.conAvvisi;
    conta.rifiutati += p.rifiutati;
  }
  const base = { ...ente(voce), id_flusso: voce.idFlusso, tipo: voce.tipo, ts_flusso: voce.tsFlusso, ts_acquisizione: prima.ricevutoIl.toISOString() };

  if (conta.rifiutati === 0) {
    const avvisi = conta.conAvvisi > 0 ? `, ${conta.conAvvisi === conta.record ? (conta.record === 1 ? 'con avvisi' : 'tutti con avvisi') : `di cui ${conta.conAvvisi} con avvisi`}` : '';
    return {
      ...base,
      codice_esito: 'OK',
      descrizione_esito: `Flusso acquisito: ${plurale(conta.record, 'record registrato', 'record registrati')}${avvisi}.`,
      id_acquisizione_siuss: prima.id,
    };
  }

  const motivi = await motiviRifiuto(handle, parti.map((p) => p.id));
  const registrati = conta.record - conta.rifiutati;
  // A structure the XML schema refuses is RICHIESTA_INVALIDA ("struttura non conforme alle specifiche");
  // DATI_NON_TROVATI is for data a well-formed flow gets wrong.
  const strutturale = motivi.righe.length > 0 && motivi.righe.every((m) => m.codice.startsWith('XSD_'));

  const rifiutati = conta.rifiutati === 1 ? 'rifiutato' : 'rifiutati';
  const quanti =
    registrati === 0
      ? `${conta.rifiutati} record su ${conta.record} ${rifiutati}: nessun record è stato registrato.`
      : registrati === 1
        ? `${conta.rifiutati} record su ${conta.record} ${rifiutati}; 1 record è stato registrato (acquisizione ${prima.id}) e non va reinviato.`
        : `${conta.rifiutati} record su ${conta.record} ${rifiutati}; ${registrati} record sono stati registrati (acquisizione ${prima.id}) e non vanno reinviati.`;
  const elenco = motivi.righe.map((m) => `[${m.codice}, ${plurale(m.record, 'record', 'record')}] ${tronca(m.messaggio, MAX_MOTIVO)}`).join(' ');
  const altri = motivi.totale > motivi.righe.length ? ` Altri ${motivi.totale - motivi.righe.length} motivi nel dettaglio dell'esito.` : '';
  const descrizione = `${quanti} Motivi: ${elenco}${altri} Correggere i record rifiutati e inviarli in un nuovo flusso, con un nuovo nome.`;
  return {
    ...base,
    codice_esito: strutturale ? 'RICHIESTA_INVALIDA' : 'DATI_NON_TROVATI',
    descrizione_esito: tronca(mascheraCodiciFiscali(descrizione), MAX_DESCRIZIONE),
  };
}

/** The refused records' distinct errors, in the order they first appear, with how many records each stopped. */
async function motiviRifiuto(handle: DatabaseHandle, flussoIds: string[]): Promise<{ righe: Motivo[]; totale: number }> {
  const ids = sql.join(
    flussoIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await handle.rows<{ codice: string; record: number; messaggio: string; totale: number }>(sql`
    with errori as (
      select e.numero, s.v ->> 'codice' as codice, s.v ->> 'messaggio' as messaggio, s.ord
      from flussi.esito e
      cross join lateral jsonb_array_elements(e.segnalazioni) with ordinality as s(v, ord)
      where e.flusso_id in (${ids}) and e.stato = 'RIFIUTATO' and s.v ->> 'gravita' = 'ERRORE'
    ), per_codice as (
      select codice, count(distinct numero)::int as record,
        (array_agg(messaggio order by numero, ord))[1] as messaggio,
        min(numero) as primo, (array_agg(ord order by numero, ord))[1] as ordine
      from errori group by codice
    )
    select codice, record, messaggio, (count(*) over ())::int as totale
    from per_codice order by primo, ordine limit ${MOTIVI}`);
  return { righe: rows.map((r) => ({ codice: r.codice, record: Number(r.record), messaggio: r.messaggio })), totale: Number(rows[0]?.totale ?? 0) };
}
