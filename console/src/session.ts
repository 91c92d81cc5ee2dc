/** The purposes of access (DESIGN §2), as the token carries them. */
export type Ruolo = 'gestione' | 'controllo' | 'programmazione' | 'monitoraggio' | 'audit';

/** Who is signed in, read from the token's claims, and the case reference a control body works under. */
export interface Sessione {
  token: string;
  ruolo: Ruolo;
  ente: string;
  territorio: string | null;
  operatore: string;
  scadenza: number;
  /** `x-riferimento`: required for controllo, sent on every request. */
  riferimento: string | null;
}

const RUOLI: readonly Ruolo[] = ['gestione', 'controllo', 'programmazione', 'monitoraggio', 'audit'];

/** The pattern the platform accepts for `x-riferimento` (policies/src/token/verify.ts). */
export const RIFERIMENTO_PATTERN = '[A-Za-z0-9][A-Za-z0-9._/:\\-]{0,63}';
const RIFERIMENTO = new RegExp(`^${RIFERIMENTO_PATTERN}$`);

/** Whether a case reference has the shape the platform accepts. */
export function riferimentoValido(value: string): boolean {
  return RIFERIMENTO.test(value);
}

/**
 * Reads the claims of a token to choose the screens. Nothing is verified here —
 * the gateway and every subgraph verify the token on each request — so a forged
 * claim only changes which screens show, never what data comes back.
 */
export function leggiToken(token: string): Omit<Sessione, 'riferimento'> | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    if (!RUOLI.includes(claims.ruolo as Ruolo) || typeof claims.ente !== 'string' || typeof claims.exp !== 'number') return null;
    return {
      token: token.trim(),
      ruolo: claims.ruolo as Ruolo,
      ente: claims.ente,
      territorio: typeof claims.territorio === 'string' ? claims.territorio : null,
      operatore: typeof claims.sub === 'string' ? claims.sub : '',
      scadenza: claims.exp,
    };
  } catch {
    return null;
  }
}

const STORAGE_KEY = 'casellario.sessione';

/** The session of this tab: kept in sessionStorage, so it ends with the tab and is never shared. */
export function sessioneSalvata(): Sessione | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Sessione | null;
    return saved && saved.scadenza * 1000 > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

export function salvaSessione(sessione: Sessione | null): void {
  if (sessione) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(sessione));
  else sessionStorage.removeItem(STORAGE_KEY);
}
