/**
 * Builds the records of a flow from element events (start tag with its
 * attributes, character data, end tag), whichever tokenizer produces them:
 * the fast one in parser.ts or saxes. It resolves namespaces, follows the
 * format's structure with a small state machine, and keeps a map of the
 * document's top level so that a schema error can be assigned to its record.
 */
import { ATTRIBUTI_ANAGRAFICA, ATTRIBUTI_CASO_SIP, ATTRIBUTI_INDIRIZZO, ATTRIBUTI_PRESTAZIONE, ATTRIBUTI_SINA, chiaveCampo } from './campi';
import type { BeneficiarioFlusso, CasoSinbaFlusso, CasoSipFlusso, IntestazioneFlusso, PrestazioneFlusso, SinaFlusso, TipoFlusso } from './records';
import { FORMATI } from './schemi';

/** The record array of each flow type. */
export interface RecordsPerTipo {
  PS_PSA_SINA: BeneficiarioFlusso[];
  SINBA: CasoSinbaFlusso[];
  SIP: CasoSipFlusso[];
}

/**
 * A child element of the root and the records it holds: every benefit of a
 * `Beneficiario`, the one case of a `SINBA` or `CasoSip`, none for
 * `IdentificazioneFlusso` or anything unexpected.
 */
export interface NodoPrimoLivello {
  /** Name as written (`Beneficiario`, `c:Beneficiario`). */
  qname: string;
  /** Offset of its `<` in the text. */
  inizio: number;
  riga: number;
  rigaFine: number;
  /** Record numbers (`posizione.numero`) inside it. */
  records: number[];
  /**
   * For a `Beneficiario`: the names of its child elements and, for each, the
   * benefit it is (`posizione.numero`) or 0 when an error in it concerns every
   * benefit of the beneficiary (its `Anagrafica`, `Indirizzo`, anything else).
   * Two flat arrays rather than an object per child: a big flow has hundreds of thousands.
   */
  figli?: { qname: string[]; record: number[] };
}

/** What the parser read from a well-formed document. */
export interface FlussoLetto<T extends TipoFlusso = TipoFlusso> {
  tipo: T;
  intestazione: IntestazioneFlusso;
  records: RecordsPerTipo[T];
  /** Records counted for esiti: benefits for PS_PSA_SINA, cases otherwise. */
  numeroRecord: number;
  /** The root's child elements in document order. */
  nodi: NodoPrimoLivello[];
}

/** XSD name → record key, computed once: building keys per attribute would cost more than parsing. */
function mappa(nomi: readonly string[]): ReadonlyMap<string, string> {
  return new Map(nomi.map((n) => [n, chiaveCampo(n)]));
}
const CHIAVI_PRESTAZIONE = mappa(ATTRIBUTI_PRESTAZIONE);
const CHIAVI_SINA = mappa(ATTRIBUTI_SINA);
const CHIAVI_ANAGRAFICA = mappa(ATTRIBUTI_ANAGRAFICA);
const CHIAVI_INDIRIZZO = mappa(ATTRIBUTI_INDIRIZZO);
const CHIAVI_CASO_SIP = mappa(ATTRIBUTI_CASO_SIP);

/**
 * The attributes of one start tag, as parallel arrays the tokenizer reuses from
 * tag to tag: no object per element, which on a big flow is most of the garbage.
 * Valid only during `apri`.
 */
export interface AttributiTag {
  nomi: string[];
  valori: string[];
  /** How many entries are in use. */
  n: number;
}

function valore(a: AttributiTag, nome: string): string | undefined {
  for (let i = 0; i < a.n; i++) if (a.nomi[i] === nome) return a.valori[i];
  return undefined;
}

/** Copies the attributes the map knows into `target`, under their record keys. */
function copia(target: object, a: AttributiTag, chiavi: ReadonlyMap<string, string>): void {
  const t = target as Record<string, unknown>;
  for (let i = 0; i < a.n; i++) {
    const k = chiavi.get(a.nomi[i] as string);
    if (k !== undefined) t[k] = a.valori[i];
  }
}

