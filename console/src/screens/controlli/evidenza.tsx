import { formatData, formatEuro } from '../../format';
import type { Evidenza } from './queries';

/** The facts behind an anomaly, per kind (docs/controlli.md, "evidence" columns). */
export function EvidenzaAnomalia({ tipo, evidenza: e }: { tipo: string; evidenza: Evidenza }) {
  const righe: Array<[string, string]> = [];
  switch (tipo) {
    case 'DSU_ASSENTE':
      righe.push(['DSU citata', e.dsu?.protocollo ?? 'nessuna DSU trovata per il protocollo dichiarato']);
      break;
    case 'DSU_ALTRA_PERSONA':
      righe.push(['DSU', e.dsu?.protocollo ?? '—'], ['Beneficiario nel nucleo della DSU', e.beneficiarioNelNucleo ? 'sì' : 'no']);
      break;
    case 'DSU_NON_VALIDA':
      righe.push(['Data della prestazione', formatData(e.dataPrestazione)], ['DSU presentata il', formatData(e.dataPresentazioneDsu)], ['DSU valida fino al', formatData(e.dataScadenzaDsu)]);
      break;
    case 'ISEE_SOPRA_SOGLIA':
      righe.push(['ISEE', formatEuro(e.isee)], ['Soglia della prestazione', formatEuro(e.soglia)], ['Eccedenza', formatEuro(e.eccedenza)]);
      break;
    case 'IMPORTO_INCOERENTE':
      righe.push(
        ['Importo dichiarato', formatEuro(e.importoDichiarato)],
        ['Importo mensile × mesi', `${formatEuro(e.importoMensile)} × ${e.mesi ?? '—'}`],
        ['Importo atteso', formatEuro(e.importoAtteso)],
        ['Differenza', formatEuro(e.differenza)],
        ['Tolleranza', formatEuro(e.tolleranza)],
      );
      break;
  }
  return (
    <div class="evidenza">
      <h3>Evidenza</h3>
      {righe.length > 0 && (
        <dl class="dati">
          {righe.map(([dt, dd]) => (
            <div key={dt}>
              <dt>{dt}</dt>
              <dd>{dd}</dd>
            </div>
          ))}
        </dl>
      )}
      {tipo === 'SOVRAPPOSIZIONE_ENTI' && (
        <ul>
          {(e.sovrapposte ?? []).map((s) => (
            <li key={s.prestazione.id}>
              <code>{s.prestazione.codicePrestazione}</code> di {s.prestazione.enteErogatore.denominazione} ({formatData(s.prestazione.dataInizio)} – {formatData(s.prestazione.dataFine)},{' '}
              {formatEuro(s.prestazione.importoMensile)} al mese): periodo in comune dal {formatData(s.dal)} al {formatData(s.al)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
