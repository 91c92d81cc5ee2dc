import {
  comuneByBelfiore,
  istatDaDm1986,
  type BeneficiarioFlusso,
  type CasoSinbaFlusso,
  type CasoSipFlusso,
  type IntestazioneFlusso,
  type PrestazioneFlusso,
} from '@casellario/domain';
import { uuidFromMac, type FlussiKeys } from '../keys';
import type { PersonaPayload, PrestazionePayload, ProvenienzaPayload, SinbaPayload, SipPayload } from '../consegna/payload';

/**
 * The date that identifies a benefit, one rule for insertions and cancellations
 * alike: DataInizioPrestazione for a periodic benefit (CaratterePrestazione 1),
 * DataErogazionePrestazione for a one-off one (2) — the date the specification
 * makes mandatory for each; the other date only when that one is missing. As an
 * `xs:date` value: the calendar day, the optional time zone dropped
 * (`2026-04-01Z` and `2026-04-01` are the same benefit).
 */
export function dataChiave(p: Pick<PrestazioneFlusso, 'caratterePrestazione' | 'dataInizioPrestazione' | 'dataErogazionePrestazione'>): string {
  const data = p.caratterePrestazione === '2' ? (p.dataErogazionePrestazione ?? p.dataInizioPrestazione) : (p.dataInizioPrestazione ?? p.dataErogazionePrestazione);
  return data === undefined ? '' : giorno(data);
}

/**
 * The date a benefit component keys the record on (`data_riferimento`,
 * `coalesce(data_inizio, data_erogazione)`), as a day: remembered with the
 * benefit so that a later cancellation names the row the component holds.
 */
export function dataComponente(p: Pick<PrestazioneFlusso, 'dataInizioPrestazione' | 'dataErogazionePrestazione'>): string | null {
  const data = p.dataInizioPrestazione ?? p.dataErogazionePrestazione;
  return data === undefined ? null : giorno(data);
}

/**
 * The natural key of a benefit as the registry identifies it across flows: ente,
 * codice fiscale, code, application protocol and the date `dataChiave` picks.
 * Hashed with the flows component's key wherever it is stored.
 */
export function chiavePrestazione(ente: string, codiceFiscale: string, p: PrestazioneFlusso): string {
  return [ente, codiceFiscale.trim().toUpperCase(), p.codicePrestazione, p.protocolloDomanda, dataChiave(p)].join('|');
}

/**
 * The attributes of an insertion that make a re-sent one a variation when they
 * differ: all but the key, the operation and `PresenzaProvaMezzi` (a changed one
 * is a move, said as such).
 */
export function valoriPrestazione(p: PrestazioneFlusso): string {
  const { posizione: _posizione, sina, tipoOperazione: _op, presenzaProvaMezzi: _ppm, ...attributi } = p;
  const giorni = Object.fromEntries(
    Object.entries(attributi)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' && k.startsWith('data') ? giorno(v) : v]),
  );
  return JSON.stringify([Object.keys(giorni).sort().map((k) => [k, giorni[k]]), sina ?? null]);
}

/** Which benefit component a record belongs to (DESIGN.md §1): PSA for 1 and 3, PS for 2 and 4. */
export function componenteDi(presenzaProvaMezzi: string): 'prestazioni-agevolate' | 'prestazioni-sociali' {
  return presenzaProvaMezzi === '1' || presenzaProvaMezzi === '3' ? 'prestazioni-agevolate' : 'prestazioni-sociali';
}

/** Where in its flow a record sits: its flow-wide number and when the flow was received. */
export interface OrigineRecord {
  record: number;
  ricevutoIl: Date;
}

function provenienza(intestazione: IntestazioneFlusso, origine: OrigineRecord | undefined): ProvenienzaPayload {
  return {
    ente: intestazione.ente.codice,
    flusso: intestazione.nome,
    ...(origine ? { record: origine.record, ricevutoIl: origine.ricevutoIl.toISOString() } : {}),
  };
}

/**
 * The person part of a benefit record, versioned by when the flow was received and
 * where the record sits in it, with its provenance. A cancellation (`C`) carries
 * only the codice fiscale: it changes nothing of the person (issue 19), anagrafe
 * only finds the id of the benefit's person.
 */
export function personaPayload(
  b: BeneficiarioFlusso,
  versione: number,
  intestazione: IntestazioneFlusso,
  tipoOperazione = 'I',
  origine?: OrigineRecord,
): PersonaPayload {
  const codiceFiscale = b.codiceFiscale.trim().toUpperCase();
  if (tipoOperazione === 'C') return { codiceFiscale, soloRisoluzione: true, versione, ...provenienza(intestazione, origine) };
  return {
    codiceFiscale,
    anagrafica: b.anagrafica,
    indirizzi: b.indirizzi,
    versione,
    ...provenienza(intestazione, origine),
  };
}

