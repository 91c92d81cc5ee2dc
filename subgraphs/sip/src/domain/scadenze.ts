import { aggiungiGiorni, aggiungiGiorniLavorativi } from './calendario';
import type { EsitoIncontro, Misura, TipoScadenza } from './enumerazioni';

/** What the deadline rules read of a case. */
export interface CasoPerScadenze {
  misura: Misura;
  dataDomanda: string;
  /** ADI: signature of the patto di attivazione digitale; null when not recorded. */
  dataPattoDigitale: string | null;
  dataChiusura: string | null;
  analisiPreliminare: { data: string; prevedeProgetto: boolean } | null;
  progetto: { dataSottoscrizione: string } | null;
  incontri: ReadonlyArray<{ data: string; esito: EsitoIncontro }>;
  componenti: ReadonlyArray<{ attivabileLavoro: boolean }>;
}

/** A deadline and whether it was met. */
export interface Scadenza {
  tipo: TipoScadenza;
  descrizione: string;
  dataLimite: string;
  /** Date of the act that met it (or came late); null while it is missing. */
  dataAdempimento: string | null;
  /**
   * true: the act is recorded on or before the limit; false: recorded after it, or
   * missing with the limit passed; null: missing and the limit not yet passed.
   */
  rispettata: boolean | null;
}

/** Deadlines of the domain notes, by measure. */
const REI_ANALISI_GIORNI_LAVORATIVI = 25;
const REI_PROGETTO_GIORNI_LAVORATIVI = 20;
const ADI_PRIMO_INCONTRO_GIORNI = 120;
const ADI_INCONTRO_PERIODICO_GIORNI = 90;

/**
 * Judges one deadline. A deadline whose limit falls after the case was closed,
 * with its act never recorded, was no longer owed: it is left out (undefined).
 */
function giudica(
  tipo: TipoScadenza,
  descrizione: string,
  dataLimite: string,
  dataAdempimento: string | null,
  caso: CasoPerScadenze,
  oggi: string,
): Scadenza | undefined {
  if (dataAdempimento) return { tipo, descrizione, dataLimite, dataAdempimento, rispettata: dataAdempimento <= dataLimite };
  if (caso.dataChiusura && caso.dataChiusura <= dataLimite) return undefined;
  return { tipo, descrizione, dataLimite, dataAdempimento: null, rispettata: oggi > dataLimite ? false : null };
}

/**
 * REI (d.lgs. 147/2017, domain notes): analisi preliminare within 25 working days
 * of the application; patto/progetto within 20 working days of the analisi, when
 * the analisi sends the case to a plan recorded in SIP.
 */
function scadenzeRei(caso: CasoPerScadenze, oggi: string): Scadenza[] {
  const out: Array<Scadenza | undefined> = [];
  out.push(
    giudica(
      'REI_ANALISI_PRELIMINARE',
      `Analisi preliminare entro ${REI_ANALISI_GIORNI_LAVORATIVI} giorni lavorativi dalla domanda`,
      aggiungiGiorniLavorativi(caso.dataDomanda, REI_ANALISI_GIORNI_LAVORATIVI),
      caso.analisiPreliminare?.data ?? null,
      caso,
      oggi,
    ),
  );
  const analisi = caso.analisiPreliminare;
  if (analisi?.prevedeProgetto) {
    out.push(
      giudica(
        'REI_PROGETTO',
        `Progetto sottoscritto entro ${REI_PROGETTO_GIORNI_LAVORATIVI} giorni lavorativi dall'analisi preliminare`,
        aggiungiGiorniLavorativi(analisi.data, REI_PROGETTO_GIORNI_LAVORATIVI),
        caso.progetto?.dataSottoscrizione ?? null,
        caso,
        oggi,
      ),
    );
  }
  return out.filter((s): s is Scadenza => s !== undefined);
}

/**
 * ADI (DL 48/2023, domain notes): the household meets the services within 120 days
 * of the patto di attivazione digitale, then members not activatable for work every
 * 90 days. A meeting is the analisi preliminare or a monitoring meeting held
 * (`SVOLTO`); absences do not count. When the patto's date is not recorded the 120
 * days run from the application, which precedes it: the limit can only be stricter.
 * The periodic chain restarts from each meeting held (late or not) and stops at the
 * first missing one.
 */
function scadenzeAdi(caso: CasoPerScadenze, oggi: string): Scadenza[] {
  const out: Array<Scadenza | undefined> = [];
  const base = caso.dataPattoDigitale ?? caso.dataDomanda;
  const incontri = [
    ...(caso.analisiPreliminare ? [caso.analisiPreliminare.data] : []),
    ...caso.incontri.filter((i) => i.esito === 'SVOLTO').map((i) => i.data),
  ].sort();
  const [primo] = incontri;
  out.push(
    giudica(
      'ADI_PRIMO_INCONTRO',
      caso.dataPattoDigitale
        ? `Primo incontro con i servizi entro ${ADI_PRIMO_INCONTRO_GIORNI} giorni dal patto di attivazione digitale`
        : `Primo incontro con i servizi entro ${ADI_PRIMO_INCONTRO_GIORNI} giorni dalla domanda (data del patto di attivazione digitale non registrata)`,
      aggiungiGiorni(base, ADI_PRIMO_INCONTRO_GIORNI),
      primo ?? null,
      caso,
      oggi,
    ),
  );
  const periodico = caso.componenti.some((c) => !c.attivabileLavoro);
  if (periodico && primo) {
    let precedente = primo;
    for (;;) {
      const successivo = incontri.find((d) => d > precedente) ?? null;
      const scadenza = giudica(
        'ADI_INCONTRO_PERIODICO',
        `Incontro di aggiornamento entro ${ADI_INCONTRO_PERIODICO_GIORNI} giorni dal precedente (componenti non attivabili al lavoro)`,
        aggiungiGiorni(precedente, ADI_INCONTRO_PERIODICO_GIORNI),
        successivo,
        caso,
        oggi,
      );
      out.push(scadenza);
      if (!successivo) break;
      precedente = successivo;
    }
  }
  return out.filter((s): s is Scadenza => s !== undefined);
}

/**
 * The deadlines of a case that the domain notes ground, judged against `oggi`
 * (ISO date, Italian time). Only REI and ADI have them; Reddito di cittadinanza and
 * SFL get none, because the notes give none for them.
 */
export function scadenzeCaso(caso: CasoPerScadenze, oggi: string): Scadenza[] {
  switch (caso.misura) {
    case 'REI':
      return scadenzeRei(caso, oggi);
    case 'ADI':
      return scadenzeAdi(caso, oggi);
    default:
      return [];
  }
}
