import { describe, expect, it } from 'vitest';
import { codiceSostegno } from './catalogo';

describe('codiceSostegno', () => {
  it('accepts a code or its description, and leaves anything else for the foreign key to refuse', () => {
    expect(codiceSostegno('MEDIAZIONE_CULTURALE')).toBe('MEDIAZIONE_CULTURALE');
    expect(codiceSostegno('Tirocinio di inclusione')).toBe('TIROCINIO_INCLUSIONE');
    expect(codiceSostegno(' sostegno alla genitorialità e mediazione familiare ')).toBe('SOSTEGNO_GENITORIALITA');
    expect(codiceSostegno('Corso di cucina')).toBe('Corso di cucina');
  });
});
