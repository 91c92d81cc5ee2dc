import { scrubIdentifiers } from './format-error';

/**
 * What of an error may go to a log: its kind, a short message and the database
 * error code — never the SQL parameters or the rows a driver error carries
 * (they hold codici fiscali and names). Anything shaped like a codice fiscale
 * is scrubbed from the message too.
 */
export function safeError(error: unknown): { type: string; message: string; code?: string } {
  const e = error as { name?: string; message?: string; code?: string; cause?: { message?: string; code?: string } };
  const root: { message?: string; code?: string } = e.cause ?? e;
  // Drizzle prefixes "Failed query: <sql> params: <values>"; keep only the driver's own message.
  const message = scrubIdentifiers(String(root.message ?? e.message ?? error).split('\nparams:')[0]!.slice(0, 300));
  return { type: e.name ?? 'Error', message, ...(root.code ? { code: String(root.code) } : {}) };
}
