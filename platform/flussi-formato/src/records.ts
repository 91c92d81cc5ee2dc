/**
 * The record types this package produces, defined in `@casellario/domain`
 * (`src/flussi/records.ts`) so that the rules and the loaders share them.
 */
export type {
  TipoFlusso,
  IntestazioneFlusso,
  Posizione,
  BeneficiarioFlusso,
  PrestazioneFlusso,
  SinaFlusso,
  CasoSinbaFlusso,
  CasoSipFlusso,
  AnagraficaFlusso,
  ComponenteNucleoFlusso,
} from '@casellario/domain';
