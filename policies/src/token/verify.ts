import { GraphQLError } from 'graphql';
import { errors as joseErrors, jwtVerify } from 'jose';
import { unauthenticated } from '../errors';
import { isRuolo } from '../ruoli';
import { parseTerritorio, type Viewer } from '../viewer';
import { TOKEN_ALGORITHM, TOKEN_TYPE, type AuthConfig } from './auth-config';

export type TokenVerifier = (authorization: string | undefined, riferimento?: string | undefined) => Promise<Viewer>;

/**
 * Builds the verifier shared by the gateway and every subgraph. Algorithm, issuer,
 * audience and type are pinned; claims are checked against the contract
 * (DESIGN.md §2). Any failure is UNAUTHENTICATED with a reason that names the
 * problem but never echoes the token.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  return async (authorization, riferimento) => {
    const payload = await verifyJwt(bearer(authorization), config);
    if (!isRuolo(payload.ruolo)) throw unauthenticated('Token non valido: finalità (ruolo) mancante o sconosciuta');
    if (typeof payload.ente !== 'string' || !/^[A-Z0-9]{1,32}$/.test(payload.ente)) {
      throw unauthenticated('Token non valido: ente mancante o malformato');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 64) {
      throw unauthenticated('Token non valido: operatore (sub) mancante');
    }
    const territorio = payload.territorio === undefined ? { livello: 'nazionale' as const } : parseTerritorio(payload.territorio);
    if (!territorio) throw unauthenticated('Token non valido: territorio malformato');
    // Programmazione plans on its own territory (DESIGN §2): a region or a comune. The
    // whole country is monitoraggio's scope, never a regional or municipal planner's.
    if (payload.ruolo === 'programmazione' && territorio.livello === 'nazionale') {
      throw unauthenticated('Token non valido: la finalità programmazione richiede il territorio di una regione o di un comune (IT non è ammesso)');
    }
    return {
      sub: payload.sub,
      ruolo: payload.ruolo,
      ente: payload.ente,
      territorio,
      riferimento: readRiferimento(payload.ruolo, riferimento),
    };
  };
}

/**
 * Signature, algorithm, issuer, audience, type and times, shared by client and
 * service tokens. jose checks `iat` only against a maximum age, so a token issued
 * in the future (a signer with a wrong clock, or one minted to outlive its `exp`
 * policy) is refused here, with the same tolerance as `exp` and `nbf`.
 */
async function verifyJwt(token: string, config: AuthConfig): Promise<Record<string, unknown>> {
  const cached = verified.get(token);
  if (cached && cached.config === config) {
    // Only the time can turn a verified token bad: expiry is checked again on every use.
    if (Date.now() / 1000 > cached.exp + config.clockToleranceSeconds) {
      verified.delete(token);
      throw unauthenticated('Token scaduto');
    }
    return cached.payload;
  }
  const payload = await verifyJwtUncached(token, config);
  remember(token, config, payload);
  return payload;
}

/**
 * Tokens whose signature and claims were verified, until they expire. An ES256
 * verification costs most of a millisecond of CPU, and one cartella is verified
 * at the gateway and again in every subgraph it crosses, each time with the same
 * token: caching the outcome by the token's exact text (a different byte is a
 * different key) removes that cost without weakening anything — a token valid a
 * second ago is valid now unless it expired, which is checked on each use, and
 * failures are never cached. Bounded; the oldest entries go first.
 */
const verified = new Map<string, { config: AuthConfig; payload: Record<string, unknown>; exp: number }>();
const MAX_CACHED_TOKENS = 10_000;

function remember(token: string, config: AuthConfig, payload: Record<string, unknown>): void {
  if (typeof payload.exp !== 'number') return;
  if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
  verified.set(token, { config, payload, exp: payload.exp });
}

