/**
 * The help, in Italian: one page for the command and one per subcommand, each
 * with examples that can be pasted as they are.
 */

/** How the command is invoked from the project folder (the root script `flusso`). */
export const INVOCAZIONE = 'npx pnpm --silent run flusso';

const OPZIONI_COMUNI = `Opzioni comuni:
  --url <indirizzo>      il gateway GraphQL (predefinito: la variabile CASELLARIO_URL,
                         altrimenti http://127.0.0.1:4000/graphql)
  --token <jwt>          il token dell'operatore di gestione (predefinito: la variabile
                         CASELLARIO_TOKEN, da preferire: sulla riga di comando il token
                         resta nella cronologia e nell'elenco dei processi)
  --tentativi <n>        tentativi per ogni richiesta quando il gateway non risponde o
                         risponde con un errore temporaneo (rete, HTTP 5xx); tra un
                         tentativo e l'altro l'attesa raddoppia da 1 s (predefinito 5)
  -h, --help             questo aiuto`;

const TOKEN = `Il token si ottiene, in sviluppo, con:
  export CASELLARIO_TOKEN=$(npx pnpm --silent run token --ruolo gestione --ente H501)`;

/** The general page: commands, common options, exit codes, examples. */
export function aiutoGenerale(): string {
  return `flusso: invia i flussi al Casellario dell'assistenza e ne legge gli esiti.

Uso (dalla cartella del progetto):
  ${INVOCAZIONE} <comando> [opzioni]

Comandi:
  invia <file...>        divide ogni file in parti, le invia al registro, riassume gli esiti
  stato <nome>           lo stato di un flusso inviato: riepilogo, consegna, segnalazioni
  esiti <nome>           gli esiti dei record di un flusso, a video o in CSV
  aiuto [comando]        questo aiuto, o quello di un comando (anche: <comando> --help)

${OPZIONI_COMUNI}

Codici di uscita:
  0  tutto inviato o letto (anche se il registro ha rifiutato dei record: sono nell'esito)
  1  un file rifiutato, un invio non applicato (stesso nome, contenuto diverso),
     il gateway irraggiungibile o in errore, un flusso non trovato
  2  uso errato: comando o opzione sconosciuti, valore non valido, token mancante

${TOKEN}

Esempi:
  ${INVOCAZIONE} invia H501.PS.20250601.0000001.xml
  ${INVOCAZIONE} invia flussi/*.xml --esiti esiti.csv --attendi-consegna
  ${INVOCAZIONE} stato H501.PS.20250601.0000001
  ${INVOCAZIONE} esiti H501.PS.20250601.0000001 --rifiutati
`;
}

/** `flusso invia --help`. */
export function aiutoInvia(): string {
  return `flusso invia: invia uno o più file di flusso al registro.

Uso:
  ${INVOCAZIONE} invia <file...> [opzioni]

Ogni file viene letto due volte, senza mai tenerlo tutto in memoria: la prima per
contarne le parti e controllare che sia un flusso, la seconda per inviarle, una
dopo l'altra, con inviaFlusso. Ogni parte è un documento completo con la stessa
IdentificazioneFlusso; il registro ricompone il flusso e numera i record su tutto
il file. Una parte che non ha avuto risposta (rete, HTTP 5xx) viene ritentata;
una che ha avuto risposta non viene mai rinviata. Rilanciare lo stesso comando
è sicuro: il registro riconosce le parti già ricevute e non le registra due volte.

Opzioni:
  --tipo <tipo>          PS_PSA_SINA, SINBA o SIP; se manca, si riconosce dal contenuto
                         (namespace dell'elemento radice, elementi dei record, nome)
  --record-per-parte <n> record al più in ogni parte (prestazioni per PS_PSA_SINA, casi
                         per SINBA e SIP; un Beneficiario non si divide mai) (predefinito 5000)
  --esiti <file.csv>     scrive l'esito di ogni record: flusso, numero, parte, riga, stato,
                         riferimento, codicePrestazione, protocolloDomanda, codici, messaggi
  --separatore <c>       separatore del CSV: , ; tab | (predefinito ,; per Excel in
                         italiano usare ;)
  --attendi-consegna     dopo l'invio attende che i record accettati siano consegnati ai
                         componenti, mostrando l'avanzamento
  --attesa-massima <s>   secondi al più di attesa della consegna (predefinito 1800)
${OPZIONI_COMUNI.split('\n').slice(1).join('\n')}

Al termine, per ogni file: record, accettati, accettati con avvisi, rifiutati, le
segnalazioni più frequenti, e se il flusso era già stato ricevuto (con lo stesso
contenuto: nulla cambia; con contenuto diverso: l'invio NON è applicato, uscita 1).
Su un terminale l'avanzamento è una barra; altrimenti (CI, file) righe semplici.

${TOKEN}

Esempi:
  ${INVOCAZIONE} invia H501.PS.20250601.0000001.xml
  ${INVOCAZIONE} invia flussi/*.xml --esiti esiti.csv --attendi-consegna
  ${INVOCAZIONE} invia grande.xml --record-per-parte 2000 --esiti esiti.csv --separatore ';'
  ${INVOCAZIONE} invia sinba.xml --tipo SINBA
  ${INVOCAZIONE} invia flussi/*.xml --url http://registro.example:4000/graphql
`;
}

/** `flusso stato --help`. */
export function aiutoStato(): string {
  return `flusso stato: lo stato di un flusso già inviato dal tuo ente.

Uso:
  ${INVOCAZIONE} stato <nome> [opzioni]

<nome> è IdentificazioneFlusso@Nome, ad esempio H501.PS.20250601.0000001. Mostra
record, accettati, accettati con avvisi, rifiutati, le parti ricevute, la consegna ai
componenti e le segnalazioni più frequenti.

${OPZIONI_COMUNI}

Esempi:
  ${INVOCAZIONE} stato H501.PS.20250601.0000001
`;
}

/** `flusso esiti --help`. */
export function aiutoEsiti(): string {
  return `flusso esiti: gli esiti dei record di un flusso già inviato dal tuo ente.

Uso:
  ${INVOCAZIONE} esiti <nome> [opzioni]

Opzioni:
  --rifiutati            solo i record rifiutati
  --codice <codice>      solo i record con questa segnalazione (ad es. BENEFICIARIO_CF_CONTROLLO)
  --csv <file.csv>       scrive gli esiti in CSV invece di mostrarli (- per lo standard output)
  --separatore <c>       separatore del CSV: , ; tab | (predefinito ,)
${OPZIONI_COMUNI.split('\n').slice(1).join('\n')}

Esempi:
  ${INVOCAZIONE} esiti H501.PS.20250601.0000001 --rifiutati
  ${INVOCAZIONE} esiti H501.PS.20250601.0000001 --codice INDIRIZZO_REGIONE_INCOERENTE --csv avvisi.csv
  ${INVOCAZIONE} esiti H501.PS.20250601.0000001 --csv - --separatore ';' > esiti.csv
`;
}
