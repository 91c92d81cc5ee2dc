import { randomBytes } from 'node:crypto';
import { loadNomenclatore, type CasoSipFlusso, type IntestazioneFlusso } from '@casellario/domain';
import { describe, expect, it } from 'vitest';
import { coppieAcquisite } from '../src/consegna/acquisizioni';
import { DESTINAZIONI } from '../src/consegna/destinazioni';
import { valutaCasiSip } from '../src/ingest/esiti';
import { chiaveCasoSip, chiavePrestazione, sipPayload } from '../src/ingest/payloads';
import { createFlussiKeys } from '../src/keys';

const keys = createFlussiKeys(randomBytes(32), randomBytes(32));
const intestazione: IntestazioneFlusso = {
  nome: 'F839.SIP.20250310.0000001',
  ente: { codice: 'F839', denominazione: 'Comune di Napoli', indirizzo: 'F839', cfOperatore: 'PRTPLA75D58F839Y' },
};

/** An SFL case as the parser reads it: strings as written, a time zone on a date, a code in lower case. */
function caso(over: Partial<CasoSipFlusso> = {}): CasoSipFlusso {
  return {
    posizione: { numero: 1, riga: 5 },
    protocolloCaso: 'NA-SIP-2025-000007',
    misura: 'SFL',
    dataDomanda: '2025-01-08+01:00',
    codiceComune: '063049',
    codiceRegione: '15',
    nucleo: [
      {
        codiceFiscale: ' bncmrc70a30f839g',
        ruolo: 'RICHIEDENTE',
        attivabileLavoro: 'true',
        anagrafica: { cognome: 'BIANCO', nome: 'MARCO', annoNascita: '1970', luogoNascita: 'F839', genere: '1', codiceCittadinanza: '380' },
      },
    ],
    analisiPreliminare: { data: '2025-02-03', esito: 'CPI' },
    quadroAnalisi: { data: '2025-02-20', dimensioni: [{ codice: 'SITUAZIONE_LAVORATIVA', risorse: '2', vulnerabilita: '3', fattoriSostegno: '1' }], equipe: ['CPI'] },
    progetto: {
      tipo: 'PATTO_SEMPLIFICATO',
      dataSottoscrizione: '2025-03-01',
      obiettivi: ['Lavoro'],
      sostegni: ['SEGRETARIATO_SOCIALE'],
      impegni: [{ codiceFiscale: 'BNCMRC70A30F839G', descrizione: 'Colloqui', scadenza: '2025-06-30Z', stato: 'IN_CORSO' }],
      incontri: [{ data: '2025-04-01', esito: 'SVOLTO' }],
    },
    ...over,
  };
}

