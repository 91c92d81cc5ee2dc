import { formatEuro, formatIntero } from '../../format';
import type { Cella } from './queries';

export type Misura = 'persone' | 'importo';

/** Text for a suppressed cell: never a number, never zero. */
export const DATO_OSCURATO = 'dato oscurato';

function valore(cella: Cella, misura: Misura): string {
  if (cella.soppressa) return DATO_OSCURATO;
  return misura === 'persone' ? formatIntero(cella.persone ?? 0) : formatEuro(cella.importo);
}

/**
 * Horizontal bars of one measure by one dimension. Every bar carries its value
 * as text, so the chart reads the same to a screen reader as on screen; the bar
 * itself is decoration. Bars are scaled on the largest visible value.
 */
export function GraficoBarre(props: { id: string; titolo: string; celle: Cella[]; misura: Misura; nota?: string; conChiave?: boolean }) {
  const { id, titolo, celle, misura, nota } = props;
  const massimo = Math.max(1, ...celle.map((c) => (c.soppressa ? 0 : ((misura === 'persone' ? c.persone : c.importo) ?? 0))));
  return (
    <figure class="grafico" aria-labelledby={`${id}-titolo`}>
      <figcaption id={`${id}-titolo`}>
        <h2>{titolo}</h2>
        {nota && <p class="aiuto">{nota}</p>}
      </figcaption>
      {celle.length === 0 ? (
        <p>Nessun dato per i filtri scelti.</p>
      ) : (
        <ul class="barre">
          {celle.map((c) => {
            const n = c.soppressa ? 0 : ((misura === 'persone' ? c.persone : c.importo) ?? 0);
            const nome = c.etichetta.filter(Boolean).join(' · ');
            // Codes are what planners search by; the label alone can be ambiguous across areas.
            const etichetta = props.conChiave && nome ? `${c.chiave.join(' · ')} ${nome}` : nome || c.chiave.join(' · ');
            return (
              <li key={c.chiave.join('|')} class={`barra${c.soppressa ? ' barra-oscurata' : ''}`}>
                <span class="barra-etichetta">{etichetta}</span>
                <span class="barra-traccia" aria-hidden="true">
                  {!c.soppressa && <span class="barra-pieno" style={{ width: `${(100 * n) / massimo}%` }} />}
                </span>
                <span class={`barra-valore${c.soppressa ? ' oscurato' : ''}`}>{valore(c, misura)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
