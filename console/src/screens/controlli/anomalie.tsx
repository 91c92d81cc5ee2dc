import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import type { Sessione } from '../../session';
import { AccertamentoForm } from './accertamento-form';
import { EvidenzaAnomalia } from './evidenza';
import { CONTROLLI, NOMI_ANOMALIA, type Accertamento, type Anomalia, type Controllo, type PaginaAnomalie } from './queries';
import { formatData, formatEuro } from '../../format';

/**
 * A control body lists the anomalies the platform finds in its scope, each with
 * its evidence, and records the outcome of its check (an accertamento) under the
 * case reference it signed in with.
 */
export function Anomalie({ api, sessione }: { api: ApiClient; sessione: Sessione }) {
  const [controllo, setControllo] = useState<Controllo>('ISEE');
  const [anno, setAnno] = useState('');
  // `ricerca` counts searches: a new one shows every card afresh, as the platform answers now.
  const [elenco, setElenco] = useState<{ controllo: Controllo; pagina: PaginaAnomalie; ricerca: number } | null>(null);
  const [errore, setErrore] = useState<string | null>(null);
  const [attesa, setAttesa] = useState(false);

  const carica = async (dopo: string | null) => {
    setErrore(null);
    const annoNumero = anno.trim() ? Number(anno) : null;
    if (annoNumero !== null && (!Number.isInteger(annoNumero) || annoNumero < 2000 || annoNumero > 2100)) return setErrore('Anno non valido.');
    setAttesa(true);
    try {
      const definizione = CONTROLLI[controllo];
      const { data } = await api.request<Record<string, PaginaAnomalie>>(definizione.query, { filtro: annoNumero ? { anno: annoNumero } : {}, dopo });
      const pagina = data[definizione.campo]!;
      setElenco((prima) =>
        dopo && prima
          ? { controllo, ricerca: prima.ricerca, pagina: { ...pagina, elementi: [...prima.pagina.elementi, ...pagina.elementi] } }
          : { controllo, pagina, ricerca: (prima?.ricerca ?? 0) + 1 },
      );
    } catch (e) {
      setErrore((e as Error).message);
    } finally {
      setAttesa(false);
    }
  };

  return (
    <section aria-labelledby="titolo-anomalie">
      <h1 id="titolo-anomalie">Anomalie e accertamenti</h1>
      <p class="aiuto">
        Pratica <strong>{sessione.riferimento}</strong>: ogni consultazione e ogni accertamento sono registrati con questo riferimento.
      </p>
      <form
        class="filtri"
        onSubmit={(e) => {
          e.preventDefault();
          void carica(null);
        }}
      >
        <div class="campo-riga">
          <label for="controllo">Controllo</label>
          <select id="controllo" value={controllo} onChange={(e) => setControllo(e.currentTarget.value as Controllo)}>
            {(Object.keys(CONTROLLI) as Controllo[]).map((c) => (
              <option key={c} value={c}>
                {CONTROLLI[c].titolo}
              </option>
            ))}
          </select>
        </div>
        <div class="campo-riga">
          <label for="anno">Anno (facoltativo)</label>
          <input id="anno" inputMode="numeric" value={anno} onInput={(e) => setAnno(e.currentTarget.value)} size={6} />
        </div>
        <button type="submit" disabled={attesa}>
          Cerca anomalie
        </button>
      </form>
      {errore && <Avviso tipo="errore">{errore}</Avviso>}
      {elenco && (
        <>
          <p role="status">
            {elenco.pagina.elementi.length} anomalie{elenco.pagina.haAltri ? ', altre disponibili' : ''}
          </p>
          <ul class="anomalie">
            {elenco.pagina.elementi.map((a) => (
              <SchedaAnomalia key={`${elenco.ricerca}-${a.tipo}-${a.prestazione.id}`} api={api} controllo={elenco.controllo} anomalia={a} />
            ))}
          </ul>
          {elenco.pagina.haAltri && (
            <button type="button" class="secondario" disabled={attesa} onClick={() => void carica(elenco.pagina.cursoreSuccessivo)}>
              Mostra altre anomalie
            </button>
          )}
        </>
      )}
    </section>
  );
}

function SchedaAnomalia({ api, controllo, anomalia }: { api: ApiClient; controllo: Controllo; anomalia: Anomalia }) {
  const p = anomalia.prestazione;
  const persona = p.persona.anagrafica;
  const titoloId = `anomalia-${anomalia.tipo}-${p.id}`;
  const [accertamenti, setAccertamenti] = useState<Accertamento[]>(p.accertamenti ?? []);
  return (
    <li class="anomalia">
      <article aria-labelledby={titoloId}>
        <h2 id={titoloId}>
          {NOMI_ANOMALIA[anomalia.tipo] ?? anomalia.tipo}: <code>{p.codicePrestazione}</code> {p.denominazionePrestazione ?? 'codice non presente nel nomenclatore'}
        </h2>
        <dl class="dati">
          <div>
            <dt>Beneficiario</dt>
            <dd>
              {persona?.cognome ?? '—'} {persona?.nome ?? ''} ({p.persona.codiceFiscale ?? '—'})
            </dd>
          </div>
          <div>
            <dt>Ente erogatore</dt>
            <dd>{p.enteErogatore.denominazione}</dd>
          </div>
          <div>
            <dt>Periodo</dt>
            <dd>
              {formatData(p.dataInizio ?? p.dataErogazione)}
              {p.dataFine ? ` – ${formatData(p.dataFine)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Importo</dt>
            <dd>
              {p.importoMensile !== null ? `${formatEuro(p.importoMensile)} al mese` : formatEuro(p.importoPrestazione)}
            </dd>
          </div>
        </dl>
        <EvidenzaAnomalia tipo={anomalia.tipo} evidenza={anomalia.evidenza} />
        <AccertamentiRegistrati elenco={accertamenti} />
        <AccertamentoForm
          api={api}
          controllo={controllo}
          prestazione={p.id}
          tipoAnomalia={anomalia.tipo}
          etichetta={`${p.codicePrestazione} ${persona?.cognome ?? ''}`.trim()}
          onRegistrato={(a) => setAccertamenti((prima) => [...prima, a])}
        />
      </article>
    </li>
  );
}

/** What control bodies already recorded on the benefit, oldest first: a second body sees the first one's outcome before it acts. */
function AccertamentiRegistrati({ elenco }: { elenco: Accertamento[] }) {
  if (elenco.length === 0) return <p class="aiuto">Nessun accertamento registrato su questa prestazione.</p>;
  return (
    <div class="accertamenti">
      <h3>Accertamenti registrati</h3>
      <ul>
        {elenco.map((a) => (
          <li key={a.id}>
            {formatData(a.istante)}: {a.esito === 'CONFERMATO' ? `anomalia confermata, da recuperare ${formatEuro(a.importoDaRecuperare ?? 0)}` : 'archiviata'} — {a.ente}, pratica {a.riferimento}
          </li>
        ))}
      </ul>
    </div>
  );
}
