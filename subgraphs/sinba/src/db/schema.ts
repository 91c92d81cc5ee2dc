import { sql, type SQL } from 'drizzle-orm';
import { bigint, boolean, char, check, date, index, jsonb, pgSchema, smallint, timestamp, unique, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  AutoritaProvvedimento,
  CarattereAffido,
  CarattereInserimentoResidenziale,
  CertificazioneInvaliditaMinore,
  codesOf,
  CollaborazioneInterventi,
  ComponenteFamiglia,
  CondizioneLavoroMinore,
  CondizioneMinore,
  DurataAffido,
  EsitoAffido,
  EsitoInserimentoStruttura,
  FasciaEtaMinore,
  FasciaIseeSinba,
  FonteSegnalazione,
  FormaInterventoSinba,
  LuogoVita,
  MotivazioneChiusura,
  OccupazioneGenitore,
  PotestaTutela,
  ProblematicaFamiglia,
  ProblematicaMinore,
  ScuolaFrequentata,
  SI_NO,
  SituazioneChiusura,
  TipoAffido,
  TipoDisabilitaMinore,
  TipoInserimentoResidenziale,
  TipoProvvedimentoGiudiziario,
  TitoloStudioGenitore,
} from '../domain/codici';

/** Everything SINBA stores lives in its own Postgres schema. No person id, no codice fiscale: by law. */
export const sinba = pgSchema('sinba');

