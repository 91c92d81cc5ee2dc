import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGO_SEGNALAZIONI, creaSegnalazione, elencoSegnalazioni, statoEsito } from '../src/flussi/esito';
import { haFormaCodiceFiscale, mascheraCodiceFiscale, riferimento, riferimentoCasoSinba, riferimentoCasoSip } from '../src/flussi/riferimenti';

describe('statoEsito', () => {
  it('accepts a record without segnalazioni', () => {
    expect(statoEsito([])).toBe('ACCETTATO');
  });

  it('accepts with warnings when there are only AVVISI', () => {
    const avviso = creaSegnalazione('PRESTAZIONE_CODICE_SCONOSCIUTO', 'x', 'CodicePrestazione');
    expect(statoEsito([avviso, avviso])).toBe('ACCETTATO_CON_AVVISI');
  });

  it('rejects as soon as one segnalazione is an ERRORE', () => {
    const avviso = creaSegnalazione('PRESTAZIONE_CODICE_SCONOSCIUTO', 'x');
    const errore = creaSegnalazione('PRESTAZIONE_CODICE_FORMATO', 'y');
    expect(statoEsito([avviso, errore])).toBe('RIFIUTATO');
  });
});

describe('catalogue', () => {
  // Codes are a public contract: this list changes only by adding lines at the end of a section.
  it('lists every code with its published gravity', () => {
    expect(elencoSegnalazioni().map((v) => `${v.codice} ${v.gravita}`)).toEqual([
      'FLUSSO_NOME_FORMATO ERRORE',
      'FLUSSO_NOME_TIPO ERRORE',
      'FLUSSO_NOME_ENTE ERRORE',
      'FLUSSO_NOME_DATA ERRORE',
      'FLUSSO_NOME_DATA_FUTURA AVVISO',
      'ENTE_INDIRIZZO_FORMATO ERRORE',
      'ENTE_INDIRIZZO_SCONOSCIUTO AVVISO',
      'OPERATORE_CF_NON_VALIDO AVVISO',
      'BENEFICIARIO_CF_FORMATO ERRORE',
      'BENEFICIARIO_CF_CONTROLLO ERRORE',
      'BENEFICIARIO_CF_PROVVISORIO_CONTROLLO ERRORE',
      'ANAGRAFICA_ANNO_NASCITA_FUTURO ERRORE',
      'ANAGRAFICA_CF_ANNO_INCOERENTE AVVISO',
      'ANAGRAFICA_CF_GENERE_INCOERENTE AVVISO',
      'ANAGRAFICA_CF_LUOGO_INCOERENTE AVVISO',
      'INDIRIZZO_REGIONE_MANCANTE ERRORE',
      'INDIRIZZO_COMUNE_MANCANTE ERRORE',
      'INDIRIZZO_COMUNE_SCONOSCIUTO AVVISO',
      'INDIRIZZO_REGIONE_SCONOSCIUTA AVVISO',
      'INDIRIZZO_REGIONE_INCOERENTE AVVISO',
      'PRESTAZIONE_CARATTERE_MANCANTE ERRORE',
      'PRESTAZIONE_DATA_INIZIO_MANCANTE ERRORE',
      'PRESTAZIONE_IMPORTO_MENSILE_MANCANTE ERRORE',
      'PRESTAZIONE_DATA_EROGAZIONE_MANCANTE ERRORE',
      'PRESTAZIONE_IMPORTO_MANCANTE ERRORE',
      'PRESTAZIONE_DATA_FINE_ANNO_DIVERSO ERRORE',
      'PRESTAZIONE_DATA_FINE_PRECEDENTE ERRORE',
      'PRESTAZIONE_DATA_FUTURA ERRORE',
      'PRESTAZIONE_IMPORTO_NON_POSITIVO ERRORE',
      'PRESTAZIONE_IMPORTO_NEGATIVO ERRORE',
      'PRESTAZIONE_QUOTE_SOMMA_DIVERSA ERRORE',
      'PRESTAZIONE_DSU_INCOMPLETA ERRORE',
      'PRESTAZIONE_ISEE_SENZA_DSU AVVISO',
      'PRESTAZIONE_AREA_UTENZA_MANCANTE ERRORE',
      'PRESTAZIONE_RICHIEDE_PRESA_IN_CARICO ERRORE',
      'PRESTAZIONE_CODICE_FORMATO ERRORE',
      'PRESTAZIONE_CODICE_SCONOSCIUTO AVVISO',
      'PRESTAZIONE_DENOMINAZIONE_DIVERSA AVVISO',
      'PRESTAZIONE_PERIODO_INCOERENTE AVVISO',
      'PRESTAZIONE_ORE_SERVIZIO_FORMATO ERRORE',
      'PRESTAZIONE_CANCELLAZIONE_DATA_MANCANTE ERRORE',
      'PRESTAZIONE_ANNULLAMENTO_SCONOSCIUTA ERRORE',
      'PRESTAZIONE_GIA_ANNULLATA AVVISO',
      'PRESTAZIONE_RIPETUTA_NEL_FLUSSO AVVISO',
      'PRESTAZIONE_VARIATA AVVISO',
      'PRESTAZIONE_SPOSTATA AVVISO',
      'CONSEGNA_RIFIUTATA ERRORE',
      'SINA_CODICE_FORMATO ERRORE',
      'SINA_CODICE_SCONOSCIUTO AVVISO',
      'SINBA_ID_CODICE_FISCALE ERRORE',
      'SINBA_DATA_FORMATO ERRORE',
      'SINBA_DATA_FUTURA ERRORE',
      'SINBA_ANNO_NASCITA_FUTURO ERRORE',
      'SINBA_FASCIA_ETA_INCOERENTE AVVISO',
      'SINBA_PROVVEDIMENTO_INCOMPLETO ERRORE',
      'SINBA_PROVVEDIMENTO_SENZA_DATI AVVISO',
      'SINBA_PROVVEDIMENTO_DATI_SENZA_PROVVEDIMENTO AVVISO',
      'SINBA_DATA_SEGNALAZIONE_MANCANTE ERRORE',
      'SINBA_SEGNALAZIONE_SENZA_DATA AVVISO',
      'SINBA_DATA_SEGNALAZIONE_SENZA_SEGNALAZIONE AVVISO',
      'SINBA_PRIMA_SEGNALAZIONE_CORRETTA AVVISO',
      'SINBA_TIPO_DISABILITA_MANCANTE AVVISO',
      'SINBA_DISABILITA_INCOERENTE AVVISO',
      'SINBA_REGIONE_RESIDENZA_MANCANTE ERRORE',
      'SINBA_REGIONE_SCONOSCIUTA AVVISO',
      'SINBA_CHIUSURA_INCOMPLETA AVVISO',
      'SINBA_CHIUSURA_MAGGIORE_ETA_INCOERENTE AVVISO',
      'SINBA_NUMERO_COMPONENTI_ISEE ERRORE',
      'SINBA_CODICE_FORMATO ERRORE',
      'SINBA_CODICE_SCONOSCIUTO AVVISO',
      'SIP_COMPONENTE_CF_FORMATO ERRORE',
      'SIP_COMPONENTE_CF_CONTROLLO ERRORE',
      'SIP_COMPONENTE_CF_PROVVISORIO_CONTROLLO ERRORE',
      'SIP_COMPONENTE_RIPETUTO ERRORE',
      'SIP_COMPONENTE_ANNO_NASCITA_FUTURO ERRORE',
      'SIP_COMPONENTE_CF_ANNO_INCOERENTE AVVISO',
      'SIP_COMPONENTE_CF_GENERE_INCOERENTE AVVISO',
      'SIP_COMPONENTE_CF_LUOGO_INCOERENTE AVVISO',
      'SIP_RICHIEDENTE_MANCANTE ERRORE',
      'SIP_RICHIEDENTE_MULTIPLO ERRORE',
      'SIP_IMPEGNO_FUORI_NUCLEO ERRORE',
      'SIP_DATA_FORMATO ERRORE',
      'SIP_DATA_FUTURA ERRORE',
      'SIP_ANALISI_PRECEDE_DOMANDA ERRORE',
      'SIP_QUADRO_PRECEDE_ANALISI ERRORE',
      'SIP_PROGETTO_PRECEDE_ANALISI ERRORE',
      'SIP_INCONTRO_PRECEDE_PROGETTO ERRORE',
      'SIP_CHIUSURA_PRECEDE_DOMANDA ERRORE',
      'SIP_CODICE_CATALOGO_IDENTIFICATIVO ERRORE',
      'SIP_ESITO_ANALISI_SCONOSCIUTO AVVISO',
      'SIP_SOSTEGNO_SCONOSCIUTO AVVISO',
      'SIP_PROGETTO_NON_PREVISTO AVVISO',
      'SIP_ANNULLAMENTO_SCONOSCIUTO ERRORE',
      'SIP_GIA_ANNULLATO AVVISO',
      'SIP_RIPETUTO_NEL_FLUSSO AVVISO',
    ]);
  });

  it('gives every code an UPPER_SNAKE name, a scope and a one-line description', () => {
    for (const voce of elencoSegnalazioni()) {
      expect(voce.codice).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
      expect(['FLUSSO', 'BENEFICIARIO', 'PRESTAZIONE', 'SINA', 'SINBA', 'SIP']).toContain(voce.ambito);
      expect(voce.descrizione).not.toContain('\n');
      expect(voce.descrizione.length).toBeGreaterThan(20);
    }
  });

  it('is documented code by code in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const mancanti = elencoSegnalazioni().filter((v) => !readme.includes(`| \`${v.codice}\` | ${v.gravita} |`));
    expect(mancanti.map((v) => v.codice)).toEqual([]);
  });

  it('builds segnalazioni with the gravity of the catalogue', () => {
    expect(creaSegnalazione('OPERATORE_CF_NON_VALIDO', 'msg', 'CFOperatore')).toEqual({
      codice: 'OPERATORE_CF_NON_VALIDO',
      gravita: 'AVVISO',
      campo: 'CFOperatore',
      messaggio: 'msg',
    });
    expect(creaSegnalazione('BENEFICIARIO_CF_CONTROLLO', 'msg')).toEqual({
      codice: 'BENEFICIARIO_CF_CONTROLLO',
      gravita: 'ERRORE',
      messaggio: 'msg',
    });
    expect(Object.isFrozen(CATALOGO_SEGNALAZIONI)).toBe(true);
  });
});

