import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Permissions } from './apply';

/**
 * Every field of every object type must have its own rule: relying on the
 * fallback would let a newly added field inherit a decision nobody made.
 * Returns `Type.field` for each field without one.
 */
export function fieldsWithoutRule(schema: GraphQLSchema, permissions: Permissions): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rules = (permissions as Record<string, unknown>)[type.name];
    for (const field of Object.keys(type.getFields())) {
      if (!rules || typeof rules !== 'object' || !(field in rules)) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}
