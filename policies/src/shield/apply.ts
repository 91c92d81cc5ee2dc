import { getNamedType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { forbidden } from '../errors';
import { guardedByParent } from './rules';

export type Permissions = IRules;

/**
 * Wraps a built subgraph schema in its shield. Deny by default; errors thrown by
 * resolvers pass through (they are masked later by the server's error formatter,
 * which knows which codes are safe to show).
 */
export function applyPermissions(schema: GraphQLSchema, permissions: Permissions): GraphQLSchema {
  const guarded = guardedFields(schema, permissions);
  const shielded = applyMiddleware(
    schema,
    shield(permissions, {
      fallbackRule: deny,
      fallbackError: () => forbidden(),
      allowExternalErrors: true,
      debug: false,
    }),
  );
  // Fields guarded by their parent keep the resolver they had: no middleware per cell.
  for (const [typeName, fields] of guarded) {
    const original = schema.getType(typeName);
    const wrapped = shielded.getType(typeName);
    if (!isObjectType(original) || !isObjectType(wrapped)) continue;
    for (const field of fields) wrapped.getFields()[field]!.resolve = original.getFields()[field]!.resolve;
  }
  return shielded;
}

/**
 * The fields marked `guardedByParent`, by type, once checked that the marker is
 * sound: the type is no entity, and every field that returns it has a real rule.
 */
function guardedFields(schema: GraphQLSchema, permissions: Permissions): Map<string, string[]> {
  const rules = permissions as Record<string, Record<string, unknown> | undefined>;
  const guarded = new Map<string, string[]>();
  for (const [typeName, typeRules] of Object.entries(rules)) {
    if (!typeRules || typeof typeRules !== 'object') continue;
    const fields = Object.entries(typeRules).filter(([, r]) => r === guardedByParent).map(([f]) => f);
    if (fields.length) guarded.set(typeName, fields);
  }
  const entity = schema.getType('_Entity');
  for (const typeName of guarded.keys()) {
    if (isUnionType(entity) && entity.getTypes().some((t) => t.name === typeName)) throw new Error(`guardedByParent on ${typeName}: an entity is reachable through _entities`);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        if (getNamedType(field.type).name !== typeName) continue;
        const rule = rules[type.name]?.[fieldName];
        if (rule === undefined || rule === guardedByParent) throw new Error(`guardedByParent on ${typeName}: ${type.name}.${fieldName} returns it without a rule of its own`);
      }
    }
  }
  return guarded;
}
