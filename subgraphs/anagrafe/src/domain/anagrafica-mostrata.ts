import { datiCodiceFiscale } from '@casellario/domain';

/** An address as a claim holds it (table 7: territory only). */
export interface IndirizzoDichiarato {
  codiceRegione: string | null;
  codiceComune: string | null;
  codiceNazione: string;
}

/** The anagrafica values of a person, in `persona`'s column shape: what a claim says and what is shown. */
export interface ValoriAnagrafica {
  cognome: string;
  nome: string;
  annoNascita: number;
  luogoNascita: string;
  genere: string;
  codiceCittadinanza: string;
  codiceSecondaCittadinanza: string | null;
}

/** One ente's claim about a person, with its provenance (`ente` null: unknown). */
export interface Dichiarazione extends ValoriAnagrafica {
  ente: string | null;
  flusso: string | null;
  record: number | null;
  ricevutoIl: Date | null;
  versione: number;
  indirizzi: IndirizzoDichiarato[];
}

/** Where a shown value comes from. */
export interface Provenienza {
  fonte: 'FLUSSO' | 'CODICE_FISCALE' | 'SCONOSCIUTA';
  ente: string | null;
  flusso: string | null;
  record: number | null;
  ricevutoIl: Date | null;
}

/** The fields of the anagrafica a claim gives, as the API names them. */
export const CAMPI_ANAGRAFICA = ['cognome', 'nome', 'annoNascita', 'luogoNascita', 'genere', 'cittadinanza', 'secondaCittadinanza'] as const;
/** The residence compared field by field (its first address). */
export const CAMPI_RESIDENZA = ['residenza.codiceComune', 'residenza.codiceRegione', 'residenza.codiceNazione'] as const;
export type Campo = (typeof CAMPI_ANAGRAFICA)[number] | (typeof CAMPI_RESIDENZA)[number];

/** What is shown of a person, each value with its provenance. */
export interface AnagraficaMostrata extends ValoriAnagrafica {
  indirizzi: IndirizzoDichiarato[];
  provenienza: Record<Campo, Provenienza>;
  /** The claim the non-encoded values come from. */
  guida: Dichiarazione;
}

/** The shown values in `persona`'s column shape (what the table stores and the Anagrafica resolvers read). */
export function valoriMostrati(m: AnagraficaMostrata): ValoriAnagrafica {
  return {
    cognome: m.cognome,
    nome: m.nome,
    annoNascita: m.annoNascita,
    luogoNascita: m.luogoNascita,
    genere: m.genere,
    codiceCittadinanza: m.codiceCittadinanza,
    codiceSecondaCittadinanza: m.codiceSecondaCittadinanza,
  };
}

/** A claimed value that differs from the shown one. */
export interface Discrepanza {
  campo: Campo;
  valore: string | null;
  ente: string | null;
  flusso: string | null;
  record: number | null;
  ricevutoIl: Date | null;
  /** The value contradicts what the codice fiscale encodes (so it is never shown). */
  contraddiceCodiceFiscale: boolean;
}

function provenienzaDi(d: Dichiarazione): Provenienza {
  return { fonte: d.ente === null ? 'SCONOSCIUTA' : 'FLUSSO', ente: d.ente, flusso: d.flusso, record: d.record, ricevutoIl: d.ricevutoIl };
}

const DAL_CODICE_FISCALE: Provenienza = { fonte: 'CODICE_FISCALE', ente: null, flusso: null, record: null, ricevutoIl: null };

/**
 * The claim whose values are shown: the viewer's own ente's, when it has one (an
 * ente sees what it sent), otherwise the titolare's (the ente that first delivered
 * the person; `null` is the claim of unknown provenance of migrated persons),
 * otherwise the earliest received. Undefined only without claims.
 */
export function dichiarazioneGuida(dichiarazioni: readonly Dichiarazione[], enteTitolare: string | null, enteViewer?: string | null): Dichiarazione | undefined {
  if (enteViewer) {
    const propria = dichiarazioni.find((d) => d.ente === enteViewer);
    if (propria) return propria;
  }
  return dichiarazioni.find((d) => d.ente === enteTitolare) ?? [...dichiarazioni].sort((a, b) => a.versione - b.versione)[0];
}

/** The year with these last two digits nearest to `vicino`, never after `annoCorrente`. */
function annoDaDueCifre(due: string, vicino: number, annoCorrente: number): number {
  const n = Number(due);
  const candidati = [1800, 1900, 2000, 2100].map((c) => c + n).filter((a) => a <= annoCorrente);
  return candidati.reduce((best, a) => (Math.abs(a - vicino) < Math.abs(best - vicino) ? a : best), candidati[0] ?? 1900 + n);
}

