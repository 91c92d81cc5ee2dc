import { authConfigFromEnv, createPersonaIdCodec, createTokenVerifier, pseudonymKeysFromEnv, type PersonaIdCodec, type TokenVerifier } from '@casellario/policies';
import type { DatabaseHandle } from '../database';
import { prepareDatabase, type SubgraphModule } from '../subgraph-module';
import { createTestDatabase, type Backend, type TestDatabase } from './databases';

/** Token verification and pseudonym codec as a real deployment builds them (dev keys). */
export async function testSecurity(): Promise<{ verify: TokenVerifier; codec: PersonaIdCodec }> {
  return { verify: createTokenVerifier(await authConfigFromEnv({})), codec: createPersonaIdCodec(pseudonymKeysFromEnv({})) };
}

export interface TestSubgraph {
  url: string;
  handle: DatabaseHandle;
  database: TestDatabase;
  codec: PersonaIdCodec;
  stop(): Promise<void>;
}

/**
 * One subgraph on a throwaway database of the given engine: committed migrations,
 * reference data, the caller's fixture, then a real HTTP server on port 0.
 */
export async function startTestSubgraph<T>(
  module: SubgraphModule<T>,
  backend: Backend,
  load?: (handle: DatabaseHandle) => Promise<void>,
): Promise<TestSubgraph> {
  const database = await createTestDatabase(backend);
  const handle = database.open();
  await prepareDatabase(module as SubgraphModule<never>, handle);
  await load?.(handle);
  const { verify, codec } = await testSecurity();
  const server = await module.start({ handle, verify, codec, port: 0 });
  return {
    url: server.url,
    handle,
    database,
    codec,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
