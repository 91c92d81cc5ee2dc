import { randomUUID } from 'node:crypto';
import { meseAnnoToDate } from '../domain/mese-anno';
import type { casoSinba } from './schema';

export type NewCasoSinba = typeof casoSinba.$inferInsert;

/**
 * The attributes of `SinbaType` other than `IDBeneficiario`, in XSD order, with
 * whether the XSD requires them. A case arrives as a map keyed by these names in
 * camelCase (the demo data set) or as the XML attributes themselves (flows).
 */
export const ATTRIBUTI_SINBA = {
  MinoreStranieroNoAcc: true,
  CondizioneMinore: true,
  LuogoVita: true,
  ScuolaFrequentata: true,
  CondizioneLavoro: true,
  Disabilita: true,
  TipoDisabilita: false,
  InvCivCertificazioni: false,
  CodiceCittadinanzaPadre: false,
  CodiceCittadinanzaMadre: false,
  CodiceRegioneResidenzaPadre: false,
  CodiceRegioneResidenzaMadre: false,
  TitoloStudioPadre: false,
  TitoloStudioMadre: false,
  OccupazionePadre: false,
  OccupazioneMadre: false,
  DataPrimaSegnalazione: true,
  FonteSegnalazione: true,
  ValutazioneMinore: true,
  ValutazioneFamigliaMinore: true,
  SegnalazioneAutoritaGiudiziaria: true,
  DataSegnalazione: false,
  ProvvedimentoGiudiziario: true,
  DataProvvedimentoGiudiziario: false,
  AutoritaProvvedimento: false,
  PotestaTutela: false,
  TipoProvvedimentoGiudiziario: false,
  FormaInterventoAffido: false,
  TipoInterventoAffido: false,
  DurataAffido: false,
  CarattereAffido: false,
  EsitoAffido: false,
  CarattereInserimentoResidenziale: false,
  FormaInserimentoResidenziale: false,
  TipoInserimentoResidenziale: false,
  EsitoInserimentoStruttura: false,
  MotivazioneChiusuraCarico: false,
  SituazioneChiusuraCarico: false,
  CollaborazioniInterventi: false,
  NumeroComponentiISEE: false,
  FasciaEtaBeneficiario: true,
  FasciaISEEBeneficiario: false,
  AnnoNascita: true,
  CodiceRegioneResidenza: false,
  CodiceNazioneResidenza: true,
} as const satisfies Record<string, boolean>;

export type AttributoSinba = keyof typeof ATTRIBUTI_SINBA;

/** A case as it arrives: the ente's local id, the two lists, and the attributes by name. */
export interface CasoSinbaInput {
  /** Internal id to keep (demo data); a new v4 UUID when absent. */
  id?: string;
  enteCodice: string;
  idBeneficiario: string;
  prestazioni: readonly string[];
  composizioneFamiglia: readonly string[];
  attributi: Readonly<Record<string, string>>;
}

/** The seat of the sending ente (ISTAT codes), as anagrafe knows it. */
export interface SedeEnte {
  codiceComune?: string | null;
  codiceRegione: string;
}

/**
 * Turns a case into its row. Attribute names are matched ignoring case, so that
 * `NumeroComponentiISEE`, `numeroComponentiISEE` and `numeroComponentiIsee` all
 * land in the same column; an unknown or missing required attribute is an error
 * (a typo must not silently drop data). `MM/AAAA` dates become the first of their
 * month.
 */
