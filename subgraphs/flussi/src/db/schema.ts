import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, customType, date, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** Everything the flows component stores lives in its own Postgres schema. */
export const flussi = pgSchema('flussi');

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A flow (or one part of a flow the command-line importer split) as received:
 * the durable receipt. Stored in the same transaction as its esiti and its
 * outbox, so an answered flow is never lost and a refused one leaves nothing.
 */
export const flusso = flussi.table(
  'flusso',
  {
    id: uuid().primaryKey(),
    nome: varchar({ length: 50 }).notNull(),
    parte: smallint().notNull().default(1),
    parti: smallint().notNull().default(1),
    tipo: varchar({ length: 12 }).notNull(),
    enteCodice: varchar({ length: 32 }).notNull(),
    enteDenominazione: varchar({ length: 100 }),
    /** Who sent it: the operator (`sub`) or the pull collector. */
    mittente: varchar({ length: 64 }).notNull(),
    origine: varchar({ length: 10 }).notNull(),
    /** SHA-256 of the content: a re-sent flow with other content is flagged, never applied. */
    impronta: varchar({ length: 64 }).notNull(),
    ricevutoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
    record: integer().notNull(),
    accettati: integer().notNull(),
    conAvvisi: integer().notNull(),
    rifiutati: integer().notNull(),
    /** Flow-level warnings (AVVISO), copied to every record's esito as well. */
    avvisi: jsonb().notNull().default([]),
  },
  (t) => [
    unique('flusso_nome_parte').on(t.nome, t.parte),
    index('flusso_ente_ricevuto').on(t.enteCodice, t.ricevutoIl, t.id),
    check('flusso_tipo', sql`${t.tipo} in ('PS_PSA_SINA', 'SINBA', 'SIP')`),
    check('flusso_parte', sql`${t.parte} between 1 and ${t.parti}`),
  ],
);

/** The esito of one record: what an ente reads back. No codice fiscale in clear (`riferimento` is masked). */
export const esito = flussi.table(
  'esito',
  {
    flussoId: uuid()
      .notNull()
      .references(() => flusso.id),
    numero: integer().notNull(),
    riga: integer(),
    stato: varchar({ length: 24 }).notNull(),
    riferimento: varchar({ length: 80 }).notNull(),
    codicePrestazione: varchar({ length: 10 }),
    protocolloDomanda: varchar({ length: 32 }),
    segnalazioni: jsonb().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.flussoId, t.numero] }),
    index('esito_stato').on(t.flussoId, t.stato, t.numero),
    check('esito_stato', sql`${t.stato} in ('ACCETTATO', 'ACCETTATO_CON_AVVISI', 'RIFIUTATO')`),
  ],
);

/**
 * The transactional outbox, part 1: the payloads of a flow part's accepted
 * records, as one blob sealed under the flows component's key (it carries
 * codici fiscali until anagrafe has turned them into ids), erased once every
 * record of the part has reached every destination. One blob per part keeps the
 * receipt of 10,000 records to a single encryption and a single write.
 */
export const lottoConsegna = flussi.table('lotto_consegna', {
  flussoId: uuid()
    .primaryKey()
    .references(() => flusso.id),
  /** Sealed JSON: `{ [numero]: payload }` for the part's accepted records. */
  payload: bytea(),
  svuotatoIl: timestamp({ withTimezone: true }),
});

/**
 * The transactional outbox, part 2: the delivery queue. One row per flow part
 * and destination, with the part's record numbers that destination must receive
 * (in the flow's order) and how many of them it has stored so far — the cursor
 * a batch advances once the destination has it. Parts are queued in arrival
 * order (`id`). A handful of rows per 10,000 records: the queue costs the
 * database nothing next to the records themselves, where one row per record and
 * destination cost more than storing the benefits.
 */
export const consegnaParte = flussi.table(
  'consegna_parte',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    flussoId: uuid()
      .notNull()
      .references(() => flusso.id),
    destinazione: varchar({ length: 32 }).notNull(),
    /** Record numbers (as in the esiti) for this destination, in order. */
    numeri: integer().array().notNull(),
    /** How many of `numeri` the destination has stored (or set aside, see `consegnaScarto`). */
    consegnati: integer().notNull().default(0),
    consegnatoIl: timestamp({ withTimezone: true }),
    /**
     * Back-off of this part on this destination after a failure that may pass
     * (the component down, a timeout): per part, so an ente's failing part waits
     * alone while other enti's parts go on; the ente's later parts wait behind it,
     * which keeps an insertion before its cancellation.
     */
    tentativi: integer().notNull().default(0),
    prossimoTentativo: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ultimoErrore: text(),
  },
  (t) => [
    unique('consegna_parte_destinazione').on(t.flussoId, t.destinazione),
    // The queue of a destination: its pending parts in arrival order.
    index('consegna_parte_da_fare')
      .on(t.destinazione, t.id)
      .where(sql`${t.consegnatoIl} is null`),
    check('consegna_parte_cursore', sql`${t.consegnati} between 0 and cardinality(${t.numeri})`),
  ],
);

/**
 * Records a destination refused for good (its per-item answer `{ ok: false }`):
 * set aside with the reason, so the queue moves on. Shown in the flow's delivery
 * state and, as a segnalazione `CONSEGNA_RIFIUTATA`, in the record's esito.
 */
