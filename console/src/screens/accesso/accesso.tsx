import { useState } from 'preact/hooks';
import type { RuntimeConfig } from '../../config';
import { NOMI_RUOLO } from '../../format';
import { leggiToken, RIFERIMENTO_PATTERN, riferimentoValido, type Ruolo, type Sessione } from '../../session';
import { Avviso } from '../../components/avviso';
import { richiediTokenSviluppo } from './token-sviluppo';

const RUOLI_ACCESSO: Ruolo[] = ['gestione', 'controllo', 'programmazione', 'monitoraggio'];

/** Enti of the demo data, offered as suggestions: any code of the right shape is accepted. */
const ENTI_ESEMPIO: Record<Ruolo, string> = { gestione: 'H501', controllo: 'GDF', programmazione: 'R12', monitoraggio: 'MLPS', audit: 'GARANTE' };

/**
 * Sign-in. In development mode the operator picks a purpose and an ente and the
 * platform signs a development token; otherwise (and always, as an alternative)
 * the operator pastes the token their identity provider issued. A control body
 * must name the case it works on before anything is read: the reference goes
 * with every request.
 */
export function Accesso({ config, onAccesso }: { config: RuntimeConfig; onAccesso: (s: Sessione) => void }) {
  const sviluppo = config.tokenSviluppoUrl !== null;
  const [modo, setModo] = useState<'sviluppo' | 'token'>(sviluppo ? 'sviluppo' : 'token');
  const [ruolo, setRuolo] = useState<Ruolo>('gestione');
  const [ente, setEnte] = useState(ENTI_ESEMPIO.gestione);
  const [territorio, setTerritorio] = useState('');
  const [token, setToken] = useState('');
  const [riferimento, setRiferimento] = useState('');
  const [errore, setErrore] = useState<string | null>(null);
  const [attesa, setAttesa] = useState(false);

  const ruoloScelto: Ruolo | null = modo === 'sviluppo' ? ruolo : (leggiToken(token)?.ruolo ?? null);
  const chiediRiferimento = ruoloScelto === 'controllo' || modo === 'token';

  const invia = async (event: Event) => {
    event.preventDefault();
    setErrore(null);
    const rif = riferimento.trim();
    if (rif && !riferimentoValido(rif)) return setErrore('Riferimento della pratica non valido: da 1 a 64 caratteri tra lettere, cifre e . _ / : -');
    if (ruoloScelto === 'controllo' && !rif) return setErrore('La finalità controllo richiede il riferimento della pratica (es. PV-2026-0042).');
    setAttesa(true);
    try {
      const jwt = modo === 'sviluppo' ? await richiediTokenSviluppo(config.tokenSviluppoUrl!, { ruolo, ente: ente.trim().toUpperCase(), territorio: territorio.trim() || undefined }) : token.trim();
      const letta = leggiToken(jwt);
      if (!letta) return setErrore('Token non leggibile: incollare il JWT completo (tre parti separate da punti).');
      if (letta.scadenza * 1000 <= Date.now()) return setErrore('Token scaduto: richiederne uno nuovo.');
      if (letta.ruolo === 'controllo' && !rif) return setErrore('La finalità controllo richiede il riferimento della pratica (es. PV-2026-0042).');
      onAccesso({ ...letta, riferimento: rif || null });
    } catch (error) {
      setErrore((error as Error).message);
    } finally {
      setAttesa(false);
    }
  };

  return (
    <section class="accesso" aria-labelledby="titolo-accesso">
      <h1 id="titolo-accesso">Accesso</h1>
      {sviluppo && (
        <div class="schede" role="group" aria-label="Modalità di accesso">
          <button type="button" aria-pressed={modo === 'sviluppo'} onClick={() => setModo('sviluppo')}>
            Token di sviluppo
          </button>
          <button type="button" aria-pressed={modo === 'token'} onClick={() => setModo('token')}>
            Incolla un token
          </button>
        </div>
      )}
      <form onSubmit={invia} noValidate>
        {modo === 'sviluppo' ? (
          <fieldset>
            <legend>Ambiente di sviluppo: la piattaforma firma un token con la chiave locale</legend>
            <label for="ruolo">Finalità</label>
            <select
              id="ruolo"
              value={ruolo}
              onChange={(e) => {
                const scelto = e.currentTarget.value as Ruolo;
                setRuolo(scelto);
                setEnte(ENTI_ESEMPIO[scelto]);
                setTerritorio(scelto === 'programmazione' ? '12' : '');
              }}
            >
              {RUOLI_ACCESSO.map((r) => (
                <option key={r} value={r}>
                  {NOMI_RUOLO[r]}
                </option>
              ))}
            </select>
            <label for="ente">Ente</label>
            <input id="ente" value={ente} onInput={(e) => setEnte(e.currentTarget.value)} required pattern="[A-Za-z0-9]{1,32}" autocomplete="off" aria-describedby="ente-aiuto" />
            <p id="ente-aiuto" class="aiuto">
              Codice Belfiore di un comune (H501), R + codice ISTAT di una regione (R12), oppure INPS, AGE, GDF, MLPS.
            </p>
            {ruolo === 'programmazione' && (
              <>
                <label for="territorio">Territorio</label>
                <input id="territorio" value={territorio} onInput={(e) => setTerritorio(e.currentTarget.value)} required aria-describedby="territorio-aiuto" />
                <p id="territorio-aiuto" class="aiuto">
                  IT, codice ISTAT di una regione (12) o di un comune (058091).
                </p>
              </>
            )}
          </fieldset>
        ) : (
          <>
            <label for="token">Token (JWT)</label>
            <textarea id="token" rows={4} value={token} onInput={(e) => setToken(e.currentTarget.value)} required spellcheck={false} aria-describedby="token-aiuto" />
            <p id="token-aiuto" class="aiuto">
              In sviluppo: <code>npx pnpm --silent run token --ruolo gestione --ente H501</code>
            </p>
          </>
        )}
        {chiediRiferimento && (
          <>
            <label for="riferimento">Riferimento della pratica{ruoloScelto === 'controllo' ? ' (obbligatorio)' : ' (obbligatorio per la finalità controllo)'}</label>
            <input
              id="riferimento"
              value={riferimento}
              onInput={(e) => setRiferimento(e.currentTarget.value)}
              pattern={RIFERIMENTO_PATTERN}
              required={ruoloScelto === 'controllo'}
              aria-describedby="riferimento-aiuto"
              autocomplete="off"
            />
            <p id="riferimento-aiuto" class="aiuto">
              Il numero del fascicolo per cui si consultano i dati (es. PV-2026-0042): accompagna ogni richiesta e resta nel registro degli accessi.
            </p>
          </>
        )}
        {errore && <Avviso tipo="errore">{errore}</Avviso>}
        <button type="submit" disabled={attesa}>
          {attesa ? 'Accesso in corso…' : 'Accedi'}
        </button>
      </form>
    </section>
  );
}
