import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient, type ApiClient } from './api';
import { Avviso } from './components/avviso';
import type { RuntimeConfig } from './config';
import { NOMI_RUOLO } from './format';
import { salvaSessione, sessioneSalvata, type Ruolo, type Sessione } from './session';
import { Accesso } from './screens/accesso/accesso';
import { Anomalie } from './screens/controlli/anomalie';
import { Cartella } from './screens/cartella/cartella';
import { Cruscotto } from './screens/cruscotto/cruscotto';
import { InvioFlussi } from './screens/flussi/invio-flussi';

interface Schermata {
  id: string;
  titolo: string;
  Component: ComponentType<{ api: ApiClient; sessione: Sessione }>;
}

/** The screens of each purpose: what an operator may do decides what the console shows. */
const SCHERMATE: Record<Ruolo, Schermata[]> = {
  gestione: [
    { id: 'flussi', titolo: 'Invio flussi', Component: InvioFlussi },
    { id: 'cartella', titolo: 'Cartella sociale', Component: Cartella },
  ],
  controllo: [{ id: 'anomalie', titolo: 'Anomalie e accertamenti', Component: Anomalie }],
  programmazione: [{ id: 'cruscotto', titolo: 'Cruscotto', Component: Cruscotto }],
  monitoraggio: [{ id: 'cruscotto', titolo: 'Cruscotto', Component: Cruscotto }],
  audit: [],
};

/** The console: sign-in, then the screens of the operator's purpose. */
export function App({ config }: { config: RuntimeConfig }) {
  const [sessione, setSessione] = useState<Sessione | null>(sessioneSalvata);
  const schermate = sessione ? SCHERMATE[sessione.ruolo] : [];
  const [attiva, setAttiva] = useState<string | null>(null);
  const [avviso, setAvviso] = useState<string | null>(null);
  const api = useMemo(
    () =>
      sessione
        ? createApiClient(config.gatewayUrl, sessione, (message) => {
            salvaSessione(null);
            setSessione(null);
            setAvviso(`Sessione terminata: ${message}. Accedere di nuovo.`);
          })
        : null,
    [config.gatewayUrl, sessione],
  );
  const main = useRef<HTMLElement>(null);
  const primoRender = useRef(true);
  // A new screen replaces the whole content: move focus to it, so keyboard and screen
  // reader users start there instead of on a control that no longer exists.
  useEffect(() => {
    if (primoRender.current) {
      primoRender.current = false;
      return;
    }
    main.current?.focus();
  }, [sessione, attiva]);

  const accedi = (nuova: Sessione) => {
    setAvviso(null);
    salvaSessione(nuova);
    setSessione(nuova);
    setAttiva(null);
  };
  const esci = () => {
    salvaSessione(null);
    setSessione(null);
  };

  const corrente = schermate.find((s) => s.id === attiva) ?? schermate[0];
  return (
    <>
      <a class="salta" href="#contenuto">
        Vai al contenuto
      </a>
      <header class="testata">
        <p class="marchio">Casellario dell'assistenza</p>
        {sessione && (
          <nav aria-label="Funzioni">
            <ul>
              {schermate.map((s) => (
                <li key={s.id}>
                  <button type="button" class="voce" aria-current={s === corrente ? 'page' : undefined} onClick={() => setAttiva(s.id)}>
                    {s.titolo}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {sessione && (
          <div class="utente">
            <span>
              {NOMI_RUOLO[sessione.ruolo]} · ente {sessione.ente}
              {sessione.territorio ? ` · territorio ${sessione.territorio}` : ''}
              {sessione.riferimento ? ` · pratica ${sessione.riferimento}` : ''}
            </span>
            <button type="button" class="secondario" onClick={esci}>
              Esci
            </button>
          </div>
        )}
      </header>
      <main id="contenuto" tabIndex={-1} ref={main}>
        {!sessione || !api ? (
          <>
            {avviso && <Avviso tipo="errore">{avviso}</Avviso>}
            <Accesso config={config} onAccesso={accedi} />
          </>
        ) : corrente ? (
          <corrente.Component key={corrente.id} api={api} sessione={sessione} />
        ) : (
          <section>
            <h1>Nessuna funzione</h1>
            <p>La console non offre ancora funzioni per la finalità {NOMI_RUOLO[sessione.ruolo]}: usare l'API GraphQL.</p>
          </section>
        )}
      </main>
    </>
  );
}
