import type { DemoDataset } from '@casellario/demo-data';
import { generateDataset } from '@casellario/demo-data';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '@casellario/embedded';
import { createTestDatabase, type Backend, type TestDatabase } from '@casellario/kit/testing';

/** One generated data set shared by every cross-service suite (deterministic). */
let cached: DemoDataset | null = null;
export function testDataset(): DemoDataset {
  cached ??= generateDataset({ persone: 400, seed: 7 });
  return cached;
}

export interface TestPlatform {
  platform: RunningPlatform;
  dataset: DemoDataset;
  gatewayUrl: string;
  subgraphUrl(name: string): string;
  stop(): Promise<void>;
}

/**
 * The whole platform on a throwaway database of the given engine, gateway on port 0;
 * `extra` adds options such as development mode or the console to serve.
 */
export async function startTestPlatform(backend: Backend, extra: Pick<PlatformOptions, 'development' | 'consoleDir'> = {}): Promise<TestPlatform> {
  const database: TestDatabase = await createTestDatabase(backend);
  const dataset = testDataset();
  const platform = await startPlatform({
    database: database.pglite ? { kind: 'pglite', instance: database.pglite } : { kind: 'postgres', url: database.url! },
    demo: dataset,
    gatewayPort: 0,
    ...extra,
  });
  return {
    platform,
    dataset,
    gatewayUrl: platform.gateway.url,
    subgraphUrl: (name) => {
      const s = platform.subgraphs[name];
      if (!s) throw new Error(`no subgraph ${name}`);
      return s.url;
    },
    stop: async () => {
      await platform.stop();
      await database.drop();
    },
  };
}
