/**
 * Name pools for synthetic persons. Italian names are among the most common by
 * ISTAT's birth-name statistics (mixed generations), listed roughly by
 * frequency so a Zipf-like draw favours the top; foreign pools cover the
 * countries of the birthplace table. Synthetic combinations: any match with a
 * real person is chance.
 */

export const NOMI_MASCHILI = [
  'MARCO', 'GIUSEPPE', 'ANTONIO', 'GIOVANNI', 'MARIO', 'LUIGI', 'FRANCESCO', 'ANDREA', 'ALESSANDRO', 'LUCA',
  'ROBERTO', 'STEFANO', 'PAOLO', 'SALVATORE', 'GIORGIO', 'MATTEO', 'LORENZO', 'LEONARDO', 'DAVIDE', 'SIMONE',
  'FEDERICO', 'RICCARDO', 'MASSIMO', 'FABIO', 'CLAUDIO', 'VINCENZO', 'DOMENICO', 'CARLO', 'BRUNO', 'PIETRO',
  'ENRICO', 'SERGIO', 'DANIELE', 'GABRIELE', 'TOMMASO', 'EDOARDO', 'MICHELE', 'NICOLA', 'ALBERTO', 'GIANLUCA',
  'EMANUELE', 'FILIPPO', 'CRISTIAN', 'RAFFAELE', 'ANGELO', 'FRANCO', 'RENATO', 'UMBERTO', 'VITTORIO', 'DIEGO',
  'SAMUELE', 'MATTIA', 'ALESSIO', 'CHRISTIAN', 'GAETANO', 'PASQUALE', 'ROCCO', 'CARMELO', 'NICOLÒ', 'ELIA',
] as const;

export const NOMI_FEMMINILI = [
  'MARIA', 'ANNA', 'GIUSEPPINA', 'ROSA', 'GIOVANNA', 'FRANCESCA', 'GIULIA', 'CHIARA', 'SARA', 'LAURA',
  'ELENA', 'VALENTINA', 'ALESSANDRA', 'SILVIA', 'FEDERICA', 'MARTINA', 'GIORGIA', 'SOFIA', 'AURORA', 'ALICE',
  'PAOLA', 'TERESA', 'LUCIA', 'CARMELA', 'ANGELA', 'CATERINA', 'ANTONIETTA', 'BARBARA', 'CRISTINA', 'MONICA',
  'ROBERTA', 'SIMONA', 'DANIELA', 'PATRIZIA', 'LUISA', 'ELISA', 'SERENA', 'ILARIA', 'FRANCA', 'RITA',
  'GINEVRA', 'BEATRICE', 'EMMA', 'GRETA', 'NOEMI', 'ANNALISA', 'CONCETTA', 'IMMACOLATA', 'ASSUNTA', 'LUCIANA',
  'GRAZIA', 'NICOLETTA', 'LETIZIA', 'ELEONORA', 'BIANCA', 'VITTORIA', 'CAMILLA', 'MATILDE', 'NICOLE', 'ADELE',
] as const;

