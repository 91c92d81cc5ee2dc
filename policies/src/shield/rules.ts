import { allow, rule } from 'graphql-shield';
import { forbidden, unauthenticated } from '../errors';
import { RUOLI_IDENTIFICANTI, type Ruolo } from '../ruoli';
import type { Viewer } from '../viewer';

/** What every policy needs from a request's context. */
export interface PolicyContext {
  viewer: Viewer | null;
}

/**
 * Named, reusable rules. Each depends only on the request's viewer, so shield may
 * cache it per request (`contextual`).
 */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_p, _a, ctx: PolicyContext) =>
  ctx.viewer ? true : unauthenticated(),
);

/** Grants the listed purposes; anything else is FORBIDDEN. */
export function hasRuolo(...ruoli: Ruolo[]) {
  const allowed = new Set(ruoli);
  return rule(`hasRuolo(${ruoli.join(',')})`, { cache: 'contextual' })((_p, _a, ctx: PolicyContext) => {
    if (!ctx.viewer) return unauthenticated();
    return allowed.has(ctx.viewer.ruolo) ? true : forbidden(`Operazione non consentita per la finalità «${ctx.viewer.ruolo}»`);
  });
}

/**
 * Identifying data (codice fiscale, surname, name, birthplace, year of birth, the
 * operator's codice fiscale): only for gestione and controllo, at any depth.
 */
export const canSeeIdentifying = rule('canSeeIdentifying', { cache: 'contextual' })((_p, _a, ctx: PolicyContext) => {
  if (!ctx.viewer) return unauthenticated();
  return RUOLI_IDENTIFICANTI.has(ctx.viewer.ruolo)
    ? true
    : forbidden(`Dato identificativo non consentito per la finalità «${ctx.viewer.ruolo}»`);
});

/** Purposes that read individual (possibly pseudonymous) records of persons. */
export const readsPersonRecords = hasRuolo('gestione', 'controllo', 'programmazione', 'monitoraggio');

/** Federation entry points. `_service` only exposes the SDL that is public anyway. */
export const federationService = allow;

/**
 * The field of a value type that only a guarded field returns: its parent's rule
 * already decided (as for `CellaAggregata`, a thousand cells of a table, which a
 * rule per cell would make ten times slower to answer). `applyPermissions` leaves
 * such fields unwrapped and refuses the marker on an entity (reachable through
 * `_entities`) or on a type some unguarded field returns.
 */
export const guardedByParent = rule('guardedByParent')(() => true);
