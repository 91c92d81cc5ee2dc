import {
  authConfigFromEnv,
  createPersonaIdCodec,
  createServiceVerifier,
  createTokenVerifier,
  pseudonymKeysFromEnv,
  type PersonaIdCodec,
  type ServiceIdentity,
  type TokenVerifier,
} from '@casellario/policies';
import type { DatabaseHandle } from '../database';
import { prepareDatabase, type SubgraphModule } from '../subgraph-module';
import { createTestDatabase, type Backend, type TestDatabase } from './databases';

/** Token verification and pseudonym codec as a real deployment builds them (dev keys). */
export async function testSecurity(): Promise<{
  verify: TokenVerifier;
  verifyService: (authorization: string | undefined) => Promise<ServiceIdentity>;
  codec: PersonaIdCodec;
}> {
  const auth = await authConfigFromEnv({});
  return { verify: createTokenVerifier(auth), verifyService: createServiceVerifier(auth), codec: createPersonaIdCodec(pseudonymKeysFromEnv({})) };
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
  const security = await testSecurity();
  const server = await module.start({ handle, ...security, port: 0 });
  return {
    url: server.url,
    handle,
    database,
    codec: security.codec,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