export const COGNOMI = [
  'ROSSI', 'RUSSO', 'FERRARI', 'ESPOSITO', 'BIANCHI', 'ROMANO', 'COLOMBO', 'RICCI', 'MARINO', 'GRECO',
  'BRUNO', 'GALLO', 'CONTI', 'DE LUCA', 'MANCINI', 'COSTA', 'GIORDANO', 'RIZZO', 'LOMBARDI', 'MORETTI',
  'BARBIERI', 'FONTANA', 'SANTORO', 'MARIANI', 'RINALDI', 'CARUSO', 'FERRARA', 'GALLI', 'MARTINI', 'LEONE',
  'LONGO', 'GENTILE', 'MARTINELLI', 'VITALE', 'LOMBARDO', 'SERRA', 'COPPOLA', 'DE SANTIS', "D'ANGELO", 'MARCHETTI',
  'PARISI', 'VILLA', 'CONTE', 'FERRARO', 'FERRI', 'FABBRI', 'BIANCO', 'MARINI', 'GRASSO', 'VALENTINI',
  'MESSINA', 'SALA', 'DE ANGELIS', 'GATTI', 'PELLEGRINI', 'PALUMBO', 'SANNA', 'FARINA', 'RIZZI', 'MONTI',
  'CATTANEO', 'MORELLI', 'AMATO', 'SILVESTRI', 'MAZZA', 'TESTA', 'GRASSI', 'PELLEGRINO', 'CARBONE', 'GIULIANI',
  'BENEDETTI', 'BARONE', 'ROSSETTI', 'CAPUTO', 'MONTANARI', 'GUERRA', 'PALMIERI', 'BERNARDI', 'MARTINO', 'FIORE',
  'DE ROSA', 'FERRETTI', 'BELLINI', 'BASILE', 'RIVA', 'DONATI', 'PIRAS', 'VITALI', 'BATTAGLIA', 'SARTORI',
  'NERI', 'COSTANTINI', 'MILANI', 'PAGANO', 'RUGGIERO', 'SORRENTINO', "D'AMICO", 'ORLANDO', 'DAMICO', 'NEGRI',
  'VERDI', 'ROSSO', 'RUSSI', 'ROSA', 'RICCIO', 'RICCO', 'MARINELLI', 'MARRONE', 'ESPOSTI', 'CUOMO',
  'IANNONE', 'DI MARCO', 'DI STEFANO', 'LA ROSA', 'LO IACONO', 'PUGLIESE', 'CALABRESE', 'NAPOLITANO', 'SICILIANO', 'TOSCANO',
] as const;

export interface ForeignNames {
  maschili: readonly string[];
  femminili: readonly string[];
  cognomi: readonly string[];
}

