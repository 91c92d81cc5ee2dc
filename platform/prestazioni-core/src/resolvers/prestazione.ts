import type { PrestazioniContext } from '../context';
import type { PrestazioneRow } from '../db/tables';
import { presaInCarico, toAmount } from '../domain/codici';
import { denominazioneDifforme, denominazioneUfficiale } from '../domain/etichette';

/**
 * Field resolvers of a benefit entity (`PrestazioneAgevolata`, `PrestazioneSociale`).
 * Enumerations return the stored code: the schema's enum resolvers show the name.
 * The id is presented like a person id (internal for gestione and controllo, a keyed
 * pseudonym for programmazione and monitoraggio), since it points at a person's record.
 */
export function prestazioneResolvers<C extends PrestazioniContext>() {
  return {
    async __resolveReference(reference: { id: string }, ctx: C): Promise<PrestazioneRow | null> {
      const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
      return internalId ? ctx.loaders.prestazione.load(internalId) : null;
    },
    id: (p: PrestazioneRow, _: unknown, ctx: C) => ctx.codec.present(p.id, ctx.viewer),
    persona: (p: PrestazioneRow) => ({ id: p.personaId }),
    enteErogatore: (p: PrestazioneRow) => ({ codice: p.enteCodice }),
    presenzaProvaMezzi: (p: PrestazioneRow) => p.presenzaProvaMezzi,
    caratterePrestazione: (p: PrestazioneRow) => p.caratterePrestazione,
    codicePrestazione: (p: PrestazioneRow) => p.codicePrestazione,
    // The stored column keeps the ente's text; every purpose reads the official name.
    denominazionePrestazione: (p: PrestazioneRow) => denominazioneUfficiale(p.codicePrestazione),
    denominazioneEnte: (p: PrestazioneRow) => p.denominazionePrestazione,
    denominazioneDifforme: (p: PrestazioneRow) => denominazioneDifforme(p.codicePrestazione, p.denominazionePrestazione),
    protocolloDomanda: (p: PrestazioneRow) => p.protocolloDomanda,
    dataEvento: (p: PrestazioneRow) => p.dataEvento,
    dataInizio: (p: PrestazioneRow) => p.dataInizio,
    dataFine: (p: PrestazioneRow) => p.dataFine,
    dataErogazione: (p: PrestazioneRow) => p.dataErogazione,
    importoPrestazione: (p: PrestazioneRow) => toAmount(p.importoPrestazione),
    periodoErogazione: (p: PrestazioneRow) => p.periodoErogazione,
    importoMensile: (p: PrestazioneRow) => toAmount(p.importoMensile),
    importoQuotaEnte: (p: PrestazioneRow) => toAmount(p.importoQuotaEnte),
    importoQuotaUtente: (p: PrestazioneRow) => toAmount(p.importoQuotaUtente),
    importoQuotaSsn: (p: PrestazioneRow) => toAmount(p.importoQuotaSsn),
    importoQuotaRichiesta: (p: PrestazioneRow) => toAmount(p.importoQuotaRichiesta),
    importoSogliaIsee: (p: PrestazioneRow) => toAmount(p.importoSogliaIsee),
    oreServizioMensile: (p: PrestazioneRow) => toAmount(p.oreServizioMensile),
    presaInCarico: (p: PrestazioneRow) => presaInCarico(p.presaCarico),
    areaUtenza: (p: PrestazioneRow) => p.areaUtenza,
    numeroProtocolloDsu: (p: PrestazioneRow) => p.numeroProtocolloDsu,
    annoProtocolloDsu: (p: PrestazioneRow) => p.annoProtocolloDsu,
    dataDsu: (p: PrestazioneRow) => p.dataDsu,
    codiceComuneResidenza: (p: PrestazioneRow) => p.codiceComuneResidenza,
    codiceRegioneResidenza: (p: PrestazioneRow) => p.codiceRegioneResidenza,
    annullata: (p: PrestazioneRow) => p.annullata,
  };
}
