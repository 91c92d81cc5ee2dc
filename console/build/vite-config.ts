import { fileURLToPath } from 'node:url';
import type { InlineConfig, Plugin } from 'vite';

/** The console package's folder. */
export const CONSOLE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ConsoleBuildSettings {
  /** Where the built files go; default `console/dist`. */
  outDir?: string;
  /**
   * The GraphQL endpoint written to `config.json`; default `/graphql` (same origin).
   * A deployment may edit `config.json` afterwards without building again.
   */
  gatewayUrl?: string;
}

/**
 * The runtime configuration a static deployment reads at start. The embedded
 * platform answers `/config.json` itself, so this file only matters elsewhere;
 * the development sign-in is never offered by a static build.
 */
function runtimeConfig(gatewayUrl: string): Plugin {
  return {
    name: 'casellario-runtime-config',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'config.json', source: `${JSON.stringify({ gatewayUrl, tokenSviluppoUrl: null }, null, 2)}\n` });
    },
  };
}

/**
 * The one Vite configuration of the console, used by `vite` (development server),
 * the build command and the embedded platform. JSX is compiled by Vite's own
 * transformer for Preact: no Babel preset needed.
 */
export function consoleViteConfig(settings: ConsoleBuildSettings = {}): InlineConfig {
  const gateway = process.env.CASELLARIO_GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000';
  return {
    root: CONSOLE_ROOT,
    configFile: false,
    logLevel: 'warn',
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [runtimeConfig(settings.gatewayUrl ?? process.env.CASELLARIO_GATEWAY_URL ?? '/graphql')],
    build: { outDir: settings.outDir ?? `${CONSOLE_ROOT}dist`, emptyOutDir: true, target: 'es2022' },
    // `vite` alone: the API and the runtime configuration come from a running platform.
    server: { proxy: { '/graphql': gateway, '/config.json': gateway, '/sviluppo': gateway } },
  };
}
