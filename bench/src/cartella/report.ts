import { n } from './config';
import type { Figure } from './figure';

/** One line of the final table: a figure, the floor it is compared with, and the target if any. */
export interface Row {
  figure: Figure;
  /** The floor and its short name, for the ratio column. */
  floor?: { figure: Figure; name: string };
  /** A target of the issue (met or missed), or a note (`met` undefined). */
  target?: { text: string; met?: boolean };
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '–');
const c2 = (v: number) => v.toFixed(2);

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['scenario', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'ratio to floor', 'errors', 'CPU ms/req plat|PG', 'cores plat|bench|PG|other', 'target (issue 6) / note'];
  const lines = rows.map((r) => {
    const f = r.figure;
    const ratio = r.floor ? `${(f.reqPerSec / r.floor.figure.reqPerSec).toFixed(2)}× ${r.floor.name}` : '(floor)';
    const perReq = f.cpu && f.reqPerSec > 0 ? `${ms((1000 * f.cpu.platform) / f.reqPerSec)} | ${ms((1000 * f.cpu.postgres) / f.reqPerSec)}` : '';
    const cores = f.cpu ? `${c2(f.cpu.platform)}|${c2(f.cpu.bench)}|${c2(f.cpu.postgres)}|${c2(f.cpu.other)}` : '';
    const target = r.target ? `${r.target.text}${r.target.met === undefined ? '' : r.target.met ? '  MET' : '  MISSED'}` : '';
    return [f.scenario, String(f.connections), n(f.reqPerSec), ms(f.p50), ms(f.p99), ratio, n(f.errors), perReq, cores, target];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const right = new Set([1, 2, 3, 4, 6, 7]);
  const fmt = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
