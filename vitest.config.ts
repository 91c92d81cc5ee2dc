import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS (`main`) and ESM (`module`) builds. Node and tsx load the CJS
// one everywhere, but Vite would hand our ESM code the `.mjs` build while Apollo's
// CJS code keeps the `.js` one: two realms, and `instanceof` checks fail. Pin the
// same file Node uses.
const graphqlEntry = createRequire(new URL('./policies/package.json', import.meta.url)).resolve('graphql');

// One run covers every package. Database suites run twice, on PGlite and on the
// PostgreSQL at DATABASE_ADMIN_URL (see platform/kit/src/testing), inside the same files.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['**/test/**/*.test.ts', '**/src/**/*.test.ts'],
    globalSetup: ['test/setup/databases.ts'],
    exclude: ['**/node_modules/**', 'bench/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: PGlite instances are heavy, so keep parallel files bounded.
    maxWorkers: 2,
    // No background recomputation of the aggregates cube in tests: it would run beside the
    // test on the same database, uncounted and unordered. A test that wants it starts it
    // (subgraphs/prestazioni-sociali/test/aggregati-cubo.test.ts); the first query computes the cube.
    env: { AGGREGATI_INTERVALLO_S: '0' },
  },
});
