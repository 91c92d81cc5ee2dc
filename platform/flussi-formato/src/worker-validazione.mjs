// A validation worker: compiles the schemas it is given, then validates the
// parts it is sent, one at a time. See pool-validazione.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { preparaSchema, validaTesto } from './validatore-libxml2.mjs';

for (const [tipo, testo] of Object.entries(workerData.schemi)) preparaSchema(tipo, testo);

parentPort.on('message', ({ id, tipo, pezzi }) => {
  try {
    parentPort.postMessage({ id, risultato: validaTesto(tipo, ...pezzi) });
  } catch (e) {
    parentPort.postMessage({ id, errore: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ pronto: true });
