/**
 * `flusso` end to end: the whole platform in this process (PGlite, demo data,
 * gateway on a free port), a real gestione token of Roma, and the command run
 * as a child process the way an operator runs it, its output not a terminal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '@casellario/embedded';
import { dividiFlusso, scriviFlussoDemoSuFile } from '@casellario/flussi-formato';
import { graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avviaProxy, flusso, portaLibera, RADICE } from './aiuti';

const ESEMPIO_PS = join(RADICE, 'test/fixtures/inps-esempio-ps.xml');
const ESEMPIO_SINBA = join(RADICE, 'test/fixtures/inps-esempio-sinba.xml');

interface FlussoRegistro {
  nome: string;
  stato: string;
  parti: number;
  partiRicevute: number;
  riepilogo: { record: number; accettati: number; accettatiConAvvisi: number; rifiutati: number };
  consegna: { completata: boolean; consegnati: number; daConsegnare: number };
}

let platform: RunningPlatform;
let url: string;
let token: string;
let cartella: string;

beforeAll(async () => {
  platform = await startPlatform({ database: { kind: 'pglite' }, demo: { persone: 50 }, gatewayPort: 0 });
  url = platform.gateway.url;
  token = await ROLE_TOKENS.gestione('H501');
  cartella = mkdtempSync(join(tmpdir(), 'flussi-cli-'));
});

afterAll(async () => {
  await platform?.stop();
  if (cartella) rmSync(cartella, { recursive: true, force: true });
});

/** The command with the gateway and the token of Roma's operator in its environment. */
function comeOperatore(args: string[], env: Record<string, string | undefined> = {}) {
  return flusso(args, { CASELLARIO_URL: url, CASELLARIO_TOKEN: token, ...env });
}

