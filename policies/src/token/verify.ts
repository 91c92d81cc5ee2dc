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
    const token = bearer(authorization);
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
    if (!isRuolo(payload.ruolo)) throw unauthenticated('Token non valido: finalità (ruolo) mancante o sconosciuta');
    if (typeof payload.ente !== 'string' || !/^[A-Z0-9]{1,32}$/.test(payload.ente)) {
      throw unauthenticated('Token non valido: ente mancante o malformato');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 64) {
      throw unauthenticated('Token non valido: operatore (sub) mancante');
    }
    const territorio = payload.territorio === undefined ? { livello: 'nazionale' as const } : parseTerritorio(payload.territorio);
    if (!territorio) throw unauthenticated('Token non valido: territorio malformato');
    if (payload.ruolo === 'programmazione' && payload.territorio === undefined) {
      throw unauthenticated('Token non valido: la finalità programmazione richiede un territorio');
    }
    const ref = riferimento?.trim();
    return {
      sub: payload.sub,
      ruolo: payload.ruolo,
      ente: payload.ente,
      territorio,
      riferimento: ref && ref.length <= 64 ? ref : null,
    };
  };
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
    const token = bearer(authorization);
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
    if (payload.ruolo !== RUOLO_SISTEMA || typeof payload.sub !== 'string') throw unauthenticated('Token non valido per un servizio interno');
    return { sub: payload.sub };
  };
}
