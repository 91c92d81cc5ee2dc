import { SINBA_ENUMS } from '../domain/codici';
import {
  AffidoSinba,
  CasoSinba,
  ChiusuraSinba,
  CondizioneEconomicaSinba,
  Ente,
  FamigliaSinba,
  GenitoreSinba,
  InserimentoResidenzialeSinba,
  MinoreSinba,
  ProvvedimentoGiudiziarioSinba,
  SegnalazioneSinba,
  ValutazioneSinba,
} from './caso-sinba';
import { MeseAnnoScalar } from './mese-anno';
import { Query } from './query';

// Enum resolvers map each GraphQL name to the code stored in the database.
export const resolvers = {
  ...SINBA_ENUMS,
  MeseAnno: MeseAnnoScalar,
  Query,
  CasoSinba,
  Ente,
  MinoreSinba,
  FamigliaSinba,
  GenitoreSinba,
  CondizioneEconomicaSinba,
  SegnalazioneSinba,
  ValutazioneSinba,
  ProvvedimentoGiudiziarioSinba,
  AffidoSinba,
  InserimentoResidenzialeSinba,
  ChiusuraSinba,
};
