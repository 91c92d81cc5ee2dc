import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { freePortRun } from '@casellario/kit/testing';
import { startPlatformProcess } from '../cartella/platform';

/** A platform the ingest bench sends to: where its gateway listens, and the process tree to count CPU for. */
export interface Topology {
  gateway: string;
  pid: number;
  stop(): Promise<void>;
  /** With BENCH_PROFILO=<dir>, a V8 CPU profile of the platform while `during` runs (one process only). */
  profile?<T>(nome: string, during: () => Promise<T>): Promise<T>;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** As `npm start` runs it: the gateway and every subgraph in one process, one event loop. */
export async function oneProcess(databaseUrl: string): Promise<Topology> {
  const p = await startPlatformProcess(databaseUrl, { senzaPolitiche: false });
  return { gateway: p.gateway, pid: p.pid, stop: () => p.stop(), profile: (nome, during) => p.profile(nome, during) };
}

/**
 * As deployed (`npm run start:server`): the gateway and each subgraph a process
 * of its own, which the kernel schedules on every core.
 */
export async function processPerService(databaseUrl: string): Promise<Topology> {
  const base = await freePortRun(SUBGRAPH_MODULES.length + 1);
  const port = base + SUBGRAPH_MODULES.length;
  const child = spawn(process.execPath, ['--import', 'tsx', 'platform/embedded/src/server-mode.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SUBGRAPH_PORT_BASE: String(base), PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const gateway = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server mode exited with ${child.exitCode}`);
    if (await fetch(`${gateway}/health/ready`).then((r) => r.ok, () => false)) break;
    if (i > 240) throw new Error('server mode never became ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    gateway: `${gateway}/graphql`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
