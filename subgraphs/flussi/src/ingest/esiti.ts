import {
  creaSegnalazione,
  mascheraCodiceFiscale,
  riferimentoCasoSinba,
  riferimentoCasoSip,
  statoEsito,
  validaBeneficiario,
  validaCasoSinba,
  validaCasoSip,
  type BeneficiarioFlusso,
  type CasoSinbaFlusso,
  type CasoSipFlusso,
  type ContestoValidazione,
  type PrestazioneFlusso,
  type Segnalazione as SegnalazioneRegola,
  type StatoEsito,
} from '@casellario/domain';
import type { Errore } from '@casellario/flussi-formato';

/**
 * A segnalazione in an esito: one of the rules' catalogue codes, or a code of
 * the XML-schema stage (`XSD_…`), which the rules' catalogue does not list.
 */
export type Segnalazione = Omit<SegnalazioneRegola, 'codice'> & { codice: string };

/** The state an esito's segnalazioni give: any ERRORE refuses, any AVVISO qualifies. */
export function statoDa(segnalazioni: readonly Pick<Segnalazione, 'gravita'>[]): StatoEsito {
  return statoEsito(segnalazioni as readonly SegnalazioneRegola[]);
}

/** One record of a flow with its esito, before anything is stored. */
export interface RecordValutato<R> {
  numero: number;
  riga: number;
  record: R;
  stato: StatoEsito;
  segnalazioni: Segnalazione[];
  riferimento: string;
  codicePrestazione: string | null;
  protocolloDomanda: string | null;
}

/** A schema error as a segnalazione of its record (the validator's code, ERRORE). */
function daErroreXsd(e: Errore, prefisso: string): Segnalazione {
  return { codice: e.codice, gravita: 'ERRORE', ...(e.attributo ? { campo: e.attributo } : {}), messaggio: `${prefisso}: ${e.messaggio}` };
}

/**
 * Esiti of a PS_PSA_SINA flow: the specification's rules per beneficiary, and
 * for records the XML schema already refused, the schema's errors instead (the
 * rules assume a schema-valid record and would only add noise).
 *
 * Every record is judged on its own, whatever its siblings: the rules run on the
 * beneficiary with its schema-valid benefits only, so a schema error in one
 * benefit never switches off the checks (the codice fiscale's check character
 * among them) on another. That is half of "accepted means deliverable": a
 * record answered ACCETTATO passed every check a component makes at delivery.
 */
export function valutaBeneficiari(
  beneficiari: readonly BeneficiarioFlusso[],
  erroriXsd: Map<number, Errore[]>,
  contesto: ContestoValidazione,
): Array<RecordValutato<{ beneficiario: BeneficiarioFlusso; prestazione: PrestazioneFlusso }>> {
  const out: Array<RecordValutato<{ beneficiario: BeneficiarioFlusso; prestazione: PrestazioneFlusso }>> = [];
  for (const beneficiario of beneficiari) {
    const valide = beneficiario.prestazioni.filter((p) => !erroriXsd.has(p.posizione.numero));
    let regole = new Map<number, Segnalazione[]>();
    if (valide.length > 0) {
      const soloValide = valide.length === beneficiario.prestazioni.length ? beneficiario : { ...beneficiario, prestazioni: valide };
      regole = new Map(validaBeneficiario(soloValide, contesto).map((e) => [e.numero, e.segnalazioni]));
    }
    for (const prestazione of beneficiario.prestazioni) {
      const numero = prestazione.posizione.numero;
      const rif = `Prestazione n. ${numero} del beneficiario ${mascheraCodiceFiscale(beneficiario.codiceFiscale)}`;
      const xsd = erroriXsd.get(numero);
      const segnalazioni = xsd ? xsd.map((e) => daErroreXsd(e, rif)) : (regole.get(numero) ?? []);
      out.push({
        numero,
        riga: prestazione.posizione.riga,
        record: { beneficiario, prestazione },
        stato: statoDa(segnalazioni),
        segnalazioni,
        riferimento: mascheraCodiceFiscale(beneficiario.codiceFiscale),
        codicePrestazione: prestazione.codicePrestazione?.slice(0, 10) ?? null,
        protocolloDomanda: prestazione.protocolloDomanda?.slice(0, 32) ?? null,
      });
    }
  }
  return out;
}

/** Esiti of a SINBA flow, case by case. */
export function valutaCasiSinba(
  casi: readonly CasoSinbaFlusso[],
  erroriXsd: Map<number, Errore[]>,
  contesto: ContestoValidazione,
): Array<RecordValutato<CasoSinbaFlusso>> {
  return casi.map((caso) => {
    const xsd = erroriXsd.get(caso.posizione.numero);
    const segnalazioni = xsd ? xsd.map((e) => daErroreXsd(e, riferimentoCasoSinba(caso))) : validaCasoSinba(caso, contesto).segnalazioni;
    return {
      numero: caso.posizione.numero,
      riga: caso.posizione.riga,
      record: caso,
      stato: statoDa(segnalazioni),
      segnalazioni,
      riferimento: riferimentoCasoSinba(caso).slice(0, 80),
      codicePrestazione: null,
      protocolloDomanda: null,
    };
  });
}

/**
 * Esiti of a SIP flow, case by case: the SIP rules (`validaCasoSip`, with the
 * configurable lists the contesto gives), or the schema's errors for a case the
 * XML schema already refused.
 */
export function valutaCasiSip(
  casi: readonly CasoSipFlusso[],
  erroriXsd: Map<number, Errore[]>,
  contesto: ContestoValidazione,
): Array<RecordValutato<CasoSipFlusso>> {
  return casi.map((caso) => {
    const xsd = erroriXsd.get(caso.posizione.numero);
    const rif = riferimentoCasoSip(caso);
    const segnalazioni = xsd ? xsd.map((e) => daErroreXsd(e, rif.charAt(0).toUpperCase() + rif.slice(1))) : validaCasoSip(caso, contesto).segnalazioni;
    return {
      numero: caso.posizione.numero,
      riga: caso.posizione.riga,
      record: caso,
      stato: statoDa(segnalazioni),
      segnalazioni,
      riferimento: rif.slice(0, 80),
      codicePrestazione: null,
      protocolloDomanda: null,
    };
  });
}

/** Adds a segnalazione to a record and recomputes its state. */
export function aggiungi<R>(record: RecordValutato<R>, segnalazione: Segnalazione): void {
  record.segnalazioni.push(segnalazione);
  record.stato = statoDa(record.segnalazioni);
}

export { creaSegnalazione };
