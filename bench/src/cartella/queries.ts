import type { Campione } from './sample';

/**
 * The SQL the subgraphs send for one cartella read by gestione (ente E), written
 * out by hand from the drizzle queries they run — row scope included, since it is
 * part of each query (kit `cartellaScopeSql` → `inCaseload`):
 *
 *   anagrafe            findPersonaByCodiceFiscale, then the `indirizzi` loader (residenza)
 *   PSA, PS             findPrestazioniByPersone (the `cartella` loader)
 *   sina                findValutazioniByPersonaIds
 *   sip                 findValutazioniByPersonaIds (memberships joined to their cases)
 *
 * and the first page of the PSA listing for programmazione of a region
 * (findPrestazioniPage with the region's `elencoScopeSql`). Parameters stay
 * parameters, as drizzle sends them; postgres.js prepares them, as in the subgraphs.
 */
export interface BenchQuery {
  subgraph: string;
  text: string;
  params: (c: Campione) => unknown[];
}

const prestazioni = (schema: string): BenchQuery => ({
  subgraph: schema === 'prestazioni_agevolate' ? 'prestazioni-agevolate' : 'prestazioni-sociali',
  text: `select * from ${schema}.prestazione
    where persona_id in ($1) and annullata = $2
      and persona_id in (select persona_id from ${schema}.caseload where ente_codice = $3)
    order by persona_id, data_riferimento desc, id desc`,
  params: (c) => [c.id, false, c.ente],
});

export const CARTELLA_SQL: BenchQuery[] = [
  {
    subgraph: 'anagrafe',
    text: `select persona.* from anagrafe.persona
      left join anagrafe.indirizzo on indirizzo.persona_id = persona.id and indirizzo.ordine = $1
    where persona.codice_fiscale = $2
      and persona.id in (select persona_id from anagrafe.caseload where ente_codice = $3)`,
    params: (c) => [1, c.codiceFiscale, c.ente],
  },
  {
    subgraph: 'anagrafe',
    text: `select * from anagrafe.indirizzo where persona_id in ($1) order by persona_id, ordine`,
    params: (c) => [c.id],
  },
  prestazioni('prestazioni_agevolate'),
  prestazioni('prestazioni_sociali'),
  {
    subgraph: 'sina',
    text: `select * from sina.valutazione_sina
    where persona_id in ($1) and not annullata
      and persona_id in (select persona_id from sina.caseload where ente_codice = $2)
    order by persona_id, data_valutazione desc, id desc`,
    params: (c) => [c.id, c.ente],
  },
  {
    subgraph: 'sip',
    text: `select componente_nucleo.*, caso_sip.* from sip.componente_nucleo
      join sip.caso_sip on caso_sip.id = componente_nucleo.caso_id
    where componente_nucleo.persona_id in ($1) and not caso_sip.annullata
      and exists (select 1 from sip.componente_nucleo membro where membro.caso_id = caso_sip.id
                  and membro.persona_id in (select persona_id from sip.caseload where ente_codice = $2))
    order by caso_sip.data_domanda desc, caso_sip.id desc`,
    params: (c) => [c.id, c.ente],
  },
];

/** `elencoPrestazioniAgevolate(primi: 50)` for programmazione of region 12: one page is limit + 1 rows. */
export const ELENCO_SQL: BenchQuery = {
  subgraph: 'prestazioni-agevolate',
  text: `select * from prestazioni_agevolate.prestazione
    where codice_regione_residenza = $1 and annullata = $2
    order by data_riferimento desc, id desc limit $3`,
  params: () => ['12', false, 51],
};

/** The queries of one subgraph's part of the cartella. */
export function cartellaSqlOf(subgraph: string): BenchQuery[] {
  return CARTELLA_SQL.filter((q) => q.subgraph === subgraph);
}
