import { allComuni, validateCodiceFiscale } from '@casellario/domain';
import { caseloadPairs, type DemoDataset } from '@casellario/demo-data';
import { addToCaseload, type DatabaseHandle } from '@casellario/kit';
import { caseload, comune, dichiarazione, ente, indirizzo, persona } from './db/schema';
import type { ValoriAnagrafica } from './domain/anagrafica-mostrata';

/** A demo person's anagrafica in `persona`'s column shape: stored once as shown, once as its titolare's claim. */
function valoriAnagrafica(p: DemoDataset['persone'][number]): ValoriAnagrafica {
  return {
    cognome: p.cognome,
    nome: p.nome,
    annoNascita: Number(p.annoNascita),
    luogoNascita: p.luogoNascita,
    genere: p.genere,
    codiceCittadinanza: p.codiceCittadinanza,
    codiceSecondaCittadinanza: p.codiceSecondaCittadinanza ?? null,
  };
}

const BATCH = 1000;

/** ISTAT comuni with Belfiore codes; idempotent, so every start may run it. */
export async function seedTerritori({ db }: DatabaseHandle): Promise<void> {
  const rows = allComuni().map((c) => ({
    codiceIstat: c.istat,
    belfiore: c.belfiore,
    nome: c.nome,
    siglaProvincia: c.siglaProvincia,
    codiceRegione: c.codiceRegione,
    popolazione: c.popolazione,
  }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(comune).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
  }
}

/** Loads the demo population: enti, persons and their addresses. */
export async function loadDemo(
  handle: DatabaseHandle,
  dataset: Pick<DemoDataset, 'enti' | 'persone'> & Partial<Pick<DemoDataset, 'prestazioni' | 'valutazioniSina' | 'casiSip'>>,
): Promise<void> {
  const { db } = handle;
  await db.insert(ente).values(dataset.enti.map((e) => ({ ...e, codiceComune: e.codiceComune || null }))).onConflictDoNothing();
  // Demo persons have provenance too: the first ente with a benefit or a case for them
  // delivered them (their titolare), in a flow named for the demo load.
  const pairs = caseloadPairs(dataset);
  const titolare = new Map<string, string>();
  for (const p of pairs) if (!titolare.has(p.personaId)) titolare.set(p.personaId, p.enteCodice);
  const ricevutoIl = new Date();
  for (let i = 0; i < dataset.persone.length; i += BATCH) {
    const chunk = dataset.persone.slice(i, i + BATCH);
    await db.insert(persona).values(
      chunk.map((p) => ({
        id: p.id,
        enteTitolare: titolare.get(p.id) ?? null,
        codiceFiscale: p.codiceFiscale,
        tipoCodiceFiscale: validateCodiceFiscale(p.codiceFiscale).kind ?? 'ORDINARIO',
        ...valoriAnagrafica(p),
      })),
    );
    await db.insert(indirizzo).values(
      chunk.flatMap((p) =>
        p.indirizzi.map((a, n) => ({
          personaId: p.id,
          ordine: n + 1,
          codiceRegione: a.codiceRegione ?? null,
          codiceComune: a.codiceComune ?? null,
          codiceNazione: a.codiceNazione,
        })),
      ),
    );
    await db.insert(dichiarazione).values(
      chunk.map((p) => ({
        personaId: p.id,
        ente: titolare.get(p.id) ?? null,
        flusso: titolare.has(p.id) ? 'dati-dimostrativi' : null,
        record: null,
        ricevutoIl: titolare.has(p.id) ? ricevutoIl : null,
        versione: 0,
        ...valoriAnagrafica(p),
        indirizzi: p.indirizzi.map((a) => ({ codiceRegione: a.codiceRegione ?? null, codiceComune: a.codiceComune ?? null, codiceNazione: a.codiceNazione })),
      })),
    );
  }
  await addToCaseload(handle, caseload, pairs);
}
