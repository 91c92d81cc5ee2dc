import { caseloadPairs, type DemoCasoSip, type DemoDataset } from '@casellario/demo-data';
import { addToCaseload, type DatabaseHandle } from '@casellario/kit';
import { codiceSostegno, ESITI_ANALISI_PRELIMINARE, SOSTEGNI } from './domain/catalogo';
import { statoCaso } from './domain/stato-caso';
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
} from './db/schema';

const BATCH = 1000;

/**
 * `DemoCasoSip` with the fields this model adds, optional until the generator
 * writes them: the ente's case number (natural key; the case id stands in for
 * it), the date of the ADI patto di attivazione digitale, and cancellation.
 */
export type CasoSipDemo = DemoCasoSip & { protocolloCaso?: string; dataPattoDigitale?: string; annullata?: boolean };

/** The configurable lists' starting entries; idempotent, and entries added by an install are kept. */
export async function seedCatalogo({ db }: DatabaseHandle): Promise<void> {
  await db.insert(esitoAnalisiPreliminare).values([...ESITI_ANALISI_PRELIMINARE]).onConflictDoNothing();
  await db.insert(sostegno).values([...SOSTEGNI]).onConflictDoNothing();
}

// Multi-row inserts stay well under the 65,535 bind parameters of one statement.
async function inChunks<R>(rows: R[], write: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * Loads demo SIP cases (`dataset.casiSip`) with all their stages, a thousand cases
 * at a time. The stage (`stato`) is derived here, as flow delivery will do.
 * Sostegni may come as codes or as the catalogue's descriptions.
 */
export async function loadDemo(handle: DatabaseHandle, dataset: { casiSip: readonly CasoSipDemo[] } & Partial<Pick<DemoDataset, 'prestazioni' | 'valutazioniSina'>>): Promise<void> {
  const { db } = handle;
  await addToCaseload(handle, caseload, caseloadPairs({ ...dataset, casiSip: [...dataset.casiSip] }));
  for (let i = 0; i < dataset.casiSip.length; i += BATCH) {
    const casi = dataset.casiSip.slice(i, i + BATCH);
    await db
      .insert(casoSip)
      .values(
        casi.map((c) => ({
          id: c.id,
          enteCodice: c.enteCodice,
          protocolloCaso: c.protocolloCaso ?? c.id,
          codiceComune: c.codiceComune,
          codiceRegione: c.codiceRegione,
          misura: c.misura,
          dataDomanda: c.dataDomanda,
          dataPattoDigitale: c.dataPattoDigitale ?? null,
          dataChiusura: c.dataChiusura ?? null,
          annullata: c.annullata ?? false,
          stato: statoCaso({
            analisiPreliminare: c.analisiPreliminare !== undefined,
            quadroAnalisi: c.quadroAnalisi !== undefined,
            progetto: c.progetto !== undefined,
            incontri: c.progetto?.incontri.length ?? 0,
            dataChiusura: c.dataChiusura ?? null,
          }),
        })),
      )
      .onConflictDoNothing();
    await inChunks(
      casi.flatMap((c) => c.componenti.map((m, n) => ({ casoId: c.id, personaId: m.personaId, ordine: n + 1, ruolo: m.ruolo, attivabileLavoro: m.attivabileLavoro }))),
      (rows) => db.insert(componenteNucleo).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      casi.flatMap((c) => (c.analisiPreliminare ? [{ casoId: c.id, data: c.analisiPreliminare.data, esito: c.analisiPreliminare.esito }] : [])),
      (rows) => db.insert(analisiPreliminare).values(rows).onConflictDoNothing(),
    );
    const quadri = casi.flatMap((c) => (c.quadroAnalisi ? [{ casoId: c.id, quadro: c.quadroAnalisi }] : []));
    await inChunks(
      quadri.map((q) => ({ casoId: q.casoId, data: q.quadro.data })),
      (rows) => db.insert(quadroAnalisi).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      quadri.flatMap((q) => q.quadro.dimensioni.map((d) => ({ casoId: q.casoId, ...d }))),
      (rows) => db.insert(quadroAnalisiDimensione).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      quadri.flatMap((q) => q.quadro.equipe.map((figura) => ({ casoId: q.casoId, figura }))),
      (rows) => db.insert(quadroAnalisiEquipe).values(rows).onConflictDoNothing(),
    );
    const progetti = casi.flatMap((c) => (c.progetto ? [{ casoId: c.id, progetto: c.progetto }] : []));
    await inChunks(
      progetti.map(({ casoId, progetto: p }) => ({ casoId, tipo: p.tipo, dataSottoscrizione: p.dataSottoscrizione, obiettivi: p.obiettivi })),
      (rows) => db.insert(progetto).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      progetti.flatMap(({ casoId, progetto: p }) => p.sostegni.map((s, n) => ({ casoId, codice: codiceSostegno(s), ordine: n + 1 }))),
      (rows) => db.insert(progettoSostegno).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      progetti.flatMap(({ casoId, progetto: p }) => p.impegni.map((m, n) => ({ casoId, ordine: n + 1, ...m }))),
      (rows) => db.insert(impegno).values(rows).onConflictDoNothing(),
    );
    await inChunks(
      progetti.flatMap(({ casoId, progetto: p }) => p.incontri.map((m, n) => ({ casoId, ordine: n + 1, ...m }))),
      (rows) => db.insert(incontro).values(rows).onConflictDoNothing(),
    );
  }
}
