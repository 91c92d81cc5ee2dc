import { caseloadPairs } from '@casellario/demo-data';
import { composeApiSchema, readSubgraphSdls } from '@casellario/gateway';
import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, testDataset, type TestPlatform } from './platform-fixture';

/**
 * The property (issue 4): whatever query a programmazione or monitoraggio client
 * writes against the composed schema — any root field, any nesting, any arguments,
 * the codici fiscali of real persons as arguments — no value in the answer (data
 * or error text) is a codice fiscale (omocodes and temporary codes included) or a
 * name of the demo population. Queries are generated from the schema itself, so a
 * field added later is covered without touching this test.
 */

/** Nesting generated below a root field: deep enough to cross every entity join (person → benefit → DSU → household). */
const MAX_DEPTH = 5;
/** Object fields followed per selection set: a few, so that answers stay within the cost limit most of the time. */
const MAX_NESTED = 3;
const RUNS = Number(process.env.LEAK_PROPERTY_RUNS ?? 150);

/** Argument values an attacker would try: real codici fiscali and ids, codes that exist, and a few that do not. */
function argumentPools() {
  const dataset = testDataset();
  // Persons Roma (H501) holds, so that a gestione control reaches their data, and others.
  const roma = new Set(caseloadPairs(dataset).filter((p) => p.enteCodice === 'H501').map((p) => p.personaId));
  const persone = [...dataset.persone.filter((p) => roma.has(p.id)).slice(0, 6), ...dataset.persone.filter((p) => !roma.has(p.id)).slice(0, 2)];
  return {
    strings: [...persone.map((p) => p.codiceFiscale), dataset.showcase.codiceFiscale, 'H501', 'F205', '058091', '12', 'A1.04', ''],
    ids: [...persone.map((p) => p.id), 'H501', 'R12', 'INPS', '1'],
    dates: ['2020-01-01', '2024-06-30', '2025-12-31'],
  };
}

/**
 * An optional argument or input field: absent three times in four, so that most
 * generated queries pass input validation and reach data rather than stop at a
 * BAD_USER_INPUT on a random filter value.
 */
function sometimes(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: value, weight: 1 });
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Generates GraphQL literals for an input type (enums bare, strings quoted, input objects with their required fields). */
function valueArbitrary(type: GraphQLInputType, pools: ReturnType<typeof argumentPools>, depth = 0): fc.Arbitrary<string> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return fc.array(valueArbitrary(nullable.ofType as GraphQLInputType, pools, depth + 1), { minLength: 1, maxLength: 2 }).map((v) => `[${v.join(', ')}]`);
  }
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((v) => v.name));
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) || depth < 2);
    const parts = fields.map((f) => {
      const value = valueArbitrary(f.type, pools, depth + 1).map((v) => `${f.name}: ${v}`);
      return isNonNullType(f.type) ? value : sometimes(value);
    });
    return (parts.length ? fc.tuple(...parts) : fc.constant([] as string[])).map((p) => `{ ${p.filter(Boolean).join(', ')} }`);
  }
  switch (nullable.name) {
    case 'Int':
      return fc.integer({ min: 1, max: 5 }).map(literal);
    case 'Float':
      return fc.constantFrom(1, 250.5, 100_000).map(literal);
    case 'Boolean':
      return fc.boolean().map(literal);
    case 'ID':
      return fc.constantFrom(...pools.ids).map(literal);
    case 'Date':
      return fc.constantFrom(...pools.dates).map(literal);
    default:
      return fc.constantFrom(...pools.strings).map(literal);
  }
}

function argumentsArbitrary(args: readonly GraphQLArgument[], pools: ReturnType<typeof argumentPools>): fc.Arbitrary<string> {
  if (args.length === 0) return fc.constant('');
  const parts = args.map((a) => {
    const value = valueArbitrary(a.type, pools).map((v) => `${a.name}: ${v}`);
    return isNonNullType(a.type) ? value : sometimes(value);
  });
  return fc.tuple(...parts).map((p) => {
    const given = p.filter(Boolean);
    return given.length ? `(${given.join(', ')})` : '';
  });
}

