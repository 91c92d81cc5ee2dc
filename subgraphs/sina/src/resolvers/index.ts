import { DateScalar } from '@casellario/kit';
import { SINA_ENUMS } from '../domain/codici-sina';
import { Persona } from './persona';
import { Query } from './query';
import { ValutazioneSina } from './valutazione-sina';

// Enum objects map each GraphQL name to the code the database keeps (enum internal values).
export const resolvers = { Query, Persona, ValutazioneSina, Date: DateScalar, ...SINA_ENUMS };
