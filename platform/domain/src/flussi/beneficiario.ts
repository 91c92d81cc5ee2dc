/**
 * Rules on a `Beneficiario` of the PS/PSA/SINA flow and its `PrestazioniSociali`
 * (tables 4–11), after XML schema validation: what the XSD cannot express.
 *
 * The unit of an esito is the benefit. Problems of the beneficiary (codice
 * fiscale, Anagrafica, Indirizzo) belong to every one of its benefits, so each
 * benefit's esito repeats them, and an invalid codice fiscale rejects them all.
 * The flow header's segnalazioni are copied to every esito as well, so each
 * esito is complete on its own.
 */
import { comuneByIstat } from '../territori';
import { dm1986DaIstat, dm1986DelComune, regioneDm1986 } from '../regioni-dm1986';
import { isWellFormedCodicePrestazione, requiresPresaInCarico } from '../nomenclatore';
import type { BeneficiarioFlusso, PrestazioneFlusso } from './records';
import type { ContestoValidazione } from './contesto';
import { creaSegnalazione, statoEsito } from './esito';
import type { CodiceSegnalazione, EsitoRecord, Segnalazione } from './esito';
import { maiuscola, riferimento } from './riferimenti';
import { datiCodiceFiscale, verificaCodiceFiscale } from './codice-fiscale-flusso';
import { leggiOggi, validaIntestazione } from './intestazione';
import {
  confrontaDate,
  formatCentesimi,
  formatData,
  inCentesimi,
  leggiData,
  leggiDecimale,
  leggiOreMensili,
  mesiCoperti,
  normalizzaDenominazione,
} from './valori';
import type { DataCalendario } from './valori';

/** A finding before it is addressed to a benefit: the text follows "Prestazione n. … del beneficiario …: ". */
interface Problema {
  codice: CodiceSegnalazione;
  campo?: string;
  testo: string;
}

function problema(codice: CodiceSegnalazione, testo: string, campo?: string): Problema {
  return campo === undefined ? { codice, testo } : { codice, testo, campo };
}

/** "la prestazione" or "le 3 prestazioni del beneficiario": what an ERRORE of the beneficiary costs. */
function prestazioniDelBeneficiario(n: number): string {
  return n === 1 ? 'la prestazione' : `le ${n} prestazioni del beneficiario`;
}

const FORMA_CODICE = 'una lettera maiuscola, una cifra, un punto e due cifre, ad esempio A1.04';
const GENERI: Readonly<Record<string, string>> = { '1': 'maschio', '2': 'femmina' };