// Where the builder is: each state knows its children by local name. Anything
// else is skipped with its subtree (the XSD validator reports it).
const enum S {
  Ignora,
  Radice,
  Identificazione,
  Ente,
  Beneficiario,
  Anagrafica,
  Indirizzo,
  Prestazione,
  Sina,
  NecessitaInterventi,
  NecessitaCodice,
  Invalidita,
  InvCiv,
  Sinba,
  SinbaPrestazioni,
  SinbaCodice,
  SinbaFamiglia,
  SinbaComposizione,
  CasoSip,
  Nucleo,
  Componente,
  AnagraficaComponente,
  AnalisiPreliminare,
  Quadro,
  Dimensioni,
  Dimensione,
  Equipe,
  Figura,
  Progetto,
  Obiettivi,
  Obiettivo,
  Sostegni,
  Sostegno,
  Impegni,
  Impegno,
  Incontri,
  Incontro,
}

const FIGLI: Array<[S, Record<string, S>]> = [
  [S.Identificazione, { Ente: S.Ente }],
  [S.Beneficiario, { Anagrafica: S.Anagrafica, Indirizzo: S.Indirizzo, PrestazioniSociali: S.Prestazione }],
  [S.Prestazione, { SINA: S.Sina }],
  [S.Sina, { NecessitaInterventiSociali: S.NecessitaInterventi, InvaliditaCivile: S.Invalidita }],
  [S.NecessitaInterventi, { CodicePrestazione: S.NecessitaCodice }],
  [S.Invalidita, { InvCiv: S.InvCiv }],
  [S.Sinba, { Prestazioni: S.SinbaPrestazioni, Famiglia: S.SinbaFamiglia }],
  [S.SinbaPrestazioni, { CodicePrestazione: S.SinbaCodice }],
  [S.SinbaFamiglia, { ComposizioneFamiglia: S.SinbaComposizione }],
  [S.CasoSip, { Nucleo: S.Nucleo, AnalisiPreliminare: S.AnalisiPreliminare, QuadroAnalisi: S.Quadro, Progetto: S.Progetto }],
  [S.Nucleo, { Componente: S.Componente }],
  [S.Componente, { Anagrafica: S.AnagraficaComponente }],
  [S.Quadro, { Dimensioni: S.Dimensioni, Equipe: S.Equipe }],
  [S.Dimensioni, { Dimensione: S.Dimensione }],
  [S.Equipe, { Figura: S.Figura }],
  [S.Progetto, { Obiettivi: S.Obiettivi, Sostegni: S.Sostegni, Impegni: S.Impegni, Incontri: S.Incontri }],
  [S.Obiettivi, { Obiettivo: S.Obiettivo }],
  [S.Sostegni, { Sostegno: S.Sostegno }],
  [S.Impegni, { Impegno: S.Impegno }],
  [S.Incontri, { Incontro: S.Incontro }],
];

const FIGLI_RADICE: Record<TipoFlusso, Record<string, S>> = {
  PS_PSA_SINA: { IdentificazioneFlusso: S.Identificazione, Beneficiario: S.Beneficiario },
  SINBA: { IdentificazioneFlusso: S.Identificazione, SINBA: S.Sinba },
  SIP: { IdentificazioneFlusso: S.Identificazione, CasoSip: S.CasoSip },
};

const TRANSIZIONI: Record<TipoFlusso, Array<Map<string, S>>> = {
  PS_PSA_SINA: transizioni('PS_PSA_SINA'),
  SINBA: transizioni('SINBA'),
  SIP: transizioni('SIP'),
};

function transizioni(tipo: TipoFlusso): Array<Map<string, S>> {
  const t: Array<Map<string, S>> = [];
  t[S.Radice] = new Map(Object.entries(FIGLI_RADICE[tipo]));
  for (const [stato, figli] of FIGLI) t[stato] = new Map(Object.entries(figli));
  return t;
}

/** States whose character data is a value. */
const CON_TESTO = new Set<S>([S.NecessitaCodice, S.InvCiv, S.SinbaCodice, S.SinbaComposizione, S.Figura, S.Obiettivo, S.Sostegno]);

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Receives the events of one document and builds its records. `apri` for each
 * start tag (an empty-element tag is `apri` then `chiudi`), `testo` for
 * character data (only while `vuoleTesto`), `chiudi` for each end tag.
 * `onConfine` lets the validator cut the document while it is being read.
 */