async function verifyJwtUncached(token: string, config: AuthConfig): Promise<Record<string, unknown>> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, config.verificationKey, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      typ: TOKEN_TYPE,
      clockTolerance: config.clockToleranceSeconds,
      requiredClaims: ['exp', 'iat', 'sub'],
    }));
  } catch (error) {
    throw unauthenticated(reasonFor(error));
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > now + config.clockToleranceSeconds) {
    throw unauthenticated('Token non valido: data di emissione (iat) nel futuro');
  }
  // Both checks: `exp − iat` catches a signer's lifetime policy, `exp − now` a token
  // whose `iat` was back-dated to fit the first one (checked with the clock tolerance).
  const exp = payload.exp as number;
  if (exp - payload.iat > config.maxLifetimeSeconds || exp - now > config.maxLifetimeSeconds + config.clockToleranceSeconds) {
    throw unauthenticated(`Token non valido: durata superiore al massimo ammesso (${durata(config.maxLifetimeSeconds)}); richiederne uno nuovo`);
  }
  return payload;
}

/** A lifetime in words, for the refusal: the limit is configuration, not a secret. */
function durata(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 ora' : `${seconds / 3600} ore`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minuto' : `${seconds / 60} minuti`;
  return `${seconds} secondi`;
}

/** A case reference: printable, no spaces inside, as control bodies number their files (`PV-2026-0042`, `PG-2026/0042`). */
const RIFERIMENTO = /^[A-Za-z0-9][A-Za-z0-9._\/:-]{0,63}$/;

/**
 * The case reference of a request (`x-riferimento`). A control body reads personal
 * data only for a file it is working on (DESIGN §2): without a reference its request
 * is refused before anything is read, and the reference goes into every access record.
 * Other purposes may send one; a malformed one is refused whoever sends it, rather
 * than dropped, so that a typo never produces records without their case.
 */
function readRiferimento(ruolo: string, riferimento: string | undefined): string | null {
  const ref = riferimento?.trim();
  if (ref) {
    if (!RIFERIMENTO.test(ref)) {
      throw riferimentoRefused('Riferimento della pratica (x-riferimento) non valido: da 1 a 64 caratteri tra lettere, cifre e . _ / : -');
    }
    return ref;
  }
  if (ruolo === 'controllo') {
    throw riferimentoRefused('La finalità controllo richiede il riferimento della pratica: inviare l’intestazione x-riferimento (es. x-riferimento: PV-2026-0042)');
  }
  return null;
}

function riferimentoRefused(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', motivo: 'RIFERIMENTO_RICHIESTO', http: { status: 403 } } });
}

function bearer(authorization: string | undefined): string {
  if (!authorization) throw unauthenticated('Autenticazione richiesta: manca l’intestazione Authorization: Bearer <token>');
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization.trim());
  if (!match?.[1]) throw unauthenticated('Autenticazione richiesta: intestazione Authorization malformata');
  return match[1];
}

function reasonFor(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token scaduto';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'Token non valido: emittente non riconosciuto';
      case 'aud':
        return 'Token non valido: destinatario (aud) errato';
      case 'nbf':
        return 'Token non ancora valido (nbf)';
      case 'typ':
        return 'Token non valido: tipo errato';
      default:
        return 'Token non valido: attestazione mancante o errata';
    }
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'Token non valido: algoritmo non ammesso';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token non valido: firma non verificata';
  return 'Token non valido';
}

/** The purpose of service accounts: platform components talking to each other, never clients. */
export const RUOLO_SISTEMA = 'sistema';

export interface ServiceIdentity {
  sub: string;
}

/**
 * Verifies a service account's token (ruolo `sistema`) for internal endpoints such
 * as record delivery. Same key, issuer, audience and algorithm as client tokens;
 * client verifiers refuse `sistema` and this one refuses everything else, so a
 * client token can never reach an internal endpoint nor the reverse.
 */
export function createServiceVerifier(config: AuthConfig): (authorization: string | undefined) => Promise<ServiceIdentity> {
  return async (authorization) => {
    const payload = await verifyJwt(bearer(authorization), config);
    if (payload.ruolo !== RUOLO_SISTEMA || typeof payload.sub !== 'string') throw unauthenticated('Token non valido per un servizio interno');
    return { sub: payload.sub };
  };
}
