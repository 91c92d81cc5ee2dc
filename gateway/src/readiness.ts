/**
 * Ready when every subgraph answers its own readiness probe (which checks its
 * database). The result is kept for a few seconds so that a probing load
 * balancer does not multiply into subgraph traffic.
 */
export function createReadiness(urls: () => string[], { ttlMs = 2000, timeoutMs = 1500 } = {}) {
  let cached: { at: number; ok: boolean } | null = null;
  return async (): Promise<boolean> => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.ok;
    const targets = urls();
    const results = await Promise.all(
      targets.map(async (url) => {
        try {
          const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
          return response.ok;
        } catch {
          return false;
        }
      }),
    );
    const ok = targets.length > 0 && results.every(Boolean);
    cached = { at: Date.now(), ok };
    return ok;
  };
}
