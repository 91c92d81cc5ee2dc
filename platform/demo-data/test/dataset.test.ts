import { describe, expect, it } from 'vitest';
import {
  buildCodiceFiscale,
  comuneByIstat,
  isWellFormedCodicePrestazione,
  loadNomenclatore,
  omocodeLevel,
  omocodeVariant,
  paeseEsteroByBelfiore,
  requiresPresaInCarico,
  shareBaseCode,
  validateCodiceFiscale,
} from '@casellario/domain';
import { SHOWCASE_CODICE_FISCALE, generateDataset, streamDataset } from '../src/index';
import type { DemoDataset, DemoPersona, DemoPrestazione } from '../src/index';

const PERSONE = 6000;
const data = generateDataset({ seed: 42, persone: PERSONE });
const personaById = new Map(data.persone.map((p) => [p.id, p]));
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d+\.\d{2}$/;
/** Planted anomalies by benefit id (one kind per benefit). */
const plantedKind = new Map(data.anomalie.map((a) => [a.prestazioneId, a.tipo]));

function cents(amount: string | undefined): number {
  return amount === undefined ? 0 : Math.round(Number(amount) * 100);
}

function isDataYear(date: string | undefined): boolean {
  return date === undefined || (DATE.test(date) && date >= '2021-01-01' && date <= '2025-12-31');
}

