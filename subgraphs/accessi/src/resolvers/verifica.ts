import { recordAccess } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { AccessiContext } from '../context';
import { verificaCatena, type Ancora, type EsitoVerifica } from '../verifica';

/** The subject an audit verification is recorded against: the log itself, not a person. */
export const SOGGETTO_REGISTRO = { tipo: 'registro', id: 'accessi' } as const;

/**
 * One verification at a time per process: each walks the whole chain, and a second
 * one started meanwhile would only read the same rows again beside it. Later
 * callers wait their turn (and then see the records written in between).
 */
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

function leggiAncora(ancora: { seq: string; hash: string } | null | undefined): Ancora | undefined {
  if (!ancora) return undefined;
  const seq = Number(ancora.seq);
  if (!Number.isSafeInteger(seq) || seq < 1) throw badUserInput('ancora.seq: numero di sequenza non valido (intero da 1)');
  if (!/^[0-9a-f]{64}$/.test(ancora.hash)) throw badUserInput('ancora.hash: hash non valido (64 cifre esadecimali minuscole)');
  return { seq, hash: ancora.hash };
}

/** The answer of `verificaRegistroAccessi` from the verifier's outcome. */
function risposta(esito: EsitoVerifica, verificatoIl: Date) {
  if (esito.integra) {
    return {
      verificati: esito.record,
      integro: true,
      hashTesta: esito.record > 0 ? esito.hashFinale : null,
      seqTesta: esito.record > 0 ? String(esito.record) : null,
      primaRottura: null,
      verificatoIl: verificatoIl.toISOString(),
    };
  }
  const { seq, istante, motivo } = esito.primoAnelloRotto;
  return {
    verificati: esito.record,
    integro: false,
    hashTesta: null,
    seqTesta: null,
    primaRottura: { seq: String(seq), istante: istante?.toISOString() ?? null, motivo },
    verificatoIl: verificatoIl.toISOString(),
  };
}

/**
 * The chain verified in the running process, with the same algorithm as the
 * `verifica` command (verificaCatena: keyset batches, so memory stays flat on a
 * log of millions of records). The verification is recorded like any audit read,
 * after the walk: the head it reports is the chain as it stood before this record.
 */
export async function verificaRegistroAccessi(_: unknown, args: { ancora?: { seq: string; hash: string } | null }, ctx: AccessiContext) {
  const ancora = leggiAncora(args.ancora);
  const esito = await serialised(() => verificaCatena(ctx.handle, { ancora }));
  recordAccess(ctx, SOGGETTO_REGISTRO, 'verificaRegistroAccessi');
  return risposta(esito, new Date());
}
