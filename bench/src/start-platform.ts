import { startPlatform } from '@casellario/embedded';

// The platform as `npm start` builds it, on PGlite or on the PostgreSQL URL in CASELLARIO_BENCH_DB.
const target = process.env.CASELLARIO_BENCH_DB ?? 'pglite';
const platform = await startPlatform({
  database: target === 'pglite' ? { kind: 'pglite' } : { kind: 'postgres', url: target },
  demo: { persone: 2000 },
  gatewayPort: Number(process.env.PORT ?? 4000),
});
process.once('SIGTERM', () => void platform.stop().then(() => process.exit(0)));
