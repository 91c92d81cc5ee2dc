import type { Payload, PersonaPayload } from './payload';

/**
 * The components records are delivered to, the delivery kind each one takes,
 * and how an outbox payload becomes that kind's item once anagrafe has turned
 * codici fiscali into person ids.
 */
export interface Destinazione {
  nome: 'prestazioni-agevolate' | 'prestazioni-sociali' | 'sina' | 'sinba' | 'sip';
  kind: string;
  /** Whether items need person ids (then anagrafe is called first). */
  persone: boolean;
  toItem(payload: Payload, personaId: (p: PersonaPayload) => string): unknown;
}

const prestazione = (nome: 'prestazioni-agevolate' | 'prestazioni-sociali'): Destinazione => ({
  nome,
  kind: 'prestazioni',
  persone: true,
  toItem: (payload, personaId) => {
    if (payload.tipo !== 'prestazione') throw new Error(`payload ${payload.tipo} instradato a ${nome}`);
    return { ...payload.prestazione, personaId: personaId(payload.persona) };
  },
});

export const DESTINAZIONI: Record<Destinazione['nome'], Destinazione> = {
  'prestazioni-agevolate': prestazione('prestazioni-agevolate'),
  'prestazioni-sociali': prestazione('prestazioni-sociali'),
  sina: {
    nome: 'sina',
    kind: 'valutazioni',
    persone: true,
    toItem: (payload, personaId) => {
      if (payload.tipo !== 'prestazione' || !payload.sina) throw new Error('payload senza SINA instradato a sina');
      return { ...payload.sina, personaId: personaId(payload.persona) };
    },
  },
  sinba: {
    nome: 'sinba',
    kind: 'casi',
    persone: false,
    toItem: (payload) => {
      if (payload.tipo !== 'sinba') throw new Error(`payload ${payload.tipo} instradato a sinba`);
      return { caso: payload.caso, sede: payload.sede };
    },
  },
  sip: {
    nome: 'sip',
    kind: 'casi',
    persone: true,
    toItem: (payload, personaId) => {
      if (payload.tipo !== 'sip') throw new Error(`payload ${payload.tipo} instradato a sip`);
      return { ...payload.caso, personaIds: Object.fromEntries(payload.persone.map((p) => [p.codiceFiscale, personaId(p)])) };
    },
  },
};
