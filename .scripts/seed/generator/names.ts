import type { Random } from './random.js';

/**
 * Given names common in Bengkulu (Rejang, Serawai, Malay and Javanese families) and across
 * Sumatra. Most Indonesians have no family name: a person is one or two given names.
 */
const MALE = [
  'Ahmad',
  'Muhammad',
  'Abdul',
  'Agus',
  'Andi',
  'Arif',
  'Bambang',
  'Budi',
  'Darmawan',
  'Dedi',
  'Dimas',
  'Eko',
  'Fajar',
  'Hasan',
  'Hendra',
  'Herman',
  'Irwan',
  'Ismail',
  'Jamaluddin',
  'Joko',
  'Kurniawan',
  'Mulyadi',
  'Nasrul',
  'Rahmat',
  'Rizky',
  'Rudi',
  'Samsul',
  'Slamet',
  'Sukirman',
  'Suparman',
  'Sutrisno',
  'Syahrial',
  'Taufik',
  'Wahyu',
  'Yusuf',
  'Zulkifli',
  'Bayu',
  'Hamdan',
  'Marzuki',
  'Rasyid',
  'Sudirman',
  'Tarmizi',
  'Usman',
  'Yudi',
  'Zainal',
  'Darwis',
  'Edi',
  'Ferdi',
  'Gunawan',
  'Iskandar',
  'Juliansyah',
  'Lukman',
  'Nurdin',
  'Ramli',
  'Safrudin',
  'Supri',
  'Tohir',
  'Wawan',
] as const;

const FEMALE = [
  'Siti',
  'Nurhayati',
  'Sri',
  'Rahmawati',
  'Yuliana',
  'Fitri',
  'Dewi',
  'Wati',
  'Sumiati',
  'Ratna',
  'Lestari',
  'Aisyah',
  'Fatimah',
  'Halimah',
  'Rosmiati',
  'Erni',
  'Yanti',
  'Desi',
  'Putri',
  'Ayu',
  'Indah',
  'Sari',
  'Mega',
  'Nurlela',
  'Rina',
  'Suryani',
  'Juliati',
  'Mariani',
  'Nining',
  'Rohani',
  'Salmah',
  'Tuti',
  'Umi',
  'Yusnita',
  'Zubaidah',
  'Asmah',
  'Darmini',
  'Eli',
  'Farida',
  'Herlina',
  'Idawati',
  'Kartini',
  'Lina',
  'Maryam',
  'Nova',
  'Rukiah',
  'Sulastri',
  'Winda',
  'Zahra',
] as const;

const SECOND = {
  L: ['Saputra', 'Pratama', 'Hidayat', 'Santoso', 'Setiawan', 'Firmansyah', 'Hakim', 'Ramadhan', 'Syahputra', 'Wijaya', 'Effendi', 'Nugroho'],
  P: ['Wati', 'Sari', 'Ningsih', 'Handayani', 'Susanti', 'Rahayu', 'Lestari', 'Anggraini', 'Oktaviani', 'Puspita', 'Ramadhani', 'Aminah'],
} as const;

export function personName(rng: Random, sex: 'L' | 'P'): string {
  const first = rng.pick(sex === 'L' ? MALE : FEMALE);
  return rng.chance(0.55) ? `${first} ${rng.pick(SECOND[sex])}` : first;
}

const RESPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/Muhammad/, 'Muhamad'],
  [/Yusuf/, 'Jusuf'],
  [/Sukirman/, 'Soekirman'],
  [/Sutrisno/, 'Soetrisno'],
  [/Siti/, 'Sitti'],
];

/**
 * How the same person's name comes out when typed again elsewhere: old spelling, a doubled letter,
 * a title, different case. `normaliseName` (domain/duplicates.ts) reduces every variant here to
 * the same key, which is what makes the record a likely duplicate rather than a different person.
 */
export function respell(rng: Random, name: string, sex: 'L' | 'P'): string {
  const choice = rng.int(0, 3);
  if (choice === 0) {
    for (const [from, to] of RESPELLINGS) if (from.test(name)) return name.replace(from, to);
    return name.toUpperCase();
  }
  if (choice === 1) return name.toUpperCase();
  if (choice === 2) return `${sex === 'L' ? 'H.' : 'Hj.'} ${name}`;
  return name;
}
