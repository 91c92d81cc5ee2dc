import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadOrCreateDevFile } from './dev-keys';

/**
 * The header through which the gateway proves to a subgraph that a request came
 * through it (and so through its token check and query limits). Clients never
 * set it: the gateway builds every subgraph request's headers itself.
 */
export const GATEWAY_PROOF_HEADER = 'x-casellario-gateway';

/** How long a proof stays valid after it was made: one subgraph call, with room for a slow plan. */
export const GATEWAY_PROOF_MAX_AGE_SECONDS = 60;

/** Clock skew tolerated between gateway and subgraph hosts for a proof dated in the future. */
export const GATEWAY_PROOF_MAX_SKEW_SECONDS = 5;

const VERSION = 'v1';
const PROOF = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const DEV_FILE = 'gateway-secret.txt';
const MIN_SECRET_LENGTH = 32;

/** The shared secret(s): the gateway signs with `current`; subgraphs accept any of `accepted` (rotation). */
export interface GatewaySecrets {
  current: string;
  accepted: readonly string[];
}

export interface GatewayProofInput {
  /** The request id the gateway forwards in `x-request-id`. */
  requestId: string;
  /** The client's Authorization header exactly as forwarded (absent: the empty string). */
  authorization: string | undefined;
  /** Milliseconds since the epoch (`Date.now()`); the proof carries it in whole seconds. */
  now?: number;
}

/**
 * The proof header value for one subgraph request: `v1.<unix seconds>.<mac>`, where
 * `mac` is base64url(HMAC-SHA256(secret, "casellario-gateway-v1\n<seconds>\n<request
 * id>\n<hex SHA-256 of the Authorization header>")) and the secret is the UTF-8 text of
 * the shared secret. Binding the Authorization header means a captured proof cannot
 * carry another token; the timestamp means it expires after a minute. Pure and
 * synchronous so that any gateway in Node (Hive Gateway in a later issue) can import it.
 */
export function gatewayProof(secret: string, input: GatewayProofInput): string {
  const seconds = Math.floor((input.now ?? Date.now()) / 1000);
  return `${VERSION}.${seconds}.${mac(secret, seconds, input.requestId, input.authorization)}`;
}

/**
 * Whether a proof header is valid for this request: well formed, made at most a
 * minute ago (and not in the future beyond a few seconds), for this request id and
 * this Authorization header, under one of the accepted secrets. A plain boolean on
 * purpose: the caller refuses without saying which part failed.
 */
export function verifyGatewayProof(
  secrets: string | readonly string[],
  value: string | undefined,
  request: GatewayProofInput & { maxAgeSeconds?: number },
): boolean {
  if (!value || !request.requestId) return false;
  const match = PROOF.exec(value);
  if (!match) return false;
  const seconds = Number(match[1]);
  const now = Math.floor((request.now ?? Date.now()) / 1000);
  if (now - seconds > (request.maxAgeSeconds ?? GATEWAY_PROOF_MAX_AGE_SECONDS)) return false;
  if (seconds - now > GATEWAY_PROOF_MAX_SKEW_SECONDS) return false;
  const given = Buffer.from(match[2]!, 'base64url');
  let ok = false;
  // Every accepted secret is tried, so that timing does not tell which one matched.
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = Buffer.from(mac(secret, seconds, request.requestId, request.authorization), 'base64url');
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

/**
 * Reads the shared secret from GATEWAY_SHARED_SECRET_FILE: one secret per line, the
 * first used to sign and every line accepted (so a new secret can be rolled out to
 * subgraphs before the gateway signs with it). Without the variable a development
 * secret is generated once under `.dev-keys/`; production refuses to start then.
 */
export function gatewaySecretsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewaySecrets {
  let text: string;
  if (env.GATEWAY_SHARED_SECRET_FILE) {
    text = readFileSync(env.GATEWAY_SHARED_SECRET_FILE, 'utf8');
  } else if (env.NODE_ENV === 'production') {
    throw new Error('GATEWAY_SHARED_SECRET_FILE is required when NODE_ENV=production (the development secret is not trusted in production).');
  } else {
    text = loadOrCreateDevFile(DEV_FILE, () => `${randomBytes(32).toString('base64url')}\n`);
  }
  const accepted = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const current = accepted[0];
  if (!current) throw new Error('The gateway shared secret file is empty.');
  if (accepted.some((s) => s.length < MIN_SECRET_LENGTH)) {
    throw new Error(`Every gateway shared secret must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  return { current, accepted };
}

function mac(secret: string, seconds: number, requestId: string, authorization: string | undefined): string {
  const authorizationHash = createHash('sha256')
    .update(authorization ?? '', 'utf8')
    .digest('hex');
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`casellario-gateway-${VERSION}\n${seconds}\n${requestId}\n${authorizationHash}`, 'utf8')
    .digest('base64url');
}
