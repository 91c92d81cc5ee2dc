import type { and } from 'graphql-shield';

/** A rule or a combination of rules (`and`, `or`, …), as shield accepts on a field. */
export type FieldRule = Parameters<typeof and>[number];

/** One rule for several fields of a type, written out field by field. */
export function sameRule(rule: FieldRule, fields: readonly string[]): Record<string, FieldRule> {
  return Object.fromEntries(fields.map((f) => [f, rule]));
}
