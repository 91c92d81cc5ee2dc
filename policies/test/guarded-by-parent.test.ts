import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyPermissions, guardedByParent, hasRuolo, sameRule } from '../src/index';

/**
 * `guardedByParent` leaves a value type's fields without middleware; the shield's
 * decision is the parent's. Sound only when no path reaches the type unguarded, which
 * applyPermissions checks before it agrees.
 */
const SDL = `
  type Query { tabella: Tabella, libera: Cella }
  type Tabella { celle: [Cella!]! }
  type Cella { valore: Int }
`;
const reads = hasRuolo('monitoraggio');
const root = { tabella: () => ({ celle: [{ valore: 1 }, { valore: 2 }] }), libera: () => ({ valore: 3 }) };
const viewer = (ruolo: string) => ({ viewer: { sub: 'x', ruolo, ente: 'MLPS', territorio: { livello: 'nazionale' }, riferimento: null } });

describe('guardedByParent', () => {
  it('answers through the guarded parent and refuses when the parent refuses', async () => {
    const schema = applyPermissions(buildSchema(SDL), {
      Query: { tabella: reads, libera: reads },
      Tabella: { celle: reads },
      Cella: sameRule(guardedByParent, ['valore']),
    });
    const ok = await graphql({ schema, source: '{ tabella { celle { valore } } }', rootValue: root, contextValue: viewer('monitoraggio') });
    expect(ok).toEqual({ data: { tabella: { celle: [{ valore: 1 }, { valore: 2 }] } } });
    const no = await graphql({ schema, source: '{ tabella { celle { valore } } x: libera { valore } }', rootValue: root, contextValue: viewer('gestione') });
    expect(no.data).toEqual({ tabella: null, x: null });
    expect(no.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('is refused on a type that a field without a real rule returns', () => {
    expect(() =>
      applyPermissions(buildSchema(SDL), { Query: { tabella: reads, libera: guardedByParent }, Tabella: { celle: reads }, Cella: { valore: guardedByParent } }),
    ).toThrow(/Query.libera returns it without a rule/);
    expect(() => applyPermissions(buildSchema(SDL), { Query: { tabella: reads, libera: reads }, Cella: { valore: guardedByParent } })).toThrow(/Tabella.celle/);
  });

  it('is refused on an entity, which _entities reaches without any parent', () => {
    const sdl = `${SDL} union _Entity = Cella`;
    expect(() => applyPermissions(buildSchema(sdl), { Query: { tabella: reads, libera: reads }, Tabella: { celle: reads }, Cella: { valore: guardedByParent } })).toThrow(
      /entity is reachable through _entities/,
    );
  });
});
