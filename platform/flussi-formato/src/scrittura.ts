/**
 * Writers: turn the demo data set (`@casellario/demo-data`) into flows that
 * validate against the schemas. Used by tests, the demo and the ingest
 * benchmark. In memory for data-set-sized flows (`scriviFlussi*`), streamed to a
 * file for flows of any size (`scriviFlussoSuFile`, `scriviFlussoDemoSuFile`).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  streamDataset,
  type DemoCasoSinba,
  type DemoCasoSip,
  type DemoDataset,
  type DemoEnte,
  type DemoPersona,
  type DemoPrestazione,
  type DemoValutazioneSina,
} from '@casellario/demo-data';
import { dm1986DaIstat, SOSTEGNI_SIP } from '@casellario/domain';
import { ATTRIBUTI_ANAGRAFICA, ATTRIBUTI_INDIRIZZO, ATTRIBUTI_PRESTAZIONE, ATTRIBUTI_SINA, chiaveCampo, nomeXsd } from './campi';
import type { IntestazioneFlusso, TipoFlusso } from './records';
import { FORMATI } from './schemi';

/** Options shared by the writers. */
export interface OpzioniScrittura {
  /** Date of the flow in its name, `AAAA-MM-GG`. Default: today in Italy. */
  data?: string;
  /** First daily progressive number of each ente's flows. Default 1. */
  progressivo?: number;
  /** `Ente@CFOperatore`: the data set has no operators. Default a fixed synthetic codice fiscale. */
  cfOperatore?: string;
  /** Split an ente's records over several flows of at most this many records (benefits for PS_PSA_SINA). Default: one flow per ente. */
  massimoRecordPerFlusso?: number;
}

/** One flow written in memory. */
export interface FlussoScritto {
  tipo: TipoFlusso;
  /** `{Ente}.{PS|SINBA|SIP}.{AAAAMMGG}.{progressivo}`. */
  nome: string;
  enteCodice: string;
  /** The XML document. */
  contenuto: string;
  /** Records in it: benefits for PS_PSA_SINA, cases for SINBA and SIP. */
  records: number;
}

/** A synthetic, well-formed codice fiscale for `CFOperatore` (the data set has no operators). */
export const CF_OPERATORE_DEMO = 'RSSMRA80A01H501U';

const ROME_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

// Attribute values keep tabs and line breaks only as character references:
// a literal one would be turned into a space by attribute-value normalisation.
const ATTR_SPECIAL = /[&<>"\t\n\r]/;
const ATTR_REPLACE = /[&<>"\t\n\r]/g;
const ATTR_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_REPLACE = /[&<>\r]/g;

/** Escapes a value for a double-quoted attribute. */
export function escapeAttributo(valore: string): string {
  return ATTR_SPECIAL.test(valore) ? valore.replace(ATTR_REPLACE, (c) => ATTR_ENTITIES[c] ?? c) : valore;
}

/** Escapes character data. */
export function escapeTesto(valore: string): string {
  return TEXT_SPECIAL.test(valore) ? valore.replace(TEXT_REPLACE, (c) => ATTR_ENTITIES[c] ?? c) : valore;
}

function attributo(nome: string, valore: string | number | undefined): string {
  return valore === undefined ? '' : ` ${nome}="${escapeAttributo(String(valore))}"`;
}

/**
 * The name of a flow as the specification structures it (tables 2 and 13):
 * `{Codice Ente}.{PS|SINBA|SIP}.{AAAAMMGG}.{progressivo giornaliero}`, the
 * progressive on seven digits like the INPS examples (`H501.PS.20210520.0000002`).
 */
export function nomeFlusso(enteCodice: string, tipo: TipoFlusso, data: string, progressivo: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data)) throw new RangeError(`data must be AAAA-MM-GG, got "${data}"`);
  if (!Number.isInteger(progressivo) || progressivo < 1) throw new RangeError(`progressivo must be a positive integer, got ${progressivo}`);
  return `${enteCodice}.${FORMATI[tipo].sigla}.${data.replaceAll('-', '')}.${String(progressivo).padStart(7, '0')}`;
}

