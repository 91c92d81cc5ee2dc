import type { BeneficiarioFlusso, IntestazioneFlusso } from '@casellario/domain';
import { describe, expect, it } from 'vitest';
import { coppieAcquisite, fuoriTerritorio } from '../src/consegna/acquisizioni';
import { personeOf, type PrestazionePayload } from '../src/consegna/payload';
import { personaPayload } from '../src/ingest/payloads';

const intestazione: IntestazioneFlusso = {
  nome: 'H501.PS.20250310.0000131',
  ente: { codice: 'H501', denominazione: 'Comune di Roma', indirizzo: 'H501', cfOperatore: 'RSSMRA80A01H501U' },
};

const beneficiario: BeneficiarioFlusso = {
  posizione: { numero: 1, riga: 4 },
  codiceFiscale: ' rssmra85d12h501x ',
  anagrafica: { cognome: 'FALSO', nome: 'FALSA', annoNascita: '1999', luogoNascita: 'H501', genere: '2', codiceCittadinanza: '380' },
  indirizzi: [{ codiceNazione: '804' }],
  prestazioni: [],
};

const origine = { record: 12, ricevutoIl: new Date('2025-03-10T08:00:00Z') };

describe('the person part of a record', () => {
  it('carries the claim with its provenance for an insertion', () => {
    expect(personaPayload(beneficiario, 5, intestazione, 'I', origine)).toEqual({
      codiceFiscale: 'RSSMRA85D12H501X',
      anagrafica: beneficiario.anagrafica,
      indirizzi: [{ codiceNazione: '804' }],
      versione: 5,
      ente: 'H501',
      flusso: 'H501.PS.20250310.0000131',
      record: 12,
      ricevutoIl: '2025-03-10T08:00:00.000Z',
    });
  });

  it('carries only the codice fiscale for a cancellation (issue 19): no anagrafica, no address', () => {
    const p = personaPayload(beneficiario, 5, intestazione, 'C', origine);
    expect(p).toEqual({ codiceFiscale: 'RSSMRA85D12H501X', soloRisoluzione: true, versione: 5, ente: 'H501', flusso: 'H501.PS.20250310.0000131', record: 12, ricevutoIl: '2025-03-10T08:00:00.000Z' });
    expect(JSON.stringify(p)).not.toContain('FALSO');
  });

  it('treats a cancellation stored before this change, anagrafica and all, as a look-up only, and grants nothing for it', () => {
    const legacy = {
      tipo: 'prestazione',
      persona: { codiceFiscale: 'RSSMRA85D12H501X', anagrafica: beneficiario.anagrafica, indirizzi: [{ codiceNazione: '804' }], versione: 5 },
      prestazione: { id: 'x', enteCodice: 'H501', tipoOperazione: 'C' },
    } as PrestazionePayload;
    expect(personeOf(legacy)).toEqual([{ codiceFiscale: 'RSSMRA85D12H501X', soloRisoluzione: true, versione: 5 }]);
    expect(coppieAcquisite([legacy], () => 'id')).toEqual([]);
  });
});

describe('outside the acquiring ente’s territory', () => {
  const milano = { codiceComune: '015146', codiceRegione: '03', codiceNazione: '380' };
  it('judges a comune by its comune, a region by region, a national body never, abroad always outside', () => {
    expect(fuoriTerritorio('H501', milano)).toBe(true);
    expect(fuoriTerritorio('F205', milano)).toBe(false);
    expect(fuoriTerritorio('R12', milano)).toBe(true);
    expect(fuoriTerritorio('R03', milano)).toBe(false);
    expect(fuoriTerritorio('INPS', milano)).toBe(false);
    expect(fuoriTerritorio('F205', { codiceNazione: '804' })).toBe(true);
    expect(fuoriTerritorio('R03', { codiceNazione: '804' })).toBe(true);
    expect(fuoriTerritorio('F205', undefined)).toBeNull();
    expect(fuoriTerritorio('Z999', milano)).toBeNull();
  });
});