/** Builds the query arbitrary for a schema, memoising selection sets per (type, depth). */
export function queryArbitrary(schema: GraphQLSchema): fc.Arbitrary<string> {
  const pools = argumentPools();
  const memo = new Map<string, fc.Arbitrary<string>>();

  const fieldArbitrary = (field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> | null => {
    const named = getNamedType(field.type);
    const args = argumentsArbitrary(field.args, pools);
    if (isLeafType(named)) return args.map((a) => `${field.name}${a}`);
    if (depth <= 0) return null;
    const selection = selectionArbitrary(named, depth - 1);
    return fc.tuple(args, selection).map(([a, s]) => `${field.name}${a} { ${s} }`);
  };

  const selectionArbitrary = (type: GraphQLNamedType, depth: number): fc.Arbitrary<string> => {
    const key = `${type.name}:${depth}`;
    const known = memo.get(key);
    if (known) return known;
    // Placeholder for recursive types: resolved lazily once built.
    let built: fc.Arbitrary<string> | undefined;
    const lazy = fc.constant(null).chain(() => built!);
    memo.set(key, lazy);
    if (isAbstractType(type)) {
      const fragments = schema.getPossibleTypes(type).map((t) => selectionArbitrary(t, depth).map((s) => `... on ${t.name} { ${s} }`));
      built = fc.tuple(fc.constant('__typename'), fc.oneof(...fragments)).map((p) => p.join(' '));
    } else {
      // Every scalar of the type (identifying ones are scalars: asking them all is what an
      // attacker would do), and a random few of its object fields to go deeper.
      const all = Object.values((type as GraphQLObjectType).getFields());
      const leaves = all.filter((f) => isLeafType(getNamedType(f.type))).map((f) => fieldArbitrary(f, depth)!);
      const nested = all
        .filter((f) => !isLeafType(getNamedType(f.type)))
        .map((f) => fieldArbitrary(f, depth))
        .filter((a): a is fc.Arbitrary<string> => a !== null);
      const leafPart = leaves.length ? fc.tuple(...leaves).map((p) => p.join(' ')) : fc.constant('__typename');
      const nestedPart = nested.length
        ? fc
            .shuffledSubarray(nested, { minLength: 0, maxLength: Math.min(MAX_NESTED, nested.length) })
            .chain((chosen) => (chosen.length ? fc.tuple(...chosen) : fc.constant([] as string[])))
            .map((p) => p.join(' '))
        : fc.constant('');
      // __typename on every object, so that the detector knows public reference objects (comuni, enti).
      built = fc.tuple(leafPart, nestedPart).map(([l, n]) => `__typename ${l} ${n}`.trim());
    }
    return lazy;
  };

  const roots = Object.values(schema.getQueryType()!.getFields())
    .map((f) => fieldArbitrary(f, MAX_DEPTH))
    .filter((a): a is fc.Arbitrary<string> => a !== null);
  return fc.oneof(...roots).map((root) => `{ ${root} }`);
}

describe('the query generator', () => {
  it('covers every root field of the composed schema and produces valid, varied queries', () => {
    const schema = composeApiSchema(readSubgraphSdls());
    const samples = fc.sample(queryArbitrary(schema), { numRuns: 400, seed: 42 });
    const roots = new Set(samples.map((q) => /^\{ (\w+)/.exec(q)![1]));
    expect([...roots].sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
    expect(new Set(samples).size).toBeGreaterThan(200);
  });
});

for (const backend of databaseBackends()) {
  describe(`no codice fiscale nor name reaches programmazione or monitoraggio, whatever the query, on ${backend}`, () => {
    let tp: TestPlatform;
    let queries: fc.Arbitrary<string>;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      queries = queryArbitrary(composeApiSchema(readSubgraphSdls()));
    });
    afterAll(() => tp?.stop());

    it('finds identifying values for gestione with the same generator (the detector and the generator reach them)', async () => {
      const token = await ROLE_TOKENS.gestione('H501');
      let found = 0;
      for (const query of fc.sample(queries, { numRuns: 300, seed: 7 })) {
        const r = await graphqlRequest(tp.gatewayUrl, query, { token });
        if (identifyingValuesIn(JSON.parse(r.raw), tp.dataset).length > 0) found += 1;
      }
      // 8 of these 300 with seed 7 today: listings and cartelle that reach Persona's identifying
      // fields. 300 samples, not 150: every root field added to the schema reshuffles the seeded
      // sample, and with verificaRegistroAccessi 150 of them reached only 4.
      expect(found).toBeGreaterThanOrEqual(5);
    });

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`holds for ${ruolo}: ${RUNS} generated queries through the gateway`, async () => {
        const token = await ROLE_TOKENS[ruolo]();
        let answered = 0;
        await fc.assert(
          fc.asyncProperty(queries, async (query) => {
            const r = await graphqlRequest(tp.gatewayUrl, query, { token });
            const body = JSON.parse(r.raw) as { data?: unknown };
            if (body.data) answered += 1;
            const leaked = identifyingValuesIn(body, tp.dataset);
            if (leaked.length > 0) throw new Error(`leaked ${JSON.stringify(leaked)} for ${query}`);
          }),
          { numRuns: RUNS },
        );
        // Most generated queries are answered (not all refused), so the property is about data.
        expect(answered).toBeGreaterThan(RUNS / 2);
      });
    }
  });
}
