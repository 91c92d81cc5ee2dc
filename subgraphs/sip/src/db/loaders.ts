import { byKey, groupByKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import { DIMENSIONI_QUADRO, FIGURE_EQUIPE } from '../domain/enumerazioni';
import {
  findAnalisiByCasoIds,
  findCasiByIds,
  findComponentiByCasoIds,
  findDimensioniByCasoIds,
  findEquipeByCasoIds,
  findImpegniByCasoIds,
  findIncontriByCasoIds,
  findProgettiByCasoIds,
  findQuadriByCasoIds,
  findSostegniByCasoIds,
  findValutazioniByPersonaIds,
  type AnalisiRow,
  type CasoRow,
  type ComponenteRow,
  type DimensioneRow,
  type EquipeRow,
  type ImpegnoRow,
  type IncontroRow,
  type ProgettoRow,
  type QuadroRow,
  type ValutazioneRow,
  type VoceCatalogoRow,
} from './queries';

// Dimensions and équipe are shown in the law's order, whatever order they were stored in.
const ORDINE_DIMENSIONE = new Map<string, number>(DIMENSIONI_QUADRO.map((d, i) => [d, i]));
const ORDINE_FIGURA = new Map<string, number>(FIGURE_EQUIPE.map((f, i) => [f, i]));

/**
 * One query per table per request, however many cases or persons are asked for
 * (`_entities` of 50 persons, componenti of 50 listed cases): no N+1. Loaders that
 * read cases carry the viewer's row scope; loaders keyed by case id read children
 * of cases that were already read within that scope.
 */
export function createLoaders(handle: DatabaseHandle, viewer: Viewer) {
  const caso = new DataLoader<string, CasoRow | null>(async (ids) => byKey(ids, await findCasiByIds(handle, viewer, ids), (r) => r.id));
  return {
    caso,
    valutazioni: new DataLoader<string, ValutazioneRow[]>(async (personaIds) => {
      const rows = await findValutazioniByPersonaIds(handle, viewer, personaIds);
      // The cases came with the memberships: later `caso` loads need no query.
      for (const r of rows) caso.prime(r.caso.id, r.caso);
      return groupByKey(personaIds, rows, (r) => r.componente.personaId);
    }),
    componenti: new DataLoader<string, ComponenteRow[]>(async (ids) => groupByKey(ids, await findComponentiByCasoIds(handle, ids), (r) => r.casoId)),
    analisi: new DataLoader<string, AnalisiRow | null>(async (ids) => byKey(ids, await findAnalisiByCasoIds(handle, ids), (r) => r.casoId)),
    quadro: new DataLoader<string, QuadroRow | null>(async (ids) => byKey(ids, await findQuadriByCasoIds(handle, ids), (r) => r.casoId)),
    dimensioni: new DataLoader<string, DimensioneRow[]>(async (ids) =>
      groupByKey(ids, await findDimensioniByCasoIds(handle, ids), (r) => r.casoId).map((list) =>
        list.sort((a, b) => (ORDINE_DIMENSIONE.get(a.dimensione) ?? 99) - (ORDINE_DIMENSIONE.get(b.dimensione) ?? 99)),
      ),
    ),
    equipe: new DataLoader<string, EquipeRow[]>(async (ids) =>
      groupByKey(ids, await findEquipeByCasoIds(handle, ids), (r) => r.casoId).map((list) =>
        list.sort((a, b) => (ORDINE_FIGURA.get(a.figura) ?? 99) - (ORDINE_FIGURA.get(b.figura) ?? 99)),
      ),
    ),
    progetto: new DataLoader<string, ProgettoRow | null>(async (ids) => byKey(ids, await findProgettiByCasoIds(handle, ids), (r) => r.casoId)),
    sostegni: new DataLoader<string, VoceCatalogoRow[]>(async (ids) =>
      groupByKey(ids, await findSostegniByCasoIds(handle, ids), (r) => r.casoId).map((list) =>
        list.map(({ codice, descrizione }) => ({ codice, descrizione })),
      ),
    ),
    impegni: new DataLoader<string, ImpegnoRow[]>(async (ids) => groupByKey(ids, await findImpegniByCasoIds(handle, ids), (r) => r.casoId)),
    incontri: new DataLoader<string, IncontroRow[]>(async (ids) => groupByKey(ids, await findIncontriByCasoIds(handle, ids), (r) => r.casoId)),
  };
}

export type SipLoaders = ReturnType<typeof createLoaders>;
