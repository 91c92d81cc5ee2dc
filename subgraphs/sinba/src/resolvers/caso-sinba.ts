import { SI } from '../domain/codici';
import type { SinbaContext } from '../context';
import type { CasoSinbaRow } from '../db/queries';

const siNo = (code: string): boolean => code === SI;
const anyPresent = (...values: Array<unknown>): boolean => values.some((v) => v !== null && v !== undefined);

/** A case is closed once the ente sent why (or how) the presa in carico ended; same rule as `casoChiusoSql`. */
function isChiuso(c: CasoSinbaRow): boolean {
  return anyPresent(c.motivazioneChiusuraCarico, c.situazioneChiusuraCarico);
}

/**
 * Resolvers receive the row. Enum fields return the stored code: the schema's enum
 * resolvers (domain/codici) turn it into the name. Only `id` is presented
 * differently per purpose; the nested value types are views of the same row.
 */
export const CasoSinba = {
  async __resolveReference(reference: { id: string }, ctx: SinbaContext): Promise<CasoSinbaRow | null> {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? ctx.loaders.caso.load(internalId) : null;
  },
  id: (c: CasoSinbaRow, _: unknown, ctx: SinbaContext) => ctx.codec.present(c.id, ctx.viewer),
  idBeneficiario: (c: CasoSinbaRow) => c.idBeneficiario,
  enteErogatore: (c: CasoSinbaRow) => ({ codice: c.enteCodice }),
  codiceComuneEnte: (c: CasoSinbaRow) => c.codiceComuneEnte,
  codiceRegioneEnte: (c: CasoSinbaRow) => c.codiceRegioneEnte,
  minore: (c: CasoSinbaRow) => c,
  famiglia: (c: CasoSinbaRow) => c,
  composizioneFamiglia: (c: CasoSinbaRow) => c.composizioneFamiglia,
  condizioneEconomica: (c: CasoSinbaRow) => c,
  segnalazione: (c: CasoSinbaRow) => c,
  valutazione: (c: CasoSinbaRow) => c,
  provvedimentoGiudiziario: (c: CasoSinbaRow) => c,
  affido: (c: CasoSinbaRow) =>
    anyPresent(c.formaInterventoAffido, c.tipoInterventoAffido, c.durataAffido, c.carattereAffido, c.esitoAffido) ? c : null,
  inserimentoResidenziale: (c: CasoSinbaRow) =>
    anyPresent(c.carattereInserimentoResidenziale, c.formaInserimentoResidenziale, c.tipoInserimentoResidenziale, c.esitoInserimentoStruttura)
      ? c
      : null,
  collaborazioniInterventi: (c: CasoSinbaRow) => c.collaborazioniInterventi,
  chiuso: (c: CasoSinbaRow) => isChiuso(c),
  chiusura: (c: CasoSinbaRow) => (isChiuso(c) ? c : null),
  prestazioni: (c: CasoSinbaRow) => c.prestazioni,
  annullata: (c: CasoSinbaRow) => c.annullata,
};

/** The stub the gateway joins to anagrafe's `Ente`. */
export const Ente = {
  codice: (e: { codice: string }) => e.codice,
};

export const MinoreSinba = {
  annoNascita: (c: CasoSinbaRow) => c.annoNascita,
  fasciaEta: (c: CasoSinbaRow) => c.fasciaEtaBeneficiario,
  minoreStranieroNonAccompagnato: (c: CasoSinbaRow) => siNo(c.minoreStranieroNoAcc),
  condizione: (c: CasoSinbaRow) => c.condizioneMinore,
  luogoVita: (c: CasoSinbaRow) => c.luogoVita,
  scuolaFrequentata: (c: CasoSinbaRow) => c.scuolaFrequentata,
  condizioneLavoro: (c: CasoSinbaRow) => c.condizioneLavoro,
  disabilita: (c: CasoSinbaRow) => siNo(c.disabilita),
  tipoDisabilita: (c: CasoSinbaRow) => c.tipoDisabilita,
  certificazioneInvalidita: (c: CasoSinbaRow) => c.invCivCertificazioni,
  codiceRegioneResidenza: (c: CasoSinbaRow) => c.codiceRegioneResidenza,
  codiceNazioneResidenza: (c: CasoSinbaRow) => c.codiceNazioneResidenza,
};

