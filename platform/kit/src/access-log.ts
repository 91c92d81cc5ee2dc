import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { Viewer } from '@casellario/policies';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { deliverBatch } from './delivery';
import { groupCalls } from './group-calls';
import { logger } from './logger';
import { safeError } from './safe-error';

/**
 * The access log (DESIGN §2.4), subgraph side. Every read of identifying data and
 * every cartella opened becomes one record per (request, subgraph, subject) with
 * the fields read, written to the `accessi` component before the response leaves:
 * when the record cannot be written, the client gets an error and no data.
 *
 * Three parts: a collector in each request's context; a wrapper on the identifying
 * fields a subgraph lists (applied outside the shield, so it sees only values the
 * shield released); an Apollo plugin that sends the request's records in
 * `willSendResponse` and withholds the response when that fails.
 */

/**
 * Whose data was read. `persona` (the internal person id) for everything joined to
 * a person; other kinds for subjects that by law are never joined to one (a SINBA
 * case) or are not a single person (a SIP household case, a flow's esito).
 */
export interface AccessSubject {
  tipo: string;
  id: string;
}

/** The subject kind of persons: `id` is the internal person id (a uuid). */
export const SOGGETTO_PERSONA = 'persona';

/**
 * The subject of a released value, from the field's parent (the row the resolver
 * received) and the value itself: a string is a person's internal id.
 */
export type SubjectOf = (parent: never, value: never) => AccessSubject | string | null | undefined;

/**
 * One identifying field: the subject function, recorded under `Type.field`; or an
 * explicit name for the record (`cartella` for `Query.persona`).
 */
export type IdentifyingField = SubjectOf | { campo: string; soggetto: SubjectOf };

/** `'Type.field'` → how to find whose data the field released. */
export type IdentifyingFields = Record<string, IdentifyingField>;

/** One record as the subgraphs send it to `accessi` (`POST /interno/consegna/accessi`). */
export interface AccessRecord {
  subgraph: string;
  /** The operator (`sub` of the token). */
  operatore: string;
  ruolo: string;
  ente: string;
  /** Case reference sent by control bodies (`x-riferimento`), if any. */
  riferimento: string | null;
  requestId: string;
  /** The id the client sent in its own `x-request-id` (correlation only; the gateway's is `requestId`). */
  requestIdCliente?: string | null;
  soggettoTipo: string;
  soggettoId: string;
  /** `Type.field` names (or `cartella`), sorted. */
  campi: string[];
  /** A caseload acquisition (`campi` `acquisizioneCaseload`): the name of the flow that gained it… */
  flusso?: string | null;
  /** …the record of that flow that named the person… */
  record?: number | null;
  /** …and whether the record gave a residence outside the acquiring ente's territory (null: cannot be told). */
  fuoriTerritorio?: boolean | null;
}

/** Where a subgraph's records go; throws when they were not durably written. */
export type AccessLogSink = (records: AccessRecord[]) => Promise<void>;

/** The delivery kind of the access log on the accessi component. */
export const ACCESS_LOG_KIND = 'accessi';

const COLLECTOR = Symbol.for('casellario.access-log.collector');

/** The identifying reads of one request, grouped by subject. */
export class AccessCollector {
  private readonly reads = new Map<string, { subject: AccessSubject; campi: Set<string> }>();

  constructor(
    readonly viewer: Viewer,
    readonly requestId: string,
    readonly requestIdCliente: string | null = null,
  ) {}

  /** Notes that `campo` of `subject` left in this request's response. */
  record(subject: AccessSubject, campo: string): void {
    const key = `${subject.tipo}\u0000${subject.id}`;
    const entry = this.reads.get(key);
    if (entry) entry.campi.add(campo);
    else this.reads.set(key, { subject, campi: new Set([campo]) });
  }

  get empty(): boolean {
    return this.reads.size === 0;
  }

  /** The request's records for `subgraph`, one per subject, in the order first read. */
  records(subgraph: string): AccessRecord[] {
    return [...this.reads.values()].map(({ subject, campi }) => ({
      subgraph,
      operatore: this.viewer.sub,
      ruolo: this.viewer.ruolo,
      ente: this.viewer.ente,
      riferimento: this.viewer.riferimento,
      requestId: this.requestId,
      ...(this.requestIdCliente ? { requestIdCliente: this.requestIdCliente } : {}),
      soggettoTipo: subject.tipo,
      soggettoId: subject.id,
      campi: [...campi].sort(),
    }));
  }
}

/** Puts a fresh collector in a request's context (done by `serveSubgraph`). */
export function attachAccessCollector<T extends object>(context: T, viewer: Viewer, requestId: string, requestIdCliente: string | null = null): T {
  // A plain (enumerable) symbol property: Apollo copies the context per operation
  // with its own enumerable properties, and a symbol never reaches JSON or logs.
  (context as { [COLLECTOR]?: AccessCollector })[COLLECTOR] = new AccessCollector(viewer, requestId, requestIdCliente);
  return context;
}

/** The request's collector, if its subgraph logs accesses. */
export function accessCollectorOf(context: unknown): AccessCollector | undefined {
  return context && typeof context === 'object' ? (context as { [COLLECTOR]?: AccessCollector })[COLLECTOR] : undefined;
}

