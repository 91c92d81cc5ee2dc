import { logger, sogliaAggregati, type DatabaseHandle, type RunningServer } from '@casellario/kit';
import { aggiornaAggregati, statoAggregati } from './db/aggregati';
import type { PrestazioneTable } from './db/tables';

/** AGGREGATI_INTERVALLO_S: how often (seconds) a stale cube is recomputed; 0 turns it off. Default 60. */
export function intervalloAggregati(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AGGREGATI_INTERVALLO_S;
  if (raw === undefined || raw === '') return 60;
  const s = Number(raw);
  if (!Number.isFinite(s) || s < 0) throw new Error(`AGGREGATI_INTERVALLO_S must be a number of seconds ≥ 0, got "${raw}"`);
  return s;
}

/**
 * Keeps the cube of aggregates current: at start and then every interval, when a
 * writer marked it stale, it is recomputed in the background (one replica at a time,
 * by the lock in `aggiornaAggregati`). The dashboards read the cube as of its
 * `aggiornataAl`, never the benefits directly: a national scan per request would not
 * answer in time (docs/aggregati.md).
 */
export function conAggiornamentoAggregati(server: RunningServer, handle: DatabaseHandle, table: PrestazioneTable, seconds = intervalloAggregati()): RunningServer {
  if (seconds === 0) return server;
  const k = sogliaAggregati();
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const stato = await statoAggregati(handle, table);
      // Stale data, or a cube suppressed with another k than this process's AGGREGATI_SOGLIA.
      if (!stato.modificato && stato.soglia === k) return;
      const started = performance.now();
      const { aggiornato, celle, secondarie } = await aggiornaAggregati(handle, table, { soglia: k });
      const ms = Math.round(performance.now() - started);
      // Routine at demo size; worth an operator's attention when it takes a while (national data).
      if (aggiornato) logger[ms > 10_000 ? 'info' : 'debug']({ celle, secondarie, ms }, 'aggregates recomputed');
    })().catch((error: unknown) => logger.error({ err: error }, 'aggregates not recomputed'));
  };
  tick();
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return {
    ...server,
    close: async () => {
      clearInterval(timer);
      await running;
      await server.close();
    },
  };
}
