import { buildCodiceFiscale, omocodeVariant } from '@casellario/domain';
import { describe, expect, it } from 'vitest';
import { anagraficaMostrata, discrepanze, type Dichiarazione } from './anagrafica-mostrata';

// A woman born in 1985 in Milano (F205): what her codice fiscale encodes.
const CF = buildCodiceFiscale({ cognome: 'Bianchi', nome: 'Anna', annoNascita: 1985, mese: 3, giorno: 10, genere: '2', belfiore: 'F205' });

function claim(over: Partial<Dichiarazione>): Dichiarazione {
  return {
    ente: 'F205',
    flusso: 'F205.PS.20250101.0000001',
    record: 1,
    ricevutoIl: new Date('2025-01-01T10:00:00Z'),
    versione: 1,
    cognome: 'BIANCHI',
    nome: 'ANNA',
    annoNascita: 1985,
    luogoNascita: 'F205',
    genere: '2',
    codiceCittadinanza: '380',
    codiceSecondaCittadinanza: null,
    indirizzi: [{ codiceComune: '015146', codiceRegione: '03', codiceNazione: '380' }],
    ...over,
  };
}

const MILANO = claim({});
// Roma's rewrite of issue 13: another name, and year, sex and birthplace against the code.
const ROMA = claim({
  ente: 'H501',
  flusso: 'H501.PS.20250201.0000001',
  record: 1,
  ricevutoIl: new Date('2025-02-01T10:00:00Z'),
  versione: 2,
  cognome: 'PLUTO',
  nome: 'PIPPO',
  annoNascita: 1990,
  genere: '1',
  luogoNascita: 'H501',
  indirizzi: [{ codiceComune: '058091', codiceRegione: '12', codiceNazione: '380' }],
});

describe('which value of a person is shown', () => {
  it("shows the titolare's claim to everyone but another claiming ente, whatever that ente sent later", () => {
    const m = anagraficaMostrata(CF, [MILANO, ROMA], 'F205')!;
    expect([m.cognome, m.nome, m.annoNascita, m.genere, m.luogoNascita, m.indirizzi[0]?.codiceComune]).toEqual(['BIANCHI', 'ANNA', 1985, '2', 'F205', '015146']);
    expect(m.provenienza.cognome).toEqual({ fonte: 'FLUSSO', ente: 'F205', flusso: 'F205.PS.20250101.0000001', record: 1, ricevutoIl: MILANO.ricevutoIl });
    // AGE (no claim of its own) sees the same.
    expect(anagraficaMostrata(CF, [MILANO, ROMA], 'F205', 'AGE')!.cognome).toBe('BIANCHI');
  });

  it("shows an ente its own claim, but never the encoded facts where that claim contradicts the codice fiscale", () => {
    const m = anagraficaMostrata(CF, [MILANO, ROMA], 'F205', 'H501')!;
    expect([m.cognome, m.nome, m.indirizzi[0]?.codiceComune]).toEqual(['PLUTO', 'PIPPO', '058091']);
    expect([m.annoNascita, m.genere, m.luogoNascita]).toEqual([1985, '2', 'F205']);
    expect(m.provenienza.annoNascita.ente).toBe('F205');
    expect(m.provenienza.nome.ente).toBe('H501');
  });

  it('lists the other claims that differ, with provenance, and marks the ones the code contradicts', () => {
    const m = anagraficaMostrata(CF, [MILANO, ROMA], 'F205')!;
    const d = discrepanze(CF, m, [MILANO, ROMA]);
    expect(d.map((x) => [x.campo, x.valore, x.ente, x.contraddiceCodiceFiscale])).toEqual([
      ['cognome', 'PLUTO', 'H501', false],
      ['nome', 'PIPPO', 'H501', false],
      ['annoNascita', '1990', 'H501', true],
      ['luogoNascita', 'H501', 'H501', true],
      ['genere', '1', 'H501', true],
      ['residenza.codiceComune', '058091', 'H501', false],
      ['residenza.codiceRegione', '12', 'H501', false],
    ]);
    expect(d[0]).toMatchObject({ flusso: 'H501.PS.20250201.0000001', record: 1, ricevutoIl: ROMA.ricevutoIl });
  });

  it('takes encoded facts from the code itself when every claim contradicts it, the year nearest the claimed one', () => {
    const m = anagraficaMostrata(CF, [ROMA], 'H501', 'H501')!;
    expect([m.annoNascita, m.genere, m.luogoNascita]).toEqual([1985, '2', 'F205']);
    expect(m.provenienza.genere.fonte).toBe('CODICE_FISCALE');
    expect(m.provenienza.cognome.ente).toBe('H501');
    // 2003 claimed against a code saying "85": 1985 (2085 is in the future).
    expect(anagraficaMostrata(CF, [claim({ annoNascita: 2003 })], 'F205', null, 2026)!.annoNascita).toBe(1985);
  });

  it('reads the facts through omocode letters, and checks nothing on an 11-digit temporary code', () => {
    const omocode = omocodeVariant(CF, 7);
    expect(anagraficaMostrata(omocode, [claim({ genere: '1' })], 'F205')!.genere).toBe('2');
    expect(anagraficaMostrata(omocode, [MILANO], 'F205')!.provenienza.annoNascita.fonte).toBe('FLUSSO');
    const temporaneo = anagraficaMostrata('12345678903', [ROMA], 'H501')!;
    expect([temporaneo.annoNascita, temporaneo.genere, temporaneo.luogoNascita]).toEqual([1990, '1', 'H501']);
  });

  it('keeps the claim of unknown provenance of a migrated person as the one shown', () => {
    const migrata = claim({ ente: null, flusso: null, record: null, ricevutoIl: null, versione: 0 });
    const m = anagraficaMostrata(CF, [migrata, ROMA], null)!;
    expect(m.cognome).toBe('BIANCHI');
    expect(m.provenienza.cognome).toEqual({ fonte: 'SCONOSCIUTA', ente: null, flusso: null, record: null, ricevutoIl: null });
  });
});
