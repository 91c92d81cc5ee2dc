import { buildSecuredSchema, type AccessRecord, type DatabaseHandle } from '@casellario/kit';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { fieldsWithoutRule, signDevServiceToken, signDevToken } from '@casellario/policies';
import { accessiPermissions } from '@casellario/policies/permissions/accessi';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessiSubgraph, accessiTables, registraAccessi, verificaCatena } from '../src/index';
import { HASH_INIZIALE, hashAccesso, serializzaAccesso } from '../src/domain/catena';
import { definition } from '../src/schema';
import { BIANCHI, count, ROSSI, voce } from './voce';

const CASO_SINBA = '0d5e3c1a-7b7a-4c1e-9d3a-0a0b0c0d0e99';


/** What the database said when it refused a statement: drizzle wraps the driver's error. */
async function refusal(run: Promise<unknown>): Promise<{ message: string; code?: string }> {
  try {
    await run;
  } catch (error) {
    const e = error as { message: string; code?: string; cause?: { message: string; code?: string } };
    return { message: (e.cause ?? e).message, code: (e.cause ?? e).code };
  }
  throw new Error('the statement was not refused');
}

async function post(url: string, body: unknown, authorization?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/interno/consegna/accessi', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}


const REGISTRO = /* GraphQL */ `
  query ($f: FiltroAccessi, $primi: Int, $dopo: String) {
    registroAccessi(filtro: $f, primi: $primi, dopo: $dopo) {
      haAltri cursoreSuccessivo
      elementi { seq subgraph operatore ruolo ente riferimento soggetto { tipo id } campi requestId requestIdCliente }
    }
  }
`;

const VERIFICA = /* GraphQL */ `
  query ($ancora: AncoraCatena) {
    verificaRegistroAccessi(ancora: $ancora) { verificati integro hashTesta seqTesta primaRottura { seq istante motivo } verificatoIl }
  }
`;

interface Verifica {
  verificati: number;
  integro: boolean;
  hashTesta: string | null;
  seqTesta: string | null;
  primaRottura: { seq: string; istante: string | null; motivo: string } | null;
  verificatoIl: string;
}

interface Pagina {
  haAltri: boolean;
  cursoreSuccessivo: string | null;
  elementi: Array<{ seq: string; operatore: string; soggetto: { tipo: string; id: string }; campi: string[]; requestId: string }>;
}

describe('accessi shield and chain', () => {
  it('has a rule on every field of every type', () => {
    expect(fieldsWithoutRule(buildSecuredSchema(definition), accessiPermissions)).toEqual([]);
  });

  it('links each record to the previous one through a hash of its content', () => {
    const r = { ...voce(), seq: 1, istante: new Date('2026-11-26T09:00:00.123Z') };
    const h1 = hashAccesso(HASH_INIZIALE, r);
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccesso(HASH_INIZIALE, { ...r })).toBe(h1);
    expect(hashAccesso(HASH_INIZIALE, { ...r, operatore: 'op-altro' })).not.toBe(h1);
    expect(hashAccesso(HASH_INIZIALE, { ...r, campi: ['cartella', 'Persona.codiceFiscale'] })).not.toBe(h1);
    expect(hashAccesso(h1, r)).not.toBe(h1);
  });

  it('hashes a record without a client request id exactly as before that column existed, and one with it differently', () => {
    const r = { ...voce(), seq: 1, istante: new Date('2026-11-26T09:00:00.123Z') };
    // The canonical text of the first chains, column for column: rows written then must keep verifying.
    const before = JSON.stringify([1, '2026-11-26T09:00:00.123Z', 'anagrafe', 'op-gestione-H501', 'gestione', 'H501', null, 'persona', ROSSI, ['Persona.codiceFiscale', 'cartella'], 'req-1']);
    expect(serializzaAccesso({ ...r, requestIdCliente: null })).toBe(before);
    expect(serializzaAccesso(r)).toBe(before);
    expect(serializzaAccesso({ ...r, requestIdCliente: 'cli-1' })).toBe(before.replace(/]$/, ',["requestIdCliente","cli-1"]]'));
    expect(hashAccesso(HASH_INIZIALE, { ...r, requestIdCliente: 'cli-1' })).not.toBe(hashAccesso(HASH_INIZIALE, r));
  });
});

