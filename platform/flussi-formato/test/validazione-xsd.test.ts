import { afterAll, describe, expect, it } from 'vitest';
import { chiudiPoolCondiviso, PoolValidazione, traduciMessaggioXsd, validaXsd } from '../src/index';
import { tipiBaseDaSchema } from '../src/messaggi-xsd';
import { testoSchema } from '../src/schemi';
import { beneficiario, esempioSip, fixture, flussoPs, prestazione } from './aiuti';

const pool = new PoolValidazione(2);
afterAll(async () => {
  await pool.chiudi();
  await chiudiPoolCondiviso();
});

const ps = fixture('inps-ps-psa-sina.xml');

/** Validates in this thread and returns code, line, message of each error. */
async function errori(testo: string, tipo: 'PS_PSA_SINA' | 'SINBA' | 'SIP' = 'PS_PSA_SINA'): Promise<Array<[string, number, string]>> {
  const v = await validaXsd(testo, tipo);
  return v.errori.map((e) => [e.codice, e.riga, e.messaggio]);
}

describe('XSD validation with libxml2, against the schema files themselves', () => {
  it('catches a value outside an enumeration', async () => {
    expect(await errori(ps.replace('PresaCarico="2"', 'PresaCarico="7"'))).toEqual([
      ['XSD_VALORE_NON_AMMESSO', 27, "Elemento PrestazioniSociali, attributo PresaCarico: il valore «7» non è ammesso: i valori ammessi sono 1, 2."],
    ]);
  });

  it('catches a pattern mismatch', async () => {
    expect(await errori(ps.replace('AnnoNascita="1939"', 'AnnoNascita="39"'))).toEqual([
      ['XSD_FORMATO_NON_VALIDO', 6, 'Elemento Anagrafica, attributo AnnoNascita: il valore «39» non ha il formato richiesto (([0-9]{4})).'],
    ]);
  });

  it('catches a value shorter than minLength and longer than maxLength', async () => {
    expect(await errori(ps.replace('ProtocolloDomanda="test"', 'ProtocolloDomanda=""'))).toEqual([
      ['XSD_LUNGHEZZA_NON_VALIDA', 27, 'Elemento PrestazioniSociali, attributo ProtocolloDomanda: il valore «» è troppo corto (0 caratteri, minimo 1).'],
    ]);
    expect(await errori(ps.replace('Nome="H501.PS.20210520.0000002"', `Nome="${'X'.repeat(51)}"`))).toEqual([
      ['XSD_LUNGHEZZA_NON_VALIDA', 2, `Elemento IdentificazioneFlusso, attributo Nome: il valore «${'X'.repeat(51)}» è troppo lungo (51 caratteri, massimo 50).`],
    ]);
  });

  it('catches a missing required attribute', async () => {
    expect(await errori(ps.replace(' PresenzaProvaMezzi="2" OreServizioMensile="2.59"> </PrestazioniSociali>', ' OreServizioMensile="2.59"> </PrestazioniSociali>'))).toEqual([
      ['XSD_ATTRIBUTO_MANCANTE', 27, "Elemento PrestazioniSociali: manca l'attributo obbligatorio PresenzaProvaMezzi."],
    ]);
  });

  it('catches elements in the wrong order', async () => {
    const scambiati = ps.replace(/(<Anagrafica[^>]*>)\n(<Indirizzo[^>]*>)/, '$2\n$1');
    expect(await errori(scambiati)).toEqual([
      ['XSD_ELEMENTO_NON_PREVISTO', 6, 'Elemento Indirizzo: elemento non previsto in questa posizione: era atteso «Anagrafica».'],
    ]);
  });

  it('catches bad dates and decimals, saying what was expected', async () => {
    expect(await errori(ps.replace('DataEvento="2020-10-13" ImportoMensile', 'DataEvento="13/10/2020" ImportoMensile').replace('ImportoQuotaEnte="52.54"', 'ImportoQuotaEnte="52,54"'))).toEqual([
      ['XSD_TIPO_NON_VALIDO', 8, 'Elemento PrestazioniSociali, attributo DataEvento: il valore «13/10/2020» non è valido: è richiesto una data nel formato AAAA-MM-GG.'],
      ['XSD_TIPO_NON_VALIDO', 8, 'Elemento PrestazioniSociali, attributo ImportoQuotaEnte: il valore «52,54» non è valido: è richiesto un numero con il punto come separatore decimale (es. 1234.56).'],
    ]);
  });

  it('catches an attribute the schema does not declare and a missing child element', async () => {
    expect(await errori(ps.replace('<Anagrafica ', '<Anagrafica Foo="x" '))).toEqual([
      ['XSD_ATTRIBUTO_NON_PREVISTO', 6, "Elemento Anagrafica, attributo Foo: l'attributo Foo non è previsto."],
    ]);
    const senzaIndirizzo = ps.replace(/<Indirizzo[^>]*>\n/, '');
    expect(await errori(senzaIndirizzo)).toEqual([
      ['XSD_ELEMENTO_NON_PREVISTO', 7, 'Elemento PrestazioniSociali: elemento non previsto in questa posizione: era atteso «Indirizzo».'],
    ]);
  });

  it('catches duplicates and bad codes in our SIP schema', async () => {
    const sip = esempioSip();
    expect(await errori(sip.replace('Codice="SITUAZIONE_ECONOMICA"', 'Codice="FUNZIONAMENTO_PERSONALE"').replace('<Sostegno>TIROCINIO_INCLUSIONE</Sostegno>', '<Sostegno>Tirocinio</Sostegno>'), 'SIP')).toEqual([
      ['XSD_VALORE_RIPETUTO', 24, 'Elemento Dimensione: il valore «FUNZIONAMENTO_PERSONALE» è ripetuto.'],
      ['XSD_FORMATO_NON_VALIDO', 42, 'Elemento Sostegno: il valore «Tirocinio» non ha il formato richiesto ([A-Z][A-Z0-9_]{0,39}).'],
    ]);
    expect(await errori(sip.replace(/<Dimensioni>[\s\S]*<\/Dimensioni>/, '<Dimensioni/>'), 'SIP')).toEqual([
      ['XSD_ELEMENTO_MANCANTE', 22, "Elemento Dimensioni: manca l'elemento «Dimensione»."],
    ]);
    expect(await errori(sip.replace('AttivabileLavoro="false"', 'AttivabileLavoro="0"'), 'SIP')).toEqual([
      ['XSD_FORMATO_NON_VALIDO', 13, 'Elemento Componente, attributo AttivabileLavoro: il valore «0» non ha il formato richiesto (true|false).'],
    ]);
  });

  it("holds each SIP household member's Anagrafica to the official AnagraficaType", async () => {
    const sip = esempioSip();
    const senza = sip.replace(/(<Componente CodiceFiscale="BNCMRC70A30F839G"[^>]*)>\s*<Anagrafica[^>]*\/>\s*<\/Componente>/, '$1/>');
    expect(senza).not.toBe(sip);
    expect(await errori(senza, 'SIP')).toEqual([['XSD_ELEMENTO_MANCANTE', 60, "Elemento Componente: manca l'elemento «Anagrafica»."]]);
    const sbagliata = sip
      .replace('Nome="LUCA" AnnoNascita="1982"', 'Nome="LUCA" AnnoNascita="82"')
      .replace('Genere="2" CodiceCittadinanza="380" CodiceSecondaCittadinanza="642"', 'Genere="F" CodiceCittadinanza="380" CodiceSecondaCittadinanza="642"')
      .replace('Cognome="BIANCO"', `Cognome="${'B'.repeat(37)}"`);
    expect(await errori(sbagliata, 'SIP')).toEqual([
      ['XSD_FORMATO_NON_VALIDO', 14, 'Elemento Anagrafica, attributo AnnoNascita: il valore «82» non ha il formato richiesto (([0-9]{4})).'],
      ['XSD_VALORE_NON_AMMESSO', 17, 'Elemento Anagrafica, attributo Genere: il valore «F» non è ammesso: i valori ammessi sono 1, 2.'],
      ['XSD_LUNGHEZZA_NON_VALIDA', 61, `Elemento Anagrafica, attributo Cognome: il valore «${'B'.repeat(37)}» è troppo lungo (37 caratteri, massimo 36).`],
    ]);
  });

  it('returns every error, each with the original text kept beside the translation', async () => {
    const v = await validaXsd(ps.replaceAll('PresaCarico="1"', 'PresaCarico="X"').replace('Genere="2"', 'Genere="F"'), 'PS_PSA_SINA');
    expect(v.errori.map((e) => [e.riga, e.elemento, e.attributo, e.valore])).toEqual([
      [6, 'Anagrafica', 'Genere', 'F'],
      [8, 'PrestazioniSociali', 'PresaCarico', 'X'],
      [20, 'PrestazioniSociali', 'PresaCarico', 'X'],
    ]);
    expect(v.errori[0]?.originale).toBe("Element '{http://inps.it/Casellario}Anagrafica', attribute 'Genere': [facet 'enumeration'] The value 'F' is not an element of the set {'1', '2'}.");
  });

  it('gives the same errors, on the same lines, when a big flow is validated in parts by the workers', async () => {
    const beneficiari = Array.from({ length: 40 }, (_, i) =>
      beneficiario(
        'RSSMRA80A01H501U',
        [prestazione({ ProtocolloDomanda: `P-${i}-1`, PresaCarico: i % 7 === 3 ? '9' : '2' }), prestazione({ ProtocolloDomanda: `P-${i}-2` })],
        i % 11 === 5 ? { Genere: 'X' } : {},
      ),
    );
    const testo = flussoPs(beneficiari, 'X'.repeat(60));
    const intero = await validaXsd(testo, 'PS_PSA_SINA');
    const aParti = await validaXsd(testo, 'PS_PSA_SINA', { pool, sogliaParallelo: 0, dimensioneParte: 1500 });
    expect(aParti.parti).toBeGreaterThan(5);
    const righe = (v: typeof intero) => v.errori.map((e) => [e.riga, e.codice, e.attributo]);
    expect(righe(aParti)).toEqual(righe(intero));
    // Header on lines 1–5, then six lines per beneficiary: Anagrafica on +1, first benefit on +3.
    expect(righe(intero)).toEqual([
      [3, 'XSD_LUNGHEZZA_NON_VALIDA', 'Nome'],
      [27, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
      [37, 'XSD_VALORE_NON_AMMESSO', 'Genere'],
      [69, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
      [103, 'XSD_VALORE_NON_AMMESSO', 'Genere'],
      [111, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
      [153, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
      [169, 'XSD_VALORE_NON_AMMESSO', 'Genere'],
      [195, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
      [235, 'XSD_VALORE_NON_AMMESSO', 'Genere'],
      [237, 'XSD_VALORE_NON_AMMESSO', 'PresaCarico'],
    ]);
  });

  it('finds a break of well-formedness in one part with its exact line, validating the whole', async () => {
    const beneficiari = Array.from({ length: 30 }, (_, i) => beneficiario('RSSMRA80A01H501U', [prestazione({ ProtocolloDomanda: `P-${i}` })]));
    const rotto = flussoPs(beneficiari).replace('ProtocolloDomanda="P-17"', 'ProtocolloDomanda="P-17" ProtocolloDomanda="P-17"');
    const v = await validaXsd(rotto, 'PS_PSA_SINA', { pool, sogliaParallelo: 0, dimensioneParte: 1000 });
    // Five lines per beneficiary after the five of the header: benefit 18 is on line 94; libxml2 points at the end of its tag.
    expect(v.malformato).toEqual({ codice: 'XML_MALFORMATO', messaggio: 'l’attributo ProtocolloDomanda è ripetuto', riga: 94, colonna: 307, originale: 'Attribute ProtocolloDomanda redefined' });
    expect(v.errori).toEqual([]);
  });

  it('keeps going on a flow with an error in every record', async () => {
    const beneficiari = Array.from({ length: 300 }, (_, i) => beneficiario('RSSMRA80A01H501U', [prestazione({ ProtocolloDomanda: `P-${i}`, AreaUtenza: '0' })]));
    const v = await validaXsd(flussoPs(beneficiari), 'PS_PSA_SINA', { pool, sogliaParallelo: 0, dimensioneParte: 4000 });
    expect(v.errori).toHaveLength(300);
    expect(new Set(v.errori.map((e) => e.codice))).toEqual(new Set(['XSD_VALORE_NON_AMMESSO']));
    const troncati = await validaXsd(flussoPs(beneficiari), 'PS_PSA_SINA', { massimoErrori: 10 });
    expect([troncati.errori.length, troncati.troncato]).toEqual([10, true]);
  });
});

describe('messages in Italian', () => {
  const tipi = tipiBaseDaSchema(testoSchema('PS_PSA_SINA'));

  it('knows the base type of each attribute from the schema text', () => {
    expect([tipi.get('DataDSU'), tipi.get('ImportoPrestazione'), tipi.get('PeriodoErogazione'), tipi.get('CodiceFiscale'), tipi.get('Genere')]).toEqual(['date', 'decimal', 'int', 'string', undefined]);
  });

  it('translates range facets and keeps unknown messages recognisable', () => {
    expect(traduciMessaggioXsd("Element '{http://inps.it/Casellario}PrestazioniSociali', attribute 'PeriodoErogazione': [facet 'maxInclusive'] The value '13' is greater than the maximum value allowed ('12').", tipi)).toEqual({
      codice: 'XSD_FUORI_INTERVALLO',
      messaggio: 'Elemento PrestazioniSociali, attributo PeriodoErogazione: il valore «13» supera il massimo ammesso (12).',
      elemento: 'PrestazioniSociali',
      attributo: 'PeriodoErogazione',
      valore: '13',
      originale: "Element '{http://inps.it/Casellario}PrestazioniSociali', attribute 'PeriodoErogazione': [facet 'maxInclusive'] The value '13' is greater than the maximum value allowed ('12').",
    });
    expect(traduciMessaggioXsd("Element '{http://inps.it/Casellario}Beneficiario': Something new happened.")).toEqual({
      codice: 'XSD_NON_VALIDO',
      messaggio: 'Elemento Beneficiario: non conforme allo schema (Something new happened.)',
      elemento: 'Beneficiario',
      attributo: undefined,
      originale: "Element '{http://inps.it/Casellario}Beneficiario': Something new happened.",
    });
  });
});
