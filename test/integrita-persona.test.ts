import { caseloadPairs } from '@casellario/demo-data';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { buildCodiceFiscale } from '@casellario/domain';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/**
 * The integrity of a person (DESIGN §2; issue 13, reproduction 1; issue 19, item 3),
 * end to end through the gateway: a case worker of Roma rewriting a Milano
 * beneficiary it cannot see and pulling her into its caseload; and a cancellation
 * carrying another anagrafica.
 */

interface Beneficiario {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  annoNascita: string;
  genere: string;
  luogoNascita: string;
  /** As the flow writes it: CodiceRegione in DM1986 (10 Lombardia, 08 Lazio); stored and shown in ISTAT. */
  residenza: { codiceComune?: string; codiceRegione?: string; codiceNazione: string };
}

/** A one-beneficiary, one-benefit PS flow of `ente` (a one-off A1.09, the INPS sample's third record). */
function flussoPs(ente: string, nome: string, b: Beneficiario, tipoOperazione: 'I' | 'C', protocollo: string): string {
  const r = b.residenza;
  const indirizzo = [
    r.codiceComune ? `CodiceComune="${r.codiceComune}"` : '',
    `CodiceNazione="${r.codiceNazione}"`,
    r.codiceRegione ? `CodiceRegione="${r.codiceRegione}"` : '',
  ].join(' ');
  return `<Flusso xmlns="http://inps.it/Casellario" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://inps.it/Casellario">
<IdentificazioneFlusso Nome="${nome}">
<Ente Denominazione="Comune" Codice="${ente}" CFOperatore="RSSMRA80A01H501U" Indirizzo="${ente}"/>
</IdentificazioneFlusso>
<Beneficiario CodiceFiscale="${b.codiceFiscale}">
<Anagrafica AnnoNascita="${b.annoNascita}" Genere="${b.genere}" CodiceCittadinanza="380" Nome="${b.nome}" LuogoNascita="${b.luogoNascita}" Cognome="${b.cognome}"/>
<Indirizzo ${indirizzo}/>
<PrestazioniSociali CaratterePrestazione="2" ImportoQuotaUtente="155.56" ImportoQuotaRichiesta="351.64" TipoOperazione="${tipoOperazione}" DataErogazionePrestazione="2020-12-01" ImportoPrestazione="1265.23" CodicePrestazione="A1.09" DenominazionePrestazione="Telesoccorso e teleassistenza" ProtocolloDomanda="${protocollo}" DataEvento="2020-10-13" ImportoQuotaSSN="141.98" ImportoSogliaISEE="34308.0" PresaCarico="2" ImportoQuotaEnte="967.69" PresenzaProvaMezzi="2" OreServizioMensile="2.59"> </PrestazioniSociali>
</Beneficiario>
</Flusso>`;
}

const PERSONA = `query ($cf: String!) { persona(codiceFiscale: $cf) {
  id
  anagrafica { cognome nome annoNascita genere luogoNascita }
  residenza { codiceComune codiceRegione }
  provenienza { campo fonte ente flusso record ricevutoIl }
  discrepanze { campo valore ente flusso record ricevutoIl contraddiceCodiceFiscale }
  prestazioniSociali(includiAnnullate: true) { codicePrestazione protocolloDomanda annullata }
} }`;

const GENERE = { '1': 'MASCHIO', '2': 'FEMMINA' } as const;

const ACQUISIZIONI = `query ($f: FiltroAccessi) { registroAccessi(filtro: $f, primi: 50) {
  elementi { subgraph operatore ruolo ente soggetto { tipo id } campi flusso record fuoriTerritorio requestId }
} }`;