export class CostruttoreRecords<T extends TipoFlusso> {
  private readonly ns: string;
  private readonly tabella: Array<Map<string, S>>;
  private readonly intestazione: IntestazioneFlusso = { nome: '', ente: { codice: '', indirizzo: '', cfOperatore: '' } };
  private readonly beneficiari: BeneficiarioFlusso[] = [];
  private readonly sinba: CasoSinbaFlusso[] = [];
  private readonly sip: CasoSipFlusso[] = [];
  private readonly nodi: NodoPrimoLivello[] = [];
  private readonly stati: S[] = [];
  /** Prefix → namespace in scope, one entry per open element (shared while no element declares any). */
  private readonly ambiti: Array<Record<string, string | undefined>> = [{ xml: XML_NS }];
  private nodo: NodoPrimoLivello | undefined;
  private beneficiario: BeneficiarioFlusso | undefined;
  private prestazione: PrestazioneFlusso | undefined;
  private caso: CasoSinbaFlusso | undefined;
  private casoSip: CasoSipFlusso | undefined;
  private numero = 0;
  private numeroBeneficiario = 0;
  private raccolto: string | undefined;

  /**
   * `dichiarazioniInterne`: whether elements below the root may declare prefixes.
   * When false only the root's declarations and default-namespace changes are
   * looked for, which saves a pass over every element's attributes.
   */
  constructor(
    readonly tipo: T,
    private readonly dichiarazioniInterne = true,
    /** Called at the end of each child of the root, with the offset just past its end tag. */
    private readonly onConfine?: (fine: number) => void,
  ) {
    this.ns = FORMATI[tipo].namespace;
    this.tabella = TRANSIZIONI[tipo];
  }

  /** True while the current element's character data is a value to keep. */
  get vuoleTesto(): boolean {
    return this.raccolto !== undefined;
  }

  /** A start tag: `nome` as written, its attributes, the line and offset of its `<`. */
  apri(nome: string, a: AttributiTag, riga: number, inizio: number): void {
    const ambiti = this.ambiti;
    const stati = this.stati;
    let ambito = ambiti[ambiti.length - 1] as Record<string, string | undefined>;
    const tutte = stati.length === 0 || this.dichiarazioniInterne;
    for (let i = 0; i < a.n; i++) {
      const k = a.nomi[i] as string;
      if (k.charCodeAt(0) !== 120 /* x */ || !k.startsWith('xmlns')) continue;
      if (k.length === 5 || (tutte && k.charCodeAt(5) === 58) /* : */) {
        if (ambito === ambiti[ambiti.length - 1]) ambito = { ...ambito };
        ambito[k.length === 5 ? '' : k.slice(6)] = a.valori[i] || undefined;
      }
    }
    ambiti.push(ambito);

    const due = nome.indexOf(':');
    const locale = due < 0 ? nome : nome.slice(due + 1);
    const uri = ambito[due < 0 ? '' : nome.slice(0, due)];
    const padre = stati.length === 0 ? undefined : (stati[stati.length - 1] as S);
    let stato: S;
    if (padre === undefined) stato = S.Radice;
    else if (padre === S.Ignora || uri !== this.ns) stato = S.Ignora;
    else stato = this.tabella[padre]?.get(locale) ?? S.Ignora;
    stati.push(stato);

    const nodo = this.nodo;
    if (padre === S.Radice) {
      this.nodo = { qname: nome, inizio, riga, rigaFine: riga, records: [] };
      this.nodi.push(this.nodo);
    } else if (padre === S.Beneficiario && nodo?.figli) {
      // Each child of a Beneficiario: an error in a benefit concerns that benefit, anywhere else all of them.
      nodo.figli.qname.push(nome);
      nodo.figli.record.push(stato === S.Prestazione ? this.numero + 1 : 0);
    }
    if (CON_TESTO.has(stato)) this.raccolto = '';
    if (stato !== S.Ignora && stato !== S.Radice) this.inizia(stato, a, riga);
  }

  /** Character data (references already replaced), kept only inside a value element. */
  testo(t: string): void {
    if (this.raccolto !== undefined) this.raccolto += t;
  }

  /** An end tag; `fine` is the offset just past it (-1 when unknown). */
  chiudi(riga: number, fine: number): void {
    const stato = this.stati.pop();
    this.ambiti.pop();
    if (this.raccolto !== undefined && stato !== undefined) {
      this.valore(stato, this.raccolto);
      this.raccolto = undefined;
    }
    if (this.stati.length === 1) {
      if (this.nodo) this.nodo.rigaFine = riga;
      this.onConfine?.(fine);
      this.nodo = undefined;
      this.beneficiario = undefined;
      this.caso = undefined;
      this.casoSip = undefined;
    } else if (stato === S.Prestazione) {
      this.prestazione = undefined;
    }
  }

