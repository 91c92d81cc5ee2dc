/**
 * What the outbox holds for one accepted record: everything each destination
 * needs, in the destinations' own delivery vocabulary, so that delivery is a
 * mechanical replay. Serialised as JSON and encrypted at rest (it carries the
 * codice fiscale until anagrafe has given the person an id).
 */

/** A person as anagrafe's `persone` delivery takes it. */
export interface PersonaPayload {
  codiceFiscale: string;
  anagrafica: {
    cognome: string;
    nome: string;
    annoNascita: string;
    luogoNascita: string;
    genere: string;
    codiceCittadinanza: string;
    codiceSecondaCittadinanza?: string;
  };
  indirizzi: Array<{ codiceRegione?: string; codiceComune?: string; codiceNazione: string }>;
  versione: number;
}

/** A benefit record (PS or PSA) with its optional SINA assessment. */
export interface PrestazionePayload {
  tipo: 'prestazione';
  persona: PersonaPayload;
  /** Attributes of `PrestazioniSociali` by lowercased XSD name, plus id, ente and residence. */
  prestazione: Record<string, string | number | undefined> & { id: string; enteCodice: string };
  sina?: Record<string, unknown>;
  /**
   * The benefit component this record goes to: the original record's for a
   * cancellation, whatever its `PresenzaProvaMezzi`. Absent in payloads queued
   * before it existed (then every benefit destination listed takes the record).
   */
  componente?: 'prestazioni-agevolate' | 'prestazioni-sociali';
  /**
   * A changed `PresenzaProvaMezzi` moves the benefit: the component it was in
   * receives a cancellation of it (its key date as that component stored it),
   * so that it is never active in two components once delivered.
   */
  ritiro?: { componente: 'prestazioni-agevolate' | 'prestazioni-sociali'; dataRiferimento: string; id: string };
  /** For the benefit's history in its component (prestazioni-core `StoriaConsegna`, less the id). */
  storia?: { operazione: 'I' | 'V' | 'C'; flusso: string; record: number; ricevutoIl: string };
}

/** A SINBA case, pseudonymous at source: no person involved. */
export interface SinbaPayload {
  tipo: 'sinba';
  caso: {
    enteCodice: string;
    idBeneficiario: string;
    prestazioni: string[];
    composizioneFamiglia: string[];
    attributi: Record<string, string>;
  };
  sede: { codiceComune: string | null; codiceRegione: string };
}

/**
 * A SIP case in the sip component's delivery vocabulary (`casi`, see
 * subgraphs/sip/src/db/consegna.ts): dates `AAAA-MM-GG`, levels and flags
 * typed, members and commitments by normalised codice fiscale, which the
 * delivery turns into person ids (`personaIds`) and sip never stores. A
 * cancellation carries only its key.
 */
export type CasoSipPayload =
  | { tipoOperazione: 'C'; id: string; enteCodice: string; protocolloCaso: string }
  | {
      tipoOperazione: 'I';
      /** Derived from the natural key: the case's id when it is first stored. */
      id: string;
      enteCodice: string;
      protocolloCaso: string;
      misura: string;
      dataDomanda: string;
      dataPattoDigitale: string | null;
      dataChiusura: string | null;
      codiceComune: string;
      codiceRegione: string;
      componenti: Array<{ codiceFiscale: string; ruolo: string; attivabileLavoro: boolean }>;
      analisiPreliminare: { data: string; esito: string } | null;
      quadroAnalisi: {
        data: string;
        dimensioni: Array<{ dimensione: string; risorse: number; vulnerabilita: number; fattoriSostegno: number }>;
        equipe: string[];
      } | null;
      progetto: {
        tipo: string;
        dataSottoscrizione: string;
        obiettivi: string[];
        sostegni: string[];
        impegni: Array<{ codiceFiscale: string; descrizione: string; scadenza: string; stato: string }>;
        incontri: Array<{ data: string; esito: string }>;
      } | null;
    };

/** A SIP household case with its members as persons (none for a cancellation). */
export interface SipPayload {
  tipo: 'sip';
  persone: PersonaPayload[];
  caso: CasoSipPayload;
}

export type Payload = PrestazionePayload | SinbaPayload | SipPayload;

/** The persons a payload names (anagrafe turns them into ids before delivery). */
export function personeOf(payload: Payload): PersonaPayload[] {
  switch (payload.tipo) {
    case 'prestazione':
      return [payload.persona];
    case 'sip':
      return payload.persone;
    case 'sinba':
      return [];
  }
}
