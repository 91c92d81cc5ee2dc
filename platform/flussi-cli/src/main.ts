/**
 * `flusso`: the only file with side effects. Invoked from the project root as
 * `npx pnpm --silent run flusso <comando> …` (root script
 * `tsx platform/flussi-cli/src/main.ts`).
 */
import { eseguiCli } from './cli';

process.once('SIGINT', () => {
  // A bar hides the cursor and turns line wrapping off: give the terminal back as it was.
  if (process.stdout.isTTY) process.stdout.write('\u001b[?25h\u001b[?7h\n');
  process.stderr.write(
    "Interrotto. Se era in corso un invio, le parti già ricevute dal registro restano registrate: rilanciando lo stesso comando si completa l'invio senza registrarle due volte.\n",
  );
  process.exit(130);
});

try {
  process.exitCode = await eseguiCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, process.env);
} catch (e) {
  // A bug, not an operator's mistake: say so with the stack, for a report.
  process.stderr.write(`Errore interno di flusso, da segnalare: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
}
