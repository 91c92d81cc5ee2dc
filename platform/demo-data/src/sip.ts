/**
 * SIP poverty cases of a household, modelled on the GePI workflow (domain
 * notes): application, analisi preliminare, quadro di analisi for complex
 * needs, patto or progetto with commitments and monitoring meetings, closure.
 * Cases stop at different stages so every stage is represented.
 */
import { dayOf, dayOfIso, iso } from './calendar';
import { FIRST_DATA_YEAR, LAST_DATA_YEAR, REFERENCE_YEAR, type GenContext, type Member } from './context';
import { uuidFrom, weighted, type Rng } from './random';
import type { DemoCasoSip } from './types';

/** Target: about one SIP case per hundred persons. */
export const SIP_SHARE = 0.01;

type Progetto = NonNullable<DemoCasoSip['progetto']>;
type Quadro = NonNullable<DemoCasoSip['quadroAnalisi']>;

const DIMENSIONI: ReadonlyArray<Quadro['dimensioni'][number]['dimensione']> = [
  'FUNZIONAMENTO_PERSONALE', 'SITUAZIONE_ECONOMICA', 'SITUAZIONE_LAVORATIVA', 'EDUCAZIONE_FORMAZIONE', 'CONDIZIONE_ABITATIVA', 'RETI_FAMILIARI_SOCIALI',
];
const EQUIPE_EXTRA: ReadonlyArray<Quadro['equipe'][number]> = ['CPI', 'FORMAZIONE', 'ABITARE', 'SANITA', 'ISTRUZIONE'];
const OBIETTIVI = [
  'Raggiungere un reddito da lavoro stabile per almeno un componente',
  'Garantire la frequenza scolastica regolare dei figli minori',
  "Ridurre la morosità nel pagamento dell'affitto e delle utenze",
  'Rafforzare le competenze genitoriali',
  "Completare un percorso di formazione professionale",
  'Accedere ai servizi sanitari e socio-sanitari necessari',
  'Ricostruire una rete di sostegno familiare e di vicinato',
] as const;
const SOSTEGNI = [
  'Segretariato sociale',
  'Servizio sociale professionale',
  'Tirocinio di inclusione',
  'Sostegno socio-educativo domiciliare',
  'Assistenza domiciliare socio-assistenziale',
  'Sostegno alla genitorialità e mediazione familiare',
  'Mediazione culturale',
  'Pronto intervento sociale',
] as const;
const IMPEGNI_ADULTO = [
  'Iscrizione e presentazione al Centro per l\'impiego',
  'Partecipazione a un corso di formazione professionale',
  'Ricerca attiva di lavoro con almeno due candidature al mese',
  'Partecipazione agli incontri di monitoraggio con il servizio sociale',
  'Piano di rientro concordato per le utenze arretrate',
] as const;
const IMPEGNI_FAMIGLIA = [
  'Frequenza scolastica regolare dei figli minori',
  'Visite pediatriche e vaccinazioni dei figli minori',
] as const;

const LAST_DAY = dayOf(LAST_DATA_YEAR, 12, 31);

function distinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0] as T);
  return out;
}

function misuraFor(rng: Rng, day: number, members: readonly Member[]): DemoCasoSip['misura'] {
  if (day < dayOf(2024, 1, 1)) {
    // Supporto formazione lavoro started in September 2023 for employable adults without ADI.
    return day >= dayOf(2023, 9, 1) && rng.chance(0.3) ? 'SFL' : 'RDC';
  }
  const hasFragile = members.some((m) => REFERENCE_YEAR - m.birthYear < 18 || REFERENCE_YEAR - m.birthYear >= 60 || m.disabled);
  return hasFragile || rng.chance(0.7) ? 'ADI' : 'SFL';
}

export type SipStage = 'ANALISI' | 'QUADRO' | 'PROGETTO' | 'CHIUSO';

export interface SipOptions {
  stage: SipStage;
  dataDomanda: number;
}

/**
 * Draws a SIP case for a household (2–5 members in one comune) stopped at a
 * given stage, with every date inside the data years; a stage that would end
 * after 2025 is cut back to the last one that fits.
 */
