import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { buildSecuredSchema, securedPermissions } from '@casellario/kit';
import { fieldsWithoutRule } from '@casellario/policies';
import { describe, expect, it } from 'vitest';

describe('every field of every subgraph has its own shield rule', () => {
  it('covers all subgraphs of the platform', () => {
    expect(SUBGRAPH_MODULES.length).toBeGreaterThanOrEqual(6);
  });

  for (const module of SUBGRAPH_MODULES) {
    it(`${module.name}: no field falls back to the default rule`, () => {
      const schema = buildSecuredSchema(module.definition);
      // The map the shield applies: the subgraph's own plus its declared identifying fields.
      expect(fieldsWithoutRule(schema, securedPermissions(module.definition))).toEqual([]);
      // Federation entry points are covered too: the walk is not vacuous. A subgraph
      // with no entity (accessi) has no `_entities`, and shield refuses a rule for it.
      const rules = module.definition.permissions as Record<string, Record<string, unknown>>;
      const entryPoints = schema.getQueryType()?.getFields()._entities ? ['_service', '_entities'] : ['_service'];
      expect(Object.keys(rules.Query ?? {})).toEqual(expect.arrayContaining(entryPoints));
    });
  }

  it('catches a field without a rule', () => {
    const module = SUBGRAPH_MODULES[0]!;
    const original = module.definition.permissions as Record<string, Record<string, unknown>>;
    const { anagrafica: _removed, ...persona } = original.Persona!;
    const permissions = securedPermissions({ ...module.definition, permissions: { ...original, Persona: persona } as typeof module.definition.permissions });
    expect(fieldsWithoutRule(buildSecuredSchema(module.definition), permissions)).toEqual(['Persona.anagrafica']);
  });
});