export const consegnaScarto = flussi.table(
  'consegna_scarto',
  {
    flussoId: uuid()
      .notNull()
      .references(() => flusso.id),
    numero: integer().notNull(),
    destinazione: varchar({ length: 32 }).notNull(),
    motivo: text().notNull(),
    scartatoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.flussoId, t.numero, t.destinazione] })],
);

/**
 * One row per destination: its delivery queue's lease (so that one worker at a
 * time delivers to it, in order) and its back-off after a failure. A worker that
 * dies loses its lease when `inCaricoFino` lapses.
 */
export const destinazione = flussi.table('destinazione', {
  nome: varchar({ length: 32 }).primaryKey(),
  inCaricoFino: timestamp({ withTimezone: true }),
  proprietario: varchar({ length: 64 }),
  tentativi: integer().notNull().default(0),
  prossimoTentativo: timestamp({ withTimezone: true }).notNull().defaultNow(),
  ultimoErrore: text(),
  ultimaConsegna: timestamp({ withTimezone: true }),
});

/**
 * Benefits the registry knows, by a keyed hash of their natural key (ente, codice
 * fiscale, code, application protocol, start or payment date): how a cancellation
 * (`TipoOperazione="C"`) is checked against what was sent before, without storing
 * the codice fiscale. SIP cases live here too, keyed by ente and ProtocolloCaso
 * under their own prefix (`chiaveCasoSip`), with `componente` `sip`.
 */
export const prestazioneNota = flussi.table('prestazione_nota', {
  chiave: bytea().primaryKey(),
  annullata: boolean().notNull().default(false),
  /** PSA or PS, and whether a SINA assessment came with it. */
  componente: varchar({ length: 40 }).notNull(),
  /**
   * The day the component keys the benefit on (`coalesce(DataInizio, DataErogazione)`
   * of the last insertion): a cancellation is sent with it, so it names the row
   * the component holds even when it carries only the date of the registry's key.
   * Null for benefits noted before migration 0005 (then the cancellation's own dates).
   */
  dataComponente: date({ mode: 'string' }),
  /**
   * Keyed hash of the values of the last insertion: a re-sent insertion with
   * other values is a variation (an AVVISO), with the same values a repetition.
   * Null for benefits noted before migration 0005 and for SIP cases.
   */
  impronta: bytea(),
});

/**
 * A comune's WaaS endpoint the pull collector polls (INPS's `GET /flussi`), with
 * its cursor: `sinceMs` is the `ts_flusso` (ms) of the last entry acquired, sent
 * as `since` next time. The bearer token is never stored: only where to read it
 * (an environment variable or a file), so a database dump carries no secret.
 * `inCaricoFino`/`proprietario` are a lease: one collector at a time per comune,
 * so two replicas never ingest the same entry concurrently.
 */
export const fontePull = flussi.table(
  'fonte_pull',
  {
    enteCodice: varchar({ length: 32 }).primaryKey(),
    /** Base URL of the comune's API (the OpenAPI's `servers`), without a trailing slash. */
    baseUrl: text().notNull(),
    tokenEnv: varchar({ length: 128 }),
    tokenFile: text(),
    /** The PDND purpose for this comune's e-service: the collector presents a PDND voucher for it. */
    pdndPurposeId: varchar({ length: 64 }),
    sinceMs: bigint({ mode: 'number' }).notNull().default(0),
    attiva: boolean().notNull().default(true),
    /** What the last run did or why it failed, in Italian, for operators. */
    ultimoEsito: text(),
    erroriConsecutivi: integer().notNull().default(0),
    aggiornatoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
    inCaricoFino: timestamp({ withTimezone: true }),
    proprietario: varchar({ length: 64 }),
  },
  (t) => [
    check('fonte_pull_token', sql`${t.tokenEnv} is null or ${t.tokenFile} is null`),
    check('fonte_pull_since', sql`${t.sinceMs} >= 0`),
  ],
);

/**
 * The esiti owed to comuni (`POST /esiti`), one per pulled entry and outcome:
 * `body` is the `EsitoFlusso` exactly as it will be sent. A row leaves the queue
 * (`inviatoIl` set) only when the comune answered 2xx; until then it is retried
 * with back-off. Unique per entry and outcome, so re-reading an entry after a
 * crash never notifies it twice.
 */
export const notificaEsito = flussi.table(
  'notifica_esito',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    ente: varchar({ length: 32 }).notNull(),
    idFlusso: text().notNull(),
    /** The entry's `ts_flusso` in ms: with `idFlusso`, what the comune knows the flow by. */
    tsFlussoMs: bigint({ mode: 'number' }).notNull(),
    codiceEsito: varchar({ length: 20 }).notNull(),
    body: jsonb().notNull(),
    creatoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
    tentativi: integer().notNull().default(0),
    prossimoTentativo: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ultimoErrore: text(),
    inviatoIl: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('notifica_esito_voce').on(t.ente, t.idFlusso, t.tsFlussoMs, t.codiceEsito),
    // The queue: what is still owed to each comune, oldest first.
    index('notifica_esito_da_inviare')
      .on(t.ente, t.id)
      .where(sql`${t.inviatoIl} is null`),
    check('notifica_esito_codice', sql`${t.codiceEsito} in ('OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO')`),
  ],
);
