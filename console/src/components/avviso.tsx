import type { ComponentChildren } from 'preact';

/**
 * A message for the operator. Errors use role="alert" so screen readers announce
 * them at once; other news is polite and waits its turn.
 */
export function Avviso({ tipo, children }: { tipo: 'errore' | 'info' | 'successo'; children: ComponentChildren }) {
  return (
    <div class={`avviso avviso-${tipo}`} role={tipo === 'errore' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
