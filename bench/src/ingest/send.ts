import type { ParteFlusso } from '@casellario/flussi-formato';
import { graphqlRequest } from '@casellario/kit/testing';

export interface EndToEnd {
  /** Seconds until every part was acknowledged (parsed, validated, stored durably). */
  acknowledged: number;
  /** Seconds until the last record was delivered into every component. */
  delivered: number;
}

/**
 * Sends the parts through the gateway as the command-line importer does (two in
 * flight: one travels while the other is checked), then asks for the flow's
 * delivery every 100 ms until it is complete.
 */
export async function sendAndWait(gatewayUrl: string, token: string, parts: readonly ParteFlusso[], concurrency = 2): Promise<EndToEnd> {
  const started = performance.now();
  let nome = '';
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < parts.length) {
        const part = parts[next++]!;
        const r = await graphqlRequest<{ inviaFlusso: { nome: string } }>(
          gatewayUrl,
          'mutation ($c: String!, $p: ParteFlusso) { inviaFlusso(tipo: PS_PSA_SINA, contenuto: $c, parte: $p) { nome } }',
          { token, variables: { c: part.contenuto, p: { numero: part.indice, totale: parts.length, primoRecord: part.primoRecord } } },
        );
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        nome = r.data!.inviaFlusso.nome;
      }
    }),
  );
  const acknowledged = performance.now();
  for (;;) {
    const r = await graphqlRequest<{ flusso: { consegna: { completata: boolean } } }>(
      gatewayUrl,
      'query ($n: String!) { flusso(nome: $n) { consegna { completata } } }',
      { token, variables: { n: nome } },
    );
    if (r.data?.flusso.consegna.completata) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const delivered = performance.now();
  return { acknowledged: (acknowledged - started) / 1000, delivered: (delivered - started) / 1000 };
}
