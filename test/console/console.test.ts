import { readFile } from 'node:fs/promises';
import { graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { signDevToken } from '@casellario/policies';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esempioPsCorretto, esempioSinbaCorretto } from '../flussi-support';
import { accessibilityViolations, fitsWidth, newLaptopPage } from './browser';
import { screenshot, signIn, startConsoleHarness, type ConsoleHarness } from './console-fixture';

/** A PS flow of H501 with one beneficiary the rules accept (with warnings) and one whose codice fiscale fails its check character. */
function flussoMisto(progressivo: string): string {
  const corretto = esempioPsCorretto(progressivo);
  const beneficiario = /<Beneficiario[\s\S]*?<\/Beneficiario>/.exec(corretto)![0];
  return corretto.replace(beneficiario, `${beneficiario}\n${beneficiario.replace('AAABBB39M66A351T', 'AAABBB39M66A351C')}`);
}

/** A PS flow whose 70 beneficiaries, 3 benefits each, all fail the codice fiscale check: 210 esiti, more than one page. */
function flussoGrande(progressivo: string): string {
  const corretto = esempioPsCorretto(progressivo);
  const beneficiario = /<Beneficiario[\s\S]*?<\/Beneficiario>/.exec(corretto)![0];
  const sbagliato = beneficiario.replace('AAABBB39M66A351T', 'AAABBB39M66A351C');
  return corretto.replace(beneficiario, Array.from({ length: 70 }, () => sbagliato).join('\n'));
}

const euro = (n: number) => new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(n);

