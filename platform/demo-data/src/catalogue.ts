/**
 * How each nomenclatore code is typically granted, for drawing realistic
 * benefits: who gets it (age, sex), periodic or one-off, means test, amounts,
 * cost shares, presa in carico and area di utenza, ISEE thresholds, and which
 * kind of ente grants it. Figures are plausible orders of magnitude (national
 * thresholds where one exists, e.g. assegno di maternità, carta acquisti,
 * bonus sociale), not statistics.
 */
import type { DemoDsu } from './types';

export type GrantingEnte = 'COMUNE' | 'REGIONE' | 'INPS';

export interface BenefitTemplate {
  codice: string;
  /** DenominazionePrestazione as the ente would write it (10–200 characters). */
  denominazione: string;
  /** Age in the year of the benefit, inclusive. */
  eta: readonly [number, number];
  genere?: '1' | '2';
  /** Relative frequency among eligible templates. */
  weight: number;
  /** Probability that the benefit is periodic (CaratterePrestazione 1) rather than one-off. */
  periodico: number;
  /** Weights of PresenzaProvaMezzi '1'..'4'. */
  provaMezzi: readonly [number, number, number, number];
  /** Monthly amount in euro, for periodic benefits. */
  mensile: readonly [number, number];
  /** Amount in euro, for one-off benefits. */
  importo: readonly [number, number];
  /** Cost shares that services split between ente, user and health service. */
  quote?: 'ENTE_UTENTE' | 'ENTE_UTENTE_SSN';
  /** Monthly hours of service, for services counted in hours. */
  ore?: readonly [number, number];
  /** Probability of a presa in carico by the professional social service. */
  presaCarico: number;
  area: '1' | '2' | '3';
  /** ImportoSogliaISEE values used by enti for this benefit. */
  soglie: readonly number[];
  tipoIsee: DemoDsu['tipoIsee'];
  /** Weights of the granting ente: comune of residence, region, INPS. */
  ente: readonly [number, number, number];
}

const COMUNE: readonly [number, number, number] = [1, 0, 0];