/** The flow as the registry holds it, read directly through the gateway. */
async function registro(nome: string): Promise<FlussoRegistro | null> {
  const r = await graphqlRequest<{ flusso: FlussoRegistro | null }>(
    url,
    `query ($n: String!) { flusso(nome: $n) { nome stato parti partiRicevute riepilogo { record accettati accettatiConAvvisi rifiutati } consegna { completata consegnati daConsegnare } } }`,
    { token, variables: { n: nome } },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.flusso;
}

/** The numbers of the summary line «record N · accettati N · accettati con avvisi N · rifiutati N» (the first one). */
function riepilogoStampato(stdout: string) {
  const m = /record (\d+) · accettati (\d+) · accettati con avvisi (\d+) · rifiutati (\d+)/.exec(stdout.replaceAll('.', ''));
  if (!m) throw new Error(`no summary in:\n${stdout}`);
  return { record: Number(m[1]), accettati: Number(m[2]), accettatiConAvvisi: Number(m[3]), rifiutati: Number(m[4]) };
}

async function contaParti(percorso: string, massimoRecord: number): Promise<number> {
  let n = 0;
  for await (const _ of dividiFlusso(percorso, { massimoRecord })) n++;
  return n;
}

async function flussoDemo(nomeFile: string, prestazioni: number, progressivo: number) {
  const percorso = join(cartella, nomeFile);
  const scritto = await scriviFlussoDemoSuFile(percorso, { prestazioni, data: '2025-06-01', progressivo });
  return { percorso, nome: scritto.nome };
}

describe('flusso invia', () => {
  it("sends INPS's PS sample, detecting its type, and exits 0 although every record is rejected", async () => {
    const r = await comeOperatore(['invia', ESEMPIO_PS]);

    expect(r.codice).toBe(0);
    expect(r.stdout).toContain('tipo non indicato, rilevato dal contenuto: PS_PSA_SINA (elementi Beneficiario nel namespace http://inps.it/Casellario)');
    expect(r.stdout).toContain('flusso H501.PS.20210520.0000002, 3 record in 1 parte');
    expect(riepilogoStampato(r.stdout)).toEqual({ record: 3, accettati: 0, accettatiConAvvisi: 0, rifiutati: 3 });
    expect(r.stdout).toMatch(/BENEFICIARIO_CF_CONTROLLO +3 +errore/);
    expect(r.stdout).toContain('OPERATORE_CF_NON_VALIDO');
    expect(r.stdout).not.toContain('già ricevut');
    expect(r.stderr).toBe('');
    expect(await registro('H501.PS.20210520.0000002')).toMatchObject({ riepilogo: { record: 3, rifiutati: 3 } });
  });

  it('says «già ricevuto» when the same file is sent again, and exits 0', async () => {
    const r = await comeOperatore(['invia', ESEMPIO_PS]);

    expect(r.codice).toBe(0);
    expect(r.stdout).toContain('parte 1/1 già ricevuta');
    expect(r.stdout).toContain("già ricevuto: il registro aveva già questo flusso, con lo stesso contenuto; nulla è cambiato e l'esito è quello del primo invio.");
    expect(riepilogoStampato(r.stdout)).toEqual({ record: 3, accettati: 0, accettatiConAvvisi: 0, rifiutati: 3 });
  });

  it('says the content differs, and exits 1, when a changed file is sent under a name already received', async () => {
    const cambiato = join(cartella, 'esempio-cambiato.xml');
    writeFileSync(cambiato, readFileSync(ESEMPIO_PS, 'utf8').replace('ImportoMensile="101.23"', 'ImportoMensile="999.99"'));

    const r = await comeOperatore(['invia', cambiato]);

    expect(r.codice).toBe(1);
    expect(r.stdout).toContain('già ricevuto CON CONTENUTO DIVERSO');
    expect(r.stdout).toContain('NON è stato applicato');
  });

  it('splits a flow into parts that arrive whole, and writes every esito to the CSV', async () => {
    const { percorso, nome } = await flussoDemo('grande.xml', 150, 1);
    const parti = await contaParti(percorso, 40);
    expect(parti).toBeGreaterThanOrEqual(4);
    const csv = join(cartella, 'esiti-grande.csv');

    const r = await comeOperatore(['invia', percorso, '--record-per-parte', '40', '--esiti', csv]);

    expect(r.codice).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`flusso ${nome}, 150 record in ${parti} parti (al più 40 record per parte)`);
    // Off a terminal: one plain line per part, no bar redrawn with carriage returns or escapes.
    for (let k = 1; k <= parti; k++) expect(r.stdout).toContain(`grande.xml · invio: parte ${k}/${parti} ricevuta`);
    expect(r.stdout).not.toMatch(/[\r\u001b]/);

    const f = await registro(nome);
    expect(f).toMatchObject({ parti, partiRicevute: parti });
    expect(f!.riepilogo.record).toBe(150);
    expect(f!.stato).not.toBe('PARZIALE');
    expect(riepilogoStampato(r.stdout)).toEqual(f!.riepilogo);

    const righe = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(righe[0]).toBe('flusso,numero,parte,riga,stato,riferimento,codicePrestazione,protocolloDomanda,codici,messaggi');
    expect(righe).toHaveLength(151);
    const celle = righe.slice(1).map((riga) => riga.split(','));
    expect(celle.map((c) => Number(c[1]))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(new Set(celle.map((c) => c[0]))).toEqual(new Set([nome]));
    expect(new Set(celle.map((c) => Number(c[2])))).toEqual(new Set(Array.from({ length: parti }, (_, i) => i + 1)));
    const perStato = (s: string) => celle.filter((c) => c[4] === s).length;
    expect([perStato('ACCETTATO'), perStato('ACCETTATO_CON_AVVISI'), perStato('RIFIUTATO')]).toEqual([f!.riepilogo.accettati, f!.riepilogo.accettatiConAvvisi, f!.riepilogo.rifiutati]);
    expect(r.stdout).toContain(`Esiti di 150 record scritti in ${csv}`);
  });

  it('re-sending the split flow finds every part already received', async () => {
    const percorso = join(cartella, 'grande.xml');
    const parti = await contaParti(percorso, 40);

    const r = await comeOperatore(['invia', percorso, '--record-per-parte', '40']);

    expect(r.codice).toBe(0);
    for (let k = 1; k <= parti; k++) expect(r.stdout).toContain(`parte ${k}/${parti} già ricevuta`);
    expect(r.stdout).toContain('già ricevuto: il registro aveva già questo flusso');
  });

  it('reports a malformed file by name and exits 1, still sending the good file beside it', async () => {
    const { percorso: buono, nome } = await flussoDemo('buono.xml', 12, 5);
    const rotto = join(cartella, 'rotto.xml');
    const testo = readFileSync(buono, 'utf8');
    writeFileSync(rotto, testo.slice(0, Math.floor(testo.length / 2)));

    const r = await comeOperatore(['invia', rotto, buono]);

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain(`${rotto}: non è un flusso che si possa inviare (XML_MALFORMATO`);
    expect(r.stderr).toContain('Nulla è stato inviato.');
    expect(r.stdout).toContain(`${buono} → flusso ${nome}`);
    expect(r.stdout).toContain('Totale: 2 file · 1 inviato · 1 rifiutato');
    expect(r.stdout).toContain(`${rotto}: rifiutato (XML_MALFORMATO)`);
    expect((await registro(nome))?.riepilogo.record).toBe(12);
  });

  it("names the file and the ente when the flow is another ente's, and exits 1", async () => {
    const altro = join(cartella, 'altro-ente.xml');
    writeFileSync(altro, readFileSync(ESEMPIO_PS, 'utf8').replace('Codice="H501"', 'Codice="F205"').replace('H501.PS.20210520.0000002', 'F205.PS.20210520.0000002'));

    const r = await comeOperatore(['invia', altro]);

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain(`${altro}: operazione non consentita con questo token. Il flusso è dell'ente F205: con il tuo token puoi inviare solo flussi dell'ente H501.`);
    expect(r.stdout).toContain('RIFIUTATO (motivo: FORBIDDEN)');
  });

  it('detects a SINBA flow', async () => {
    const r = await comeOperatore(['invia', ESEMPIO_SINBA]);

    expect(r.codice).toBe(0);
    expect(r.stdout).toContain('rilevato dal contenuto: SINBA (elementi SINBA nel namespace http://inps.it/Casellario)');
    expect(r.stdout).toContain('(SINBA, 1 parte)');
  });

  it('asks for --tipo when nothing tells the type', async () => {
    const ignoto = join(cartella, 'ignoto.xml');
    writeFileSync(ignoto, '<Flusso xmlns="urn:altro"><IdentificazioneFlusso Nome="boh"/><Record/></Flusso>\n');

    const r = await comeOperatore(['invia', ignoto]);

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain(`${ignoto}: impossibile riconoscere il tipo di flusso`);
    expect(r.stderr).toContain('--tipo PS_PSA_SINA, SINBA o SIP');
  });

  it('waits for delivery with --attendi-consegna', async () => {
    const { percorso, nome } = await flussoDemo('consegna.xml', 20, 2);

    const r = await comeOperatore(['invia', percorso, '--attendi-consegna']);

    expect(r.codice).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${nome.replaceAll('.', '\\.')}: consegna completata, \\d+ record consegnati ai componenti\\.`));
    const f = await registro(nome);
    expect(f?.consegna).toMatchObject({ completata: true, daConsegnare: 0 });
    expect(f?.stato).toBe('CONSEGNATO');
  });
});

describe('flusso invia when things go wrong on the way', () => {
  it('retries a part the gateway answered 503, sending it once more and only once', async () => {
    const { percorso, nome } = await flussoDemo('riprova.xml', 30, 3);
    const parti = await contaParti(percorso, 10);
    let inviiVisti = 0;
    const proxy = await avviaProxy(url, (corpo) => (corpo.includes('inviaFlusso') && inviiVisti++ === 0 ? '503' : 'inoltra'));
    try {
      const r = await comeOperatore(['invia', percorso, '--record-per-parte', '10'], { CASELLARIO_URL: proxy.url });

      expect(r.codice).toBe(0);
      expect(r.stdout).toContain(`parte 1/${parti}: nessuna risposta utile (HTTP 503); nuovo tentativo 2 di 5 fra 1 s`);
      expect(r.stdout).toContain(`parte 1/${parti} ricevuta al tentativo 2`);
      expect(r.stdout).not.toContain('già ricevut');
      expect(proxy.richieste.filter((o) => o === 'inviaFlusso')).toHaveLength(parti + 1);
      expect((await registro(nome))?.riepilogo.record).toBe(30);
    } finally {
      await proxy.close();
    }
  });

  it('does not call a part «già ricevuta» when it was its own lost answer that the registry had kept', async () => {
    const { percorso, nome } = await flussoDemo('risposta-persa.xml', 30, 4);
    const parti = await contaParti(percorso, 10);
    let inviiVisti = 0;
    const proxy = await avviaProxy(url, (corpo) => (corpo.includes('inviaFlusso') && inviiVisti++ === 1 ? 'perdi-risposta' : 'inoltra'));
    try {
      const r = await comeOperatore(['invia', percorso, '--record-per-parte', '10'], { CASELLARIO_URL: proxy.url });

      expect(r.codice).toBe(0);
      expect(r.stdout).toContain(`parte 2/${parti}: nessuna risposta utile (connessione interrotta`);
      expect(r.stdout).toContain(`parte 2/${parti} ricevuta al tentativo 2`);
      expect(r.stdout).not.toContain('già ricevut');
      const f = await registro(nome);
      expect(f).toMatchObject({ parti, partiRicevute: parti, riepilogo: { record: 30 } });
    } finally {
      await proxy.close();
    }
  });

  it('says the gateway is unreachable at its URL and suggests npm start, exit 1', async () => {
    const altrove = `http://127.0.0.1:${await portaLibera()}/graphql`;

    const r = await comeOperatore(['invia', ESEMPIO_PS, '--tentativi', '1'], { CASELLARIO_URL: altrove });

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain(`${ESEMPIO_PS}: il gateway non è raggiungibile all'indirizzo ${altrove} (connessione rifiutata, ECONNREFUSED; 1 tentativo)`);
    expect(r.stderr).toContain('«npm start»');
  });

  it('explains a token the registry refuses, and does not try the next files', async () => {
    const r = await comeOperatore(['invia', ESEMPIO_PS, ESEMPIO_SINBA], { CASELLARIO_TOKEN: 'non-un-jwt' });

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain(`${ESEMPIO_PS}: il registro non ha accettato il token`);
    expect(r.stderr).toContain('npx pnpm --silent run token --ruolo gestione');
    expect(r.stdout).toContain(`${ESEMPIO_SINBA}: non inviato`);
  });

  it('says clearly that the token is missing, exit 2, before reading anything', async () => {
    const r = await flusso(['invia', ESEMPIO_PS], { CASELLARIO_URL: url });

    expect(r.codice).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Manca il token: passarlo con --token <jwt> o, meglio, nella variabile d'ambiente CASELLARIO_TOKEN.");
    expect(r.stderr).toContain('Per l\'aiuto: npx pnpm --silent run flusso invia --help');
  });

  it('exits 2 on a usage error, and 0 with the Italian help', async () => {
    const sbagliato = await comeOperatore(['invia', ESEMPIO_PS, '--record-per-parte', 'mille']);
    expect(sbagliato.codice).toBe(2);
    expect(sbagliato.stderr).toContain('--record-per-parte vuole un numero intero');

    const aiuto = await flusso(['invia', '--help']);
    expect(aiuto.codice).toBe(0);
    expect(aiuto.stdout).toContain('flusso invia: invia uno o più file di flusso al registro.');
    expect(aiuto.stdout).toContain('npx pnpm --silent run flusso invia flussi/*.xml --esiti esiti.csv --attendi-consegna');
  });
});

describe('flusso stato and flusso esiti', () => {
  it('shows a flow received earlier, with its most frequent codes', async () => {
    const r = await comeOperatore(['stato', 'H501.PS.20210520.0000002']);

    expect(r.codice).toBe(0);
    expect(r.stdout).toContain('Flusso H501.PS.20210520.0000002 (PS_PSA_SINA), ricevuto il ');
    expect(riepilogoStampato(r.stdout)).toEqual({ record: 3, accettati: 0, accettatiConAvvisi: 0, rifiutati: 3 });
    expect(r.stdout).toMatch(/BENEFICIARIO_CF_CONTROLLO +3 +errore/);
  });

  it('says a flow it cannot find is not among the ente\'s, exit 1', async () => {
    const r = await comeOperatore(['stato', 'H501.PS.20000101.0000099']);

    expect(r.codice).toBe(1);
    expect(r.stderr).toContain('H501.PS.20000101.0000099: il registro non ha un flusso «H501.PS.20000101.0000099» del tuo ente');
  });

  it('lists rejected esiti to a CSV file and filters by code on screen', async () => {
    const csv = join(cartella, 'rifiutati.csv');

    const inCsv = await comeOperatore(['esiti', 'H501.PS.20210520.0000002', '--rifiutati', '--csv', csv, '--separatore', ';']);
    const perCodice = await comeOperatore(['esiti', 'H501.PS.20210520.0000002', '--codice', 'PRESTAZIONE_QUOTE_SOMMA_DIVERSA']);

    expect(inCsv.codice).toBe(0);
    expect(inCsv.stdout).toContain(`3 esiti rifiutati del flusso H501.PS.20210520.0000002 scritti in ${csv}.`);
    const righe = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(righe[0]).toBe('flusso;numero;parte;riga;stato;riferimento;codicePrestazione;protocolloDomanda;codici;messaggi');
    expect(righe.slice(1).map((r) => r.split(';').slice(0, 8))).toEqual([
      ['H501.PS.20210520.0000002', '1', '1', '8', 'RIFIUTATO', 'AAA***********1C', 'A1.16', '12356Mari'],
      ['H501.PS.20210520.0000002', '2', '1', '20', 'RIFIUTATO', 'AAA***********1C', 'A2.16', '12356Mari'],
      ['H501.PS.20210520.0000002', '3', '1', '27', 'RIFIUTATO', 'AAA***********1C', 'A1.09', 'test'],
    ]);
    expect(righe[1]).toContain('BENEFICIARIO_CF_CONTROLLO');
    expect(righe[1]).toContain('ha il carattere di controllo errato');

    expect(perCodice.codice).toBe(0);
    expect(perCodice.stdout).toContain('n. 1 · parte 1 · riga 8 · RIFIUTATO · AAA***********1C · A1.16 · domanda 12356Mari');
    expect(perCodice.stdout).toContain('    ERRORE PRESTAZIONE_QUOTE_SOMMA_DIVERSA (ImportoMensile): ');
    expect(perCodice.stdout).toContain('1 esito con la segnalazione PRESTAZIONE_QUOTE_SOMMA_DIVERSA del flusso H501.PS.20210520.0000002.');
  });
});
