import { ensureConsoleBuilt } from '@casellario/console';
import { isDevelopment } from '@casellario/kit';
import { startPlatform } from './platform';

/**
 * `npm start`: the whole platform on an embedded PGlite with demo data.
 * Settings come from the environment (README, "Configuration").
 */
const started = performance.now();
const port = Number(process.env.PORT ?? 4000);
const dataDir = process.env.CASELLARIO_DATA_DIR || undefined;
const persone = Number(process.env.DEMO_PERSONE ?? 2000);
const seed = process.env.DEMO_SEED ? Number(process.env.DEMO_SEED) : undefined;

// The console is built here when its dist is missing or older than its sources, so a
// fresh clone serves it; a failed build leaves the API up and says why.
const consoleDir = await ensureConsoleBuilt(() => process.stderr.write('  … compilazione della console web\n')).catch((error: unknown) => {
  process.stderr.write(`  ! console web non compilata: ${(error as Error).message}\n`);
  return null;
});

const platform = await startPlatform({
  database: { kind: 'pglite', dataDir },
  demo: persone > 0 ? { persone, seed } : false,
  gatewayPort: port,
  host: process.env.HOST ?? '127.0.0.1',
  development: isDevelopment(),
  consoleDir,
  onStep: (step) => process.stderr.write(`  … ${step}\n`),
}).catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    process.stderr.write(`\nLa porta ${port} è già in uso: chiudi l'altro processo o avvia con PORT=4001 npm start\n`);
  } else {
    process.stderr.write(`\nAvvio non riuscito: ${e.message}\n`);
  }
  process.exit(1);
});

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
const showcase = platform.dataset?.showcase;
const base = platform.gateway.url.replace(/\/graphql$/, '');
const lines = [
  '',
  `Casellario — piattaforma incorporata pronta in ${seconds} s (memoria ${rssMb} MB)`,
  '',
  ...(consoleDir ? [`  Console web       ${base}/${isDevelopment() ? '' : '  (accesso con un token: vedi sotto; CASELLARIO_DEV=1 per sceglierne uno dalla console)'}`] : []),
  `  Gateway GraphQL   ${platform.gateway.url}`,
  `  Salute            ${base}/health/ready`,
  `  Dati              PGlite ${dataDir ? `in ${dataDir}` : 'in memoria'}${platform.demoLoaded ? ` · ${platform.dataset?.persone.length} persone dimostrative` : ''}`,
  ...(showcase ? [`  Persona esempio   ${showcase.codiceFiscale} (cartella su tutte le componenti)`] : []),
  '',
  'Token di sviluppo (in un altro terminale):',
  '  npx pnpm --silent run token --ruolo gestione --ente H501',
  '  npx pnpm --silent run token --ruolo programmazione --ente R12 --territorio 12',
  '',
  'Esempio:',
  '  TOKEN=$(npx pnpm --silent run token --ruolo gestione --ente H501)',
  `  curl -s ${platform.gateway.url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
  `    -d '{"query":"{ persona(codiceFiscale: \\"${showcase?.codiceFiscale ?? 'RSSMRA85T10A562S'}\\") { anagrafica { cognome nome } } }"}'`,
  '',
  'Ctrl+C per fermare.',
  '',
];
process.stdout.write(lines.join('\n'));

const stop = async () => {
  await platform.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
