import type { SinaContext } from '../context';
import type { ValutazioneRow } from '../db/queries';
import type { PersonaRef } from './persona';

/**
 * Attributes are returned as the codes the database keeps; the enum types map
 * them to names (see `domain/codici-sina.ts`). The assessment's own id is
 * presented like a person id, so pseudonymous audiences cannot link it to what
 * gestione sees.
 */
export const ValutazioneSina = {
  async __resolveReference(reference: { id: string }, ctx: SinaContext): Promise<ValutazioneRow | null> {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? ctx.loaders.valutazione.load(internalId) : null;
  },
  id: (v: ValutazioneRow, _: unknown, ctx: SinaContext) => ctx.codec.present(v.id, ctx.viewer),
  persona: (v: ValutazioneRow): PersonaRef => ({ id: v.personaId }),
  enteErogatore: (v: ValutazioneRow) => ({ codice: v.enteCodice }),
  dataValutazione: (v: ValutazioneRow) => v.dataValutazione,
  mobilita: (v: ValutazioneRow) => v.mobilita,
  attivitaVitaQuotidiana: (v: ValutazioneRow) => v.attivitaVitaQuotidiana,
  disturbiAreaCognitiva: (v: ValutazioneRow) => v.disturbiAreaCognitiva,
  disturbiComportamentali: (v: ValutazioneRow) => v.disturbiComportamentali,
  necessitaCureSanitarie: (v: ValutazioneRow) => v.necessitaCureSanitarie,
  areaReddituale: (v: ValutazioneRow) => v.areaReddituale,
  areaSupporto: (v: ValutazioneRow) => v.areaSupporto,
  fonteDerivazioneValutazione: (v: ValutazioneRow) => v.fonteDerivazioneValutazione,
  strumentoValutazione: (v: ValutazioneRow) => v.strumentoValutazione,
  fonteDerivazioneInvalidita: (v: ValutazioneRow) => v.fonteDerivazioneInvalidita,
  necessitaInterventiSociali: (v: ValutazioneRow) => v.necessitaInterventiSociali,
  invaliditaCivile: (v: ValutazioneRow) => v.invaliditaCivile,
  codicePrestazione: (v: ValutazioneRow) => v.codicePrestazione,
  protocolloDomanda: (v: ValutazioneRow) => v.protocolloDomanda,
  codiceComuneResidenza: (v: ValutazioneRow) => v.codiceComuneResidenza,
  codiceRegioneResidenza: (v: ValutazioneRow) => v.codiceRegioneResidenza,
};