/** The rules of table 9 (and the brief) a flow validator applies to one benefit; returns the broken ones. */
function violations(p: DemoPrestazione): string[] {
  const v: string[] = [];
  const amounts = [p.importoPrestazione, p.importoMensile, p.importoQuotaEnte, p.importoQuotaUtente, p.importoQuotaSSN, p.importoQuotaRichiesta, p.importoSogliaISEE];
  if (amounts.some((a) => a !== undefined && !AMOUNT.test(a))) v.push('amount not written with 2 decimals');
  if (p.caratterePrestazione === '1' && (!p.dataInizioPrestazione || !p.importoMensile)) v.push('periodic without DataInizioPrestazione/ImportoMensile');
  if (p.caratterePrestazione === '2' && (!p.dataErogazionePrestazione || !p.importoPrestazione)) v.push('one-off without DataErogazionePrestazione/ImportoPrestazione');
  if (p.importoMensile !== undefined && cents(p.importoMensile) <= 0) v.push('ImportoMensile not > 0');
  if (p.importoPrestazione !== undefined && cents(p.importoPrestazione) <= 0) v.push('ImportoPrestazione not > 0');
  if (p.dataFinePrestazione !== undefined) {
    if (p.dataFinePrestazione.slice(0, 4) !== p.dataInizioPrestazione?.slice(0, 4)) v.push('DataFinePrestazione not in the start year');
    if (p.dataFinePrestazione < (p.dataInizioPrestazione ?? '')) v.push('DataFinePrestazione before the start');
  }
  if (p.periodoErogazione !== undefined && !(Number.isInteger(p.periodoErogazione) && p.periodoErogazione >= 1 && p.periodoErogazione <= 12)) v.push('PeriodoErogazione outside 1–12');
  const quote = [p.importoQuotaEnte, p.importoQuotaUtente, p.importoQuotaSSN];
  if (quote.some((q) => q !== undefined)) {
    const total = p.caratterePrestazione === '1' ? cents(p.importoMensile) : cents(p.importoPrestazione);
    if (quote.reduce((s, q) => s + cents(q), 0) !== total) v.push('quotas do not add up to the amount');
    if (p.importoQuotaEnte !== undefined && cents(p.importoQuotaEnte) <= 0) v.push('ImportoQuotaEnte not > 0');
    if (p.importoQuotaSSN !== undefined && cents(p.importoQuotaSSN) <= 0) v.push('ImportoQuotaSSN not > 0');
    if (p.importoQuotaUtente !== undefined && cents(p.importoQuotaUtente) < 0) v.push('ImportoQuotaUtente negative');
  }
  const dsu = [p.numeroProtocolloDSU, p.annoProtocolloDSU, p.dataDSU];
  const dsuCount = dsu.filter((x) => x !== undefined).length;
  if (dsuCount !== 0 && dsuCount !== 3) v.push('DSU fields not all or none');
  if (p.presenzaProvaMezzi === '1' && dsuCount !== 3) v.push('PresenzaProvaMezzi 1 without DSU');
  if ((p.presenzaProvaMezzi === '2' || p.presenzaProvaMezzi === '4') && dsuCount !== 0) v.push('DSU on a benefit not tested with ISEE');
  if (dsuCount === 3) {
    if (!/^INPS-ISEE-\d{4}-\d{8}[A-Z]-\d{2}$/.test(p.numeroProtocolloDSU ?? '')) v.push('NumeroProtocolloDSU malformed');
    if (p.numeroProtocolloDSU?.slice(10, 14) !== p.annoProtocolloDSU || p.dataDSU?.slice(0, 4) !== p.annoProtocolloDSU) v.push('DSU year mismatch');
  }
  if ((p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3') && p.importoSogliaISEE === undefined) v.push('ISEE-tested without ImportoSogliaISEE');
  if (p.presaCarico === '1' && !p.areaUtenza) v.push('PresaCarico 1 without AreaUtenza');
  if (requiresPresaInCarico(p.codicePrestazione) && p.presaCarico !== '1') v.push('A2.16–A2.29 without presa in carico');
  if (!isWellFormedCodicePrestazione(p.codicePrestazione)) v.push('CodicePrestazione malformed');
  if (p.denominazionePrestazione.length < 10 || p.denominazionePrestazione.length > 200) v.push('DenominazionePrestazione not 10–200 characters');
  if (p.protocolloDomanda.length < 1 || p.protocolloDomanda.length > 32) v.push('ProtocolloDomanda not 1–32 characters');
  if (p.oreServizioMensile !== undefined && !/^\d{1,3}\.[0-5]\d$/.test(p.oreServizioMensile)) v.push('OreServizioMensile not hours.minutes');
  for (const d of [p.dataEvento, p.dataInizioPrestazione, p.dataFinePrestazione, p.dataErogazionePrestazione, p.dataDSU]) {
    if (!isDataYear(d)) v.push(`date ${d} outside 2021–2025`);
  }
  return v;
}

function residence(p: DemoPersona): { codiceComune?: string; codiceRegione?: string; codiceNazione: string } | undefined {
  return p.indirizzi[0];
}

describe('determinism', () => {
  it('gives the same data set for the same seed, another for another seed', () => {
    const again = generateDataset({ seed: 42, persone: PERSONE });
    // The first person after the three of the showcase household.
    expect(again.persone[3]?.codiceFiscale).toBe(data.persone[3]?.codiceFiscale);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDataset({ seed: 43, persone: PERSONE });
    expect(other.persone[3]?.codiceFiscale).not.toBe(data.persone[3]?.codiceFiscale);
  });

  it('streams the same records whatever the chunk size', () => {
    const chunks = [...streamDataset({ seed: 42, persone: PERSONE, chunkSize: 777 })];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.slice(1).every((c) => c.enti.length === 0)).toBe(true);
    expect(chunks.flatMap((c) => c.persone.map((p) => p.id))).toEqual(data.persone.map((p) => p.id));
    expect(chunks.flatMap((c) => c.prestazioni.map((p) => p.id))).toEqual(data.prestazioni.map((p) => p.id));
    expect(chunks.flatMap((c) => c.casiSinba.map((p) => p.id))).toEqual(data.casiSinba.map((p) => p.id));
  });

  it('produces exactly the requested number of persons', () => {
    expect(data.persone).toHaveLength(PERSONE);
    expect(generateDataset({ seed: 5, persone: 101 }).persone).toHaveLength(101);
  });
});

describe('enti', () => {
  it('lists comuni of at least five regions by Belfiore code, regions as R + ISTAT code, and INPS', () => {
    const comuni = data.enti.filter((e) => e.tipo === 'COMUNE');
    expect(new Set(comuni.map((e) => e.codiceRegione)).size).toBeGreaterThanOrEqual(5);
    expect(comuni.every((e) => /^[A-Z]\d{3}$/.test(e.codice) && e.codice === e.belfiore && comuneByIstat(e.codiceComune)?.belfiore === e.codice)).toBe(true);
    expect(data.enti.find((e) => e.codice === 'H501')).toMatchObject({ denominazione: 'Comune di Roma', codiceComune: '058091', codiceRegione: '12' });
    expect(data.enti.find((e) => e.codice === 'F205')).toMatchObject({ codiceComune: '015146', codiceRegione: '03' });
    expect(data.enti.find((e) => e.codice === 'R12')).toMatchObject({ tipo: 'REGIONE', denominazione: 'Regione Lazio' });
    expect(data.enti.find((e) => e.codice === 'INPS')?.tipo).toBe('NAZIONALE');
    // Small comuni are there too: the cells where suppression matters.
    expect(comuni.some((e) => (comuneByIstat(e.codiceComune)?.popolazione ?? Infinity) < 3000)).toBe(true);
  });
});

describe('persone', () => {
  it('have valid, unique codici fiscali and v4 UUIDs', () => {
    const cfs = new Set<string>();
    for (const p of data.persone) {
      const result = validateCodiceFiscale(p.codiceFiscale);
      expect(result.valid, `${p.codiceFiscale}: ${result.error?.message}`).toBe(true);
      expect(result.normalized).toBe(p.codiceFiscale);
      cfs.add(p.codiceFiscale);
      expect(p.id).toMatch(UUID_V4);
    }
    expect(cfs.size).toBe(data.persone.length);
    expect(new Set(data.persone.map((p) => p.id)).size).toBe(data.persone.length);
  });

  it('have codes derived from their own data; omocodes are second persons whose base code someone else holds', () => {
    const byCf = new Map(data.persone.map((p) => [p.codiceFiscale, p]));
    let omocodes = 0;
    for (const p of data.persone) {
      const kind = validateCodiceFiscale(p.codiceFiscale).kind;
      if (kind === 'TEMPORANEO') continue;
      const [anno, mese, giorno] = (p.dataNascita ?? '').split('-').map(Number) as [number, number, number];
      expect(String(anno)).toBe(p.annoNascita);
      const base = buildCodiceFiscale({ cognome: p.cognome, nome: p.nome, annoNascita: anno, mese, giorno, genere: p.genere, belfiore: p.luogoNascita });
      if (kind === 'ORDINARIO') {
        expect(p.codiceFiscale).toBe(base);
        continue;
      }
      omocodes++;
      const level = omocodeLevel(p.codiceFiscale);
      expect(level).toBeGreaterThanOrEqual(1);
      // Flows carry omocodia only in positions 13–15 (XSD pattern).
      expect(level).toBeLessThanOrEqual(3);
      expect(p.codiceFiscale).toBe(omocodeVariant(base, level));
      const holder = byCf.get(base);
      expect(holder, `base code ${base} of omocode ${p.codiceFiscale}`).toBeDefined();
      expect(holder?.id).not.toBe(p.id);
      expect(shareBaseCode(holder?.codiceFiscale ?? '', p.codiceFiscale)).toBe(true);
    }
    // About 1%.
    expect(omocodes).toBeGreaterThanOrEqual(PERSONE * 0.008);
    expect(omocodes).toBeLessThanOrEqual(PERSONE * 0.015);
  });

  it('include some 11-digit temporary codes (about 0.5%)', () => {
    const temporanei = data.persone.filter((p) => /^\d{11}$/.test(p.codiceFiscale));
    expect(temporanei.length).toBeGreaterThanOrEqual(PERSONE * 0.004);
    expect(temporanei.length).toBeLessThanOrEqual(PERSONE * 0.007);
    expect(temporanei.every((p) => validateCodiceFiscale(p.codiceFiscale).kind === 'TEMPORANEO')).toBe(true);
  });

  it('live in the comuni of the enti, span ages 0–95, and are born abroad with a matching citizenship', () => {
    const enti = new Set(data.enti.filter((e) => e.tipo === 'COMUNE').map((e) => e.codiceComune));
    const ages = data.persone.map((p) => 2025 - Number(p.annoNascita));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...ages)).toBeLessThanOrEqual(95);
    for (const p of data.persone) {
      const r = residence(p);
      expect(enti.has(r?.codiceComune ?? '')).toBe(true);
      expect(comuneByIstat(r?.codiceComune ?? '')?.codiceRegione).toBe(r?.codiceRegione);
      expect(p.indirizzi.length).toBeGreaterThanOrEqual(1);
      expect(p.indirizzi.length).toBeLessThanOrEqual(5);
    }
    const foreign = data.persone.filter((p) => p.luogoNascita.startsWith('Z'));
    expect(foreign.length).toBeGreaterThan(PERSONE * 0.03);
    for (const p of foreign) {
      const paese = paeseEsteroByBelfiore(p.luogoNascita);
      expect(paese).toBeDefined();
      expect([p.codiceCittadinanza, p.codiceSecondaCittadinanza]).toContain(paese?.codiceIso);
    }
    expect(data.persone.filter((p) => p.codiceCittadinanza === '380').length).toBeGreaterThan(PERSONE * 0.85);
  });
});

