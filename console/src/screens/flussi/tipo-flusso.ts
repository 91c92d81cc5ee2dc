/** The flow types `inviaFlusso` accepts. */
export type TipoFlusso = 'PS_PSA_SINA' | 'SINBA' | 'SIP';

export const TIPI_FLUSSO: TipoFlusso[] = ['PS_PSA_SINA', 'SINBA', 'SIP'];

const NAMESPACE_SIP = 'http://casellario.local/SIP';

/**
 * The type of a flow read from its text, by the same clues as the command-line
 * importer (platform/flussi-cli/src/rileva-tipo.ts): the SIP namespace, then the
 * first record element of the INPS namespace, then the `TIPO` part of the flow's
 * name. Null when none tells: the operator chooses.
 */
export function rilevaTipoFlusso(xml: string): TipoFlusso | null {
  const inizio = xml.slice(0, 64 * 1024);
  if (inizio.includes(NAMESPACE_SIP)) return 'SIP';
  const record = /<(?:[A-Za-z_][\w.-]*:)?(Beneficiario|SINBA)(?=[\s/>])/.exec(inizio)?.[1];
  if (record === 'Beneficiario') return 'PS_PSA_SINA';
  if (record === 'SINBA') return 'SINBA';
  const sigla = /IdentificazioneFlusso[^>]*\sNome\s*=\s*["'][^."']+\.(PS|SINBA|SIP)\.\d{8}\./.exec(inizio)?.[1];
  return sigla === 'PS' ? 'PS_PSA_SINA' : sigla === 'SINBA' || sigla === 'SIP' ? sigla : null;
}
