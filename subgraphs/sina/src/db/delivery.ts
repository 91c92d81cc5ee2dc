import { isWellFormedCodicePrestazione } from '@casellario/domain';
import { bulkInsertRows, type DatabaseHandle } from '@casellario/kit';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { distinctCodes } from '../domain/codici-sina';
import { valutazioneSina } from './schema';

const t = valutazioneSina;

/** An assessment as a delivery brings it: every stored column but the bookkeeping ones. */
export type NuovaValutazioneSina = Omit<typeof valutazioneSina.$inferInsert, 'annullata' | 'createdAt'>;

/** The natural key of an assessment: who sent it, for whom, for which benefit, on which date. */
export interface ChiaveValutazioneSina {
  enteCodice: string;
  personaId: string;
  protocolloDomanda: string;
  codicePrestazione: string;
  dataValutazione: string;
}

/** Columns a re-delivery may change: everything the flow carries, not the id nor when the row was first stored. */
const UPDATABLE = [
  'prestazioneId',
  'mobilita',
  'attivitaVitaQuotidiana',
  'disturbiAreaCognitiva',
  'disturbiComportamentali',
  'necessitaCureSanitarie',
  'areaReddituale',
  'areaSupporto',
  'fonteDerivazioneValutazione',
  'strumentoValutazione',
  'fonteDerivazioneInvalidita',
  'necessitaInterventiSociali',
  'invaliditaCivile',
  'codiceComuneResidenza',
  'codiceRegioneResidenza',
] as const satisfies ReadonlyArray<keyof NuovaValutazioneSina>;

// The handles use `casing: 'snake_case'`, so the stored name of a key is its snake_case form.
function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function excluded(key: string): SQL {
  return sql`excluded.${sql.identifier(snake(key))}`;
}

function naturalKey(v: ChiaveValutazioneSina): string {
  return JSON.stringify([v.enteCodice, v.personaId, v.protocolloDomanda, v.codicePrestazione, v.dataValutazione]);
}

/**
 * Stores assessments idempotently on their natural key
 * (`valutazione_sina_chiave_naturale`): a record delivered again updates the row
 * it first created (same id), so re-sending a flow changes nothing and a
 * correction replaces the attributes; a delivery also revives an assessment a
 * cancellation had hidden. Within one call the last record with a key wins,
 * since one statement cannot touch a row twice. Malformed nomenclatore codes
 * are refused before anything is written (the flow validator should have
 * rejected them; the table's check constraint is the last guard).
 */
export async function deliverValutazioniSina(handle: DatabaseHandle, valutazioni: readonly NuovaValutazioneSina[]): Promise<void> {
  if (valutazioni.length === 0) return;
  const byKey = new Map<string, NuovaValutazioneSina>();
  for (const v of valutazioni) {
    const necessita = distinctCodes(v.necessitaInterventiSociali ?? []);
    const malformed = necessita.find((c) => !isWellFormedCodicePrestazione(c));
    if (malformed !== undefined) throw new Error(`Codice di NecessitaInterventiSociali non ben formato: "${malformed}" (atteso Xn.nn)`);
    byKey.set(naturalKey(v), { ...v, necessitaInterventiSociali: necessita, invaliditaCivile: distinctCodes(v.invaliditaCivile ?? []) });
  }
  // One statement per batch with arrays as parameters (see kit bulkInsertRows).
  const set = sql.join(
    UPDATABLE.map((k) => sql`${sql.identifier(snake(k))} = ${excluded(k)}`),
    sql`, `,
  );
  await bulkInsertRows(
    handle,
    t,
    [...byKey.values()],
    sql`on conflict (ente_codice, persona_id, protocollo_domanda, codice_prestazione, data_valutazione) do update set ${set}, annullata = false`,
  );
}

/**
 * Marks as cancelled the assessment of a benefit that a `TipoOperazione="C"`
 * record cancels (same natural key). The row stays, for the history of what
 * was sent, but no read returns it. Returns how many rows it marked: 0 when
 * the assessment never arrived, so a repeated cancellation is harmless.
 */
export async function annullaValutazioneSina({ db }: DatabaseHandle, chiave: ChiaveValutazioneSina): Promise<number> {
  const rows = await db
    .update(t)
    .set({ annullata: true })
    .where(
      and(
        eq(t.enteCodice, chiave.enteCodice),
        eq(t.personaId, chiave.personaId),
        eq(t.protocolloDomanda, chiave.protocolloDomanda),
        eq(t.codicePrestazione, chiave.codicePrestazione),
        eq(t.dataValutazione, chiave.dataValutazione),
      ),
    )
    .returning({ id: t.id });
  return rows.length;
}
