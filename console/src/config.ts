/** What the console learns at start from `config.json`, beside its files. */
export interface RuntimeConfig {
  /** The gateway's GraphQL endpoint: the only API the console talks to. */
  gatewayUrl: string;
  /** The development token route; null outside development mode. */
  tokenSviluppoUrl: string | null;
}

/**
 * Reads the runtime configuration. The embedded platform answers it itself; a
 * static deployment ships the one the build wrote. Without one, the API is
 * assumed at the same origin, which is how the platform serves the console.
 */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const raw = (await response.json()) as Partial<RuntimeConfig>;
    return {
      gatewayUrl: typeof raw.gatewayUrl === 'string' && raw.gatewayUrl ? raw.gatewayUrl : '/graphql',
      tokenSviluppoUrl: typeof raw.tokenSviluppoUrl === 'string' && raw.tokenSviluppoUrl ? raw.tokenSviluppoUrl : null,
    };
  } catch {
    return { gatewayUrl: '/graphql', tokenSviluppoUrl: null };
  }
}
