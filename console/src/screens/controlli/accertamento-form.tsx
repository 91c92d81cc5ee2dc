import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import { formatData } from '../../format';
import { registraAccertamento, type Accertamento, type Controllo } from './queries';

/** Parses an amount typed the Italian way (`1.234,56`) or plainly (`1234.56`); empty is none. */
export function leggiImporto(testo: string): number | null | 'invalido' {
  const t = testo.trim();
  if (!t) return null;
  const normale = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  const n = Number(normale);
  return Number.isFinite(n) && n >= 0 && /^\d+(\.\d{1,2})?$/.test(normale) ? n : 'invalido';
}

/**
 * Records the outcome of a check on one benefit. The platform stores it with the
 * operator, the ente and the case reference of the session, and logs it as an
 * identifying act; the console shows back what was stored.
 */
export function AccertamentoForm(props: {
  api: ApiClient;
  controllo: Controllo;
  prestazione: string;
  tipoAnomalia: string;
  etichetta: string;
  /** Told of what was stored, to list it with the others. */
  onRegistrato?: (a: Accertamento) => void;
}) {
  const [aperto, setAperto] = useState(false);
  const [esito, setEsito] = useState<'CONFERMATO' | 'ARCHIVIATO'>('CONFERMATO');
  const [importo, setImporto] = useState('');
  const [sanzione, setSanzione] = useState('');
  const [note, setNote] = useState('');
  const [registrato, setRegistrato] = useState<Accertamento | null>(null);
  const [errore, setErrore] = useState<string | null>(null);
  const id = `acc-${props.tipoAnomalia}-${props.prestazione}`;

  if (registrato) {
    return (
      <Avviso tipo="successo">
        Accertamento {registrato.esito === 'CONFERMATO' ? 'confermato' : 'archiviato'} registrato il {formatData(registrato.istante)} per la pratica {registrato.riferimento} (operatore{' '}
        {registrato.operatore}).
      </Avviso>
    );
  }
  if (!aperto) {
    return (
      <button type="button" onClick={() => setAperto(true)} aria-label={`Registra accertamento: ${props.etichetta}`}>
        Registra accertamento
      </button>
    );
  }

  const invia = async (event: Event) => {
    event.preventDefault();
    setErrore(null);
    const importoDaRecuperare = leggiImporto(importo);
    const sanzioneValore = leggiImporto(sanzione);
    if (importoDaRecuperare === 'invalido' || sanzioneValore === 'invalido') return setErrore('Importi non validi: usare cifre con al più due decimali (es. 1.234,56).');
    // The platform stores a confirmed anomaly only with what is to be recovered (0 when nothing).
    if (esito === 'CONFERMATO' && importoDaRecuperare === null) return setErrore('Per un’anomalia confermata indicare l’importo da recuperare (0 se nulla).');
    try {
      const input = { prestazione: props.prestazione, tipoAnomalia: props.tipoAnomalia, esito, importoDaRecuperare, sanzione: sanzioneValore, note: note.trim() || null };
      const { data } = await props.api.request<Record<string, Accertamento>>(registraAccertamento(props.controllo), { input });
      const stored = Object.values(data)[0]!;
      setRegistrato(stored);
      props.onRegistrato?.(stored);
    } catch (e) {
      setErrore((e as Error).message);
    }
  };

  return (
    <form class="accertamento" onSubmit={invia} aria-label={`Accertamento: ${props.etichetta}`}>
      <fieldset>
        <legend>Esito dell'accertamento</legend>
        <div class="campo-riga">
          <input type="radio" id={`${id}-confermato`} name={`${id}-esito`} checked={esito === 'CONFERMATO'} onChange={() => setEsito('CONFERMATO')} />
          <label for={`${id}-confermato`}>Anomalia confermata</label>
        </div>
        <div class="campo-riga">
          <input type="radio" id={`${id}-archiviato`} name={`${id}-esito`} checked={esito === 'ARCHIVIATO'} onChange={() => setEsito('ARCHIVIATO')} />
          <label for={`${id}-archiviato`}>Archiviata (nessuna irregolarità)</label>
        </div>
      </fieldset>
      <label for={`${id}-importo`}>Importo da recuperare (€){esito === 'CONFERMATO' ? ', obbligatorio' : ''}</label>
      <input id={`${id}-importo`} inputMode="decimal" value={importo} onInput={(e) => setImporto(e.currentTarget.value)} />
      <label for={`${id}-sanzione`}>Sanzione (€)</label>
      <input id={`${id}-sanzione`} inputMode="decimal" value={sanzione} onInput={(e) => setSanzione(e.currentTarget.value)} />
      <label for={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      {errore && <Avviso tipo="errore">{errore}</Avviso>}
      <div class="azioni">
        <button type="submit">Registra</button>
        <button type="button" class="secondario" onClick={() => setAperto(false)}>
          Annulla
        </button>
      </div>
    </form>
  );
}
