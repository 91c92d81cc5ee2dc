import autocannon from 'autocannon';
import { cpuSince, sampleCpu, type CpuSample } from '../cpu';
import { percentile, type Figure } from './figure';
import type { PlatformProcess } from './platform';

/** One HTTP scenario: where to post, and how to build each request (a different person each time). */
export interface HttpScenario {
  scenario: string;
  url: string;
  /** Headers and body of the next request; called once per request. */
  next: () => { headers: Record<string, string>; body: string };
  /** Whether a response body is a success (data, no GraphQL error). */
  ok: (body: string) => boolean;
}

/**
 * Runs a scenario with autocannon (programmatic API) for `riscaldamento + durata`
 * seconds on the same connections, and keeps only what completes in the last
 * `durata` seconds: the warm-up fills the caches, the pools and the pipeline, so
 * that the measured window is steady state (a separate warm-up run would start the
 * window with every connection's first request in flight). Every request is built
 * by `setupRequest`, so that it reads another person's cartella; responses that are
 * not a success (`verifyBody`) or not 2xx count as errors.
 */
export async function cannon(
  s: HttpScenario,
  options: { connections: number; durata: number; riscaldamento: number; platform: PlatformProcess },
): Promise<Figure> {
  const latencies: number[] = [];
  let measuring = false;
  let errors = 0;
  let cpu: CpuSample | undefined;
  let windowStart = 0;
  const pid = options.platform.pid;
  let profiled: Promise<unknown> = Promise.resolve();
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: s.url,
      connections: options.connections,
      duration: options.riscaldamento + options.durata,
      method: 'POST',
      verifyBody: (body) => {
        const ok = s.ok(String(body ?? ''));
        if (!ok && measuring) errors++;
        return ok;
      },
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const { headers, body } = s.next();
            return { ...request, method: 'POST', headers, body };
          },
        },
      ],
    },
    (error) => (error ? fail(error) : finish()),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (!measuring) return;
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) errors++;
  });
  instance.on('reqError', () => {
    if (measuring) errors++;
  });
  const window = new Promise<void>((resolve) =>
    setTimeout(() => {
      measuring = true;
      windowStart = performance.now();
      cpu = sampleCpu(pid);
      // The profile (BENCH_PROFILO) covers the measured window.
      profiled = options.platform.profile(`${s.scenario}-${options.connections}`, () => finished);
      resolve();
    }, options.riscaldamento * 1000),
  );
  await window;
  await finished;
  measuring = false;
  const elapsed = (performance.now() - windowStart) / 1000;
  const usage = cpuSince(cpu!, pid);
  await profiled;
  latencies.sort((a, b) => a - b);
  return {
    scenario: s.scenario,
    connections: options.connections,
    reqPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    cpu: usage,
  };
}
