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
import { memoryAccessLog, type AccessLogSink, type MemoryAccessLog } from '../access-log';
import type { DatabaseHandle } from '../database';
import { prepareDatabase, type SubgraphModule } from '../subgraph-module';
import { createTestDatabase, type Backend, type TestDatabase } from './databases';

/**
 * Token verification and pseudonym codec as a real deployment builds them (dev
 * keys), and an in-memory access log: a subgraph started alone has no accessi
 * component to write to, and would otherwise (rightly) withhold identifying data.
 */
export async function testSecurity(): Promise<{
  verify: TokenVerifier;
  verifyService: (authorization: string | undefined) => Promise<ServiceIdentity>;
  codec: PersonaIdCodec;
  accessLog: AccessLogSink;
}> {
  const auth = await authConfigFromEnv({});
  return {
    verify: createTokenVerifier(auth),
    verifyService: createServiceVerifier(auth),
    codec: createPersonaIdCodec(pseudonymKeysFromEnv({})),
    accessLog: memoryAccessLog().sink,
  };
}

export interface TestSubgraph {
  url: string;
  handle: DatabaseHandle;
  database: TestDatabase;
  codec: PersonaIdCodec;
  /** What the subgraph wrote to the access log; set `failing` to make writing fail. */
  accessLog: MemoryAccessLog;
  stop(): Promise<void>;
}

/**
 * One subgraph on a throwaway database of the given engine: committed migrations,
 * reference data, the caller's fixture, then a real HTTP server on port 0, writing
 * its access log to memory (`accessLog`).
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
  const accessLog = memoryAccessLog();
  const server = await module.start({ handle, ...security, accessLog: accessLog.sink, port: 0 });
  return {
    url: server.url,
    handle,
    database,
    codec: security.codec,
    accessLog,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
