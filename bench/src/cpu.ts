import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the CPU went during a measurement, from /proc: the platform's process (and its children),
 * this process (autocannon or the SQL workers), the PostgreSQL backends serving
 * the bench database, and everything else on the machine (PostgreSQL's own
 * background processes, other work competing for the cores). In cores:
 * 1.0 is one core busy for the whole measurement.
 */
export interface CpuSample {
  at: number;
  machineBusy: number;
  platform: number;
  self: number;
  /** Per backend of the bench database: a backend that exits during the measurement is not counted (its last ticks are unknown). */
  postgres: Map<string, number>;
}

export interface CpuUse {
  /** Seconds the measurement lasted; the other fields are in cores (core-seconds ÷ these seconds). */
  wall: number;
  platform: number;
  bench: number;
  postgres: number;
  other: number;
}

const TICK = 100; // USER_HZ on Linux

function machineBusyTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return user + nice + system + irq + softirq + steal;
}

/** utime + stime of a process, its parent and its command name. */
function processStat(pid: number | string): { ticks: number; ppid: number; comm: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]), comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) };
  } catch {
    return null;
  }
}

/** CPU ticks of a process and every process below it (a platform in server mode is a tree). */
function treeTicks(root: number): number {
  const stats = new Map<number, { ticks: number; ppid: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(entry);
    if (stat) stats.set(Number(entry), stat);
  }
  let ticks = 0;
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === root) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks;
}

/** CPU ticks of each PostgreSQL backend serving `database` (its command line names the database). */
function postgresTicks(database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(entry);
    if (stat?.comm !== 'postgres') continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (title.includes(` ${database} `)) ticks.set(entry, stat.ticks);
    } catch {
      // exited meanwhile
    }
  }
  return ticks;
}

/** The database whose backends count as "PostgreSQL" (the bench database); set once by main. */
let benchDatabase = '';
export function setBenchDatabase(name: string): void {
  benchDatabase = name;
}

export function sampleCpu(platformPid?: number): CpuSample {
  return {
    at: performance.now(),
    machineBusy: machineBusyTicks(),
    platform: platformPid ? treeTicks(platformPid) : 0,
    self: processStat(process.pid)?.ticks ?? 0,
    postgres: postgresTicks(benchDatabase),
  };
}

export function cpuSince(start: CpuSample, platformPid?: number): CpuUse {
  const end = sampleCpu(platformPid);
  const wall = (end.at - start.at) / 1000;
  const cores = (ticks: number) => ticks / TICK / wall;
  const platform = cores(end.platform - start.platform);
  const bench = cores(end.self - start.self);
  let pgTicks = 0;
  for (const [pid, ticks] of end.postgres) pgTicks += ticks - (start.postgres.get(pid) ?? 0);
  const pg = cores(pgTicks);
  return { wall, platform, bench, postgres: pg, other: Math.max(0, cores(end.machineBusy - start.machineBusy) - platform - bench - pg) };
}
