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

/**
 * Aggregates (docs/aggregati.md) are what programmazione and monitoraggio read instead of
 * persons; the other purposes have person records and no need of them. Scope (territory)
 * and small-cell suppression are applied by the resolvers, in SQL and before answering.
 */
export const readsAggregates = hasRuolo('programmazione', 'monitoraggio');

/** The rules of an on-the-fly table of counts (kit `tabellaConteggi`) under a root field. */
export function conteggiPermissions(campo: string) {
  return {
    Query: { [campo]: readsAggregates },
    TabellaConteggi: Object.fromEntries(['per', 'soglia', 'celle', 'margini', 'totale'].map((f) => [f, readsAggregates])),
    // Only TabellaConteggi returns cells, under readsAggregates.
    CellaConteggio: Object.fromEntries(['chiave', 'etichetta', 'soggetti', 'numero', 'soppressa', 'soppressione'].map((f) => [f, guardedByParent])),
  };
}

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
