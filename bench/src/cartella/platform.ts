import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts the platform in a child process. The platform (gateway and eight
 * subgraphs) is one Node process, so one event loop: were autocannon in that
 * process, building requests and parsing responses would take event-loop time
 * from the gateway and inflate its latency. In a child, the load generator and
 * the platform are separate processes the kernel schedules on the two cores
 * (which they still share with PostgreSQL: the CPU columns say how).
 */
export interface PlatformProcess {
  pid: number;
  gateway: string;
  subgraphs: Record<string, string>;
  stop(): Promise<void>;
  /** With BENCH_PROFILO=<dir>: profiles the platform process while `during` runs, into <dir>/<nome>.cpuprofile. */
  profile<T>(nome: string, during: () => Promise<T>): Promise<T>;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('./platform-child.ts', import.meta.url));

export async function startPlatformProcess(databaseUrl: string, options: { senzaPolitiche: boolean }): Promise<PlatformProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CASELLARIO_BENCH_DB: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The load generator plays many clients with one token per ente (up to 50 connections):
    // the gateway's per-operator limit on requests in flight would measure refusals instead.
    GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE: process.env.GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE ?? '1000',
  };
  if (options.senzaPolitiche) env.CASELLARIO_BENCH_SENZA_POLITICHE = '1';
  else delete env.CASELLARIO_BENCH_SENZA_POLITICHE;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const urls = await new Promise<{ gateway: string; subgraphs: Record<string, string> }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { gateway: string; subgraphs: Record<string, string> }));
    child.once('exit', (code) => reject(new Error(`platform process exited with code ${code} before it was ready`)));
    child.once('error', reject);
  });
  const reply = (kind: string) =>
    new Promise<void>((resolve) => {
      const on = (m: { profilo?: string }) => {
        if (m.profilo !== kind) return;
        child.off('message', on);
        resolve();
      };
      child.on('message', on);
    });
  return {
    pid: child.pid!,
    ...urls,
    profile: async (nome, during) => {
      if (!process.env.BENCH_PROFILO) return during();
      const started = reply('avviato');
      child.send({ profilo: 'inizio' });
      await started;
      try {
        return await during();
      } finally {
        const written = reply('scritto');
        child.send({ profilo: 'fine', nome: nome.replace(/[^a-z0-9-]+/gi, '-') });
        await written;
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