for (const backend of databaseBackends()) {
  describe(`integrity of a person, through the gateway, on ${backend}`, () => {
    let tp: TestPlatform;
    let roma: string;
    let milano: string;
    // Milano beneficiaries in nobody else's caseload, resident in Milano.
    let lei: (typeof tp.dataset.persone)[number];
    let altra: (typeof tp.dataset.persone)[number];
    const FLUSSO_ROMA = 'H501.PS.20250310.0000131';

    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      roma = await ROLE_TOKENS.gestione('H501');
      milano = await ROLE_TOKENS.gestione('F205');
      const enti = new Map<string, Set<string>>();
      for (const p of caseloadPairs(tp.dataset)) enti.set(p.personaId, (enti.get(p.personaId) ?? new Set()).add(p.enteCodice));
      const milanesi = tp.dataset.persone.filter((p) => {
        const e = enti.get(p.id);
        return e?.size === 1 && e.has('F205') && p.indirizzi[0]?.codiceComune === '015146' && p.codiceFiscale.length === 16;
      });
      [lei, altra] = milanesi as [typeof lei, typeof altra];
      expect(altra).toBeDefined();
    });
    afterAll(() => tp?.stop());

    it("keeps a Milano beneficiary's anagrafica after Roma's PIPPO PLUTO record, and shows Roma's claim only as a discrepancy", async () => {
      // Arrange: invisible to Roma.
      const prima = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, PERSONA, { token: roma, variables: { cf: lei.codiceFiscale } });
      expect(prima.data?.persona).toBeNull();
      const luogoFalso = lei.luogoNascita === 'F205' ? 'H501' : 'F205';
      const annoFalso = String(Number(lei.annoNascita) === 1990 ? 1991 : 1990);
      const genereFalso = lei.genere === '1' ? '2' : '1';

      // Act: Roma sends the rewrite, keeping her Milano residence.
      const inviato = await inviaFlusso(
        tp.gatewayUrl,
        roma,
        'PS_PSA_SINA',
        flussoPs('H501', FLUSSO_ROMA, { codiceFiscale: lei.codiceFiscale, cognome: 'PLUTO', nome: 'PIPPO', annoNascita: annoFalso, genere: genereFalso, luogoNascita: luogoFalso, residenza: { codiceComune: '015146', codiceRegione: '10', codiceNazione: '380' } }, 'I', 'ROMA-1'),
      );
      expect(inviato.errors).toBeUndefined();
      const segnalazioni = inviato.data!.inviaFlusso.esiti.elementi[0]!.segnalazioni.map((s) => s.codice);
      expect(segnalazioni).toEqual(expect.arrayContaining(['ANAGRAFICA_CF_ANNO_INCOERENTE', 'ANAGRAFICA_CF_GENERE_INCOERENTE', 'ANAGRAFICA_CF_LUOGO_INCOERENTE']));
      await attendiConsegna(tp.gatewayUrl, roma, FLUSSO_ROMA);

      // Assert: Milano sees what Milano sent, with its provenance.
      const perMilano = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, PERSONA, { token: milano, variables: { cf: lei.codiceFiscale } });
      expect(perMilano.errors).toBeUndefined();
      const m = perMilano.data!.persona;
      expect(m.anagrafica).toEqual({ cognome: lei.cognome, nome: lei.nome, annoNascita: Number(lei.annoNascita), genere: GENERE[lei.genere], luogoNascita: lei.luogoNascita });
      expect(m.residenza).toEqual({ codiceComune: '015146', codiceRegione: '03' });
      expect(m.provenienza.find((p: any) => p.campo === 'cognome')).toMatchObject({ fonte: 'FLUSSO', ente: 'F205' });
      // Roma's claim is beside it, with its flow and record, never applied.
      const daRoma = m.discrepanze.filter((d: any) => d.ente === 'H501');
      expect(daRoma.map((d: any) => [d.campo, d.valore, d.contraddiceCodiceFiscale]).sort()).toEqual(
        [
          ['cognome', 'PLUTO', false],
          ['nome', 'PIPPO', false],
          ['annoNascita', annoFalso, true],
          ['genere', genereFalso, true],
          ['luogoNascita', luogoFalso, true],
        ].sort(),
      );
      expect(daRoma[0]).toMatchObject({ flusso: FLUSSO_ROMA, record: 1 });
      expect(Date.parse(daRoma[0].ricevutoIl)).toBeGreaterThan(Date.now() - 120_000);

      // Roma now has her in its caseload (the flow granted it): it sees its own names,
      // but never the year, sex or birthplace its record contradicted the code with.
      const perRoma = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, PERSONA, { token: roma, variables: { cf: lei.codiceFiscale } });
      expect(perRoma.data!.persona.anagrafica).toEqual({ cognome: 'PLUTO', nome: 'PIPPO', annoNascita: Number(lei.annoNascita), genere: GENERE[lei.genere], luogoNascita: lei.luogoNascita });
      expect(perRoma.data!.persona.discrepanze.filter((d: any) => d.ente === 'F205').map((d: any) => d.campo).sort()).toEqual(['cognome', 'nome']);

      // A national control body sees the titolare's values and Roma's discrepancy.
      const perGdf = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, PERSONA, { token: await ROLE_TOKENS.controllo('GDF'), variables: { cf: lei.codiceFiscale } });
      expect(perGdf.data!.persona.anagrafica.cognome).toBe(lei.cognome);
      expect(perGdf.data!.persona.discrepanze.some((d: any) => d.ente === 'H501' && d.valore === 'PIPPO')).toBe(true);
    });

    it('refuses discrepancies and provenance to programmazione and monitoraggio', async () => {
      for (const token of [await ROLE_TOKENS.programmazione('03'), await ROLE_TOKENS.monitoraggio()]) {
        const r = await graphqlRequest<{ elencoPrestazioniSociali: any }>(
          tp.gatewayUrl,
          `{ elencoPrestazioniSociali(filtro: { codiceComune: "015146" }, primi: 3) { elementi { persona { discrepanze { campo valore ente } provenienza { campo ente } } } } }`,
          { token },
        );
        expect(r.data!.elencoPrestazioniSociali.elementi.length).toBeGreaterThan(0);
        for (const e of r.data!.elencoPrestazioniSociali.elementi) expect(e.persona).toEqual({ discrepanze: null, provenienza: null });
        expect(r.errors?.length).toBeGreaterThan(0);
        expect(r.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
        expect(JSON.stringify(r)).not.toContain('PIPPO');
      }
    });

    it('refuses them directly at anagrafe too, through _entities, an alias and a fragment', async () => {
      for (const token of [await ROLE_TOKENS.programmazione('03'), await ROLE_TOKENS.monitoraggio()]) {
        const listed = await graphqlRequest<{ elencoPrestazioniSociali: { elementi: Array<{ persona: { id: string } }> } }>(
          tp.gatewayUrl,
          `{ elencoPrestazioniSociali(filtro: { codiceComune: "015146" }, primi: 3) { elementi { persona { id } } } }`,
          { token },
        );
        const id = listed.data!.elencoPrestazioniSociali.elementi[0]!.persona.id;
        const r = await graphqlRequest<{ _entities: Array<Record<string, unknown>> }>(
          tp.subgraphUrl('anagrafe'),
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { d: discrepanze { campo valore ente } ...P } } }
           fragment P on Persona { provenienza { campo ente flusso } anagrafica { fasciaEta } }`,
          { token, variables: { r: [{ __typename: 'Persona', id }] } },
        );
        // The person resolves (the pseudonym is this audience's), the rest of the answer stays.
        expect(r.data!._entities).toHaveLength(1);
        expect(r.data!._entities[0]).toMatchObject({ d: null, provenienza: null, anagrafica: { fasciaEta: expect.any(String) } });
        expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
          ['_entities.0.d', 'FORBIDDEN'],
          ['_entities.0.provenienza', 'FORBIDDEN'],
        ]);
        expect(JSON.stringify(r)).not.toContain('PIPPO');
      }
    });

    it('puts the acquisition in the access log once, found by person, by ente and among those outside territory', async () => {
      const audit = await ROLE_TOKENS.audit();
      const personaId = lei.id;
      const perPersona = await graphqlRequest<{ registroAccessi: any }>(tp.gatewayUrl, ACQUISIZIONI, { token: audit, variables: { f: { persona: personaId, acquisizioni: true } } });
      expect(perPersona.errors).toBeUndefined();
      const atteso = {
        subgraph: 'flussi',
        operatore: 'op-gestione-H501',
        ruolo: 'gestione',
        ente: 'H501',
        soggetto: { tipo: 'persona', id: personaId },
        campi: ['acquisizioneCaseload'],
        flusso: FLUSSO_ROMA,
        record: 1,
        fuoriTerritorio: true,
      };
      expect(perPersona.data!.registroAccessi.elementi).toEqual([expect.objectContaining(atteso)]);
      const perEnte = await graphqlRequest<{ registroAccessi: any }>(tp.gatewayUrl, ACQUISIZIONI, { token: audit, variables: { f: { ente: 'H501', acquisizioni: true } } });
      expect(perEnte.data!.registroAccessi.elementi.filter((e: any) => e.soggetto.id === personaId)).toEqual([expect.objectContaining(atteso)]);
      const fuori = await graphqlRequest<{ acquisizioniFuoriTerritorio: any }>(
        tp.gatewayUrl,
        `{ acquisizioniFuoriTerritorio(filtro: { ente: "H501" }, primi: 50) { elementi { ente soggetto { id } flusso record fuoriTerritorio } } }`,
        { token: audit },
      );
      expect(fuori.errors).toBeUndefined();
      expect(fuori.data!.acquisizioniFuoriTerritorio.elementi).toContainEqual({ ente: 'H501', soggetto: { id: personaId }, flusso: FLUSSO_ROMA, record: 1, fuoriTerritorio: true });
      // Only audit reads it.
      const negato = await graphqlRequest(tp.gatewayUrl, `{ acquisizioniFuoriTerritorio { elementi { ente } } }`, { token: roma });
      expect(negato.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // Another flow naming her again: the pair is not new, nothing more is logged.
      const ancora = 'H501.PS.20250311.0000132';
      await inviaFlusso(
        tp.gatewayUrl,
        roma,
        'PS_PSA_SINA',
        flussoPs('H501', ancora, { codiceFiscale: lei.codiceFiscale, cognome: 'PLUTO', nome: 'PIPPO', annoNascita: lei.annoNascita, genere: lei.genere, luogoNascita: lei.luogoNascita, residenza: { codiceComune: '015146', codiceRegione: '10', codiceNazione: '380' } }, 'I', 'ROMA-2'),
      );
      await attendiConsegna(tp.gatewayUrl, roma, ancora);
      const dopo = await graphqlRequest<{ registroAccessi: any }>(tp.gatewayUrl, ACQUISIZIONI, { token: audit, variables: { f: { persona: personaId, acquisizioni: true } } });
      expect(dopo.data!.registroAccessi.elementi).toHaveLength(1);
    });

    it('grants no caseload while the acquisition cannot be logged, and grants it with its record once the log is back', async () => {
      const accessi = SUBGRAPH_MODULES.find((m) => m.name === 'accessi')!;
      await tp.platform.subgraphs.accessi!.close();
      const nome = 'H501.PS.20250313.0000135';
      // Asked without the esiti's identifying fields (riferimento, protocolloDomanda): their read
      // would need the access log too, and with it down the answer would be withheld.
      const r = await graphqlRequest<{ inviaFlusso: { riepilogo: { rifiutati: number } } }>(
        tp.gatewayUrl,
        `mutation ($c: String!) { inviaFlusso(tipo: PS_PSA_SINA, contenuto: $c) { riepilogo { rifiutati } } }`,
        {
          token: roma,
          variables: {
            c: flussoPs('H501', nome, { codiceFiscale: altra.codiceFiscale, cognome: altra.cognome, nome: altra.nome, annoNascita: altra.annoNascita, genere: altra.genere, luogoNascita: altra.luogoNascita, residenza: { codiceComune: '015146', codiceRegione: '10', codiceNazione: '380' } }, 'I', 'ROMA-3'),
          },
        },
      );
      expect(r.data?.inviaFlusso.riepilogo.rifiutati).toBe(0);
      let errore: string | null = null;
      for (let i = 0; i < 100 && !errore; i++) {
        const q = await graphqlRequest<{ flusso: { consegna: { ultimoErrore: string | null } } }>(tp.gatewayUrl, `{ flusso(nome: "${nome}") { consegna { ultimoErrore } } }`, { token: roma });
        errore = q.data!.flusso.consegna.ultimoErrore;
        if (!errore) await new Promise((res) => setTimeout(res, 100));
      }
      expect(errore).toContain('Registro degli accessi non disponibile');
      // No component lets Roma read her.
      const coppie = `select count(*)::int as n from %s.caseload where ente_codice = 'H501' and persona_id = '${altra.id}'`;
      const schemi = { anagrafe: 'anagrafe', 'prestazioni-sociali': 'prestazioni_sociali', 'prestazioni-agevolate': 'prestazioni_agevolate', sina: 'sina', sip: 'sip' } as const;
      const concesse = async () => {
        const out: Record<string, number> = {};
        for (const [nomeSg, schema] of Object.entries(schemi)) out[nomeSg] = (await tp.platform.handles[nomeSg]!.rows<{ n: number }>(sql.raw(coppie.replace('%s', schema))))[0]!.n;
        return out;
      };
      expect(await concesse()).toEqual({ anagrafe: 0, 'prestazioni-sociali': 0, 'prestazioni-agevolate': 0, sina: 0, sip: 0 });

      tp.platform.subgraphs.accessi = await accessi.start({ handle: tp.platform.handles.accessi!, ...(await testSecurity()), port: 0 });
      await attendiConsegna(tp.gatewayUrl, roma, nome, 60_000);
      expect(await concesse()).toEqual({ anagrafe: 1, 'prestazioni-sociali': 1, 'prestazioni-agevolate': 1, sina: 1, sip: 1 });
      // Asked of accessi itself: the gateway still knows its old port.
      const log = await graphqlRequest<{ registroAccessi: any }>(tp.platform.subgraphs.accessi.url, ACQUISIZIONI, { token: await ROLE_TOKENS.audit(), variables: { f: { persona: altra.id, acquisizioni: true } } });
      expect(log.data!.registroAccessi.elementi).toEqual([expect.objectContaining({ ente: 'H501', flusso: nome, record: 1, fuoriTerritorio: true })]);
    });

    it('changes nothing of the person with a cancellation, and cancels the benefit (issue 19)', async () => {
      // ROSSI, born 1985 in Roma, male, resident in Roma.
      const cf = buildCodiceFiscale({ cognome: 'Rossi', nome: 'Mario', annoNascita: 1985, mese: 4, giorno: 12, genere: '1', belfiore: 'H501' });
      const rossi: Beneficiario = { codiceFiscale: cf, cognome: 'ROSSI', nome: 'MARIO', annoNascita: '1985', genere: '1', luogoNascita: 'H501', residenza: { codiceComune: '058091', codiceRegione: '08', codiceNazione: '380' } };
      await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', flussoPs('H501', 'H501.PS.20250312.0000133', rossi, 'I', 'ROSSI-1'));
      await attendiConsegna(tp.gatewayUrl, roma, 'H501.PS.20250312.0000133');

      // The cancellation carries FALSO, 1999, female, and a residence abroad with no comune.
      const falso: Beneficiario = { ...rossi, cognome: 'FALSO', nome: 'FALSA', annoNascita: '1999', genere: '2', residenza: { codiceNazione: '804' } };
      const c = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', flussoPs('H501', 'H501.PS.20250312.0000134', falso, 'C', 'ROSSI-1'));
      expect(c.data?.inviaFlusso.esiti.elementi.map((e) => e.stato)).not.toContain('RIFIUTATO');
      await attendiConsegna(tp.gatewayUrl, roma, 'H501.PS.20250312.0000134');

      const r = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, PERSONA, { token: roma, variables: { cf } });
      expect(r.errors).toBeUndefined();
      const p = r.data!.persona;
      expect(p.anagrafica).toEqual({ cognome: 'ROSSI', nome: 'MARIO', annoNascita: 1985, genere: 'MASCHIO', luogoNascita: 'H501' });
      expect(p.residenza).toEqual({ codiceComune: '058091', codiceRegione: '12' });
      // Not even as a claim: the cancellation delivered nothing of the person.
      expect(p.discrepanze).toEqual([]);
      expect(p.provenienza.find((x: any) => x.campo === 'cognome')).toMatchObject({ ente: 'H501', flusso: 'H501.PS.20250312.0000133', record: 1 });
      expect(p.prestazioniSociali).toEqual([{ codicePrestazione: 'A1.09', protocolloDomanda: 'ROSSI-1', annullata: true }]);
    });
  });
}
