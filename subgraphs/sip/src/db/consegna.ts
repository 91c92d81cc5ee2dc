import { addToCaseload, bulkInsertRows, type DatabaseHandle } from '@casellario/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { statoCaso } from '../domain/stato-caso';
import {
  caseload,
  analisiPreliminare,
  casoSip,
  componenteNucleo,
  esitoAnalisiPreliminare,
  impegno,
  incontro,
  progetto,
  progettoSostegno,
  quadroAnalisi,
  quadroAnalisiDimensione,
  quadroAnalisiEquipe,
  sostegno,
} from './schema';

/** A case with every stage, as a SIP flow delivers it (`TipoOperazione` I: insert or replace). */
export interface CasoSipInserito {
  tipoOperazione: 'I';
  /** The id the case takes when first stored (derived by the flows component from the natural key); an existing case keeps its own. */
  id: string;
  enteCodice: string;
  protocolloCaso: string;
  misura: string;
  dataDomanda: string;
  dataPattoDigitale: string | null;
  dataChiusura: string | null;
  codiceComune: string;
  codiceRegione: string;
  /** Members by codice fiscale, in the order sent: `personaIds` turns each into the person id. */
  componenti: Array<{ codiceFiscale: string; ruolo: string; attivabileLavoro: boolean }>;
  analisiPreliminare: { data: string; esito: string } | null;
  quadroAnalisi: {
    data: string;
    dimensioni: Array<{ dimensione: string; risorse: number; vulnerabilita: number; fattoriSostegno: number }>;
    equipe: string[];
  } | null;
  progetto: {
    tipo: string;
    dataSottoscrizione: string;
    obiettivi: string[];
    sostegni: string[];
    impegni: Array<{ codiceFiscale: string; descrizione: string; scadenza: string; stato: string }>;
    incontri: Array<{ data: string; esito: string }>;
  } | null;
  /** Codice fiscale → person id, given by anagrafe through the flows component. Never stored. */
  personaIds: Record<string, string>;
}

/** The cancellation of a case sent in error (`TipoOperazione` C): its key only. */
export interface CasoSipAnnullato {
  tipoOperazione: 'C';
  enteCodice: string;
  protocolloCaso: string;
}

/** An item of the `casi` delivery. */
export type CasoSipConsegnato = CasoSipInserito | CasoSipAnnullato;

/**
 * What a code of a configurable list gets when a flow brings it before the
 * install has described it: the flow rules accept an unknown well-formed code
 * with an AVVISO (the lists grow without a release), so delivery must be able
 * to store it. An operator completes the entry with an UPDATE.
 */
export const DESCRIZIONE_DA_COMPLETARE = 'Codice ricevuto da un flusso SIP: descrizione da completare';

function chiave(enteCodice: string, protocolloCaso: string): string {
  return JSON.stringify([enteCodice, protocolloCaso]);
}

/**
 * Delivery endpoint `casi`: each item is a whole case. An insertion upserts the
 * case on its natural key (ente, ProtocolloCaso) and replaces all its stages, so
 * re-delivering it changes nothing and a corrected case replaces what was there;
 * a cancellation marks the case `annullata` (a later insertion revives it).
 * Items are applied in order within one transaction: a cancellation after an
 * insertion of the same case in the batch wins. Returns one `{ ok: true }` per item.
 */
export async function consegnaCasi(handle: DatabaseHandle, items: readonly CasoSipConsegnato[]): Promise<Array<{ ok: true }>> {
  await handle.db.transaction(async (tx) => {
    const t: DatabaseHandle = { ...handle, db: tx as unknown as DatabaseHandle['db'] };
    let pending: CasoSipInserito[] = [];
    const flush = async () => {
      if (pending.length > 0) await upsertCasiSip(t, pending);
      pending = [];
    };
    for (const item of items) {
      if (item.tipoOperazione === 'C') {
        await flush();
        await annullaCasoSip(t, item);
      } else {
        pending.push(item);
      }
    }
    await flush();
    // This component's own cases put their members in the sending ente's caseload at once.
    await addToCaseload(
      t,
      caseload,
      items.flatMap((i) => (i.tipoOperazione === 'C' ? [] : Object.values(i.personaIds).map((personaId) => ({ personaId, enteCodice: i.enteCodice })))),
    );
  });
  return items.map(() => ({ ok: true as const }));
}