/**
 * Records a read a resolver makes outside the listed fields (the accessi component
 * records an audit search by person this way). Throws when the context has no
 * collector: data must not leave unlogged.
 */
export function recordAccess(context: unknown, subject: AccessSubject, campo: string): void {
  const collector = accessCollectorOf(context);
  if (!collector) throw new Error('Registro degli accessi assente dal contesto della richiesta');
  collector.record(subject, campo);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function isReleased(value: unknown): boolean {
  if (value === null || value === undefined || value instanceof Error) return false;
  return !(Array.isArray(value) && value.length === 0);
}

function toSubject(value: AccessSubject | string | null | undefined): AccessSubject | null {
  if (typeof value === 'string') return value ? { tipo: SOGGETTO_PERSONA, id: value } : null;
  return value && value.id ? value : null;
}

/**
 * Wraps the listed fields of a built (and already shielded) schema so that every
 * non-null value they return is recorded in the request's collector. It runs
 * outside the shield: a denied field returns its error and records nothing. A
 * missing field name fails at start-up (a typo must not silently disable a record);
 * a released value whose subject cannot be told, or a context without a collector,
 * fails the field instead of letting it out unlogged. Other fields are untouched:
 * no cost where nothing identifying is read.
 */
export function recordIdentifyingReads(schema: GraphQLSchema, fields: IdentifyingFields): GraphQLSchema {
  for (const [coordinate, spec] of Object.entries(fields)) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`accessiIdentificanti: ${coordinate} non è un campo dello schema`);
    const campo = typeof spec === 'function' ? coordinate : spec.campo;
    const subjectOf = (typeof spec === 'function' ? spec : spec.soggetto) as (parent: unknown, value: unknown) => AccessSubject | string | null | undefined;
    const inner: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    field.resolve = (parent, args, context, info) => {
      const collector = accessCollectorOf(context);
      if (!collector) throw new Error('Registro degli accessi assente dal contesto della richiesta');
      const note = (value: unknown) => {
        if (!isReleased(value)) return value;
        const subject = toSubject(subjectOf(parent, value));
        if (!subject) throw new Error(`Soggetto dell'accesso non determinabile per ${coordinate}`);
        collector.record(subject, campo);
        return value;
      };
      const value = inner(parent, args, context, info);
      // Most of these resolvers are synchronous: do not turn them into promises.
      return isThenable(value) ? Promise.resolve(value).then(note) : note(value);
    };
  }
  return schema;
}

/** What a client gets instead of the data when the access log could not be written. */
const ACCESS_LOG_UNAVAILABLE = {
  message: 'Registro degli accessi non disponibile: i dati non sono stati restituiti',
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
};

/**
 * Sends each request's records to the sink before its response leaves, one batch
 * per request; requests that read nothing identifying send nothing. When the sink
 * fails, the response is replaced by an error and no data: the log is written, or
 * nothing identifying is shown.
 */
export function accessLogPlugin<TContext extends BaseContext>(subgraph: string, sink: AccessLogSink): ApolloServerPlugin<TContext> {
  // One listener for every request: it keeps no state of its own.
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ contextValue, response }) {
      const collector = accessCollectorOf(contextValue);
      if (!collector || collector.empty) return;
      try {
        await sink(collector.records(subgraph));
      } catch (error) {
        logger.error({ err: safeError(error), subgraph, requestId: collector.requestId }, 'access log not written: response withheld');
        response.body = { kind: 'single', singleResult: { data: null, errors: [ACCESS_LOG_UNAVAILABLE] } };
      }
    },
  };
  return { requestDidStart: async () => listener };
}

/**
 * The sink of every subgraph but accessi: the accessi component's internal endpoint,
 * with this subgraph's service token. The URL is looked up on each call (embedded
 * mode knows it only once every subgraph listens); none configured is a failure.
 * Under load one HTTP call per request costs more than the records themselves, so
 * calls are grouped (groupCalls): one POST carries the records of every request
 * that finished while the previous POST was in flight; each request still answers
 * only once the POST that carried its records succeeded.
 */
export function remoteAccessLogSink(options: { url: () => string | undefined; token: () => Promise<string>; timeoutMs?: number }): AccessLogSink {
  const send = groupCalls<AccessRecord, true>(async (records) => {
    const url = options.url();
    if (!url) throw new Error('Indirizzo del registro degli accessi non configurato (SUBGRAPH_URL_ACCESSI)');
    await deliverBatch(url, ACCESS_LOG_KIND, records, await options.token(), options.timeoutMs ?? 5_000);
    return records.map(() => true as const);
  });
  return async (records) => {
    await send(records);
  };
}

/** An in-memory sink and what it received; `failing` makes it throw. For tests. */
export interface MemoryAccessLog {
  sink: AccessLogSink;
  records: AccessRecord[];
  failing: boolean;
}

/** Creates an in-memory access log (tests of a single subgraph). */
export function memoryAccessLog(): MemoryAccessLog {
  const log: MemoryAccessLog = {
    records: [],
    failing: false,
    sink: async (records) => {
      if (log.failing) throw new Error('registro degli accessi di prova in errore');
      log.records.push(...records);
    },
  };
  return log;
}
