import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { buildSecuredSchema, fieldsLoggedAsIdentifying, securedPermissions } from '@casellario/kit';
import { canSeeIdentifying, fieldsShieldedAsIdentifying, hasRuolo } from '@casellario/policies';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN §2, "One declaration per subgraph": what the shield guards as identifying,
 * what the access log records and what the subgraph declares are one set. A field
 * shielded but not logged is read without trace; logged but not shielded, it
 * reaches programmazione and monitoraggio.
 */
const ATTESI: Record<string, string[]> = {
  accessi: [],
  anagrafe: [
    'Anagrafica.annoNascita',
    'Anagrafica.cognome',
    'Anagrafica.luogoNascita',
    'Anagrafica.nome',
    'Persona.codiceFiscale',
    'Persona.discrepanze',
    'Persona.provenienza',
    'Persona.tipoCodiceFiscale',
    'Query.persona',
  ],
  'prestazioni-agevolate': [
    'AccertamentoAgevolata.note',
    'Dsu.protocollo',
    'PrestazioneAgevolata.denominazioneEnte',
    'PrestazioneAgevolata.numeroProtocolloDsu',
    'PrestazioneAgevolata.protocolloDomanda',
  ],
  'prestazioni-sociali': [
    'AccertamentoSociale.note',
    'PrestazioneSociale.denominazioneEnte',
    'PrestazioneSociale.numeroProtocolloDsu',
    'PrestazioneSociale.protocolloDomanda',
  ],
  sina: ['ValutazioneSina.protocolloDomanda'],
  sinba: ['CasoSinba.idBeneficiario', 'MinoreSinba.annoNascita'],
  sip: ['CasoSip.protocolloCaso', 'ImpegnoSip.descrizione', 'ProgettoSip.obiettivi'],
  flussi: ['Esito.protocolloDomanda', 'Esito.riferimento'],
};

describe('identifying fields: shielded, logged and declared are one set', () => {
  it('covers the eight subgraphs', () => {
    expect(SUBGRAPH_MODULES.map((m) => m.name).sort()).toEqual(Object.keys(ATTESI).sort());
  });

  for (const module of SUBGRAPH_MODULES) {
    it(`${module.name}`, () => {
      const declared = Object.keys(module.definition.accessiIdentificanti ?? {}).sort();
      const shielded = fieldsShieldedAsIdentifying(securedPermissions(module.definition));
      const logged = fieldsLoggedAsIdentifying(buildSecuredSchema(module.definition));
      expect(declared).toEqual(ATTESI[module.name]);
      expect(shielded).toEqual(declared);
      expect(logged).toEqual(declared);
    });
  }

  const anagrafe = SUBGRAPH_MODULES.find((m) => m.name === 'anagrafe')!.definition;
  const map = anagrafe.permissions as Record<string, Record<string, unknown>>;

  it('refuses to build a subgraph whose map grants canSeeIdentifying to an undeclared field', () => {
    const permissions = { ...map, Persona: { ...map.Persona, residenza: canSeeIdentifying } } as typeof anagrafe.permissions;
    expect(() => buildSecuredSchema({ ...anagrafe, permissions })).toThrow(/Persona\.residenza ha canSeeIdentifying .* non è dichiarato/);
  });

  it('refuses to build a subgraph whose map gives a declared field another rule', () => {
    const permissions = { ...map, Persona: { ...map.Persona, codiceFiscale: hasRuolo('gestione', 'programmazione') } } as typeof anagrafe.permissions;
    expect(() => buildSecuredSchema({ ...anagrafe, permissions })).toThrow(/Persona\.codiceFiscale è dichiarato identificativo/);
  });
});
