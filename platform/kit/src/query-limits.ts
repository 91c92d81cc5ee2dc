import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { PAGE_DEFAULT, PAGE_MAX } from './pagination';

/**
 * Limits on the shape of an operation, checked before anything runs (DESIGN §2,
 * layer 1, and again in every subgraph). Counts, never echoed to the client.
 */
export interface QueryLimits {
  /** Nesting of fields (fragments do not add a level: they add no nesting to the answer). */
  profondita: number;
  /** Aliased fields in one operation, `__typename` aliases included (graphql-armor leaves them out by default). */
  alias: number;
  /** Lexical tokens of the document (names, punctuation, values; not comments). */
  token: number;
  /** Directives in one operation. */
  direttive: number;
  /** Estimated cost: see `estimateCost`. */
  costo: number;
}

/**
 * Gateway defaults. The README's examples and the cartella tests reach depth 8,
 * about a hundred tokens, no aliases, and cost 25,401 for the pseudonymous
 * cartella of every person on a 200-record page, the heaviest legitimate read
 * there is; 200 × 200 nested pages (40,000 rows) costs eight times that.
 */
export const GATEWAY_QUERY_LIMITS: Readonly<QueryLimits> = { profondita: 10, alias: 15, token: 3000, direttive: 20, costo: 50_000 };

/**
 * Subgraph defaults, looser than the gateway's: the query planner wraps entity
 * fetches in `_entities` with one representation per entity of the page (the
 * cost counts them), inlines fragments (more tokens), and may alias fields; a
 * client's operation that passes the gateway must never fail here.
 */
export const SUBGRAPH_QUERY_LIMITS: Readonly<QueryLimits> = { profondita: 11, alias: 30, token: 8000, direttive: 50, costo: 200_000 };

const ENV_NAMES: Record<keyof QueryLimits, string> = {
  profondita: 'LIMITE_PROFONDITA',
  alias: 'LIMITE_ALIAS',
  token: 'LIMITE_TOKEN',
  direttive: 'LIMITE_DIRETTIVE',
  costo: 'LIMITE_COSTO',
};

/** The environment variable that sets one limit: `LIMITE_PROFONDITA` at the gateway, `LIMITE_PROFONDITA_SOTTOGRAFI` in subgraphs. */
export function queryLimitEnvName(limit: keyof QueryLimits, kind: 'gateway' | 'subgraph'): string {
  return kind === 'gateway' ? ENV_NAMES[limit] : `${ENV_NAMES[limit]}_SOTTOGRAFI`;
}

/**
 * Reads the limits of the gateway or of a subgraph from the environment, over the
 * defaults above. A value that is not a positive integer stops the start-up: a
 * typo must not silently remove a protection.
 */
export function queryLimitsFromEnv(kind: 'gateway' | 'subgraph', env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limits = { ...(kind === 'gateway' ? GATEWAY_QUERY_LIMITS : SUBGRAPH_QUERY_LIMITS) };
  for (const key of Object.keys(ENV_NAMES) as Array<keyof QueryLimits>) {
    const name = queryLimitEnvName(key, kind);
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}").`);
    limits[key] = value;
  }
  return limits;
}

/** Italian messages and stable reasons (`motivo`) for each refusal; none names the limit. */
const REFUSALS: Record<keyof QueryLimits, { message: string; motivo: string }> = {
  profondita: { message: 'La richiesta è troppo profonda: riduci i livelli di campi annidati.', motivo: 'RICHIESTA_TROPPO_PROFONDA' },
  alias: { message: 'La richiesta contiene troppi alias: dividila in più richieste.', motivo: 'RICHIESTA_TROPPI_ALIAS' },
  token: { message: 'La richiesta è troppo lunga: dividila in più richieste.', motivo: 'RICHIESTA_TROPPO_LUNGA' },
  direttive: { message: 'La richiesta contiene troppe direttive.', motivo: 'RICHIESTA_TROPPE_DIRETTIVE' },
  costo: {
    message: 'La richiesta è troppo onerosa: chiedi meno elementi per pagina (primi) o meno dati annidati, oppure dividila in più richieste.',
    motivo: 'RICHIESTA_TROPPO_ONEROSA',
  },
};

/** The error for an operation refused by one of the limits: HTTP 400, GRAPHQL_VALIDATION_FAILED, a `motivo`. */
export function queryLimitError(limit: keyof QueryLimits): GraphQLError {
  const { message, motivo } = REFUSALS[limit];
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', motivo, http: { status: 400 } } });
}

