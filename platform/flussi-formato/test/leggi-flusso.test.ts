import { afterAll, describe, expect, it } from 'vitest';
import { chiudiPoolCondiviso, leggiFlusso, PoolValidazione, type EsitoLettura, type OpzioniLettura } from '../src/index';
import { beneficiario, esempioSip, fixture, flussoPs, prestazione } from './aiuti';

const pool = new PoolValidazione(2);
afterAll(async () => {
  await pool.chiudi();
  await chiudiPoolCondiviso();
});

/** In this thread, and in the workers cut into many small parts: the mapping must not depend on it. */
const MODI: Array<[string, OpzioniLettura]> = [
  ['in this thread', {}],
  ['in parts, in the workers', { pool, sogliaParallelo: 0, dimensioneParte: 600 }],
];

/** `[record number, codes]` for each record with errors, and the flow-level codes. */
function mappa(esito: EsitoLettura): { perRecord: Array<[number, string[]]>; flusso: string[] } {
  if (!esito.ok) throw new Error(esito.rifiuto.messaggio);
  return {
    perRecord: [...esito.erroriPerRecord].map(([n, errori]) => [n, errori.map((e) => `${e.codice}:${e.attributo ?? e.elemento}`)] as [number, string[]]).sort((a, b) => a[0] - b[0]),
    flusso: esito.erroriFlusso.map((e) => `${e.codice}:${e.attributo ?? e.elemento}`),
  };
}

// Five benefits over three beneficiaries: 1–2 (Rossi), 3–4 (Bianchi), 5 (Verdi).
function cinque(opzioni: { prestazione3?: Record<string, string>; anagraficaBianchi?: Record<string, string>; nome?: string } = {}): string {
  return flussoPs(
    [
      beneficiario('RSSMRA50A41H501X', [prestazione({ ProtocolloDomanda: 'P-1' }), prestazione({ ProtocolloDomanda: 'P-2' })]),
      beneficiario('BNCLGU60B12H501Y', [prestazione({ ProtocolloDomanda: 'P-3', ...opzioni.prestazione3 }), prestazione({ ProtocolloDomanda: 'P-4' })], opzioni.anagraficaBianchi),
      beneficiario('VRDGNN70C13H501Z', [prestazione({ ProtocolloDomanda: 'P-5' })]),
    ],
    opzioni.nome,
  );
}

describe.each(MODI)('schema errors assigned to records (%s)', (_, opzioni) => {
  it('numbers benefits across the flow, with the line of each start tag', async () => {
    const esito = await leggiFlusso(cinque(), 'PS_PSA_SINA', opzioni);
    if (!esito.ok) throw new Error(esito.rifiuto.messaggio);
    expect(esito.numeroRecord).toBe(5);
    expect(esito.records.map((b) => [b.posizione, b.prestazioni.map((p) => [p.posizione.numero, p.posizione.riga, p.protocolloDomanda])])).toEqual([
      [{ numero: 1, riga: 6 }, [[1, 9, 'P-1'], [2, 10, 'P-2']]],
      [{ numero: 2, riga: 12 }, [[3, 15, 'P-3'], [4, 16, 'P-4']]],
      [{ numero: 3, riga: 18 }, [[5, 21, 'P-5']]],
    ]);
    expect(mappa(esito)).toEqual({ perRecord: [], flusso: [] });
  });

  it('a bad enumeration in benefit 3 of 5 rejects only record 3', async () => {
    const esito = await leggiFlusso(cinque({ prestazione3: { PresenzaProvaMezzi: '9' } }), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [[3, ['XSD_VALORE_NON_AMMESSO:PresenzaProvaMezzi']]], flusso: [] });
    expect(esito.ok && esito.erroriPerRecord.get(3)).toEqual([
      {
        codice: 'XSD_VALORE_NON_AMMESSO',
        messaggio: 'Elemento PrestazioniSociali, attributo PresenzaProvaMezzi: il valore «9» non è ammesso: i valori ammessi sono 1, 2, 3, 4.',
        riga: 15,
        elemento: 'PrestazioniSociali',
        attributo: 'PresenzaProvaMezzi',
        valore: '9',
        originale:
          "Element '{http://inps.it/Casellario}PrestazioniSociali', attribute 'PresenzaProvaMezzi': [facet 'enumeration'] The value '9' is not an element of the set {'1', '2', '3', '4'}.",
      },
    ]);
  });

  it('a bad Anagrafica attribute hits every benefit of that beneficiary', async () => {
    const esito = await leggiFlusso(cinque({ anagraficaBianchi: { CodiceCittadinanza: 'ITA' } }), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({
      perRecord: [
        [3, ['XSD_FORMATO_NON_VALIDO:CodiceCittadinanza']],
        [4, ['XSD_FORMATO_NON_VALIDO:CodiceCittadinanza']],
      ],
      flusso: [],
    });
  });

  it('a bad codice fiscale on the Beneficiario itself hits all its benefits too', async () => {
    const esito = await leggiFlusso(cinque().replace('VRDGNN70C13H501Z', 'VRDGNN70'), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [[5, ['XSD_FORMATO_NON_VALIDO:CodiceFiscale']]], flusso: [] });
  });

  it('a bad flow Nome is a flow-level error', async () => {
    const esito = await leggiFlusso(cinque({ nome: 'N'.repeat(70) }), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [], flusso: ['XSD_LUNGHEZZA_NON_VALIDA:Nome'] });
  });

  it('an unexpected element between beneficiaries is a flow-level error', async () => {
    const esito = await leggiFlusso(cinque().replace('  <Beneficiario CodiceFiscale="VRDGNN70C13H501Z">', '  <Nota/>\n  <Beneficiario CodiceFiscale="VRDGNN70C13H501Z">'), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [], flusso: ['XSD_ELEMENTO_NON_PREVISTO:Nota'] });
  });

  it('a beneficiary without benefits has no record to carry its error: flow-level', async () => {
    const senza = cinque().replace(/(<Beneficiario CodiceFiscale="VRDGNN70C13H501Z">[\s\S]*?<Indirizzo[^>]*>\n)\s*<PrestazioniSociali[^>]*>\n/, '$1');
    const esito = await leggiFlusso(senza, 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [], flusso: ['XSD_ELEMENTO_MANCANTE:Beneficiario'] });
    // libxml2's own diagnosis: with Indirizzo allowed up to five times, it names the next Indirizzo.
    expect(esito.ok && esito.erroriFlusso[0]?.messaggio).toBe("Elemento Beneficiario: manca l'elemento «Indirizzo».");
  });

  it('text between beneficiaries is a flow-level error, reported once', async () => {
    const esito = await leggiFlusso(cinque().replace('  <Beneficiario CodiceFiscale="VRDGNN70C13H501Z">', 'testo vagante\n  <Beneficiario CodiceFiscale="VRDGNN70C13H501Z">'), 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [], flusso: ['XSD_TESTO_NON_AMMESSO:Flusso'] });
  });

  it('an error inside a SINA applies to its benefit', async () => {
    const sina = '      <SINA Mobilita="4" AttivitaVitaQuotidiana="1" DisturbiComportamentali="1" AreaReddituale="1" AreaSupporto="1" FonteDerivazioneValutazione="1" StrumentoValutazione="1"/>';
    const testo = flussoPs([beneficiario('RSSMRA50A41H501X', [prestazione({ ProtocolloDomanda: 'P-1' }), prestazione({ ProtocolloDomanda: 'P-2' }, sina)])]);
    const esito = await leggiFlusso(testo, 'PS_PSA_SINA', opzioni);
    expect(mappa(esito)).toEqual({ perRecord: [[2, ['XSD_VALORE_NON_AMMESSO:Mobilita']]], flusso: [] });
    expect(esito.ok && esito.records[0]?.prestazioni[1]?.sina?.mobilita).toBe('4');
  });
});

