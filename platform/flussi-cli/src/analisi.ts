/**
 * The first of the two passes over a flow file. `inviaFlusso` wants every part
 * to say how many parts there are, and a streaming split only knows that at the
 * end: so the file is split once to count (holding one part at a time), then
 * again to send. The first pass also catches a file that cannot be split before
 * any part of it reaches the registry, and reads the type and the name.
 */
import { createReadStream } from 'node:fs';
import { dividiFlusso, type ParteFlusso } from '@casellario/flussi-formato';
import { nomeDichiarato } from './rileva-tipo';

/** What the first pass learnt. */
export interface AnalisiFlusso {
  parti: number;
  /** Records: benefits for PS_PSA_SINA, cases for SINBA and SIP. */
  record: number;
  /** The start of the first part (prologue, root, header, first records): enough to tell the type. */
  inizio: string;
  /** `IdentificazioneFlusso@Nome`, when the header has it. */
  nome?: string;
}

/** How much of the first part is kept to tell the type: the header and the first record fit with room to spare. */
const INIZIO = 64 * 1024;

/**
 * Streams the parts of the file, counting its bytes as they are read
 * (`suByte`) so that the first pass over a big file can show progress too.
 */
export async function* partiDelFile(percorso: string, recordPerParte: number, suByte?: (letti: number) => void): AsyncGenerator<ParteFlusso> {
  let letti = 0;
  async function* conteggio(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(percorso, { highWaterMark: 1 << 20 })) {
      letti += (chunk as Buffer).length;
      suByte?.(letti);
      yield chunk as Buffer;
    }
  }
  yield* dividiFlusso(conteggio(), { massimoRecord: recordPerParte });
}

/** The first pass: counts parts and records, keeps the start of the first part. Throws `ErroreDivisione` on a file that is not a flow. */
export async function analizzaFile(percorso: string, recordPerParte: number, suByte?: (letti: number) => void): Promise<AnalisiFlusso> {
  let parti = 0;
  let record = 0;
  let inizio = '';
  for await (const parte of partiDelFile(percorso, recordPerParte, suByte)) {
    if (parti === 0) inizio = parte.contenuto.slice(0, INIZIO);
    parti++;
    record += parte.records;
  }
  return { parti, record, inizio, nome: nomeDichiarato(inizio) };
}
