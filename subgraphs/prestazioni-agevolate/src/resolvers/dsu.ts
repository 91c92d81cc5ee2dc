import type { PrestazioneRow } from '@casellario/prestazioni-core';
import type { PrestazioniAgevolateContext } from '../context';
import type { DsuRow } from '../db/queries';

type Ctx = PrestazioniAgevolateContext;

/**
 * `Dsu`: keyed by our opaque id, presented like a person id (the attestazione is a
 * household's record), so the INPS protocol never travels in a representation.
 */
export const Dsu = {
  async __resolveReference(reference: { id: string }, ctx: Ctx): Promise<DsuRow | null> {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? ctx.loaders.dsu.load(internalId) : null;
  },
  id: (d: DsuRow, _: unknown, ctx: Ctx) => ctx.codec.present(d.id, ctx.viewer),
  protocollo: (d: DsuRow) => d.protocollo,
  anno: (d: DsuRow) => d.anno,
  dataPresentazione: (d: DsuRow) => d.dataPresentazione,
  dataScadenza: (d: DsuRow) => d.dataScadenza,
  tipoIsee: (d: DsuRow) => d.tipoIsee,
  isee: (d: DsuRow) => Number(d.isee),
  ise: (d: DsuRow) => Number(d.ise),
  isr: (d: DsuRow) => Number(d.isr),
  isp: (d: DsuRow) => Number(d.isp),
  scalaEquivalenza: (d: DsuRow) => Number(d.scalaEquivalenza),
  omissioniDifformita: (d: DsuRow) => d.omissioniDifformita,
  dichiarante: (d: DsuRow) => ({ id: d.dichiaranteId }),
  componenti: (d: DsuRow) => d.componentiIds.map((id) => ({ id })),
};

/** `PrestazioneAgevolata.dsu`: the attestazione the record cites, by its protocol, batched. */
export function prestazioneDsu(p: PrestazioneRow, _: unknown, ctx: Ctx): Promise<DsuRow | null> | null {
  return p.numeroProtocolloDsu ? ctx.loaders.dsuByProtocollo.load(p.numeroProtocolloDsu) : null;
}
