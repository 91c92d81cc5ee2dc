import { buildConsole } from './index';

/**
 * `npx pnpm --filter @casellario/console build`: writes `console/dist`, servable by
 * any web server. CASELLARIO_GATEWAY_URL sets the API's URL in `dist/config.json`
 * (default `/graphql`, the same origin).
 */
const outDir = await buildConsole();
process.stdout.write(`Console scritta in ${outDir}\n`);
