import { Esito, Flusso, RiepilogoEsiti } from './flusso';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers = { Query, Mutation, Flusso, Esito, RiepilogoEsiti };
