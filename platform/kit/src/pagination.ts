import { badUserInput } from '@casellario/policies';

/** Page size bounds for every listing: a default that suits a screen, a cap that protects the database. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

/**
 * Validates `primi` (page size) and decodes `dopo` (an opaque cursor) for keyset
 * pagination: the cursor holds the sort key of the last row seen, so a page is one
 * index range scan however deep the client goes.
 */
export function readPageArgs(args: { primi?: number | null; dopo?: string | null }): { limit: number; after: Array<string | number> | null } {
  const limit = args.primi ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) {
    throw badUserInput(`Il numero di elementi per pagina (primi) deve essere tra 1 e ${PAGE_MAX}`);
  }
  return { limit, after: args.dopo ? decodeCursor(args.dopo) : null };
}

/** An opaque cursor from the sort key of a row. */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor; BAD_USER_INPUT when it is not one of ours. */
export function decodeCursor(cursor: string): Array<string | number> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
  } catch {
    // fall through
  }
  throw badUserInput('Cursore di paginazione (dopo) non valido');
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether
 * another page exists.
 */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => Array<string | number>) {
  const elementi = rows.slice(0, limit);
  const last = elementi.at(-1);
  const haAltri = rows.length > limit;
  return { elementi, haAltri, cursoreSuccessivo: haAltri && last ? encodeCursor(key(last)) : null };
}
