import { Anagrafica } from './anagrafica';
import { Persona } from './persona';
import { Query } from './query';
import { Comune, Ente, Indirizzo } from './territorio';

export const resolvers = { Query, Persona, Anagrafica, Indirizzo, Ente, Comune };
