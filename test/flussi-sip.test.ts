import { CATALOGO_SIP_INIZIALE } from '@casellario/domain';
import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/**
 * A SIP flow of the Comune di Napoli (F839), end to end through the gateway:
 * receipt and esiti, delivery to anagrafe (persons created from each member's
 * Anagrafica) and to sip (the case with its stages), read back through the
 * cartella. Every member is a person no other flow ever described.
 */
const ENTE = '<Ente Codice="F839" Denominazione="Comune di Napoli" Indirizzo="F839" CFOperatore="PRTPLA75D58F839Y"/>';

function flusso(progressivo: number, casi: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flusso xmlns="http://casellario.local/SIP">\n` +
    `  <IdentificazioneFlusso Nome="F839.SIP.20250310.${String(progressivo).padStart(7, '0')}">\n    ${ENTE}\n  </IdentificazioneFlusso>\n` +
    `${casi}</Flusso>\n`
  );
}

/** A full ADI case, from the application to closure. */
const CASO_ADI = `  <CasoSip TipoOperazione="I" ProtocolloCaso="NA-SIP-2024-000123" Misura="ADI" DataDomanda="2024-01-15" DataPattoDigitale="2024-01-20" DataChiusura="2025-02-28" CodiceComune="063049" CodiceRegione="15">
    <Nucleo>
      <Componente CodiceFiscale="SPSNNA85C52F839D" Ruolo="RICHIEDENTE" AttivabileLavoro="true">
        <Anagrafica Cognome="ESPOSITO" Nome="ANNA" AnnoNascita="1985" LuogoNascita="F839" Genere="2" CodiceCittadinanza="380"/>
      </Componente>
      <Componente CodiceFiscale="SPSLCU82L02F839X" Ruolo="CONIUGE" AttivabileLavoro="false">
        <Anagrafica Cognome="ESPOSITO" Nome="LUCA" AnnoNascita="1982" LuogoNascita="F839" Genere="1" CodiceCittadinanza="380"/>
      </Componente>
      <Componente CodiceFiscale="SPSSRA12S65F839Q" Ruolo="FIGLIO" AttivabileLavoro="false">
        <Anagrafica Cognome="ESPOSITO" Nome="SARA" AnnoNascita="2012" LuogoNascita="F839" Genere="2" CodiceCittadinanza="380" CodiceSecondaCittadinanza="642"/>
      </Componente>
    </Nucleo>
    <AnalisiPreliminare Data="2024-02-12" Esito="QUADRO_ANALISI"/>
    <QuadroAnalisi Data="2024-03-05">
      <Dimensioni>
        <Dimensione Codice="SITUAZIONE_ECONOMICA" Risorse="1" Vulnerabilita="3" FattoriSostegno="2"/>
        <Dimensione Codice="FUNZIONAMENTO_PERSONALE" Risorse="2" Vulnerabilita="2" FattoriSostegno="1"/>
      </Dimensioni>
      <Equipe><Figura>SERVIZIO_SOCIALE</Figura><Figura>CPI</Figura></Equipe>
    </QuadroAnalisi>
    <Progetto Tipo="PROGETTO_PERSONALIZZATO" DataSottoscrizione="2024-03-26">
      <Obiettivi><Obiettivo>Raggiungere un reddito da lavoro stabile per almeno un componente</Obiettivo></Obiettivi>
      <Sostegni><Sostegno>TIROCINIO_INCLUSIONE</Sostegno><Sostegno>SOSTEGNO_SOCIO_EDUCATIVO</Sostegno></Sostegni>
      <Impegni>
        <Impegno CodiceFiscale="SPSNNA85C52F839D" Descrizione="Iscrizione e presentazione al Centro per l'impiego" Scadenza="2024-05-31" Stato="RISPETTATO"/>
        <Impegno CodiceFiscale="SPSLCU82L02F839X" Descrizione="Piano di rientro concordato per le utenze arretrate" Scadenza="2024-12-31" Stato="NON_RISPETTATO"/>
      </Impegni>
      <Incontri>
        <Incontro Data="2024-05-20" Esito="SVOLTO"/>
        <Incontro Data="2024-08-19" Esito="ASSENZA_GIUSTIFICATA"/>
      </Incontri>
    </Progetto>
  </CasoSip>
`;

/** An SFL case sent to the employment centre. */
const CASO_SFL = `  <CasoSip ProtocolloCaso="NA-SIP-2025-000007" Misura="SFL" DataDomanda="2025-01-08" CodiceComune="063049" CodiceRegione="15">
    <Nucleo>
      <Componente CodiceFiscale="BNCMRC70A30F839G" Ruolo="RICHIEDENTE" AttivabileLavoro="true">
        <Anagrafica Cognome="BIANCO" Nome="MARCO" AnnoNascita="1970" LuogoNascita="F839" Genere="1" CodiceCittadinanza="380"/>
      </Componente>
    </Nucleo>
    <AnalisiPreliminare Data="2025-02-03" Esito="CPI"/>
  </CasoSip>
`;

/** A case whose only member's codice fiscale fails its check character (VRDGLI90E49H501X is right). */
const CASO_CF_ERRATO = `  <CasoSip ProtocolloCaso="NA-SIP-2025-000011" Misura="ADI" DataDomanda="2025-03-03" CodiceComune="063049" CodiceRegione="15">
    <Nucleo>
      <Componente CodiceFiscale="VRDGLI90E49H501Y" Ruolo="RICHIEDENTE" AttivabileLavoro="false">
        <Anagrafica Cognome="VERDI" Nome="GIULIA" AnnoNascita="1990" LuogoNascita="H501" Genere="2" CodiceCittadinanza="380"/>
      </Componente>
    </Nucleo>
  </CasoSip>
`;

const annullamento = (protocollo: string) => `  <CasoSip TipoOperazione="C" ProtocolloCaso="${protocollo}" Misura="SFL" DataDomanda="2025-01-08" CodiceComune="063049" CodiceRegione="15">
    <Nucleo>
      <Componente CodiceFiscale="BNCMRC70A30F839G" Ruolo="RICHIEDENTE" AttivabileLavoro="true">
        <Anagrafica Cognome="BIANCO" Nome="MARCO" AnnoNascita="1970" LuogoNascita="F839" Genere="1" CodiceCittadinanza="380"/>
      </Componente>
    </Nucleo>
  </CasoSip>
`;

const CARTELLA = `query ($cf: String!) { persona(codiceFiscale: $cf) {
  codiceFiscale
  anagrafica { cognome nome annoNascita luogoNascita genere cittadinanza secondaCittadinanza }
  residenza { codiceComune codiceRegione codiceNazione }
  valutazioniSip {
    ruoloNelNucleo attivabileLavoro
    caso {
      protocolloCaso enteErogatore { codice } codiceComune codiceRegione misura dataDomanda dataPattoDigitale dataChiusura stato
      componenti { persona { codiceFiscale } ruolo attivabileLavoro }
      analisiPreliminare { data esito { codice descrizione } }
      quadroAnalisi { data dimensioni { dimensione risorse vulnerabilita fattoriSostegno } equipe }
      progetto {
        tipo dataSottoscrizione obiettivi sostegni { codice descrizione }
        impegni { persona { codiceFiscale } descrizione scadenza stato }
        incontri { data esito }
      }
    }
  }
} }`;

/** The ADI case as gestione reads it in the cartella of any of its members. */
const CASO_ADI_LETTO = {
  protocolloCaso: 'NA-SIP-2024-000123',
  enteErogatore: { codice: 'F839' },
  codiceComune: '063049',
  codiceRegione: '15',
  misura: 'ADI',
  dataDomanda: '2024-01-15',
  dataPattoDigitale: '2024-01-20',
  dataChiusura: '2025-02-28',
  stato: 'CHIUSO',
  componenti: [
    { persona: { codiceFiscale: 'SPSNNA85C52F839D' }, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
    { persona: { codiceFiscale: 'SPSLCU82L02F839X' }, ruolo: 'CONIUGE', attivabileLavoro: false },
    { persona: { codiceFiscale: 'SPSSRA12S65F839Q' }, ruolo: 'FIGLIO', attivabileLavoro: false },
  ],
  analisiPreliminare: {
    data: '2024-02-12',
    esito: { codice: 'QUADRO_ANALISI', descrizione: 'Bisogni complessi: quadro di analisi approfondito con équipe multidisciplinare' },
  },
  quadroAnalisi: {
    data: '2024-03-05',
    dimensioni: [
      { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 1 },
      { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
    ],
    equipe: ['SERVIZIO_SOCIALE', 'CPI'],
  },
  progetto: {
    tipo: 'PROGETTO_PERSONALIZZATO',
    dataSottoscrizione: '2024-03-26',
    obiettivi: ['Raggiungere un reddito da lavoro stabile per almeno un componente'],
    sostegni: [
      { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
      { codice: 'SOSTEGNO_SOCIO_EDUCATIVO', descrizione: 'Sostegno socio-educativo domiciliare' },
    ],
    impegni: [
      { persona: { codiceFiscale: 'SPSNNA85C52F839D' }, descrizione: "Iscrizione e presentazione al Centro per l'impiego", scadenza: '2024-05-31', stato: 'RISPETTATO' },
      { persona: { codiceFiscale: 'SPSLCU82L02F839X' }, descrizione: 'Piano di rientro concordato per le utenze arretrate', scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
    ],
    incontri: [
      { data: '2024-05-20', esito: 'SVOLTO' },
      { data: '2024-08-19', esito: 'ASSENZA_GIUSTIFICATA' },
    ],
  },
};

const RESIDENZA_NAPOLI = { codiceComune: '063049', codiceRegione: '15', codiceNazione: '380' };

/** The applicant's cartella after the first flow. */
const CARTELLA_ANNA = {
  codiceFiscale: 'SPSNNA85C52F839D',
  anagrafica: { cognome: 'ESPOSITO', nome: 'ANNA', annoNascita: 1985, luogoNascita: 'F839', genere: 'FEMMINA', cittadinanza: '380', secondaCittadinanza: null },
  residenza: RESIDENZA_NAPOLI,
  valutazioniSip: [{ ruoloNelNucleo: 'RICHIEDENTE', attivabileLavoro: true, caso: CASO_ADI_LETTO }],
};

for (const backend of databaseBackends()) {
  describe(`SIP flows in, through the gateway, on ${backend}`, () => {
    let tp: TestPlatform;
    let token: string;

    async function cartella(cf: string) {
      const r = await graphqlRequest<{ persona: Record<string, unknown> | null }>(tp.gatewayUrl, CARTELLA, { token, variables: { cf } });
      expect(r.errors).toBeUndefined();
      return r.data!.persona;
    }

    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      token = await ROLE_TOKENS.gestione('F839');
    });
    afterAll(() => tp?.stop());

    it('knows, in the flow rules, the same configurable lists the sip component installs', async () => {
      const r = await graphqlRequest<{ catalogoSip: unknown }>(tp.gatewayUrl, '{ catalogoSip { esitiAnalisiPreliminare { codice descrizione } sostegni { codice descrizione } } }', { token });
      expect(r.errors).toBeUndefined();
      // catalogoSip lists by code; it has no prevedeProgetto.
      const perCodice = (voci: ReadonlyArray<{ codice: string; descrizione: string }>) =>
        voci.map((v) => ({ codice: v.codice, descrizione: v.descrizione })).sort((a, b) => a.codice.localeCompare(b.codice));
      expect(r.data?.catalogoSip).toEqual({
        esitiAnalisiPreliminare: perCodice(CATALOGO_SIP_INIZIALE.esitiAnalisiPreliminare),
        sostegni: perCodice(CATALOGO_SIP_INIZIALE.sostegni),
      });
    });

    it('accepts the good cases and refuses the one whose member has a wrong codice fiscale, saying exactly why', async () => {
      const r = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(1, CASO_ADI + CASO_SFL + CASO_CF_ERRATO));
      expect(r.errors).toBeUndefined();
      const f = r.data!.inviaFlusso;
      expect(f.riepilogo).toEqual({ record: 3, accettati: 2, accettatiConAvvisi: 0, rifiutati: 1 });
      expect(f.esiti.elementi).toEqual([
        { numero: 1, stato: 'ACCETTATO', riferimento: 'caso SIP n. 1 (ProtocolloCaso «NA-SIP-2024-000123»)', codicePrestazione: null, protocolloDomanda: null, segnalazioni: [] },
        { numero: 2, stato: 'ACCETTATO', riferimento: 'caso SIP n. 2 (ProtocolloCaso «NA-SIP-2025-000007»)', codicePrestazione: null, protocolloDomanda: null, segnalazioni: [] },
        {
          numero: 3,
          stato: 'RIFIUTATO',
          riferimento: 'caso SIP n. 3 (ProtocolloCaso «NA-SIP-2025-000011»)',
          codicePrestazione: null,
          protocolloDomanda: null,
          segnalazioni: [
            {
              codice: 'SIP_COMPONENTE_CF_CONTROLLO',
              gravita: 'ERRORE',
              campo: 'CodiceFiscale',
              messaggio:
                'Caso SIP n. 3 (ProtocolloCaso «NA-SIP-2025-000011»), componente n. 1: il codice fiscale VRD***********1Y ' +
                'ha il carattere di controllo errato: dai primi 15 caratteri dovrebbe essere «X», nel flusso è «Y». Un codice ' +
                'fiscale non valido non identifica il componente, quindi il caso non è stato acquisito. Correggere il codice ' +
                'fiscale del componente e inviare di nuovo il caso.',
            },
          ],
        },
      ]);
      expect(r.raw).not.toContain('VRDGLI90E49H501Y');
      expect(r.raw).not.toContain('GIULIA');

      const consegnato = await attendiConsegna(tp.gatewayUrl, token, 'F839.SIP.20250310.0000001');
      expect(consegnato.consegna).toEqual({ completata: true, consegnati: 2, daConsegnare: 0, ultimoErrore: null });
    });

    it('creates every member in anagrafe from its Anagrafica, resident in the comune of the case, and puts the case in each cartella', async () => {
      expect(await cartella('SPSNNA85C52F839D')).toEqual(CARTELLA_ANNA);
      expect(await cartella('SPSSRA12S65F839Q')).toEqual({
        codiceFiscale: 'SPSSRA12S65F839Q',
        anagrafica: { cognome: 'ESPOSITO', nome: 'SARA', annoNascita: 2012, luogoNascita: 'F839', genere: 'FEMMINA', cittadinanza: '380', secondaCittadinanza: '642' },
        residenza: RESIDENZA_NAPOLI,
        valutazioniSip: [{ ruoloNelNucleo: 'FIGLIO', attivabileLavoro: false, caso: CASO_ADI_LETTO }],
      });
      expect(await cartella('BNCMRC70A30F839G')).toMatchObject({
        anagrafica: { cognome: 'BIANCO', nome: 'MARCO', annoNascita: 1970 },
        valutazioniSip: [
          {
            ruoloNelNucleo: 'RICHIEDENTE',
            attivabileLavoro: true,
            caso: {
              protocolloCaso: 'NA-SIP-2025-000007',
              misura: 'SFL',
              stato: 'ANALISI_PRELIMINARE',
              componenti: [{ persona: { codiceFiscale: 'BNCMRC70A30F839G' }, ruolo: 'RICHIEDENTE', attivabileLavoro: true }],
              analisiPreliminare: { data: '2025-02-03', esito: { codice: 'CPI', descrizione: "Invio al Centro per l'impiego" } },
              quadroAnalisi: null,
              progetto: null,
            },
          },
        ],
      });
      // The refused case created nobody (asked by the wrong code, the registry refuses the question itself).
      expect(await cartella('VRDGLI90E49H501X')).toBeNull();
    });

    it('changes nothing when the same cases come again, under the same name or a new one', async () => {
      const again = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(1, CASO_ADI + CASO_SFL + CASO_CF_ERRATO));
      expect(again.data?.inviaFlusso).toMatchObject({ giaRicevuto: true, contenutoDiverso: false, riepilogo: { record: 3, accettati: 2, rifiutati: 1 } });
      const nuovo = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(2, CASO_ADI + CASO_SFL));
      expect(nuovo.data?.inviaFlusso).toMatchObject({ giaRicevuto: false, riepilogo: { record: 2, accettati: 2, accettatiConAvvisi: 0, rifiutati: 0 } });
      await attendiConsegna(tp.gatewayUrl, token, 'F839.SIP.20250310.0000002');
      expect(await cartella('SPSNNA85C52F839D')).toEqual(CARTELLA_ANNA);
      expect(((await cartella('BNCMRC70A30F839G'))?.valutazioniSip as unknown[]).length).toBe(1);
    });

    it('cancels a case with TipoOperazione C, refuses to cancel one the registry never received, and warns on a second cancellation', async () => {
      const r = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(3, annullamento('NA-SIP-2025-000007') + annullamento('NA-SIP-2024-000099')));
      expect(r.errors).toBeUndefined();
      expect(r.data!.inviaFlusso.esiti.elementi.map((e) => [e.numero, e.stato, e.segnalazioni])).toEqual([
        [1, 'ACCETTATO', []],
        [
          2,
          'RIFIUTATO',
          [
            {
              codice: 'SIP_ANNULLAMENTO_SCONOSCIUTO',
              gravita: 'ERRORE',
              campo: 'ProtocolloCaso',
              messaggio:
                'Caso SIP n. 2 (ProtocolloCaso «NA-SIP-2024-000099»): si chiede di annullare un caso che il registro non ha ' +
                'mai ricevuto da questo ente con questo ProtocolloCaso. Verificare ProtocolloCaso.',
            },
          ],
        ],
      ]);
      await attendiConsegna(tp.gatewayUrl, token, 'F839.SIP.20250310.0000003');
      // The case is gone from the cartella; the person stays, with everything else of theirs.
      expect(await cartella('BNCMRC70A30F839G')).toMatchObject({ codiceFiscale: 'BNCMRC70A30F839G', valutazioniSip: [] });
      expect(await cartella('SPSNNA85C52F839D')).toEqual(CARTELLA_ANNA);

      const ancora = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(4, annullamento('NA-SIP-2025-000007')));
      expect(ancora.data!.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni])).toEqual([
        [
          'ACCETTATO_CON_AVVISI',
          [
            {
              codice: 'SIP_GIA_ANNULLATO',
              gravita: 'AVVISO',
              campo: null,
              messaggio: "Caso SIP n. 1 (ProtocolloCaso «NA-SIP-2025-000007»): il caso era già stato annullato; l'annullamento non cambia nulla.",
            },
          ],
        ],
      ]);
      await attendiConsegna(tp.gatewayUrl, token, 'F839.SIP.20250310.0000004');
      expect(await cartella('BNCMRC70A30F839G')).toMatchObject({ valutazioniSip: [] });
    });

    it('warns when the same case comes twice in one flow (SIP_RIPETUTO_NEL_FLUSSO), and keeps the last one sent', async () => {
      const caso = (dataDomanda: string) => `  <CasoSip ProtocolloCaso="NA-SIP-2025-000042" Misura="SFL" DataDomanda="${dataDomanda}" CodiceComune="063049" CodiceRegione="15">
    <Nucleo>
      <Componente CodiceFiscale="RSSPLA66A01F839X" Ruolo="RICHIEDENTE" AttivabileLavoro="true">
        <Anagrafica Cognome="ROSSI" Nome="PAOLO" AnnoNascita="1966" LuogoNascita="F839" Genere="1" CodiceCittadinanza="380"/>
      </Componente>
    </Nucleo>
  </CasoSip>
`;
      const r = await inviaFlusso(tp.gatewayUrl, token, 'SIP', flusso(5, caso('2025-02-03') + caso('2025-02-10')));
      expect(r.errors).toBeUndefined();
      expect(r.data!.inviaFlusso.esiti.elementi.map((e) => [e.numero, e.stato, e.segnalazioni.map((s) => [s.codice, s.gravita, s.messaggio])])).toEqual([
        [1, 'ACCETTATO', []],
        [
          2,
          'ACCETTATO_CON_AVVISI',
          [
            [
              'SIP_RIPETUTO_NEL_FLUSSO',
              'AVVISO',
              "Caso SIP n. 2 (ProtocolloCaso «NA-SIP-2025-000042»): lo stesso caso (stesso ente e ProtocolloCaso) compare più volte nel flusso; vale l'ultimo inviato.",
            ],
          ],
        ],
      ]);
      await attendiConsegna(tp.gatewayUrl, token, 'F839.SIP.20250310.0000005');
      // One case, as the second record gave it.
      expect(await cartella('RSSPLA66A01F839X')).toMatchObject({ valutazioniSip: [{ ruoloNelNucleo: 'RICHIEDENTE', caso: { dataDomanda: '2025-02-10' } }] });
    });
  });
}
