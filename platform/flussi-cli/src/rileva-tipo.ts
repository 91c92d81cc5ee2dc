/**
 * What a flow is, read from the start of its first part: the type (the two
 * official flows share one namespace, so the record element decides between
 * them, and the flow's name when it has no record) and the flow's name.
 */
import { NAMESPACE_INPS, NAMESPACE_SIP, type TipoFlusso } from '@casellario/flussi-formato';

/** A type read from the content, with the evidence, said to the operator. */
export interface TipoRilevato {
  tipo: TipoFlusso;
  /** Italian: what it was read from («elementi Beneficiario nel namespace …»). */
  indizio: string;
}

const RADICE = /<(?:([A-Za-z_][\w.-]*):)?Flusso(?=[\s/>])([^>]*)>/;
const SIGLA_NOME: Record<string, TipoFlusso> = { PS: 'PS_PSA_SINA', SINBA: 'SINBA', SIP: 'SIP' };

/**
 * The flow type of a document, from its root namespace and first record
 * element, or from the `TIPO` part of its name (`{Ente}.{PS|SINBA|SIP}.…`) when
 * it has no record. `null` when none of these tells: the caller asks for --tipo.
 */
export function rilevaTipo(inizio: string): TipoRilevato | null {
  const radice = RADICE.exec(inizio);
  const namespace = radice ? namespaceDi(radice[2] ?? '', radice[1]) : undefined;
  if (namespace === NAMESPACE_SIP) return { tipo: 'SIP', indizio: `namespace ${NAMESPACE_SIP}` };
  if (namespace === NAMESPACE_INPS) {
    const record = /<(?:[A-Za-z_][\w.-]*:)?(Beneficiario|SINBA)(?=[\s/>])/.exec(inizio)?.[1];
    if (record === 'Beneficiario') return { tipo: 'PS_PSA_SINA', indizio: `elementi Beneficiario nel namespace ${NAMESPACE_INPS}` };
    if (record === 'SINBA') return { tipo: 'SINBA', indizio: `elementi SINBA nel namespace ${NAMESPACE_INPS}` };
  }
  const sigla = /^[^.]+\.(PS|SINBA|SIP)\.\d{8}\./.exec(nomeDichiarato(inizio) ?? '')?.[1];
  if (sigla) return { tipo: SIGLA_NOME[sigla]!, indizio: `il nome del flusso (${sigla})` };
  return null;
}

/** `IdentificazioneFlusso@Nome` as written in the document, if it is there. */
export function nomeDichiarato(inizio: string): string | undefined {
  const m = /<(?:[A-Za-z_][\w.-]*:)?IdentificazioneFlusso(?=[\s/>])[^>]*?\sNome\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(inizio);
  const nome = m?.[1] ?? m?.[2];
  return nome?.trim() || undefined;
}

function namespaceDi(attributi: string, prefisso: string | undefined): string | undefined {
  const nomeAttributo = prefisso ? `xmlns:${prefisso}` : 'xmlns';
  const re = new RegExp(`\\s${nomeAttributo.replace('.', '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(` ${attributi}`);
  return m?.[1] ?? m?.[2];
}
