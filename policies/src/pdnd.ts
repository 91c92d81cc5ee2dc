import { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

/**
 * How the registry obtains a PDND voucher (the access token the comuni's
 * e-services accept): a client assertion — a JWT signed with the key registered
 * for the client on PDND, naming the client, the key (`kid`) and the purpose —
 * exchanged at PDND's token endpoint for an access token (OAuth 2.0
 * client-credentials with a JWT bearer assertion, RFC 7521/7523).
 */
export interface ConfigPdnd {
  /** PDND's token endpoint. */
  tokenUrl: string;
  /** The client id PDND gave the registry's client. */
  clientId: string;
  /** The id of the public key registered on PDND for that client. */
  kid: string;
  /** The private key, PKCS#8 PEM. */
  privateKeyPem: string;
  /** `aud` of the client assertion, as PDND publishes it for its token endpoint. */
  audience: string;
  /** RS256 unless PDND says otherwise. */
  alg?: string;
  /** Time allowed to the token endpoint (default 10 s). */
  timeoutMs?: number;
}

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * A source of vouchers per purpose (`purposeId`, one per e-service the registry
 * uses): asks PDND for a new one only when the cached one is within a minute of
 * expiring. Each request carries a fresh assertion (new `jti`, 2-minute life).
 */
export function voucherPdnd(config: ConfigPdnd): (purposeId: string) => Promise<string> {
  const alg = config.alg ?? 'RS256';
  const key = importPKCS8(config.privateKeyPem, alg);
  const cache = new Map<string, { token: string; scade: number }>();
  return async (purposeId) => {
    const cached = cache.get(purposeId);
    if (cached && cached.scade - 60_000 > Date.now()) return cached.token;
    const adesso = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ purposeId })
      .setProtectedHeader({ alg, kid: config.kid, typ: 'JWT' })
      .setIssuer(config.clientId)
      .setSubject(config.clientId)
      .setAudience(config.audience)
      .setJti(randomUUID())
      .setIssuedAt(adesso)
      .setExpirationTime(adesso + 120)
      .sign(await key);
    let res: Response;
    try {
      res = await fetch(config.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: config.clientId,
          client_assertion_type: CLIENT_ASSERTION_TYPE,
          client_assertion: assertion,
        }).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new Error(`PDND non raggiungibile per il voucher (${(error as Error).name === 'TimeoutError' ? 'nessuna risposta' : (error as Error).message}).`);
    }
    const testo = await res.text();
    if (!res.ok) throw new Error(`PDND ha rifiutato la richiesta di voucher: HTTP ${res.status}${testo ? ` (${testo.slice(0, 200)})` : ''}.`);
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(testo) as typeof body;
    } catch {
      throw new Error('PDND ha risposto al voucher con un corpo non JSON.');
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') throw new Error('PDND ha risposto senza access_token.');
    const durata = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 600;
    cache.set(purposeId, { token: body.access_token, scade: Date.now() + durata * 1000 });
    return body.access_token;
  };
}
