import { readFileSync } from 'node:fs';
import { graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/** The README's GraphQL examples, in the order they appear: gestione, programmazione, monitoraggio, audit, the chain verification, sending a flow, the controls, the aggregates. */
const examples = [...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples run as written', () => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
  });
  afterAll(() => tp?.stop());

  it('has the four role examples, the chain verification, the flow example, the controls example and the aggregates example', () => {
    expect(examples).toHaveLength(8);
  });

  it('runs the flow example with the INPS sample it names, and gets the rejection it describes', async () => {
    const xml = readFileSync(new URL('fixtures/inps-esempio-ps.xml', import.meta.url), 'utf8');
    const r = await graphqlRequest<{ inviaFlusso: { riepilogo: { rifiutati: number; codici: Array<{ codice: string; record: number }> } } }>(
      tp.gatewayUrl,
      examples[5]!,
      { token: await ROLE_TOKENS.gestione('H501'), variables: { xml } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.inviaFlusso.riepilogo.rifiutati).toBe(3);
    expect(r.data?.inviaFlusso.riepilogo.codici).toContainEqual({ codice: 'BENEFICIARIO_CF_CONTROLLO', record: 3 });
  });

  const cases = [
    ['gestione', 0, () => ROLE_TOKENS.gestione('H501'), {}],
    ['controllo', 0, () => ROLE_TOKENS.controllo('GDF'), { 'x-riferimento': 'PV-2026-0042' }],
    ['programmazione', 1, () => ROLE_TOKENS.programmazione('12'), {}],
    ['monitoraggio', 2, () => ROLE_TOKENS.monitoraggio(), {}],
    // After the gestione and controllo runs above, the log holds their reads of the showcase person.
    ['audit', 3, () => ROLE_TOKENS.audit(), {}],
    ['audit (chain verification)', 4, () => ROLE_TOKENS.audit(), {}],
    ['controllo (controls)', 6, () => ROLE_TOKENS.controllo('GDF'), { 'x-riferimento': 'PV-2026-0042' }],
    ['programmazione (aggregates)', 7, () => ROLE_TOKENS.programmazione('12'), {}],
  ] as const;
  for (const [ruolo, index, token, headers] of cases) {
    it(`runs the ${ruolo} example without errors and with data`, async () => {
      const r = await graphqlRequest<Record<string, unknown>>(tp.gatewayUrl, examples[index]!, { token: await token(), headers });
      expect(r.errors).toBeUndefined();
      const [root] = Object.values(r.data ?? {});
      expect(root).toBeTruthy();
      if (root && typeof root === 'object' && 'elementi' in root) expect((root as { elementi: unknown[] }).elementi.length).toBeGreaterThan(0);
    });
  }
});
