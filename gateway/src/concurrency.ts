import { GraphQLError } from 'graphql';

/** Default of GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE: requests one operator may have in flight at once. */
export const DEFAULT_CONCURRENT_PER_OPERATOR = 4;

/** Seconds a refused client is told to wait (`Retry-After`): the heaviest allowed read takes about that long. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE, read once at start; a value that is not a
 * positive integer stops the start-up, since a typo must not remove the limit.
 */
export function concurrencyPerOperatorFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CONCURRENT_PER_OPERATOR;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE must be a positive integer (got "${raw}").`);
  return value;
}

/**
 * How many GraphQL requests each operator (token `sub` within its `ente`) has in
 * flight at the gateway. One operator, or one stolen token, cannot occupy the
 * gateway with the heaviest allowed reads: beyond the limit a request is refused at
 * once (HTTP 429 with Retry-After), before planning, instead of queueing.
 */
export class OperatorConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Takes a slot for the operator, returning its release (idempotent), or throws the 429 refusal. */
  acquire(operator: { sub: string; ente: string }): () => void {
    const key = `${operator.ente}\u0000${operator.sub}`;
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.limit) throw tooManyRequests();
    this.inFlight.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }

  /** Requests in flight for one operator (tests and diagnostics). */
  count(operator: { sub: string; ente: string }): number {
    return this.inFlight.get(`${operator.ente}\u0000${operator.sub}`) ?? 0;
  }
}

function tooManyRequests(): GraphQLError {
  return new GraphQLError(
    `Troppe richieste in corso per questo operatore: attendere che terminino e riprovare tra ${RETRY_AFTER_SECONDS} secondi.`,
    {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        motivo: 'RICHIESTE_CONCORRENTI',
        http: { status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
      },
    },
  );
}
