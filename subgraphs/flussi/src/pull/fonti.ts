import { readFileSync } from 'node:fs';
import type { DatabaseHandle } from '@casellario/kit';
import { notInArray, sql } from 'drizzle-orm';
import { fontePull } from '../db/schema';

/**
 * One comune to poll, as written in the file named by PULL_FONTI_FILE:
 * `{ "ente": "H501", "url": "https://…/waas/v1", "tokenEnv": "PULL_TOKEN_H501" }`.
 * The token is referenced, never written: `tokenEnv` names an environment
 * variable, `tokenFile` a file (a mounted secret); neither for an open endpoint.
 */
export interface ConfigFonte {
  ente: string;
  url: string;
  tokenEnv?: string;
  tokenFile?: string;
  /**
   * The PDND purpose under which the registry calls this comune's e-service: a
   * voucher is obtained from PDND for it (PDND_* variables) instead of a static token.
   */
  pdndPurposeId?: string;
  /** Default true; false keeps the comune and its cursor but stops polling it. */
  attiva?: boolean;
}

const CAMPI = new Set(['ente', 'url', 'tokenEnv', 'tokenFile', 'pdndPurposeId', 'attiva']);

/**
 * Checks a list of sources (parsed JSON) and returns it normalised (URL without
 * a trailing slash). Throws with every problem listed: a mistake in this file
 * must stop the process at start, not surface as a silent gap in the registry.
 */
export function validaFonti(value: unknown, origine: string, env: NodeJS.ProcessEnv = process.env): ConfigFonte[] {
  if (!Array.isArray(value)) throw new Error(`${origine}: expected a JSON array of sources, e.g. [{ "ente": "H501", "url": "https://…/waas/v1", "tokenEnv": "PULL_TOKEN_H501" }]`);
  const problems: string[] = [];
  const fonti: ConfigFonte[] = [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const where = `${origine}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where}: expected an object`);
      return;
    }
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !CAMPI.has(k));
    if (unknown.length > 0) problems.push(`${where}: unknown field(s) ${unknown.join(', ')}`);
    const { ente, url, tokenEnv, tokenFile, pdndPurposeId, attiva } = o;
    if (typeof ente !== 'string' || !/^[A-Z0-9]{1,32}$/.test(ente)) problems.push(`${where}.ente: expected the ente's code (e.g. H501), got ${JSON.stringify(ente)}`);
    else if (seen.has(ente)) problems.push(`${where}.ente: ${ente} is listed twice`);
    else seen.add(ente);
    let base = '';
    if (typeof url !== 'string') problems.push(`${where}.url: expected the API's base URL (e.g. https://comune.example/waas/v1)`);
    else {
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') problems.push(`${where}.url: expected http(s), got ${parsed.protocol}`);
        else if (parsed.protocol === 'http:' && env.NODE_ENV === 'production') problems.push(`${where}.url: plain http is refused in production (flows carry codici fiscali)`);
        if (parsed.search || parsed.hash) problems.push(`${where}.url: no query or fragment expected`);
        base = url.replace(/\/+$/, '');
      } catch {
        problems.push(`${where}.url: not a URL: ${JSON.stringify(url)}`);
      }
    }
    if (tokenEnv !== undefined && (typeof tokenEnv !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(tokenEnv))) problems.push(`${where}.tokenEnv: expected an environment variable name`);
    if (tokenFile !== undefined && (typeof tokenFile !== 'string' || tokenFile.length === 0)) problems.push(`${where}.tokenFile: expected a file path`);
    if (tokenEnv !== undefined && tokenFile !== undefined) problems.push(`${where}: give tokenEnv or tokenFile, not both`);
    if (pdndPurposeId !== undefined && (typeof pdndPurposeId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(pdndPurposeId))) problems.push(`${where}.pdndPurposeId: expected a PDND purpose id`);
    if (pdndPurposeId !== undefined && (tokenEnv !== undefined || tokenFile !== undefined)) problems.push(`${where}: give pdndPurposeId or a static token, not both`);
    if (attiva !== undefined && typeof attiva !== 'boolean') problems.push(`${where}.attiva: expected true or false`);
    fonti.push({
      ente: ente as string,
      url: base,
      ...(typeof tokenEnv === 'string' ? { tokenEnv } : {}),
      ...(typeof tokenFile === 'string' ? { tokenFile } : {}),
      ...(typeof pdndPurposeId === 'string' ? { pdndPurposeId } : {}),
      ...(typeof attiva === 'boolean' ? { attiva } : {}),
    });
  });
  if (problems.length > 0) throw new Error(`Invalid pull sources:\n- ${problems.join('\n- ')}`);
  return fonti;
}

/** Reads and checks the sources file (PULL_FONTI_FILE). */
export function leggiFileFonti(path: string, env: NodeJS.ProcessEnv = process.env): ConfigFonte[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`PULL_FONTI_FILE: cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`PULL_FONTI_FILE: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validaFonti(parsed, path, env);
}

/**
 * Makes the stored sources match the configuration: new comuni are added with
 * `since` 0, known ones get the new URL and token reference and keep their
 * cursor, and comuni no longer listed are deactivated (kept, with their cursor,
 * should they come back).
 */
export async function registraFonti({ db }: DatabaseHandle, fonti: readonly ConfigFonte[]): Promise<void> {
  await db.transaction(async (tx) => {
    if (fonti.length > 0) {
      await tx
        .insert(fontePull)
        .values(
          fonti.map((f) => ({
            enteCodice: f.ente,
            baseUrl: f.url,
            tokenEnv: f.tokenEnv ?? null,
            tokenFile: f.tokenFile ?? null,
            pdndPurposeId: f.pdndPurposeId ?? null,
            attiva: f.attiva ?? true,
          })),
        )
        .onConflictDoUpdate({
          target: fontePull.enteCodice,
          set: {
            baseUrl: sql`excluded.base_url`,
            tokenEnv: sql`excluded.token_env`,
            tokenFile: sql`excluded.token_file`,
            pdndPurposeId: sql`excluded.pdnd_purpose_id`,
            attiva: sql`excluded.attiva`,
            aggiornatoIl: sql`now()`,
          },
        });
    }
    await tx
      .update(fontePull)
      .set({ attiva: false, aggiornatoIl: sql`now()` })
      .where(
        fonti.length > 0
          ? notInArray(
              fontePull.enteCodice,
              fonti.map((f) => f.ente),
            )
          : sql`true`,
      );
  });
}

/** Where the bearer token of a source is read from (never the token itself). */
export interface RiferimentoToken {
  tokenEnv: string | null;
  tokenFile: string | null;
}

/**
 * Reads a source's bearer token at call time (so a rotated secret is picked up
 * without a restart): null for an open endpoint. Throws an Italian message
 * for operators when the reference leads nowhere.
 */
export function leggiToken(rif: RiferimentoToken, env: NodeJS.ProcessEnv): string | null {
  if (rif.tokenEnv) {
    const value = env[rif.tokenEnv]?.trim();
    if (!value) throw new Error(`Token non disponibile: la variabile d'ambiente ${rif.tokenEnv} non è impostata.`);
    return value;
  }
  if (rif.tokenFile) {
    let value: string;
    try {
      value = readFileSync(rif.tokenFile, 'utf8').trim();
    } catch (error) {
      throw new Error(`Token non disponibile: il file ${rif.tokenFile} non si legge (${(error as NodeJS.ErrnoException).code ?? 'errore'}).`);
    }
    if (!value) throw new Error(`Token non disponibile: il file ${rif.tokenFile} è vuoto.`);
    return value;
  }
  return null;
}
