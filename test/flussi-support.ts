import { readFileSync } from 'node:fs';
import { graphqlRequest, type GraphQLResult } from '@casellario/kit/testing';

/** The two sample flows INPS publishes in api-comuni.yaml, decoded (see fixtures/). */
export const ESEMPIO_PS = readFileSync(new URL('fixtures/inps-esempio-ps.xml', import.meta.url), 'utf8');
export const ESEMPIO_SINBA = readFileSync(new URL('fixtures/inps-esempio-sinba.xml', import.meta.url), 'utf8');

/**
 * The PS sample with what its esito asks to fix: the check character and the zero SSN quota; under a
 * new name. Its region, 01 with comune 068001, is right: Abruzzo in the specification's DM1986 coding.
 */
export function esempioPsCorretto(progressivo = '0000012'): string {
  return ESEMPIO_PS.replace('AAABBB39M66A351C', 'AAABBB39M66A351T')
    .replace('H501.PS.20210520.0000002', `H501.PS.20210520.${progressivo}`)
    .replace('ImportoQuotaSSN="0.0"', 'ImportoQuotaSSN="26.98"');
}

/** The SINBA sample with the region of residence the specification requires (08, Lazio in DM1986), under a new name. */
export function esempioSinbaCorretto(progressivo = '00000014'): string {
  return ESEMPIO_SINBA.replace('H501.SINBA.20210520.00000004', `H501.SINBA.20210520.${progressivo}`).replace(
    'CodiceNazioneResidenza="380"',
    'CodiceNazioneResidenza="380" CodiceRegioneResidenza="08"',
  );
}

export const FLUSSO_FIELDS = /* GraphQL */ `
  nome stato giaRicevuto contenutoDiverso
  riepilogo { record accettati accettatiConAvvisi rifiutati }
  avvisiFlusso { codice }
  esiti(primi: 200) { elementi { numero stato riferimento codicePrestazione protocolloDomanda segnalazioni { codice gravita campo messaggio } } }
  consegna { completata consegnati daConsegnare ultimoErrore }
`;

export interface FlussoResult {
  nome: string;
  stato: string;
  giaRicevuto: boolean;
  contenutoDiverso: boolean;
  riepilogo: { record: number; accettati: number; accettatiConAvvisi: number; rifiutati: number };
  avvisiFlusso: Array<{ codice: string }>;
  esiti: {
    elementi: Array<{
      numero: number;
      stato: string;
      riferimento: string;
      codicePrestazione: string | null;
      protocolloDomanda: string | null;
      segnalazioni: Array<{ codice: string; gravita: string; campo: string | null; messaggio: string }>;
    }>;
  };
  consegna: { completata: boolean; consegnati: number; daConsegnare: number; ultimoErrore: string | null };
}

/** Sends a flow through the gateway as an ente's operator would. */
export function inviaFlusso(url: string, token: string, tipo: string, contenuto: string): Promise<GraphQLResult<{ inviaFlusso: FlussoResult }>> {
  return graphqlRequest(url, `mutation ($t: TipoFlusso!, $c: String!) { inviaFlusso(tipo: $t, contenuto: $c) { ${FLUSSO_FIELDS} } }`, {
    token,
    variables: { t: tipo, c: contenuto },
  });
}

/** Polls a flow until every accepted record is in its components (or the time runs out). */
export async function attendiConsegna(url: string, token: string, nome: string, timeoutMs = 30_000): Promise<FlussoResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await graphqlRequest<{ flusso: FlussoResult }>(url, `query ($n: String!) { flusso(nome: $n) { ${FLUSSO_FIELDS} } }`, {
      token,
      variables: { n: nome },
    });
    const f = r.data?.flusso;
    if (f?.consegna.completata) return f;
    if (Date.now() > deadline) throw new Error(`flow ${nome} not delivered in time: ${JSON.stringify(f?.consegna ?? r.errors)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}
