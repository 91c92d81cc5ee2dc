import { describe, expect, it } from 'vitest';
import { leggiArgomenti } from '../src/argomenti';
import { cellaCsv } from '../src/csv';
import { ErroreUso } from '../src/errori';
import { nomeDichiarato, rilevaTipo } from '../src/rileva-tipo';

const ENV = { CASELLARIO_TOKEN: 'tok' };

function erroreUso(argv: string[], env: Record<string, string | undefined> = ENV): string {
  try {
    leggiArgomenti(argv, env);
  } catch (e) {
    if (e instanceof ErroreUso) return e.message;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('the command line', () => {
  it('reads invia with its defaults, the token from the environment and the gateway of npm start', () => {
    const c = leggiArgomenti(['invia', 'a.xml', 'b.xml'], ENV);
    expect(c).toEqual({
      comando: 'invia',
      opzioni: {
        file: ['a.xml', 'b.xml'],
        tipo: undefined,
        recordPerParte: 5000,
        esiti: undefined,
        separatore: ',',
        attendiConsegna: false,
        attesaMassimaMs: 1_800_000,
        url: 'http://127.0.0.1:4000/graphql',
        tentativi: 5,
        token: 'tok',
      },
    });
  });

  it('takes every option of invia, a lower-case type, a bare gateway address and a pasted "Bearer" token', () => {
    const c = leggiArgomenti(
      ['invia', 'a.xml', '--tipo', 'sinba', '--record-per-parte', '200', '--url', 'http://10.0.0.1:4000', '--token', ' Bearer abc\n', '--esiti', 'e.csv', '--separatore', 'tab', '--attendi-consegna', '--attesa-massima', '60', '--tentativi', '2'],
      {},
    );
    expect(c.comando === 'invia' && c.opzioni).toMatchObject({
      tipo: 'SINBA',
      recordPerParte: 200,
      url: 'http://10.0.0.1:4000/graphql',
      token: 'abc',
      esiti: 'e.csv',
      separatore: '\t',
      attendiConsegna: true,
      attesaMassimaMs: 60_000,
      tentativi: 2,
    });
  });

  it('reads stato and esiti with their filters; CASELLARIO_URL stands in for --url', () => {
    expect(leggiArgomenti(['stato', 'H501.PS.20250601.0000001'], { ...ENV, CASELLARIO_URL: 'https://registro.example/graphql' })).toEqual({
      comando: 'stato',
      opzioni: { nome: 'H501.PS.20250601.0000001', url: 'https://registro.example/graphql', tentativi: 5, token: 'tok' },
    });
    const e = leggiArgomenti(['esiti', 'N', '--rifiutati', '--codice', 'beneficiario_cf_controllo', '--csv', '-', '--separatore', ';'], ENV);
    expect(e.comando === 'esiti' && e.opzioni).toMatchObject({ nome: 'N', rifiutati: true, codice: 'BENEFICIARIO_CF_CONTROLLO', csv: '-', separatore: ';' });
  });

  it('answers --help, -h and aiuto with the Italian help, without needing a token', () => {
    for (const argv of [['--help'], ['invia', '--help'], ['esiti', '-h'], ['aiuto', 'stato'], []]) {
      const c = leggiArgomenti(argv, {});
      expect(c.comando).toBe('aiuto');
      expect(c.comando === 'aiuto' && c.testo).toContain('Esempi:');
    }
    const invia = leggiArgomenti(['invia', '--help'], {});
    expect(invia.comando === 'aiuto' && invia.testo).toContain('--record-per-parte');
  });

  it('refuses mistakes with an Italian sentence naming what is wrong', () => {
    expect(erroreUso(['spedisci', 'a.xml'])).toBe('Comando sconosciuto: «spedisci». I comandi sono invia, stato ed esiti.');
    expect(erroreUso(['invia'])).toContain('Indicare almeno un file');
    expect(erroreUso(['invia', 'a.xml', '--tipo', 'XYZ'])).toContain('--tipo vuole PS_PSA_SINA, SINBA, SIP');
    expect(erroreUso(['invia', 'a.xml', '--tipo'])).toBe("Manca il valore dell'opzione --tipo.");
    expect(erroreUso(['invia', 'a.xml', '--record-per-parte', '0'])).toContain('--record-per-parte vuole un numero intero tra 1 e 1000000');
    expect(erroreUso(['invia', 'a.xml', '--record-per-parte', '12abc'])).toContain('«12abc» non lo è');
    expect(erroreUso(['invia', 'a.xml', '--formato', 'x'])).toBe('Opzione sconosciuta per flusso invia: --formato.');
    expect(erroreUso(['esiti', 'N', '--rifiutati=si'])).toBe("L'opzione --rifiutati non vuole un valore.");
    expect(erroreUso(['invia', 'a.xml', '--url', 'ftp://x'])).toContain('http:// o https://');
    expect(erroreUso(['stato', 'A', 'B'])).toContain('un flusso alla volta');
    expect(erroreUso(['invia', 'a.xml', '--separatore', ':'])).toContain('--separatore vuole uno tra');
  });

  it('says how to get a token when there is none', () => {
    const m = erroreUso(['invia', 'a.xml'], {});
    expect(m).toContain('Manca il token');
    expect(m).toContain('CASELLARIO_TOKEN');
    expect(m).toContain('npx pnpm --silent run token --ruolo gestione');
  });
});

describe('type detection', () => {
  const inps = (record: string, nome = 'H501.PS.20250601.0000001') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="http://inps.it/Casellario">\n<IdentificazioneFlusso Nome="${nome}"><Ente Codice="H501"/></IdentificazioneFlusso>\n${record}`;

  it('tells PS_PSA_SINA from SINBA by the record element, SIP by the namespace', () => {
    expect(rilevaTipo(inps('<Beneficiario CodiceFiscale="X">'))).toEqual({ tipo: 'PS_PSA_SINA', indizio: 'elementi Beneficiario nel namespace http://inps.it/Casellario' });
    expect(rilevaTipo(inps('<SINBA IDBeneficiario="X">', 'H501.SINBA.20250601.0000001'))?.tipo).toBe('SINBA');
    expect(rilevaTipo('<Flusso xmlns="http://casellario.local/SIP"><IdentificazioneFlusso Nome="H501.SIP.20250601.0000001"/>')?.tipo).toBe('SIP');
  });

  it('follows a namespace prefix, and the name when there is no record', () => {
    expect(rilevaTipo('<c:Flusso xmlns:c="http://inps.it/Casellario"><c:IdentificazioneFlusso Nome="X"/><c:SINBA/>')?.tipo).toBe('SINBA');
    expect(rilevaTipo(inps('</Flusso>', 'H501.SINBA.20250601.0000001'))).toEqual({ tipo: 'SINBA', indizio: 'il nome del flusso (SINBA)' });
  });

  it('does not take the word SINBA inside the name for a record, and gives up on an unknown namespace', () => {
    expect(rilevaTipo(inps('<Beneficiario>', 'H501.SINBA.20250601.0000001'))?.tipo).toBe('PS_PSA_SINA');
    expect(rilevaTipo('<Flusso xmlns="urn:altro"><IdentificazioneFlusso Nome="boh"/><Record/>')).toBeNull();
  });

  it('reads the flow name from the header', () => {
    expect(nomeDichiarato(inps(''))).toBe('H501.PS.20250601.0000001');
    expect(nomeDichiarato("<Flusso><IdentificazioneFlusso Nome='A.B'>")).toBe('A.B');
    expect(nomeDichiarato('<Flusso><IdentificazioneFlusso>')).toBeUndefined();
  });
});

describe('CSV cells', () => {
  it('quotes only what needs it, doubling quotes', () => {
    expect(cellaCsv('A1.04', ',')).toBe('A1.04');
    expect(cellaCsv('a, b', ',')).toBe('"a, b"');
    expect(cellaCsv('a, b', ';')).toBe('a, b');
    expect(cellaCsv('detto "così"', ',')).toBe('"detto ""così"""');
    expect(cellaCsv('due\nrighe', ',')).toBe('"due\nrighe"');
    expect(cellaCsv(null, ',')).toBe('');
    expect(cellaCsv(12, ',')).toBe('12');
  });
});
