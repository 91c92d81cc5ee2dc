import { ROLE_TOKENS } from '@casellario/kit/testing';
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

  it('still accepts the same flow when it is well formed (control)', async () => {
    const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', valid);
    expect(r.data?.inviaFlusso.riepilogo.record).toBe(3);
    expect(await count('flusso')).toBe(1);
  });
});
