import { esempioPsCorretto, esempioSinbaCorretto } from './flussi-support';

/**
 * Flows whose free text (what a sender types that is not a code) holds a person's
 * codice fiscale and name, as issue 13 reproduces: the tests check that neither
 * reaches programmazione or monitoraggio by any path, and that gestione's reads of
 * it are logged. BRNLNE51P45D383B is a valid codice fiscale (check character
 * included) of an ELENA BRUNO who is in no flow of the tests.
 */
export const CF_NEL_TESTO = 'BRNLNE51P45D383B';
export const NOMI_NEL_TESTO = ['BRUNO', 'ELENA'] as const;
export const TESTO_CON_CF = `Contributo a BRUNO ELENA ${CF_NEL_TESTO} via Roma 1`;

/** The person the PS flow is about (the corrected INPS sample's beneficiary), resident in Roma. */
export const CF_BENEFICIARIO_PS = 'AAABBB39M66A351T';

/**
 * The corrected INPS PS sample (three benefits of one person, with SINA), moved to
 * Roma (Lazio) so that Regione Lazio's programmazione sees it. `ovunque`: every
 * benefit's denomination and application protocol carry the codice fiscale and the
 * name; otherwise only the A1.09 benefit's denomination (the example), the
 * other names staying the nomenclatore's.
 */
export function flussoPsTestoLibero(progressivo: string, ovunque = false): string {
  let xml = esempioPsCorretto(progressivo).replace(/CodiceRegione="\d{2}"/, 'CodiceRegione="08"').replace('CodiceComune="068001"', 'CodiceComune="058091"');
  if (ovunque) {
    xml = xml.replace(/DenominazionePrestazione="[^"]*"/g, `DenominazionePrestazione="${TESTO_CON_CF}"`).replace(/ProtocolloDomanda="[^"]*"/g, `ProtocolloDomanda="${CF_NEL_TESTO}"`);
  } else {
    xml = xml.replace('DenominazionePrestazione="Telesoccorso e teleassistenza"', `DenominazionePrestazione="${TESTO_CON_CF}"`);
  }
  return xml;
}

/** The name under which `flussoPsTestoLibero(progressivo)` is sent. */
export const nomeFlussoPs = (progressivo: string) => `H501.PS.20210520.${progressivo}`;

/**
 * A SIP flow of Roma (H501) with one case whose every free text — the case number,
 * the project's objective, the commitment's description — carries the codice
 * fiscale and the name.
 */
export function flussoSipTestoLibero(progressivo: number): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="http://casellario.local/SIP">\n` +
    `  <IdentificazioneFlusso Nome="${nomeFlussoSip(progressivo)}">\n` +
    `    <Ente Codice="H501" Denominazione="Roma Capitale" Indirizzo="H501" CFOperatore="PRTPLA75D58F839Y"/>\n  </IdentificazioneFlusso>\n` +
    `  <CasoSip ProtocolloCaso="RM ${CF_NEL_TESTO} BRUNO ELENA" Misura="ADI" DataDomanda="2024-01-15" DataPattoDigitale="2024-01-20" CodiceComune="058091" CodiceRegione="12">
    <Nucleo>
      <Componente CodiceFiscale="BNCMRC70A30F839G" Ruolo="RICHIEDENTE" AttivabileLavoro="true">
        <Anagrafica Cognome="BIANCO" Nome="MARCO" AnnoNascita="1970" LuogoNascita="F839" Genere="1" CodiceCittadinanza="380"/>
      </Componente>
    </Nucleo>
    <AnalisiPreliminare Data="2024-02-12" Esito="QUADRO_ANALISI"/>
    <Progetto Tipo="PROGETTO_PERSONALIZZATO" DataSottoscrizione="2024-03-26">
      <Obiettivi><Obiettivo>${TESTO_CON_CF}</Obiettivo></Obiettivi>
      <Sostegni><Sostegno>TIROCINIO_INCLUSIONE</Sostegno></Sostegni>
      <Impegni>
        <Impegno CodiceFiscale="BNCMRC70A30F839G" Descrizione="${TESTO_CON_CF}" Scadenza="2024-05-31" Stato="RISPETTATO"/>
      </Impegni>
    </Progetto>
  </CasoSip>
</Flusso>
`
  );
}

export const nomeFlussoSip = (progressivo: number) => `H501.SIP.20250310.${String(progressivo).padStart(7, '0')}`;

/**
 * The planted codice fiscale or name, in any case, anywhere in a text (a raw
 * answer). The name is looked for as the planted pair: BRUNO alone is a common
 * surname, and Sant'Elena a comune.
 */
export function testoPiantatoIn(raw: string): string[] {
  const upper = raw.toUpperCase();
  return [CF_NEL_TESTO, NOMI_NEL_TESTO.join(' ')].filter((v) => upper.includes(v));
}

/**
 * The corrected SINBA sample whose ente-local `IDBeneficiario` (free, 20 characters)
 * carries the codice fiscale. Ingest refuses an IDBeneficiario that *is* a codice
 * fiscale (SINBA_ID_CODICE_FISCALE), not one that contains it: hence the prefix.
 */
export function flussoSinbaTestoLibero(progressivo: string): string {
  return esempioSinbaCorretto(progressivo).replace('IDBeneficiario="PROVA BENEF"', `IDBeneficiario="ID ${CF_NEL_TESTO}"`);
}

export const nomeFlussoSinba = (progressivo: string) => `H501.SINBA.20210520.${progressivo}`;
