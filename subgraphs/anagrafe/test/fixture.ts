import { buildCodiceFiscale, omocodeVariant } from '@casellario/domain';
import type { DemoDataset } from '@casellario/demo-data';

/** Four persons: two in Lazio (one with an omocode twin), one in Lombardia, one with a temporary code. */
const rossi = buildCodiceFiscale({ cognome: 'Rossi', nome: 'Mario', annoNascita: 1985, mese: 12, giorno: 10, genere: '1', belfiore: 'A562' });

export const fixture: Pick<DemoDataset, 'enti' | 'persone'> = {
  enti: [
    { codice: 'H501', denominazione: 'Comune di Roma', tipo: 'COMUNE', belfiore: 'H501', codiceComune: '058091', codiceRegione: '12' },
    { codice: 'F205', denominazione: 'Comune di Milano', tipo: 'COMUNE', belfiore: 'F205', codiceComune: '015146', codiceRegione: '03' },
  ],
  persone: [
    {
      id: '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e01',
      codiceFiscale: rossi,
      cognome: 'ROSSI',
      nome: 'MARIO',
      annoNascita: '1985',
      luogoNascita: 'A562',
      genere: '1',
      codiceCittadinanza: '380',
      indirizzi: [
        { codiceRegione: '12', codiceComune: '058091', codiceNazione: '380' },
        { codiceRegione: '03', codiceComune: '015146', codiceNazione: '380' },
      ],
    },
    {
      id: '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e02',
      codiceFiscale: omocodeVariant(rossi, 1),
      cognome: 'ROSSI',
      nome: 'MARIO',
      annoNascita: '1985',
      luogoNascita: 'A562',
      genere: '1',
      codiceCittadinanza: '380',
      indirizzi: [{ codiceRegione: '12', codiceComune: '058091', codiceNazione: '380' }],
    },
    {
      id: '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e03',
      codiceFiscale: buildCodiceFiscale({ cognome: 'Bianchi', nome: 'Anna', annoNascita: 1940, mese: 3, giorno: 2, genere: '2', belfiore: 'F205' }),
      cognome: 'BIANCHI',
      nome: 'ANNA',
      annoNascita: '1940',
      luogoNascita: 'F205',
      genere: '2',
      codiceCittadinanza: '380',
      indirizzi: [{ codiceRegione: '03', codiceComune: '015146', codiceNazione: '380' }],
    },
    {
      id: '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e04',
      codiceFiscale: '00743110157',
      cognome: 'POPESCU',
      nome: 'ION',
      annoNascita: '1990',
      luogoNascita: 'Z129',
      genere: '1',
      codiceCittadinanza: '642',
      indirizzi: [{ codiceRegione: '12', codiceComune: '058091', codiceNazione: '380' }],
    },
  ],
};

export const [ROSSI, ROSSI_OMOCODE, BIANCHI, TEMPORANEO] = fixture.persone as [
  DemoDataset['persone'][number],
  DemoDataset['persone'][number],
  DemoDataset['persone'][number],
  DemoDataset['persone'][number],
];