/** Which of a claim's encoded facts contradict the codice fiscale (none for an 11-digit temporary code). */
export function contraddizioni(codiceFiscale: string, d: Pick<Dichiarazione, 'annoNascita' | 'genere' | 'luogoNascita'>): Set<'annoNascita' | 'genere' | 'luogoNascita'> {
  const dati = datiCodiceFiscale(codiceFiscale);
  const out = new Set<'annoNascita' | 'genere' | 'luogoNascita'>();
  if (!dati) return out;
  if (String(d.annoNascita).padStart(4, '0').slice(-2) !== dati.anno2) out.add('annoNascita');
  if (d.genere !== dati.genere) out.add('genere');
  if (d.luogoNascita.trim().toUpperCase() !== dati.luogo) out.add('luogoNascita');
  return out;
}

/**
 * What is shown of a person (docs/security.md, "Which value is shown"): every value
 * of the guide claim (`dichiarazioneGuida`), except that a fact the codice fiscale
 * encodes — the year's two digits, the sex, the birthplace; omocode letters decoded
 * — is never taken from a claim that contradicts it: it comes from the earliest
 * received claim that agrees with the code, or else from the code itself (sex and
 * birthplace exactly; the year nearest the guide's with the code's two digits).
 */
export function anagraficaMostrata(
  codiceFiscale: string,
  dichiarazioni: readonly Dichiarazione[],
  enteTitolare: string | null,
  enteViewer?: string | null,
  annoCorrente = new Date().getUTCFullYear(),
): AnagraficaMostrata | undefined {
  const guida = dichiarazioneGuida(dichiarazioni, enteTitolare, enteViewer);
  if (!guida) return undefined;
  const prov = provenienzaDi(guida);
  const provenienza = Object.fromEntries([...CAMPI_ANAGRAFICA, ...CAMPI_RESIDENZA].map((c) => [c, prov])) as Record<Campo, Provenienza>;
  const mostrata: AnagraficaMostrata = {
    cognome: guida.cognome,
    nome: guida.nome,
    annoNascita: guida.annoNascita,
    luogoNascita: guida.luogoNascita,
    genere: guida.genere,
    codiceCittadinanza: guida.codiceCittadinanza,
    codiceSecondaCittadinanza: guida.codiceSecondaCittadinanza,
    indirizzi: guida.indirizzi,
    provenienza,
    guida,
  };
  const dati = datiCodiceFiscale(codiceFiscale);
  if (!dati) return mostrata;
  const perData = [...dichiarazioni].sort((a, b) => a.versione - b.versione);
  for (const campo of contraddizioni(codiceFiscale, guida)) {
    const coerente = perData.find((d) => !contraddizioni(codiceFiscale, d).has(campo));
    if (coerente) {
      (mostrata as unknown as Record<string, unknown>)[campo] = coerente[campo];
      provenienza[campo] = provenienzaDi(coerente);
      continue;
    }
    provenienza[campo] = DAL_CODICE_FISCALE;
    if (campo === 'genere') mostrata.genere = dati.genere;
    else if (campo === 'luogoNascita') mostrata.luogoNascita = dati.luogo;
    else mostrata.annoNascita = annoDaDueCifre(dati.anno2, guida.annoNascita, annoCorrente);
  }
  return mostrata;
}

function valoreDi(campo: Campo, v: Pick<AnagraficaMostrata, 'cognome' | 'nome' | 'annoNascita' | 'luogoNascita' | 'genere' | 'codiceCittadinanza' | 'codiceSecondaCittadinanza' | 'indirizzi'>): string | null {
  switch (campo) {
    case 'cognome':
      return v.cognome;
    case 'nome':
      return v.nome;
    case 'annoNascita':
      return String(v.annoNascita);
    case 'luogoNascita':
      return v.luogoNascita;
    case 'genere':
      return v.genere;
    case 'cittadinanza':
      return v.codiceCittadinanza;
    case 'secondaCittadinanza':
      return v.codiceSecondaCittadinanza;
    case 'residenza.codiceComune':
      return v.indirizzi[0]?.codiceComune ?? null;
    case 'residenza.codiceRegione':
      return v.indirizzi[0]?.codiceRegione ?? null;
    case 'residenza.codiceNazione':
      return v.indirizzi[0]?.codiceNazione ?? null;
  }
}

/**
 * Every claimed value that differs from the shown one, with the claim's provenance:
 * other enti's claims, and the guide's own encoded facts when the codice fiscale
 * overruled them. Oldest claim first, fields in API order.
 */
export function discrepanze(codiceFiscale: string, mostrata: AnagraficaMostrata, dichiarazioni: readonly Dichiarazione[]): Discrepanza[] {
  const out: Discrepanza[] = [];
  for (const d of [...dichiarazioni].sort((a, b) => a.versione - b.versione)) {
    const contro = contraddizioni(codiceFiscale, d);
    for (const campo of [...CAMPI_ANAGRAFICA, ...CAMPI_RESIDENZA]) {
      const valore = valoreDi(campo, d);
      if (valore === valoreDi(campo, mostrata)) continue;
      out.push({
        campo,
        valore,
        ente: d.ente,
        flusso: d.flusso,
        record: d.record,
        ricevutoIl: d.ricevutoIl,
        contraddiceCodiceFiscale: contro.has(campo as 'annoNascita'),
      });
    }
  }
  return out;
}
