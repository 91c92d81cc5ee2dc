import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { deliverBatch, logger, rifiutatoInConsegna, safeError, serializeBatch, type DatabaseHandle } from '@casellario/kit';
import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { FlussiKeys } from '../keys';
import { consegnaParte, consegnaScarto, destinazione, esito, lottoConsegna } from '../db/schema';
import { coppieAcquisite, registraAcquisizioni } from './acquisizioni';
import { DESTINAZIONI, type Destinazione } from './destinazioni';
import { personeOf, type Payload, type PersonaPayload } from './payload';

export interface DeliveryWorkerOptions {
  handle: DatabaseHandle;
  keys: FlussiKeys;
  /** Current URL of each subgraph by name (they may move: embedded ports are picked at start). */
  urls: () => Record<string, string | undefined>;
  serviceToken: () => Promise<string>;
  batchSize?: number;
  /** How long a worker owns a destination's queue without renewing it. */
  leaseMs?: number;
  pollMs?: number;
  /** Upper bound of the back-off after repeated failures. */
  maxBackoffMs?: number;
}

/**
 * Delivers the outbox to the components: per destination, one worker at a time
 * (a lease in the database); each ente's parts in arrival order, enti in turn, a
 * batch at a time; a part's cursor moves past a batch only after the destination
 * has answered for it, so a crash or an outage means re-delivery, which the
 * components absorb by upserting on natural keys — at least once in transport,
 * exactly once in effect. A record refused for good is set aside with its reason
 * and the queue moves on; a part failing for a reason that may pass backs off on
 * its own, holding up only its ente's later parts on that destination.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { handle, keys } = options;
  const { db } = handle;
  const owner = `flussi-${randomUUID()}`;
  const batchSize = options.batchSize ?? 2000;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function claim(nome: string): Promise<boolean> {
    const claimed = await db
      .update(destinazione)
      .set({ inCaricoFino: sql`now() + ${`${leaseMs} milliseconds`}::interval`, proprietario: owner })
      .where(
        and(
          eq(destinazione.nome, nome),
          lte(destinazione.prossimoTentativo, sql`now()`),
          or(isNull(destinazione.inCaricoFino), lt(destinazione.inCaricoFino, sql`now()`), eq(destinazione.proprietario, owner)),
        ),
      )
      .returning({ nome: destinazione.nome });
    return claimed.length === 1;
  }

  async function release(nome: string, failure?: Error): Promise<void> {
    if (!failure) {
      await db.update(destinazione).set({ inCaricoFino: null, proprietario: null }).where(and(eq(destinazione.nome, nome), eq(destinazione.proprietario, owner)));
      return;
    }
    // Exponential back-off: 0.5 s, 1 s, 2 s, … capped.
    await db
      .update(destinazione)
      .set({
        inCaricoFino: null,
        proprietario: null,
        tentativi: sql`${destinazione.tentativi} + 1`,
        prossimoTentativo: sql`now() + least(${maxBackoffMs}, 500 * power(2, ${destinazione.tentativi})) * interval '1 millisecond'`,
        ultimoErrore: failure.message.slice(0, 500),
      })
      .where(eq(destinazione.nome, nome));
  }

  /**
   * Opened payload blobs by flow part, shared by every destination and cycle of
   * this worker: a 10,000-record part is read, decrypted and parsed once, not once
   * per batch and destination. Bounded; a part whose records are all delivered
   * leaves it.
   */
  const lotti = new Map<string, Record<string, Payload>>();
  const inflate = promisify(inflateRaw);
  const MAX_LOTTI = 32;

  /** Keeps a part's payloads, oldest out first (a Map keeps insertion order). */
  function tieni(flussoId: string, payloads: Record<string, Payload>): void {
    lotti.set(flussoId, payloads);
    while (lotti.size > MAX_LOTTI) lotti.delete(lotti.keys().next().value!);
  }

  /** A part's payloads: from memory, or read, decrypted and parsed once. */
  async function openLotto(flussoId: string): Promise<Record<string, Payload>> {
    const cached = lotti.get(flussoId);
    if (cached) return cached;
    const [row] = await db.select({ payload: lottoConsegna.payload }).from(lottoConsegna).where(eq(lottoConsegna.flussoId, flussoId));
    if (!row?.payload) throw new Error(`payload del flusso ${flussoId} già cancellato con record ancora da consegnare`);
    // Inflated in libuv's thread pool, off the thread that serves requests.
    const payloads = JSON.parse((await inflate(keys.open(row.payload))).toString('utf8')) as Record<string, Payload>;
    tieni(flussoId, payloads);
    return payloads;
  }


  /**
   * Persons anagrafe already has at least this version of (CF → id, version): the
   * benefit, SINA and SIP queues share them, so a record's person goes to anagrafe
   * once, not once per destination. Process memory only; bounded.
   */
  const noti = new Map<string, number>();
  /** Person ids by codice fiscale, for the same persons (a cancellation's person is only looked up). */
  const idNoti = new Map<string, string>();
  const MAX_NOTI = 500_000;
  // h3 (issue 13): anagrafe keeps one claim per (person, ente), so what it already has is per ente too.
  const chiaveNota = (p: PersonaPayload) => `${p.ente ?? ''}\u0000${p.codiceFiscale}`;

  /**
   * Resolutions run one at a time: destinations drain side by side over the same
   * parts, and the second one to need a person finds it known instead of
   * upserting the same anagrafe rows concurrently (and waiting on their locks).
   */
  let resolving: Promise<unknown> = Promise.resolve();
  /** (person, ente) pairs this process has logged as acquisitions (acquisizioni.ts); bounded. */
  const acquisizioniNote = new Set<string>();
  function personIds(
    payloads: Payload[],
    token: string,
    flussoId: string,
  ): Promise<{ id(p: PersonaPayload): string; rifiuto(p: PersonaPayload): string | undefined }> {
    const run = resolving.then(async () => {
      const persone = await resolvePersons(payloads, token);
      // h3 (issue 13): every person-linked component grants the caseload as it stores a record,
      // so acquisitions are logged here, before any destination is given a record of the part;
      // records whose person anagrafe refused are set aside and grant nothing.
      const consegnabili = payloads.filter((pl) => personeOf(pl).every((p) => persone.rifiuto(p) === undefined));
      await registraAcquisizioni({ handle, urls: options.urls(), token, flussoId }, coppieAcquisite(consegnabili, persone.id), acquisizioniNote);
      while (acquisizioniNote.size > MAX_NOTI) acquisizioniNote.delete(acquisizioniNote.values().next().value!);
      return persone;
    });
    resolving = run.catch(() => undefined);
    return run;
  }

  async function resolvePersons(payloads: Payload[], token: string) {
    const newest = new Map<string, PersonaPayload>();
    const soloRisoluzione = new Set<string>();
    for (const p of payloads.flatMap(personeOf)) {
      // h3 (issue 19): a cancellation's person is looked up, never written.
      if (p.soloRisoluzione) {
        soloRisoluzione.add(p.codiceFiscale);
        continue;
      }
      const seen = newest.get(chiaveNota(p));
      if (!seen || p.versione > seen.versione) newest.set(chiaveNota(p), p);
    }
    const persons = [...newest.values()].filter((p) => (noti.get(chiaveNota(p)) ?? -1) < p.versione);
    const url = options.urls().anagrafe;
    if (!url) throw new Error('anagrafe non raggiungibile: indirizzo sconosciuto');
    const ids = new Map<string, string>();
    // Persons anagrafe refused for good: their records are set aside, the others go on.
    const rifiuti = new Map<string, string>();
    for (let i = 0; i < persons.length; i += batchSize) {
      const chunk = persons.slice(i, i + batchSize);
      const result = await deliverBatch<{ personaId: string } | { ok: false; errore: string }>(url, 'persone', chunk, token).catch((error: unknown) => {
        throw new Error(`Consegna a anagrafe non riuscita (${(error as Error).message}): nuovo tentativo automatico`);
      });
      chunk.forEach((p, n) => {
        const r = result[n];
        if (rifiutatoInConsegna(r) || !r || !('personaId' in r)) {
          rifiuti.set(p.codiceFiscale, rifiutatoInConsegna(r) ? r.errore : 'nessun identificativo restituito');
          return;
        }
        ids.set(p.codiceFiscale, r.personaId);
        noti.delete(chiaveNota(p));
        noti.set(chiaveNota(p), p.versione);
        idNoti.delete(p.codiceFiscale);
        idNoti.set(p.codiceFiscale, r.personaId);
      });
    }
    // h3 (issue 19): persons named only by cancellations, through anagrafe's read-only `risolvi`.
    const daRisolvere = [...soloRisoluzione].filter((cf) => !ids.has(cf) && !idNoti.has(cf) && !rifiuti.has(cf));
    for (let i = 0; i < daRisolvere.length; i += batchSize) {
      const chunk = daRisolvere.slice(i, i + batchSize);
      const result = await deliverBatch<string | null>(url, 'risolvi', chunk, token).catch((error: unknown) => {
        throw new Error(`Consegna a anagrafe non riuscita (${(error as Error).message}): nuovo tentativo automatico`);
      });
      chunk.forEach((cf, n) => {
        // The benefit it cancels was delivered with its person, so an unknown person means that benefit was
        // itself set aside: this cancellation is set aside too, with the reason, instead of stalling the queue.
        const id = result[n];
        if (!id) rifiuti.set(cf, 'persona di un annullamento sconosciuta ad anagrafe');
        else ids.set(cf, id);
      });
    }
    while (noti.size > MAX_NOTI) noti.delete(noti.keys().next().value!);
    while (idNoti.size > MAX_NOTI) idNoti.delete(idNoti.keys().next().value!);
    return {
      id: (p: PersonaPayload) => {
        const id = ids.get(p.codiceFiscale) ?? idNoti.get(p.codiceFiscale);
        if (!id) throw new Error('persona senza identificativo dopo anagrafe');
        return id;
      },
      rifiuto: (p: PersonaPayload) => rifiuti.get(p.codiceFiscale),
    };
  }

  /**
   * The parts this destination may take now: of each ente, its oldest pending
   * part (an ente's parts stay in arrival order, so an insertion reaches a
   * component before its cancellation), unless that part is backing off after a
   * failure; oldest first. An ente whose head part backs off holds up only its
   * own later parts.
   */
  async function readyHeads(nome: string): Promise<Array<{ id: number; flussoId: string; numeri: number[]; consegnati: number }>> {
    const rows = await handle.rows<{ id: string | number; flusso_id: string; numeri: number[]; consegnati: number }>(sql`
      select id, flusso_id, numeri, consegnati from (
        select distinct on (f.ente_codice) c.id, c.flusso_id, c.numeri, c.consegnati, c.prossimo_tentativo
        from flussi.consegna_parte c join flussi.flusso f on f.id = c.flusso_id
        where c.destinazione = ${nome} and c.consegnato_il is null
        order by f.ente_codice, c.id) as testa
      where prossimo_tentativo <= now()
      order by id`);
    return rows.map((r) => ({ id: Number(r.id), flussoId: r.flusso_id, numeri: r.numeri, consegnati: r.consegnati }));
  }

  type Persone = { id(p: PersonaPayload): string; rifiuto(p: PersonaPayload): string | undefined };

  /**
   * Delivers one batch of one part to one destination (every target of a fanout),
   * and moves the part's cursor past it. Records a target or anagrafe refuses for
   * good are set aside with the reason (`consegna_scarto`, and a segnalazione in
   * the esito); the rest of the batch is stored. Throws only for what may pass
   * on retry.
   */
  async function deliverOneBatch(
    dest: Destinazione,
    part: { id: number; flussoId: string; numeri: number[]; consegnati: number },
    persone: Map<number, Persone>,
  ): Promise<number> {
    const lotto = await openLotto(part.flussoId);
    const targets = dest.fanout ?? [dest.nome];
    const urls = targets.map((t) => {
      const url = options.urls()[t];
      if (!url) throw new Error(`${t} non raggiungibile: indirizzo sconosciuto`);
      return url;
    });
    const payloadOf = (n: number) => {
      const payload = lotto[String(n)];
      if (!payload) throw new Error(`payload mancante per il record ${n}`);
      return payload;
    };
    let pers = persone.get(part.id);
    if (dest.persone && !pers) {
      // The persons of the whole rest of the part at once: one or two requests to anagrafe, not one per batch.
      pers = await personIds(part.numeri.slice(part.consegnati).map(payloadOf), await options.serviceToken(), part.flussoId);
      persone.set(part.id, pers);
    }
    const from = part.consegnati;
    const numeri = part.numeri.slice(from, from + batchSize);
    const scarti = new Map<number, string>();
    let items: Array<{ item: unknown; numeri: number[] }> = [];
    for (const n of numeri) {
      const payload = payloadOf(n);
      const rifiuto = pers ? personeOf(payload).map((p) => pers!.rifiuto(p)).find((r) => r !== undefined) : undefined;
      if (rifiuto) {
        scarti.set(n, `anagrafe: ${rifiuto}`);
        continue;
      }
      try {
        for (const item of dest.toItems(payload, pers ? pers.id : () => '')) items.push({ item, numeri: [n] });
      } catch (error) {
        // A payload this destination cannot take is a fault of that record alone.
        scarti.set(n, `${dest.nome}: ${(error as Error).message}`);
      }
    }
    if (dest.chiave) {
      const distinti = new Map<string, { item: unknown; numeri: number[] }>();
      for (const i of items) {
        const k = dest.chiave(i.item);
        const seen = distinti.get(k);
        if (seen) seen.numeri.push(...i.numeri);
        else distinti.set(k, { item: i.item, numeri: [...i.numeri] });
      }
      items = [...distinti.values()];
    }
    if (items.length > 0) {
      const token = await options.serviceToken();
      // Serialised once for every target; each target upserts, so a batch repeated after a crash is harmless.
      const batch = serializeBatch(items.map((i) => i.item));
      const risposte = await Promise.all(
        urls.map((url, i) =>
          deliverBatch(url, dest.kind, batch, token).catch((error: unknown) => {
            throw new Error(`Consegna a ${targets[i]} non riuscita (${(error as Error).message}): nuovo tentativo automatico`);
          }),
        ),
      );
      risposte.forEach((risultati, t) =>
        risultati.forEach((r, i) => {
          if (!rifiutatoInConsegna(r)) return;
          for (const n of items[i]?.numeri ?? []) if (!scarti.has(n)) scarti.set(n, `${targets[t]}: ${r.errore}`);
        }),
      );
    }
    const to = from + numeri.length;
    const finished = to === part.numeri.length;
    await db.transaction(async (tx) => {
      const moved = await tx
        .update(consegnaParte)
        .set({ consegnati: to, tentativi: 0, ultimoErrore: null, ...(finished ? { consegnatoIl: sql`now()` } : {}) })
        .where(and(eq(consegnaParte.id, part.id), eq(consegnaParte.consegnati, from)))
        .returning({ id: consegnaParte.id });
      // Only the lease holder moves the cursor; anything else means the lease was lost.
      if (moved.length !== 1) throw new Error(`coda di ${dest.nome} modificata da un altro processo`);
      if (scarti.size > 0) await mettiDaParte(tx as unknown as DatabaseHandle['db'], dest.nome, part.flussoId, scarti);
      if (finished) {
        // Erase a part's payloads (and the codici fiscali in them) once every destination has them.
        // Two destinations finishing the same part at once: the lock makes the second one wait
        // and check after the first has committed, so one of them always sees the part done.
        await tx.select({ flussoId: lottoConsegna.flussoId }).from(lottoConsegna).where(eq(lottoConsegna.flussoId, part.flussoId)).for('update');
        const svuotati = await tx
          .update(lottoConsegna)
          .set({ payload: null, svuotatoIl: sql`now()` })
          .where(
            and(
              eq(lottoConsegna.flussoId, part.flussoId),
              sql`not exists (select 1 from flussi.consegna_parte c where c.flusso_id = ${lottoConsegna.flussoId} and c.consegnato_il is null)`,
            ),
          )
          .returning({ flussoId: lottoConsegna.flussoId });
        for (const { flussoId } of svuotati) lotti.delete(flussoId);
      }
      await tx
        .update(destinazione)
        .set({ tentativi: 0, ultimoErrore: null, ultimaConsegna: sql`now()`, inCaricoFino: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(eq(destinazione.nome, dest.nome));
    });
    if (finished) persone.delete(part.id);
    return numeri.length;
  }

  /**
   * Sets records aside for a destination with the reason, and says so in their
   * esiti (once per destination: a batch repeated after a crash adds nothing).
   */
  async function mettiDaParte(tx: DatabaseHandle['db'], nome: string, flussoId: string, scarti: Map<number, string>): Promise<void> {
    const nuovi = await tx
      .insert(consegnaScarto)
      .values([...scarti].map(([numero, motivo]) => ({ flussoId, numero, destinazione: nome, motivo: motivo.slice(0, 500) })))
      .onConflictDoNothing()
      .returning({ numero: consegnaScarto.numero, motivo: consegnaScarto.motivo });
    for (const { numero, motivo } of nuovi) {
      const segnalazione = {
        codice: 'CONSEGNA_RIFIUTATA',
        gravita: 'ERRORE',
        messaggio: `Record n. ${numero}: rifiutato in consegna (${motivo}); messo da parte, gli altri record proseguono. Correggere e inviare di nuovo.`,
      };
      await tx
        .update(esito)
        .set({ segnalazioni: sql`${esito.segnalazioni} || ${JSON.stringify([segnalazione])}::jsonb` })
        .where(and(eq(esito.flussoId, flussoId), eq(esito.numero, numero)));
    }
    logger.warn({ destinazione: nome, flussoId, record: nuovi.length }, 'records refused for good by a destination, set aside');
  }

  /** A part whose batch failed for a reason that may pass waits on its own, doubling up to the cap. */
  async function backOff(nome: string, partId: number, message: string): Promise<void> {
    const motivo = (message.startsWith('Consegna a ') ? message : `Consegna a ${nome} non riuscita (${message}): nuovo tentativo automatico`).slice(0, 500);
    logger.warn({ destinazione: nome, parte: partId, err: message }, 'delivery failed, backing off');
    await db
      .update(consegnaParte)
      .set({
        tentativi: sql`${consegnaParte.tentativi} + 1`,
        prossimoTentativo: sql`now() + least(${maxBackoffMs}, 500 * power(2, least(${consegnaParte.tentativi}, 20))) * interval '1 millisecond'`,
        ultimoErrore: motivo,
      })
      .where(eq(consegnaParte.id, partId));
    await db.update(destinazione).set({ ultimoErrore: motivo }).where(eq(destinazione.nome, nome));
  }

  /**
   * Delivers one destination's queue until nothing in it can go now: round-robin
   * over enti, one batch of each ente's head part per round, so a large flow of
   * one ente never makes another ente's small flow wait for it, and a part that
   * fails backs off alone.
   */
  async function drainDestination(dest: Destinazione): Promise<number> {
    if (!(await claim(dest.nome))) return 0;
    let delivered = 0;
    const persone = new Map<number, Persone>();
    try {
      for (let heads = await readyHeads(dest.nome); heads.length > 0 && !stopped; heads = await readyHeads(dest.nome)) {
        for (const part of heads) {
          if (stopped) break;
          try {
            delivered += await deliverOneBatch(dest, part, persone);
          } catch (error) {
            persone.delete(part.id);
            await backOff(dest.nome, part.id, (error as Error).message);
          }
        }
      }
      await release(dest.nome);
    } catch (error) {
      logger.warn({ destinazione: dest.nome, err: (error as Error).message }, 'delivery failed, backing off');
      const message = (error as Error).message;
      await release(dest.nome, new Error(message.startsWith('Consegna a ') ? message : `Consegna a ${dest.nome} non riuscita (${message}): nuovo tentativo automatico`));
    }
    return delivered;
  }

  async function cycle(): Promise<void> {
    do {
      again = false;
      await Promise.all(Object.values(DESTINAZIONI).map((d) => drainDestination(d)));
    } while (again && !stopped);
  }

  return {
    /** Registers the destinations (idempotent) and starts polling for work and retries. */
    async start(): Promise<void> {
      await db
        .insert(destinazione)
        .values(Object.keys(DESTINAZIONI).map((nome) => ({ nome })))
        .onConflictDoNothing();
      stopped = false;
      const tick = () => {
        if (stopped) return;
        this.kick();
        timer = setTimeout(tick, options.pollMs ?? 1000);
      };
      timer = setTimeout(tick, 0);
    },
    /**
     * Hands over the payloads of a part this process has just stored (after the
     * commit): delivery starts from them instead of reading, decrypting and
     * parsing back what was written a moment ago. The stored copy stays the truth
     * for any other process and after a restart.
     */
    accoda(flussoId: string, payloads: Record<string, Payload>): void {
      tieni(flussoId, payloads);
    },
    /** Asks for a delivery cycle now (after a flow was acknowledged). */
    kick(): void {
      if (running) {
        again = true;
        return;
      }
      running = cycle()
        .catch((error: unknown) => logger.error({ err: safeError(error) }, 'delivery cycle failed'))
        .finally(() => {
          running = null;
        });
    },
    /** Runs cycles until nothing is pending that can be delivered now (tests, CLI). */
    async drain(): Promise<void> {
      while (running) await running;
      await cycle();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
