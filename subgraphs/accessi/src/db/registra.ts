import { bulkInsertRows, sanitizeClientRequestId, SOGGETTO_PERSONA, type AccessRecord, type DatabaseHandle } from '@casellario/kit';
import { RUOLI } from '@casellario/policies';
import { and, desc, inArray, sql } from 'drizzle-orm';
import { HASH_INIZIALE, hashAccesso } from '../domain/catena';
import { accesso } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CAMPO = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new Error(`accesso non valido: ${what}`);
  return value;
}

/**
 * Checks one record as it arrives from a subgraph: everything it stores is a short
 * token of known shape, never free text, so that nothing but who/what/whom lands
 * in the log (no codice fiscale: subjects are internal ids).
 */
export function leggiAccesso(item: unknown): AccessRecord {
  const r = (item ?? {}) as Record<string, unknown>;
  const ruolo = text(r.ruolo, 16, 'ruolo');
  if (!(RUOLI as readonly string[]).includes(ruolo)) throw new Error('accesso non valido: ruolo');
  const soggettoTipo = text(r.soggettoTipo, 20, 'soggettoTipo');
  if (!/^[a-z][a-z-]{0,19}$/.test(soggettoTipo)) throw new Error('accesso non valido: soggettoTipo');
  const soggettoId = text(r.soggettoId, 80, 'soggettoId');
  if (soggettoTipo === SOGGETTO_PERSONA && !UUID.test(soggettoId)) throw new Error('accesso non valido: soggettoId');
  if (!Array.isArray(r.campi) || r.campi.length === 0 || r.campi.length > 100) throw new Error('accesso non valido: campi');
  const campi = r.campi.map((c) => text(c, 100, 'campi'));
  if (!campi.every((c) => CAMPO.test(c))) throw new Error('accesso non valido: campi');
  if (r.riferimento !== null && r.riferimento !== undefined) text(r.riferimento, 64, 'riferimento');
  // The gateway sanitised it already; a record whose client id is not what it would pass is refused, not altered.
  const requestIdCliente = r.requestIdCliente === null || r.requestIdCliente === undefined ? null : sanitizeClientRequestId(r.requestIdCliente);
  if (requestIdCliente === null && r.requestIdCliente !== null && r.requestIdCliente !== undefined) throw new Error('accesso non valido: requestIdCliente');
  if (requestIdCliente !== null && requestIdCliente !== r.requestIdCliente) throw new Error('accesso non valido: requestIdCliente');
  const flusso = r.flusso === null || r.flusso === undefined ? null : text(r.flusso, 50, 'flusso');
  if (flusso !== null && !/^[A-Za-z0-9._-]+$/.test(flusso)) throw new Error('accesso non valido: flusso');
  const record = r.record === null || r.record === undefined ? null : r.record;
  if (record !== null && !(typeof record === 'number' && Number.isSafeInteger(record) && record >= 1 && record <= 2_147_483_647)) {
    throw new Error('accesso non valido: record');
  }
  const fuoriTerritorio = r.fuoriTerritorio === null || r.fuoriTerritorio === undefined ? null : r.fuoriTerritorio;
  if (fuoriTerritorio !== null && typeof fuoriTerritorio !== 'boolean') throw new Error('accesso non valido: fuoriTerritorio');
  return {
    subgraph: text(r.subgraph, 40, 'subgraph'),
    operatore: text(r.operatore, 64, 'operatore'),
    ruolo,
    ente: text(r.ente, 32, 'ente'),
    riferimento: (r.riferimento as string | null | undefined) ?? null,
    requestId: text(r.requestId, 64, 'requestId'),
    requestIdCliente,
    soggettoTipo,
    soggettoId,
    campi: [...new Set(campi)].sort(),
    flusso,
    record: record as number | null,
    fuoriTerritorio: fuoriTerritorio as boolean | null,
  };
}

/** What the access log names a caseload acquisition by (flussi's `CAMPO_ACQUISIZIONE`). */
export const CAMPO_ACQUISIZIONE = 'acquisizioneCaseload';

/**
 * Appends records to the chain in one transaction. Writers serialise on the chain
 * head: `SHARE ROW EXCLUSIVE` conflicts with itself and with every INSERT (so two
 * writers never link to the same head, whoever they are) but not with reads, so
 * audit queries and the verifier never wait. The sequence number is the head's
 * plus one — gapless, unlike a sequence, which skips numbers on rollback.
 * Returns the sequence numbers, in order.
 */
export async function registraAccessi(handle: DatabaseHandle, records: readonly AccessRecord[]): Promise<number[]> {
  if (records.length === 0) return [];
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${accesso} in share row exclusive mode`);
    const [head] = await tx.select({ seq: accesso.seq, hash: accesso.hash }).from(accesso).orderBy(desc(accesso.seq)).limit(1);
    // A caseload acquisition is recorded once per (ente, person): the flows component
    // logs before granting, so a retried batch sends it again. Checked under the lock.
    const giaRegistrate = await acquisizioniRegistrate(tx as unknown as DatabaseHandle['db'], records);
    let seq = head?.seq ?? 0;
    let previous = head?.hash ?? HASH_INIZIALE;
    const istante = new Date();
    const seqs: number[] = [];
    const rows = [];
    for (const r of records) {
      const chiave = chiaveAcquisizione(r);
      const gia = chiave ? giaRegistrate.get(chiave) : undefined;
      if (gia !== undefined) {
        seqs.push(gia);
        continue;
      }
      seq += 1;
      const content = { ...r, requestIdCliente: r.requestIdCliente ?? null, flusso: r.flusso ?? null, record: r.record ?? null, fuoriTerritorio: r.fuoriTerritorio ?? null, seq, istante };
      const hash = hashAccesso(previous, content);
      rows.push({ ...content, hashPrecedente: previous, hash });
      if (chiave) giaRegistrate.set(chiave, seq);
      seqs.push(seq);
      previous = hash;
    }
    if (rows.length > 0) await bulkInsertRows({ ...handle, db: tx as unknown as DatabaseHandle['db'] }, accesso, rows);
    return seqs;
  });
}

function chiaveAcquisizione(r: AccessRecord): string | null {
  return r.campi.includes(CAMPO_ACQUISIZIONE) ? `${r.ente}\u0000${r.soggettoId}` : null;
}

/** The acquisitions among `records` already in the log: (ente, person) → seq. */
async function acquisizioniRegistrate(db: DatabaseHandle['db'], records: readonly AccessRecord[]): Promise<Map<string, number>> {
  const wanted = records.filter((r) => chiaveAcquisizione(r) !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ ente: accesso.ente, soggettoId: accesso.soggettoId, seq: accesso.seq })
    .from(accesso)
    .where(
      and(
        // The literal, not a parameter: it is the predicate of the partial index `accesso_acquisizione`.
        sql`'acquisizioneCaseload' = any(${accesso.campi})`,
        inArray(accesso.ente, [...new Set(wanted.map((r) => r.ente))]),
        inArray(accesso.soggettoId, [...new Set(wanted.map((r) => r.soggettoId))]),
      ),
    );
  return new Map(rows.map((r) => [`${r.ente}\u0000${r.soggettoId}`, r.seq]));
}
