import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import type { BeneficiarioFlusso } from '@casellario/flussi-formato';
import { openPostgres, prepareDatabase, type SubgraphModule } from '@casellario/kit';
import { createTestDatabase } from '@casellario/kit/testing';
import postgres from 'postgres';
import { cpuSince, sampleCpu, setBenchDatabase, type CpuUse } from '../cpu';

/** The database name of a PostgreSQL URL (whose backends count as "PostgreSQL" in the CPU figures). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * The baseline: the same rows the flow carries, COPYed straight into the same
 * tables of an empty database (persons, addresses, PSA and PS benefits), with
 * none of the path's checks, esiti, pseudonyms or copies. Timed from the first
 * COPY to the last.
 */
export async function copyBaseline(beneficiari: readonly BeneficiarioFlusso[]): Promise<CpuUse> {
  const base = await createTestDatabase('postgres');
  for (const module of SUBGRAPH_MODULES) {
    const h = openPostgres(base.url!, { max: 1 });
    await prepareDatabase(module as SubgraphModule<never>, h);
    await h.close();
  }
  const csv = (v: unknown) => (v === undefined || v === null ? '\\N' : String(v).replace(/[\\\t\n]/g, ' '));
  const persone: string[] = [];
  const indirizzi: string[] = [];
  const psa: string[] = [];
  const ps: string[] = [];
  const cols = [
    'id', 'persona_id', 'ente_codice', 'tipo_operazione', 'presenza_prova_mezzi', 'carattere_prestazione', 'numero_protocollo_dsu', 'anno_protocollo_dsu', 'data_dsu',
    'codice_prestazione', 'denominazione_prestazione', 'protocollo_domanda', 'data_evento', 'data_inizio', 'data_fine', 'data_erogazione', 'importo_prestazione',
    'periodo_erogazione', 'importo_mensile', 'importo_quota_ente', 'importo_quota_utente', 'importo_quota_ssn', 'importo_quota_richiesta', 'importo_soglia_isee',
    'ore_servizio_mensile', 'presa_carico', 'area_utenza', 'codice_comune_residenza', 'codice_regione_residenza', 'anno_nascita', 'genere',
  ];
  for (const b of beneficiari) {
    const id = randomUUID();
    const a = b.anagrafica;
    persone.push([id, b.codiceFiscale, 'ORDINARIO', a.cognome, a.nome, a.annoNascita, a.luogoNascita, a.genere, a.codiceCittadinanza].map(csv).join('\t'));
    b.indirizzi.forEach((i, n) => indirizzi.push([id, n + 1, i.codiceRegione, i.codiceComune, i.codiceNazione].map(csv).join('\t')));
    for (const p of b.prestazioni) {
      const row = [randomUUID(), id, 'H501', p.tipoOperazione ?? 'I', p.presenzaProvaMezzi, p.caratterePrestazione, p.numeroProtocolloDSU || undefined, p.annoProtocolloDSU, p.dataDSU,
        p.codicePrestazione, p.denominazionePrestazione, p.protocolloDomanda, p.dataEvento, p.dataInizioPrestazione, p.dataFinePrestazione, p.dataErogazionePrestazione,
        p.importoPrestazione, p.periodoErogazione, p.importoMensile, p.importoQuotaEnte, p.importoQuotaUtente, p.importoQuotaSSN, p.importoQuotaRichiesta,
        p.importoSogliaISEE, p.oreServizioMensile, p.presaCarico, p.areaUtenza, b.indirizzi[0]?.codiceComune, b.indirizzi[0]?.codiceRegione, a.annoNascita, a.genere].map(csv).join('\t');
      (p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3' ? psa : ps).push(row);
    }
  }
  const sql = postgres(base.url!, { max: 1, onnotice: () => {} });
  const copy = async (table: string, columns: string[], rows: string[]) => {
    const stream = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
    await pipeline(Readable.from([rows.join('\n') + '\n']), stream);
  };
  setBenchDatabase(databaseName(base.url!));
  const cpu = sampleCpu();
  await copy('anagrafe.persona', ['id', 'codice_fiscale', 'tipo_codice_fiscale', 'cognome', 'nome', 'anno_nascita', 'luogo_nascita', 'genere', 'codice_cittadinanza'], persone);
  await copy('anagrafe.indirizzo', ['persona_id', 'ordine', 'codice_regione', 'codice_comune', 'codice_nazione'], indirizzi);
  await copy('prestazioni_agevolate.prestazione', cols, psa);
  await copy('prestazioni_sociali.prestazione', cols, ps);
  const usage = cpuSince(cpu);
  await sql.end();
  await base.drop();
  return usage;
}
