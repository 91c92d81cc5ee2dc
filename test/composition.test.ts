import { readFileSync } from 'node:fs';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { composeSupergraph, readSubgraphSdls, SUBGRAPHS, SUPERGRAPH_PATH } from '@casellario/gateway';
import { describe, expect, it } from 'vitest';

describe('supergraph composition', () => {
  it('composes every subgraph without errors, and the committed supergraph is that composition', () => {
    const fresh = composeSupergraph(readSubgraphSdls());
    expect(fresh).toContain('join__Graph');
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(fresh);
  });

  it('lists the same subgraphs in the gateway and in the embedded platform, with the SDL each one serves', () => {
    expect(SUBGRAPH_MODULES.map((m) => m.name).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    const files = new Map(readSubgraphSdls().map((s) => [s.name, s.sdl]));
    for (const module of SUBGRAPH_MODULES) expect(module.sdl).toBe(files.get(module.name));
  });

  it('fails loudly on a composition error', () => {
    const broken = readSubgraphSdls().map((s) =>
      s.name === 'sina' ? { ...s, sdl: s.sdl.replace('type Persona @key(fields: "id") {', 'type Persona @key(fields: "id") {\n  codiceFiscale: Int') } : s,
    );
    expect(() => composeSupergraph(broken)).toThrow(/Supergraph composition failed/);
  });
});
