/**
 * Waiting for delivery: a flow is acknowledged as soon as it is stored, and its
 * accepted records then reach their components in the background. `--attendi-consegna`
 * polls `flusso(nome)` until every accepted record is there.
 */
import { creaAvanzamento, type Uscita } from './avanzamento';
import type { ClientCasellario } from './client';
import { leggiFlusso, type Flusso } from './esiti';

export interface OpzioniAttesa {
  /** Give up after this long. */
  attesaMassimaMs: number;
  /** Between two polls. Default 1 s. */
  intervalloMs?: number;
}

/**
 * Polls the flow until `consegna.completata`, showing delivered records over
 * the total. Resolves with the last state read and whether delivery completed
 * within `attesaMassimaMs`; a failure that outlasts the client's retries throws.
 */
export async function attendiConsegna(
  client: ClientCasellario,
  nome: string,
  out: Uscita,
  opzioni: OpzioniAttesa,
): Promise<{ completata: boolean; flusso: Flusso }> {
  const scadenza = Date.now() + opzioni.attesaMassimaMs;
  let flusso = await leggiFlusso(client, nome);
  const totale = () => flusso.consegna.consegnati + flusso.consegna.daConsegnare;
  if (flusso.consegna.completata) return { completata: true, flusso };
  const barra = creaAvanzamento(out, { etichetta: `${nome} · consegna`, totale: totale(), unita: 'record', decimi: true });
  let ultimoErrore: string | null = null;
  try {
    while (!flusso.consegna.completata) {
      if (Date.now() >= scadenza) {
        barra.chiudi('tempo di attesa esaurito');
        return { completata: false, flusso };
      }
      await new Promise((r) => setTimeout(r, opzioni.intervalloMs ?? 1000));
      flusso = await leggiFlusso(client, nome);
      barra.totale(totale());
      const errore = flusso.consegna.ultimoErrore;
      // Said once per distinct failure: a plain log must not repeat it at every poll.
      const nota = errore && errore !== ultimoErrore ? `consegna in ritardo: ${errore}` : undefined;
      ultimoErrore = errore;
      barra.avanza(flusso.consegna.consegnati, nota);
    }
    barra.chiudi('consegna completata');
    return { completata: true, flusso };
  } catch (e) {
    barra.chiudi();
    throw e;
  }
}
