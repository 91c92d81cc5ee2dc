import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDataset } from '@casellario/demo-data';
import { urlEnvName } from '@casellario/gateway';
import { openPostgres, prepareDatabase, type SubgraphModule } from '@casellario/kit';
import { sql } from 'drizzle-orm';
import { SUBGRAPH_MODULES } from './subgraph-modules';

/**
 * Server mode on one machine: every subgraph and the gateway as its own process,
 * each subgraph on its own DATABASE_URL. Migrations run first, as their own step;
 * `--demo N` loads N generated persons into empty databases.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/casellario pnpm start:server [--demo 2000]
 *
 * `DATABASE_URL_<SUBGRAPH>` (e.g. DATABASE_URL_SINA) gives a subgraph a database of its own.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({ options: { demo: { type: 'string' } } });

function databaseUrl(name: string): string {
  const url = process.env[`DATABASE_URL_${name.toUpperCase().replaceAll('-', '_')}`] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL (or DATABASE_URL_${name.toUpperCase().replaceAll('-', '_')}) is required in server mode.`);
    process.exit(2);
  }
  return url;
}

const children: ChildProcess[] = [];
function run(label: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${label} exited (${signal ?? code}); stopping the platform`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  process.exit(code);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

// 1. Migrations, one subgraph at a time, each on its own database URL.
for (const module of SUBGRAPH_MODULES) {
  const handle = openPostgres(databaseUrl(module.name), { max: 1, applicationName: `${module.name}-migrate` });
  try {
    await prepareDatabase(module as SubgraphModule<never>, handle);
  } finally {
    await handle.close();
  }
  console.error(`migrated ${module.name}`);
}

// 2. Demo data, only into empty databases.
if (values.demo) {
  const anagrafe = openPostgres(databaseUrl('anagrafe'), { max: 1 });
  const [row] = await anagrafe.rows<{ n: number }>(sql`select count(*)::int as n from anagrafe.persona`);
  await anagrafe.close();
  if ((row?.n ?? 0) === 0) {
    const dataset = generateDataset({ persone: Number(values.demo) });
    for (const module of SUBGRAPH_MODULES) {
      const handle = openPostgres(databaseUrl(module.name), { max: 2 });
      await module.loadDemo?.(handle, dataset);
      await handle.close();
      console.error(`demo data loaded: ${module.name}`);
    }
  }
}

// 3. One process per subgraph, then the gateway pointed at them.
const portBase = Number(process.env.SUBGRAPH_PORT_BASE ?? 4101);
const urls: Record<string, string> = {};
SUBGRAPH_MODULES.forEach((module, i) => {
  urls[urlEnvName(module.name)] = `http://127.0.0.1:${portBase + i}/graphql`;
});
SUBGRAPH_MODULES.forEach((module, i) => {
  // Every subgraph knows where the others are: the flows component delivers to them.
  run(module.name, `subgraphs/${module.name}/src/main.ts`, {
    ...urls,
    DATABASE_URL: databaseUrl(module.name),
    PORT: String(portBase + i),
    CASELLARIO_SERVICE: module.name,
  });
});
run('gateway', 'gateway/src/main.ts', { ...urls, PORT: process.env.PORT ?? '4000', CASELLARIO_SERVICE: 'gateway' });
