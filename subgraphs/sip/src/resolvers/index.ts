import { DateScalar } from '@casellario/kit';
import { AnalisiPreliminareSip, DimensioneQuadroAnalisiSip, QuadroAnalisiSip } from './analisi';
import { CasoSip, ComponenteNucleoSip, Ente } from './caso';
import { Persona, ValutazioneSip } from './persona';
import { ImpegnoSip, IncontroSip, ProgettoSip } from './progetto';
import { CatalogoSip, Query, VoceCatalogoSip } from './query';

export const resolvers = {
  Date: DateScalar,
  Query,
  Persona,
  ValutazioneSip,
  CasoSip,
  Ente,
  ComponenteNucleoSip,
  AnalisiPreliminareSip,
  QuadroAnalisiSip,
  DimensioneQuadroAnalisiSip,
  ProgettoSip,
  ImpegnoSip,
  IncontroSip,
  CatalogoSip,
  VoceCatalogoSip,
};