/** `col in ('1', '2', …)`: the codes of a specification enumeration (NULL passes, as CHECK does). */
function inCodes(column: AnyPgColumn, codes: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(codes.map((c) => `'${c}'`).join(', '))})`;
}

/** `array <@ array['1', …]`: every element of a list column is one of the codes. */
function allInCodes(column: AnyPgColumn, codes: readonly string[]): SQL {
  return sql`${column} <@ array[${sql.raw(codes.map((c) => `'${c}'`).join(', '))}]::varchar[]`;
}

/**
 * `SINBA` (SinbaType, tables 15–16): one child-protection case as the sending ente
 * last described it. Every attribute of the XSD is a column holding the code as the
 * flow wrote it; `MM/AAAA` dates are the first of their month. The case is known
 * only by the ente's own `IDBeneficiario`: nothing here joins a person.
 *
 * Natural key (idempotent delivery): `(ente_codice, id_beneficiario,
 * data_prima_segnalazione)`. IDBeneficiario is unique only within the ente that
 * assigned it, and the same child may be taken in charge again after a case closed
 * (a new first report opens a new case); a later send of the same case is a new
 * snapshot of it and replaces the stored one, keeping its id. While a case is open
 * (not closed, not withdrawn) a record of the same ente and IDBeneficiario with
 * another DataPrimaSegnalazione corrects it — one active case, never two — and
 * every replaced snapshot is kept in `caso_sinba_storia`.
 */
export const casoSinba = sinba.table(
  'caso_sinba',
  {
    id: uuid().primaryKey(),
    enteCodice: varchar({ length: 32 }).notNull(),
    // The sending ente's seat (ISTAT), the territory programmazione is scoped by.
    codiceComuneEnte: char({ length: 6 }),
    codiceRegioneEnte: char({ length: 2 }).notNull(),
    idBeneficiario: varchar({ length: 20 }).notNull(),
    // Minore
    minoreStranieroNoAcc: varchar({ length: 1 }).notNull(),
    condizioneMinore: varchar({ length: 1 }).notNull(),
    luogoVita: varchar({ length: 1 }).notNull(),
    scuolaFrequentata: varchar({ length: 1 }).notNull(),
    condizioneLavoro: varchar({ length: 1 }).notNull(),
    disabilita: varchar({ length: 1 }).notNull(),
    tipoDisabilita: varchar({ length: 1 }),
    invCivCertificazioni: varchar({ length: 1 }),
    // Genitori
    codiceCittadinanzaPadre: char({ length: 3 }),
    codiceCittadinanzaMadre: char({ length: 3 }),
    codiceRegioneResidenzaPadre: char({ length: 2 }),
    codiceRegioneResidenzaMadre: char({ length: 2 }),
    titoloStudioPadre: varchar({ length: 1 }),
    titoloStudioMadre: varchar({ length: 1 }),
    occupazionePadre: varchar({ length: 1 }),
    occupazioneMadre: varchar({ length: 1 }),
    // Segnalazione e valutazione
    dataPrimaSegnalazione: date({ mode: 'string' }).notNull(),
    fonteSegnalazione: varchar({ length: 2 }).notNull(),
    valutazioneMinore: varchar({ length: 2 }).notNull(),
    valutazioneFamigliaMinore: varchar({ length: 2 }).notNull(),
    segnalazioneAutoritaGiudiziaria: varchar({ length: 1 }).notNull(),
    dataSegnalazione: date({ mode: 'string' }),
    // Provvedimento giudiziario
    provvedimentoGiudiziario: varchar({ length: 1 }).notNull(),
    dataProvvedimentoGiudiziario: date({ mode: 'string' }),
    autoritaProvvedimento: varchar({ length: 1 }),
    potestaTutela: varchar({ length: 1 }),
    tipoProvvedimentoGiudiziario: varchar({ length: 1 }),
    // Affido
    formaInterventoAffido: varchar({ length: 1 }),
    tipoInterventoAffido: varchar({ length: 1 }),
    durataAffido: varchar({ length: 1 }),
    carattereAffido: varchar({ length: 1 }),
    esitoAffido: varchar({ length: 1 }),
    // Inserimento residenziale
    carattereInserimentoResidenziale: varchar({ length: 2 }),
    formaInserimentoResidenziale: varchar({ length: 1 }),
    tipoInserimentoResidenziale: varchar({ length: 1 }),
    esitoInserimentoStruttura: varchar({ length: 1 }),
    // Chiusura della presa in carico
    motivazioneChiusuraCarico: varchar({ length: 1 }),
    situazioneChiusuraCarico: varchar({ length: 1 }),
    collaborazioniInterventi: varchar({ length: 1 }),
    // Condizione economica, età, residenza
    numeroComponentiIsee: smallint(),
    fasciaEtaBeneficiario: varchar({ length: 1 }).notNull(),
    fasciaIseeBeneficiario: varchar({ length: 1 }),
    annoNascita: smallint().notNull(),
    codiceRegioneResidenza: char({ length: 2 }),
    codiceNazioneResidenza: char({ length: 3 }).notNull(),
    // Prestazioni/CodicePrestazione and Famiglia/ComposizioneFamiglia, in flow order.
    prestazioni: varchar({ length: 10 }).array().notNull(),
    composizioneFamiglia: varchar({ length: 1 }).array().notNull(),
    annullata: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('caso_sinba_chiave_naturale').on(t.enteCodice, t.idBeneficiario, t.dataPrimaSegnalazione),
    // Listings sort by (data_prima_segnalazione, id); one index per scope serves each.
    index('caso_sinba_ordine').on(t.dataPrimaSegnalazione, t.id),
    index('caso_sinba_ente').on(t.enteCodice, t.dataPrimaSegnalazione, t.id),
    index('caso_sinba_regione_ente').on(t.codiceRegioneEnte, t.dataPrimaSegnalazione, t.id),
    index('caso_sinba_comune_ente').on(t.codiceComuneEnte, t.dataPrimaSegnalazione, t.id),
    check('caso_sinba_id_beneficiario', sql`char_length(${t.idBeneficiario}) between 1 and 20`),
    check('caso_sinba_minore_straniero_no_acc', inCodes(t.minoreStranieroNoAcc, SI_NO)),
    check('caso_sinba_condizione_minore', inCodes(t.condizioneMinore, codesOf(CondizioneMinore))),
    check('caso_sinba_luogo_vita', inCodes(t.luogoVita, codesOf(LuogoVita))),
    check('caso_sinba_scuola_frequentata', inCodes(t.scuolaFrequentata, codesOf(ScuolaFrequentata))),
    check('caso_sinba_condizione_lavoro', inCodes(t.condizioneLavoro, codesOf(CondizioneLavoroMinore))),
    check('caso_sinba_disabilita', inCodes(t.disabilita, SI_NO)),
    check('caso_sinba_tipo_disabilita', inCodes(t.tipoDisabilita, codesOf(TipoDisabilitaMinore))),
    check('caso_sinba_inv_civ_certificazioni', inCodes(t.invCivCertificazioni, codesOf(CertificazioneInvaliditaMinore))),
    check('caso_sinba_cittadinanza_padre', sql`${t.codiceCittadinanzaPadre} ~ '^[0-9]{3}$'`),
    check('caso_sinba_cittadinanza_madre', sql`${t.codiceCittadinanzaMadre} ~ '^[0-9]{3}$'`),
    check('caso_sinba_regione_padre', sql`${t.codiceRegioneResidenzaPadre} ~ '^[0-9]{2}$'`),
    check('caso_sinba_regione_madre', sql`${t.codiceRegioneResidenzaMadre} ~ '^[0-9]{2}$'`),
    check('caso_sinba_titolo_studio_padre', inCodes(t.titoloStudioPadre, codesOf(TitoloStudioGenitore))),
    check('caso_sinba_titolo_studio_madre', inCodes(t.titoloStudioMadre, codesOf(TitoloStudioGenitore))),
    check('caso_sinba_occupazione_padre', inCodes(t.occupazionePadre, codesOf(OccupazioneGenitore))),
    check('caso_sinba_occupazione_madre', inCodes(t.occupazioneMadre, codesOf(OccupazioneGenitore))),
    // MM/AAAA is stored as the first of its month.
    check('caso_sinba_data_prima_segnalazione', sql`extract(day from ${t.dataPrimaSegnalazione}) = 1`),
    check('caso_sinba_data_segnalazione', sql`extract(day from ${t.dataSegnalazione}) = 1`),
    check('caso_sinba_data_provvedimento', sql`extract(day from ${t.dataProvvedimentoGiudiziario}) = 1`),
    check('caso_sinba_fonte_segnalazione', inCodes(t.fonteSegnalazione, codesOf(FonteSegnalazione))),
    check('caso_sinba_valutazione_minore', inCodes(t.valutazioneMinore, codesOf(ProblematicaMinore))),
    check('caso_sinba_valutazione_famiglia', inCodes(t.valutazioneFamigliaMinore, codesOf(ProblematicaFamiglia))),
    check('caso_sinba_segnalazione_ag', inCodes(t.segnalazioneAutoritaGiudiziaria, SI_NO)),
    check('caso_sinba_provvedimento', inCodes(t.provvedimentoGiudiziario, SI_NO)),
    check('caso_sinba_autorita_provvedimento', inCodes(t.autoritaProvvedimento, codesOf(AutoritaProvvedimento))),
    check('caso_sinba_potesta_tutela', inCodes(t.potestaTutela, codesOf(PotestaTutela))),
    check('caso_sinba_tipo_provvedimento', inCodes(t.tipoProvvedimentoGiudiziario, codesOf(TipoProvvedimentoGiudiziario))),
    check('caso_sinba_forma_affido', inCodes(t.formaInterventoAffido, codesOf(FormaInterventoSinba))),
    check('caso_sinba_tipo_affido', inCodes(t.tipoInterventoAffido, codesOf(TipoAffido))),
    check('caso_sinba_durata_affido', inCodes(t.durataAffido, codesOf(DurataAffido))),
    check('caso_sinba_carattere_affido', inCodes(t.carattereAffido, codesOf(CarattereAffido))),
    check('caso_sinba_esito_affido', inCodes(t.esitoAffido, codesOf(EsitoAffido))),
    check('caso_sinba_carattere_inserimento', inCodes(t.carattereInserimentoResidenziale, codesOf(CarattereInserimentoResidenziale))),
    check('caso_sinba_forma_inserimento', inCodes(t.formaInserimentoResidenziale, codesOf(FormaInterventoSinba))),
    check('caso_sinba_tipo_inserimento', inCodes(t.tipoInserimentoResidenziale, codesOf(TipoInserimentoResidenziale))),
    check('caso_sinba_esito_inserimento', inCodes(t.esitoInserimentoStruttura, codesOf(EsitoInserimentoStruttura))),
    check('caso_sinba_motivazione_chiusura', inCodes(t.motivazioneChiusuraCarico, codesOf(MotivazioneChiusura))),
    check('caso_sinba_situazione_chiusura', inCodes(t.situazioneChiusuraCarico, codesOf(SituazioneChiusura))),
    check('caso_sinba_collaborazioni', inCodes(t.collaborazioniInterventi, codesOf(CollaborazioneInterventi))),
    // The XSD says `xs:int` up to 9; the specification's table says 1 to 9.
    check('caso_sinba_numero_componenti_isee', sql`${t.numeroComponentiIsee} between 1 and 9`),
    check('caso_sinba_fascia_eta', inCodes(t.fasciaEtaBeneficiario, codesOf(FasciaEtaMinore))),
    check('caso_sinba_fascia_isee', inCodes(t.fasciaIseeBeneficiario, codesOf(FasciaIseeSinba))),
    check('caso_sinba_anno_nascita', sql`${t.annoNascita} between 1900 and 2099`),
    check('caso_sinba_regione_residenza', sql`${t.codiceRegioneResidenza} ~ '^[0-9]{2}$'`),
    check('caso_sinba_nazione_residenza', sql`${t.codiceNazioneResidenza} ~ '^[0-9]{3}$'`),
    // Table 15: CodiceRegioneResidenza becomes required when the country is Italy (380).
    check('caso_sinba_regione_se_italia', sql`${t.codiceNazioneResidenza} <> '380' or ${t.codiceRegioneResidenza} is not null`),
    check('caso_sinba_prestazioni', sql`cardinality(${t.prestazioni}) >= 1`),
    check('caso_sinba_composizione_famiglia', sql`cardinality(${t.composizioneFamiglia}) >= 1`),
    check('caso_sinba_componenti_famiglia', allInCodes(t.composizioneFamiglia, codesOf(ComponenteFamiglia))),
  ],
);

/**
 * Earlier snapshots of a case: each time a delivery changes a stored case (a
 * later record of the same ente and IDBeneficiario, a corrected
 * DataPrimaSegnalazione included), the snapshot it replaces is kept here, whole,
 * with when it was replaced. A snapshot delivered again changes nothing and adds
 * nothing. Pseudonymous like the case itself.
 */
export const casoSinbaStoria = sinba.table(
  'caso_sinba_storia',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    casoId: uuid()
      .notNull()
      .references(() => casoSinba.id),
    /** The replaced row, column by column (snake_case names). */
    valori: jsonb().notNull(),
    sostituitoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('caso_sinba_storia_caso').on(t.casoId, t.sostituitoIl)],
);