/** Name pools by Belfiore `Z` code of the country of birth. */
export const NOMI_ESTERI: Readonly<Record<string, ForeignNames>> = {
  Z129: {
    maschili: ['ANDREI', 'ION', 'MIHAI', 'ALEXANDRU', 'GHEORGHE', 'STEFAN', 'CONSTANTIN', 'VASILE'],
    femminili: ['MARIA', 'ELENA', 'IOANA', 'ANDREEA', 'MIHAELA', 'GABRIELA', 'ANA', 'DANIELA'],
    cognomi: ['POPESCU', 'IONESCU', 'POPA', 'RADU', 'DUMITRU', 'STAN', 'STOICA', 'GHEORGHE', 'MUNTEANU', 'CONSTANTIN'],
  },
  Z100: {
    maschili: ['ARBEN', 'ERMAL', 'GENTI', 'ILIR', 'KLODIAN', 'ARDIT', 'FATMIR', 'BLEDAR'],
    femminili: ['ELONA', 'ERJONA', 'BLERINA', 'ANILA', 'DRITA', 'JONIDA', 'LULE', 'MIRELA'],
    cognomi: ['HOXHA', 'SHEHU', 'DOKA', 'KOLA', 'LLESHI', 'BASHA', 'GJONI', 'DEMIRI', 'MUCA', 'PRENGA'],
  },
  Z330: {
    maschili: ['MOHAMED', 'YOUSSEF', 'AHMED', 'RACHID', 'KHALID', 'HASSAN', 'ABDELLAH', 'SAID'],
    femminili: ['FATIMA', 'KHADIJA', 'AICHA', 'NAIMA', 'SAMIRA', 'HAFSA', 'MERYEM', 'ZINEB'],
    cognomi: ['EL AMRANI', 'BENALI', 'EL IDRISSI', 'BOUZID', 'ALAOUI', 'BENNANI', 'TAZI', 'CHAOUI', 'EL MANSOURI', 'HAJJI'],
  },
  Z210: {
    maschili: ['WEI', 'JIAN', 'HAO', 'MING', 'JUN', 'LEI', 'QIANG', 'YONG'],
    femminili: ['LI', 'FANG', 'XIU', 'YAN', 'MEI', 'LING', 'HUI', 'JING'],
    cognomi: ['HU', 'ZHOU', 'CHEN', 'WANG', 'ZHANG', 'LIN', 'WU', 'XU', 'JIN', 'YE'],
  },
  Z138: {
    maschili: ['OLEKSANDR', 'SERHII', 'ANDRII', 'VOLODYMYR', 'MYKOLA', 'IVAN', 'YURII', 'DMYTRO'],
    femminili: ['OKSANA', 'NATALIIA', 'OLENA', 'IRYNA', 'TETIANA', 'SVITLANA', 'HALYNA', 'LIUDMYLA'],
    cognomi: ['SHEVCHENKO', 'KOVALENKO', 'BONDARENKO', 'TKACHENKO', 'KRAVCHENKO', 'MELNYK', 'BOIKO', 'KOVAL', 'OLIINYK', 'LYSENKO'],
  },
  Z222: {
    maschili: ['SINGH', 'RAJESH', 'SURESH', 'AMIT', 'RAVI', 'GURPREET', 'HARPREET', 'SUNIL'],
    femminili: ['PRIYA', 'KAUR', 'ANITA', 'SUNITA', 'POOJA', 'RANI', 'MANPREET', 'NEHA'],
    cognomi: ['SINGH', 'KAUR', 'KUMAR', 'SHARMA', 'GILL', 'SANDHU', 'PATEL', 'DHILLON', 'SIDHU', 'RAM'],
  },
  Z216: {
    maschili: ['JOSE', 'MARK', 'JOHN', 'RONALDO', 'JERRY', 'ARNEL', 'ROMMEL', 'EDGAR'],
    femminili: ['MARICEL', 'JOCELYN', 'ROSALIE', 'MARY GRACE', 'LORNA', 'AILEEN', 'JENNIFER', 'CRISTINA'],
    cognomi: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA', 'MENDOZA', 'DELA CRUZ', 'RAMOS', 'AQUINO', 'CASTILLO'],
  },
  Z249: {
    maschili: ['MD RAHMAN', 'HOSSAIN', 'ISLAM', 'RAHIM', 'KARIM', 'HASAN', 'ALAM', 'UDDIN'],
    femminili: ['NASRIN', 'FATEMA', 'SHIRIN', 'RUMANA', 'TASLIMA', 'SULTANA', 'NAZMA', 'PARVIN'],
    cognomi: ['RAHMAN', 'HOSSAIN', 'ISLAM', 'AHMED', 'KHAN', 'MIAH', 'SARKER', 'UDDIN', 'BEGUM', 'AKTER'],
  },
};

/** Fallback pool for countries without their own list. */
export const NOMI_ESTERI_GENERICI: ForeignNames = {
  maschili: ['AHMED', 'ALI', 'MOHAMED', 'CARLOS', 'LUIS', 'JUAN', 'MAMADOU', 'IBRAHIMA', 'OMAR', 'SAMIR', 'IGOR', 'PIOTR'],
  femminili: ['AMINA', 'MARIAM', 'ROSA', 'CARMEN', 'ANA', 'AWA', 'FATOU', 'NADIA', 'SALMA', 'OLGA', 'AGNIESZKA', 'LUZ'],
  cognomi: ['DIALLO', 'NDIAYE', 'GARCIA', 'LOPEZ', 'FERNANDO', 'PERERA', 'MAHMOUD', 'IBRAHIM', 'KOWALSKI', 'NOWAK', 'OKAFOR', 'TRABELSI'],
};

/** Index of a Zipf-like draw over `n` items: early items (the most frequent names) come up more often. */
export function zipfIndex(u: number, n: number): number {
  // Inverse of a harmonic-ish CDF with exponent ~0.8, cheap and monotone.
  const x = Math.pow(u, 1.8);
  return Math.min(n - 1, Math.floor(x * n));
}