/** Today's date in Italy, `AAAA-MM-GG`: the default date of a written flow. */
export function oggiInItalia(): string {
  return ROME_DATE.format(new Date());
}

/** What the header needs of an ente: `DemoEnte` has it all. */
export type EnteIntestazione = Pick<DemoEnte, 'codice'> & Partial<Pick<DemoEnte, 'denominazione' | 'belfiore'>>;

/**
 * The `IdentificazioneFlusso` of an ente of the data set. `Indirizzo` is the
 * Belfiore code of its seat; an ente missing from the list falls back to its own
 * code, which is a Belfiore code for every comune.
 */
export function intestazioneEnte(ente: EnteIntestazione, nome: string, cfOperatore = CF_OPERATORE_DEMO): IntestazioneFlusso {
  return {
    nome,
    ente: { codice: ente.codice, denominazione: ente.denominazione?.slice(0, 100), indirizzo: ente.belfiore ?? ente.codice.slice(0, 4), cfOperatore },
  };
}

/**
 * Everything before the first record: XML declaration, root element with the
 * format's namespace, `IdentificazioneFlusso`. Close it with `chiusuraFlusso()`.
 */
export function aperturaFlusso(tipo: TipoFlusso, intestazione: IntestazioneFlusso): string {
  const { ente } = intestazione;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="${FORMATI[tipo].namespace}">\n` +
    `  <IdentificazioneFlusso${attributo('Nome', intestazione.nome)}>\n` +
    `    <Ente${attributo('Codice', ente.codice)}${attributo('Denominazione', ente.denominazione)}${attributo('Indirizzo', ente.indirizzo)}${attributo('CFOperatore', ente.cfOperatore)}/>\n` +
    `  </IdentificazioneFlusso>\n`
  );
}

/** The end of a flow: the root's end tag. */
export function chiusuraFlusso(): string {
  return '</Flusso>\n';
}

/** A benefit to write, with the SINA assessment sent with it, if any. */
export interface VocePrestazione {
  prestazione: DemoPrestazione;
  sina?: DemoValutazioneSina;
}

function xmlSina(s: DemoValutazioneSina): string {
  const record = s as unknown as Record<string, string | undefined>;
  let out = '      <SINA';
  for (const nome of ATTRIBUTI_SINA) out += attributo(nome, record[chiaveCampo(nome)]);
  if (s.necessitaInterventiSociali.length === 0 && s.invaliditaCivile.length === 0) return `${out}/>\n`;
  out += '>\n';
  if (s.necessitaInterventiSociali.length > 0) {
    out += '        <NecessitaInterventiSociali>';
    for (const c of s.necessitaInterventiSociali) out += `<CodicePrestazione>${escapeTesto(c)}</CodicePrestazione>`;
    out += '</NecessitaInterventiSociali>\n';
  }
  if (s.invaliditaCivile.length > 0) {
    out += '        <InvaliditaCivile>';
    for (const c of s.invaliditaCivile) out += `<InvCiv>${escapeTesto(c)}</InvCiv>`;
    out += '</InvaliditaCivile>\n';
  }
  return `${out}      </SINA>\n`;
}

/** A person's `Anagrafica` element (table 6; the same in a SIP `Componente`), attributes in XSD order. */
function xmlAnagrafica(persona: DemoPersona): string {
  const p = persona as unknown as Record<string, string | undefined>;
  let out = '<Anagrafica';
  for (const nome of ATTRIBUTI_ANAGRAFICA) out += attributo(nome, p[chiaveCampo(nome)]);
  return `${out}/>`;
}

/**
 * One `Beneficiario` with its `Anagrafica`, `Indirizzo` elements and the given
 * benefits (each with its `SINA` when it has one), attributes in XSD order.
 */
export function xmlBeneficiario(persona: DemoPersona, voci: readonly VocePrestazione[]): string {
  let out = `  <Beneficiario${attributo('CodiceFiscale', persona.codiceFiscale)}>\n    ${xmlAnagrafica(persona)}\n`;
  for (const indirizzo of persona.indirizzi) {
    const i = indirizzo as Record<string, string | undefined>;
    out += '    <Indirizzo';
    // The data set keeps ISTAT regions; the flow codes CodiceRegione DM1986 (the specification's table).
    const regione = i.codiceRegione === undefined ? undefined : dm1986DaIstat(i.codiceRegione, i.codiceComune);
    for (const nome of ATTRIBUTI_INDIRIZZO) out += attributo(nome, nome === 'CodiceRegione' ? regione : i[chiaveCampo(nome)]);
    out += '/>\n';
  }
  for (const { prestazione, sina } of voci) {
    const r = prestazione as unknown as Record<string, string | number | undefined>;
    out += '    <PrestazioniSociali';
    for (const nome of ATTRIBUTI_PRESTAZIONE) out += attributo(nome, r[chiaveCampo(nome)]);
    out += sina ? `>\n${xmlSina(sina)}    </PrestazioniSociali>\n` : '/>\n';
  }
  return `${out}  </Beneficiario>\n`;
}

/** One `SINBA` case: every attribute of the data set (camelCase keys → XSD names), its benefits and family. */
export function xmlCasoSinba(caso: DemoCasoSinba): string {
  let out = `  <SINBA${attributo('IDBeneficiario', caso.idBeneficiario)}`;
  for (const [chiave, valore] of Object.entries(caso.attributi)) {
    out += attributo(nomeXsd(chiave), /^codiceregioneresidenza/i.test(chiave) && valore !== undefined ? dm1986DaIstat(String(valore)) : valore);
  }
  out += '>\n    <Prestazioni>';
  for (const c of caso.prestazioni) out += `<CodicePrestazione>${escapeTesto(c)}</CodicePrestazione>`;
  out += '</Prestazioni>\n    <Famiglia>';
  for (const c of caso.composizioneFamiglia) out += `<ComposizioneFamiglia>${escapeTesto(c)}</ComposizioneFamiglia>`;
  return `${out}</Famiglia>\n  </SINBA>\n`;
}

// The demo generator writes sostegni by description; a flow carries the codes of
// the configurable list (its starting entries, from @casellario/domain).
const CODICI_SOSTEGNO: ReadonlyMap<string, string> = new Map(SOSTEGNI_SIP.map((v) => [v.descrizione.toLocaleLowerCase('it'), v.codice]));

/**
 * The code a flow carries for a sostegno of the data set: codes pass through,
 * the seed descriptions become their codes. Anything else is upper-cased to a
 * code shape, so that the rules (not the writer) decide whether it is known.
 */
export function codiceSostegno(valore: string): string {
  const noto = CODICI_SOSTEGNO.get(valore.trim().toLocaleLowerCase('it'));
  if (noto) return noto;
  return valore
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/**
 * One `CasoSip`. Members and the member responsible for each commitment are
 * written by codice fiscale, each member with its `Anagrafica`: both come from
 * the data set's person, looked up with `personaDi` (the members' residence is
 * the case's comune, which the flow carries once). `ProtocolloCaso` is the case
 * id, as the sip loader uses until the generator assigns protocols.
 */
export function xmlCasoSip(
  caso: DemoCasoSip & { protocolloCaso?: string; dataPattoDigitale?: string; tipoOperazione?: 'I' | 'C' },
  personaDi: (personaId: string) => DemoPersona,
): string {
  const codiceFiscaleDi = (personaId: string): string => personaDi(personaId).codiceFiscale;
  let out =
    `  <CasoSip${attributo('TipoOperazione', caso.tipoOperazione ?? 'I')}${attributo('ProtocolloCaso', caso.protocolloCaso ?? caso.id)}` +
    `${attributo('Misura', caso.misura)}${attributo('DataDomanda', caso.dataDomanda)}${attributo('DataPattoDigitale', caso.dataPattoDigitale)}` +
    `${attributo('DataChiusura', caso.dataChiusura)}${attributo('CodiceComune', caso.codiceComune)}${attributo('CodiceRegione', caso.codiceRegione)}>\n`;
  out += '    <Nucleo>\n';
  for (const c of caso.componenti) {
    const persona = personaDi(c.personaId);
    out +=
      `      <Componente${attributo('CodiceFiscale', persona.codiceFiscale)}${attributo('Ruolo', c.ruolo)}${attributo('AttivabileLavoro', String(c.attivabileLavoro))}>\n` +
      `        ${xmlAnagrafica(persona)}\n      </Componente>\n`;
  }
  out += '    </Nucleo>\n';
  const a = caso.analisiPreliminare;
  if (a) out += `    <AnalisiPreliminare${attributo('Data', a.data)}${attributo('Esito', a.esito)}/>\n`;
  const q = caso.quadroAnalisi;
  if (q) {
    out += `    <QuadroAnalisi${attributo('Data', q.data)}>\n      <Dimensioni>\n`;
    for (const d of q.dimensioni) {
      out += `        <Dimensione${attributo('Codice', d.dimensione)}${attributo('Risorse', d.risorse)}${attributo('Vulnerabilita', d.vulnerabilita)}${attributo('FattoriSostegno', d.fattoriSostegno)}/>\n`;
    }
    out += '      </Dimensioni>\n      <Equipe>';
    for (const f of q.equipe) out += `<Figura>${escapeTesto(f)}</Figura>`;
    out += '</Equipe>\n    </QuadroAnalisi>\n';
  }
  const p = caso.progetto;
  if (p) {
    out += `    <Progetto${attributo('Tipo', p.tipo)}${attributo('DataSottoscrizione', p.dataSottoscrizione)}>\n`;
    if (p.obiettivi.length > 0) {
      out += '      <Obiettivi>\n';
      for (const o of p.obiettivi) out += `        <Obiettivo>${escapeTesto(o)}</Obiettivo>\n`;
      out += '      </Obiettivi>\n';
    }
    if (p.sostegni.length > 0) {
      out += '      <Sostegni>';
      for (const s of p.sostegni) out += `<Sostegno>${escapeTesto(codiceSostegno(s))}</Sostegno>`;
      out += '</Sostegni>\n';
    }
    if (p.impegni.length > 0) {
      out += '      <Impegni>\n';
      for (const i of p.impegni) {
        out += `        <Impegno${attributo('CodiceFiscale', codiceFiscaleDi(i.personaId))}${attributo('Descrizione', i.descrizione)}${attributo('Scadenza', i.scadenza)}${attributo('Stato', i.stato)}/>\n`;
      }
      out += '      </Impegni>\n';
    }
    if (p.incontri.length > 0) {
      out += '      <Incontri>\n';
      for (const i of p.incontri) out += `        <Incontro${attributo('Data', i.data)}${attributo('Esito', i.esito)}/>\n`;
      out += '      </Incontri>\n';
    }
    out += '    </Progetto>\n';
  }
  return `${out}  </CasoSip>\n`;
}

/** Records of one ente, already as XML fragments, each counting for `records` records. */
interface Frammento {
  xml: string;
  records: number;
}

function componiFlussi(tipo: TipoFlusso, perEnte: Map<string, Frammento[]>, enti: readonly DemoEnte[], opzioni: OpzioniScrittura): FlussoScritto[] {
  const data = opzioni.data ?? oggiInItalia();
  const massimo = opzioni.massimoRecordPerFlusso ?? Number.POSITIVE_INFINITY;
  const entiPerCodice = new Map(enti.map((e) => [e.codice, e]));
  const flussi: FlussoScritto[] = [];
  for (const [enteCodice, frammenti] of perEnte) {
    const ente: EnteIntestazione = entiPerCodice.get(enteCodice) ?? { codice: enteCodice };
    let progressivo = opzioni.progressivo ?? 1;
    let corrente: Frammento[] = [];
    let records = 0;
    const emetti = (): void => {
      const nome = nomeFlusso(enteCodice, tipo, data, progressivo++);
      const contenuto = aperturaFlusso(tipo, intestazioneEnte(ente, nome, opzioni.cfOperatore)) + corrente.map((f) => f.xml).join('') + chiusuraFlusso();
      flussi.push({ tipo, nome, enteCodice, contenuto, records });
      corrente = [];
      records = 0;
    };
    for (const f of frammenti) {
      // A fragment is never cut: a beneficiary with more benefits than the limit gets a flow of its own.
      if (corrente.length > 0 && records + f.records > massimo) emetti();
      corrente.push(f);
      records += f.records;
    }
    if (corrente.length > 0) emetti();
  }
  return flussi;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * PS_PSA_SINA flows of a data set, one per ente (or more, with
 * `massimoRecordPerFlusso`): each person with benefits from that ente becomes a
 * `Beneficiario` carrying those benefits in data-set order, each with the SINA
 * assessment the data set attaches to it (`DemoValutazioneSina.prestazioneId`).
 */
export function scriviFlussiPsPsaSina(dataset: DemoDataset, opzioni: OpzioniScrittura = {}): FlussoScritto[] {
  const persone = new Map(dataset.persone.map((p) => [p.id, p]));
  const sinaPerPrestazione = new Map(dataset.valutazioniSina.map((s) => [s.prestazioneId, s]));
  // ente → person → benefits, both in order of first appearance.
  const perEnte = new Map<string, Map<string, VocePrestazione[]>>();
  for (const prestazione of dataset.prestazioni) {
    let perPersona = perEnte.get(prestazione.enteCodice);
    if (!perPersona) perEnte.set(prestazione.enteCodice, (perPersona = new Map()));
    pushTo(perPersona, prestazione.personaId, { prestazione, sina: sinaPerPrestazione.get(prestazione.id) });
  }
  const frammenti = new Map<string, Frammento[]>();
  for (const [ente, perPersona] of perEnte) {
    frammenti.set(
      ente,
      [...perPersona].map(([personaId, voci]) => {
        const persona = persone.get(personaId);
        if (!persona) throw new Error(`benefit ${voci[0]?.prestazione.id} points at unknown person ${personaId}`);
        return { xml: xmlBeneficiario(persona, voci), records: voci.length };
      }),
    );
  }
  return componiFlussi('PS_PSA_SINA', frammenti, dataset.enti, opzioni);
}

/** SINBA flows of a data set, one per ente (or more, with `massimoRecordPerFlusso`). */
export function scriviFlussiSinba(dataset: DemoDataset, opzioni: OpzioniScrittura = {}): FlussoScritto[] {
  const frammenti = new Map<string, Frammento[]>();
  for (const caso of dataset.casiSinba) pushTo(frammenti, caso.enteCodice, { xml: xmlCasoSinba(caso), records: 1 });
  return componiFlussi('SINBA', frammenti, dataset.enti, opzioni);
}

/**
 * SIP flows of a data set, one per ente (or more, with `massimoRecordPerFlusso`),
 * members by codice fiscale with the Anagrafica of the data set's persons.
 */
export function scriviFlussiSip(dataset: DemoDataset, opzioni: OpzioniScrittura = {}): FlussoScritto[] {
  const persone = new Map(dataset.persone.map((p) => [p.id, p]));
  const personaDi = (id: string): DemoPersona => {
    const persona = persone.get(id);
    if (!persona) throw new Error(`SIP case member ${id} is not a person of the data set`);
    return persona;
  };
  const frammenti = new Map<string, Frammento[]>();
  for (const caso of dataset.casiSip) pushTo(frammenti, caso.enteCodice, { xml: xmlCasoSip(caso, personaDi), records: 1 });
  return componiFlussi('SIP', frammenti, dataset.enti, opzioni);
}

/** What a streaming write produced. */
export interface FileScritto {
  percorso: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** Record elements written (`Beneficiario`, `SINBA` or `CasoSip`). */
  elementi: number;
}

/**
 * Writes a flow of any size to a file: the opening, each record element as it
 * comes from `elementi` (XML fragments such as `xmlBeneficiario` returns), then
 * the closing. Only about a megabyte is buffered at a time, and the file stream's
 * back-pressure is honoured, so the flow never exists as one string.
 */
export async function scriviFlussoSuFile(
  percorso: string,
  tipo: TipoFlusso,
  intestazione: IntestazioneFlusso,
  elementi: Iterable<string> | AsyncIterable<string>,
): Promise<FileScritto> {
  const out = createWriteStream(percorso, { encoding: 'utf8' });
  const chiuso = once(out, 'close');
  let bytes = 0;
  let conteggio = 0;
  let buffer = aperturaFlusso(tipo, intestazione);
  const svuota = async (): Promise<void> => {
    bytes += Buffer.byteLength(buffer);
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  try {
    for await (const xml of elementi) {
      buffer += xml;
      conteggio++;
      if (buffer.length >= 1 << 20) await svuota();
    }
    buffer += chiusuraFlusso();
    await svuota();
    out.end();
    await chiuso;
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { percorso, bytes, elementi: conteggio };
}

/** Options of `scriviFlussoDemoSuFile`. */
export interface OpzioniFlussoDemo extends Omit<OpzioniScrittura, 'massimoRecordPerFlusso'> {
  /** Benefits to write (the last beneficiary is cut so the count is exact). */
  prestazioni: number;
  /** Seed of the data set. Default 1. */
  seed?: number;
  /** The ente in the header. Default Roma (`H501`). */
  ente?: EnteIntestazione;
}

/**
 * Streams a synthetic PS_PSA_SINA flow of exactly `prestazioni` benefits to a
 * file, for load tests: the data set is generated chunk by chunk and every
 * benefit is written under one ente's header, whichever ente the data set gave
 * it (a load flow, not a realistic one). SINA assessments ride with their benefit.
 */
export async function scriviFlussoDemoSuFile(percorso: string, opzioni: OpzioniFlussoDemo): Promise<FileScritto & { nome: string; prestazioni: number }> {
  const ente = opzioni.ente ?? { codice: 'H501', denominazione: 'Comune di Roma', belfiore: 'H501' };
  const nome = nomeFlusso(ente.codice, 'PS_PSA_SINA', opzioni.data ?? oggiInItalia(), opzioni.progressivo ?? 1);
  let scritte = 0;
  async function* beneficiari(): AsyncGenerator<string> {
    const persone = new Map<string, DemoPersona>();
    // Persons outnumber what is needed (about three benefits each): the loop stops early.
    for (const chunk of streamDataset({ persone: Math.max(3, opzioni.prestazioni), seed: opzioni.seed ?? 1, chunkSize: 2_000 })) {
      for (const p of chunk.persone) persone.set(p.id, p);
      const sina = new Map(chunk.valutazioniSina.map((s) => [s.prestazioneId, s]));
      const perPersona = new Map<string, VocePrestazione[]>();
      for (const prestazione of chunk.prestazioni) pushTo(perPersona, prestazione.personaId, { prestazione, sina: sina.get(prestazione.id) });
      for (const [personaId, voci] of perPersona) {
        const persona = persone.get(personaId);
        if (!persona) throw new Error(`benefit points at unknown person ${personaId}`);
        const prese = voci.slice(0, opzioni.prestazioni - scritte);
        scritte += prese.length;
        yield xmlBeneficiario(persona, prese);
        if (scritte >= opzioni.prestazioni) return;
      }
    }
    if (scritte < opzioni.prestazioni) throw new Error(`the data set ran out at ${scritte} benefits`);
  }
  const file = await scriviFlussoSuFile(percorso, 'PS_PSA_SINA', intestazioneEnte(ente, nome, opzioni.cfOperatore), beneficiari());
  return { ...file, nome, prestazioni: scritte };
}