interface Genitore {
  codiceCittadinanza: string | null;
  codiceRegioneResidenza: string | null;
  titoloStudio: string | null;
  occupazione: string | null;
}

export const FamigliaSinba = {
  padre: (c: CasoSinbaRow): Genitore => ({
    codiceCittadinanza: c.codiceCittadinanzaPadre,
    codiceRegioneResidenza: c.codiceRegioneResidenzaPadre,
    titoloStudio: c.titoloStudioPadre,
    occupazione: c.occupazionePadre,
  }),
  madre: (c: CasoSinbaRow): Genitore => ({
    codiceCittadinanza: c.codiceCittadinanzaMadre,
    codiceRegioneResidenza: c.codiceRegioneResidenzaMadre,
    titoloStudio: c.titoloStudioMadre,
    occupazione: c.occupazioneMadre,
  }),
};

export const GenitoreSinba = {
  codiceCittadinanza: (g: Genitore) => g.codiceCittadinanza,
  codiceRegioneResidenza: (g: Genitore) => g.codiceRegioneResidenza,
  titoloStudio: (g: Genitore) => g.titoloStudio,
  occupazione: (g: Genitore) => g.occupazione,
};

export const CondizioneEconomicaSinba = {
  numeroComponentiIsee: (c: CasoSinbaRow) => c.numeroComponentiIsee,
  fasciaIsee: (c: CasoSinbaRow) => c.fasciaIseeBeneficiario,
};

export const SegnalazioneSinba = {
  dataPrimaSegnalazione: (c: CasoSinbaRow) => c.dataPrimaSegnalazione,
  fonte: (c: CasoSinbaRow) => c.fonteSegnalazione,
  segnalazioneAutoritaGiudiziaria: (c: CasoSinbaRow) => siNo(c.segnalazioneAutoritaGiudiziaria),
  dataSegnalazioneAutoritaGiudiziaria: (c: CasoSinbaRow) => c.dataSegnalazione,
};

export const ValutazioneSinba = {
  minore: (c: CasoSinbaRow) => c.valutazioneMinore,
  famiglia: (c: CasoSinbaRow) => c.valutazioneFamigliaMinore,
};

export const ProvvedimentoGiudiziarioSinba = {
  presente: (c: CasoSinbaRow) => siNo(c.provvedimentoGiudiziario),
  data: (c: CasoSinbaRow) => c.dataProvvedimentoGiudiziario,
  autorita: (c: CasoSinbaRow) => c.autoritaProvvedimento,
  potestaTutela: (c: CasoSinbaRow) => c.potestaTutela,
  tipo: (c: CasoSinbaRow) => c.tipoProvvedimentoGiudiziario,
};

export const AffidoSinba = {
  forma: (c: CasoSinbaRow) => c.formaInterventoAffido,
  tipo: (c: CasoSinbaRow) => c.tipoInterventoAffido,
  durata: (c: CasoSinbaRow) => c.durataAffido,
  carattere: (c: CasoSinbaRow) => c.carattereAffido,
  esito: (c: CasoSinbaRow) => c.esitoAffido,
};

export const InserimentoResidenzialeSinba = {
  carattere: (c: CasoSinbaRow) => c.carattereInserimentoResidenziale,
  forma: (c: CasoSinbaRow) => c.formaInserimentoResidenziale,
  tipo: (c: CasoSinbaRow) => c.tipoInserimentoResidenziale,
  esito: (c: CasoSinbaRow) => c.esitoInserimentoStruttura,
};

export const ChiusuraSinba = {
  motivazione: (c: CasoSinbaRow) => c.motivazioneChiusuraCarico,
  situazione: (c: CasoSinbaRow) => c.situazioneChiusuraCarico,
};
