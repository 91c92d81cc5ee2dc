import { describe, expect, it } from 'vitest';
import { rilevaTipoFlusso } from './tipo-flusso';

describe('flow type from content', () => {
  it('reads the SIP namespace, the INPS record element, then the name, as the command-line importer does', () => {
    expect(rilevaTipoFlusso('<Flusso xmlns="http://casellario.local/SIP"><IdentificazioneFlusso Nome="F839.SIP.20250310.0000001"/></Flusso>')).toBe('SIP');
    expect(rilevaTipoFlusso('<Flusso xmlns="http://inps.it/Casellario"><Beneficiario CodiceFiscale="X"/></Flusso>')).toBe('PS_PSA_SINA');
    expect(rilevaTipoFlusso('<Flusso xmlns="http://inps.it/Casellario"><SINBA/></Flusso>')).toBe('SINBA');
    expect(rilevaTipoFlusso('<Flusso xmlns="http://inps.it/Casellario"><IdentificazioneFlusso Nome="H501.SINBA.20210520.00000004"></IdentificazioneFlusso></Flusso>')).toBe('SINBA');
    expect(rilevaTipoFlusso('<Flusso xmlns="http://inps.it/Casellario"><IdentificazioneFlusso Nome="H501.PS.20210520.0000002"></IdentificazioneFlusso></Flusso>')).toBe('PS_PSA_SINA');
    expect(rilevaTipoFlusso('<qualcosa/>')).toBeNull();
  });
});
