import { Accesso } from './accesso';
import { Query } from './query';

export const resolvers = { Query, Accesso };
