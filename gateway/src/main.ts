import { readFileSync } from 'node:fs';
import { isDevelopment, logger } from '@casellario/kit';
import { authConfigFromEnv, createTokenVerifier } from '@casellario/policies';
import { startGateway } from './server';
import { SUBGRAPHS, SUPERGRAPH_PATH, urlEnvName } from './subgraph-list';

// Server mode: the gateway on its own, on the committed supergraph (or SUPERGRAPH_PATH).
const supergraphSdl = readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8');
const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.flatMap(({ name }) => {
    const url = process.env[urlEnvName(name)];
    return url ? [[name, url]] : [];
  }),
);
const gateway = await startGateway({
  supergraphSdl,
  subgraphUrls,
  verify: createTokenVerifier(await authConfigFromEnv()),
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  development: isDevelopment(),
  subgraphTimeoutMs: Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
});
logger.info({ url: gateway.url, subgraphs: gateway.subgraphUrls }, 'gateway listening');
const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