  /** The records read. */
  risultato(): FlussoLetto<T> {
    const records = (this.tipo === 'PS_PSA_SINA' ? this.beneficiari : this.tipo === 'SINBA' ? this.sinba : this.sip) as RecordsPerTipo[T];
    return { tipo: this.tipo, intestazione: this.intestazione, records, numeroRecord: this.numero, nodi: this.nodi };
  }

  private inizia(stato: S, a: AttributiTag, riga: number): void {
    switch (stato) {
      case S.Identificazione:
        this.intestazione.nome = valore(a, 'Nome') ?? '';
        return;
      case S.Ente: {
        const denominazione = valore(a, 'Denominazione');
        this.intestazione.ente = { codice: valore(a, 'Codice') ?? '', indirizzo: valore(a, 'Indirizzo') ?? '', cfOperatore: valore(a, 'CFOperatore') ?? '' };
        if (denominazione !== undefined) this.intestazione.ente.denominazione = denominazione;
        return;
      }
      case S.Beneficiario: {
        const b: BeneficiarioFlusso = {
          posizione: { numero: ++this.numeroBeneficiario, riga },
          codiceFiscale: valore(a, 'CodiceFiscale') ?? '',
          anagrafica: { cognome: '', nome: '', annoNascita: '', luogoNascita: '', genere: '', codiceCittadinanza: '', codiceSecondaCittadinanza: undefined },
          indirizzi: [],
          prestazioni: [],
        };
        this.beneficiario = b;
        this.beneficiari.push(b);
        if (this.nodo) this.nodo.figli = { qname: [], record: [] };
        return;
      }
      case S.Anagrafica:
        if (this.beneficiario) copia(this.beneficiario.anagrafica, a, CHIAVI_ANAGRAFICA);
        return;
      case S.Indirizzo:
        if (this.beneficiario) {
          const indirizzo = { codiceRegione: undefined, codiceComune: undefined, codiceNazione: '' };
          copia(indirizzo, a, CHIAVI_INDIRIZZO);
          this.beneficiario.indirizzi.push(indirizzo);
        }
        return;
      case S.Prestazione: {
        // Every field declared up front, in one shape: one allocation per record instead
        // of a chain of growing property stores (most of a big flow's garbage).
        const p: PrestazioneFlusso = {
          posizione: { numero: ++this.numero, riga },
          tipoOperazione: undefined,
          presenzaProvaMezzi: '',
          caratterePrestazione: undefined,
          numeroProtocolloDSU: undefined,
          annoProtocolloDSU: undefined,
          dataDSU: undefined,
          codicePrestazione: '',
          denominazionePrestazione: '',
          protocolloDomanda: '',
          dataEvento: undefined,
          dataInizioPrestazione: undefined,
          dataFinePrestazione: undefined,
          dataErogazionePrestazione: undefined,
          importoPrestazione: undefined,
          periodoErogazione: undefined,
          importoMensile: undefined,
          importoQuotaEnte: undefined,
          importoQuotaUtente: undefined,
          importoQuotaSSN: undefined,
          importoQuotaRichiesta: undefined,
          importoSogliaISEE: undefined,
          oreServizioMensile: undefined,
          presaCarico: '',
          areaUtenza: undefined,
          sina: undefined,
        };
        copia(p, a, CHIAVI_PRESTAZIONE);
        this.prestazione = p;
        this.beneficiario?.prestazioni.push(p);
        this.nodo?.records.push(this.numero);
        return;
      }
      case S.Sina: {
        if (!this.prestazione) return;
        const sina: SinaFlusso = {
          mobilita: '',
          attivitaVitaQuotidiana: '',
          disturbiAreaCognitiva: undefined,
          disturbiComportamentali: '',
          necessitaCureSanitarie: undefined,
          areaReddituale: '',
          areaSupporto: '',
          fonteDerivazioneValutazione: '',
          strumentoValutazione: '',
          fonteDerivazioneInvalidita: undefined,
          necessitaInterventiSociali: [],
          invaliditaCivile: [],
        };
        copia(sina, a, CHIAVI_SINA);
        this.prestazione.sina = sina;
        return;
      }
      case S.Sinba: {
        const attributi: Record<string, string> = {};
        for (let i = 0; i < a.n; i++) {
          const k = a.nomi[i] as string;
          // Namespace declarations, xsi: hints and other prefixed attributes are not data.
          if (k === 'IDBeneficiario' || k === 'xmlns' || k.includes(':')) continue;
          attributi[chiaveCampo(k)] = a.valori[i] as string;
        }
        const c: CasoSinbaFlusso = { posizione: { numero: ++this.numero, riga }, idBeneficiario: valore(a, 'IDBeneficiario') ?? '', attributi, prestazioni: [], composizioneFamiglia: [] };
        this.caso = c;
        this.sinba.push(c);
        this.nodo?.records.push(this.numero);
        return;
      }
      case S.CasoSip: {
        const c: CasoSipFlusso = {
          posizione: { numero: ++this.numero, riga },
          tipoOperazione: undefined,
          protocolloCaso: '',
          misura: '',
          dataDomanda: '',
          dataPattoDigitale: undefined,
          dataChiusura: undefined,
          codiceComune: '',
          codiceRegione: '',
          nucleo: [],
          analisiPreliminare: undefined,
          quadroAnalisi: undefined,
          progetto: undefined,
        };
        copia(c, a, CHIAVI_CASO_SIP);
        this.casoSip = c;
        this.sip.push(c);
        this.nodo?.records.push(this.numero);
        return;
      }
      case S.Componente:
        this.casoSip?.nucleo.push({
          codiceFiscale: valore(a, 'CodiceFiscale') ?? '',
          ruolo: valore(a, 'Ruolo') ?? '',
          attivabileLavoro: valore(a, 'AttivabileLavoro') ?? '',
          anagrafica: { cognome: '', nome: '', annoNascita: '', luogoNascita: '', genere: '', codiceCittadinanza: '', codiceSecondaCittadinanza: undefined },
        });
        return;
      case S.AnagraficaComponente: {
        const componente = this.casoSip?.nucleo.at(-1);
        if (componente) copia(componente.anagrafica, a, CHIAVI_ANAGRAFICA);
        return;
      }
      case S.AnalisiPreliminare:
        if (this.casoSip) this.casoSip.analisiPreliminare = { data: valore(a, 'Data') ?? '', esito: valore(a, 'Esito') ?? '' };
        return;
      case S.Quadro:
        if (this.casoSip) this.casoSip.quadroAnalisi = { data: valore(a, 'Data') ?? '', dimensioni: [], equipe: [] };
        return;
      case S.Dimensione:
        this.casoSip?.quadroAnalisi?.dimensioni.push({
          codice: valore(a, 'Codice') ?? '',
          risorse: valore(a, 'Risorse') ?? '',
          vulnerabilita: valore(a, 'Vulnerabilita') ?? '',
          fattoriSostegno: valore(a, 'FattoriSostegno') ?? '',
        });
        return;
      case S.Progetto:
        if (this.casoSip) {
          this.casoSip.progetto = { tipo: valore(a, 'Tipo') ?? '', dataSottoscrizione: valore(a, 'DataSottoscrizione') ?? '', obiettivi: [], sostegni: [], impegni: [], incontri: [] };
        }
        return;
      case S.Impegno:
        this.casoSip?.progetto?.impegni.push({
          codiceFiscale: valore(a, 'CodiceFiscale') ?? '',
          descrizione: valore(a, 'Descrizione') ?? '',
          scadenza: valore(a, 'Scadenza') ?? '',
          stato: valore(a, 'Stato') ?? '',
        });
        return;
      case S.Incontro:
        this.casoSip?.progetto?.incontri.push({ data: valore(a, 'Data') ?? '', esito: valore(a, 'Esito') ?? '' });
        return;
      default:
        return;
    }
  }

  private valore(stato: S, t: string): void {
    switch (stato) {
      case S.NecessitaCodice:
        this.prestazione?.sina?.necessitaInterventiSociali.push(t);
        return;
      case S.InvCiv:
        this.prestazione?.sina?.invaliditaCivile.push(t);
        return;
      case S.SinbaCodice:
        this.caso?.prestazioni.push(t);
        return;
      case S.SinbaComposizione:
        this.caso?.composizioneFamiglia.push(t);
        return;
      case S.Figura:
        this.casoSip?.quadroAnalisi?.equipe.push(t);
        return;
      case S.Obiettivo:
        this.casoSip?.progetto?.obiettivi.push(t);
        return;
      case S.Sostegno:
        this.casoSip?.progetto?.sostegni.push(t);
        return;
      default:
        return;
    }
  }
}
