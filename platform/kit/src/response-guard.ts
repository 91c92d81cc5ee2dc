import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { validateCodiceFiscale } from '@casellario/domain';
import { RUOLI_PSEUDONIMI, type Viewer } from '@casellario/policies';
import type { GraphQLFormattedError } from 'graphql';
import { logger } from './logger';

/**
 * The last line of defence of the pseudonymous purposes (DESIGN §2: programmazione
 * and monitoraggio never see a codice fiscale). The shield and the declaration of
 * identifying fields are the mechanism; this guard only catches what they missed:
 * before a subgraph's answer to such a viewer leaves, every string in it (data and
 * error messages) is searched for a codice fiscale — 16 characters with a valid
 * check character (omocodes included), or an 11-digit code — standing as a word
 * of its own. A hit is withheld (null, with a FORBIDDEN error at its path that does
 * not repeat it), logged without the value, and counted. A hit is a bug elsewhere:
 * tests assert the count stays zero.
 *
 * Words are runs of letters and digits, so a base64url pseudonym or cursor (30+
 * characters, `-` and `_` inside) would need a segment of exactly 16 characters in
 * codice-fiscale shape with a matching check character to trigger it (about one in
 * 10^8), and ISO dates, ISTAT codes (6 digits) and uuids (segments of 4, 8 and 12)
 * never can.
 */

// A word (bounded by anything but a letter or a digit) in codice-fiscale shape — omocode
// letters allowed in the digit positions — or of 11 digits. One scan per string: most
// strings have no candidate, and only candidates pay for the check character.
const O = '[0-9LMNPQRSTUVlmnpqrstuv]';
const CANDIDATE = new RegExp(`(?<![A-Za-z0-9])(?:[A-Za-z]{6}${O}{2}[A-Za-z]${O}{2}[A-Za-z]${O}{3}[A-Za-z]|\\d{11})(?![A-Za-z0-9])`, 'g');

/** Whether a text holds, as a word of its own, a codice fiscale (valid check character) or an 11-digit code. */
export function containsCodiceFiscale(text: string): boolean {
  if (text.length < 11) return false;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m[0].length === 11 || validateCodiceFiscale(m[0]).valid) return true;
  }
  return false;
}

const withheld = new Map<string, number>();

/** Values withheld by the guard since the process started, per subgraph (all of them without an argument). */
export function valoriTrattenuti(subgraph?: string): number {
  if (subgraph !== undefined) return withheld.get(subgraph) ?? 0;
  let total = 0;
  for (const n of withheld.values()) total += n;
  return total;
}

const MESSAGGIO_DATO = 'Valore trattenuto: il dato ha la forma di un codice fiscale e non è consentito per questa finalità';
const MESSAGGIO_ERRORE = "Valore trattenuto: il messaggio d'errore conteneva un codice identificativo";

type Path = Array<string | number>;

/** Replaces every string with a hit under `value` by null; returns the paths replaced. */
function scrub(value: unknown, path: Path, hits: Path[]): unknown {
  if (typeof value === 'string') {
    if (!containsCodiceFiscale(value)) return value;
    hits.push([...path]);
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      value[i] = scrub(value[i], path, hits);
      path.pop();
    }
    return value;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      path.push(key);
      record[key] = scrub(record[key], path, hits);
      path.pop();
    }
  }
  return value;
}

/** The guard as an Apollo plugin of one subgraph (installed by `startSubgraphServer`). */
export function responseGuardPlugin<TContext extends BaseContext>(subgraph: string): ApolloServerPlugin<TContext> {
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ contextValue, response, request }) {
      const viewer = (contextValue as { viewer?: Viewer | null }).viewer;
      if (!viewer || !RUOLI_PSEUDONIMI.has(viewer.ruolo) || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const hits: Path[] = [];
      if (result.data) scrub(result.data, [], hits);
      const added: GraphQLFormattedError[] = hits.map((path) => ({ message: MESSAGGIO_DATO, path, extensions: { code: 'FORBIDDEN' } }));
      let errorHits = 0;
      const errors = (result.errors ?? []).map((e) => {
        if (!containsCodiceFiscale(e.message)) return e;
        errorHits += 1;
        return { ...e, message: MESSAGGIO_ERRORE };
      });
      const total = hits.length + errorHits;
      if (total === 0) return;
      withheld.set(subgraph, (withheld.get(subgraph) ?? 0) + total);
      const requestId = request.http?.headers.get('x-request-id') ?? null;
      for (const path of hits) logger.warn({ subgraph, path: path.join('.'), requestId, ruolo: viewer.ruolo }, 'response guard: value shaped like a codice fiscale withheld');
      if (errorHits) logger.warn({ subgraph, requestId, ruolo: viewer.ruolo, errors: errorHits }, 'response guard: error message with a codice fiscale replaced');
      (result as { errors?: readonly GraphQLFormattedError[] }).errors = [...errors, ...added];
    },
  };
  return { requestDidStart: async () => listener };
}
