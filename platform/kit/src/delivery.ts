import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceIdentity } from '@casellario/policies';
import type { DatabaseHandle } from './database';
import { decodeUtf8, INVALID_UTF8 } from './http-server';
import { logger } from './logger';
import { safeError } from './safe-error';

/**
 * Internal endpoints through which the flows component delivers accepted records
 * to a component: `POST /interno/consegna/<kind>` with `{ "items": [...] }`.
 * Handlers must be idempotent (upserts on natural keys): delivery is at least
 * once, so that the effect is exactly once.
 */
export type DeliveryHandler = (handle: DatabaseHandle, items: unknown[]) => Promise<unknown[]>;

/**
 * The per-item answer of a delivery handler that stores records: `{ ok: true }`,
 * or `{ ok: false, errore }` for an item this component refuses for good (it
 * would refuse it again on every retry). A refusal never fails the batch: the
 * other items are stored and the sender sets the refused one aside with its
 * reason, so one bad record cannot hold up a queue. A handler throws (HTTP 500)
 * only for what may pass on retry (the database down, a bug being fixed).
 */
export type EsitoItemConsegna = { ok: true } | { ok: false; errore: string };

/** Whether a handler's per-item answer is a refusal for good (see `EsitoItemConsegna`). */
export function rifiutatoInConsegna(risultato: unknown): risultato is { ok: false; errore: string } {
  return typeof risultato === 'object' && risultato !== null && (risultato as { ok?: unknown }).ok === false && typeof (risultato as { errore?: unknown }).errore === 'string';
}
export type DeliveryHandlers = Record<string, DeliveryHandler>;

export const DELIVERY_PREFIX = '/interno/consegna/';

/** Mounts a subgraph's delivery handlers behind service-token authentication. */
export function deliveryRoutes(options: {
  handle: DatabaseHandle;
  handlers: DeliveryHandlers;
  verifyService: (authorization: string | undefined) => Promise<ServiceIdentity>;
  maxBodyBytes?: number;
}) {
  const limit = options.maxBodyBytes ?? 128 * 1024 * 1024;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(DELIVERY_PREFIX)) return false;
    const handler = options.handlers[path.slice(DELIVERY_PREFIX.length)];
    if (!handler || req.method !== 'POST') return send(res, 404, { errore: 'Consegna sconosciuta' });
    try {
      await options.verifyService(headerValue(req.headers.authorization));
    } catch {
      req.resume();
      return send(res, 401, { errore: 'Servizio non autenticato' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return send(res, 413, { errore: 'Consegna troppo grande' });
      chunks.push(chunk as Buffer);
    }
    // Records are stored as sent: a broken character must refuse the batch, not become U+FFFD.
    const text = decodeUtf8(Buffer.concat(chunks));
    if (text === null) return send(res, 400, { errore: INVALID_UTF8 });
    let items: unknown[];
    try {
      const body = JSON.parse(text) as { items?: unknown };
      if (!Array.isArray(body.items)) throw new Error('items');
      items = body.items;
    } catch {
      return send(res, 400, { errore: 'Corpo della consegna non valido' });
    }
    try {
      const risultati = await handler(options.handle, items);
      return send(res, 200, { risultati });
    } catch (error) {
      logger.error({ err: safeError(error), path, items: items.length }, 'delivery failed');
      return send(res, 500, { errore: 'Consegna non riuscita' });
    }
  };
}

/** A batch serialised once, for sending the same items to several components. */
export interface SerializedBatch {
  readonly body: string;
}

/** Serialises a batch once (`deliverBatch` takes it in place of the items). */
export function serializeBatch(items: readonly unknown[]): SerializedBatch {
  return { body: JSON.stringify({ items }) };
}

/** Sends one batch to a component; throws on anything but success, so the caller retries. */
export async function deliverBatch<T = unknown>(
  subgraphUrl: string,
  kind: string,
  items: readonly unknown[] | SerializedBatch,
  token: string,
  timeoutMs = 60_000,
): Promise<T[]> {
  let response: Response;
  try {
    response = await fetch(new URL(`${DELIVERY_PREFIX}${kind}`, subgraphUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: 'body' in items ? items.body : JSON.stringify({ items }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new Error(timedOut ? `nessuna risposta entro ${timeoutMs / 1000} s` : 'servizio non raggiungibile');
  }
  if (!response.ok) throw new Error(`il servizio ha risposto HTTP ${response.status}`);
  return ((await response.json()) as { risultati: T[] }).risultati;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): true {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
  return true;
}
