/**
 * The showcase household: the same three people, with the same codes, ids and
 * records, in every data set whatever the seed or size, so READMEs, demos and
 * acceptance tests can name them. Giulia Bianchi's cartella spans every
 * person-linked component: an ISEE-tested benefit with its DSU (PSA), benefits
 * without ISEE (PS), a SINA assessment, and a SIP case with a progetto.
 */
import { buildCodiceFiscale, comuneByBelfiore } from '@casellario/domain';
import type { Comune } from '@casellario/domain';
import { dayOfIso } from './calendar';
import type { GenContext, Member } from './context';
import { createRng, uuidFrom } from './random';
import type { DemoCasoSip, DemoDataset, DemoDsu, DemoPersona, DemoPrestazione, DemoValutazioneSina } from './types';

/** Seed of the showcase's own ids: fixed, independent of the data set's seed. */
const SHOWCASE_SEED = 0x5ca1ab1e;

export const SHOWCASE_ENTE = 'H501';

/** Codice fiscale of the showcase person, Giulia Bianchi, born in Roma on 3 May 1958. */
export const SHOWCASE_CODICE_FISCALE = buildCodiceFiscale({
  cognome: 'BIANCHI',
  nome: 'GIULIA',
  annoNascita: 1958,
  mese: 5,
  giorno: 3,
  genere: '2',
  belfiore: 'H501',
});

export interface ShowcaseOutput {
  members: Member[];
  persone: DemoPersona[];
  prestazioni: DemoPrestazione[];
  dsu: DemoDsu[];
  valutazioniSina: DemoValutazioneSina[];
  casiSip: DemoCasoSip[];
  showcase: DemoDataset['showcase'];
}

function roma(): Comune {
  const c = comuneByBelfiore('H501');
  if (!c) throw new Error('Roma (H501) missing from the territory table');
  return c;
}

/**
 * Builds the showcase household and registers its codes and protocol numbers
 * in the run, so no synthetic person can take them.
 */
