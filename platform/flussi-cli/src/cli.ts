/**
 * The command as a function: arguments and streams in, exit code out. main.ts
 * only wires it to the process, so that everything else can be called and
 * tested without spawning one.
 */
import { leggiArgomenti, suggerimentoAiuto } from './argomenti';
import type { Ambiente } from './avanzamento';
import { ErroreUso } from './errori';
import { comandoInvia } from './invia';
import { comandoEsiti, comandoStato } from './leggi';

/** Exit codes (documented in the help). */
export const USCITA = { ok: 0, fallito: 1, uso: 2 } as const;

/**
 * Runs `flusso <comando> …`. Resolves with the exit code: 0 done, 1 something
 * was refused or the gateway failed, 2 usage error (message and help hint on
 * stderr). Never throws for an expected failure.
 */
export async function eseguiCli(argv: readonly string[], ambiente: Ambiente, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  try {
    const comando = leggiArgomenti(argv, env);
    switch (comando.comando) {
      case 'aiuto':
        ambiente.stdout.write(comando.testo);
        return argv.length === 0 ? USCITA.uso : USCITA.ok;
      case 'invia':
        return await comandoInvia(comando.opzioni, ambiente);
      case 'stato':
        return await comandoStato(comando.opzioni, ambiente);
      case 'esiti':
        return await comandoEsiti(comando.opzioni, ambiente);
    }
  } catch (e) {
    if (e instanceof ErroreUso) {
      ambiente.stderr.write(`${e.message}\n${suggerimentoAiuto(argv)}\n`);
      return USCITA.uso;
    }
    throw e;
  }
}
