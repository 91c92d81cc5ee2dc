import { fasciaEta } from '../domain/fascia-eta';
import type { PersonaRow } from '../db/queries';

const GENERE = { '1': 'MASCHIO', '2': 'FEMMINA' } as const;

export const Anagrafica = {
  cognome: (p: PersonaRow) => p.cognome,
  nome: (p: PersonaRow) => p.nome,
  annoNascita: (p: PersonaRow) => p.annoNascita,
  fasciaEta: (p: PersonaRow) => fasciaEta(p.annoNascita),
  luogoNascita: (p: PersonaRow) => p.luogoNascita,
  genere: (p: PersonaRow) => GENERE[p.genere as '1' | '2'] ?? null,
  cittadinanza: (p: PersonaRow) => p.codiceCittadinanza,
  secondaCittadinanza: (p: PersonaRow) => p.codiceSecondaCittadinanza,
};
