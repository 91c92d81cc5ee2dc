import { parseArgs } from 'node:util';
import { openPostgres } from '@casellario/kit';
import { descriviEsito, verificaCatena, type Ancora } from './verifica';

/**
 * `npx pnpm --filter @casellario/accessi verifica [--ancora SEQ:HASH] [--lotto N]`
 * on DATABASE_URL: recomputes the chain and prints one line. Exit 0 when intact,
 * 1 at the first broken link (named), 2 on a usage or connection error.
 */
const { values } = parseArgs({ options: { ancora: { type: 'string' }, lotto: { type: 'string' } } });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('verifica: DATABASE_URL non impostata (es. postgres://postgres@127.0.0.1:5432/casellario).');
  process.exit(2);
}
let ancora: Ancora | undefined;
if (values.ancora) {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(values.ancora);
  if (!match) {
    console.error('verifica: --ancora vuole SEQ:HASH (come stampato da una verifica precedente).');
    process.exit(2);
  }
  ancora = { seq: Number(match[1]), hash: match[2]! };
}
const lotto = values.lotto ? Number(values.lotto) : undefined;
if (lotto !== undefined && (!Number.isInteger(lotto) || lotto < 1)) {
  console.error('verifica: --lotto vuole un intero positivo.');
  process.exit(2);
}

const handle = openPostgres(url, { max: 1, applicationName: 'accessi-verifica' });
let code = 2;
try {
  const esito = await verificaCatena(handle, { ancora, lotto });
  console.log(descriviEsito(esito));
  code = esito.integra ? 0 : 1;
} catch (error) {
  console.error(`verifica: ${(error as Error).message}`);
} finally {
  await handle.close();
}
process.exit(code);
