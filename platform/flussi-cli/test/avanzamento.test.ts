import { describe, expect, it } from 'vitest';
import { creaAvanzamento } from '../src/avanzamento';

/** A stream that records what is written; `isTTY` decides which display is used. */
function uscita(isTTY: boolean) {
  const scritto: string[] = [];
  return { isTTY, columns: 160, scritto, write: (t: string) => (scritto.push(t), true) };
}

describe('progress', () => {
  it('off a terminal, writes one plain line per noted event and nothing for bare moves', () => {
    const out = uscita(false);
    const a = creaAvanzamento(out, { etichetta: 'f.xml · invio', totale: 12000, unita: 'record' });

    a.avanza(5000, 'parte 1/3 ricevuta');
    a.avanza(7000);
    a.avanza(12000, 'parte 3/3 ricevuta');
    a.chiudi();

    expect(out.scritto.join('')).toBe('f.xml · invio: parte 1/3 ricevuta (5.000/12.000 record)\nf.xml · invio: parte 3/3 ricevuta (12.000/12.000 record)\n');
  });

  it('off a terminal, with decimi, writes at most one line per tenth of the way', () => {
    const out = uscita(false);
    const a = creaAvanzamento(out, { etichetta: 'esiti', totale: 1000, unita: 'esiti', decimi: true });

    for (let letti = 50; letti <= 1000; letti += 50) a.avanza(letti);
    a.chiudi('fine');

    const righe = out.scritto.join('').trimEnd().split('\n');
    expect(righe).toEqual([...Array.from({ length: 9 }, (_, i) => `esiti: ${(i + 1) * 10}% (${(i + 1) * 100}/1.000 esiti)`), 'esiti: fine (1.000/1.000 esiti)']);
  });

  it('on a terminal, draws a bar with the count and the note, and gives the cursor back when closed', () => {
    const out = uscita(true);
    const a = creaAvanzamento(out, { etichetta: 'f.xml · invio', totale: 100, unita: 'record' });

    a.avanza(40, 'parte 2/5 ricevuta');
    a.chiudi();

    const testo = out.scritto.join('');
    expect(testo).toContain('f.xml · invio |');
    expect(testo).toContain(' 40% · 40/100 record');
    expect(testo).toContain('· parte 2/5 ricevuta');
    expect(testo).toContain('\u001b[?25l');
    expect(testo.lastIndexOf('\u001b[?25h')).toBeGreaterThan(testo.lastIndexOf('\u001b[?25l'));
  });
});
