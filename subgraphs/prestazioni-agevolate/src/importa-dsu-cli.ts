import { readFileSync } from 'node:fs';
import { serviceTokenSource } from '@casellario/policies';
import { importaDsu, parseDsuCsv } from './importa-dsu';

// `importa-dsu <file.csv>`: imports DSU/ISEE attestazioni into PSA (see README "Controls").
// PSA at SUBGRAPH_URL_PRESTAZIONI_AGEVOLATE (default http://127.0.0.1:4102/graphql), service token
// from SERVICE_TOKEN_FILE (a development token otherwise). Exit 1 when any record was refused.
const file = process.argv[2];
if (!file) {
  console.error('uso: importa-dsu <file.csv>');
  process.exit(2);
}
const url = process.env.SUBGRAPH_URL_PRESTAZIONI_AGEVOLATE ?? 'http://127.0.0.1:4102/graphql';
const esito = await importaDsu(url, parseDsuCsv(readFileSync(file, 'utf8')), await serviceTokenSource('svc-importa-dsu')());
console.log(`DSU importate: ${esito.importati}, rifiutate: ${esito.rifiutati.length}`);
for (const r of esito.rifiutati) console.log(`riga ${r.riga} (${r.protocollo}): ${r.errore}`);
process.exit(esito.rifiutati.length > 0 ? 1 : 0);
