import { parseArgs } from 'node:util';
import { isRuolo, parseTerritorio, RUOLI, signDevToken } from '@casellario/policies';

/**
 * `pnpm --silent run token --ruolo <r> --ente <code> [--territorio <code>] [--sub <id>] [--ttl <s>]`
 * prints one JWT signed with the local development key, and nothing else on stdout.
 */
const usage = `uso: pnpm --silent run token --ruolo <${RUOLI.join('|')}> --ente <codice> [--territorio <IT|regione|comune>] [--sub <operatore>] [--ttl <secondi>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      ruolo: { type: 'string' },
      ente: { type: 'string' },
      territorio: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (!isRuolo(values.ruolo)) fail(`--ruolo è obbligatorio e deve essere uno di: ${RUOLI.join(', ')}`);
if (!values.ente || !/^[A-Z0-9]{1,32}$/.test(values.ente)) fail('--ente è obbligatorio (es. H501, INPS, AGE, GDF, MLPS, R12)');
if (values.territorio !== undefined && !parseTerritorio(values.territorio)) {
  fail('--territorio deve essere IT, un codice ISTAT di regione (2 cifre) o di comune (6 cifre)');
}
if (values.ruolo === 'programmazione' && !values.territorio) fail('la finalità programmazione richiede --territorio');
const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0)) fail('--ttl deve essere un numero di secondi positivo');

const territorio = values.territorio ?? (values.ruolo === 'monitoraggio' ? 'IT' : undefined);
const token = await signDevToken(
  { sub: values.sub ?? `dev-${values.ruolo}-${values.ente}`, ruolo: values.ruolo, ente: values.ente, ...(territorio ? { territorio } : {}) },
  { ttlSeconds: ttl },
);
process.stdout.write(`${token}\n`);