describe('operator console in headless Chromium, served by the platform', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsoleHarness();
  });
  afterAll(() => h?.stop());

  it('an ente operator sends a picked and a dropped flow, follows them, filters the rejected records by code and downloads the esito as CSV and JSON', async () => {
    const { context, page } = await newLaptopPage(h.browser);
    await signIn(page, h.consoleUrl, { ruolo: 'gestione', ente: 'H501' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Invio flussi');

    // Arrange: one flow through the file picker, one dropped on the drop zone.
    await page.getByLabel('Scegli i file dei flussi').setInputFiles({ name: 'misto.xml', mimeType: 'text/xml', buffer: Buffer.from(flussoMisto('0000031')) });
    const dropped = await page.evaluateHandle((xml) => {
      const dt = new DataTransfer();
      dt.items.add(new File([xml], 'sinba.xml', { type: 'text/xml' }));
      return dt;
    }, esempioSinbaCorretto('00000032'));
    await page.locator('.zona-rilascio').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.getByLabel('Tipo di flusso').evaluateAll((s) => (s as HTMLSelectElement[]).map((x) => x.value))).resolves.toEqual(['PS_PSA_SINA', 'SINBA']);

    // Act: send both, watching the progress bars appear.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressi: string[] }).progressi = seen;
      new MutationObserver(() => document.querySelectorAll('progress').forEach((p) => seen.push(p.labels?.[0]?.textContent ?? ''))).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole('button', { name: 'Invia 2 flussi' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.invio.fase-fatto').length === 2, undefined, { timeout: 30_000 });

    // Assert: progress was shown, both flows were received and delivered, with their counts.
    const progressi = await page.evaluate(() => (window as unknown as { progressi: string[] }).progressi);
    expect(progressi).toContain('Caricamento di misto.xml');
    const riepiloghi = await page.locator('.invio').allInnerTexts();
    expect(riepiloghi[0]).toContain('H501.PS.20210520.0000031');
    expect(riepiloghi[0]).toMatch(/Record\s+6\s+Accettati\s+0\s+Con avvisi\s+3\s+Rifiutati\s+3/);
    expect(riepiloghi[1]).toContain('H501.SINBA.20210520.00000032');

    // The esiti of the first flow: every record, then the rejected only, then one code.
    const righe = page.locator('.esiti tbody tr');
    await page.getByRole('status').filter({ hasText: '6 record mostrati' }).waitFor();
    await expect(righe.count()).resolves.toBe(6);
    await page.getByLabel('Solo rifiutati').check();
    await page.getByRole('status').filter({ hasText: '3 record mostrati' }).waitFor();
    expect((await righe.allInnerTexts()).every((t) => t.includes('Rifiutato'))).toBe(true);
    await page.getByLabel('Codice', { exact: true }).selectOption('BENEFICIARIO_CF_CONTROLLO');
    await page.getByRole('status').filter({ hasText: '3 record mostrati' }).waitFor();
    expect((await righe.allInnerTexts()).every((t) => t.includes('BENEFICIARIO_CF_CONTROLLO'))).toBe(true);
    await screenshot(page, 'invio-flussi', { fullPage: true });

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe('esiti-H501.PS.20210520.0000031-rifiutati-BENEFICIARIO_CF_CONTROLLO.csv');
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('numero;parte;riga;stato;riferimento;codicePrestazione;protocolloDomanda;codice;gravita;campo;messaggio');
    expect(new Set(csv.slice(1).map((l) => l.split(';')[0]))).toEqual(new Set(['4', '5', '6']));
    expect(csv.slice(1).every((l) => l.split(';')[3] === 'RIFIUTATO')).toBe(true);
    expect(csv.some((l) => l.includes(';BENEFICIARIO_CF_CONTROLLO;ERRORE;'))).toBe(true);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica JSON' }).click()]);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as { flusso: string; esiti: Array<{ numero: number; stato: string }> };
    expect(json.flusso).toBe('H501.PS.20210520.0000031');
    expect(json.esiti.map((e) => [e.numero, e.stato])).toEqual([
      [4, 'RIFIUTATO'],
      [5, 'RIFIUTATO'],
      [6, 'RIFIUTATO'],
    ]);

    // The same answer as the API gives the same operator.
    const api = await graphqlRequest<{ flusso: { riepilogo: { rifiutati: number } } }>(h.tp.gatewayUrl, '{ flusso(nome: "H501.PS.20210520.0000031") { riepilogo { rifiutati } } }', {
      token: await ROLE_TOKENS.gestione('H501'),
    });
    expect(api.data?.flusso.riepilogo.rifiutati).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it("a case worker opens GIULIA BIANCHI's cartella by keyboard alone and reads it as a timeline with amounts and periods", async () => {
    const { context, page } = await newLaptopPage(h.browser);
    await page.goto(h.consoleUrl);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'accesso');

    // Sign in with the keyboard: the default purpose (gestione) and ente (H501), Enter in the ente field.
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', outline: getComputedStyle(document.activeElement!).outlineStyle }));
    const tabTo = async (match: (f: { id: string; text: string }) => boolean) => {
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (match(f)) return f;
      }
      throw new Error('focus never reached the control');
    };
    expect((await tabTo((f) => f.id === 'ente')).outline).toBe('solid');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'contenuto');
    expect((await tabTo((f) => f.text === 'Cartella sociale')).outline).toBe('solid');
    await page.keyboard.press('Enter');
    // The new screen takes the focus once rendered (app.tsx); tab from there, not before it
    // lands (on a busy machine keystrokes sent earlier would go to the old screen).
    await page.waitForFunction(() => document.activeElement?.id === 'contenuto');
    expect((await tabTo((f) => f.id === 'codice-fiscale')).outline).toBe('solid');
    await page.keyboard.type('bncgli58e43h501t');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'BIANCHI GIULIA' }).waitFor();

    // The timeline holds every benefit and assessment the API returns for her, newest first.
    const { data } = await graphqlRequest<{
      persona: {
        prestazioniAgevolate: Array<{ dataInizio: string | null; dataErogazione: string | null; importoMensile: number | null }>;
        prestazioniSociali: Array<{ dataInizio: string | null; dataErogazione: string | null }>;
        valutazioniSina: Array<{ dataValutazione: string }>;
        valutazioniSip: Array<{ caso: { dataDomanda: string } }>;
      };
    }>(
      h.tp.gatewayUrl,
      '{ persona(codiceFiscale: "BNCGLI58E43H501T") { prestazioniAgevolate { dataInizio dataErogazione importoMensile } prestazioniSociali { dataInizio dataErogazione } valutazioniSina { dataValutazione } valutazioniSip { caso { dataDomanda } } } }',
      { token: await ROLE_TOKENS.gestione('H501') },
    );
    const p = data!.persona;
    const date = [
      ...p.prestazioniAgevolate.map((x) => x.dataInizio ?? x.dataErogazione),
      ...p.prestazioniSociali.map((x) => x.dataInizio ?? x.dataErogazione),
      ...p.valutazioniSina.map((x) => x.dataValutazione),
      ...p.valutazioniSip.map((x) => x.caso.dataDomanda),
    ].sort();
    expect(p.prestazioniAgevolate.length * p.valutazioniSina.length * p.valutazioniSip.length).toBeGreaterThan(0);
    const eventi = page.locator('.timeline > li');
    await expect(eventi.count()).resolves.toBe(date.length);
    const prima = date.at(-1)!.split('-').reverse().join('/');
    await expect(eventi.first().locator('time').first().textContent()).resolves.toBe(prima);
    const testo = await page.locator('.cartella').innerText();
    expect(testo).toContain('BNCGLI58E43H501T');
    expect(testo).toContain('Valutazione multidimensionale SINA');
    expect(testo).toContain('Caso SIP');
    const mensile = p.prestazioniAgevolate.find((x) => x.importoMensile !== null)!.importoMensile!;
    expect(testo).toContain(`Mensile ${euro(mensile)}`);

    await screenshot(page, 'cartella');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('a control body must name its case before anything is read, sends it on every request, lists anomalies with evidence and records an accertamento', async () => {
    const { context, page } = await newLaptopPage(h.browser);
    const riferimenti: Array<string | undefined> = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) riferimenti.push(r.headers()['x-riferimento']);
    });

    // Without a case reference the console refuses to sign in.
    await page.goto(h.consoleUrl);
    await page.getByLabel('Finalità').selectOption('controllo');
    await expect(page.getByLabel('Ente', { exact: true }).inputValue()).resolves.toBe('GDF');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('richiede il riferimento della pratica');
    await page.getByLabel(/Riferimento della pratica/).fill('PV-2026-0042');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anomalie e accertamenti' }).waitFor();

    // The ISEE listing, as the API gives it to GDF.
    await page.getByRole('button', { name: 'Cerca anomalie' }).click();
    const schede = page.locator('.anomalia');
    await schede.first().waitFor();
    const { data } = await graphqlRequest<{ anomalieIsee: { elementi: Array<{ tipo: string; prestazione: { id: string; codicePrestazione: string } }> } }>(
      h.tp.gatewayUrl,
      '{ anomalieIsee(filtro: {}, primi: 20) { elementi { tipo prestazione { id codicePrestazione } } } }',
      { token: await ROLE_TOKENS.controllo('GDF'), riferimento: 'PV-2026-0042' },
    );
    const attese = data!.anomalieIsee.elementi;
    await expect(schede.count()).resolves.toBe(attese.length);
    await expect(schede.locator('.evidenza').count()).resolves.toBe(attese.length);
    const sopraSoglia = attese.findIndex((a) => a.tipo === 'ISEE_SOPRA_SOGLIA');
    const scheda = schede.nth(sopraSoglia);
    const testoScheda = await scheda.innerText();
    expect(testoScheda).toContain('ISEE sopra la soglia');
    expect(testoScheda).toMatch(/Eccedenza\s+[\d.]+,\d\d\s€/);
    await screenshot(page, 'anomalie');

    // Record the accertamento on it.
    await scheda.getByRole('button', { name: /^Registra accertamento/ }).click();
    await scheda.getByLabel('Anomalia confermata').check();
    await scheda.getByLabel(/Importo da recuperare/).fill('1.234,56');
    await scheda.getByLabel('Note').fill('Verifica documentale');
    await scheda.getByRole('button', { name: 'Registra', exact: true }).click();
    await expect(scheda.getByRole('status').textContent()).resolves.toContain('per la pratica PV-2026-0042');

    const stored = await h.tp.platform.handles['prestazioni-agevolate']!.rows<{ esito: string; importo: string; riferimento: string; ente: string; note: string }>(
      sql`select esito, importo_da_recuperare::text as importo, riferimento, ente, note from prestazioni_agevolate.accertamento where prestazione_id = ${attese[sopraSoglia]!.prestazione.id}`,
    );
    expect(stored).toEqual([{ esito: 'CONFERMATO', importo: '1234.56', riferimento: 'PV-2026-0042', ente: 'GDF', note: 'Verifica documentale' }]);
    // The card lists it at once, and a new search reads it back from the platform.
    const registrati = () => scheda.locator('.accertamenti li').allTextContents();
    await expect(registrati()).resolves.toEqual([expect.stringMatching(/anomalia confermata, da recuperare 1\.?234,56\s€ — GDF, pratica PV-2026-0042/)]);
    await page.getByRole('button', { name: 'Cerca anomalie' }).click();
    await scheda.getByRole('button', { name: /^Registra accertamento/ }).waitFor();
    await expect(registrati()).resolves.toEqual([expect.stringMatching(/anomalia confermata, da recuperare 1\.?234,56\s€ — GDF, pratica PV-2026-0042/)]);
    await expect(schede.nth(sopraSoglia === 0 ? 1 : 0).innerText()).resolves.toContain('Nessun accertamento registrato');
    expect(riferimenti.length).toBeGreaterThanOrEqual(2);
    expect(new Set(riferimenti)).toEqual(new Set(['PV-2026-0042']));
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('a region sees persons and amounts by area di utenza, code, comune and month, with suppressed cells as "dato oscurato" and never as zero', async () => {
    const { context, page } = await newLaptopPage(h.browser);
    await signIn(page, h.consoleUrl, { ruolo: 'programmazione', ente: 'R12', territorio: '12' });
    await page.getByRole('heading', { level: 1, name: 'Cruscotto — territorio 12' }).waitFor();
    const grafici = page.locator('figure.grafico');
    await page.locator(`[data-caricato="aggregatiPrestazioniSociali-${new Date().getFullYear() - 1}"]`).waitFor();
    await expect(grafici.locator('h2').allTextContents()).resolves.toEqual(['Per area di utenza', 'Per codice di prestazione', 'Per comune di residenza', 'Nel tempo (per mese)']);

    // Each chart shows what the API gives the same region, cell by cell.
    const token = await ROLE_TOKENS.programmazione('12');
    const anno = new Date().getFullYear() - 1;
    const tabella = async (per: string) => {
      const r = await graphqlRequest<{ t: { celle: Array<{ chiave: string[]; etichetta: string[]; persone: number | null; soppressa: boolean }>; totale: { persone: number | null; soppressa: boolean } } }>(
        h.tp.gatewayUrl,
        `{ t: aggregatiPrestazioniSociali(filtro: { anno: ${anno} }, per: [${per}]) { celle { chiave etichetta persone soppressa } totale { persone soppressa } } }`,
        { token },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.t;
    };
    const aree = await tabella('AREA_UTENZA');
    const righeAree = await grafici.nth(0).locator('li').allInnerTexts();
    expect(righeAree).toHaveLength(aree.celle.length);
    for (const c of aree.celle) {
      const riga = righeAree.find((t) => t.startsWith(c.etichetta[0]!))!;
      expect(riga.split('\n').at(-1)).toBe(c.soppressa ? 'dato oscurato' : new Intl.NumberFormat('it-IT').format(c.persone!));
    }

    // The comuni of a region hold small cells: each suppressed one reads "dato oscurato", none reads 0.
    const comuni = await tabella('COMUNE');
    const soppressi = comuni.celle.filter((c) => c.soppressa);
    expect(soppressi.length).toBeGreaterThan(0);
    const righeComuni = await grafici.nth(2).locator('li').allInnerTexts();
    const oscurate = righeComuni.filter((t) => t.endsWith('dato oscurato'));
    expect(oscurate.length).toBe(Math.min(soppressi.length, Math.max(0, 15 - (comuni.celle.length - soppressi.length))));
    expect(righeComuni.some((t) => /\n0$/.test(t))).toBe(false);
    await expect(page.getByRole('group', { name: 'Filtri del cruscotto' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'cruscotto');

    // Amounts: the same charts in euro.
    await page.getByLabel('Misura').selectOption('importo');
    await expect(grafici.nth(0).locator('li .barra-valore').first().textContent()).resolves.toMatch(/€|dato oscurato/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });

  it('a programmazione or monitoraggio session never renders a codice fiscale or a name of the demo data', async () => {
    const persone = h.tp.dataset.persone;
    const codiciFiscali = persone.map((p) => p.codiceFiscale);
    const nomiCompleti = persone.flatMap((p) => [`${p.cognome} ${p.nome}`, `${p.nome} ${p.cognome}`].map((n) => n.toLowerCase()));
    const leaks = (text: string) => {
      const lower = text.toLowerCase();
      return [...codiciFiscali.filter((cf) => text.toUpperCase().includes(cf)), ...nomiCompleti.filter((n) => lower.includes(n))];
    };
    // The detector finds what a gestione session shows (so an empty result below means something).
    expect(new Set(leaks('BIANCHI GIULIA (BNCGLI58E43H501T)'))).toEqual(new Set(['BNCGLI58E43H501T', 'bianchi giulia']));
    const anno = new Date().getFullYear() - 1;
    for (const who of [
      { ruolo: 'programmazione', ente: 'R12', territorio: '12' },
      { ruolo: 'monitoraggio', ente: 'MLPS' },
    ]) {
      const { context, page } = await newLaptopPage(h.browser);
      const answers: Array<Promise<string>> = [];
      page.on('response', (r) => {
        if (r.url().endsWith('/graphql')) answers.push(r.text());
      });
      await signIn(page, h.consoleUrl, who);
      for (const fonte of ['aggregatiPrestazioniSociali', 'aggregatiPrestazioniAgevolate']) {
        await page.getByLabel('Prestazioni', { exact: true }).selectOption(fonte);
        await page.locator(`[data-caricato="${fonte}-${anno}"]`).waitFor();
        const text = await page.evaluate(() => document.body.innerText);
        expect(text).toContain('Per comune di residenza');
        expect({ who: who.ruolo, fonte, leaks: leaks(text) }).toEqual({ who: who.ruolo, fonte, leaks: [] });
      }
      // Nor in anything the browser was sent: the page and every GraphQL answer of the session.
      expect(answers.length).toBeGreaterThanOrEqual(8);
      expect(leaks([await page.content(), ...(await Promise.all(answers))].join('\n'))).toEqual([]);
      await context.close();
    }
  });

  it('signs in with a pasted token, as outside development mode; a token the platform refuses ends the session and says why', async () => {
    const { context, page } = await newLaptopPage(h.browser);
    await page.goto(h.consoleUrl);
    await page.getByRole('button', { name: 'Incolla un token' }).click();
    await page.getByLabel('Token (JWT)').fill(await ROLE_TOKENS.gestione('H501'));
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect(page.locator('.utente').innerText()).resolves.toContain('Gestione · ente H501');
    await page.getByRole('button', { name: 'Esci' }).click();

    // A token signed with a key the platform does not trust: the console cannot tell, the gateway can.
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const forged = await signDevToken({ sub: 'intruso', ruolo: 'gestione', ente: 'H501' }, { key: await exportJWK(privateKey) });
    await page.getByRole('button', { name: 'Incolla un token' }).click();
    await page.getByLabel('Token (JWT)').fill(forged);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Cartella sociale' }).click();
    await page.getByLabel('Codice fiscale').fill('BNCGLI58E43H501T');
    await page.getByRole('button', { name: 'Apri la cartella' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toBe('Sessione terminata: Token non valido: firma non verificata. Accedere di nuovo.');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Accesso');
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await context.close();
  });

  it('pages through an esito longer than a page, and downloads every record of it', async () => {
    const { context, page } = await newLaptopPage(h.browser);
    await signIn(page, h.consoleUrl, { ruolo: 'gestione', ente: 'H501' });
    await page.getByLabel('Scegli i file dei flussi').setInputFiles({ name: 'grande.xml', mimeType: 'text/xml', buffer: Buffer.from(flussoGrande('0000041')) });
    await page.getByRole('button', { name: 'Invia il flusso' }).click();
    await page.getByRole('status').filter({ hasText: '200 record mostrati, altri disponibili' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mostra altri esiti' }).click();
    await page.getByRole('status').filter({ hasText: /^210 record mostrati$/ }).waitFor();
    await expect(page.locator('.esiti tbody tr').count()).resolves.toBe(210);
    await expect(page.getByRole('button', { name: 'Mostra altri esiti' }).count()).resolves.toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica JSON' }).click()]);
    const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as { esiti: Array<{ numero: number; stato: string }> };
    expect(json.esiti.map((e) => e.numero)).toEqual(Array.from({ length: 210 }, (_, i) => i + 1));
    expect(json.esiti.every((e) => e.stato === 'RIFIUTATO')).toBe(true);
    await context.close();
  });
});
