import { generateDataset } from '@casellario/demo-data';
import { describe, expect, it } from 'vitest';
import { leggiRecords, scriviFlussiPsPsaSina, scriviFlussiSinba, scriviFlussiSip, type FlussoLetto, type TipoFlusso } from '../src/index';
import { beneficiario, esempioSip, fixture, flussoPs, prestazione } from './aiuti';

/** Both tokenizers must read the same records, positions and top-level map. */
function confronta<T extends TipoFlusso>(testo: string, tipo: T): FlussoLetto<T> {
  const rapido = leggiRecords(testo, tipo);
  const saxes = leggiRecords(testo, tipo, { motore: 'saxes' });
  expect(rapido).toEqual(saxes);
  return rapido;
}

describe('the fast tokenizer reads what saxes reads', () => {
  it('on the INPS samples and the SIP sample', () => {
    expect(confronta(fixture('inps-ps-psa-sina.xml'), 'PS_PSA_SINA').numeroRecord).toBe(3);
    expect(confronta(fixture('inps-sinba.xml'), 'SINBA').numeroRecord).toBe(1);
    expect(confronta(esempioSip(), 'SIP').numeroRecord).toBe(3);
  });

  it('on the flows written from a data set', () => {
    const ds = generateDataset({ persone: 400, seed: 3 });
    for (const f of scriviFlussiPsPsaSina(ds, { data: '2025-03-10' })) confronta(f.contenuto, 'PS_PSA_SINA');
    for (const f of scriviFlussiSinba(ds, { data: '2025-03-10' })) confronta(f.contenuto, 'SINBA');
    for (const f of scriviFlussiSip(ds, { data: '2025-03-10' })) confronta(f.contenuto, 'SIP');
  });

  it('on the corners of XML: references, CDATA, comments, PIs, quotes, whitespace, CRLF, prefixes', () => {
    const testo = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
      '<!-- a comment before the root, with <Beneficiario> inside -->\r\n',
      '<?pi before root?>\r\n',
      "<c:Flusso xmlns:c='http://inps.it/Casellario' xmlns:x=\"urn:altro\">\r\n",
      '  <c:IdentificazioneFlusso Nome = "H501.PS.20250310.0000001" >\r\n',
      '    <c:Ente Codice="H501" Denominazione="Comune &amp; Città di Roma &#x2014; &#8364;" Indirizzo="H501" CFOperatore="RSSMRA80A01H501U"/>\r\n',
      '  </c:IdentificazioneFlusso>\r\n',
      '  <c:Beneficiario\r\n      CodiceFiscale="RSSMRA80A01H501U">\r\n',
      "    <c:Anagrafica Cognome='D&apos;ANGELO' Nome=\"ANNA&#10;MARIA\tLUISA\r\nX\" AnnoNascita=\"1950\" LuogoNascita=\"H501\" Genere=\"2\" CodiceCittadinanza=\"380\"/>\r\n",
      '    <x:Estraneo><c:Indirizzo CodiceNazione="999"/></x:Estraneo>\r\n',
      '    <c:Indirizzo CodiceRegione="12" CodiceComune="058091" CodiceNazione="380"/>\r\n',
      '    <!-- <c:PrestazioniSociali> in a comment is not a benefit -->\r\n',
      '    <c:PrestazioniSociali PresenzaProvaMezzi="4" CodicePrestazione="A1.09" DenominazionePrestazione="Telesoccorso &lt;24h&gt; &quot;base&quot;" ProtocolloDomanda="a>b" PresaCarico="2">\r\n',
      '      <?pi inside?>\r\n',
      '      <c:SINA Mobilita="1" AttivitaVitaQuotidiana="1" DisturbiComportamentali="1" AreaReddituale="1" AreaSupporto="1" FonteDerivazioneValutazione="1" StrumentoValutazione="1">\r\n',
      '        <c:NecessitaInterventiSociali><c:CodicePrestazione><![CDATA[A2.<17>]]>&amp;x</c:CodicePrestazione><c:CodicePrestazione>\r\n A1.01\r\n</c:CodicePrestazione></c:NecessitaInterventiSociali>\r\n',
      '      </c:SINA>\r\n',
      '    </c:PrestazioniSociali>\r\n',
      '  </c:Beneficiario>\r\n',
      '  <Beneficiario xmlns="urn:altro" CodiceFiscale="XXXXXX00X00X000X"><PrestazioniSociali/></Beneficiario>\r\n',
      '</c:Flusso>\r\n',
      '<!-- trailing -->',
    ].join('');
    const letto = confronta(testo, 'PS_PSA_SINA');
    expect(letto.intestazione).toEqual({
      nome: 'H501.PS.20250310.0000001',
      ente: { codice: 'H501', denominazione: 'Comune & Città di Roma — €', indirizzo: 'H501', cfOperatore: 'RSSMRA80A01H501U' },
    });
    const b = letto.records[0];
    expect(letto.records).toHaveLength(1);
    expect(b?.posizione).toEqual({ numero: 1, riga: 8 });
    expect([b?.anagrafica.cognome, b?.anagrafica.nome]).toEqual(["D'ANGELO", 'ANNA\nMARIA LUISA X']);
    // The Indirizzo inside a foreign element is not read.
    expect(b?.indirizzi).toEqual([{ codiceRegione: '12', codiceComune: '058091', codiceNazione: '380' }]);
    expect(b?.prestazioni.map((p) => [p.posizione, p.denominazionePrestazione, p.protocolloDomanda, p.sina?.necessitaInterventiSociali])).toEqual([
      [{ numero: 1, riga: 15 }, 'Telesoccorso <24h> "base"', 'a>b', ['A2.<17>&x', '\n A1.01\n']],
    ]);
    // The map of the top level: a foreign-namespace Beneficiario carries no record.
    expect(letto.nodi.map((n) => [n.qname, n.riga, n.rigaFine, n.records, n.figli])).toEqual([
      ['c:IdentificazioneFlusso', 5, 7, [], undefined],
      ['c:Beneficiario', 8, 23, [1], { qname: ['c:Anagrafica', 'x:Estraneo', 'c:Indirizzo', 'c:PrestazioniSociali'], record: [0, 0, 0, 1] }],
      ['Beneficiario', 24, 24, [], undefined],
    ]);
    expect(letto.nodi.map((n) => testo.slice(n.inizio, n.inizio + 16))).toEqual(['<c:Identificazio', '<c:Beneficiario\r', '<Beneficiario xm']);
  });

  it('on a flow written on one line, and with tabs between attributes', () => {
    const testo = flussoPs([beneficiario('RSSMRA80A01H501U', [prestazione(), prestazione({ ProtocolloDomanda: 'P-2' })])])
      .replace(/\n\s*/g, '')
      .replaceAll(' Codice', '\tCodice');
    const letto = confronta(testo, 'PS_PSA_SINA');
    expect(letto.records[0]?.prestazioni.map((p) => [p.posizione, p.codicePrestazione])).toEqual([
      [{ numero: 1, riga: 1 }, 'A1.09'],
      [{ numero: 2, riga: 1 }, 'A1.09'],
    ]);
  });

  it('stops, rather than loops, on text that is not XML', () => {
    for (const rotto of ['<Flusso xmlns="http://inps.it/Casellario"><IdentificazioneFlusso Nome="x', '<Flusso a=b>', '<Flusso><!DOCTYPE x></Flusso>', '<>']) {
      expect(() => leggiRecords(rotto, 'PS_PSA_SINA')).toThrow();
      expect(() => leggiRecords(rotto, 'PS_PSA_SINA', { motore: 'saxes' })).toThrow();
    }
  });
});
