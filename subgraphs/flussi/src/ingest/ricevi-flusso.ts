import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import {
  creaSegnalazione,
  istatDaDm1986,
  riferimentoCasoSip,
  validaIntestazione,
  type BeneficiarioFlusso,
  type CasoSinbaFlusso,
  type CasoSipFlusso,
  type CatalogoSip,
  type Nomenclatore,
  type TipoFlusso,
} from '@casellario/domain';
import { leggiFlusso } from '@casellario/flussi-formato';
import { bulkInsert, type DatabaseHandle } from '@casellario/kit';
import { badUserInput, forbidden } from '@casellario/policies';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Payload } from '../consegna/payload';
import type { DeliveryWorker } from '../consegna/worker';
import { consegnaParte, flusso, lottoConsegna, prestazioneNota } from '../db/schema';
import type { FlussiKeys } from '../keys';
import { aggiungi, valutaBeneficiari, valutaCasiSinba, valutaCasiSip, type RecordValutato, type Segnalazione } from './esiti';
import { chiaveCasoSip, chiavePrestazione, componenteDi, dataChiave, dataComponente, prestazionePayload, sinbaPayload, sipPayload, valoriPrestazione } from './payloads';

export interface IngestDeps {
  handle: DatabaseHandle;
  keys: FlussiKeys;
  nomenclatore: Nomenclatore;
  /** The SIP configurable lists the rules know (default: their starting entries, see @casellario/domain). */
  catalogoSip?: CatalogoSip;
  worker: DeliveryWorker | null;
  /** Today as AAAA-MM-GG (injectable for tests). */
  oggi?: () => string;
  /** Largest document accepted, in bytes. */
  dimensioneMassima?: number;
}

export interface Invio {
  tipo: TipoFlusso;
  contenuto: string;
  parte?: { numero: number; totale: number; primoRecord: number };
  /** Who sends: the operator's ente must be the flow's (null for the pull collector, which acts for INPS). */
  mittente: { sub: string; ente: string | null };
  origine: 'API' | 'CLI' | 'PULL';
}

export interface Ricevuta {
  nome: string;
  giaRicevuto: boolean;
  contenutoDiverso: boolean;
}

const BATCH = 10_000;
/** Compression runs in libuv's thread pool, off the thread that serves requests. */
const deflate = promisify(deflateRaw);

/**
 * Receives one flow (or one part of it): reads and checks it, gives every record
 * an esito, and stores the flow, its esiti and the outbox of its accepted records
 * in ONE transaction — the durable receipt — before answering. Refusals of the
 * whole flow (malformed, wrong ente, bad header) throw and store nothing.
 * Re-sending a name already received returns the stored esito untouched.
 */
