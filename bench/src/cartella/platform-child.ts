import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { startPlatform } from '@casellario/embedded';

/**
 * The platform as the benchmark measures it, in a process of its own (see
 * platform.ts): every subgraph and the gateway on the bench database, no demo
 * data. Reports its URLs to the parent over IPC; stops on SIGTERM. With
 * BENCH_PROFILO=<dir>, the parent can ask for a V8 CPU profile of a measured
 * window (`{ profilo: 'inizio' }`, then `{ profilo: 'fine', nome }`).
 */
const url = process.env.CASELLARIO_BENCH_DB;
if (!url || !process.send) throw new Error('platform-child.ts is started by bench/src/cartella/platform.ts');
const platform = await startPlatform({ database: { kind: 'postgres', url }, demo: false, gatewayPort: 0 });

const dir = process.env.BENCH_PROFILO;
if (dir) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  process.on('message', (m: { profilo?: 'inizio' | 'fine'; nome?: string }) => {
    if (m.profilo === 'inizio') void session.post('Profiler.start').then(() => process.send!({ profilo: 'avviato' }));
    if (m.profilo === 'fine')
      void session.post('Profiler.stop').then(({ profile }) => {
        const file = join(dir, `${m.nome ?? 'profilo'}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        process.send!({ profilo: 'scritto', file });
      });
  });
}

process.send({
  gateway: platform.gateway.url,
  subgraphs: Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.url])),
});
process.once('SIGTERM', () => void platform.stop().then(() => process.exit(0)));
