import { readFileSync } from 'node:fs';

/** A fixture of this package's `test/fixtures` folder, as text. */
export function fixture(nome: string): string {
  return readFileSync(new URL(`./fixtures/${nome}`, import.meta.url), 'utf8');
}

/** The sample SIP flow shipped with the schema. */
export function esempioSip(): string {
  return readFileSync(new URL('../schemas/esempio-sip.xml', import.meta.url), 'utf8');
}

/** One benefit of `flussoPs`; attributes override the defaults. */
export function prestazione(attributi: Record<string, string> = {}, sina = ''): string {
  const a: Record<string, string> = {
    TipoOperazione: 'I',
    PresenzaProvaMezzi: '4',
    CaratterePrestazione: '2',
    CodicePrestazione: 'A1.09',
    DenominazionePrestazione: 'Telesoccorso e teleassistenza',
    ProtocolloDomanda: 'P-1',
    DataErogazionePrestazione: '2024-03-01',
    ImportoPrestazione: '120.00',
    PresaCarico: '2',
    ...attributi,
  };
  const attr = Object.entries(a)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return sina ? `    <PrestazioniSociali${attr}>\n${sina}\n    </PrestazioniSociali>\n` : `    <PrestazioniSociali${attr}/>\n`;
}

/** One beneficiary of `flussoPs` with its benefits. */
export function beneficiario(cf: string, prestazioni: string[], anagrafica: Record<string, string> = {}): string {
  const a: Record<string, string> = { Cognome: 'ROSSI', Nome: 'MARIA', AnnoNascita: '1950', LuogoNascita: 'H501', Genere: '2', CodiceCittadinanza: '380', ...anagrafica };
  const attr = Object.entries(a)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return (
    `  <Beneficiario CodiceFiscale="${cf}">\n    <Anagrafica${attr}/>\n` +
    `    <Indirizzo CodiceRegione="12" CodiceComune="058091" CodiceNazione="380"/>\n${prestazioni.join('')}  </Beneficiario>\n`
  );
}

/** A PS_PSA_SINA flow of Roma with these beneficiaries. */
export function flussoPs(beneficiari: string[], nome = 'H501.PS.20250310.0000001'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="http://inps.it/Casellario">\n` +
    `  <IdentificazioneFlusso Nome="${nome}">\n    <Ente Codice="H501" Denominazione="Comune di Roma" Indirizzo="H501" CFOperatore="RSSMRA80A01H501U"/>\n  </IdentificazioneFlusso>\n` +
    `${beneficiari.join('')}</Flusso>\n`
  );
}
