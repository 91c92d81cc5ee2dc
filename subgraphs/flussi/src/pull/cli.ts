/**
 * One pull run from the command line (server mode, cron, or by hand):
 * `DATABASE_URL=… PULL_FONTI_FILE=… tsx src/pull/cli.ts`. Without
 * PULL_FONTI_FILE it polls the comuni already stored. Records are left in the
 * outbox: the flows component's delivery worker sends them on. Exits 1 when a
 * comune reported a problem, so a scheduler notices.
 */
import { loadNomenclatore } from '@casellario/domain';
import { openPostgres } from '@casellario/kit';
import { flussiKeysFromEnv } from '../keys';
import { createPullCollector } from './collettore';
import { pullCollectorFromEnv, pullEnv } from './env';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('pull: DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/casellario).');
  process.exit(2);
}
const handle = openPostgres(url, { applicationName: 'flussi-pull' });
const deps = { handle, keys: flussiKeysFromEnv(), nomenclatore: loadNomenclatore(process.env.NOMENCLATORE_EXTRA_CSV), worker: null };
const settings = pullEnv();
const collector =
  pullCollectorFromEnv(deps) ??
  createPullCollector({ deps, intervalMs: settings.intervalMs, limit: settings.limit, timeoutMs: settings.timeoutMs, backoffMs: settings.backoffMs });
let failed = false;
try {
  const reports = await collector.runOnce();
  if (reports.length === 0) console.log('pull: no active source (set PULL_FONTI_FILE).');
  for (const r of reports) {
    console.log(`${r.ente}: ${r.ultimoEsito}`);
    if (r.errore) failed = true;
  }
} finally {
  await handle.close();
}
process.exit(failed ? 1 : 0);
