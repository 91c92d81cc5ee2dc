import { personeOf, type Payload, type PersonaPayload } from './payload';

/**
 * The components records are delivered to, the delivery kind each one takes,
 * and how an outbox payload becomes that kind's item once anagrafe has turned
 * codici fiscali into person ids.
 */
export interface Destinazione {
  nome: 'prestazioni-agevolate' | 'prestazioni-sociali' | 'sina' | 'sinba' | 'sip' | 'caseload';
  kind: string;
  /** Whether items need person ids (then anagrafe is called first). */
  persone: boolean;
  /** The items a record becomes for this destination (one for a component; one per person for the caseload). */
  toItems(payload: Payload, personaId: (p: PersonaPayload) => string): unknown[];
  /** Subgraphs that all receive each batch (the caseload is copied to every person-linked component). */
  fanout?: readonly string[];
  /** When items of a batch may repeat (a person's several benefits), what makes one distinct: it is sent once. */
  chiave?(item: unknown): string;
}

const prestazione = (nome: 'prestazioni-agevolate' | 'prestazioni-sociali'): Destinazione => ({
  nome,
  kind: 'prestazioni',
  persone: true,
  toItems: (payload, personaId) => {
    if (payload.tipo !== 'prestazione') throw new Error(`payload ${payload.tipo} instradato a ${nome}`);
    const items: unknown[] = [];
    const storia = (operazione?: 'C') =>
      payload.storia ? { storia: { ...payload.storia, ...(operazione ? { operazione } : {}), prestazioneId: payload.prestazione.id } } : {};
    // A benefit moved here from the other component: withdrawn there, with the key date that component stored.
    if (payload.ritiro?.componente === nome) {
      const data = payload.ritiro.dataRiferimento;
      items.push({
        ...payload.prestazione,
        id: payload.ritiro.id,
        tipoOperazione: 'C',
        dataInizioPrestazione: data,
        dataErogazionePrestazione: data,
        personaId: personaId(payload.persona),
        ...storia('C'),
      });
    }
    if (!payload.componente || payload.componente === nome) items.push({ ...payload.prestazione, personaId: personaId(payload.persona), ...storia() });
    return items;
  },
});

/** Every person-linked component keeps a copy of the caseload (kit `caseloadTable`). */
export const COMPONENTI_CON_CASELOAD = ['anagrafe', 'prestazioni-agevolate', 'prestazioni-sociali', 'sina', 'sip'] as const;

export const DESTINAZIONI: Record<Destinazione['nome'], Destinazione> = {
  caseload: {
    nome: 'caseload',
    kind: 'caseload',
    persone: true,
    fanout: COMPONENTI_CON_CASELOAD,
    chiave: (item) => {
      const pair = item as { personaId: string; enteCodice: string };
      return `${pair.personaId}|${pair.enteCodice}`;
    },
    toItems: (payload, personaId) => {
      const ente = payload.tipo === 'sinba' ? null : payload.tipo === 'prestazione' ? payload.prestazione.enteCodice : payload.caso.enteCodice;
      if (!ente) return [];
      // A person only looked up (a cancellation) is never granted to anyone.
      return personeOf(payload)
        .filter((p) => !p.soloRisoluzione)
        .map((p) => ({ personaId: personaId(p), enteCodice: ente }));
    },
  },
  'prestazioni-agevolate': prestazione('prestazioni-agevolate'),
  'prestazioni-sociali': prestazione('prestazioni-sociali'),
  sina: {
    nome: 'sina',
    kind: 'valutazioni',
    persone: true,
    toItems: (payload, personaId) => {
      if (payload.tipo !== 'prestazione' || !payload.sina) throw new Error('payload senza SINA instradato a sina');
      return [{ ...payload.sina, personaId: personaId(payload.persona) }];
    },
  },
  sinba: {
    nome: 'sinba',
    kind: 'casi',
    persone: false,
    toItems: (payload) => {
      if (payload.tipo !== 'sinba') throw new Error(`payload ${payload.tipo} instradato a sinba`);
      return [{ caso: payload.caso, sede: payload.sede }];
    },
  },
  sip: {
    nome: 'sip',
    kind: 'casi',
    persone: true,
    toItems: (payload, personaId) => {
      if (payload.tipo !== 'sip') throw new Error(`payload ${payload.tipo} instradato a sip`);
      return [{ ...payload.caso, personaIds: Object.fromEntries(payload.persone.map((p) => [p.codiceFiscale, personaId(p)])) }];
    },
  },
};
