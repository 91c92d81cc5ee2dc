import { isRuolo, parseTerritorio, type TokenClaims } from '@casellario/policies';

/** What an operator asks a development token for (the CLI's flags, the console's form). */
export interface DevTokenRequest {
  ruolo?: unknown;
  ente?: unknown;
  territorio?: unknown;
  sub?: unknown;
}

/** Why a request was refused: which input, so each caller can word it its own way. */
export type DevTokenRefusal = 'ruolo' | 'ente' | 'territorio' | 'territorioMancante' | 'territorioNazionale' | 'sub';

export type DevTokenDecision = { ok: true; claims: TokenClaims } | { ok: false; refusal: DevTokenRefusal };

/**
 * The one place that decides which development tokens may be signed, shared by
 * `pnpm run token` and the console's sign-in endpoint, so that the endpoint can
 * never sign what the CLI refuses: a known purpose, an ente code of the contract's
 * shape, a well-formed territorio, a region or comune for programmazione (never
 * `IT`, which the verifier refuses; monitoraggio defaults to the whole country),
 * and an operator id the verifier accepts.
 */
export function decideDevToken(request: DevTokenRequest): DevTokenDecision {
  const { ruolo, ente, territorio, sub } = request;
  if (!isRuolo(ruolo)) return { ok: false, refusal: 'ruolo' };
  if (typeof ente !== 'string' || !/^[A-Z0-9]{1,32}$/.test(ente)) return { ok: false, refusal: 'ente' };
  if (territorio !== undefined && (typeof territorio !== 'string' || !parseTerritorio(territorio))) return { ok: false, refusal: 'territorio' };
  if (ruolo === 'programmazione' && territorio === undefined) return { ok: false, refusal: 'territorioMancante' };
  if (ruolo === 'programmazione' && territorio === 'IT') return { ok: false, refusal: 'territorioNazionale' };
  if (sub !== undefined && (typeof sub !== 'string' || sub.length === 0 || sub.length > 64)) return { ok: false, refusal: 'sub' };
  const claimTerritorio = (territorio as string | undefined) ?? (ruolo === 'monitoraggio' ? 'IT' : undefined);
  return {
    ok: true,
    claims: { sub: (sub as string | undefined) ?? `dev-${ruolo}-${ente}`, ruolo, ente, ...(claimTerritorio ? { territorio: claimTerritorio } : {}) },
  };
}
