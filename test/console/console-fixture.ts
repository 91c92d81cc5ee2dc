import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from '@casellario/console';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../platform-fixture';
import { launchChromium } from './browser';

export interface ConsoleHarness {
  tp: TestPlatform;
  browser: Browser;
  /** The console, at the gateway's own origin. */
  consoleUrl: string;
  stop(): Promise<void>;
}

/**
 * The console built from its sources into a temporary folder (no previous build
 * needed), served by the real platform in development mode on PGlite with the
 * small demo data set, and a headless Chromium to drive it.
 */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const outDir = await mkdtemp(join(tmpdir(), 'casellario-console-'));
  const [tp, browser] = await Promise.all([
    buildConsole({ outDir }).then(() => startTestPlatform('pglite', { development: true, consoleDir: outDir })),
    launchChromium(),
  ]);
  return {
    tp,
    browser,
    consoleUrl: tp.gatewayUrl.replace(/\/graphql$/, '/'),
    stop: async () => {
      await browser.close();
      await tp.stop();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Screenshots for the README (docs/screenshots/). Every test takes its screen's
 * picture; it is written only with CASELLARIO_SCREENSHOTS=1, so that a test run
 * does not leave the committed pictures modified.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  const png = await page.screenshot({ fullPage: options.fullPage ?? false });
  if (process.env.CASELLARIO_SCREENSHOTS === '1') {
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(join(SCREENSHOTS, `${name}.png`), png);
  }
  return png;
}

/** Signs in through the console's development form, as an operator would. */
export async function signIn(page: Page, consoleUrl: string, who: { ruolo: string; ente: string; territorio?: string; riferimento?: string }): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('Finalità').selectOption(who.ruolo);
  await page.getByLabel('Ente', { exact: true }).fill(who.ente);
  if (who.territorio) await page.getByLabel('Territorio').fill(who.territorio);
  if (who.riferimento) await page.getByLabel(/Riferimento della pratica/).fill(who.riferimento);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('button', { name: 'Esci' }).waitFor();
}