describe('errors assigned to records whatever the layout', () => {
  it('works on a flow written on one line (lines cannot tell records apart)', async () => {
    const suUnaRiga = cinque({ prestazione3: { PresenzaProvaMezzi: '9' }, anagraficaBianchi: { Genere: '3' } }).replace(/\n\s*/g, '');
    for (const [, opzioni] of MODI) {
      const esito = await leggiFlusso(suUnaRiga, 'PS_PSA_SINA', opzioni);
      expect(mappa(esito)).toEqual({
        perRecord: [
          [3, ['XSD_VALORE_NON_AMMESSO:Genere', 'XSD_VALORE_NON_AMMESSO:PresenzaProvaMezzi']],
          [4, ['XSD_VALORE_NON_AMMESSO:Genere']],
        ],
        flusso: [],
      });
    }
  });

  it('works with a namespace prefix on every element', async () => {
    const prefissato = cinque({ prestazione3: { PresenzaProvaMezzi: '9' } })
      .replace('<Flusso xmlns="http://inps.it/Casellario"', '<c:Flusso xmlns:c="http://inps.it/Casellario"')
      .replace(/<(\/?)(?!c:)([A-Z][A-Za-z]*)/g, '<$1c:$2');
    for (const [, opzioni] of MODI) {
      const esito = await leggiFlusso(prefissato, 'PS_PSA_SINA', opzioni);
      expect(mappa(esito)).toEqual({ perRecord: [[3, ['XSD_VALORE_NON_AMMESSO:PresenzaProvaMezzi']]], flusso: [] });
    }
  });

  it('SINBA: an error in a case rejects that case only', async () => {
    const sinba = fixture('inps-sinba.xml');
    const caso = sinba.slice(sinba.indexOf('<SINBA '), sinba.indexOf('</Flusso>'));
    const tre = sinba.replace(caso, `${caso}${caso.replace('LuogoVita="1"', 'LuogoVita="99"')}${caso}`);
    for (const [, opzioni] of MODI) {
      const esito = await leggiFlusso(tre, 'SINBA', opzioni);
      expect(mappa(esito)).toEqual({ perRecord: [[2, ['XSD_VALORE_NON_AMMESSO:LuogoVita']]], flusso: [] });
      expect(esito.ok && esito.records.map((c) => c.posizione)).toEqual([
        { numero: 1, riga: 5 },
        { numero: 2, riga: 15 },
        { numero: 3, riga: 25 },
      ]);
    }
  });

  it('SIP: an error deep in a case (an impegno) rejects that case only', async () => {
    const sip = esempioSip().replace('Stato="NON_RISPETTATO"', 'Stato="FORSE"');
    for (const [, opzioni] of MODI) {
      const esito = await leggiFlusso(sip, 'SIP', opzioni);
      expect(mappa(esito)).toEqual({ perRecord: [[1, ['XSD_VALORE_NON_AMMESSO:Stato']]], flusso: [] });
    }
  });
});
