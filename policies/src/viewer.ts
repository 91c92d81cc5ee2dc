import type { Ruolo } from './ruoli';

/**
 * The scope a token grants for territorial purposes: the whole country, one region
 * (ISTAT 2-digit code) or one comune (ISTAT 6-digit code).
 */
export type Territorio =
  | { livello: 'nazionale' }
  | { livello: 'regione'; codiceRegione: string }
  | { livello: 'comune'; codiceComune: string };

/** Who is asking, as verified from the token; built once per request. */
export interface Viewer {
  /** The operator or system account (`sub`). */
  sub: string;
  ruolo: Ruolo;
  /** The body the operator acts for (`ente`), e.g. a Belfiore code, `INPS`, `AGE`, `R12`. */
  ente: string;
  territorio: Territorio;
  /** Case reference sent by control bodies in `x-riferimento`, if any. */
  riferimento: string | null;
}

/** Parses the `territorio` claim: `IT`, a 2-digit region or a 6-digit comune. */
export function parseTerritorio(value: unknown): Territorio | null {
  if (value === 'IT') return { livello: 'nazionale' };
  if (typeof value !== 'string') return null;
  if (/^\d{2}$/.test(value)) return { livello: 'regione', codiceRegione: value };
  if (/^\d{6}$/.test(value)) return { livello: 'comune', codiceComune: value };
  return null;
}

/** The claim value a territorio was parsed from (for logs and dev tokens). */
export function formatTerritorio(t: Territorio): string {
  switch (t.livello) {
    case 'nazionale':
      return 'IT';
    case 'regione':
      return t.codiceRegione;
    case 'comune':
      return t.codiceComune;
  }
}