describe('prestazioni', () => {
  it('number 0–6 per person, about three on average', () => {
    const perPerson = new Map<string, number>();
    for (const p of data.prestazioni) perPerson.set(p.personaId, (perPerson.get(p.personaId) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(6);
    expect(data.prestazioni.length / PERSONE).toBeGreaterThan(2.5);
    expect(data.prestazioni.length / PERSONE).toBeLessThan(3.5);
  });

  it('every benefit passes the specification rules (a planted missing DSU is only a warning of the flows)', () => {
    const allowed = (p: DemoPrestazione, v: string) => v === 'PresenzaProvaMezzi 1 without DSU' && plantedKind.get(p.id) === 'DSU_ASSENTE';
    const broken = data.prestazioni.map((p) => ({ id: p.id, v: violations(p).filter((v) => !allowed(p, v)) })).filter((x) => x.v.length > 0);
    expect(broken).toEqual([]);
  });

  it('belong to a person of the data set, are sent by an ente, and carry the residence', () => {
    const enti = new Set(data.enti.map((e) => e.codice));
    for (const p of data.prestazioni) {
      const persona = personaById.get(p.personaId);
      expect(persona).toBeDefined();
      expect(enti.has(p.enteCodice)).toBe(true);
      expect(p.codiceComuneResidenza).toBe(residence(persona as DemoPersona)?.codiceComune);
      expect(p.codiceRegioneResidenza).toBe(residence(persona as DemoPersona)?.codiceRegione);
      expect(p.id).toMatch(UUID_V4);
    }
    // Mostly the comune of residence; some regions and INPS.
    const byComune = data.prestazioni.filter((p) => comuneByIstat(p.codiceComuneResidenza ?? '')?.belfiore === p.enteCodice).length;
    expect(byComune / data.prestazioni.length).toBeGreaterThan(0.75);
    expect(data.prestazioni.some((p) => p.enteCodice === 'INPS')).toBe(true);
    expect(data.prestazioni.some((p) => /^R\d{2}$/.test(p.enteCodice))).toBe(true);
  });

  it('have ProtocolloDomanda unique per ente', () => {
    const keys = data.prestazioni.map((p) => `${p.enteCodice}|${p.protocolloDomanda}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cover PSA (PresenzaProvaMezzi 1, 3) and PS (2, 4), periodic and one-off, and codes of the nomenclatore', () => {
    const nomenclatore = loadNomenclatore();
    const count = (f: (p: DemoPrestazione) => boolean): number => data.prestazioni.filter(f).length;
    for (const ppm of ['1', '2', '3', '4'] as const) expect(count((p) => p.presenzaProvaMezzi === ppm)).toBeGreaterThan(50);
    expect(count((p) => p.caratterePrestazione === '1')).toBeGreaterThan(1000);
    expect(count((p) => p.caratterePrestazione === '2')).toBeGreaterThan(1000);
    expect(data.prestazioni.every((p) => nomenclatore.has(p.codicePrestazione))).toBe(true);
    expect(new Set(data.prestazioni.map((p) => p.codicePrestazione)).size).toBeGreaterThan(30);
    expect(count((p) => p.codicePrestazione === 'A2.16' && p.presaCarico === '1')).toBeGreaterThan(0);
  });
});

describe('dsu', () => {
  const dsuByProtocol = new Map(data.dsu.map((d) => [d.protocollo, d]));

  it('computes ISE = ISR + 0.2 × ISP and ISEE = ISE ÷ scala', () => {
    expect(data.dsu.length).toBeGreaterThan(0);
    for (const d of data.dsu) {
      expect(cents(d.ise)).toBe(cents(d.isr) + Math.round(cents(d.isp) * 0.2));
      // To the cent: ISEE is ISE ÷ scala rounded half up.
      expect(Math.abs(cents(d.isee) - cents(d.ise) / Number(d.scalaEquivalenza))).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Number(d.scalaEquivalenza)).toBeGreaterThanOrEqual(1);
      expect(d.protocollo).toMatch(new RegExp(`^INPS-ISEE-${d.anno}-\\d{8}[A-Z]-\\d{2}$`));
      expect(d.dataPresentazione.slice(0, 4)).toBe(d.anno);
      expect(d.dataScadenza).toBe(`${d.anno}-12-31`);
      expect(d.componentiIds).toContain(d.dichiaranteId);
    }
    expect(new Set(data.dsu.map((d) => d.protocollo)).size).toBe(data.dsu.length);
  });

  it('is the one every ISEE-tested benefit cites, valid on the benefit dates, including its beneficiary, below its threshold — but where an anomaly is planted', () => {
    const cited = new Set<string>();
    let checked = 0;
    for (const p of data.prestazioni) {
      if (!p.numeroProtocolloDSU) continue;
      const d = dsuByProtocol.get(p.numeroProtocolloDSU);
      expect(d, p.numeroProtocolloDSU).toBeDefined();
      if (!d) continue;
      cited.add(d.protocollo);
      expect(d.anno).toBe(p.annoProtocolloDSU);
      expect(d.dataPresentazione).toBe(p.dataDSU);
      const planted = plantedKind.get(p.id);
      if (planted === 'DSU_ALTRA_PERSONA' || planted === 'DSU_NON_VALIDA' || planted === 'ISEE_SOPRA_SOGLIA') continue;
      checked++;
      expect(d.componentiIds).toContain(p.personaId);
      for (const date of [p.dataEvento, p.dataInizioPrestazione, p.dataErogazionePrestazione]) {
        if (date === undefined) continue;
        expect(d.dataPresentazione <= date).toBe(true);
        expect(date <= d.dataScadenza).toBe(true);
      }
      // Below the threshold of every benefit it supports (ISEE-tested or waived).
      expect(cents(d.isee)).toBeLessThanOrEqual(cents(p.importoSogliaISEE));
    }
    expect(cited.size).toBe(data.dsu.length);
    expect(checked).toBeGreaterThan(1000);
  });
});

/** The controls of docs/controlli.md, computed here independently of the SQL that runs them. */
function anomalieOf(d: DemoDataset): string[] {
  const dsu = new Map(d.dsu.map((x) => [x.protocollo, x]));
  const found: string[] = [];
  const fine = (p: DemoPrestazione) => p.dataFinePrestazione ?? `${p.dataInizioPrestazione!.slice(0, 4)}-12-31`;
  const byPerson = new Map<string, DemoPrestazione[]>();
  for (const p of d.prestazioni) byPerson.set(p.personaId, [...(byPerson.get(p.personaId) ?? []), p]);
  for (const p of d.prestazioni) {
    const date = (p.dataInizioPrestazione ?? p.dataErogazionePrestazione)!;
    if (p.presenzaProvaMezzi === '1') {
      const x = p.numeroProtocolloDSU ? dsu.get(p.numeroProtocolloDSU) : undefined;
      if (!x) found.push(`DSU_ASSENTE:${p.id}`);
      else if (!x.componentiIds.includes(p.personaId)) found.push(`DSU_ALTRA_PERSONA:${p.id}`);
      else if (date < x.dataPresentazione || date > x.dataScadenza) found.push(`DSU_NON_VALIDA:${p.id}`);
      else if (p.importoSogliaISEE && cents(x.isee) > cents(p.importoSogliaISEE)) found.push(`ISEE_SOPRA_SOGLIA:${p.id}`);
    }
    if (p.caratterePrestazione !== '1') continue;
    const isee = (q: DemoPrestazione) => q.presenzaProvaMezzi === '1' || q.presenzaProvaMezzi === '3';
    const overlaps = (byPerson.get(p.personaId) ?? []).some(
      (o) => o !== p && o.caratterePrestazione === '1' && isee(o) === isee(p) && o.personaId === p.personaId && o.codicePrestazione === p.codicePrestazione &&
        o.enteCodice !== p.enteCodice && o.dataInizioPrestazione! <= fine(p) && p.dataInizioPrestazione! <= fine(o),
    );
    if (overlaps) found.push(`SOVRAPPOSIZIONE_ENTI:${p.id}`);
    if (p.importoPrestazione !== undefined) {
      const mesi = p.periodoErogazione ?? Number(fine(p).slice(5, 7)) - Number(p.dataInizioPrestazione!.slice(5, 7)) + 1;
      const atteso = cents(p.importoMensile) * mesi;
      if (Math.abs(cents(p.importoPrestazione) - atteso) > Math.max(100, Math.round(atteso / 100))) found.push(`IMPORTO_INCOERENTE:${p.id}`);
    }
  }
  return found.sort();
}

describe('anomalie', () => {
  const small = generateDataset({ seed: 7, persone: 400 });
  const counts = (d: DemoDataset) => {
    const c: Record<string, number> = {};
    for (const a of d.anomalie) c[a.tipo] = (c[a.tipo] ?? 0) + 1;
    return c;
  };

  it('plants a known number of each kind, a few more for a larger population (an overlap is two benefits)', () => {
    expect(counts(small)).toEqual({ ISEE_SOPRA_SOGLIA: 3, DSU_ASSENTE: 3, DSU_NON_VALIDA: 3, DSU_ALTRA_PERSONA: 3, SOVRAPPOSIZIONE_ENTI: 6, IMPORTO_INCOERENTE: 3 });
    expect(counts(data)).toEqual({ ISEE_SOPRA_SOGLIA: 9, DSU_ASSENTE: 9, DSU_NON_VALIDA: 9, DSU_ALTRA_PERSONA: 9, SOVRAPPOSIZIONE_ENTI: 18, IMPORTO_INCOERENTE: 9 });
    expect(generateDataset({ seed: 5, persone: 60 }).anomalie).toEqual([]);
  });

  it('are the only anomalies the controls find: none arises by chance', () => {
    for (const d of [small, data]) {
      expect(anomalieOf(d)).toEqual(d.anomalie.map((a) => `${a.tipo}:${a.prestazioneId}`).sort());
    }
  });

  it('are never planted on the showcase household, and are the same whatever the chunk size', () => {
    const household = new Set(data.persone.slice(0, 3).map((p) => p.id));
    expect(household.has(data.showcase.personaId)).toBe(true);
    const showcase = new Set(data.prestazioni.filter((p) => household.has(p.personaId)).map((p) => p.id));
    expect(data.anomalie.some((a) => showcase.has(a.prestazioneId))).toBe(false);
    const chunks = [...streamDataset({ seed: 42, persone: PERSONE, chunkSize: 777 })];
    expect(chunks.flatMap((c) => c.anomalie)).toEqual(data.anomalie);
  });
});

describe('valutazioni SINA', () => {
  it('are attached to a benefit of the same person, older or disabled, with valid codes', () => {
    const prestazioni = new Map(data.prestazioni.map((p) => [p.id, p]));
    const codesByPerson = new Map<string, DemoPrestazione[]>();
    for (const p of data.prestazioni) codesByPerson.set(p.personaId, [...(codesByPerson.get(p.personaId) ?? []), p]);
    const nomenclatore = loadNomenclatore();
    expect(data.valutazioniSina.length).toBeGreaterThan(PERSONE * 0.05);
    for (const v of data.valutazioniSina) {
      const p = prestazioni.get(v.prestazioneId);
      expect(p?.personaId).toBe(v.personaId);
      expect(v.enteCodice).toBe(p?.enteCodice);
      expect(v.dataValutazione).toBe(p?.dataInizioPrestazione ?? p?.dataErogazionePrestazione);
      const persona = personaById.get(v.personaId);
      const older = 2025 - Number(persona?.annoNascita) >= 65;
      const own = codesByPerson.get(v.personaId) ?? [];
      const disability = own.some((x) => x.areaUtenza === '2');
      const areaTwoTemplate = own.some((x) => ['A1.10', 'A1.11', 'A1.12', 'A1.13', 'A1.14', 'A1.15', 'A1.16', 'A2.07', 'A2.08', 'A2.11', 'A3.01', 'A3.02'].includes(x.codicePrestazione));
      expect(older || disability || areaTwoTemplate).toBe(true);
      expect(['1', '2', '3']).toContain(v.mobilita);
      expect(['1', '2', '3']).toContain(v.attivitaVitaQuotidiana);
      expect(['1', '2']).toContain(v.disturbiComportamentali);
      expect(['1', '2', '3']).toContain(v.areaReddituale);
      expect(['1', '2', '3']).toContain(v.areaSupporto);
      expect(['1', '2', '3', '4']).toContain(v.fonteDerivazioneValutazione);
      expect(['1', '2', '3', '4', '5', '6', '7']).toContain(v.strumentoValutazione);
      if (v.disturbiAreaCognitiva !== undefined) expect(['1', '2', '3']).toContain(v.disturbiAreaCognitiva);
      if (v.necessitaCureSanitarie !== undefined) expect(['1', '2', '3']).toContain(v.necessitaCureSanitarie);
      expect(v.necessitaInterventiSociali.length).toBeGreaterThanOrEqual(1);
      expect(v.necessitaInterventiSociali.every((c) => nomenclatore.has(c))).toBe(true);
      expect(v.invaliditaCivile.length).toBeLessThanOrEqual(2);
      expect(new Set(v.invaliditaCivile).size).toBe(v.invaliditaCivile.length);
      expect(v.invaliditaCivile.every((c) => /^[1-8]$/.test(c))).toBe(true);
      expect(v.fonteDerivazioneInvalidita !== undefined).toBe(v.invaliditaCivile.length > 0);
    }
  });
});

const r = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const MESE_ANNO = /^((0[1-9])|(1[0-2]))\/(19|20)\d{2}$/;
/** SINBA.xsd, attribute by attribute (IDBeneficiario is the case's own field). */
const SINBA_XSD: Record<string, { required: boolean; values?: string[]; pattern?: RegExp }> = {
  minoreStranieroNoAcc: { required: true, values: r(1, 2) },
  condizioneMinore: { required: true, values: r(1, 5) },
  luogoVita: { required: true, values: r(1, 8) },
  scuolaFrequentata: { required: true, values: r(1, 8) },
  condizioneLavoro: { required: true, values: r(1, 4) },
  disabilita: { required: true, values: r(1, 2) },
  tipoDisabilita: { required: false, values: r(1, 4) },
  invCivCertificazioni: { required: false, values: r(1, 5) },
  codiceCittadinanzaPadre: { required: false, pattern: /^\d{3}$/ },
  codiceCittadinanzaMadre: { required: false, pattern: /^\d{3}$/ },
  codiceRegioneResidenzaPadre: { required: false, pattern: /^\d{2}$/ },
  codiceRegioneResidenzaMadre: { required: false, pattern: /^\d{2}$/ },
  titoloStudioPadre: { required: false, values: r(1, 6) },
  titoloStudioMadre: { required: false, values: r(1, 6) },
  occupazionePadre: { required: false, values: r(1, 8) },
  occupazioneMadre: { required: false, values: r(1, 8) },
  dataPrimaSegnalazione: { required: true, pattern: MESE_ANNO },
  fonteSegnalazione: { required: true, values: r(1, 14) },
  valutazioneMinore: { required: true, values: r(1, 13) },
  valutazioneFamigliaMinore: { required: true, values: r(1, 13) },
  segnalazioneAutoritaGiudiziaria: { required: true, values: r(1, 2) },
  dataSegnalazione: { required: false, pattern: MESE_ANNO },
  provvedimentoGiudiziario: { required: true, values: r(1, 2) },
  dataProvvedimentoGiudiziario: { required: false, pattern: MESE_ANNO },
  autoritaProvvedimento: { required: false, values: r(1, 4) },
  potestaTutela: { required: false, values: r(1, 5) },
  tipoProvvedimentoGiudiziario: { required: false, values: r(1, 8) },
  formaInterventoAffido: { required: false, values: r(1, 2) },
  tipoInterventoAffido: { required: false, values: r(1, 2) },
  durataAffido: { required: false, values: r(1, 2) },
  carattereAffido: { required: false, values: r(1, 2) },
  esitoAffido: { required: false, values: r(1, 9) },
  carattereInserimentoResidenziale: { required: false, values: r(1, 10) },
  formaInserimentoResidenziale: { required: false, values: r(1, 2) },
  tipoInserimentoResidenziale: { required: false, values: r(1, 2) },
  esitoInserimentoStruttura: { required: false, values: r(1, 9) },
  motivazioneChiusuraCarico: { required: false, values: r(1, 9) },
  situazioneChiusuraCarico: { required: false, values: r(1, 8) },
  collaborazioniInterventi: { required: false, values: r(1, 9) },
  numeroComponentiISEE: { required: false, values: r(1, 9) },
  fasciaEtaBeneficiario: { required: true, values: r(1, 6) },
  fasciaISEEBeneficiario: { required: false, values: r(1, 8) },
  annoNascita: { required: true, pattern: /^\d{4}$/ },
  codiceRegioneResidenza: { required: false, pattern: /^\d{2}$/ },
  codiceNazioneResidenza: { required: true, pattern: /^\d{3}$/ },
};

function meseAnnoKey(value: string | undefined): string {
  return value === undefined ? '' : `${value.slice(3)}-${value.slice(0, 2)}`;
}

describe('casi SINBA', () => {
  it('are about one per 200 persons and never linked to a person', () => {
    expect(data.casiSinba.length).toBeGreaterThanOrEqual(PERSONE / 250);
    expect(data.casiSinba.length).toBeLessThanOrEqual(PERSONE / 150);
    const personIds = new Set(data.persone.map((p) => p.id));
    const cfs = new Set(data.persone.map((p) => p.codiceFiscale));
    for (const c of data.casiSinba) {
      expect(c).not.toHaveProperty('personaId');
      expect(JSON.stringify(c)).not.toMatch(/codiceFiscale|personaId/);
      expect(personIds.has(c.idBeneficiario) || cfs.has(c.idBeneficiario)).toBe(false);
      expect(c.idBeneficiario.length).toBeGreaterThanOrEqual(1);
      expect(c.idBeneficiario.length).toBeLessThanOrEqual(20);
    }
    const keys = data.casiSinba.map((c) => `${c.enteCodice}|${c.idBeneficiario}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fill every required attribute with a value SINBA.xsd allows, and only known attributes', () => {
    const optionalSeen = new Set<string>();
    for (const c of data.casiSinba) {
      for (const [key, rule] of Object.entries(SINBA_XSD)) {
        const value = c.attributi[key];
        if (value === undefined) {
          expect(rule.required, `${key} missing`).toBe(false);
          continue;
        }
        if (!rule.required) optionalSeen.add(key);
        if (rule.values) expect(rule.values, `${key}=${value}`).toContain(value);
        if (rule.pattern) expect(value, key).toMatch(rule.pattern);
      }
      expect(Object.keys(c.attributi).filter((k) => !(k in SINBA_XSD))).toEqual([]);
      expect(c.prestazioni.length).toBeGreaterThanOrEqual(1);
      expect(c.prestazioni.every(isWellFormedCodicePrestazione)).toBe(true);
      expect(c.composizioneFamiglia.length).toBeGreaterThanOrEqual(1);
      expect(c.composizioneFamiglia.every((x) => r(1, 6).includes(x))).toBe(true);
    }
    // Optional attributes appear sometimes.
    expect(optionalSeen.size).toBeGreaterThan(8);
  });

  it('are coherent: court measures dated and with an authority, reports dated in order, ages in their band', () => {
    for (const c of data.casiSinba) {
      const a = c.attributi;
      if (a['provvedimentoGiudiziario'] === '1') {
        expect(a['dataProvvedimentoGiudiziario']).toBeDefined();
        expect(a['autoritaProvvedimento']).toBeDefined();
        expect(meseAnnoKey(a['dataProvvedimentoGiudiziario']) >= meseAnnoKey(a['dataPrimaSegnalazione'])).toBe(true);
      } else {
        expect(a['dataProvvedimentoGiudiziario']).toBeUndefined();
      }
      if (a['segnalazioneAutoritaGiudiziaria'] === '1') {
        expect(meseAnnoKey(a['dataSegnalazione']) >= meseAnnoKey(a['dataPrimaSegnalazione'])).toBe(true);
      }
      if (a['disabilita'] === '2') expect(a['tipoDisabilita']).toBeUndefined();
      if (a['minoreStranieroNoAcc'] === '1') expect(a['valutazioneMinore']).toBe('12');
      if (a['luogoVita'] === '3') expect(a['formaInterventoAffido']).toBeDefined();
      const age = 2025 - Number(a['annoNascita']);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(17);
      expect(a['fasciaEtaBeneficiario']).toBe(String(Math.min(6, Math.floor(age / 3) + 1)));
      expect(Number(meseAnnoKey(a['dataPrimaSegnalazione']).slice(0, 4))).toBeGreaterThanOrEqual(Number(a['annoNascita']));
    }
  });
});

describe('casi SIP', () => {
  it('are households of 2–5 persons of the data set living in the case comune, about one per 100 persons', () => {
    expect(data.casiSip.length).toBeGreaterThanOrEqual(PERSONE / 130);
    expect(data.casiSip.length).toBeLessThanOrEqual(PERSONE / 80);
    for (const c of data.casiSip) {
      expect(c.componenti.length).toBeGreaterThanOrEqual(2);
      expect(c.componenti.length).toBeLessThanOrEqual(5);
      expect(c.componenti[0]?.ruolo).toBe('RICHIEDENTE');
      for (const m of c.componenti) {
        const persona = personaById.get(m.personaId);
        expect(persona).toBeDefined();
        expect(residence(persona as DemoPersona)?.codiceComune).toBe(c.codiceComune);
      }
      expect(comuneByIstat(c.codiceComune)?.belfiore).toBe(c.enteCodice);
    }
  });

  it('reach every stage with dates in order inside 2021–2025', () => {
    const stage = (c: DemoDataset['casiSip'][number]): string =>
      c.dataChiusura ? 'CHIUSO' : c.progetto ? 'PROGETTO' : c.quadroAnalisi ? 'QUADRO' : 'ANALISI';
    expect(new Set(data.casiSip.map(stage))).toEqual(new Set(['ANALISI', 'QUADRO', 'PROGETTO', 'CHIUSO']));
    for (const c of data.casiSip) {
      const dates = [c.dataDomanda, c.analisiPreliminare?.data, c.quadroAnalisi?.data, c.progetto?.dataSottoscrizione, ...(c.progetto?.incontri.map((i) => i.data) ?? []), c.dataChiusura].filter(
        (d): d is string => d !== undefined,
      );
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => isDataYear(d))).toBe(true);
      if (c.quadroAnalisi) expect(c.quadroAnalisi.dimensioni).toHaveLength(6);
      if (c.progetto) {
        expect(c.progetto.impegni.length).toBeGreaterThan(0);
        const members = new Set(c.componenti.map((m) => m.personaId));
        expect(c.progetto.impegni.every((i) => members.has(i.personaId))).toBe(true);
      }
      if (c.dataChiusura) expect(c.progetto?.incontri.length).toBeGreaterThan(0);
    }
  });
});

describe('showcase', () => {
  it('is the same person in every data set, whatever the seed and size', () => {
    const small = generateDataset({ seed: 999, persone: 50 });
    expect(data.showcase.codiceFiscale).toBe(SHOWCASE_CODICE_FISCALE);
    expect(small.showcase).toEqual(data.showcase);
    expect(data.showcase).toMatchObject({ codiceFiscale: 'BNCGLI58E43H501T', enteCodice: 'H501', codiceComune: '058091', codiceRegione: '12' });
    expect(validateCodiceFiscale(data.showcase.codiceFiscale).kind).toBe('ORDINARIO');
  });

  it('spans every person-linked component', () => {
    const { personaId } = data.showcase;
    const persona = personaById.get(personaId);
    expect(persona).toMatchObject({ cognome: 'BIANCHI', nome: 'GIULIA', annoNascita: '1958', codiceFiscale: data.showcase.codiceFiscale });
    expect(residence(persona as DemoPersona)).toEqual({ codiceComune: '058091', codiceRegione: '12', codiceNazione: '380' });
    const own = data.prestazioni.filter((p) => p.personaId === personaId);
    const psa = own.filter((p) => p.presenzaProvaMezzi === '1' && p.numeroProtocolloDSU);
    expect(psa.length).toBeGreaterThan(0);
    expect(data.dsu.some((d) => d.protocollo === psa[0]?.numeroProtocolloDSU && d.componentiIds.includes(personaId))).toBe(true);
    expect(own.some((p) => p.presenzaProvaMezzi === '2' || p.presenzaProvaMezzi === '4')).toBe(true);
    expect(own.some((p) => p.enteCodice === 'H501')).toBe(true);
    expect(own.every((p) => violations(p).length === 0)).toBe(true);
    expect(data.valutazioniSina.some((v) => v.personaId === personaId)).toBe(true);
    const sip = data.casiSip.find((c) => c.componenti.some((m) => m.personaId === personaId));
    expect(sip?.progetto).toBeDefined();
    expect(sip?.enteCodice).toBe('H501');
  });
});
