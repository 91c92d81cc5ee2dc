import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Core-seconds the whole machine has been busy (Linux `/proc/stat`), or null elsewhere. */
function machineBusy(): number | null {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
    // cpu user nice system idle iowait irq softirq steal …, in USER_HZ (1/100 s).
    const [user, nice, system, , , irq, softirq, steal] = line!.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** Wall-clock seconds. */
  wall: number;
  /** Core-seconds this process used (every thread: the platform and its validation workers). */
  process: number;
  /** Core-seconds the rest of the machine used meanwhile: PostgreSQL, on a machine doing nothing else. Null off Linux. */
  others: number | null;
  /** Cores of the machine. */
  cores: number;
}

/**
 * Starts counting CPU: where the time of a run went, this process against the
 * rest of the machine. On the benchmark machine the rest is PostgreSQL, which
 * bounds what any client-side optimisation can reach.
 */
export function startCpu(): () => CpuUse {
  const wall0 = performance.now();
  const process0 = process.cpuUsage();
  const machine0 = machineBusy();
  return () => {
    const p = process.cpuUsage(process0);
    const own = (p.user + p.system) / 1e6;
    const machine1 = machineBusy();
    return {
      wall: (performance.now() - wall0) / 1000,
      process: own,
      others: machine0 === null || machine1 === null ? null : Math.max(0, machine1 - machine0 - own),
      cores: cpus().length,
    };
  };
}