describe('mascheraCodiceFiscale', () => {
  it('keeps the first 3 and the last 2 characters of a 16-character code', () => {
    expect(mascheraCodiceFiscale('AAABBB39M66A351C')).toBe('AAA***********1C');
    expect(mascheraCodiceFiscale(' rssmra85t10a56nh ')).toBe('RSS***********NH');
  });

  it('masks 11-digit temporary codes the same way, trailing spaces dropped', () => {
    expect(mascheraCodiceFiscale('00743110157')).toBe('007******57');
    expect(mascheraCodiceFiscale('00743110157     ')).toBe('007******57');
  });

  it('masks entirely a value shorter than any codice fiscale', () => {
    expect(mascheraCodiceFiscale('ABCDE')).toBe('*****');
    expect(mascheraCodiceFiscale('ABCDEFGHIJ')).toBe('**********');
  });
});

describe('riferimento', () => {
  it('names the benefit by position, code and application, and the beneficiary by masked codice fiscale', () => {
    const rif = riferimento(
      { posizione: { numero: 3, riga: 40 }, codicePrestazione: 'A1.04', protocolloDomanda: '2024/SC00001' },
      'AAABBB39M66A351C',
    );
    expect(rif).toBe('prestazione n. 3 (A1.04, domanda 2024/SC00001) del beneficiario AAA***********1C');
  });

  it('names a SINBA case by position and pseudonym, masking a pseudonym shaped like a codice fiscale', () => {
    expect(riferimentoCasoSinba({ posizione: { numero: 2, riga: 9 }, idBeneficiario: 'PROVA BENEF' })).toBe(
      'caso SINBA n. 2 (IDBeneficiario «PROVA BENEF»)',
    );
    expect(riferimentoCasoSinba({ posizione: { numero: 1, riga: 4 }, idBeneficiario: 'RSSMRA85T10A562X' })).toBe(
      'caso SINBA n. 1 (IDBeneficiario «RSS***********2X»)',
    );
  });

  it('names a SIP case by ordinal and ProtocolloCaso, masking a case number shaped like a codice fiscale', () => {
    expect(riferimentoCasoSip({ posizione: { numero: 2, riga: 9 }, protocolloCaso: 'NA-SIP-2025-000007' })).toBe('caso SIP n. 2 (ProtocolloCaso «NA-SIP-2025-000007»)');
    expect(riferimentoCasoSip({ posizione: { numero: 1, riga: 4 }, protocolloCaso: 'rssmra85t10a562x' })).toBe('caso SIP n. 1 (ProtocolloCaso «RSS***********2X»)');
  });

  it('recognises the shape of a codice fiscale, omocodes included, whatever its check character', () => {
    expect(haFormaCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(haFormaCodiceFiscale('RSSMRA85T10ARSNX')).toBe(true);
    expect(haFormaCodiceFiscale('PROVABENEFICIARI')).toBe(false);
    expect(haFormaCodiceFiscale('RM-2022-000123')).toBe(false);
  });
});
