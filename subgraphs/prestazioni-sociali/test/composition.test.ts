import { composeServices } from '@apollo/composition';
import { anagrafeSubgraph } from '@casellario/anagrafe';
import { prestazioniAgevolateSubgraph } from '@casellario/prestazioni-agevolate';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';
import { prestazioniSocialiSubgraph } from '../src/index';

// PSA and PS declare the same enums, input and scalar in two separate contracts: this
// fails when they drift apart (an enum used as input and output must match exactly).
describe('benefit subgraphs in the supergraph', () => {
  it('compose with anagrafe, and Persona joins all three', () => {
    const result = composeServices(
      [anagrafeSubgraph, prestazioniAgevolateSubgraph, prestazioniSocialiSubgraph].map((s) => ({
        name: s.name,
        url: `http://127.0.0.1:${s.defaultPort}/graphql`,
        typeDefs: gql(s.sdl),
      })),
    );
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
    const supergraph = result.supergraphSdl ?? '';
    const persona = /type Persona\s[^{]*\{([^}]*)\}/.exec(supergraph)?.[1] ?? '';
    expect(persona).toMatch(/codiceFiscale: String/);
    expect(persona).toMatch(/prestazioniAgevolate\(anno: Int, includiAnnullate: Boolean = false\): \[PrestazioneAgevolata!\]/);
    expect(persona).toMatch(/prestazioniSociali\(anno: Int, includiAnnullate: Boolean = false\): \[PrestazioneSociale!\]/);
    expect(supergraph).toMatch(/elencoPrestazioniAgevolate\(filtro: FiltroPrestazioni, primi: Int, dopo: String\): PaginaPrestazioniAgevolate!/);
    expect(supergraph).toMatch(/elencoPrestazioniSociali\(filtro: FiltroPrestazioni, primi: Int, dopo: String\): PaginaPrestazioniSociali!/);
  });
});