/** Looks a member up in the ids anagrafe gave; a miss is a bug upstream, so the batch fails and is retried, never half-stored. */
function personaId(caso: CasoSipInserito, codiceFiscale: string): string {
  const id = caso.personaIds[codiceFiscale];
  if (!id) throw new Error(`caso ${caso.enteCodice}/${caso.protocolloCaso}: un componente senza identificativo di persona`);
  return id;
}

/**
 * Stores cases with all their stages, idempotently on (ente_codice,
 * protocollo_caso): the case row is upserted (keeping its id and `created_at`,
 * reviving a cancelled case), its stages are deleted and written again from
 * the delivery, and `stato` is recomputed with `statoCaso`, the function every
 * writer of stages uses. Within one call the last delivery of a case wins. Codes
 * of the configurable lists the install does not have yet are added (see
 * `DESCRIZIONE_DA_COMPLETARE`). Call inside a transaction: the deletion and the
 * new stages must land together.
 */
export async function upsertCasiSip(handle: DatabaseHandle, consegnati: readonly CasoSipInserito[]): Promise<void> {
  const { db } = handle;
  const casi = [...new Map(consegnati.map((c) => [chiave(c.enteCodice, c.protocolloCaso), c])).values()];
  if (casi.length === 0) return;

  const esiti = [...new Set(casi.flatMap((c) => (c.analisiPreliminare ? [c.analisiPreliminare.esito] : [])))];
  const sostegni = [...new Set(casi.flatMap((c) => c.progetto?.sostegni ?? []))];
  // An outcome nobody has described does not announce a project: no REI project deadline is computed on it.
  await bulkInsertRows(handle, esitoAnalisiPreliminare, esiti.map((codice) => ({ codice, descrizione: DESCRIZIONE_DA_COMPLETARE, prevedeProgetto: false })), sql`on conflict do nothing`);
  await bulkInsertRows(handle, sostegno, sostegni.map((codice) => ({ codice, descrizione: DESCRIZIONE_DA_COMPLETARE })), sql`on conflict do nothing`);

  const stored = await bulkInsertRows<typeof casoSip, { id: string; ente_codice: string; protocollo_caso: string }>(
    handle,
    casoSip,
    casi.map((c) => ({
      id: c.id,
      enteCodice: c.enteCodice,
      protocolloCaso: c.protocolloCaso,
      codiceComune: c.codiceComune,
      codiceRegione: c.codiceRegione,
      misura: c.misura,
      dataDomanda: c.dataDomanda,
      dataPattoDigitale: c.dataPattoDigitale,
      dataChiusura: c.dataChiusura,
      annullata: false,
      stato: statoCaso({
        analisiPreliminare: c.analisiPreliminare !== null,
        quadroAnalisi: c.quadroAnalisi !== null,
        progetto: c.progetto !== null,
        incontri: c.progetto?.incontri.length ?? 0,
        dataChiusura: c.dataChiusura,
      }),
    })),
    sql`on conflict (ente_codice, protocollo_caso) do update set
      codice_comune = excluded.codice_comune, codice_regione = excluded.codice_regione, misura = excluded.misura,
      data_domanda = excluded.data_domanda, data_patto_digitale = excluded.data_patto_digitale,
      data_chiusura = excluded.data_chiusura, stato = excluded.stato, annullata = false
      returning id, ente_codice, protocollo_caso`,
  );
  const idDi = new Map(stored.map((r) => [chiave(r.ente_codice, r.protocollo_caso), r.id]));
  const righe = casi.map((c) => {
    const casoId = idDi.get(chiave(c.enteCodice, c.protocolloCaso));
    if (!casoId) throw new Error(`caso ${c.enteCodice}/${c.protocolloCaso} non restituito dall'upsert`);
    return { casoId, caso: c };
  });
  const ids = righe.map((r) => r.casoId);

  // Stages are replaced whole. The project goes first: its commitments point at the members.
  await db.delete(progetto).where(inArray(progetto.casoId, ids));
  await db.delete(quadroAnalisi).where(inArray(quadroAnalisi.casoId, ids));
  await db.delete(analisiPreliminare).where(inArray(analisiPreliminare.casoId, ids));
  await db.delete(componenteNucleo).where(inArray(componenteNucleo.casoId, ids));

  await bulkInsertRows(
    handle,
    componenteNucleo,
    righe.flatMap(({ casoId, caso }) =>
      caso.componenti.map((m, n) => ({ casoId, personaId: personaId(caso, m.codiceFiscale), ordine: n + 1, ruolo: m.ruolo, attivabileLavoro: m.attivabileLavoro })),
    ),
  );
  await bulkInsertRows(
    handle,
    analisiPreliminare,
    righe.flatMap(({ casoId, caso: { analisiPreliminare: a } }) => (a ? [{ casoId, data: a.data, esito: a.esito }] : [])),
  );
  const quadri = righe.flatMap(({ casoId, caso }) => (caso.quadroAnalisi ? [{ casoId, quadro: caso.quadroAnalisi }] : []));
  await bulkInsertRows(handle, quadroAnalisi, quadri.map(({ casoId, quadro }) => ({ casoId, data: quadro.data })));
  await bulkInsertRows(handle, quadroAnalisiDimensione, quadri.flatMap(({ casoId, quadro }) => quadro.dimensioni.map((d) => ({ casoId, ...d }))));
  await bulkInsertRows(handle, quadroAnalisiEquipe, quadri.flatMap(({ casoId, quadro }) => quadro.equipe.map((figura) => ({ casoId, figura }))));
  const progetti = righe.flatMap(({ casoId, caso }) => (caso.progetto ? [{ casoId, caso, progetto: caso.progetto }] : []));
  await bulkInsertRows(
    handle,
    progetto,
    progetti.map(({ casoId, progetto: p }) => ({ casoId, tipo: p.tipo, dataSottoscrizione: p.dataSottoscrizione, obiettivi: p.obiettivi })),
  );
  await bulkInsertRows(handle, progettoSostegno, progetti.flatMap(({ casoId, progetto: p }) => p.sostegni.map((codice, n) => ({ casoId, codice, ordine: n + 1 }))));
  await bulkInsertRows(
    handle,
    impegno,
    progetti.flatMap(({ casoId, caso, progetto: p }) =>
      p.impegni.map((m, n) => ({ casoId, ordine: n + 1, personaId: personaId(caso, m.codiceFiscale), descrizione: m.descrizione, scadenza: m.scadenza, stato: m.stato })),
    ),
  );
  await bulkInsertRows(handle, incontro, progetti.flatMap(({ casoId, progetto: p }) => p.incontri.map((m, n) => ({ casoId, ordine: n + 1, data: m.data, esito: m.esito }))));
}

/**
 * Marks as cancelled the case a `TipoOperazione="C"` record names (ente and
 * ProtocolloCaso). The case and its stages stay, for idempotency and history,
 * but no read returns it. Returns how many cases it marked: 0 when the case
 * never arrived, so a repeated cancellation is harmless.
 */
export async function annullaCasoSip({ db }: DatabaseHandle, chiaveCaso: Pick<CasoSipAnnullato, 'enteCodice' | 'protocolloCaso'>): Promise<number> {
  const rows = await db
    .update(casoSip)
    .set({ annullata: true })
    .where(and(eq(casoSip.enteCodice, chiaveCaso.enteCodice), eq(casoSip.protocolloCaso, chiaveCaso.protocolloCaso)))
    .returning({ id: casoSip.id });
  return rows.length;
}