export async function riceviFlusso(deps: IngestDeps, invio: Invio): Promise<Ricevuta> {
  const { db } = deps.handle;
  const parte = invio.parte ?? { numero: 1, totale: 1, primoRecord: 1 };
  if (parte.numero < 1 || parte.numero > parte.totale || parte.totale > 9999 || parte.primoRecord < 1) {
    throw badUserInput('Parte del flusso non valida: numero deve essere tra 1 e totale, primoRecord almeno 1');
  }

  const letto = await leggiFlusso(invio.contenuto, invio.tipo, deps.dimensioneMassima ? { dimensioneMassima: deps.dimensioneMassima } : {});
  if (!letto.ok) {
    throw badUserInput(`Flusso rifiutato: ${letto.rifiuto.messaggio} Nulla è stato registrato.`, letto.rifiuto.codice);
  }
  const { intestazione } = letto;
  if (invio.mittente.ente !== null && intestazione.ente.codice !== invio.mittente.ente) {
    throw forbidden(
      `Il flusso è dell'ente ${intestazione.ente.codice}: con il tuo token puoi inviare solo flussi dell'ente ${invio.mittente.ente}. Nulla è stato registrato.`,
    );
  }

  const oggi = deps.oggi?.() ?? new Date().toISOString().slice(0, 10);
  const testata = validaIntestazione(intestazione, invio.tipo, { oggi });
  const erroriFlusso = [
    ...letto.erroriFlusso.map((e) => `${e.riga ? `riga ${e.riga}: ` : ''}${e.messaggio}`),
    ...testata.segnalazioni.filter((s) => s.gravita === 'ERRORE').map((s) => s.messaggio),
  ];
  if (erroriFlusso.length > 0) {
    throw badUserInput(`Flusso rifiutato, nulla è stato registrato:\n- ${erroriFlusso.slice(0, 20).join('\n- ')}`, 'FLUSSO_NON_VALIDO');
  }
  // After the header checks: the name is then known to belong to the sender's ente.
  const impronta = createHash('sha256').update(invio.contenuto).digest('hex');
  const [gia] = await db
    .select({ impronta: flusso.impronta })
    .from(flusso)
    .where(and(eq(flusso.nome, intestazione.nome), eq(flusso.enteCodice, intestazione.ente.codice), eq(flusso.parte, parte.numero)));
  if (gia) return { nome: intestazione.nome, giaRicevuto: true, contenutoDiverso: gia.impronta !== impronta };

  const avvisiFlusso = testata.segnalazioni.filter((s) => s.gravita === 'AVVISO');
  const contesto = { nomenclatore: deps.nomenclatore, oggi, intestazione, ...(deps.catalogoSip ? { catalogoSip: deps.catalogoSip } : {}) };

  const flussoId = randomUUID();
  const ricevutoIl = new Date();
  const offset = parte.primoRecord - 1;
  const versione = (n: number) => ricevutoIl.getTime() * 1_000_000 + offset + n;

  type Riga = { valutato: RecordValutato<unknown>; payload: Payload | null; destinazioni: string[] };
  const righe: Riga[] = [];
  const note: Array<{ chiave: Buffer; annullata: boolean; componente: string; dataComponente: string | null; impronta: Buffer | null }> = [];

  if (letto.tipo === 'PS_PSA_SINA') {
    const valutati = valutaBeneficiari(letto.records as BeneficiarioFlusso[], letto.erroriPerRecord, contesto);
    // Every record is checked against what the registry already received, and against this flow:
    // a cancellation must name a known benefit; an insertion of a known one is a repetition, a
    // variation (other values) or a move (another component).
    const chiavi = valutati.map((v) => chiavePrestazione(intestazione.ente.codice, v.record.beneficiario.codiceFiscale, v.record.prestazione));
    const mac = chiavi.map((k) => deps.keys.mac(k));
    const noti = await lookupNote(deps.handle, mac.filter((_, i) => valutati[i]!.stato !== 'RIFIUTATO'));
    const nelFlusso = new Map<string, Nota>();
    valutati.forEach((v, i) => {
      const { beneficiario, prestazione } = v.record;
      const key = mac[i]!.toString('hex');
      if (v.stato !== 'RIFIUTATO') {
        if (nelFlusso.has(key)) {
          aggiungi(v, creaSegnalazione('PRESTAZIONE_RIPETUTA_NEL_FLUSSO', `Prestazione n. ${v.numero + offset}: la stessa prestazione compare più volte nel flusso; vale l'ultima inviata.`));
        }
        const prima = nelFlusso.get(key) ?? noti.get(key);
        const annullata = prestazione.tipoOperazione === 'C';
        let componente = componenteDi(prestazione.presenzaProvaMezzi);
        let conSina = Boolean(prestazione.sina);
        let dataComp = dataComponente(prestazione);
        let impronta: Buffer | null = annullata ? null : deps.keys.mac(`valori|${valoriPrestazione(prestazione)}`);
        let ritiro: { componente: typeof componente; dataRiferimento: string } | null = null;
        const rif = `Prestazione n. ${v.numero + offset} (${prestazione.codicePrestazione}, domanda ${prestazione.protocolloDomanda})`;
        if (annullata) {
          if (!prima) {
            aggiungi(
              v,
              creaSegnalazione(
                'PRESTAZIONE_ANNULLAMENTO_SCONOSCIUTA',
                `${rif}: si chiede di annullare una prestazione che il registro non ha mai ricevuto da questo ente con questi dati. Verificare codice, protocollo della domanda, data e codice fiscale.`,
              ),
            );
          } else {
            // A cancellation goes where the benefit is, whatever PresenzaProvaMezzi it carries.
            componente = prima.componente;
            conSina = prima.conSina;
            dataComp = prima.dataComponente ?? dataComp;
            impronta = prima.impronta;
            if (prima.annullata) {
              aggiungi(v, creaSegnalazione('PRESTAZIONE_GIA_ANNULLATA', `Prestazione n. ${v.numero + offset}: era già stata annullata; l'annullamento non cambia nulla.`));
            }
          }
        } else if (prima && !prima.annullata) {
          if (prima.impronta && impronta && !prima.impronta.equals(impronta)) {
            aggiungi(
              v,
              creaSegnalazione(
                'PRESTAZIONE_VARIATA',
                `${rif}: la prestazione era già stata inviata con altri valori; vale quest'ultimo invio, e il precedente resta nella storia della prestazione.`,
              ),
            );
          }
          if (prima.componente !== componente) {
            ritiro = { componente: prima.componente, dataRiferimento: prima.dataComponente ?? dataChiave(prestazione) };
            aggiungi(
              v,
              creaSegnalazione(
                'PRESTAZIONE_SPOSTATA',
                `${rif}: PresenzaProvaMezzi è cambiata e porta la prestazione in un'altra componente; è ritirata da quella in cui era, e resta attiva in una sola.`,
                'PresenzaProvaMezzi',
              ),
            );
          }
        }
        if (!rifiutato(v)) {
          nelFlusso.set(key, { annullata, componente, conSina, dataComponente: dataComp, impronta });
          note.push({ chiave: mac[i]!, annullata, componente: conSina ? `${componente}+sina` : componente, dataComponente: dataComp, impronta });
          // Moved in from the other component, it is an insertion there (its withdrawal a C in the old one).
          const operazione = annullata ? 'C' : prima && !prima.annullata && !ritiro ? 'V' : 'I';
          const storia = { operazione, flusso: intestazione.nome, record: v.numero + offset, ricevutoIl: ricevutoIl.toISOString() } as const;
          const payload = prestazionePayload(
            deps.keys,
            intestazione,
            inIstat(beneficiario),
            prestazione,
            versione(v.numero),
            conSina,
            { record: v.numero + offset, ricevutoIl },
            { componente, dataComponente: dataComp, ritiro, storia },
          );
          // The caseload goes to every person-linked component (the gestione row scope); a cancellation adds nobody.
          const caseload = annullata ? [] : ['caseload'];
          righe.push({ valutato: v, payload, destinazioni: [...caseload, componente, ...(ritiro ? [ritiro.componente] : []), ...(payload.sina ? ['sina'] : [])] });
          return;
        }
      }
      righe.push({ valutato: v, payload: null, destinazioni: [] });
    });
  } else if (letto.tipo === 'SINBA') {
    const valutati = valutaCasiSinba(letto.records as CasoSinbaFlusso[], letto.erroriPerRecord, contesto);
    // A case is the ente's IDBeneficiario while it is open: a record with another DataPrimaSegnalazione
    // corrects it (the sinba component moves the open case, keeping one), and the sender is told.
    const mac = valutati.map((v) => deps.keys.mac(chiaveCasoSinba(intestazione.ente.codice, v.record.idBeneficiario)));
    const noti = await lookupNote(deps.handle, mac.filter((_, i) => valutati[i]!.stato !== 'RIFIUTATO'));
    const nelFlusso = new Map<string, Nota>();
    valutati.forEach((v, i) => {
      const key = mac[i]!.toString('hex');
      if (v.stato !== 'RIFIUTATO') {
        const attr = (nome: string) => Object.entries(v.record.attributi).find(([k]) => k.toLowerCase() === nome.toLowerCase())?.[1];
        const data = primoDelMese(attr('DataPrimaSegnalazione'));
        const chiuso = attr('MotivazioneChiusuraCarico') !== undefined || attr('SituazioneChiusuraCarico') !== undefined;
        const prima = nelFlusso.get(key) ?? noti.get(key);
        if (prima && !prima.annullata && prima.dataComponente && data && prima.dataComponente !== data) {
          aggiungi(
            v,
            creaSegnalazione(
              'SINBA_PRIMA_SEGNALAZIONE_CORRETTA',
              `Caso n. ${v.numero + offset}: DataPrimaSegnalazione è diversa da quella del caso aperto con lo stesso IDBeneficiario; il caso è corretto (resta uno solo) e la versione precedente resta nella sua storia.`,
              'DataPrimaSegnalazione',
            ),
          );
        }
        const nota = { annullata: chiuso, componente: 'sinba', conSina: false, dataComponente: data, impronta: null } as const;
        nelFlusso.set(key, nota as unknown as Nota);
        note.push({ chiave: mac[i]!, annullata: chiuso, componente: 'sinba', dataComponente: data, impronta: null });
      }
      const accepted = v.stato !== 'RIFIUTATO';
      righe.push({ valutato: v, payload: accepted ? sinbaPayload(intestazione, v.record) : null, destinazioni: accepted ? ['sinba'] : [] });
    });
  } else {
    const valutati = valutaCasiSip(letto.records as CasoSipFlusso[], letto.erroriPerRecord, contesto);
    // A case is keyed by ente and ProtocolloCaso; cancellations are checked against what the
    // registry already received, and against this flow, like benefits.
    const mac = valutati.map((v) => deps.keys.mac(chiaveCasoSip(intestazione.ente.codice, v.record.protocolloCaso)));
    const noti = await lookupNote(deps.handle, mac.filter((_, i) => valutati[i]!.record.tipoOperazione === 'C'));
    const nelFlusso = new Map<string, { annullata: boolean }>();
    valutati.forEach((v, i) => {
      const caso = v.record;
      const key = mac[i]!.toString('hex');
      const rif = riferimentoCasoSip({ posizione: { numero: v.numero + offset, riga: v.riga }, protocolloCaso: caso.protocolloCaso });
      const prefisso = rif.charAt(0).toUpperCase() + rif.slice(1);
      if (v.stato !== 'RIFIUTATO') {
        if (nelFlusso.has(key)) {
          aggiungi(v, creaSegnalazione('SIP_RIPETUTO_NEL_FLUSSO', `${prefisso}: lo stesso caso (stesso ente e ProtocolloCaso) compare più volte nel flusso; vale l'ultimo inviato.`));
        }
        if (caso.tipoOperazione === 'C') {
          const prima = nelFlusso.get(key) ?? noti.get(key);
          if (!prima) {
            aggiungi(
              v,
              creaSegnalazione(
                'SIP_ANNULLAMENTO_SCONOSCIUTO',
                `${prefisso}: si chiede di annullare un caso che il registro non ha mai ricevuto da questo ente con questo ProtocolloCaso. Verificare ProtocolloCaso.`,
                'ProtocolloCaso',
              ),
            );
          } else if (prima.annullata) {
            aggiungi(v, creaSegnalazione('SIP_GIA_ANNULLATO', `${prefisso}: il caso era già stato annullato; l'annullamento non cambia nulla.`));
          }
        }
        if (!rifiutato(v)) {
          const annullata = caso.tipoOperazione === 'C';
          nelFlusso.set(key, { annullata });
          note.push({ chiave: mac[i]!, annullata, componente: 'sip', dataComponente: null, impronta: null });
          righe.push({ valutato: v, payload: sipPayload(deps.keys, intestazione, caso, versione(v.numero), { record: v.numero + offset, ricevutoIl }), destinazioni: annullata ? ['sip'] : ['caseload', 'sip'] });
          return;
        }
      }
      righe.push({ valutato: v, payload: null, destinazioni: [] });
    });
  }

  // The rules repeat the flow's warnings in each record's esito; records the XML schema
  // refused skipped the rules, so they get them here (once).
  for (const r of righe) {
    for (const a of avvisiFlusso) if (!r.valutato.segnalazioni.some((s) => s.codice === a.codice)) aggiungi(r.valutato, a);
  }
  const conteggi = { accettati: 0, conAvvisi: 0, rifiutati: 0 };
  for (const r of righe) {
    if (r.valutato.stato === 'ACCETTATO') conteggi.accettati++;
    else if (r.valutato.stato === 'ACCETTATO_CON_AVVISI') conteggi.conAvvisi++;
    else conteggi.rifiutati++;
  }

  const accettati = righe.filter((r) => r.payload);
  const ultime = [...new Map(note.map((n) => [n.chiave.toString('hex'), n])).values()];
  const numero = (r: Riga) => r.valutato.numero + offset;
  const payloads = Object.fromEntries(accettati.map((r) => [numero(r), r.payload!]));
  // Compressed before sealing (ten times fewer bytes to encrypt, write and read back), before the transaction opens.
  const lotto = accettati.length > 0 ? deps.keys.seal(await deflate(JSON.stringify(payloads), { level: 1 })) : null;
  try {
    await db.transaction(async (tx) => {
      const t = { ...deps.handle, db: tx as unknown as DatabaseHandle['db'] };
      await tx.insert(flusso).values({
        id: flussoId,
        nome: intestazione.nome,
        parte: parte.numero,
        parti: parte.totale,
        tipo: invio.tipo,
        enteCodice: intestazione.ente.codice,
        enteDenominazione: intestazione.ente.denominazione?.slice(0, 100) ?? null,
        mittente: invio.mittente.sub.slice(0, 64),
        origine: invio.origine,
        impronta,
        ricevutoIl,
        record: righe.length,
        ...conteggi,
        avvisi: avvisiFlusso satisfies Segnalazione[],
      });
      // Bulk statements (one array per column): a 10,000-record part is three round trips.
      await bulkInsert(t, 'flussi.esito', [
        { name: 'flusso_id', type: 'uuid', values: righe.map(() => flussoId) },
        { name: 'numero', type: 'int', values: righe.map(numero) },
        { name: 'riga', type: 'int', values: righe.map((r) => r.valutato.riga) },
        { name: 'stato', type: 'text', values: righe.map((r) => r.valutato.stato) },
        { name: 'riferimento', type: 'text', values: righe.map((r) => r.valutato.riferimento) },
        { name: 'codice_prestazione', type: 'text', values: righe.map((r) => r.valutato.codicePrestazione) },
        { name: 'protocollo_domanda', type: 'text', values: righe.map((r) => r.valutato.protocolloDomanda) },
        { name: 'segnalazioni', type: 'jsonb', values: righe.map((r) => JSON.stringify(r.valutato.segnalazioni)) },
      ]);
      if (accettati.length > 0) {
        await tx.insert(lottoConsegna).values({ flussoId, payload: lotto! });
        // The queue: one row per destination, with the numbers of the records it must receive.
        const perDestinazione = new Map<string, number[]>();
        for (const r of accettati) {
          for (const d of r.destinazioni) {
            let numeri = perDestinazione.get(d);
            if (!numeri) perDestinazione.set(d, (numeri = []));
            numeri.push(numero(r));
          }
        }
        await tx.insert(consegnaParte).values([...perDestinazione].map(([destinazione, numeri]) => ({ flussoId, destinazione, numeri })));
      }
      // The index of known benefits and SIP cases follows the flow's order: the last operation on a key wins.
      await bulkInsert(
        t,
        'flussi.prestazione_nota',
        [
          { name: 'chiave', type: 'text', values: ultime.map((n) => n.chiave.toString('base64')), expression: (v) => `decode(${v}, 'base64')` },
          { name: 'annullata', type: 'boolean', values: ultime.map((n) => n.annullata) },
          { name: 'componente', type: 'text', values: ultime.map((n) => n.componente) },
          { name: 'data_componente', type: 'date', values: ultime.map((n) => n.dataComponente) },
          {
            name: 'impronta',
            type: 'text',
            values: ultime.map((n) => n.impronta?.toString('base64') ?? null),
            expression: (v) => `decode(${v}, 'base64')`,
          },
        ],
        sql`on conflict (chiave) do update set annullata = excluded.annullata, componente = excluded.componente,
          data_componente = excluded.data_componente, impronta = excluded.impronta`,
      );
    });
  } catch (error) {
    // The same part sent twice at once (a client retrying after a timeout): the other one stored it.
    if (!violaUnicita(error, 'flusso_nome_parte')) throw error;
    const [primo] = await db.select({ impronta: flusso.impronta }).from(flusso).where(and(eq(flusso.nome, intestazione.nome), eq(flusso.parte, parte.numero)));
    return { nome: intestazione.nome, giaRicevuto: true, contenutoDiverso: primo?.impronta !== impronta };
  }

  if (accettati.length > 0) deps.worker?.accoda(flussoId, payloads);
  deps.worker?.kick();
  return { nome: intestazione.nome, giaRicevuto: false, contenutoDiverso: false };
}

