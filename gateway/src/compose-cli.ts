import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, readSubgraphSdls } from './compose';
import { SUPERGRAPH_PATH } from './subgraph-list';

// `pnpm compose` rewrites gateway/supergraph.graphql; `--check` only fails when it is stale.
const fresh = composeSupergraph(readSubgraphSdls());
if (process.argv.includes('--check')) {
  const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  if (committed !== fresh) {
    console.error('gateway/supergraph.graphql is out of date: run `pnpm compose` and commit it.');
    process.exit(1);
  }
  console.log('supergraph.graphql is up to date');
} else {
  writeFileSync(SUPERGRAPH_PATH, fresh);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
