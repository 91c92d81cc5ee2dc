import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { Avviso } from '../../components/avviso';
import { formatData, formatEuro, formatIntero } from '../../format';
import type { Sessione } from '../../session';
import { DATO_OSCURATO, GraficoBarre, type Misura } from './grafico-barre';
import { TABELLA, type Cella, type Dimensione, type Fonte, type Tabella } from './queries';

/** Longest lists drawn in full; the rest are summed up in words, suppressed cells included. */
const MASSIMO_BARRE = 15;

const GRAFICI: Array<{ id: string; per: Dimensione; titolo: string; ordina: 'chiave' | 'valore' }> = [
  { id: 'area', per: 'AREA_UTENZA', titolo: 'Per area di utenza', ordina: 'chiave' },
  { id: 'codice', per: 'CODICE_PRESTAZIONE', titolo: 'Per codice di prestazione', ordina: 'valore' },
  { id: 'comune', per: 'COMUNE', titolo: 'Per comune di residenza', ordina: 'valore' },
  { id: 'mese', per: 'MESE', titolo: 'Nel tempo (per mese)', ordina: 'chiave' },
];

function ordina(celle: Cella[], come: 'chiave' | 'valore', misura: Misura): Cella[] {
  const copia = [...celle];
  if (come === 'chiave') return copia.sort((a, b) => (a.chiave[0] ?? '').localeCompare(b.chiave[0] ?? ''));
  // Suppressed cells have no value to rank by: they go after the ranked ones, not among the zeros.
  const v = (c: Cella) => (c.soppressa ? -1 : ((misura === 'persone' ? c.persone : c.importo) ?? 0));
  return copia.sort((a, b) => v(b) - v(a));
}

function Totale({ cella }: { cella: Cella }) {
  const testo = (n: string) => (cella.soppressa ? DATO_OSCURATO : n);
  return (
    <dl class="conteggi">
      <div>
        <dt>Persone</dt>
        <dd>{testo(formatIntero(cella.persone ?? 0))}</dd>
      </div>
      <div>
        <dt>Prestazioni</dt>
        <dd>{testo(formatIntero(cella.prestazioni ?? 0))}</dd>
      </div>
      <div>
        <dt>Importo</dt>
        <dd>{testo(formatEuro(cella.importo))}</dd>
      </div>
    </dl>
  );
}

/**
 * Regions, comuni and the ministry see persons and amounts by area di utenza, by
 * code, by comune and over time, within their territory (the platform scopes
 * every table by the token). Only aggregates are read: no record, no person.
 */
export function Cruscotto({ api, sessione }: { api: ApiClient; sessione: Sessione }) {
  const [fonte, setFonte] = useState<Fonte>('aggregatiPrestazioniSociali');
  const [anno, setAnno] = useState(new Date().getFullYear() - 1);
  const [misura, setMisura] = useState<Misura>('persone');
  const [caricate, setCaricate] = useState<{ chiave: string; tabelle: Record<string, Tabella> } | null>(null);
  const [errore, setErrore] = useState<string | null>(null);

  useEffect(() => {
    let attuale = true;
    setErrore(null);
    setCaricate(null);
    Promise.all(
      GRAFICI.map(async (g) => {
        const { data } = await api.request<{ tabella: Tabella }>(TABELLA(fonte), { filtro: { anno }, per: [g.per] });
        return [g.id, data.tabella] as const;
      }),
    )
      .then((coppie) => attuale && setCaricate({ chiave: `${fonte}-${anno}`, tabelle: Object.fromEntries(coppie) }))
      .catch((e: Error) => attuale && setErrore(e.message));
    return () => {
      attuale = false;
    };
  }, [api, fonte, anno]);

  const tabelle = caricate?.tabelle ?? null;
  const una = tabelle ? Object.values(tabelle)[0] : undefined;
  return (
    <section aria-labelledby="titolo-cruscotto">
      <h1 id="titolo-cruscotto">
        Cruscotto {sessione.territorio && sessione.territorio !== 'IT' ? `— territorio ${sessione.territorio}` : '— Italia'}
      </h1>
      <div class="filtri" role="group" aria-label="Filtri del cruscotto">
        <div class="campo-riga">
          <label for="fonte">Prestazioni</label>
          <select id="fonte" value={fonte} onChange={(e) => setFonte(e.currentTarget.value as Fonte)}>
            <option value="aggregatiPrestazioniSociali">Prestazioni sociali</option>
            <option value="aggregatiPrestazioniAgevolate">Prestazioni sociali agevolate (ISEE)</option>
          </select>
        </div>
        <div class="campo-riga">
          <label for="anno-cruscotto">Anno</label>
          <select id="anno-cruscotto" value={anno} onChange={(e) => setAnno(Number(e.currentTarget.value))}>
            {Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="campo-riga">
          <label for="misura">Misura</label>
          <select id="misura" value={misura} onChange={(e) => setMisura(e.currentTarget.value as Misura)}>
            <option value="persone">Persone</option>
            <option value="importo">Importo erogato</option>
          </select>
        </div>
      </div>
      {errore && <Avviso tipo="errore">{errore}</Avviso>}
      {!tabelle && !errore && <p role="status">Caricamento degli aggregati…</p>}
      {tabelle && una && (
        <>
          <h2>Totale {anno}</h2>
          <Totale cella={una.totale} />
          <p class="aiuto">
            Le celle con meno di {una.soglia} persone, e quelle da cui si potrebbero ricavare, sono oscurate («{DATO_OSCURATO}»), mai mostrate come zero.
            {una.aggiornataAl ? ` Dati aggiornati al ${formatData(una.aggiornataAl)}.` : ''}
          </p>
          <div class="cruscotto-grafici" data-caricato={caricate!.chiave}>
            {GRAFICI.map((g) => {
              const t = tabelle[g.id]!;
              const celle = ordina(t.celle, g.ordina, misura);
              const mostrate = celle.slice(0, MASSIMO_BARRE);
              const nascoste = celle.length - mostrate.length;
              return (
                <GraficoBarre
                  key={g.id}
                  id={`grafico-${g.id}`}
                  titolo={g.titolo}
                  celle={mostrate}
                  misura={misura}
                  conChiave={g.per === 'CODICE_PRESTAZIONE'}
                  nota={nascoste > 0 ? `I primi ${MASSIMO_BARRE} di ${celle.length}; gli altri ${nascoste} non sono mostrati.` : undefined}
                />
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
