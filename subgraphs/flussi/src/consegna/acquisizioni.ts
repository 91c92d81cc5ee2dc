import { comuneByBelfiore } from '@casellario/domain';
import { ACCESS_LOG_KIND, deliverBatch, SOGGETTO_PERSONA, type AccessRecord, type CaseloadPair, type DatabaseHandle } from '@casellario/kit';
import { eq } from 'drizzle-orm';
import { flusso } from '../db/schema';
import { personeOf, type Payload, type PersonaPayload } from './payload';

/** What the access log names a caseload acquisition by (`Accesso.campi`). */
export const CAMPO_ACQUISIZIONE = 'acquisizioneCaseload';

/** A caseload pair a record grants, with the record that named it and the residence that record gave. */
export interface CoppiaDaRecord extends CaseloadPair {
  record?: number;
  residenza?: Residenza;
}

type Residenza = { codiceComune?: string | null; codiceRegione?: string | null; codiceNazione: string };

/**
 * Whether a residence lies outside an ente's territory: a comune (Belfiore code) by
 * its comune, a region (`Rnn`) by region; national bodies (INPS, …) have no
 * territory to be outside of. Null when it cannot be told (unknown comune, no
 * residence). A residence abroad is outside every comune and region.
 */
export function fuoriTerritorio(ente: string, residenza: Residenza | null | undefined): boolean | null {
  if (!residenza) return null;
  if (/^[A-Z]\d{3}$/.test(ente)) {
    const sede = comuneByBelfiore(ente);
    return sede ? residenza.codiceComune !== sede.istat : null;
  }
  const regione = /^R(\d{2})$/.exec(ente);
  if (regione) return residenza.codiceRegione !== regione[1];
  return false;
}

/** True if either says outside; null only if neither can tell. */
function unoFuori(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === null && b === null ? null : false;
}

/**
 * The (person, ente) pairs a part's records grant — the `caseload` destination's
 * pairs, and the ones each person-linked component adds to its own copy as it
 * stores a record — with the record and residence each came with. A cancellation
 * grants nothing.
 */
export function coppieAcquisite(payloads: readonly Payload[], personaId: (p: PersonaPayload) => string): CoppiaDaRecord[] {
  return payloads.flatMap((payload) => {
    const ente = payload.tipo === 'prestazione' ? payload.prestazione.enteCodice : payload.tipo === 'sip' ? payload.caso.enteCodice : null;
    if (!ente) return [];
    return personeOf(payload)
      .filter((p) => !p.soloRisoluzione)
      .map((p) => ({ personaId: personaId(p), enteCodice: ente, ...(p.record !== undefined ? { record: p.record } : {}), ...(p.indirizzi?.[0] ? { residenza: p.indirizzi[0] } : {}) }));
  });
}

export interface AcquisizioniDeps {
  handle: DatabaseHandle;
  urls: Record<string, string | undefined>;
  token: string;
  /** The flow part the batch comes from. */
  flussoId: string;
}

/**
 * Caseload gained through a flow is on record (issue 13): before any destination
 * is given a part's records — the caseload copies, and the benefit, SINA and SIP
 * components, which each add a record's pair to their own copy as they store it —
 * anagrafe says which of the part's pairs are not in the caseload yet, and each
 * of those becomes an access record (the flow's sender as operator, `gestione`,
 * the acquiring ente, the person, the flow and record, and whether the person
 * lives outside the ente's territory by the record's residence or by the one the
 * registry shows), written to the access log. A log that cannot be written fails
 * the delivery, which is retried, so no pair is granted unrecorded. A retry after
 * the log was written but before the grant logs the pair again: the access log
 * keeps one acquisition per (ente, person), so it is there exactly once.
 * `registrate` remembers the pairs this process has logged, so that the other
 * destinations of the same part ask nothing again.
 */
export async function registraAcquisizioni(deps: AcquisizioniDeps, coppie: readonly CoppiaDaRecord[], registrate: Set<string>): Promise<void> {
  const chiave = (c: CaseloadPair) => `${c.personaId}|${c.enteCodice}`;
  // A person's several records in a part: the first one named the pair.
  const prime = [...new Map([...coppie].reverse().map((c) => [chiave(c), c])).values()].reverse().filter((c) => !registrate.has(chiave(c)));
  if (prime.length === 0) return;
  const anagrafe = deps.urls.anagrafe;
  if (!anagrafe) throw new Error('anagrafe non raggiungibile: indirizzo sconosciuto');
  const risposte = await deliverBatch<{ assente: boolean; residenza: Residenza | null }>(
    anagrafe,
    'caseloadAssenti',
    prime.map(({ personaId, enteCodice }) => ({ personaId, enteCodice })),
    deps.token,
  );
  const nuove = prime.flatMap((c, i) => (risposte[i]?.assente === true ? [{ ...c, registrata: risposte[i].residenza }] : []));
  if (nuove.length > 0) {
    const [origine] = await deps.handle.db.select({ nome: flusso.nome, mittente: flusso.mittente }).from(flusso).where(eq(flusso.id, deps.flussoId));
    if (!origine) throw new Error(`flusso ${deps.flussoId} sconosciuto`);
    const records: AccessRecord[] = nuove.map((c) => ({
      subgraph: 'flussi',
      operatore: origine.mittente,
      ruolo: 'gestione',
      ente: c.enteCodice,
      riferimento: null,
      // The flow part stands for the request: every acquisition of one part shares it.
      requestId: deps.flussoId,
      soggettoTipo: SOGGETTO_PERSONA,
      soggettoId: c.personaId,
      campi: [CAMPO_ACQUISIZIONE],
      flusso: origine.nome,
      record: c.record ?? null,
      fuoriTerritorio: unoFuori(fuoriTerritorio(c.enteCodice, c.residenza), fuoriTerritorio(c.enteCodice, c.registrata)),
    }));
    const accessi = deps.urls.accessi;
    if (!accessi) throw new Error('registro degli accessi non raggiungibile: indirizzo sconosciuto');
    await deliverBatch(accessi, ACCESS_LOG_KIND, records, deps.token).catch((error: unknown) => {
      throw new Error(`Registro degli accessi non disponibile per le acquisizioni del caseload (${(error as Error).message}): nuovo tentativo automatico`);
    });
  }
  // Pairs already in the caseload need no record either: neither is asked about again.
  for (const c of prime) registrate.add(chiave(c));
}
