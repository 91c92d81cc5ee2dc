import { randomUUID } from 'node:crypto';
import { validateCodiceFiscale } from '@casellario/domain';
import { bulkInsertRows, type DatabaseHandle } from '@casellario/kit';
import { eq, inArray, sql } from 'drizzle-orm';
import { anagraficaMostrata, valoriMostrati, type AnagraficaMostrata, type Dichiarazione } from '../domain/anagrafica-mostrata';
import { dichiarazione, indirizzo, persona } from './schema';

/** A beneficiary as a flow delivers it: the codice fiscale with `Anagrafica` and `Indirizzo`, and where it came from. */
export interface PersonaConsegnata {
  codiceFiscale: string;
  anagrafica: {
    cognome: string;
    nome: string;
    annoNascita: string;
    luogoNascita: string;
    genere: string;
    codiceCittadinanza: string;
    codiceSecondaCittadinanza?: string;
  };
  indirizzi: Array<{ codiceRegione?: string; codiceComune?: string; codiceNazione: string }>;
  /** Order of the record that carried this anagrafica (see `persona.versione`); 0 when unknown. */
  versione?: number;
  /** Provenance: the ente that sent the record, the flow's name, the record's flow-wide number, when the flow was received. */
  ente?: string | null;
  flusso?: string | null;
  record?: number | null;
  ricevutoIl?: string | null;
}

type Tx = DatabaseHandle['db'];

function dichiarazioneDi(item: PersonaConsegnata): Dichiarazione {
  const a = item.anagrafica;
  return {
    ente: item.ente ?? null,
    flusso: item.flusso ?? null,
    record: item.record ?? null,
    ricevutoIl: item.ricevutoIl ? new Date(item.ricevutoIl) : null,
    versione: item.versione ?? 0,
    cognome: a.cognome,
    nome: a.nome,
    annoNascita: Number(a.annoNascita),
    luogoNascita: a.luogoNascita,
    genere: a.genere,
    codiceCittadinanza: a.codiceCittadinanza,
    codiceSecondaCittadinanza: a.codiceSecondaCittadinanza ?? null,
    indirizzi: item.indirizzi.map((i) => ({ codiceRegione: i.codiceRegione ?? null, codiceComune: i.codiceComune ?? null, codiceNazione: i.codiceNazione })),
  };
}

/** The shown columns of `persona` from what the rule shows. */
function colonneMostrate(m: AnagraficaMostrata) {
  return { ...valoriMostrati(m), versione: m.guida.versione };
}

const chiaveEnte = (ente: string | null) => ente ?? '\u0000';

/**
 * Pseudonymisation at the border: turns codici fiscali into the opaque person ids
 * every other component stores, creating persons never seen before. Each record is
 * its ente's claim about the person (`dichiarazione`, replaced only by a newer
 * record of the same ente); what is shown by default (`persona` and `indirizzo`)
 * is recomputed from the claims by the rule of domain/anagrafica-mostrata.ts, so
 * a record of one ente never changes what another ente delivered, and a claim
 * contradicting the codice fiscale never sets year, sex or birthplace.
 * Idempotent: delivering the same beneficiaries again returns the same ids and
 * changes nothing. Returns one `{ personaId }` per item, in order; an item whose
 * codice fiscale is not valid gets `{ ok: false, errore }` (kit
 * `EsitoItemConsegna`) and the others are stored: one bad person never fails the
 * batch (issue 19).
 */