function presente(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function regoleCodiceFiscale(beneficiario: BeneficiarioFlusso): { problemi: Problema[]; valido16: boolean } {
  const { validation, diagnosi } = verificaCodiceFiscale(beneficiario.codiceFiscale, 'il codice fiscale');
  if (!diagnosi) return { problemi: [], valido16: validation.kind !== 'TEMPORANEO' };
  const n = beneficiario.prestazioni.length;
  const codice: CodiceSegnalazione =
    diagnosi.causa === 'CF_CONTROLLO'
      ? 'BENEFICIARIO_CF_CONTROLLO'
      : diagnosi.causa === 'CF_TEMPORANEO_CONTROLLO'
        ? 'BENEFICIARIO_CF_PROVVISORIO_CONTROLLO'
        : 'BENEFICIARIO_CF_FORMATO';
  const conseguenza =
    n === 1
      ? 'Un codice fiscale non valido non identifica il beneficiario, quindi la prestazione è stata scartata.'
      : `Un codice fiscale non valido non identifica il beneficiario, quindi tutte le ${n} prestazioni del beneficiario sono state scartate.`;
  return {
    problemi: [
      problema(
        codice,
        `${diagnosi.testo}. ${conseguenza} Correggere il codice fiscale del beneficiario e inviare di nuovo ` +
          `${n === 1 ? 'la prestazione' : 'tutte le sue prestazioni'}.`,
        'CodiceFiscale',
      ),
    ],
    valido16: false,
  };
}

function regoleAnagrafica(beneficiario: BeneficiarioFlusso, valido16: boolean, oggi: DataCalendario, n: number): Problema[] {
  const problemi: Problema[] = [];
  const { anagrafica } = beneficiario;
  const anno = Number(anagrafica.annoNascita);
  if (anno > oggi.anno) {
    problemi.push(
      problema(
        'ANAGRAFICA_ANNO_NASCITA_FUTURO',
        `l'anno di nascita ${anagrafica.annoNascita} (AnnoNascita) è successivo all'anno in corso, ${oggi.anno}. ` +
          `Correggere l'anno di nascita e inviare di nuovo ${prestazioniDelBeneficiario(n)}.`,
        'AnnoNascita',
      ),
    );
  }
  // Only a valid code says something reliable about its holder; a mistyped one would raise false alarms.
  const dati = valido16 ? datiCodiceFiscale(beneficiario.codiceFiscale.trim().toUpperCase()) : undefined;
  if (!dati) return problemi;
  const verifica = 'Questo non blocca la prestazione; verificare su un documento quale dei due dati è errato e correggerlo.';
  if (dati.anno2 !== anagrafica.annoNascita.slice(-2)) {
    problemi.push(
      problema(
        'ANAGRAFICA_CF_ANNO_INCOERENTE',
        `l'anno di nascita codificato nel codice fiscale (7° e 8° carattere) non corrisponde ad AnnoNascita ` +
          `${anagrafica.annoNascita}. ${verifica}`,
        'AnnoNascita',
      ),
    );
  }
  if (dati.genere !== anagrafica.genere) {
    problemi.push(
      problema(
        'ANAGRAFICA_CF_GENERE_INCOERENTE',
        `il codice fiscale è di ${dati.genere === '2' ? 'una donna (giorno di nascita aumentato di 40)' : 'un uomo'}, ` +
          `ma Genere è «${anagrafica.genere}» (${GENERI[anagrafica.genere] ?? 'valore non previsto'}). ${verifica}`,
        'Genere',
      ),
    );
  }
  if (dati.luogo !== anagrafica.luogoNascita.trim().toUpperCase()) {
    problemi.push(
      problema(
        'ANAGRAFICA_CF_LUOGO_INCOERENTE',
        `il luogo di nascita codificato nel codice fiscale (dal 12° al 15° carattere) non corrisponde a ` +
          `LuogoNascita «${anagrafica.luogoNascita}». ${verifica}`,
        'LuogoNascita',
      ),
    );
  }
  return problemi;
}

function regoleIndirizzi(beneficiario: BeneficiarioFlusso, n: number): Problema[] {
  const problemi: Problema[] = [];
  const molti = beneficiario.indirizzi.length > 1;
  beneficiario.indirizzi.forEach((indirizzo, i) => {
    const dove = molti ? ` nell'indirizzo n. ${i + 1}` : '';
    const reinvio = `inviare di nuovo ${prestazioniDelBeneficiario(n)}`;
    const { codiceRegione, codiceComune, codiceNazione } = indirizzo;
    if (codiceNazione === '380') {
      if (!presente(codiceRegione)) {
        problemi.push(
          problema(
            'INDIRIZZO_REGIONE_MANCANTE',
            `la residenza è in Italia (CodiceNazione 380) ma manca CodiceRegione${dove}. Indicare il codice della ` +
              `regione di residenza (due cifre, codifica DM1986, ad esempio 08 per il Lazio) e ${reinvio}.`,
            'CodiceRegione',
          ),
        );
      }
      if (!presente(codiceComune)) {
        problemi.push(
          problema(
            'INDIRIZZO_COMUNE_MANCANTE',
            `la residenza è in Italia (CodiceNazione 380) ma manca CodiceComune${dove}. Indicare il codice ISTAT ` +
              `del comune di residenza (sei cifre, ad esempio 058091 per Roma) e ${reinvio}.`,
            'CodiceComune',
          ),
        );
      }
    }
    const comune = presente(codiceComune) ? comuneByIstat(codiceComune) : undefined;
    if (presente(codiceComune) && !comune) {
      problemi.push(
        problema(
          'INDIRIZZO_COMUNE_SCONOSCIUTO',
          `CodiceComune «${codiceComune}»${dove} non è nell'elenco ISTAT dei comuni al 1° gennaio 2020. Questo ` +
            `non blocca la prestazione; se il comune è stato istituito dopo il 2020 non occorre fare nulla, ` +
            `altrimenti correggere il codice nei prossimi invii.`,
          'CodiceComune',
        ),
      );
    }
    if (!presente(codiceRegione)) return;
    // CodiceRegione is coded DM1986 (the Agenzia delle Entrate's table), not ISTAT: see regioni-dm1986.ts.
    const regione = regioneDm1986(codiceRegione);
    if (comune && !dm1986DelComune(codiceRegione, comune.istat, comune.codiceRegione)) {
      const attesa = dm1986DaIstat(comune.codiceRegione, comune.istat);
      problemi.push(
        problema(
          'INDIRIZZO_REGIONE_INCOERENTE',
          `il comune di residenza ${comune.nome} (CodiceComune ${comune.istat})${dove} è in ` +
            `${regioneDm1986(attesa)?.nome ?? comune.codiceRegione} (codice DM1986 ${attesa}), ma CodiceRegione è ` +
            `«${codiceRegione}»${regione ? ` (${regione.nome})` : ''}. Questo non blocca la prestazione; correggere ` +
            `CodiceRegione o CodiceComune nei prossimi invii.`,
          'CodiceRegione',
        ),
      );
    } else if (!comune && !regione) {
      problemi.push(
        problema(
          'INDIRIZZO_REGIONE_SCONOSCIUTA',
          `CodiceRegione «${codiceRegione}»${dove} non è il codice di una regione nella codifica DM1986 ` +
            `(da 01 Abruzzo a 21 Veneto). Questo non blocca la prestazione; correggere il codice nei prossimi invii.`,
          'CodiceRegione',
        ),
      );
    }
  });
  return problemi;
}

/** Rules on the benefit code: shape, presence in the nomenclatore, name, and the codes reserved to a presa in carico. */
function regoleCodice(p: PrestazioneFlusso, contesto: ContestoValidazione): Problema[] {
  const codice = p.codicePrestazione;
  if (!isWellFormedCodicePrestazione(codice)) {
    return [
      problema(
        'PRESTAZIONE_CODICE_FORMATO',
        `CodicePrestazione «${codice}» non ha la forma dei codici del nomenclatore (${FORMA_CODICE}). ` +
          `Correggere il codice e inviare di nuovo la prestazione.`,
        'CodicePrestazione',
      ),
    ];
  }
  const voce = contesto.nomenclatore.get(codice);
  if (!voce) {
    return [
      problema(
        'PRESTAZIONE_CODICE_SCONOSCIUTO',
        `CodicePrestazione «${codice}» è ben formato ma non è nel nomenclatore in uso. Questo non blocca la prestazione; ` +
          `se il codice non è stato introdotto di recente, verificare che sia quello giusto.`,
        'CodicePrestazione',
      ),
    ];
  }
  // A name shorter than the XSD minimum (Z9.99 "Altro") cannot be sent as is: the ente must describe the benefit.
  const nomeUsabile = voce.denominazione.length >= 10;
  if (nomeUsabile && normalizzaDenominazione(p.denominazionePrestazione) !== normalizzaDenominazione(voce.denominazione)) {
    // The flow's own text is not quoted: it is free text and may name a person.
    return [
      problema(
        'PRESTAZIONE_DENOMINAZIONE_DIVERSA',
        `DenominazionePrestazione è diversa dalla denominazione del nomenclatore per ${codice}, ` +
          `«${voce.denominazione}». Questo non blocca la prestazione, registrata con il codice ${codice}; verificare che il ` +
          `codice sia quello della prestazione erogata e usare la denominazione del nomenclatore nei prossimi invii.`,
        'DenominazionePrestazione',
      ),
    ];
  }
  return [];
}

function regoleDsu(p: PrestazioneFlusso): Problema[] {
  const campi = [
    ['NumeroProtocolloDSU', p.numeroProtocolloDSU],
    ['AnnoProtocolloDSU', p.annoProtocolloDSU],
    ['DataDSU', p.dataDSU],
  ] as const;
  // NumeroProtocolloDSU may be empty by the XSD (minLength 0): an empty value says "no DSU", like an absent one.
  const indicati = campi.filter(([, v]) => presente(v)).map(([nome]) => nome);
  const mancanti = campi.filter(([, v]) => !presente(v)).map(([nome]) => nome);
  if (indicati.length > 0 && mancanti.length > 0) {
    return [
      problema(
        'PRESTAZIONE_DSU_INCOMPLETA',
        `${indicati.length === 1 ? 'è indicato' : 'sono indicati'} ${indicati.join(' e ')} ma ` +
          `${mancanti.length === 1 ? 'manca' : 'mancano'} ${mancanti.join(' e ')}: i dati della DSU ` +
          `(NumeroProtocolloDSU, AnnoProtocolloDSU, DataDSU) vanno indicati tutti o nessuno. Completare i dati ` +
          `della DSU e inviare di nuovo la prestazione.`,
        mancanti[0],
      ),
    ];
  }
  if (indicati.length === 0 && p.presenzaProvaMezzi === '1') {
    return [
      problema(
        'PRESTAZIONE_ISEE_SENZA_DSU',
        `la prestazione è soggetta a ISEE (PresenzaProvaMezzi 1) ma non indica la DSU. Questo non blocca la prestazione; ` +
          `indicare NumeroProtocolloDSU, AnnoProtocolloDSU e DataDSU della dichiarazione usata per ` +
          `concederla, oppure correggere PresenzaProvaMezzi se la prestazione non è soggetta a ISEE.`,
        'PresenzaProvaMezzi',
      ),
    ];
  }
  return [];
}

function mancante(codice: CodiceSegnalazione, campo: string, carattere: string, cosa: string): Problema {
  return problema(
    codice,
    `la prestazione è ${carattere} ma manca ${campo}. Indicare ${cosa} e inviare di nuovo la prestazione.`,
    campo,
  );
}

function regoleCarattere(p: PrestazioneFlusso): Problema[] {
  if (p.caratterePrestazione === undefined) {
    return [
      problema(
        'PRESTAZIONE_CARATTERE_MANCANTE',
        `manca CaratterePrestazione (1 periodica, 2 occasionale): la tabella 9 della specifica lo rende ` +
          `obbligatorio anche se lo schema XSD lo ammette assente. Indicarlo e inviare di nuovo la prestazione.`,
        'CaratterePrestazione',
      ),
    ];
  }
  const problemi: Problema[] = [];
  const periodica = 'periodica (CaratterePrestazione 1)';
  const occasionale = 'occasionale (CaratterePrestazione 2)';
  if (p.caratterePrestazione === '1') {
    if (!presente(p.dataInizioPrestazione)) {
      problemi.push(mancante('PRESTAZIONE_DATA_INIZIO_MANCANTE', 'DataInizioPrestazione', periodica, 'la data di inizio'));
    }
    if (!presente(p.importoMensile)) {
      problemi.push(mancante('PRESTAZIONE_IMPORTO_MENSILE_MANCANTE', 'ImportoMensile', periodica, "l'importo mensile"));
    }
  } else if (p.caratterePrestazione === '2') {
    if (!presente(p.dataErogazionePrestazione)) {
      problemi.push(
        mancante('PRESTAZIONE_DATA_EROGAZIONE_MANCANTE', 'DataErogazionePrestazione', occasionale, "la data dell'erogazione"),
      );
    }
    if (!presente(p.importoPrestazione)) {
      problemi.push(mancante('PRESTAZIONE_IMPORTO_MANCANTE', 'ImportoPrestazione', occasionale, "l'importo erogato"));
    }
  }
  return problemi;
}

function regoleDataFine(p: PrestazioneFlusso): Problema[] {
  const inizio = leggiData(p.dataInizioPrestazione);
  const fine = leggiData(p.dataFinePrestazione);
  if (!inizio || !fine) return [];
  if (confrontaDate(fine, inizio) < 0) {
    return [
      problema(
        'PRESTAZIONE_DATA_FINE_PRECEDENTE',
        `DataFinePrestazione ${formatData(fine)} precede DataInizioPrestazione ${formatData(inizio)}. Correggere le ` +
          `date e inviare di nuovo la prestazione.`,
        'DataFinePrestazione',
      ),
    ];
  }
  if (fine.anno !== inizio.anno) {
    return [
      problema(
        'PRESTAZIONE_DATA_FINE_ANNO_DIVERSO',
        `DataFinePrestazione ${formatData(fine)} non è nello stesso anno di DataInizioPrestazione ` +
          `${formatData(inizio)}, come richiede la specifica. Chiudere la prestazione al ${inizio.anno}-12-31 e ` +
          `inviare il periodo dal ${inizio.anno + 1}-01-01 come nuova prestazione.`,
        'DataFinePrestazione',
      ),
    ];
  }
  return [];
}

function regoleDateFuture(oggi: DataCalendario, campi: ReadonlyArray<readonly [string, string | undefined]>): Problema[] {
  const problemi: Problema[] = [];
  for (const [campo, valore] of campi) {
    const d = leggiData(valore);
    if (d && confrontaDate(d, oggi) > 0) {
      problemi.push(
        problema(
          'PRESTAZIONE_DATA_FUTURA',
          `${campo} ${formatData(d)} è successiva alla data di ricezione, ${formatData(oggi)}: il casellario ` +
            `registra prestazioni già concesse. Correggere la data o inviare la prestazione quando è stata ` +
            `concessa.`,
          campo,
        ),
      );
    }
  }
  return problemi;
}

const QUOTE = [
  ['ImportoQuotaEnte', 'importoQuotaEnte'],
  ['ImportoQuotaUtente', 'importoQuotaUtente'],
  ['ImportoQuotaSSN', 'importoQuotaSSN'],
] as const;

function regoleImporti(p: PrestazioneFlusso): Problema[] {
  const problemi: Problema[] = [];
  const positivi = [
    ['ImportoPrestazione', p.importoPrestazione, "Indicare l'importo erogato"],
    ['ImportoMensile', p.importoMensile, "Indicare l'importo mensile erogato"],
    ['ImportoQuotaEnte', p.importoQuotaEnte, "Se l'ente non paga una quota, omettere l'attributo"],
    ['ImportoQuotaSSN', p.importoQuotaSSN, "Se il Servizio sanitario non paga una quota, omettere l'attributo"],
  ] as const;
  for (const [campo, valore, rimedio] of positivi) {
    const v = leggiDecimale(valore);
    if (v !== undefined && v <= 0n) {
      problemi.push(
        problema(
          'PRESTAZIONE_IMPORTO_NON_POSITIVO',
          `${campo} vale ${valore?.trim()}, ma la specifica lo vuole maggiore di zero. ${rimedio} e inviare di ` +
            `nuovo la prestazione.`,
          campo,
        ),
      );
    }
  }
  const utente = leggiDecimale(p.importoQuotaUtente);
  if (utente !== undefined && utente < 0n) {
    problemi.push(
      problema(
        'PRESTAZIONE_IMPORTO_NEGATIVO',
        `ImportoQuotaUtente vale ${p.importoQuotaUtente?.trim()}, ma non può essere negativo (0 se l'utente non ` +
          `paga nulla). Correggere la quota e inviare di nuovo la prestazione.`,
        'ImportoQuotaUtente',
      ),
    );
  }

  const [campoTotale, totaleScritto] =
    p.caratterePrestazione === '1'
      ? ['ImportoMensile', p.importoMensile]
      : p.caratterePrestazione === '2'
        ? ['ImportoPrestazione', p.importoPrestazione]
        : [undefined, undefined];
  const totale = leggiDecimale(totaleScritto);
  const quote = QUOTE.map(([campo, chiave]) => [campo, p[chiave], leggiDecimale(p[chiave])] as const).filter(
    ([, , v]) => v !== undefined,
  );
  if (campoTotale && totale !== undefined && quote.length > 0) {
    const somma = inCentesimi(quote.reduce((acc, [, , v]) => acc + (v ?? 0n), 0n));
    const atteso = inCentesimi(totale);
    if (somma !== atteso) {
      const addendi = quote.map(([campo, scritto]) => `${campo} ${scritto?.trim()}`).join(' + ');
      problemi.push(
        problema(
          'PRESTAZIONE_QUOTE_SOMMA_DIVERSA',
          `le quote (${addendi}) sommano a ${formatCentesimi(somma)}, ma ${campoTotale} è ` +
            `${formatCentesimi(atteso)} (differenza ${formatCentesimi(atteso - somma)}). Le quote indicate devono ` +
            `sommare esattamente, al centesimo, ${p.caratterePrestazione === '1' ? "all'importo mensile" : "all'importo della prestazione"}. ` +
            `Correggere le quote o l'importo e inviare di nuovo la prestazione.`,
          campoTotale,
        ),
      );
    }
  }
  return problemi;
}

function regolaPeriodo(p: PrestazioneFlusso): Problema[] {
  if (p.caratterePrestazione !== '1' || !presente(p.periodoErogazione)) return [];
  const periodo = Number(p.periodoErogazione);
  const inizio = leggiData(p.dataInizioPrestazione);
  const fine = leggiData(p.dataFinePrestazione);
  // Wrong dates are reported by their own rules; a period cannot be judged against them.
  if (!Number.isInteger(periodo) || !inizio || !fine || confrontaDate(fine, inizio) < 0 || fine.anno !== inizio.anno) return [];
  const { min, max } = mesiCoperti(inizio, fine);
  const da = Math.max(1, min);
  const a = Math.max(1, max);
  if (periodo >= da && periodo <= a) return [];
  const mesi = (k: number): string => (k === 1 ? '1 mese' : `${k} mesi`);
  const tra = da !== a ? `ci sono tra ${da} e ${mesi(a)}` : da === 1 ? "c'è 1 mese" : `ci sono ${mesi(da)}`;
  return [
    problema(
      'PRESTAZIONE_PERIODO_INCOERENTE',
      `PeriodoErogazione è ${mesi(periodo)}, ma tra DataInizioPrestazione ${formatData(inizio)} e ` +
        `DataFinePrestazione ${formatData(fine)} ${tra}. Questo non blocca la prestazione; verificare le date o ` +
        `il numero di mesi di erogazione e correggerli nei prossimi invii.`,
      'PeriodoErogazione',
    ),
  ];
}

function regolaOre(p: PrestazioneFlusso): Problema[] {
  if (!presente(p.oreServizioMensile)) return [];
  const letto = leggiOreMensili(p.oreServizioMensile);
  if (!('errore' in letto)) return [];
  return [
    problema(
      'PRESTAZIONE_ORE_SERVIZIO_FORMATO',
      `OreServizioMensile «${p.oreServizioMensile.trim()}» ${letto.errore}. Indicare le ore del mese come ore e ` +
        `minuti (ad esempio 12,30 o 12.30 per dodici ore e mezza) e inviare di nuovo la prestazione.`,
      'OreServizioMensile',
    ),
  ];
}

function regolePresaInCarico(p: PrestazioneFlusso): Problema[] {
  const problemi: Problema[] = [];
  if (p.presaCarico === '1' && !presente(p.areaUtenza)) {
    problemi.push(
      problema(
        'PRESTAZIONE_AREA_UTENZA_MANCANTE',
        `c'è presa in carico (PresaCarico 1) ma manca AreaUtenza (1 famiglia e minori, 2 disabilità e non ` +
          `autosufficienza, 3 povertà ed esclusione sociale). Indicarla e inviare di nuovo la prestazione.`,
        'AreaUtenza',
      ),
    );
  }
  if (requiresPresaInCarico(p.codicePrestazione) && p.presaCarico !== '1') {
    problemi.push(
      problema(
        'PRESTAZIONE_RICHIEDE_PRESA_IN_CARICO',
        `il codice ${p.codicePrestazione} si invia solo con la presa in carico del servizio sociale ` +
          `professionale (codici da A2.16 a A2.29), ma PresaCarico è «${p.presaCarico}». Se c'è presa in carico ` +
          `indicare PresaCarico 1 e AreaUtenza, altrimenti usare il codice della prestazione effettivamente ` +
          `erogata; poi inviare di nuovo la prestazione.`,
        'PresaCarico',
      ),
    );
  }
  return problemi;
}

function regoleSina(p: PrestazioneFlusso, contesto: ContestoValidazione): Problema[] {
  const problemi: Problema[] = [];
  for (const codice of p.sina?.necessitaInterventiSociali ?? []) {
    if (!isWellFormedCodicePrestazione(codice)) {
      problemi.push(
        problema(
          'SINA_CODICE_FORMATO',
          `il codice «${codice}» di NecessitaInterventiSociali (valutazione SINA) non ha la forma dei codici del ` +
            `nomenclatore (${FORMA_CODICE}). Correggerlo e inviare di nuovo la prestazione.`,
          'NecessitaInterventiSociali',
        ),
      );
    } else if (!contesto.nomenclatore.has(codice)) {
      problemi.push(
        problema(
          'SINA_CODICE_SCONOSCIUTO',
          `il codice «${codice}» di NecessitaInterventiSociali (valutazione SINA) è ben formato ma non è nel ` +
            `nomenclatore in uso. Questo non blocca la prestazione; se il codice non è stato introdotto di ` +
            `recente, verificare che sia quello giusto.`,
          'NecessitaInterventiSociali',
        ),
      );
    }
  }
  return problemi;
}

/**
 * A cancellation (TipoOperazione C) is judged on its key only: ente (header),
 * codice fiscale (beneficiary), CodicePrestazione, ProtocolloDomanda (required
 * by the XSD) and the start or payment date. Nothing else of a C record is
 * stored, so nothing else can make it wrong.
 */
function regoleCancellazione(p: PrestazioneFlusso, oggi: DataCalendario): Problema[] {
  const problemi: Problema[] = [];
  if (!isWellFormedCodicePrestazione(p.codicePrestazione)) {
    problemi.push(
      problema(
        'PRESTAZIONE_CODICE_FORMATO',
        `CodicePrestazione «${p.codicePrestazione}» non ha la forma dei codici del nomenclatore (${FORMA_CODICE}), ` +
          `quindi non identifica una prestazione da cancellare. Indicare il codice della prestazione inviata in ` +
          `origine e inviare di nuovo la cancellazione.`,
        'CodicePrestazione',
      ),
    );
  }
  const haInizio = presente(p.dataInizioPrestazione);
  const haErogazione = presente(p.dataErogazionePrestazione);
  const manca =
    p.caratterePrestazione === '1'
      ? haInizio ? undefined : 'DataInizioPrestazione'
      : p.caratterePrestazione === '2'
        ? haErogazione ? undefined : 'DataErogazionePrestazione'
        : haInizio || haErogazione ? undefined : 'DataInizioPrestazione o DataErogazionePrestazione';
  if (manca) {
    problemi.push(
      problema(
        'PRESTAZIONE_CANCELLAZIONE_DATA_MANCANTE',
        `è una cancellazione (TipoOperazione C) ma manca ${manca}, che insieme a ente, codice fiscale, ` +
          `CodicePrestazione e ProtocolloDomanda identifica la prestazione da cancellare. Indicare la data della ` +
          `prestazione inviata in origine e inviare di nuovo la cancellazione.`,
        manca.startsWith('DataInizio') ? 'DataInizioPrestazione' : 'DataErogazionePrestazione',
      ),
    );
  }
  problemi.push(
    ...regoleDateFuture(oggi, [
      ['DataInizioPrestazione', p.dataInizioPrestazione],
      ['DataErogazionePrestazione', p.dataErogazionePrestazione],
    ]),
  );
  return problemi;
}

function regolePrestazione(p: PrestazioneFlusso, contesto: ContestoValidazione, oggi: DataCalendario): Problema[] {
  return [
    ...regoleCarattere(p),
    ...regoleDsu(p),
    ...regoleCodice(p, contesto),
    ...regoleDataFine(p),
    ...regoleDateFuture(oggi, [
      ['DataDSU', p.dataDSU],
      ['DataEvento', p.dataEvento],
      ['DataInizioPrestazione', p.dataInizioPrestazione],
      ['DataErogazionePrestazione', p.dataErogazionePrestazione],
    ]),
    ...regoleImporti(p),
    ...regolaPeriodo(p),
    ...regolaOre(p),
    ...regolePresaInCarico(p),
    ...regoleSina(p, contesto),
  ];
}

/**
 * Validates a beneficiary of a PS/PSA/SINA flow and returns one esito per
 * benefit (`numero` = the benefit's `posizione.numero`), in flow order. Each
 * esito holds, in this order: the flow header's segnalazioni (see
 * `validaIntestazione`), the beneficiary's (codice fiscale, Anagrafica vs
 * codice fiscale, Indirizzo), and the benefit's own (table 9 and SINA). An
 * invalid codice fiscale rejects every benefit of the beneficiary. A
 * cancellation (TipoOperazione C) is judged on its key fields only.
 */
export function validaBeneficiario(beneficiario: BeneficiarioFlusso, contesto: ContestoValidazione): EsitoRecord[] {
  const oggi = leggiOggi(contesto.oggi);
  const flusso = validaIntestazione(contesto.intestazione, 'PS_PSA_SINA', { oggi: contesto.oggi }).segnalazioni;
  const { problemi: problemiCf, valido16 } = regoleCodiceFiscale(beneficiario);
  // Problems of the person concern only the benefits that store it, i.e. not the cancellations.
  const daInserire = beneficiario.prestazioni.filter((p) => p.tipoOperazione !== 'C').length;
  const problemiPersona = [
    ...regoleAnagrafica(beneficiario, valido16, oggi, daInserire),
    ...regoleIndirizzi(beneficiario, daInserire),
  ];

  return beneficiario.prestazioni.map((p) => {
    const cancellazione = p.tipoOperazione === 'C';
    const problemi = [
      ...problemiCf,
      // A cancellation stores nothing of the person: only the codice fiscale, part of its key, is judged.
      ...(cancellazione ? [] : problemiPersona),
      ...(cancellazione ? regoleCancellazione(p, oggi) : regolePrestazione(p, contesto, oggi)),
    ];
    const prefisso = maiuscola(riferimento(p, beneficiario.codiceFiscale));
    const segnalazioni: Segnalazione[] = [
      ...flusso.map((s) => ({ ...s })),
      ...problemi.map((x) => creaSegnalazione(x.codice, `${prefisso}: ${x.testo}`, x.campo)),
    ];
    return { numero: p.posizione.numero, riga: p.posizione.riga, stato: statoEsito(segnalazioni), segnalazioni };
  });
}
