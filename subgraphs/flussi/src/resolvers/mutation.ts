import type { TipoFlusso } from '@casellario/domain';
import type { FlussiContext } from '../context';
import { findParti } from '../db/queries';
import { riceviFlusso } from '../ingest/ricevi-flusso';
import { flussoView } from './flusso';

export const Mutation = {
  /** Receives a flow for the caller's ente (see the SDL and ingest/ricevi-flusso.ts). */
  async inviaFlusso(
    _: unknown,
    args: { tipo: TipoFlusso; contenuto: string; parte?: { numero: number; totale: number; primoRecord: number } | null },
    ctx: FlussiContext,
  ) {
    const ricevuta = await riceviFlusso(ctx, {
      tipo: args.tipo,
      contenuto: args.contenuto,
      parte: args.parte ?? undefined,
      mittente: { sub: ctx.viewer.sub, ente: ctx.viewer.ente },
      origine: 'API',
    });
    return flussoView(await findParti(ctx.handle, ricevuta.nome), ricevuta.giaRicevuto, ricevuta.contenutoDiverso);
  },
};