/**
 * A benefit record (and its SINA assessment) as the components take it. Ids are
 * derived from the natural key with the flows component's key: a re-sent or
 * corrected record keeps its id, and nobody can recompute it from a codice fiscale.
 */
export function prestazionePayload(
  keys: FlussiKeys,
  intestazione: IntestazioneFlusso,
  b: BeneficiarioFlusso,
  p: PrestazioneFlusso,
  versione: number,
  conSina: boolean,
  origine?: OrigineRecord,
  instradamento: {
    componente: 'prestazioni-agevolate' | 'prestazioni-sociali';
    /** For a cancellation: the day the component keyed the benefit on when it was inserted. */
    dataComponente?: string | null;
    ritiro?: { componente: 'prestazioni-agevolate' | 'prestazioni-sociali'; dataRiferimento: string } | null;
    /** Where the record came from, for the benefit's history. */
    storia?: PrestazionePayload['storia'];
  } = { componente: componenteDi(p.presenzaProvaMezzi) },
): PrestazionePayload {
  const ente = intestazione.ente.codice;
  const chiave = chiavePrestazione(ente, b.codiceFiscale, p);
  const id = uuidFromMac(keys.mac(`prestazione|${chiave}`));
  const residenza = b.indirizzi[0];
  const { posizione: _posizione, sina, periodoErogazione, ...grezzi } = p;
  // Dates as days: an xs:date may carry a time zone, which the components' date columns do not keep.
  const attributi = Object.fromEntries(Object.entries(grezzi).map(([k, v]) => [k, typeof v === 'string' && k.startsWith('data') ? giorno(v) : v])) as typeof grezzi;
  if (p.tipoOperazione === 'C' && instradamento.dataComponente) {
    // The component finds the row by coalesce(start, payment): give it the day it stored.
    attributi.dataInizioPrestazione = instradamento.dataComponente;
  }
  const tipoOperazione = p.tipoOperazione ?? 'I';
  const comuni = { codiceComuneResidenza: residenza?.codiceComune, codiceRegioneResidenza: residenza?.codiceRegione };
  const payload: PrestazionePayload = {
    tipo: 'prestazione',
    componente: instradamento.componente,
    ...(instradamento.storia ? { storia: instradamento.storia } : {}),
    ...(instradamento.ritiro ? { ritiro: { ...instradamento.ritiro, id: uuidFromMac(keys.mac(`ritiro|${chiave}|${instradamento.ritiro.dataRiferimento}`)) } } : {}),
    persona: personaPayload(b, versione, intestazione, tipoOperazione, origine),
    prestazione: {
      ...attributi,
      tipoOperazione,
      ...(periodoErogazione ? { periodoErogazione: Number(periodoErogazione) } : {}),
      id,
      enteCodice: ente,
      ...comuni,
      // Year of birth and sex travel with the benefit: the age band and sex of the aggregates.
      annoNascita: b.anagrafica.annoNascita,
      genere: b.anagrafica.genere,
    },
  };
  if (sina || (conSina && tipoOperazione === 'C')) {
    payload.sina = {
      id: uuidFromMac(keys.mac(`sina|${chiave}`)),
      tipoOperazione,
      enteCodice: ente,
      prestazioneId: id,
      codicePrestazione: p.codicePrestazione,
      protocolloDomanda: p.protocolloDomanda,
      dataValutazione: dataComponente(p) ?? undefined,
      ...(sina
        ? {
            mobilita: sina.mobilita,
            attivitaVitaQuotidiana: sina.attivitaVitaQuotidiana,
            disturbiAreaCognitiva: sina.disturbiAreaCognitiva ?? null,
            disturbiComportamentali: sina.disturbiComportamentali,
            necessitaCureSanitarie: sina.necessitaCureSanitarie ?? null,
            areaReddituale: sina.areaReddituale,
            areaSupporto: sina.areaSupporto,
            fonteDerivazioneValutazione: sina.fonteDerivazioneValutazione,
            strumentoValutazione: sina.strumentoValutazione,
            fonteDerivazioneInvalidita: sina.fonteDerivazioneInvalidita ?? null,
            necessitaInterventiSociali: sina.necessitaInterventiSociali,
            invaliditaCivile: sina.invaliditaCivile,
          }
        : {}),
      codiceComuneResidenza: residenza?.codiceComune ?? null,
      codiceRegioneResidenza: residenza?.codiceRegione ?? null,
    };
  }
  return payload;
}

/**
 * A SINBA case with the seat of the ente that sent it: the seat's comune scopes
 * programmazione by comune only when the ente is a comune (a Belfiore code);
 * a region or national body scopes by region only.
 */
