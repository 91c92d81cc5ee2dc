import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import { formatData, formatEuro, NOMI_AREA_UTENZA } from '../../format';
import { CARTELLA, type Cartella as CartellaDati } from './queries';
import { timelineCartella, type TipoEvento } from './timeline';

const NOMI_TIPO: Record<TipoEvento, string> = {
  PRESTAZIONE_AGEVOLATA: 'Prestazione agevolata (ISEE)',
  PRESTAZIONE_SOCIALE: 'Prestazione sociale',
  VALUTAZIONE_SINA: 'Valutazione',
  CASO_SIP: 'Presa in carico SIP',
};

/** Shape of a codice fiscale: 16 characters with omocodia letters, or the 11-digit temporary code. */
const CODICE_FISCALE = /^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$/;

/**
 * A case worker opens a person's cartella by codice fiscale: the anagrafica, then
 * every benefit and assessment on one timeline, newest first, with periods and
 * amounts. Opening a cartella is recorded in the access log by the platform.
 */
export function Cartella({ api }: { api: ApiClient }) {
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [cartella, setCartella] = useState<CartellaDati | null>(null);
  const [esito, setEsito] = useState<string | null>(null);
  const [errore, setErrore] = useState<string | null>(null);
  const [attesa, setAttesa] = useState(false);

  const cerca = async (event: Event) => {
    event.preventDefault();
    const cf = codiceFiscale.trim().toUpperCase();
    setErrore(null);
    setEsito(null);
    setCartella(null);
    if (!CODICE_FISCALE.test(cf)) return setErrore('Codice fiscale non valido: 16 caratteri (o 11 cifre per un codice provvisorio).');
    setAttesa(true);
    try {
      const { data, errors } = await api.request<{ persona: CartellaDati | null }>(CARTELLA, { codiceFiscale: cf });
      if (!data.persona) setEsito(`Nessuna persona con codice fiscale ${cf} tra quelle in carico all'ente.`);
      setCartella(data.persona);
      if (errors.length > 0) setErrore(`Parte della cartella non è disponibile: ${errors[0]!.message}`);
    } catch (e) {
      setErrore((e as Error).message);
    } finally {
      setAttesa(false);
    }
  };

  return (
    <section aria-labelledby="titolo-cartella">
      <h1 id="titolo-cartella">Cartella sociale</h1>
      <form class="ricerca" onSubmit={cerca} role="search">
        <label for="codice-fiscale">Codice fiscale</label>
        <input
          id="codice-fiscale"
          value={codiceFiscale}
          onInput={(e) => setCodiceFiscale(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          maxLength={16}
          class="maiuscolo"
        />
        <button type="submit" disabled={attesa}>
          {attesa ? 'Ricerca…' : 'Apri la cartella'}
        </button>
      </form>
      {errore && <Avviso tipo="errore">{errore}</Avviso>}
      {esito && <Avviso tipo="info">{esito}</Avviso>}
      {cartella && <VistaCartella cartella={cartella} />}
    </section>
  );
}

function VistaCartella({ cartella }: { cartella: CartellaDati }) {
  const a = cartella.anagrafica;
  const r = cartella.residenza;
  const eventi = timelineCartella(cartella, NOMI_AREA_UTENZA);
  return (
    <article class="cartella" aria-labelledby="nome-persona">
      <h2 id="nome-persona">
        {a?.cognome ?? '—'} {a?.nome ?? ''}
      </h2>
      <dl class="anagrafica">
        <div>
          <dt>Codice fiscale</dt>
          <dd>{cartella.codiceFiscale ?? '—'}</dd>
        </div>
        <div>
          <dt>Anno di nascita</dt>
          <dd>{a?.annoNascita ?? '—'}</dd>
        </div>
        <div>
          <dt>Genere</dt>
          <dd>{a?.genere === 'FEMMINA' ? 'Femmina' : a?.genere === 'MASCHIO' ? 'Maschio' : '—'}</dd>
        </div>
        <div>
          <dt>Residenza</dt>
          <dd>{r?.comune ? `${r.comune.nome} (${r.comune.siglaProvincia})` : (r?.codiceComune ?? '—')}</dd>
        </div>
      </dl>
      <h3>Prestazioni e valutazioni ({eventi.length})</h3>
      {eventi.length === 0 ? (
        <p>Nessuna prestazione né valutazione registrata.</p>
      ) : (
        <ol class="timeline">
          {eventi.map((e) => (
            <li key={e.chiave} class={`evento evento-${e.tipo}`}>
              <p class="evento-data">
                <time dateTime={e.data ?? undefined}>{formatData(e.data)}</time>
                {e.fine ? (
                  <>
                    {' – '}
                    <time dateTime={e.fine}>{formatData(e.fine)}</time>
                  </>
                ) : null}
              </p>
              <div class="evento-corpo">
                <p class="evento-tipo">{NOMI_TIPO[e.tipo]}</p>
                <h4>
                  {e.codice ? <code>{e.codice}</code> : null} {e.titolo}
                </h4>
                <p class="evento-ente">{e.ente}</p>
                {(e.importoMensile !== null || e.importoTotale !== null) && (
                  <p class="evento-importi">
                    {e.importoMensile !== null && <span>Mensile {formatEuro(e.importoMensile)}</span>}
                    {e.importoTotale !== null && <span>Totale {formatEuro(e.importoTotale)}</span>}
                  </p>
                )}
                {e.dettagli.length > 0 && (
                  <ul class="evento-dettagli">
                    {e.dettagli.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