/**
 * The key of a SINBA case in the index of known records: the ente and its
 * IDBeneficiario (NUL separators keep it apart from every other key). `annullata`
 * there means the case is closed; `data_componente` is its DataPrimaSegnalazione.
 */
function chiaveCasoSinba(ente: string, idBeneficiario: string): string {
  return `caso-sinba\u0000${ente}\u0000${idBeneficiario}`;
}

/** `MM/AAAA` as the first of its month (`AAAA-MM-01`), as the sinba component stores it. */
function primoDelMese(meseAnno: string | undefined): string | null {
  const m = /^(\d{2})\/(\d{4})$/.exec(meseAnno?.trim() ?? '');
  return m ? `${m[2]}-${m[1]}-01` : null;
}

/**
 * The beneficiary with its residence regions in ISTAT, as the registry keeps them:
 * the flow codes CodiceRegione DM1986 (the Agenzia delle Entrate's table).
 * Converted once per beneficiary, whatever the number of its benefits.
 */
const istat = new WeakMap<BeneficiarioFlusso, BeneficiarioFlusso>();
function inIstat(b: BeneficiarioFlusso): BeneficiarioFlusso {
  let converted = istat.get(b);
  if (!converted) {
    converted = { ...b, indirizzi: b.indirizzi.map((i) => (i.codiceRegione === undefined ? i : { ...i, codiceRegione: istatDaDm1986(i.codiceRegione) })) };
    istat.set(b, converted);
  }
  return converted;
}