for (const backend of databaseBackends()) {
  describe(`accessi on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(accessiSubgraph, backend);
    });
    afterAll(() => sg?.stop());

    it('takes a batch on its internal endpoint from services only, and chains it', async () => {
      const service = `Bearer ${await signDevServiceToken('svc-anagrafe')}`;
      const batch = [voce(), voce({ soggettoId: BIANCHI, campi: ['Anagrafica.cognome'] })];

      expect((await post(sg.url, { items: batch })).status).toBe(401);
      expect((await post(sg.url, { items: batch }, `Bearer ${await ROLE_TOKENS.gestione()}`)).status).toBe(401);
      expect((await post(sg.url, { items: [voce({ ruolo: 'sistema' })] }, service)).status).toBe(500);
      expect((await post(sg.url, { items: [voce({ soggettoId: 'RSSMRA85T10A562S' })] }, service)).status).toBe(500);
      expect((await post(sg.url, { items: [voce({ requestIdCliente: 'x'.repeat(65) })] }, service)).status).toBe(500);
      expect((await post(sg.url, { items: [voce({ requestIdCliente: 'cli\u0000' })] }, service)).status).toBe(500);
      expect(await count(sg.handle)).toBe(0);

      const ok = await post(sg.url, { items: batch }, service);
      expect(ok).toEqual({ status: 200, body: { risultati: [1, 2] } });

      const rows = await sg.handle.rows<Record<string, unknown>>(
        sql`select seq::int, subgraph, operatore, ruolo, ente, riferimento, soggetto_tipo, soggetto_id, campi, request_id, hash_precedente, hash from accessi.accesso order by seq`,
      );
      expect(rows.map(({ hash: _h, hash_precedente: _p, ...r }) => r)).toEqual([
        { seq: 1, subgraph: 'anagrafe', operatore: 'op-gestione-H501', ruolo: 'gestione', ente: 'H501', riferimento: null, soggetto_tipo: 'persona', soggetto_id: ROSSI, campi: ['Persona.codiceFiscale', 'cartella'], request_id: 'req-1' },
        { seq: 2, subgraph: 'anagrafe', operatore: 'op-gestione-H501', ruolo: 'gestione', ente: 'H501', riferimento: null, soggetto_tipo: 'persona', soggetto_id: BIANCHI, campi: ['Anagrafica.cognome'], request_id: 'req-1' },
      ]);
      expect(rows[0]!.hash_precedente).toBe(HASH_INIZIALE);
      expect(rows[1]!.hash_precedente).toBe(rows[0]!.hash);
      expect(await verificaCatena(sg.handle)).toEqual({ integra: true, record: 2, hashFinale: rows[1]!.hash });
    });

    it('keeps the chain gapless and unforked under concurrent writers', async () => {
      const before = await count(sg.handle);
      const seqs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => registraAccessi(sg.handle, [voce({ requestId: `conc-${i}` }), voce({ requestId: `conc-${i}`, soggettoId: BIANCHI })])),
      );
      expect(seqs.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => before + 1 + i));
      expect(await verificaCatena(sg.handle, { lotto: 5 })).toMatchObject({ integra: true, record: before + 24 });
    });

    it('is refused UPDATE, DELETE and TRUNCATE by the database itself, the owner included', async () => {
      const before = await count(sg.handle);
      for (const statement of [
        sql`update accessi.accesso set operatore = 'op-altro' where seq = 1`,
        sql`update accessi.accesso set operatore = 'op-altro' where false`,
        sql`delete from accessi.accesso where seq = 1`,
        sql`truncate accessi.accesso`,
        sql`insert into accessi.accesso select * from accessi.accesso where seq = 1 on conflict (seq) do update set operatore = 'op-altro'`,
      ]) {
        const refused = await refusal(sg.handle.rows(statement));
        expect(refused.message).toMatch(/^accessi\.accesso è in sola aggiunta: (UPDATE|DELETE|TRUNCATE) non consentito$/);
        expect(refused.code).toBe('42501');
      }
      expect(await count(sg.handle)).toBe(before);
      expect(await verificaCatena(sg.handle)).toMatchObject({ integra: true, record: before });
    });

    describe('audit queries', () => {
      beforeAll(async () => {
        await registraAccessi(sg.handle, [
          voce({ operatore: 'op-controllo-GDF', ruolo: 'controllo', ente: 'GDF', riferimento: 'PV-2026-0042', requestId: 'req-gdf', subgraph: 'sina', campi: ['ValutazioneSina.protocolloDomanda'] }),
          voce({ subgraph: 'sinba', requestId: 'req-sinba', soggettoTipo: 'caso-sinba', soggettoId: CASO_SINBA, campi: ['CasoSinba.idBeneficiario'] }),
        ]);
      });

      it('gives audit the records of one operator, newest first, page by page', async () => {
        const token = await ROLE_TOKENS.audit();
        const first = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, { token, variables: { f: { operatore: 'op-controllo-GDF' } } });
        expect(first.errors).toBeUndefined();
        expect(first.data?.registroAccessi).toEqual({
          haAltri: false,
          cursoreSuccessivo: null,
          elementi: [
            {
              seq: '27',
              subgraph: 'sina',
              operatore: 'op-controllo-GDF',
              ruolo: 'controllo',
              ente: 'GDF',
              riferimento: 'PV-2026-0042',
              soggetto: { tipo: 'persona', id: ROSSI },
              campi: ['ValutazioneSina.protocolloDomanda'],
              requestId: 'req-gdf',
              requestIdCliente: null,
            },
          ],
        });

        const seen: string[] = [];
        let dopo: string | null = null;
        do {
          const r: { data?: { registroAccessi: Pagina } | null } = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, {
            token,
            variables: { f: { operatore: 'op-gestione-H501', soggetto: { tipo: 'persona', id: BIANCHI } }, primi: 5, dopo },
          });
          seen.push(...r.data!.registroAccessi.elementi.map((e) => e.seq));
          dopo = r.data!.registroAccessi.cursoreSuccessivo;
        } while (dopo);
        // Bianchi: seq 2, then the second record of each of the 12 concurrent batches.
        expect(seen).toHaveLength(13);
        expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
        expect(seen.at(-1)).toBe('2');
      });

      it('finds SINBA cases by their own subject kind, and filters by ente, request and time', async () => {
        const token = await ROLE_TOKENS.audit();
        const sinba = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, {
          token,
          variables: { f: { soggetto: { tipo: 'caso-sinba', id: CASO_SINBA } } },
        });
        expect(sinba.data?.registroAccessi.elementi.map((e) => [e.seq, e.soggetto, e.campi])).toEqual([
          ['28', { tipo: 'caso-sinba', id: CASO_SINBA }, ['CasoSinba.idBeneficiario']],
        ]);
        const byEnte = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, { token, variables: { f: { ente: 'GDF', requestId: 'req-gdf' } } });
        expect(byEnte.data?.registroAccessi.elementi.map((e) => e.seq)).toEqual(['27']);
        const future = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, { token, variables: { f: { dal: '2999-01-01T00:00:00Z' } } });
        expect(future.data?.registroAccessi.elementi).toEqual([]);
        const upToNow = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, {
          token,
          variables: { f: { dal: '2020-01-01T00:00:00Z', al: new Date(Date.now() + 60_000).toISOString(), requestId: 'req-sinba' } },
        });
        expect(upToNow.data?.registroAccessi.elementi.map((e) => e.seq)).toEqual(['28']);
        const bad = await graphqlRequest(sg.url, REGISTRO, { token, variables: { f: { dal: '26/11/2026' } } });
        expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      });

      it('records an audit search by person in the log itself, after answering it', async () => {
        const token = await signDevToken({ sub: 'op-dpo-2', ruolo: 'audit', ente: 'MLPS' });
        const before = await count(sg.handle);
        const r = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, {
          token,
          variables: { f: { persona: ROSSI, operatore: 'op-controllo-GDF' } },
          // As the gateway sends it: its own id (bound by the proof) and the client's apart.
          headers: { 'x-request-id': 'req-audit-1', 'x-request-id-cliente': 'cli-audit-1' },
        });
        expect(r.data?.registroAccessi.elementi.map((e) => e.seq)).toEqual(['27']);
        expect(await count(sg.handle)).toBe(before + 1);
        const own = await graphqlRequest<{ registroAccessi: Pagina }>(sg.url, REGISTRO, { token, variables: { f: { operatore: 'op-dpo-2' } } });
        expect(own.data?.registroAccessi.elementi).toEqual([
          {
            seq: String(before + 1),
            subgraph: 'accessi',
            operatore: 'op-dpo-2',
            ruolo: 'audit',
            ente: 'MLPS',
            riferimento: null,
            soggetto: { tipo: 'persona', id: ROSSI },
            campi: ['registroAccessi'],
            requestId: 'req-audit-1',
            requestIdCliente: 'cli-audit-1',
          },
        ]);
        // A search that names nobody records nothing.
        expect(await count(sg.handle)).toBe(before + 1);
      });

      it('verifies the chain on request of audit: every record counted, the head hash equal to the last row’s, and the verification itself recorded', async () => {
        const token = await ROLE_TOKENS.audit();
        const before = await count(sg.handle);
        const [last] = await sg.handle.rows<{ seq: number; hash: string }>(sql`select seq::int as seq, hash from accessi.accesso order by seq desc limit 1`);
        const r = await graphqlRequest<{ verificaRegistroAccessi: Verifica }>(sg.url, VERIFICA, { token });
        expect(r.errors).toBeUndefined();
        const { verificatoIl, ...esito } = r.data!.verificaRegistroAccessi;
        expect(esito).toEqual({ verificati: before, integro: true, hashTesta: last!.hash, seqTesta: String(last!.seq), primaRottura: null });
        expect(Number.isNaN(Date.parse(verificatoIl))).toBe(false);
        // Recorded after the walk, as one more link of the chain.
        expect(await count(sg.handle)).toBe(before + 1);
        const [own] = await sg.handle.rows<Record<string, unknown>>(
          sql`select operatore, ruolo, soggetto_tipo, soggetto_id, campi, hash_precedente from accessi.accesso order by seq desc limit 1`,
        );
        expect(own).toEqual({ operatore: 'op-dpo', ruolo: 'audit', soggetto_tipo: 'registro', soggetto_id: 'accessi', campi: ['verificaRegistroAccessi'], hash_precedente: last!.hash });

        // With the head as an anchor it still holds; with a forged hash for it, it does not.
        const anchored = await graphqlRequest<{ verificaRegistroAccessi: Verifica }>(sg.url, VERIFICA, { token, variables: { ancora: { seq: String(last!.seq), hash: last!.hash } } });
        expect(anchored.data!.verificaRegistroAccessi).toMatchObject({ integro: true, verificati: before + 1 });
        const forged = await graphqlRequest<{ verificaRegistroAccessi: Verifica }>(sg.url, VERIFICA, { token, variables: { ancora: { seq: String(last!.seq), hash: 'f'.repeat(64) } } });
        expect(forged.data!.verificaRegistroAccessi).toMatchObject({
          integro: false,
          hashTesta: null,
          primaRottura: { seq: String(last!.seq), motivo: 'hash diverso da quello dell’ancora (catena riscritta)' },
        });
        const bad = await graphqlRequest(sg.url, VERIFICA, { token, variables: { ancora: { seq: '0', hash: 'x' } } });
        expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      });

      it('refuses the verification to every other purpose, also through an alias or a fragment', async () => {
        const before = await count(sg.handle);
        for (const ruolo of ['gestione', 'controllo', 'programmazione', 'monitoraggio'] as const) {
          for (const query of [
            '{ verificaRegistroAccessi { verificati integro hashTesta } }',
            '{ v: verificaRegistroAccessi { n: verificati h: hashTesta } }',
            '{ ...V } fragment V on Query { verificaRegistroAccessi { verificati hashTesta primaRottura { seq } } }',
          ]) {
            const r = await graphqlRequest(sg.url, query, { token: await ROLE_TOKENS[ruolo]() });
            expect({ ruolo, query, data: r.data, codes: r.errors?.map((e) => e.extensions?.code) }).toEqual({
              ruolo,
              query,
              data: { [query.includes('v:') ? 'v' : 'verificaRegistroAccessi']: null },
              codes: ['FORBIDDEN'],
            });
          }
        }
        expect(await count(sg.handle)).toBe(before);
      });

      it('refuses the log to every other purpose, and bad input to audit', async () => {
        for (const ruolo of ['gestione', 'controllo', 'programmazione', 'monitoraggio'] as const) {
          const r = await graphqlRequest(sg.url, REGISTRO, { token: await ROLE_TOKENS[ruolo](), variables: { f: { operatore: 'op-controllo-GDF' } } });
          expect(r.data).toEqual({ registroAccessi: null });
          expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        }
        const token = await ROLE_TOKENS.audit();
        for (const f of [{ persona: 'RSSMRA85T10A562S' }, { codiceFiscale: 'RSSMRA85T10A562X' }, { operatore: '' }]) {
          const r = await graphqlRequest(sg.url, REGISTRO, { token, variables: { f } });
          expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
          expect(r.raw).not.toContain('RSSMRA85T10A562');
        }
      });
    });

    describe('tampering', () => {
      it('names the first broken link when a row is altered behind the triggers', async () => {
        await sg.handle.script(`
          DROP TRIGGER accesso_sola_aggiunta ON accessi.accesso;
          UPDATE accessi.accesso SET operatore = 'op-innocente' WHERE seq = 5;
          CREATE TRIGGER accesso_sola_aggiunta BEFORE UPDATE OR DELETE ON accessi.accesso
            FOR EACH STATEMENT EXECUTE FUNCTION accessi.rifiuta_modifica_accesso();
        `);
        const esito = await verificaCatena(sg.handle, { lotto: 3 });
        expect(esito).toMatchObject({ integra: false, record: 5, primoAnelloRotto: { seq: 5, motivo: 'hash diverso da quello del contenuto (record alterato)' } });
        // The audit query finds the same link, with the same words.
        const [row5] = await sg.handle.rows<{ istante: Date | string }>(sql`select istante from accessi.accesso where seq = 5`);
        const r = await graphqlRequest<{ verificaRegistroAccessi: Verifica }>(sg.url, VERIFICA, { token: await ROLE_TOKENS.audit() });
        const { verificatoIl: _v, ...query } = r.data!.verificaRegistroAccessi;
        expect(query).toEqual({
          verificati: 5,
          integro: false,
          hashTesta: null,
          seqTesta: null,
          primaRottura: { seq: '5', istante: new Date(row5!.istante).toISOString(), motivo: 'hash diverso da quello del contenuto (record alterato)' },
        });
        // The triggers are back: nobody can put the row right again without the same trick.
        expect((await refusal(sg.handle.rows(sql`update accessi.accesso set operatore = 'op-gestione-H501' where seq = 5`))).code).toBe('42501');
      });

      it('names a row that was rewritten with a fresh hash by the link after it, and a deleted one by its number', async () => {
        // Someone who knows how the chain is made recomputes the altered row's own hash.
        const [row] = await sg.handle.db.select().from(accessiTables.accesso).where(eq(accessiTables.accesso.seq, 5));
        const rehash = hashAccesso(row!.hashPrecedente, row!);
        await sg.handle.script(`
          ALTER TABLE accessi.accesso DISABLE TRIGGER accesso_sola_aggiunta;
          UPDATE accessi.accesso SET hash = '${rehash}' WHERE seq = 5;
          ALTER TABLE accessi.accesso ENABLE TRIGGER accesso_sola_aggiunta;
        `);
        expect(await verificaCatena(sg.handle)).toMatchObject({ integra: false, primoAnelloRotto: { seq: 6, motivo: expect.stringMatching(/^hash_precedente diverso/) } });

        await sg.handle.script(`
          ALTER TABLE accessi.accesso DISABLE TRIGGER accesso_sola_aggiunta;
          DELETE FROM accessi.accesso WHERE seq <= 6;
          ALTER TABLE accessi.accesso ENABLE TRIGGER accesso_sola_aggiunta;
        `);
        expect(await verificaCatena(sg.handle)).toEqual({
          integra: false,
          record: 0,
          primoAnelloRotto: { seq: 1, istante: null, motivo: 'record mancante (il successivo presente è il 7): eliminato' },
        });
      });

      it('needs an anchor kept elsewhere to show that the last records were cut off', async () => {
        await sg.handle.script(`
          ALTER TABLE accessi.accesso DISABLE TRIGGER accesso_sola_aggiunta;
          DELETE FROM accessi.accesso;
          ALTER TABLE accessi.accesso ENABLE TRIGGER accesso_sola_aggiunta;
        `);
        await registraAccessi(sg.handle, [voce(), voce(), voce()]);
        const intact = await verificaCatena(sg.handle);
        expect(intact).toMatchObject({ integra: true, record: 3 });
        const ancora = { seq: 3, hash: (intact as { hashFinale: string }).hashFinale };
        await sg.handle.script(`
          ALTER TABLE accessi.accesso DISABLE TRIGGER accesso_sola_aggiunta;
          DELETE FROM accessi.accesso WHERE seq = 3;
          ALTER TABLE accessi.accesso ENABLE TRIGGER accesso_sola_aggiunta;
        `);
        expect(await verificaCatena(sg.handle)).toMatchObject({ integra: true, record: 2 });
        expect(await verificaCatena(sg.handle, { ancora })).toEqual({
          integra: false,
          record: 2,
          primoAnelloRotto: { seq: 3, istante: null, motivo: 'record finali mancanti: l’ancora indica almeno 3 record' },
        });
      });
    });
  });
}
