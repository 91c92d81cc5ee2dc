import { validateCodiceFiscale } from '@casellario/domain';
import { readPageArgs, recordAccess, SOGGETTO_PERSONA, toPage } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { AccessiContext } from '../context';
import { findAccessiPage, type AccessoRow, type RicercaAccessi } from '../db/queries';
import { verificaRegistroAccessi } from './verifica';

/** `FiltroAccessi` as the client sends it. */
export interface FiltroAccessiInput {
  codiceFiscale?: string | null;
  persona?: string | null;
  soggetto?: { tipo: string; id: string } | null;
  operatore?: string | null;
  ente?: string | null;
  ruolo?: string | null;
  subgraph?: string | null;
  requestId?: string | null;
  requestIdCliente?: string | null;
  dal?: string | null;
  al?: string | null;
  acquisizioni?: boolean | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// An instant with its zone: a bare date or local time would depend on the server's zone.
const ISTANTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function istante(value: string | null | undefined, name: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const time = ISTANTE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw badUserInput(`${name}: istante non valido, usare ISO 8601 con fuso (es. 2026-11-26T09:00:00Z)`);
  return new Date(time);
}

function short(value: string | null | undefined, max: number, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length === 0 || value.length > max) throw badUserInput(`${name}: da 1 a ${max} caratteri`);
  return value;
}

/**
 * The subject a search names, if any: a codice fiscale (resolved by anagrafe; an
 * unknown one matches nothing, and says nothing about whether it exists), an
 * internal person id, or another kind of subject. Naming two that differ matches
 * nothing. Returns `null` for "matches nothing".
 */
async function soggettoCercato(filtro: FiltroAccessiInput, ctx: AccessiContext): Promise<RicercaAccessi['soggetto'] | null> {
  const candidates: Array<{ tipo: string; id: string }> = [];
  if (filtro.codiceFiscale !== null && filtro.codiceFiscale !== undefined) {
    const check = validateCodiceFiscale(filtro.codiceFiscale);
    if (!check.valid) throw badUserInput(check.error?.message ?? 'Codice fiscale non valido');
    const id = await ctx.risolviCodiceFiscale(check.normalized);
    if (!id) return null;
    candidates.push({ tipo: SOGGETTO_PERSONA, id });
  }
  if (filtro.persona !== null && filtro.persona !== undefined) {
    if (!UUID.test(filtro.persona)) throw badUserInput('persona: identificativo interno non valido');
    candidates.push({ tipo: SOGGETTO_PERSONA, id: filtro.persona });
  }
  if (filtro.soggetto) {
    const tipo = short(filtro.soggetto.tipo, 20, 'soggetto.tipo')!;
    candidates.push({ tipo, id: short(filtro.soggetto.id, 80, 'soggetto.id')! });
  }
  const [first] = candidates;
  if (!first) return undefined;
  return candidates.every((c) => c.tipo === first.tipo && c.id === first.id) ? first : null;
}

export const Query = {
  verificaRegistroAccessi,

  /**
   * The log for the audit purpose, newest first. Searching by subject is a read
   * about that person too, so it is itself recorded (under `registroAccessi`),
   * before the answer leaves like every other record.
   */
  async registroAccessi(_: unknown, args: { filtro?: FiltroAccessiInput | null; primi?: number | null; dopo?: string | null }, ctx: AccessiContext) {
    const { limit, after } = readPageArgs(args);
    const prima = after ? Number(after[0]) : null;
    if (prima !== null && !Number.isSafeInteger(prima)) throw badUserInput('Cursore di paginazione (dopo) non valido');
    const filtro = args.filtro ?? {};
    const ricerca: RicercaAccessi = {
      operatore: short(filtro.operatore, 64, 'operatore'),
      ente: short(filtro.ente, 32, 'ente'),
      ruolo: short(filtro.ruolo, 16, 'ruolo'),
      subgraph: short(filtro.subgraph, 40, 'subgraph'),
      requestId: short(filtro.requestId, 64, 'requestId'),
      requestIdCliente: short(filtro.requestIdCliente, 64, 'requestIdCliente'),
      dal: istante(filtro.dal, 'dal'),
      al: istante(filtro.al, 'al'),
      acquisizioni: filtro.acquisizioni ?? undefined,
    };
    const soggetto = await soggettoCercato(filtro, ctx);
    if (soggetto === null) return toPage<AccessoRow>([], limit, (r) => [r.seq]);
    if (soggetto) {
      ricerca.soggetto = soggetto;
      recordAccess(ctx, soggetto, 'registroAccessi');
    }
    const rows = await findAccessiPage(ctx.handle, ricerca, { limit, prima });
    return toPage(rows, limit, (r) => [r.seq]);
  },

  /**
   * The audit control of issue 13: caseload acquisitions whose record placed the
   * person outside the acquiring ente's territory, newest first. It names persons
   * only by internal id, as the rest of the log; looking one up is `registroAccessi`.
   */
  async acquisizioniFuoriTerritorio(
    _: unknown,
    args: { filtro?: { ente?: string | null; dal?: string | null; al?: string | null } | null; primi?: number | null; dopo?: string | null },
    ctx: AccessiContext,
  ) {
    const { limit, after } = readPageArgs(args);
    const prima = after ? Number(after[0]) : null;
    if (prima !== null && !Number.isSafeInteger(prima)) throw badUserInput('Cursore di paginazione (dopo) non valido');
    const filtro = args.filtro ?? {};
    const ricerca: RicercaAccessi = {
      ente: short(filtro.ente, 32, 'ente'),
      dal: istante(filtro.dal, 'dal'),
      al: istante(filtro.al, 'al'),
      acquisizioni: true,
      fuoriTerritorio: true,
    };
    const rows = await findAccessiPage(ctx.handle, ricerca, { limit, prima });
    return toPage(rows, limit, (r) => [r.seq]);
  },
};
