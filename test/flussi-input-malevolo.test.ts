import { gatewayProofHeaders, ROLE_TOKENS } from '@casellario/kit/testing';
import { signDevServiceToken } from '@casellario/policies';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esempioPsCorretto, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const valid = esempioPsCorretto('0000050');
const body = valid.slice(valid.indexOf('<Flusso'));

/** Documents an attacker (or a broken exporter) might send, with the refusal each must get. */
const CASES: Array<[string, string, string]> = [
  ['malformed XML', valid.replace('</Beneficiario>', '</Beneficiarioo>'), 'XML_MALFORMATO'],
  ['wrong namespace', valid.replace('xmlns="http://inps.it/Casellario"', 'xmlns="http://example.org/altro"'), 'NAMESPACE_ERRATO'],
  ['wrong root element', valid.replace('<Flusso ', '<Flussi ').replace('</Flusso>', '</Flussi>'), 'ELEMENTO_RADICE_ERRATO'],
  ['ISO-8859-1 declaration', `<?xml version="1.0" encoding="ISO-8859-1"?>\n${body}`, 'CODIFICA_NON_UTF8'],
  [
    'entity expansion (billion laughs)',
    `<?xml version="1.0"?>\n<!DOCTYPE Flusso [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n${body.replace('Nome="BBB"', 'Nome="&c;"')}`,
    'DOCTYPE_NON_AMMESSO',
  ],
  [
    'external entity (XXE)',
    `<?xml version="1.0"?>\n<!DOCTYPE Flusso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${body.replace('Nome="BBB"', 'Nome="&xxe;"')}`,
    'DOCTYPE_NON_AMMESSO',
  ],
  ['empty document', '', 'DOCUMENTO_VUOTO'],
  ['a SINBA flow declared as PS_PSA_SINA', valid.replace(/<Beneficiario[\s\S]*<\/Beneficiario>/, '<SINBA/>'), 'XSD'],
];

describe('bad input to inviaFlusso: a clear refusal, and nothing written', () => {
  let tp: TestPlatform;
  let token: string;
  const count = async (table: string) =>
    (await tp.platform.handles.flussi!.rows<{ n: number }>(sql.raw(`select count(*)::int as n from flussi.${table}`)))[0]!.n;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    token = await ROLE_TOKENS.gestione('H501');
  });
  afterAll(() => tp?.stop());

  for (const [label, contenuto, motivo] of CASES) {
    it(`refuses ${label}`, async () => {
      const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', contenuto);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      if (motivo !== 'XSD') expect((r.errors?.[0]?.extensions as { motivo?: string }).motivo).toBe(motivo);
      expect(r.errors?.[0]?.message).toMatch(/Nulla è stato registrato|nulla è stato registrato/);
      expect(r.raw).not.toContain('root:');
      expect(await count('flusso')).toBe(0);
      expect(await count('esito')).toBe(0);
      expect(await count('consegna_parte')).toBe(0);
    });
  }

  it('refuses an oversized document before reading it, with the limit in words', async () => {
    const huge = valid.replace('</Flusso>', `${'<!-- riempimento -->'.repeat(3_000_000)}</Flusso>`);
    const r = await fetch(tp.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation ($c: String!) { inviaFlusso(tipo: PS_PSA_SINA, contenuto: $c) { nome } }', variables: { c: huge } }),
    });
    const json = (await r.json()) as { errors?: Array<{ message: string; extensions?: { code?: string; motivo?: string } }> };
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(json.errors?.[0]?.extensions?.motivo).toBe('DOCUMENTO_TROPPO_GRANDE');
    expect(await count('flusso')).toBe(0);
  });

  it('refuses raw invalid UTF-8 (0xC3 0x28) inside the JSON string of an inviaFlusso, at the gateway and at flussi, storing nothing', async () => {
    // Node would decode the two bytes as U+FFFD and "(": the flow would be stored altered and accepted.
    const [before, after] = JSON.stringify({
      query: 'mutation ($c: String!) { inviaFlusso(tipo: PS_PSA_SINA, contenuto: $c) { nome } }',
      variables: { c: valid.replace('Nome="BBB"', 'Nome="B@@B"') },
    }).split('@@');
    const bytes = Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(after!, 'utf8')]);
    const authorization = `Bearer ${token}`;
    for (const [where, url, headers] of [
      ['gateway', tp.gatewayUrl, {}],
      ['flussi', tp.subgraphUrl('flussi'), gatewayProofHeaders(authorization)],
    ] as const) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body: bytes });
      expect({ where, status: r.status, body: await r.json() }).toEqual({
        where,
        status: 400,
        body: { errors: [{ message: 'Corpo della richiesta non valido: il testo non è codificato in UTF-8 valido', extensions: { code: 'BAD_REQUEST' } }] },
      });
    }
    expect(await count('flusso')).toBe(0);
    expect(await count('esito')).toBe(0);
  });

  it('refuses invalid UTF-8 in a GET query string and on an internal delivery endpoint too', async () => {
    const get = await fetch(`${tp.gatewayUrl}?query=${encodeURIComponent('{ ente(codice: "H501") { codice } }').replace('H501', 'H%C3%28')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('Corpo della richiesta non valido: il testo non è codificato in UTF-8 valido');

    const service = await signDevServiceToken('svc-test');
    const delivery = await fetch(new URL('/interno/consegna/accessi', tp.subgraphUrl('accessi')), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service}` },
      body: Buffer.concat([Buffer.from('{"items":[{"operatore":"op-', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}', 'utf8')]),
    });
    expect({ status: delivery.status, body: await delivery.json() }).toEqual({
      status: 400,
      body: { errore: 'Corpo della richiesta non valido: il testo non è codificato in UTF-8 valido' },
    });
  });

  it('still accepts the same flow when it is well formed (control)', async () => {
    const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', valid);
    expect(r.data?.inviaFlusso.riepilogo.record).toBe(3);
    expect(await count('flusso')).toBe(1);
  });
});
