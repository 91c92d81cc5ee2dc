import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import { scaricaFile } from '../../components/scarica';
import { formatIntero } from '../../format';
import { esitiCsv, esitiJson } from './esiti-export';
import { ESITI_FLUSSO, STATO_FLUSSO, type Esito, type FiltroEsiti, type Flusso, type PaginaEsiti } from './queries';

/** The largest page the platform serves (kit PAGE_MAX). */
const PAGINA = 200;

const NOMI_STATO: Record<Esito['stato'], string> = {
  ACCETTATO: 'Accettato',
  ACCETTATO_CON_AVVISI: 'Accettato con avvisi',
  RIFIUTATO: 'Rifiutato',
};

async function paginaEsiti(api: ApiClient, nome: string, filtro: FiltroEsiti, dopo: string | null): Promise<PaginaEsiti> {
  const { data } = await api.request<{ flusso: { esiti: PaginaEsiti } | null }>(ESITI_FLUSSO, { nome, filtro, primi: PAGINA, dopo });
  if (!data.flusso) throw new Error(`Flusso ${nome} non trovato`);
  return data.flusso.esiti;
}

/**
 * Every record's esito of one flow, filtered on the server (rejected only, one
 * code), a page at a time; the download walks every page of the same filter so
 * the file holds what the table would show in full.
 */
export function EsitiFlusso({ api, nome }: { api: ApiClient; nome: string }) {
  const [flusso, setFlusso] = useState<Flusso | null>(null);
  const [soloRifiutati, setSoloRifiutati] = useState(false);
  const [codice, setCodice] = useState('');
  const [esiti, setEsiti] = useState<Esito[]>([]);
  const [cursore, setCursore] = useState<string | null>(null);
  const [errore, setErrore] = useState<string | null>(null);
  const [carica, setCarica] = useState(true);

  const filtro: FiltroEsiti = { ...(soloRifiutati ? { stato: 'RIFIUTATO' as const } : {}), ...(codice ? { codice } : {}) };

  useEffect(() => {
    api
      .request<{ flusso: Flusso | null }>(STATO_FLUSSO, { nome })
      .then(({ data }) => setFlusso(data.flusso))
      .catch((e: Error) => setErrore(e.message));
  }, [api, nome]);

  useEffect(() => {
    let attuale = true;
    setCarica(true);
    setErrore(null);
    paginaEsiti(api, nome, filtro, null)
      .then((pagina) => {
        if (!attuale) return;
        setEsiti(pagina.elementi);
        setCursore(pagina.haAltri ? pagina.cursoreSuccessivo : null);
      })
      .catch((e: Error) => attuale && setErrore(e.message))
      .finally(() => attuale && setCarica(false));
    return () => {
      attuale = false;
    };
  }, [api, nome, soloRifiutati, codice]);

  const altri = async () => {
    if (!cursore) return;
    setCarica(true);
    try {
      const pagina = await paginaEsiti(api, nome, filtro, cursore);
      setEsiti((lista) => [...lista, ...pagina.elementi]);
      setCursore(pagina.haAltri ? pagina.cursoreSuccessivo : null);
    } catch (e) {
      setErrore((e as Error).message);
    } finally {
      setCarica(false);
    }
  };

  const scarica = async (formato: 'csv' | 'json') => {
    try {
      const tutti: Esito[] = [];
      let dopo: string | null = null;
      do {
        const pagina: PaginaEsiti = await paginaEsiti(api, nome, filtro, dopo);
        tutti.push(...pagina.elementi);
        dopo = pagina.haAltri ? pagina.cursoreSuccessivo : null;
      } while (dopo);
      const suffisso = soloRifiutati ? '-rifiutati' : '';
      if (formato === 'csv') scaricaFile(`esiti-${nome}${suffisso}${codice ? `-${codice}` : ''}.csv`, esitiCsv(tutti), 'text/csv;charset=utf-8');
      else scaricaFile(`esiti-${nome}${suffisso}${codice ? `-${codice}` : ''}.json`, esitiJson(nome, tutti), 'application/json');
    } catch (e) {
      setErrore((e as Error).message);
    }
  };

  return (
    <section class="esiti" aria-labelledby="titolo-esiti">
      <h2 id="titolo-esiti">Esiti del flusso {nome}</h2>
      <div class="filtri" role="group" aria-label="Filtri degli esiti">
        <div class="campo-riga">
          <input id="solo-rifiutati" type="checkbox" checked={soloRifiutati} onChange={(e) => setSoloRifiutati(e.currentTarget.checked)} />
          <label for="solo-rifiutati">Solo rifiutati</label>
        </div>
        <div class="campo-riga">
          <label for="codice-esito">Codice</label>
          <select id="codice-esito" value={codice} onChange={(e) => setCodice(e.currentTarget.value)}>
            <option value="">Tutti i codici</option>
            {(flusso?.riepilogo.codici ?? []).map((c) => (
              <option key={c.codice} value={c.codice}>
                {c.codice} ({c.gravita === 'ERRORE' ? 'errore' : 'avviso'}, {formatIntero(c.record)} record)
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="secondario" onClick={() => void scarica('csv')}>
          Scarica CSV
        </button>
        <button type="button" class="secondario" onClick={() => void scarica('json')}>
          Scarica JSON
        </button>
      </div>
      {errore && <Avviso tipo="errore">{errore}</Avviso>}
      <p role="status" class="aiuto">
        {carica ? 'Caricamento degli esiti…' : `${formatIntero(esiti.length)} record mostrati${cursore ? ', altri disponibili' : ''}`}
      </p>
      <div class="tabella-scorrevole">
        <table>
          <caption class="sr-only">Esiti dei record del flusso {nome}</caption>
          <thead>
            <tr>
              <th scope="col">N.</th>
              <th scope="col">Riga</th>
              <th scope="col">Esito</th>
              <th scope="col">Riferimento</th>
              <th scope="col">Prestazione</th>
              <th scope="col">Segnalazioni</th>
            </tr>
          </thead>
          <tbody>
            {esiti.map((e) => (
              <tr key={`${e.parte}-${e.numero}`} class={`stato-${e.stato}`}>
                <td>{e.numero}</td>
                <td>{e.riga ?? '—'}</td>
                <td>{NOMI_STATO[e.stato]}</td>
                <td>{e.riferimento ?? '—'}</td>
                <td>{e.codicePrestazione ?? '—'}</td>
                <td>
                  {e.segnalazioni.length === 0 ? (
                    '—'
                  ) : (
                    <ul class="segnalazioni">
                      {e.segnalazioni.map((s, i) => (
                        <li key={i}>
                          <code>{s.codice}</code>
                          {s.campo ? ` (${s.campo})` : ''}: {s.messaggio}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursore && (
        <button type="button" class="secondario" onClick={() => void altri()} disabled={carica}>
          Mostra altri esiti
        </button>
      )}
    </section>
  );
}
