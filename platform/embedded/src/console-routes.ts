import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { DEV_TOKEN_PATH, handleDevTokenRequest } from './dev-token-route';

export interface ConsoleRoutesOptions {
  /** The built console (`console/dist`); null serves no console. */
  dir: string | null;
  /** Development mode: the console offers its sign-in picker and the token route exists. */
  development: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** File names the console's build produces: no separators, no dot-files, so no way out of its folder. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/**
 * The console's routes beside the gateway's `/graphql`, at the same origin: its
 * built files, its runtime configuration (`/config.json`: where the API is, and
 * whether the development sign-in exists) and, in development mode only, the
 * development token route. Anything else falls through to the gateway's 404.
 */
export function consoleRoutes(options: ConsoleRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === DEV_TOKEN_PATH && options.development) {
      await handleDevTokenRequest(req, res);
      return true;
    }
    if (!options.dir || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    if (pathname === '/config.json') {
      const config = { gatewayUrl: '/graphql', tokenSviluppoUrl: options.development ? DEV_TOKEN_PATH : null };
      res.setHeader('content-type', CONTENT_TYPES['.json']!);
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(config));
      return true;
    }
    const file = resolveFile(options.dir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return false;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return false;
    res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('content-length', info.size);
    res.setHeader('x-content-type-options', 'nosniff');
    // Hashed asset names change with their content; the page itself must always be fresh.
    res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (extname(file) === '.html') {
      res.setHeader(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      res.setHeader('referrer-policy', 'no-referrer');
    }
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
    });
    return true;
  };
}

function resolveFile(dir: string, pathname: string): string | null {
  const parts = pathname.split('/').slice(1);
  if (parts.length === 1 && FILE_NAME.test(parts[0]!)) return join(dir, parts[0]!);
  if (parts.length === 2 && parts[0] === 'assets' && FILE_NAME.test(parts[1]!)) return join(dir, 'assets', parts[1]!);
  return null;
}