export async function consegnaPersone(
  handle: DatabaseHandle,
  items: readonly PersonaConsegnata[],
): Promise<Array<{ personaId: string } | { ok: false; errore: string }>> {
  // The newest record of each (codice fiscale, ente): one statement may not upsert a row twice.
  const latest = new Map<string, Map<string, { item: PersonaConsegnata; claim: Dichiarazione }>>();
  const invalidi = new Set<number>();
  items.forEach((item, n) => {
    const check = validateCodiceFiscale(item.codiceFiscale);
    if (!check.valid || !check.kind) {
      invalidi.add(n);
      return;
    }
    const claim = dichiarazioneDi(item);
    const perEnte = latest.get(check.normalized) ?? new Map();
    latest.set(check.normalized, perEnte);
    const seen = perEnte.get(chiaveEnte(claim.ente));
    if (!seen || claim.versione >= seen.claim.versione) perEnte.set(chiaveEnte(claim.ente), { item, claim });
  });
  const risposta = (ids: Map<string, string>) =>
    items.map((item, n) =>
      invalidi.has(n) ? { ok: false as const, errore: 'codice fiscale non valido in consegna' } : { personaId: ids.get(validateCodiceFiscale(item.codiceFiscale).normalized)! },
    );
  if (latest.size === 0) return risposta(new Map());
  const ids = new Map<string, string>();
  await handle.db.transaction(async (txDb) => {
    const tx = txDb as unknown as Tx;
    const t = { ...handle, db: tx };
    const codici = [...latest.keys()];
    const esistenti = await tx
      .select({ id: persona.id, codiceFiscale: persona.codiceFiscale, enteTitolare: persona.enteTitolare })
      .from(persona)
      .where(inArray(persona.codiceFiscale, codici));
    const perCodice = new Map(esistenti.map((p) => [p.codiceFiscale, p]));
    const memorizzate = esistenti.length
      ? await tx.select().from(dichiarazione).where(inArray(dichiarazione.personaId, esistenti.map((p) => p.id)))
      : [];
    const claimsOf = new Map<string, Dichiarazione[]>();
    for (const d of memorizzate) {
      const list = claimsOf.get(d.personaId) ?? [];
      list.push({ ...d, indirizzi: d.indirizzi ?? [] });
      claimsOf.set(d.personaId, list);
    }

    const nuove: Array<typeof persona.$inferInsert> = [];
    const cambiate: Array<{ id: string; mostrata: AnagraficaMostrata; indirizziCambiati: boolean }> = [];
    const nuoviIndirizzi: Array<{ id: string; mostrata: AnagraficaMostrata }> = [];
    const daScrivere: Array<typeof dichiarazione.$inferInsert> = [];
    for (const [cf, perEnte] of latest) {
      const esistente = perCodice.get(cf);
      const id = esistente?.id ?? randomUUID();
      ids.set(cf, id);
      const prima = esistente ? (claimsOf.get(id) ?? []) : [];
      const dopo = new Map(prima.map((d) => [chiaveEnte(d.ente), d]));
      for (const [k, { claim }] of perEnte) {
        const stored = dopo.get(k);
        // An older (or the same) record of an ente leaves that ente's claim as it is.
        if (stored && claim.versione <= stored.versione) continue;
        dopo.set(k, claim);
        daScrivere.push({ personaId: id, ...claim });
      }
      const claims = [...dopo.values()];
      // The titolare is the ente that first delivered the person, and stays so.
      const titolare = esistente ? esistente.enteTitolare : ([...perEnte.values()].sort((a, b) => a.claim.versione - b.claim.versione)[0]?.claim.ente ?? null);
      const mostrata = anagraficaMostrata(cf, claims, titolare)!;
      if (!esistente) {
        const check = validateCodiceFiscale(cf);
        nuove.push({ id, codiceFiscale: cf, tipoCodiceFiscale: check.kind!, enteTitolare: titolare, ...colonneMostrate(mostrata) });
        nuoviIndirizzi.push({ id, mostrata });
        continue;
      }
      const primaMostrata = anagraficaMostrata(cf, prima, titolare);
      const uguale = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const indirizziCambiati = !uguale(primaMostrata?.indirizzi, mostrata.indirizzi);
      if (!primaMostrata || indirizziCambiati || !uguale(colonneMostrate(primaMostrata), colonneMostrate(mostrata))) {
        cambiate.push({ id, mostrata, indirizziCambiati: !primaMostrata || indirizziCambiati });
      }
    }

    if (nuove.length > 0) {
      const inserted = await bulkInsertRows<typeof persona, { id: string }>(t, persona, nuove, sql`on conflict (codice_fiscale) do nothing returning id`);
      // Another writer created one of them meanwhile: its claims were computed without ours. Try again.
      if (inserted.length !== nuove.length) throw new Error('persone create in parallelo da un altro processo: nuovo tentativo');
    }
    // Per row: the jsonb addresses would not survive the kit's array-typed bulk insert.
    for (let i = 0; i < daScrivere.length; i += 1000) {
      await tx
        .insert(dichiarazione)
        .values(daScrivere.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [dichiarazione.personaId, dichiarazione.ente],
          set: {
            flusso: sql`excluded.flusso`,
            record: sql`excluded.record`,
            ricevutoIl: sql`excluded.ricevuto_il`,
            versione: sql`excluded.versione`,
            cognome: sql`excluded.cognome`,
            nome: sql`excluded.nome`,
            annoNascita: sql`excluded.anno_nascita`,
            luogoNascita: sql`excluded.luogo_nascita`,
            genere: sql`excluded.genere`,
            codiceCittadinanza: sql`excluded.codice_cittadinanza`,
            codiceSecondaCittadinanza: sql`excluded.codice_seconda_cittadinanza`,
            indirizzi: sql`excluded.indirizzi`,
          },
          setWhere: sql`excluded.versione > ${dichiarazione.versione}`,
        });
    }
    // Usually none: only an ente's own newer record changes what is shown.
    for (const c of cambiate) {
      await tx
        .update(persona)
        .set({ ...colonneMostrate(c.mostrata), updatedAt: sql`now()` })
        .where(eq(persona.id, c.id));
      if (c.indirizziCambiati) {
        await tx.delete(indirizzo).where(eq(indirizzo.personaId, c.id));
        nuoviIndirizzi.push({ id: c.id, mostrata: c.mostrata });
      }
    }
    if (nuoviIndirizzi.length === 0) return;
    await bulkInsertRows(
      t,
      indirizzo,
      nuoviIndirizzi.flatMap(({ id, mostrata }) =>
        mostrata.indirizzi.slice(0, 5).map((a, n) => ({
          personaId: id,
          ordine: n + 1,
          codiceRegione: a.codiceRegione,
          codiceComune: a.codiceComune,
          codiceNazione: a.codiceNazione,
        })),
      ),
    );
  });
  return risposta(ids);
}
