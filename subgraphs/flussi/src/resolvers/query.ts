import { readPageArgs, toPage } from '@casellario/kit';
import { elencoSegnalazioni } from '@casellario/domain';
import { CODICI_XSD } from '../domain/codici-xsd';
import type { FlussiContext } from '../context';
import { findParti, listFlussi } from '../db/queries';
import { flussoView } from './flusso';

export const Query = {
  /** A flow by name, only for its own ente (the row scope is the ente, checked on the stored rows). */
  async flusso(_: unknown, { nome }: { nome: string }, ctx: FlussiContext) {
    const parti = await findParti(ctx.handle, nome);
    if (parti.length === 0 || parti[0]!.enteCodice !== ctx.viewer.ente) return null;
    return flussoView(parti, false, false);
  },
  async flussi(_: unknown, args: { filtro?: { tipo?: string | null } | null; primi?: number | null; dopo?: string | null }, ctx: FlussiContext) {
    const page = readPageArgs(args, { ctx, listing: 'flussi' });
    const rows = await listFlussi(ctx.handle, ctx.viewer.ente, args.filtro?.tipo ?? null, page.limit, page.after);
    const result = toPage(rows, page.limit, (r) => [r.ricevutoIl.toISOString(), r.id], page.seal);
    const elementi = await Promise.all(result.elementi.map(async (r) => flussoView(await findParti(ctx.handle, r.nome), false, false)));
    return { ...result, elementi };
  },
  codiciEsito: () => [
    ...elencoSegnalazioni().map((v) => ({ codice: v.codice, gravita: v.gravita, descrizione: v.descrizione })),
    ...CODICI_XSD,
  ],
};
