/**
 * The three flow formats: which schema file validates each, its namespace, the
 * element that carries one record, and the tag used in flow names. The official
 * schemas are INPS's files copied unchanged; SIP.xsd is ours (see README).
 */
import { readFileSync } from 'node:fs';
import type { TipoFlusso } from './records';

/** Namespace of both official flows (PS_PSA_SINA201812.xsd and SINBA.xsd). */
export const NAMESPACE_INPS = 'http://inps.it/Casellario';

/** Namespace of our SIP flow (schemas/SIP.xsd). It names the format; nothing is fetched from it. */
export const NAMESPACE_SIP = 'http://casellario.local/SIP';

/** The root element of every flow. */
export const ELEMENTO_RADICE = 'Flusso';

export interface FormatoFlusso {
  tipo: TipoFlusso;
  /** File name under `schemas/`. */
  schema: string;
  namespace: string;
  /** Local name of the top-level element that carries the records. */
  elementoRecord: string;
  /** The `TIPO` part of a flow name (`{Ente}.{TIPO}.{AAAAMMGG}.{progressivo}`). */
  sigla: 'PS' | 'SINBA' | 'SIP';
}

export const FORMATI: Readonly<Record<TipoFlusso, FormatoFlusso>> = {
  PS_PSA_SINA: { tipo: 'PS_PSA_SINA', schema: 'PS_PSA_SINA201812.xsd', namespace: NAMESPACE_INPS, elementoRecord: 'Beneficiario', sigla: 'PS' },
  SINBA: { tipo: 'SINBA', schema: 'SINBA.xsd', namespace: NAMESPACE_INPS, elementoRecord: 'SINBA', sigla: 'SINBA' },
  SIP: { tipo: 'SIP', schema: 'SIP.xsd', namespace: NAMESPACE_SIP, elementoRecord: 'CasoSip', sigla: 'SIP' },
};

export const TIPI_FLUSSO: readonly TipoFlusso[] = ['PS_PSA_SINA', 'SINBA', 'SIP'];

/** Absolute URL of a schema file shipped with this package. */
export function urlSchema(tipo: TipoFlusso): URL {
  return new URL(`../schemas/${FORMATI[tipo].schema}`, import.meta.url);
}

/**
 * The text of the schema that validates flows of `tipo`. Read from the package's
 * own `schemas/` folder: the validator is never pointed at any other location.
 */
export function testoSchema(tipo: TipoFlusso): string {
  let testo = letti.get(tipo);
  if (testo === undefined) letti.set(tipo, (testo = readFileSync(urlSchema(tipo), 'utf8')));
  return testo;
}

const letti = new Map<TipoFlusso, string>();