export function casoSinbaRow(caso: CasoSinbaInput, sede: SedeEnte): NewCasoSinba {
  const byName = new Map<string, string>();
  const known = new Map(Object.keys(ATTRIBUTI_SINBA).map((name) => [name.toLowerCase(), name as AttributoSinba]));
  for (const [key, value] of Object.entries(caso.attributi)) {
    const name = known.get(key.toLowerCase());
    if (!name) throw new Error(`Attributo SINBA sconosciuto: ${key}`);
    if (value !== '') byName.set(name, value);
  }
  const opt = (name: AttributoSinba): string | null => byName.get(name) ?? null;
  const req = (name: AttributoSinba): string => {
    const value = byName.get(name);
    if (value === undefined) throw new Error(`Attributo SINBA obbligatorio mancante: ${name} (IDBeneficiario ${caso.idBeneficiario})`);
    return value;
  };
  const mese = (value: string | null): string | null => (value === null ? null : meseAnnoToDate(value));
  const intero = (value: string | null): number | null => (value === null ? null : Number.parseInt(value, 10));

  return {
    id: caso.id ?? randomUUID(),
    enteCodice: caso.enteCodice,
    codiceComuneEnte: sede.codiceComune || null,
    codiceRegioneEnte: sede.codiceRegione,
    idBeneficiario: caso.idBeneficiario,
    minoreStranieroNoAcc: req('MinoreStranieroNoAcc'),
    condizioneMinore: req('CondizioneMinore'),
    luogoVita: req('LuogoVita'),
    scuolaFrequentata: req('ScuolaFrequentata'),
    condizioneLavoro: req('CondizioneLavoro'),
    disabilita: req('Disabilita'),
    tipoDisabilita: opt('TipoDisabilita'),
    invCivCertificazioni: opt('InvCivCertificazioni'),
    codiceCittadinanzaPadre: opt('CodiceCittadinanzaPadre'),
    codiceCittadinanzaMadre: opt('CodiceCittadinanzaMadre'),
    codiceRegioneResidenzaPadre: opt('CodiceRegioneResidenzaPadre'),
    codiceRegioneResidenzaMadre: opt('CodiceRegioneResidenzaMadre'),
    titoloStudioPadre: opt('TitoloStudioPadre'),
    titoloStudioMadre: opt('TitoloStudioMadre'),
    occupazionePadre: opt('OccupazionePadre'),
    occupazioneMadre: opt('OccupazioneMadre'),
    dataPrimaSegnalazione: meseAnnoToDate(req('DataPrimaSegnalazione')),
    fonteSegnalazione: req('FonteSegnalazione'),
    valutazioneMinore: req('ValutazioneMinore'),
    valutazioneFamigliaMinore: req('ValutazioneFamigliaMinore'),
    segnalazioneAutoritaGiudiziaria: req('SegnalazioneAutoritaGiudiziaria'),
    dataSegnalazione: mese(opt('DataSegnalazione')),
    provvedimentoGiudiziario: req('ProvvedimentoGiudiziario'),
    dataProvvedimentoGiudiziario: mese(opt('DataProvvedimentoGiudiziario')),
    autoritaProvvedimento: opt('AutoritaProvvedimento'),
    potestaTutela: opt('PotestaTutela'),
    tipoProvvedimentoGiudiziario: opt('TipoProvvedimentoGiudiziario'),
    formaInterventoAffido: opt('FormaInterventoAffido'),
    tipoInterventoAffido: opt('TipoInterventoAffido'),
    durataAffido: opt('DurataAffido'),
    carattereAffido: opt('CarattereAffido'),
    esitoAffido: opt('EsitoAffido'),
    carattereInserimentoResidenziale: opt('CarattereInserimentoResidenziale'),
    formaInserimentoResidenziale: opt('FormaInserimentoResidenziale'),
    tipoInserimentoResidenziale: opt('TipoInserimentoResidenziale'),
    esitoInserimentoStruttura: opt('EsitoInserimentoStruttura'),
    motivazioneChiusuraCarico: opt('MotivazioneChiusuraCarico'),
    situazioneChiusuraCarico: opt('SituazioneChiusuraCarico'),
    collaborazioniInterventi: opt('CollaborazioniInterventi'),
    numeroComponentiIsee: intero(opt('NumeroComponentiISEE')),
    fasciaEtaBeneficiario: req('FasciaEtaBeneficiario'),
    fasciaIseeBeneficiario: opt('FasciaISEEBeneficiario'),
    annoNascita: Number.parseInt(req('AnnoNascita'), 10),
    codiceRegioneResidenza: opt('CodiceRegioneResidenza'),
    codiceNazioneResidenza: req('CodiceNazioneResidenza'),
    prestazioni: [...caso.prestazioni],
    composizioneFamiglia: [...caso.composizioneFamiglia],
  };
}