export function sinbaPayload(intestazione: IntestazioneFlusso, caso: CasoSinbaFlusso): SinbaPayload {
  const sede = comuneByBelfiore(intestazione.ente.indirizzo);
  const enteComune = /^[A-Z]\d{3}$/.test(intestazione.ente.codice);
  return {
    tipo: 'sinba',
    caso: {
      enteCodice: intestazione.ente.codice,
      idBeneficiario: caso.idBeneficiario,
      prestazioni: caso.prestazioni,
      composizioneFamiglia: caso.composizioneFamiglia,
      // Region codes DM1986 in the flow, ISTAT in the registry (see @casellario/domain regioni-dm1986).
      attributi: Object.fromEntries(Object.entries(caso.attributi).map(([k, v]) => [k, /^codiceregioneresidenza/i.test(k) ? istatDaDm1986(v) : v])),
    },
    sede: { codiceComune: enteComune ? (sede?.istat ?? null) : null, codiceRegione: sede?.codiceRegione ?? '00' },
  };
}

/**
 * The natural key of a SIP case: the sending ente and its case number. Hashed
 * with the flows component's key in the index of known records
 * (`prestazione_nota`, shared with benefits): the NUL separators, which no XML
 * value can contain, keep it apart from every benefit key.
 */
export function chiaveCasoSip(ente: string, protocolloCaso: string): string {
  return `caso-sip\u0000${ente}\u0000${protocolloCaso}`;
}

/** An `xs:date` as the components store it: the calendar day, without the time zone the XSD allows. */
function giorno(data: string): string {
  return data.trim().slice(0, 10);
}

/**
 * A SIP case as the sip component takes it, with its members as persons for
 * anagrafe: each member's Anagrafica, residence the case's comune and region
 * (in Italy), versioned like a beneficiary by when the flow was received and
 * where the case sits in it. Codici fiscali are normalised as anagrafe keys
 * them, so that the person ids it returns map back to members and commitments.
 * A cancellation names no person and carries only its key.
 */
export function sipPayload(keys: FlussiKeys, intestazione: IntestazioneFlusso, caso: CasoSipFlusso, versione: number, origine?: OrigineRecord): SipPayload {
  const enteCodice = intestazione.ente.codice;
  const chiave = chiaveCasoSip(enteCodice, caso.protocolloCaso);
  const id = uuidFromMac(keys.mac(`id\u0000${chiave}`));
  if (caso.tipoOperazione === 'C') {
    return { tipo: 'sip', persone: [], caso: { tipoOperazione: 'C', id, enteCodice, protocolloCaso: caso.protocolloCaso } };
  }
  const cf = (codiceFiscale: string) => codiceFiscale.trim().toUpperCase();
  // CodiceComune and CodiceRegione are ISTAT codes: the household lives in Italy (CodiceNazione 380).
  const residenza = { codiceRegione: caso.codiceRegione, codiceComune: caso.codiceComune, codiceNazione: '380' };
  const { analisiPreliminare: analisi, quadroAnalisi: quadro, progetto } = caso;
  return {
    tipo: 'sip',
    persone: caso.nucleo.map((m) => ({ codiceFiscale: cf(m.codiceFiscale), anagrafica: m.anagrafica, indirizzi: [residenza], versione, ...provenienza(intestazione, origine) })),
    caso: {
      tipoOperazione: 'I',
      id,
      enteCodice,
      protocolloCaso: caso.protocolloCaso,
      misura: caso.misura,
      dataDomanda: giorno(caso.dataDomanda),
      dataPattoDigitale: caso.dataPattoDigitale === undefined ? null : giorno(caso.dataPattoDigitale),
      dataChiusura: caso.dataChiusura === undefined ? null : giorno(caso.dataChiusura),
      codiceComune: caso.codiceComune,
      codiceRegione: caso.codiceRegione,
      componenti: caso.nucleo.map((m) => ({ codiceFiscale: cf(m.codiceFiscale), ruolo: m.ruolo, attivabileLavoro: m.attivabileLavoro === 'true' })),
      analisiPreliminare: analisi ? { data: giorno(analisi.data), esito: analisi.esito } : null,
      quadroAnalisi: quadro
        ? {
            data: giorno(quadro.data),
            dimensioni: quadro.dimensioni.map((d) => ({
              dimensione: d.codice,
              risorse: Number(d.risorse),
              vulnerabilita: Number(d.vulnerabilita),
              fattoriSostegno: Number(d.fattoriSostegno),
            })),
            equipe: quadro.equipe,
          }
        : null,
      progetto: progetto
        ? {
            tipo: progetto.tipo,
            dataSottoscrizione: giorno(progetto.dataSottoscrizione),
            obiettivi: progetto.obiettivi,
            sostegni: progetto.sostegni,
            impegni: progetto.impegni.map((m) => ({ codiceFiscale: cf(m.codiceFiscale), descrizione: m.descrizione, scadenza: giorno(m.scadenza), stato: m.stato })),
            incontri: progetto.incontri.map((m) => ({ data: giorno(m.data), esito: m.esito })),
          }
        : null,
    },
  };
}