/** What the registry knows of a benefit (or SIP or SINBA case) already received. */
interface Nota {
  annullata: boolean;
  componente: 'prestazioni-agevolate' | 'prestazioni-sociali';
  conSina: boolean;
  dataComponente: string | null;
  impronta: Buffer | null;
}

/** Known benefits (and SIP cases) among these keyed hashes, with where they live and whether they are cancelled. */
async function lookupNote({ db }: DatabaseHandle, chiavi: Buffer[]) {
  const found = new Map<string, Nota>();
  for (let i = 0; i < chiavi.length; i += BATCH) {
    const rows = await db
      .select()
      .from(prestazioneNota)
      .where(inArray(prestazioneNota.chiave, chiavi.slice(i, i + BATCH)));
    for (const r of rows) {
      const [componente, sina] = r.componente.split('+');
      found.set(r.chiave.toString('hex'), {
        annullata: r.annullata,
        componente: componente as Nota['componente'],
        conSina: sina === 'sina',
        dataComponente: r.dataComponente,
        impronta: r.impronta,
      });
    }
  }
  return found;
}

/** Read through a function: `aggiungi` may have changed the state since the last check. */
function rifiutato(v: RecordValutato<unknown>): boolean {
  return v.stato === 'RIFIUTATO';
}

/** Whether an error is the violation of a named unique constraint (through drizzle's wrapper or not). */
function violaUnicita(error: unknown, vincolo: string): boolean {
  const e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: { code?: string; constraint?: string; constraint_name?: string } };
  const c = e.cause ?? e;
  return c.code === '23505' && (c.constraint === vincolo || c.constraint_name === vincolo);
}
