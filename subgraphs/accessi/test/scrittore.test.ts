import type { DatabaseHandle } from '@casellario/kit';
import { databaseBackends, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainWriter } from '../src/db/scrittore';
import { accessiSubgraph, verificaCatena } from '../src/index';
import { BIANCHI, count, voce } from './voce';

for (const backend of databaseBackends()) {
  describe(`the chain writer (group commit) on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(accessiSubgraph, backend);
    });
    afterAll(() => sg?.stop());

    it('shares one commit among concurrent writers, and answers each with its own records’ numbers', async () => {
      const before = await count(sg.handle);
      let transactions = 0;
      const db = sg.handle.db;
      const counting = {
        ...sg.handle,
        db: new Proxy(db, {
          get: (target, property) => {
            if (property !== 'transaction') return Reflect.get(target, property);
            return (...args: Parameters<typeof db.transaction>) => {
              transactions += 1;
              return target.transaction(...args);
            };
          },
        }),
      } as DatabaseHandle;
      const chain = createChainWriter(counting);
      const calls = Array.from({ length: 30 }, (_, i) => [voce({ requestId: `gc-${i}` }), voce({ requestId: `gc-${i}`, soggettoId: BIANCHI })]);
      const seqs = await Promise.all(calls.map((records) => chain.write(records)));
      // The first call commits alone; the 29 that arrived meanwhile share the next commit.
      expect(transactions).toBe(2);
      expect(seqs.flat()).toEqual(Array.from({ length: 60 }, (_, i) => before + 1 + i));
      const rows = await sg.handle.rows<{ seq: number; request_id: string }>(sql`select seq::int, request_id from accessi.accesso where seq > ${before} order by seq`);
      for (const [i, pair] of seqs.entries()) expect(rows.filter((r) => pair.includes(r.seq)).map((r) => r.request_id)).toEqual([`gc-${i}`, `gc-${i}`]);
      expect(await verificaCatena(sg.handle)).toMatchObject({ integra: true, record: before + 60 });
    });

    it('fails every caller of a commit that fails, and writes none of their records', async () => {
      const before = await count(sg.handle);
      const chain = createChainWriter(sg.handle);
      const results = await Promise.allSettled([
        chain.write([voce({ requestId: 'ok-1' })]),
        chain.write([voce({ requestId: 'ok-2' })]),
        // A person that is not an internal id: the table's check refuses the whole commit it is in.
        chain.write([voce({ requestId: 'ko', soggettoId: 'non-un-id-interno' })]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      expect(await count(sg.handle)).toBe(before + 1);
    });
  });
}
