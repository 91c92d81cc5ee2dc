/**
 * What the outbox holds for one accepted record: everything each destination
 * needs, in the destinations' own delivery vocabulary, so that delivery is a
 * mechanical replay. Serialised as JSON and encrypted at rest (it carries the
 * codice fiscale until anagrafe has given the person an id).
 */

/**
 * A person as anagrafe's `persone` delivery takes it: the record's claim about the
 * person, with its provenance (`ente`, `flusso`, `record`, `ricevutoIl`; absent
 * from payloads stored before they were carried). A cancellation carries no
 * claim (`anagrafica` and `indirizzi` absent, `soloRisoluzione`): the person is
 * only looked up, never written (issue 19).
 */
export type PersonaPayload = PersonaDichiarata | PersonaDaRisolvere;

/** Where a person's record came from. */
export interface ProvenienzaPayload {
  /** The ente that sent the record. */
  ente?: string;
  /** The flow's name. */
  flusso?: string;
  /** The record's flow-wide number. */
  record?: number;
  /** When the flow was received (ISO 8601). */
  ricevutoIl?: string;
}

/** A person named by a cancellation: only the codice fiscale, to find the benefit's person id. */
export interface PersonaDaRisolvere extends ProvenienzaPayload {
  codiceFiscale: string;
  soloRisoluzione: true;
  anagrafica?: undefined;
  indirizzi?: undefined;
  versione: number;
}

/** A person as a record states it. */
export interface PersonaDichiarata extends ProvenienzaPayload {
  codiceFiscale: string;
  soloRisoluzione?: undefined;
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
    case 'prestazione': {
      const p = payload.persona;
      // A cancellation stored in the outbox before issue 19 still carries an anagrafica: only its codice fiscale counts.
      if (payload.prestazione.tipoOperazione === 'C' && !p.soloRisoluzione) return [{ codiceFiscale: p.codiceFiscale, soloRisoluzione: true, versione: p.versione }];
      return [p];
    }
    case 'sip':
      return payload.persone;
    case 'sinba':
      return [];
  }
}
