import { leggibile } from '../../format';
import type { Cartella } from './queries';

export type TipoEvento = 'PRESTAZIONE_AGEVOLATA' | 'PRESTAZIONE_SOCIALE' | 'VALUTAZIONE_SINA' | 'CASO_SIP';

/** One entry of a cartella's timeline: a benefit or an assessment, with its period and amounts. */
export interface Evento {
  chiave: string;
  tipo: TipoEvento;
  /** The date it sorts on: a benefit's start (or payment), an assessment's date, a case's request. */
  data: string | null;
  fine: string | null;
  titolo: string;
  codice: string | null;
  ente: string;
  importoMensile: number | null;
  importoTotale: number | null;
  dettagli: string[];
}

/**
 * The cartella as one timeline, newest first. Benefits are dated by their start
 * (a periodic one) or their payment (a one-off one), falling back to the event
 * that gave rise to them; undated entries go last rather than being hidden.
 */
export function timelineCartella(cartella: Cartella, nomiArea: Record<string, string>): Evento[] {
  const eventi: Evento[] = [];
  for (const [tipo, lista] of [
    ['PRESTAZIONE_AGEVOLATA', cartella.prestazioniAgevolate ?? []],
    ['PRESTAZIONE_SOCIALE', cartella.prestazioniSociali ?? []],
  ] as const) {
    for (const p of lista) {
      eventi.push({
        chiave: `${tipo}-${p.id}`,
        tipo,
        data: p.dataInizio ?? p.dataErogazione ?? p.dataEvento,
        fine: p.dataFine,
        // The official name; the ente's own text only beside it, when it says something else.
        titolo: p.denominazionePrestazione ?? 'Codice non presente nel nomenclatore',
        codice: p.codicePrestazione,
        ente: p.enteErogatore.denominazione,
        importoMensile: p.importoMensile,
        importoTotale: p.importoPrestazione,
        dettagli: [
          ...(p.denominazioneEnte && p.denominazioneDifforme !== false
            ? [`${p.denominazionePrestazione ? "Denominata dall'ente diversamente dal nomenclatore" : "Denominazione dell'ente"}: «${p.denominazioneEnte}»`]
            : []),
          ...(p.areaUtenza ? [`Area di utenza: ${nomiArea[p.areaUtenza] ?? p.areaUtenza}`] : []),
          p.caratterePrestazione === 'PERIODICA' ? 'Prestazione periodica' : 'Prestazione occasionale',
          ...(p.presaInCarico ? ['Presa in carico'] : []),
          ...(p.dsu ? [`ISEE ${new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(p.dsu.isee)} (DSU valida fino al ${p.dsu.dataScadenza.split('-').reverse().join('/')})`] : []),
        ],
      });
    }
  }
  for (const v of cartella.valutazioniSina ?? []) {
    eventi.push({
      chiave: `SINA-${v.id}`,
      tipo: 'VALUTAZIONE_SINA',
      data: v.dataValutazione,
      fine: null,
      titolo: 'Valutazione multidimensionale SINA',
      codice: v.codicePrestazione,
      ente: v.enteErogatore.denominazione,
      importoMensile: null,
      importoTotale: null,
      dettagli: [
        ...(v.mobilita ? [`Mobilità: ${leggibile(v.mobilita)}`] : []),
        ...(v.attivitaVitaQuotidiana ? [`Attività della vita quotidiana: ${leggibile(v.attivitaVitaQuotidiana)}`] : []),
      ],
    });
  }
  for (const s of cartella.valutazioniSip ?? []) {
    eventi.push({
      chiave: `SIP-${s.caso.id}`,
      tipo: 'CASO_SIP',
      data: s.caso.dataDomanda,
      fine: s.caso.dataChiusura,
      titolo: `Caso SIP: ${s.caso.misura}`,
      codice: null,
      ente: s.caso.enteErogatore.denominazione,
      importoMensile: null,
      importoTotale: null,
      dettagli: [`Stato: ${leggibile(s.caso.stato)}`, ...(s.ruoloNelNucleo ? [`Ruolo nel nucleo: ${leggibile(s.ruoloNelNucleo)}`] : [])],
    });
  }
  return eventi.sort((a, b) => (b.data ?? '').localeCompare(a.data ?? '') || a.chiave.localeCompare(b.chiave));
}