export function generateShowcase(ctx: GenContext): ShowcaseOutput {
  const rng = createRng(SHOWCASE_SEED);
  const comune = roma();
  const residenza = [{ codiceRegione: comune.codiceRegione, codiceComune: comune.istat, codiceNazione: '380' }];
  const person = (
    cognome: string,
    nome: string,
    dataNascita: string,
    genere: '1' | '2',
    luogoNascita: string,
    ruolo: Member['ruolo'],
  ): Member => {
    const [anno, mese, giorno] = dataNascita.split('-').map(Number) as [number, number, number];
    const persona: DemoPersona = {
      id: uuidFrom(rng),
      codiceFiscale: buildCodiceFiscale({ cognome, nome, annoNascita: anno, mese, giorno, genere, belfiore: luogoNascita }),
      cognome,
      nome,
      annoNascita: String(anno),
      luogoNascita,
      genere,
      codiceCittadinanza: '380',
      indirizzi: residenza.map((r) => ({ ...r })),
      dataNascita,
    };
    return { persona, birthDay: dayOfIso(dataNascita), birthYear: anno, ruolo, comune, disabled: false };
  };
  const giulia = person('BIANCHI', 'GIULIA', '1958-05-03', '2', 'H501', 'RICHIEDENTE');
  const antonio = person('VERDI', 'ANTONIO', '1955-11-21', '1', 'F839', 'CONIUGE');
  const luca = person('VERDI', 'LUCA', '1991-02-14', '1', 'H501', 'FIGLIO');
  const members = [giulia, antonio, luca];

  const dsu2024: DemoDsu = {
    id: uuidFrom(rng),
    protocollo: 'INPS-ISEE-2024-00000042A-00',
    anno: '2024',
    dataPresentazione: '2024-01-15',
    dataScadenza: '2024-12-31',
    dichiaranteId: giulia.persona.id,
    componentiIds: members.map((m) => m.persona.id),
    tipoIsee: 'ORDINARIO',
    isr: '12000.00',
    isp: '20000.00',
    // Three members, no disability certified in 2024, no minors: scale 2.04.
    scalaEquivalenza: '2.04',
    ise: '16000.00',
    isee: '7843.14',
    omissioniDifformita: false,
  };
  const dsuFields = { numeroProtocolloDSU: dsu2024.protocollo, annoProtocolloDSU: dsu2024.anno, dataDSU: dsu2024.dataPresentazione };
  const residence = { codiceComuneResidenza: comune.istat, codiceRegioneResidenza: comune.codiceRegione };

  const sostegnoReddito: DemoPrestazione = {
    id: uuidFrom(rng), personaId: giulia.persona.id, enteCodice: SHOWCASE_ENTE, tipoOperazione: 'I',
    presenzaProvaMezzi: '1', caratterePrestazione: '1', ...dsuFields,
    codicePrestazione: 'A1.04', denominazionePrestazione: 'Contributi economici a integrazione del reddito familiare',
    protocolloDomanda: '2024/SC00001', dataEvento: '2024-01-22', dataInizioPrestazione: '2024-02-01', dataFinePrestazione: '2024-12-31',
    periodoErogazione: 11, importoMensile: '250.00', importoSogliaISEE: '9360.00', presaCarico: '1', areaUtenza: '3', ...residence,
  };
  const bonusUtenze: DemoPrestazione = {
    id: uuidFrom(rng), personaId: giulia.persona.id, enteCodice: 'INPS', tipoOperazione: 'I',
    presenzaProvaMezzi: '1', caratterePrestazione: '2', ...dsuFields,
    codicePrestazione: 'A2.05', denominazionePrestazione: 'Agevolazioni per servizi di pubblica utilità (telefono luce gas)',
    protocolloDomanda: '2024/SC00005', dataErogazionePrestazione: '2024-03-10', importoPrestazione: '180.00',
    importoSogliaISEE: '9530.00', presaCarico: '2', ...residence,
  };
  const assistenzaDomiciliare: DemoPrestazione = {
    id: uuidFrom(rng), personaId: giulia.persona.id, enteCodice: SHOWCASE_ENTE, tipoOperazione: 'I',
    presenzaProvaMezzi: '4', caratterePrestazione: '1',
    codicePrestazione: 'A2.07', denominazionePrestazione: 'Assistenza domiciliare socio-assistenziale',
    protocolloDomanda: '2025/SC00002', dataEvento: '2025-01-08', dataInizioPrestazione: '2025-01-15', dataFinePrestazione: '2025-12-31',
    periodoErogazione: 12, importoMensile: '480.00', importoQuotaEnte: '420.00', importoQuotaUtente: '60.00',
    oreServizioMensile: '16.30', presaCarico: '1', areaUtenza: '2', ...residence,
  };
  const trasporto: DemoPrestazione = {
    id: uuidFrom(rng), personaId: giulia.persona.id, enteCodice: SHOWCASE_ENTE, tipoOperazione: 'I',
    presenzaProvaMezzi: '2', caratterePrestazione: '2',
    codicePrestazione: 'A1.16', denominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
    protocolloDomanda: '2023/SC00003', dataErogazionePrestazione: '2023-06-12', importoPrestazione: '150.00', presaCarico: '2', ...residence,
  };
  const borsaLavoro: DemoPrestazione = {
    id: uuidFrom(rng), personaId: luca.persona.id, enteCodice: SHOWCASE_ENTE, tipoOperazione: 'I',
    presenzaProvaMezzi: '4', caratterePrestazione: '1',
    codicePrestazione: 'A1.18', denominazionePrestazione: "Contributi economici per l'inserimento lavorativo",
    protocolloDomanda: '2024/SC00004', dataInizioPrestazione: '2024-06-01', dataFinePrestazione: '2024-11-30',
    periodoErogazione: 6, importoMensile: '400.00', presaCarico: '1', areaUtenza: '3', ...residence,
  };

  const sina: DemoValutazioneSina = {
    id: uuidFrom(rng), personaId: giulia.persona.id, prestazioneId: assistenzaDomiciliare.id, enteCodice: SHOWCASE_ENTE,
    dataValutazione: '2025-01-15', mobilita: '2', attivitaVitaQuotidiana: '2', disturbiAreaCognitiva: '1', disturbiComportamentali: '1',
    necessitaCureSanitarie: '2', areaReddituale: '2', areaSupporto: '2', fonteDerivazioneValutazione: '1', strumentoValutazione: '1',
    fonteDerivazioneInvalidita: '1', necessitaInterventiSociali: ['A1.11', 'A2.07'], invaliditaCivile: ['1'], ...residence,
  };

  const sip: DemoCasoSip = {
    id: uuidFrom(rng), enteCodice: SHOWCASE_ENTE, codiceComune: comune.istat, codiceRegione: comune.codiceRegione,
    misura: 'ADI', dataDomanda: '2024-02-05',
    componenti: [
      { personaId: giulia.persona.id, ruolo: 'RICHIEDENTE', attivabileLavoro: false },
      { personaId: antonio.persona.id, ruolo: 'CONIUGE', attivabileLavoro: false },
      { personaId: luca.persona.id, ruolo: 'FIGLIO', attivabileLavoro: true },
    ],
    analisiPreliminare: { data: '2024-03-04', esito: 'QUADRO_ANALISI' },
    quadroAnalisi: {
      data: '2024-04-02',
      dimensioni: [
        { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 2 },
        { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
        { dimensione: 'SITUAZIONE_LAVORATIVA', risorse: 2, vulnerabilita: 3, fattoriSostegno: 1 },
        { dimensione: 'EDUCAZIONE_FORMAZIONE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 2 },
        { dimensione: 'CONDIZIONE_ABITATIVA', risorse: 2, vulnerabilita: 1, fattoriSostegno: 2 },
        { dimensione: 'RETI_FAMILIARI_SOCIALI', risorse: 3, vulnerabilita: 1, fattoriSostegno: 3 },
      ],
      equipe: ['SERVIZIO_SOCIALE', 'CPI', 'SANITA'],
    },
    progetto: {
      tipo: 'PROGETTO_PERSONALIZZATO',
      dataSottoscrizione: '2024-04-22',
      obiettivi: ['Raggiungere un reddito da lavoro stabile per almeno un componente', 'Accedere ai servizi sanitari e socio-sanitari necessari'],
      sostegni: ['Servizio sociale professionale', 'Tirocinio di inclusione', 'Assistenza domiciliare socio-assistenziale'],
      impegni: [
        { personaId: luca.persona.id, descrizione: "Iscrizione e presentazione al Centro per l'impiego", scadenza: '2024-06-30', stato: 'RISPETTATO' },
        { personaId: luca.persona.id, descrizione: 'Partecipazione a un corso di formazione professionale', scadenza: '2024-12-20', stato: 'RISPETTATO' },
        { personaId: giulia.persona.id, descrizione: 'Partecipazione agli incontri di monitoraggio con il servizio sociale', scadenza: '2025-12-31', stato: 'IN_CORSO' },
      ],
      incontri: [
        { data: '2024-07-15', esito: 'SVOLTO' },
        { data: '2024-10-14', esito: 'SVOLTO' },
        { data: '2025-01-13', esito: 'SVOLTO' },
        { data: '2025-04-14', esito: 'ASSENZA_GIUSTIFICATA' },
        { data: '2025-07-14', esito: 'SVOLTO' },
        { data: '2025-10-13', esito: 'SVOLTO' },
      ],
    },
  };

  for (const m of members) {
    ctx.cfs.add(m.persona.codiceFiscale);
    ctx.counts.persone++;
  }
  return {
    members,
    persone: members.map((m) => m.persona),
    // Each benefit carries its own beneficiary's year of birth and sex, as the flow's Anagrafica gives them.
    prestazioni: [sostegnoReddito, bonusUtenze, assistenzaDomiciliare, trasporto, borsaLavoro].map((p) => {
      const { persona } = members.find((m) => m.persona.id === p.personaId)!;
      return { ...p, annoNascita: persona.annoNascita, genere: persona.genere };
    }),
    dsu: [dsu2024],
    valutazioniSina: [sina],
    casiSip: [sip],
    showcase: {
      codiceFiscale: giulia.persona.codiceFiscale,
      personaId: giulia.persona.id,
      enteCodice: SHOWCASE_ENTE,
      codiceRegione: comune.codiceRegione,
      codiceComune: comune.istat,
    },
  };
}