/** Unpaginated lists (a person's benefits, a household's members) are assumed this long when estimating cost. */
export const LIST_COST_FACTOR = 3;

/**
 * The cost model, schema-aware: every field costs 1 plus what it selects; a
 * paginated field (one with `primi`) multiplies its selection by the page size
 * asked for (the default page when absent, at most the largest page the resolver
 * accepts); the page's `elementi` are counted once, being that same multiplication;
 * any other list multiplies by LIST_COST_FACTOR; `_entities` (a subgraph's entry
 * for the gateway) multiplies by the number of representations it is handed.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name === '_entities') {
    const representations = Array.isArray(args.representations) ? args.representations.length : 1;
    return 1 + representations * childComplexity;
  }
  if (field.args.some((a) => a.name === 'primi')) {
    const primi = typeof args.primi === 'number' && args.primi > 0 ? Math.min(args.primi, PAGE_MAX) : PAGE_DEFAULT;
    return 1 + primi * childComplexity;
  }
  if (field.name !== 'elementi' && isListType(getNullableType(field.type))) return 1 + LIST_COST_FACTOR * childComplexity;
  return 1 + childComplexity;
};

/** Past this many evaluated selections (fragments spread again and again) the estimate stops: the operation is too costly. */
const MAX_EVALUATED_NODES = 20_000;

/**
 * The estimated cost of an operation with its variables (so that `primi: $n` and the
 * gateway's `_entities(representations: $representations)` count), or Infinity when
 * its selections are too many to evaluate. Undefined when the variables do not fit
 * the operation: execution then refuses it with its own BAD_USER_INPUT before any
 * resolver runs.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      ...(operationName ? { operationName } : {}),
      variables: variables ?? {},
      estimators: [costEstimator],
      maxQueryNodes: MAX_EVALUATED_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Number.POSITIVE_INFINITY;
    return undefined;
  }
}

/**
 * Counts the document's tokens with graphql-js's own lexer, stopping one past the
 * limit, before Apollo parses and validates: validation of a huge document (e.g.
 * thousands of copies of one field) is quadratic, so it must never start.
 */
export function exceedsTokenLimit(source: string, limit: number): boolean {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > limit) return true;
    }
  } catch {
    // A lexical error: the parser reports it with its position.
  }
  return false;
}

/** The refusal of a subscription: HTTP 400 with what to do instead. */
export function subscriptionError(): GraphQLError {
  return new GraphQLError('Le sottoscrizioni (subscription) non sono disponibili: usare una query o una mutation.', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', motivo: 'SOTTOSCRIZIONE_NON_AMMESSA', http: { status: 400 } },
  });
}

/**
 * No schema here has a Subscription type and no transport serves one, but graphql-js
 * validates `subscription { __typename }` (the meta field exists on every type) and
 * then fails in execution, which Apollo answers as HTTP 500. Refused in validation.
 */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') context.reportError(subscriptionError());
  },
});

/**
 * Validation rules and plugins that enforce `limits` on an Apollo server.
 * Depth, aliases and directives are graphql-armor's validation rules, told not to
 * expose limits and to report our own error; cost is estimated once the operation
 * and its variables are known. Tokens are counted by the HTTP edge before Apollo
 * sees the request (`maxTokens` of createGraphQLHttpHandler): Apollo answers an
 * error thrown from its source hooks as an internal error, not as a refusal.
 */
export function queryLimitProtection<TContext extends BaseContext>(
  limits: QueryLimits,
): { validationRules: ValidationRule[]; plugins: Array<ApolloServerPlugin<TContext>> } {
  const report = (limit: keyof QueryLimits) => [(context: ValidationContext | null) => context?.reportError(queryLimitError(limit))];
  const common = { exposeLimits: false, propagateOnRejection: false } as const;
  const validationRules: ValidationRule[] = [
    maxDepthRule({ ...common, n: limits.profondita, flattenFragments: true, onReject: report('profondita') }) as unknown as ValidationRule,
    // graphql-armor's default allowList is ['__typename']: any number of `a1: __typename`
    // would pass uncounted, each one a field the server resolves and writes out.
    maxAliasesRule({ ...common, n: limits.alias, allowList: [], onReject: report('alias') }) as unknown as ValidationRule,
    noSubscriptions,
    maxDirectivesRule({ ...common, n: limits.direttive, onReject: report('direttive') }) as unknown as ValidationRule,
  ];
  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = estimateCost(schema, document, operationName, request.variables);
          if (cost !== undefined && cost > limits.costo) throw queryLimitError('costo');
        },
      };
    },
  };
  return { validationRules, plugins: [plugin] };
}