export function makeCasoSip(ctx: GenContext, members: readonly Member[], enteCodice: string, options?: Partial<SipOptions>): DemoCasoSip {
  const { rng } = ctx;
  const stage = options?.stage ?? weighted(rng, [['ANALISI', 0.25], ['QUADRO', 0.2], ['PROGETTO', 0.4], ['CHIUSO', 0.15]] as const);
  const domanda = options?.dataDomanda ?? rng.range(dayOf(FIRST_DATA_YEAR, 1, 1), dayOf(LAST_DATA_YEAR, 6, 30));
  const first = members[0];
  if (!first) throw new RangeError('a SIP case needs at least one member');
  const adults = members.filter((m) => REFERENCE_YEAR - m.birthYear >= 18);
  const componenti: DemoCasoSip['componenti'] = members.map((m, i) => {
    const age = REFERENCE_YEAR - m.birthYear;
    const ruolo = i === 0 ? 'RICHIEDENTE' : m.ruolo === 'CONIUGE' || m.ruolo === 'FIGLIO' ? m.ruolo : age < 18 ? 'FIGLIO' : 'ALTRO';
    return { personaId: m.persona.id, ruolo, attivabileLavoro: age >= 18 && age < 60 && !m.disabled && rng.chance(0.75) };
  });

  const caso: DemoCasoSip = {
    id: uuidFrom(rng),
    enteCodice,
    codiceComune: first.comune.istat,
    codiceRegione: first.comune.codiceRegione,
    misura: misuraFor(rng, domanda, members),
    dataDomanda: iso(domanda),
    componenti,
  };

  // Analisi preliminare within 25 working days of the application (about 35 calendar days).
  const analisi = Math.min(LAST_DAY, domanda + rng.range(7, 35));
  const complex = stage === 'QUADRO' || (stage !== 'ANALISI' && rng.chance(0.5));
  const esito: NonNullable<DemoCasoSip['analisiPreliminare']>['esito'] =
    stage === 'ANALISI' ? weighted(rng, [['QUADRO_ANALISI', 0.3], ['PATTO_SEMPLIFICATO', 0.35], ['CPI', 0.2], ['SERVIZI_SPECIALISTICI', 0.15]] as const) : complex ? 'QUADRO_ANALISI' : 'PATTO_SEMPLIFICATO';
  caso.analisiPreliminare = { data: iso(analisi), esito };
  if (stage === 'ANALISI') return caso;

  let last = analisi;
  if (esito === 'QUADRO_ANALISI') {
    const data = analisi + rng.range(10, 45);
    if (data > LAST_DAY) return caso;
    caso.quadroAnalisi = {
      data: iso(data),
      dimensioni: DIMENSIONI.map((dimensione) => ({
        dimensione,
        risorse: rng.range(1, 3) as 1 | 2 | 3,
        vulnerabilita: rng.range(1, 3) as 1 | 2 | 3,
        fattoriSostegno: rng.range(1, 3) as 1 | 2 | 3,
      })),
      equipe: ['SERVIZIO_SOCIALE', ...distinct(rng, EQUIPE_EXTRA, rng.range(1, 3))],
    };
    last = data;
    if (stage === 'QUADRO') return caso;
  }

  // Project signed within 20 working days of the analysis it rests on.
  const firma = last + rng.range(5, 28);
  if (firma > LAST_DAY) return caso;
  const closeBy = stage === 'CHIUSO' ? Math.min(LAST_DAY - 30, firma + rng.range(180, 540)) : LAST_DAY;
  const incontri: Progetto['incontri'] = [];
  // Monitoring meetings about every 90 days (ADI: the first within 120 days).
  for (let d = firma + rng.range(30, 110); d <= closeBy; d += rng.range(75, 100)) {
    incontri.push({ data: iso(d), esito: weighted(rng, [['SVOLTO', 0.85], ['ASSENZA_GIUSTIFICATA', 0.1], ['ASSENZA_INGIUSTIFICATA', 0.05]] as const) });
  }
  const impegni: Progetto['impegni'] = [];
  const responsabili = adults.length > 0 ? adults : [first];
  for (const m of responsabili) {
    for (const descrizione of distinct(rng, IMPEGNI_ADULTO, rng.range(1, 2))) {
      const scadenza = firma + rng.range(60, 365);
      const stato = scadenza > LAST_DAY ? 'IN_CORSO' : rng.chance(0.8) ? 'RISPETTATO' : 'NON_RISPETTATO';
      impegni.push({ personaId: m.persona.id, descrizione, scadenza: iso(Math.min(scadenza, LAST_DAY)), stato });
    }
  }
  if (members.some((m) => REFERENCE_YEAR - m.birthYear < 18)) {
    const scadenza = firma + 270;
    impegni.push({
      personaId: responsabili[0]?.persona.id ?? first.persona.id,
      descrizione: rng.pick(IMPEGNI_FAMIGLIA),
      scadenza: iso(Math.min(scadenza, LAST_DAY)),
      stato: scadenza > LAST_DAY ? 'IN_CORSO' : 'RISPETTATO',
    });
  }
  caso.progetto = {
    tipo: esito === 'QUADRO_ANALISI' ? 'PROGETTO_PERSONALIZZATO' : 'PATTO_SEMPLIFICATO',
    dataSottoscrizione: iso(firma),
    obiettivi: distinct(rng, OBIETTIVI, rng.range(1, 3)),
    sostegni: distinct(rng, SOSTEGNI, rng.range(1, 4)),
    impegni,
    incontri,
  };
  if (stage === 'CHIUSO' && incontri.length > 0) {
    const lastMeeting = incontri[incontri.length - 1]?.data ?? iso(firma);
    const chiusura = Math.min(LAST_DAY, dayOfIso(lastMeeting) + rng.range(10, 30));
    caso.dataChiusura = iso(chiusura);
  }
  return caso;
}