describe('sipPayload', () => {
  it("gives the case in sip's delivery vocabulary and its members as persons resident in the case's comune", () => {
    const p = sipPayload(keys, intestazione, caso(), 42, { record: 7, ricevutoIl: new Date('2025-03-01T09:00:00Z') });
    const id = p.caso.id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p).toEqual({
      tipo: 'sip',
      persone: [
        {
          codiceFiscale: 'BNCMRC70A30F839G',
          anagrafica: { cognome: 'BIANCO', nome: 'MARCO', annoNascita: '1970', luogoNascita: 'F839', genere: '1', codiceCittadinanza: '380' },
          indirizzi: [{ codiceRegione: '15', codiceComune: '063049', codiceNazione: '380' }],
          versione: 42,
          // Provenance of the member's claim in anagrafe.
          ente: 'F839',
          flusso: intestazione.nome,
          record: 7,
          ricevutoIl: '2025-03-01T09:00:00.000Z',
        },
      ],
      caso: {
        tipoOperazione: 'I',
        id,
        enteCodice: 'F839',
        protocolloCaso: 'NA-SIP-2025-000007',
        misura: 'SFL',
        dataDomanda: '2025-01-08',
        dataPattoDigitale: null,
        dataChiusura: null,
        codiceComune: '063049',
        codiceRegione: '15',
        componenti: [{ codiceFiscale: 'BNCMRC70A30F839G', ruolo: 'RICHIEDENTE', attivabileLavoro: true }],
        analisiPreliminare: { data: '2025-02-03', esito: 'CPI' },
        quadroAnalisi: { data: '2025-02-20', dimensioni: [{ dimensione: 'SITUAZIONE_LAVORATIVA', risorse: 2, vulnerabilita: 3, fattoriSostegno: 1 }], equipe: ['CPI'] },
        progetto: {
          tipo: 'PATTO_SEMPLIFICATO',
          dataSottoscrizione: '2025-03-01',
          obiettivi: ['Lavoro'],
          sostegni: ['SEGRETARIATO_SOCIALE'],
          impegni: [{ codiceFiscale: 'BNCMRC70A30F839G', descrizione: 'Colloqui', scadenza: '2025-06-30', stato: 'IN_CORSO' }],
          incontri: [{ data: '2025-04-01', esito: 'SVOLTO' }],
        },
      },
    });
    // The delivery item: the case, and the person id of each member by the codice fiscale the case names it with.
    expect(DESTINAZIONI.sip.toItems(p, (persona) => `id-${persona.codiceFiscale}`)).toEqual([{ ...p.caso, personaIds: { BNCMRC70A30F839G: 'id-BNCMRC70A30F839G' } }]);
    // And the household's caseload for the ente that sent it, copied to every person-linked component.
    expect(DESTINAZIONI.caseload.toItems(p, (persona) => `id-${persona.codiceFiscale}`)).toEqual([{ personaId: 'id-BNCMRC70A30F839G', enteCodice: 'F839' }]);
    // And what an acquisition of that caseload is logged with: the record and the residence it gave.
    expect(coppieAcquisite([p], (persona) => `id-${persona.codiceFiscale}`)).toEqual([
      { personaId: 'id-BNCMRC70A30F839G', enteCodice: 'F839', record: 7, residenza: { codiceRegione: '15', codiceComune: '063049', codiceNazione: '380' } },
    ]);
  });

  it('keeps the id of a case across flows and corrections, distinct per ente and case number', () => {
    const id = sipPayload(keys, intestazione, caso(), 1).caso.id;
    expect(sipPayload(keys, intestazione, caso({ misura: 'ADI', progetto: undefined }), 99).caso.id).toBe(id);
    expect(sipPayload(keys, intestazione, caso({ protocolloCaso: 'NA-SIP-2025-000008' }), 1).caso.id).not.toBe(id);
    expect(sipPayload(keys, { ...intestazione, ente: { ...intestazione.ente, codice: 'H501' } }, caso(), 1).caso.id).not.toBe(id);
    // Another key, and never a benefit's: the index of known records holds both.
    expect(chiaveCasoSip('F839', 'NA-SIP-2025-000007')).toBe('caso-sip\u0000F839\u0000NA-SIP-2025-000007');
    expect(chiavePrestazione('F839', 'BNCMRC70A30F839G', { codicePrestazione: 'A1.04', protocolloDomanda: 'x', dataInizioPrestazione: '2025-01-01' } as never)).not.toContain('\u0000');
  });

  it('carries only the key of a cancellation, and names no person', () => {
    const p = sipPayload(keys, intestazione, caso({ tipoOperazione: 'C' }), 7);
    expect(p).toEqual({ tipo: 'sip', persone: [], caso: { tipoOperazione: 'C', id: sipPayload(keys, intestazione, caso(), 7).caso.id, enteCodice: 'F839', protocolloCaso: 'NA-SIP-2025-000007' } });
    expect(DESTINAZIONI.sip.toItems(p, () => 'mai')).toEqual([{ ...p.caso, personaIds: {} }]);
  });
});

describe('valutaCasiSip', () => {
  const contesto = { nomenclatore: loadNomenclatore(), oggi: '2025-06-30', intestazione };

  it('gives each case the esito of the SIP rules, referenced by ordinal and case number', () => {
    const [v] = valutaCasiSip([caso({ analisiPreliminare: { data: '2025-02-03', esito: 'PATTO_SEMPLIFICATO' } })], new Map(), contesto);
    expect(v).toMatchObject({ numero: 1, riga: 5, stato: 'ACCETTATO', segnalazioni: [], riferimento: 'caso SIP n. 1 (ProtocolloCaso «NA-SIP-2025-000007»)', codicePrestazione: null, protocolloDomanda: null });
  });

  it("puts the XML schema's errors in place of the rules for a case the schema refused", () => {
    const errori = new Map([[1, [{ codice: 'XSD_VALORE_NON_AMMESSO', messaggio: 'Elemento Impegno, attributo Stato: il valore «FORSE» non è ammesso.', attributo: 'Stato' }]]]);
    const [v] = valutaCasiSip([caso()], errori, contesto);
    expect(v?.stato).toBe('RIFIUTATO');
    expect(v?.segnalazioni).toEqual([
      {
        codice: 'XSD_VALORE_NON_AMMESSO',
        gravita: 'ERRORE',
        campo: 'Stato',
        messaggio: 'Caso SIP n. 1 (ProtocolloCaso «NA-SIP-2025-000007»): Elemento Impegno, attributo Stato: il valore «FORSE» non è ammesso.',
      },
    ]);
  });
});
