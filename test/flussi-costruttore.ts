import { buildCodiceFiscale } from '@casellario/domain';

/** One benefit of a built PS_PSA_SINA flow: what a test varies, the rest valid and coherent. */
export interface PrestazioneSpec {
  op?: 'I' | 'C';
  codice?: string;
  protocollo: string;
  /** 1 and 3 go to prestazioni-agevolate, 2 and 4 to prestazioni-sociali. */
  ppm: '1' | '2' | '3' | '4';
  /** Periodic (1, keyed on DataInizioPrestazione) or one-off (2, keyed on DataErogazionePrestazione). */
  carattere?: '1' | '2';
  data: string;
  /** A one-off benefit may also carry a start date. */
  dataInizio?: string;
  /** ImportoMensile (periodic) or ImportoPrestazione (one-off), in cents; the ente pays it all. */
  importoCent?: number;
  /** Raw attributes replacing the built ones (schema faults). */
  extra?: Record<string, string>;
}

export interface BeneficiarioSpec {
  cf: string;
  cognome: string;
  nome: string;
  anno: string;
  genere: '1' | '2';
  luogo: string;
  prestazioni: PrestazioneSpec[];
}

/** A person whose codice fiscale is valid and coherent with the anagrafica (born on the 10th of March, in Rome). */
export function persona(cognome: string, nome: string, anno = 1980, genere: '1' | '2' = '1'): Omit<BeneficiarioSpec, 'prestazioni'> {
  const cf = buildCodiceFiscale({ cognome, nome, annoNascita: anno, mese: 3, giorno: 10, genere, belfiore: 'H501' });
  return { cf, cognome, nome, anno: String(anno), genere, luogo: 'H501' };
}

/** The same codice fiscale with a wrong check character. */
export function controlloErrato(cf: string): string {
  const last = cf.charAt(15);
  return cf.slice(0, 15) + (last === 'A' ? 'B' : 'A');
}

const euro = (cent: number) => (cent / 100).toFixed(2);

function attributiPrestazione(p: PrestazioneSpec): Record<string, string> {
  const importo = p.importoCent ?? 10_000;
  const comuni = {
    TipoOperazione: p.op ?? 'I',
    CodicePrestazione: p.codice ?? 'A1.16',
    DenominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
    ProtocolloDomanda: p.protocollo,
    PresenzaProvaMezzi: p.ppm,
    PresaCarico: '1',
    AreaUtenza: '2',
    DataEvento: '2024-01-10',
    ImportoQuotaEnte: euro(importo),
    ImportoQuotaUtente: '0.00',
    ImportoQuotaRichiesta: euro(importo),
    ImportoSogliaISEE: '17000.00',
  };
  const specifici: Record<string, string> =
    (p.carattere ?? '1') === '1'
      ? { CaratterePrestazione: '1', DataInizioPrestazione: p.data, ImportoMensile: euro(importo), PeriodoErogazione: '1' }
      : { CaratterePrestazione: '2', DataErogazionePrestazione: p.data, ImportoPrestazione: euro(importo), ...(p.dataInizio ? { DataInizioPrestazione: p.dataInizio } : {}) };
  return { ...comuni, ...specifici, ...(p.extra ?? {}) };
}

const attr = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');

/** A PS_PSA_SINA flow of an ente (a comune: its Belfiore code) with these beneficiaries, resident in Rome. */
export function flussoPs(nome: string, ente: string, beneficiari: BeneficiarioSpec[]): string {
  return [
    '<Flusso xmlns="http://inps.it/Casellario">',
    `<IdentificazioneFlusso Nome="${nome}">`,
    `<Ente Denominazione="Comune di prova" Codice="${ente}" CFOperatore="CCCDDD25A42H199E" Indirizzo="${ente}"/>`,
    '</IdentificazioneFlusso>',
    ...beneficiari.flatMap((b) => [
      `<Beneficiario CodiceFiscale="${b.cf}">`,
      `<Anagrafica ${attr({ AnnoNascita: b.anno, Genere: b.genere, CodiceCittadinanza: '380', Nome: b.nome, LuogoNascita: b.luogo, Cognome: b.cognome })}/>`,
      // Rome; Lazio is 08 in the specification's DM1986 coding (12 in ISTAT's).
      '<Indirizzo CodiceComune="058091" CodiceNazione="380" CodiceRegione="08"/>',
      ...b.prestazioni.map((p) => `<PrestazioniSociali ${attr(attributiPrestazione(p))}/>`),
      '</Beneficiario>',
    ]),
    '</Flusso>',
  ].join('\n');
}
