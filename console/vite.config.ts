import { defineConfig } from 'vite';
import { consoleViteConfig } from './build/vite-config.ts';

// `npx pnpm --filter @casellario/console dev`: the console with hot reload, its API
// proxied to a platform started with `npm start` (CASELLARIO_GATEWAY_ORIGIN overrides).
export default defineConfig(consoleViteConfig());
