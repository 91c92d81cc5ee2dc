import { describe, expect, it } from 'vitest';
import { statoCaso, type TappeCaso } from './stato-caso';

const NESSUNA: TappeCaso = { analisiPreliminare: false, quadroAnalisi: false, progetto: false, incontri: 0, dataChiusura: null };

describe('statoCaso', () => {
  it('walks the stages in order', () => {
    expect(statoCaso(NESSUNA)).toBe('ASSEGNATO');
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true })).toBe('ANALISI_PRELIMINARE');
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, quadroAnalisi: true })).toBe('QUADRO_ANALISI');
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, quadroAnalisi: true, progetto: true })).toBe('PROGETTO');
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, quadroAnalisi: true, progetto: true, incontri: 2 })).toBe('MONITORAGGIO');
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, progetto: true, incontri: 2, dataChiusura: '2025-01-31' })).toBe('CHIUSO');
  });

  it('goes from analisi to patto semplificato without a quadro', () => {
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, progetto: true })).toBe('PROGETTO');
  });

  it('closes a case at any stage, even before the analisi', () => {
    expect(statoCaso({ ...NESSUNA, dataChiusura: '2024-05-01' })).toBe('CHIUSO');
  });

  it('needs a project for monitoring: meetings alone do not make it', () => {
    expect(statoCaso({ ...NESSUNA, analisiPreliminare: true, incontri: 1 })).toBe('ANALISI_PRELIMINARE');
  });
});
