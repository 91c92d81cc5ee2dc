import { badUserInput, type CursorBinding, type PersonaIdCodec, type Viewer } from '@casellario/policies';

/** Page size bounds for every listing: a default that suits a screen, a cap that protects the database. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

/** What every listing refuses a cursor with: it says what to do, never why (that would help a forger). */
export const CURSORE_NON_VALIDO =
  'Il cursore di paginazione (dopo) non è valido per questa ricerca: ripetere la ricerca dalla prima pagina';

/** Where a listing runs: the request's key holder and viewer, and the listing's name. */
export interface PageScope {
  ctx: { codec: Pick<PersonaIdCodec, 'sealCursor' | 'openCursor'>; viewer: Viewer };
  /** The root field (`elencoCasiSinba`), or `Type.field` for a nested listing. */
  listing: string;
  /** For a nested listing, what identifies its parent (the flow of `Flusso.esiti`). */
  parent?: string | number | Array<string | number>;
}

/** A cursor's seal for one search: audience, listing and filter. Opaque to resolvers. */
export interface PageSeal {
  readonly codec: Pick<PersonaIdCodec, 'sealCursor' | 'openCursor'>;
  readonly viewer: Viewer;
  readonly binding: CursorBinding;
}

/**
 * Validates `primi` (page size) and opens `dopo` (a sealed cursor) for keyset
 * pagination: the cursor holds the sort key of the last row seen, so a page is one
 * index range scan however deep the client goes. The cursor is sealed (see
 * `PersonaIdCodec.sealCursor`) to the viewer's audience, the listing and every other
 * argument of the query (the filter), so it shows no id and cannot be replayed by
 * another audience, on another listing or with another filter: any of these, or
 * tampering, is BAD_USER_INPUT (`CURSORE_NON_VALIDO`). Pass the returned `seal` to
 * `toPage`.
 */
export function readPageArgs(
  args: { primi?: number | null; dopo?: string | null } & Record<string, unknown>,
  scope: PageScope,
): { limit: number; after: Array<string | number> | null; seal: PageSeal } {
  const limit = args.primi ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) {
    throw badUserInput(`Il numero di elementi per pagina (primi) deve essere tra 1 e ${PAGE_MAX}`);
  }
  const { primi: _primi, dopo, ...filter } = args;
  const seal: PageSeal = {
    codec: scope.ctx.codec,
    viewer: scope.ctx.viewer,
    binding: { listing: scope.listing, filter: canonicalJson({ argomenti: filter, padre: scope.parent ?? null }) },
  };
  if (dopo === null || dopo === undefined || dopo === '') return { limit, after: null, seal };
  const after = typeof dopo === 'string' ? seal.codec.openCursor(dopo, seal.viewer, seal.binding) : null;
  if (!after) throw badUserInput(CURSORE_NON_VALIDO, 'CURSORE_NON_VALIDO');
  return { limit, after, seal };
}

/**
 * A cursor's payload that does not have the shape the listing wrote is refused
 * like any other invalid cursor (it can only come from a bug or a leaked key).
 */
export function invalidCursor(): Error {
  return badUserInput(CURSORE_NON_VALIDO, 'CURSORE_NON_VALIDO');
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether
 * another page exists. The next cursor is the last row's sort key, sealed for the
 * same search (`seal` from `readPageArgs`).
 */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => Array<string | number>, seal: PageSeal) {
  const elementi = rows.slice(0, limit);
  const last = elementi.at(-1);
  const haAltri = rows.length > limit;
  return {
    elementi,
    haAltri,
    cursoreSuccessivo: haAltri && last ? seal.codec.sealCursor(key(last), seal.viewer, seal.binding) : null,
  };
}

/**
 * One text per filter, whatever the spelling: keys sorted, absent and null
 * arguments alike (GraphQL gives `filtro: null`, `filtro: {}` and no `filtro` the
 * same meaning), empty objects dropped.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value) ?? null);
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => normalise(v) ?? null);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = normalise((value as Record<string, unknown>)[k]);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}
