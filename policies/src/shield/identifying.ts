import { and } from 'graphql-shield';
import type { Permissions } from './apply';
import type { FieldRule } from './field-rules';
import { canSeeIdentifying } from './rules';

/**
 * Identifying fields are declared once per subgraph (kit's `accessiIdentificanti`,
 * next to the subgraph's definition); their shield rule derives from that
 * declaration, never from the permission map. `declared` maps each declared
 * `Type.field` to an optional further rule (SINBA's readers, controllo for
 * accertamento notes): the field gets `canSeeIdentifying`, or `and(regola,
 * canSeeIdentifying)`.
 *
 * Fails, naming the field, when the permission map gives a declared field a rule
 * of its own (two decisions for one field) or grants `canSeeIdentifying` to a
 * field nobody declared (it would be shielded and never logged).
 */
export function withIdentifyingRules(permissions: Permissions, declared: Record<string, FieldRule | undefined>): Permissions {
  const map = permissions as Record<string, Record<string, FieldRule> | FieldRule | undefined>;
  for (const [typeName, rules] of Object.entries(map)) {
    if (!isFieldMap(rules)) continue;
    for (const [field, r] of Object.entries(rules)) {
      const coordinate = `${typeName}.${field}`;
      if (coordinate in declared) {
        throw new Error(`${coordinate} è dichiarato identificativo: la sua regola deriva dalla dichiarazione, toglila dalla mappa dei permessi`);
      }
      if (containsIdentifyingRule(r)) {
        throw new Error(`${coordinate} ha canSeeIdentifying nella mappa dei permessi ma non è dichiarato identificativo (accessiIdentificanti)`);
      }
    }
  }
  const merged: Record<string, unknown> = { ...map };
  for (const [coordinate, regola] of Object.entries(declared)) {
    const [typeName = '', field = ''] = coordinate.split('.');
    const existing = merged[typeName];
    merged[typeName] = { ...(isFieldMap(existing) ? existing : {}), [field]: regola ? and(regola, canSeeIdentifying) : canSeeIdentifying };
  }
  return merged as Permissions;
}

/** `Type.field` of every field whose rule is, or combines, `canSeeIdentifying`. */
export function fieldsShieldedAsIdentifying(permissions: Permissions): string[] {
  const out: string[] = [];
  for (const [typeName, rules] of Object.entries(permissions as Record<string, unknown>)) {
    if (!isFieldMap(rules)) continue;
    for (const [field, r] of Object.entries(rules)) if (containsIdentifyingRule(r)) out.push(`${typeName}.${field}`);
  }
  return out.sort();
}

function isFieldMap(value: unknown): value is Record<string, FieldRule> {
  // A rule is an object too (a class instance); a field map is a plain object.
  return !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether a rule is `canSeeIdentifying` or a logic rule (`and`, `or`, …) with it inside. */
function containsIdentifyingRule(r: unknown): boolean {
  if (r === canSeeIdentifying) return true;
  const inner = (r as { getRules?: () => unknown[] } | null)?.getRules?.();
  return Array.isArray(inner) && inner.some(containsIdentifyingRule);
}
