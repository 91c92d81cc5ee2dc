import { deliverBatch } from '@casellario/kit';
import type { RisolviCodiceFiscale } from './context';

/**
 * Asks anagrafe — the only component that stores codici fiscali — for the internal
 * id of one, through its internal endpoint (`risolvi`) with accessi's service
 * token: the log itself never sees or keeps a codice fiscale beyond the request.
 */
export function anagrafeResolver(options: { url: () => string | undefined; token: () => Promise<string>; timeoutMs?: number }): RisolviCodiceFiscale {
  return async (codiceFiscale) => {
    const url = options.url();
    if (!url) throw new Error('Indirizzo di anagrafe non configurato (SUBGRAPH_URL_ANAGRAFE)');
    const [id] = await deliverBatch<string | null>(url, 'risolvi', [codiceFiscale], await options.token(), options.timeoutMs ?? 5_000);
    return id ?? null;
  };
}
