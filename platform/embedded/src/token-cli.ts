import { parseArgs } from 'node:util';
import { RUOLI, signDevToken, tokenMaxLifetimeFromEnv } from '@casellario/policies';
import { decideDevToken, type DevTokenRefusal } from './dev-token-request';

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
const refusals: Record<DevTokenRefusal, string> = {
  ruolo: `--ruolo è obbligatorio e deve essere uno di: ${RUOLI.join(', ')}`,
  ente: '--ente è obbligatorio (es. H501, INPS, AGE, GDF, MLPS, R12)',
  territorio: '--territorio deve essere IT, un codice ISTAT di regione (2 cifre) o di comune (6 cifre)',
  territorioMancante: 'la finalità programmazione richiede --territorio',
  territorioNazionale: 'la finalità programmazione richiede --territorio di una regione o di un comune, non IT',
  sub: '--sub deve avere da 1 a 64 caratteri',
};
const decision = decideDevToken({ ruolo: values.ruolo, ente: values.ente, territorio: values.territorio, sub: values.sub });
if (!decision.ok) fail(refusals[decision.refusal]);
// The platform refuses tokens living longer than TOKEN_DURATA_MASSIMA_S: never mint one.
let massimo: number;
try {
  massimo = tokenMaxLifetimeFromEnv();
} catch (error) {
  fail((error as Error).message);
}
const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0)) fail('--ttl deve essere un numero di secondi positivo');
if (ttl !== undefined && ttl > massimo) fail(`--ttl supera la durata massima dei token (${massimo} s, TOKEN_DURATA_MASSIMA_S): la piattaforma lo rifiuterebbe`);

const token = await signDevToken(decision.claims, { ttlSeconds: ttl ?? massimo });
process.stdout.write(`${token}\n`);
