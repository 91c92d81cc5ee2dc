import { afterAll, describe, expect, it } from 'vitest';
import { chiudiPoolCondiviso, controllaDocumento, leggiFlusso } from '../src/index';
import { preparaSchema, tentativiDiCaricamento, validaTesto } from '../src/validatore-libxml2.mjs';
import { testoSchema } from '../src/schemi';
import { esempioSip, fixture } from './aiuti';

afterAll(() => chiudiPoolCondiviso());

const ps = fixture('inps-ps-psa-sina.xml');
const sinba = fixture('inps-sinba.xml');
const corpo = ps; // the sample has no XML declaration

describe('document checks: refused whole, with a stable code, before any record is read', () => {
  it('refuses an empty document', async () => {
    for (const vuoto of ['', '   \n  ', Buffer.alloc(0)]) {
      expect(await leggiFlusso(vuoto, 'PS_PSA_SINA')).toEqual({ ok: false, rifiuto: { codice: 'DOCUMENTO_VUOTO', messaggio: 'Il documento è vuoto.' } });
    }
  });

  it('refuses a document over the size limit, which is configurable (default 50 MiB)', async () => {
    const limite = await leggiFlusso(Buffer.from(ps), 'PS_PSA_SINA', { dimensioneMassima: 1024 });
    expect(limite).toEqual({
      ok: false,
      rifiuto: { codice: 'DOCUMENTO_TROPPO_GRANDE', messaggio: 'Il documento è di 0 MB: il limite è 0 MB. Dividere il flusso in più invii.' },
    });
    const grande = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(controllaDocumento(grande, 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'DOCUMENTO_TROPPO_GRANDE', messaggio: 'Il documento è di 50 MB: il limite è 50 MB. Dividere il flusso in più invii.' },
    });
    expect((await leggiFlusso(ps, 'PS_PSA_SINA', { dimensioneMassima: ps.length + 10 })).ok).toBe(true);
  });

  it('refuses an encoding other than UTF-8 declared in the XML declaration, naming it', async () => {
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${corpo.replace('mobilità', 'mobilit\u00e0')}`, 'latin1');
    expect(await leggiFlusso(latin1, 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'CODIFICA_NON_UTF8', messaggio: 'La dichiarazione XML indica la codifica «ISO-8859-1»: è ammessa solo UTF-8.', riga: 1, colonna: 1 },
    });
    // The same as text (the GraphQL path) is refused alike.
    expect((await leggiFlusso(`<?xml version='1.0' encoding='windows-1252'?>${corpo}`, 'PS_PSA_SINA')).ok).toBe(false);
    // UTF-8 declared (any case) or no declaration at all is fine.
    expect((await leggiFlusso(`<?xml version="1.0" encoding="utf-8"?>\n${corpo}`, 'PS_PSA_SINA')).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8, saying where and which bytes', async () => {
    // A Latin-1 "à" (0xE0) without a declaration: line 8 of the sample.
    const bytes = Buffer.from(corpo.replace('mobilità', 'mobilit\u00e0'), 'latin1');
    const esito = await leggiFlusso(bytes, 'PS_PSA_SINA');
    expect(esito).toEqual({
      ok: false,
      rifiuto: {
        codice: 'UTF8_NON_VALIDO',
        messaggio:
          "Il documento non è UTF-8 valido: sequenza di byte non ammessa (E0 22 20 50). Probabilmente è stato salvato in un'altra codifica (es. ISO-8859-1 o Windows-1252).",
        riga: 8,
        colonna: 278,
      },
    });
  });

  it('refuses UTF-16, with or without a byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(corpo, 'utf16le')]);
    expect(await leggiFlusso(le, 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'CODIFICA_UTF16', messaggio: 'Il documento è codificato in UTF-16 little-endian (byte order mark FF FE): è ammessa solo UTF-8.', riga: 1, colonna: 1 },
    });
    const be = Buffer.from(corpo, 'utf16le').swap16();
    expect((await leggiFlusso(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'PS_PSA_SINA')).ok).toBe(false);
    expect(await leggiFlusso(Buffer.from(corpo, 'utf16le'), 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'CODIFICA_UTF16', messaggio: 'Il documento è codificato in UTF-16 senza byte order mark: è ammessa solo UTF-8.', riga: 1, colonna: 1 },
    });
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const esito = await leggiFlusso(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ps)]), 'PS_PSA_SINA');
    expect(esito.ok && esito.numeroRecord).toBe(3);
  });

  it('refuses internal entity expansion (billion laughs) at the DOCTYPE, expanding nothing', async () => {
    const entita = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE Flusso [<!ENTITY l0 "lol">${entita}]>\n${corpo.replace('Nome="BBB"', 'Nome="&l9;"')}`;
    const inizio = performance.now();
    expect(await leggiFlusso(lol, 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: {
        codice: 'DOCTYPE_NON_AMMESSO',
        messaggio: 'Il documento contiene una dichiarazione <!DOCTYPE>: non è ammessa nei flussi (niente DTD né entità). Rimuoverla.',
        riga: 2,
        colonna: 1,
      },
    });
    // 10^9 "lol"s were never built.
    expect(performance.now() - inizio).toBeLessThan(1000);
  });

  it('refuses an external entity (XXE) pointing at /etc/passwd, and nothing is read', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Flusso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${corpo.replace('Nome="BBB"', 'Nome="&xxe;"')}`;
    const prima = tentativiDiCaricamento.length;
    const esito = await leggiFlusso(xxe, 'PS_PSA_SINA');
    expect(esito.ok).toBe(false);
    expect(!esito.ok && esito.rifiuto.codice).toBe('DOCTYPE_NON_AMMESSO');
    expect(JSON.stringify(esito)).not.toContain('root:');
    expect(tentativiDiCaricamento.length).toBe(prima);
  });

  it('would not read /etc/passwd even if a DOCTYPE reached the validator (defence in depth)', () => {
    // Straight to the libxml2 core, past the checks: an external entity in content and in an
    // attribute, an external DTD subset, an XInclude and schema-location hints.
    preparaSchema('PS_PSA_SINA', testoSchema('PS_PSA_SINA'));
    const attacchi = [
      `<!DOCTYPE Flusso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${corpo.replace('<CodicePrestazione>A2.18<', '<CodicePrestazione>&xxe;<')}`,
      `<!DOCTYPE Flusso [<!ENTITY xxe SYSTEM "/etc/passwd">]>\n${corpo.replace('Nome="BBB"', 'Nome="&xxe;"')}`,
      `<!DOCTYPE Flusso SYSTEM "/etc/passwd">\n${corpo}`,
      corpo.replace('xsi:schemaLocation="http://inps.it/Casellario"', 'xsi:schemaLocation="http://inps.it/Casellario /etc/passwd" xsi:noNamespaceSchemaLocation="/etc/passwd"'),
      corpo
        .replace('<Flusso ', '<Flusso xmlns:xi="http://www.w3.org/2001/XInclude" ')
        .replace('</Beneficiario>', '<xi:include href="/etc/passwd" parse="text"/></Beneficiario>'),
    ];
    for (const attacco of attacchi) {
      const risultato = validaTesto('PS_PSA_SINA', attacco);
      expect(JSON.stringify(risultato)).not.toContain('root:');
    }
    expect(tentativiDiCaricamento).toEqual([]);
  });

  it('refuses a document that is not well-formed, with line and column', async () => {
    const esito = await leggiFlusso(ps.replace('</Beneficiario>', '</Beneficiari>'), 'PS_PSA_SINA');
    expect(esito).toEqual({
      ok: false,
      rifiuto: {
        codice: 'XML_MALFORMATO',
        messaggio: 'Il documento non è XML ben formato alla riga 28, colonna 15: il tag di chiusura «Beneficiari» non corrisponde al tag «Beneficiario» aperto alla riga 5.',
        riga: 28,
        colonna: 15,
      },
    });
    const attributo = await leggiFlusso(ps.replace('Genere="2"', 'Genere=2'), 'PS_PSA_SINA');
    expect(!attributo.ok && [attributo.rifiuto.codice, attributo.rifiuto.riga]).toEqual(['XML_MALFORMATO', 6]);
    const troncato = await leggiFlusso(ps.slice(0, ps.indexOf('<PrestazioniSociali CaratterePrestazione="2"')), 'PS_PSA_SINA');
    expect(!troncato.ok && troncato.rifiuto.codice).toBe('XML_MALFORMATO');
  });

  it('refuses a wrong root element, saying which was expected', async () => {
    const esito = await leggiFlusso(ps.replace('<Flusso ', '<Flussi ').replace('</Flusso>', '</Flussi>'), 'PS_PSA_SINA');
    expect(esito).toEqual({
      ok: false,
      rifiuto: { codice: 'ELEMENTO_RADICE_ERRATO', messaggio: "L'elemento radice è «Flussi»: era atteso «Flusso» nel namespace http://inps.it/Casellario.", riga: 1, colonna: 1 },
    });
  });

  it('refuses a wrong or missing namespace, saying which was expected', async () => {
    expect(await leggiFlusso(ps.replace('xmlns="http://inps.it/Casellario"', 'xmlns="http://example.org/altro"'), 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: {
        codice: 'NAMESPACE_ERRATO',
        messaggio: "L'elemento radice «Flusso» è nel namespace «http://example.org/altro»: era atteso il namespace http://inps.it/Casellario.",
        riga: 1,
        colonna: 1,
      },
    });
    expect(await leggiFlusso(ps.replace(' xmlns="http://inps.it/Casellario"', ''), 'SINBA')).toEqual({
      ok: false,
      rifiuto: {
        codice: 'NAMESPACE_ERRATO',
        messaggio: "L'elemento radice «Flusso» è senza namespace: era atteso il namespace http://inps.it/Casellario.",
        riga: 1,
        colonna: 1,
      },
    });
    // A prefix bound to the right namespace is the same document.
    const prefissato = ps
      .replace('<Flusso xmlns="http://inps.it/Casellario"', '<c:Flusso xmlns:c="http://inps.it/Casellario"')
      .replace(/<(\/?)(?!c:)([A-Z][A-Za-z]*)/g, '<$1c:$2');
    const letto = await leggiFlusso(prefissato, 'PS_PSA_SINA');
    expect(letto.ok && [letto.numeroRecord, letto.erroriFlusso]).toEqual([3, []]);
  });

  it('refuses a flow of another type than the one declared', async () => {
    expect(await leggiFlusso(sinba, 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'TIPO_FLUSSO_ERRATO', messaggio: 'Il documento è un flusso SINBA, ma è stato inviato come PS_PSA_SINA (prestazioni sociali).', riga: 1, colonna: 1 },
    });
    expect(await leggiFlusso(ps, 'SINBA')).toEqual({
      ok: false,
      rifiuto: { codice: 'TIPO_FLUSSO_ERRATO', messaggio: 'Il documento è un flusso PS_PSA_SINA (prestazioni sociali), ma è stato inviato come SINBA.', riga: 1, colonna: 1 },
    });
    expect(await leggiFlusso(esempioSip(), 'PS_PSA_SINA')).toEqual({
      ok: false,
      rifiuto: { codice: 'TIPO_FLUSSO_ERRATO', messaggio: 'Il documento è un flusso SIP, ma è stato inviato come PS_PSA_SINA (prestazioni sociali).', riga: 3, colonna: 1 },
    });
    expect(await leggiFlusso(sinba, 'SIP')).toEqual({
      ok: false,
      rifiuto: { codice: 'TIPO_FLUSSO_ERRATO', messaggio: 'Il documento è un flusso SINBA, ma è stato inviato come SIP.', riga: 1, colonna: 1 },
    });
  });
});