export const CATALOGUE: readonly BenefitTemplate[] = [
  { codice: 'A1.01', denominazione: 'Assegno per il nucleo familiare erogato dai comuni', eta: [22, 60], weight: 3, periodico: 1, provaMezzi: [1, 0, 0, 0], mensile: [140, 150], importo: [0, 0], presaCarico: 0.05, area: '1', soglie: [8955.98, 9000], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A1.02', denominazione: 'Assegno di maternità erogato dai comuni', eta: [18, 46], genere: '2', weight: 3, periodico: 0, provaMezzi: [1, 0, 0, 0], mensile: [0, 0], importo: [1700, 1820], presaCarico: 0.02, area: '1', soglie: [17747.58, 19185.13], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A1.03', denominazione: 'Carta acquisti', eta: [65, 100], weight: 2, periodico: 1, provaMezzi: [1, 0, 0, 0], mensile: [40, 40], importo: [0, 0], presaCarico: 0, area: '3', soglie: [8052.75, 8230.81], tipoIsee: 'ORDINARIO', ente: [0.2, 0, 0.8] },
  { codice: 'A1.04', denominazione: 'Contributi economici a integrazione del reddito familiare', eta: [18, 90], weight: 8, periodico: 0.5, provaMezzi: [6, 0, 1, 0], mensile: [100, 500], importo: [150, 1500], presaCarico: 0.6, area: '3', soglie: [6000, 7500, 9360], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A1.05', denominazione: 'Contributi economici per alloggio', eta: [20, 90], weight: 5, periodico: 0.6, provaMezzi: [5, 1, 1, 0], mensile: [120, 400], importo: [400, 2500], presaCarico: 0.4, area: '3', soglie: [12000, 15000, 16500], tipoIsee: 'ORDINARIO', ente: [0.85, 0.15, 0] },
  { codice: 'A1.06', denominazione: 'Buoni spesa o buoni pasto', eta: [18, 95], weight: 6, periodico: 0, provaMezzi: [4, 0, 1, 2], mensile: [0, 0], importo: [50, 400], presaCarico: 0.3, area: '3', soglie: [6000, 9360], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A1.07', denominazione: 'Contributi e integrazioni a rette per asili nido', eta: [0, 2], weight: 6, periodico: 1, provaMezzi: [5, 0, 1, 0], mensile: [100, 420], importo: [0, 0], presaCarico: 0.05, area: '1', soglie: [25000, 40000], tipoIsee: 'MINORENNI', ente: [0.6, 0, 0.4] },
  { codice: 'A1.08', denominazione: 'Contributi e integrazioni a rette per servizi integrativi o innovativi per la prima infanzia', eta: [0, 2], weight: 2, periodico: 1, provaMezzi: [4, 0, 1, 0], mensile: [80, 250], importo: [0, 0], presaCarico: 0.05, area: '1', soglie: [25000, 30000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A1.09', denominazione: 'Contributi economici per i servizi scolastici', eta: [6, 18], weight: 4, periodico: 0, provaMezzi: [5, 0, 1, 0], mensile: [0, 0], importo: [100, 500], presaCarico: 0.05, area: '1', soglie: [15748.78, 20000], tipoIsee: 'MINORENNI', ente: [0.8, 0.2, 0] },
  { codice: 'A1.10', denominazione: 'Contributi economici per cure o prestazioni sociali a rilevanza sanitaria', eta: [40, 100], weight: 3, periodico: 0.5, provaMezzi: [4, 1, 1, 1], mensile: [100, 600], importo: [200, 2000], presaCarico: 0.6, area: '2', soglie: [20000, 25000], tipoIsee: 'SOCIO_SANITARIO', ente: [0.8, 0.2, 0] },
  { codice: 'A1.11', denominazione: "Assegnazioni economiche per il sostegno della domiciliarità e dell'autonomia personale", eta: [18, 100], weight: 6, periodico: 1, provaMezzi: [5, 0, 1, 1], mensile: [200, 800], importo: [0, 0], presaCarico: 0.8, area: '2', soglie: [25000, 35000, 50000], tipoIsee: 'SOCIO_SANITARIO', ente: [0.5, 0.5, 0] },
  { codice: 'A1.12', denominazione: 'Contributi e integrazioni a rette per centri diurni', eta: [18, 100], weight: 3, periodico: 1, provaMezzi: [5, 0, 1, 0], mensile: [150, 600], importo: [0, 0], presaCarico: 0.8, area: '2', soglie: [20000, 30000], tipoIsee: 'SOCIO_SANITARIO', ente: COMUNE },
  { codice: 'A1.13', denominazione: 'Contributi e integrazioni a rette per servizi semi-residenziali', eta: [18, 100], weight: 2, periodico: 1, provaMezzi: [5, 0, 1, 0], mensile: [200, 700], importo: [0, 0], presaCarico: 0.8, area: '2', soglie: [20000, 30000], tipoIsee: 'SOCIO_SANITARIO', ente: COMUNE },
  { codice: 'A1.14', denominazione: 'Contributi e integrazioni a rette per servizi residenziali', eta: [60, 100], weight: 4, periodico: 1, provaMezzi: [6, 0, 1, 0], mensile: [500, 1800], importo: [0, 0], presaCarico: 0.9, area: '2', soglie: [15000, 20000], tipoIsee: 'SOCIO_SANITARIO_RESIDENZE', ente: COMUNE },
  { codice: 'A1.15', denominazione: 'Contributi per servizi alla persona', eta: [18, 100], weight: 3, periodico: 0.5, provaMezzi: [3, 1, 1, 2], mensile: [100, 500], importo: [100, 1200], presaCarico: 0.5, area: '2', soglie: [20000, 25000], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A1.16', denominazione: 'Contributi economici per servizio trasporto e mobilità', eta: [6, 100], weight: 4, periodico: 0.4, provaMezzi: [3, 2, 1, 3], mensile: [30, 200], importo: [50, 800], presaCarico: 0.3, area: '2', soglie: [15000, 25000], tipoIsee: 'ORDINARIO', ente: [0.8, 0.2, 0] },
  { codice: 'A1.17', denominazione: "Contributi economici erogati a titolo di prestito o prestiti d'onore", eta: [20, 65], weight: 1, periodico: 0, provaMezzi: [4, 1, 0, 0], mensile: [0, 0], importo: [1000, 5000], presaCarico: 0.4, area: '3', soglie: [15000, 20000], tipoIsee: 'ORDINARIO', ente: [0.7, 0.3, 0] },
  { codice: 'A1.18', denominazione: "Contributi economici per l'inserimento lavorativo", eta: [18, 60], weight: 3, periodico: 1, provaMezzi: [2, 1, 0, 3], mensile: [300, 600], importo: [0, 0], presaCarico: 0.7, area: '3', soglie: [9360, 12000], tipoIsee: 'ORDINARIO', ente: [0.7, 0.3, 0] },
  { codice: 'A1.19', denominazione: 'Borse di studio', eta: [6, 25], weight: 4, periodico: 0, provaMezzi: [6, 0, 1, 1], mensile: [0, 0], importo: [200, 1500], presaCarico: 0, area: '1', soglie: [15748.78, 23000], tipoIsee: 'MINORENNI', ente: [0.4, 0.6, 0] },
  { codice: 'A1.20', denominazione: 'Buono vacanze', eta: [6, 17], weight: 1, periodico: 0, provaMezzi: [4, 0, 0, 1], mensile: [0, 0], importo: [100, 500], presaCarico: 0, area: '1', soglie: [25000, 40000], tipoIsee: 'MINORENNI', ente: [0.5, 0, 0.5] },
  { codice: 'A2.01', denominazione: 'Mensa sociale', eta: [25, 95], weight: 2, periodico: 1, provaMezzi: [2, 0, 1, 3], mensile: [60, 200], importo: [0, 0], presaCarico: 0.5, area: '3', soglie: [6000, 9360], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A2.02', denominazione: 'Sostegno socio-educativo territoriale o domiciliare', eta: [3, 17], weight: 4, periodico: 1, provaMezzi: [1, 0, 1, 6], mensile: [150, 600], importo: [0, 0], ore: [4, 30], presaCarico: 0.9, area: '1', soglie: [20000, 30000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A2.03', denominazione: 'Prestazioni del diritto allo studio universitario', eta: [19, 28], weight: 3, periodico: 0, provaMezzi: [6, 0, 0, 0], mensile: [0, 0], importo: [1500, 5500], presaCarico: 0, area: '1', soglie: [24335.11, 26306.25], tipoIsee: 'UNIVERSITA', ente: [0, 1, 0] },
  { codice: 'A2.04', denominazione: 'Agevolazioni per tasse universitarie', eta: [19, 28], weight: 3, periodico: 0, provaMezzi: [6, 0, 0, 0], mensile: [0, 0], importo: [200, 2500], presaCarico: 0, area: '1', soglie: [22000, 30000], tipoIsee: 'UNIVERSITA', ente: [0, 1, 0] },
  { codice: 'A2.05', denominazione: 'Agevolazioni per servizi di pubblica utilità (telefono luce gas)', eta: [18, 100], weight: 6, periodico: 0, provaMezzi: [8, 0, 0, 0], mensile: [0, 0], importo: [90, 450], presaCarico: 0, area: '3', soglie: [9530, 15000], tipoIsee: 'ORDINARIO', ente: [0.3, 0, 0.7] },
  { codice: 'A2.06', denominazione: 'Agevolazioni tributarie comunali', eta: [18, 100], weight: 5, periodico: 0, provaMezzi: [5, 2, 0, 1], mensile: [0, 0], importo: [40, 350], presaCarico: 0, area: '3', soglie: [8000, 12000], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A2.07', denominazione: 'Assistenza domiciliare socio-assistenziale', eta: [18, 100], weight: 7, periodico: 1, provaMezzi: [4, 0, 2, 3], mensile: [200, 900], importo: [0, 0], quote: 'ENTE_UTENTE', ore: [8, 60], presaCarico: 0.95, area: '2', soglie: [20000, 30000], tipoIsee: 'SOCIO_SANITARIO', ente: COMUNE },
  { codice: 'A2.08', denominazione: 'Assistenza domiciliare integrata con servizi sanitari', eta: [40, 100], weight: 4, periodico: 1, provaMezzi: [2, 0, 1, 4], mensile: [300, 1200], importo: [0, 0], quote: 'ENTE_UTENTE_SSN', ore: [10, 80], presaCarico: 0.95, area: '2', soglie: [25000, 35000], tipoIsee: 'SOCIO_SANITARIO', ente: COMUNE },
  { codice: 'A2.09', denominazione: "Supporto all'inserimento lavorativo", eta: [18, 60], weight: 3, periodico: 1, provaMezzi: [1, 0, 0, 4], mensile: [100, 400], importo: [0, 0], ore: [6, 40], presaCarico: 0.8, area: '3', soglie: [9360, 12000], tipoIsee: 'ORDINARIO', ente: [0.7, 0.3, 0] },
  { codice: 'A2.10', denominazione: 'Servizi integrativi per la prima infanzia', eta: [0, 2], weight: 2, periodico: 1, provaMezzi: [5, 0, 1, 0], mensile: [100, 350], importo: [0, 0], quote: 'ENTE_UTENTE', presaCarico: 0.05, area: '1', soglie: [25000, 30000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A2.11', denominazione: 'Sostegno socio-educativo scolastico', eta: [3, 18], weight: 3, periodico: 1, provaMezzi: [0, 0, 1, 6], mensile: [200, 900], importo: [0, 0], ore: [10, 80], presaCarico: 0.7, area: '2', soglie: [25000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A2.12', denominazione: 'Mensa scolastica', eta: [3, 13], weight: 6, periodico: 1, provaMezzi: [6, 0, 1, 1], mensile: [40, 120], importo: [0, 0], quote: 'ENTE_UTENTE', presaCarico: 0, area: '1', soglie: [15000, 20000, 25000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A2.16', denominazione: 'Interventi di supporto per il reperimento di alloggi', eta: [18, 90], weight: 2, periodico: 0.3, provaMezzi: [3, 0, 1, 3], mensile: [150, 500], importo: [300, 3000], presaCarico: 1, area: '3', soglie: [12000, 16500], tipoIsee: 'ORDINARIO', ente: COMUNE },
  { codice: 'A3.01', denominazione: 'Strutture semiresidenziali', eta: [18, 100], weight: 3, periodico: 1, provaMezzi: [4, 0, 2, 1], mensile: [400, 1500], importo: [0, 0], quote: 'ENTE_UTENTE_SSN', presaCarico: 0.9, area: '2', soglie: [20000, 30000], tipoIsee: 'SOCIO_SANITARIO', ente: COMUNE },
  { codice: 'A3.02', denominazione: 'Strutture residenziali', eta: [60, 100], weight: 4, periodico: 1, provaMezzi: [5, 0, 2, 1], mensile: [1500, 3500], importo: [0, 0], quote: 'ENTE_UTENTE_SSN', presaCarico: 0.95, area: '2', soglie: [15000, 20000], tipoIsee: 'SOCIO_SANITARIO_RESIDENZE', ente: COMUNE },
  { codice: 'A3.03', denominazione: 'Asilo nido', eta: [0, 2], weight: 7, periodico: 1, provaMezzi: [6, 0, 1, 0], mensile: [200, 650], importo: [0, 0], quote: 'ENTE_UTENTE', presaCarico: 0.03, area: '1', soglie: [25000, 40000], tipoIsee: 'MINORENNI', ente: COMUNE },
  { codice: 'A3.04', denominazione: 'Edilizia residenziale pubblica', eta: [25, 95], weight: 3, periodico: 1, provaMezzi: [6, 0, 0, 0], mensile: [80, 400], importo: [0, 0], presaCarico: 0.1, area: '3', soglie: [16500, 17000], tipoIsee: 'ORDINARIO', ente: [0.8, 0.2, 0] },
  // "Altro" alone is 5 characters, below the flow's 10-character minimum: say what it was.
  { codice: 'Z9.99', denominazione: 'Altro intervento socio-assistenziale non classificato', eta: [0, 100], weight: 0.3, periodico: 0, provaMezzi: [1, 1, 0, 2], mensile: [0, 0], importo: [50, 500], presaCarico: 0.3, area: '3', soglie: [9360, 15000], tipoIsee: 'ORDINARIO', ente: COMUNE },
];

/** Benefits for children in care, as SINBA `Prestazioni` codes. */
export const SINBA_CODES: readonly string[] = ['A2.02', 'A2.11', 'A3.01', 'A3.02', 'A1.04', 'A1.09', 'A1.15', 'A2.12'];

/** Benefits a SINA assessment may name as needed (`NecessitaInterventiSociali`). */
export const SINA_NEED_CODES: readonly string[] = ['A1.10', 'A1.11', 'A1.12', 'A1.14', 'A1.16', 'A2.01', 'A2.07', 'A2.08', 'A3.01', 'A3.02'];
