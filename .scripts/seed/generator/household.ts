import type { CalendarDate, DisabilityLevel, Occupation, RELATIONSHIPS, SchoolLevel } from '../../../functions/src/domain/index.js';
import { personName } from './names.js';
import { Weighted, type Random } from './random.js';

export type Relationship = (typeof RELATIONSHIPS)[number];

/** A person as the KK lists them, before any identity number is attached. */
export interface Person {
  name: string;
  sex: 'L' | 'P';
  birthDate: string; // YYYY-MM-DD
  age: number; // whole years on the register's date
  relationship: Relationship;
  occupation: Occupation;
  pregnant: boolean;
  disability: DisabilityLevel;
  school: SchoolLevel;
}

/**
 * Household sizes of poor households in rural Sumatra (Susenas-like: about 3.9 people on
 * average, one in twelve living alone, a long tail of large families).
 */
const SIZES = new Weighted<number>([
  [1, 8],
  [2, 15],
  [3, 20],
  [4, 24],
  [5, 16],
  [6, 9],
  [7, 5],
  [8, 2],
  [9, 0.7],
  [10, 0.3],
]);

/** Rejang Lebong lives from coffee, vegetables and rice: most heads farm or do day labour. */
const HEAD_JOBS = new Weighted<Occupation>([
  ['petani', 46],
  ['buruh', 18],
  ['pedagang', 8],
  ['wiraswasta', 8],
  ['karyawan_swasta', 4],
  ['nelayan', 1],
  ['tidak_bekerja', 5],
  ['lainnya', 3],
]);
const WOMAN_JOBS = new Weighted<Occupation>([
  ['mengurus_rumah_tangga', 68],
  ['petani', 16],
  ['pedagang', 8],
  ['buruh', 5],
  ['wiraswasta', 3],
]);
const WIDOW_JOBS = new Weighted<Occupation>([
  ['petani', 38],
  ['pedagang', 18],
  ['buruh', 15],
  ['mengurus_rumah_tangga', 17],
  ['tidak_bekerja', 12],
]);
const ELDER_JOBS = new Weighted<Occupation>([
  ['tidak_bekerja', 55],
  ['petani', 33],
  ['pensiunan', 4],
  ['pedagang', 8],
]);
const YOUTH_JOBS = new Weighted<Occupation>([
  ['buruh', 35],
  ['petani', 25],
  ['karyawan_swasta', 12],
  ['tidak_bekerja', 23],
  ['pedagang', 5],
]);

const DAY_MS = 86_400_000;

function birthDateFor(rng: Random, age: number, on: CalendarDate): string {
  // `age` full years on `on`: between `age` years and `age + 1` years minus a day before it.
  const anniversary = Date.UTC(on.year - age, on.month - 1, on.day);
  const d = new Date(anniversary - rng.int(0, 364) * DAY_MS);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${d.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

function schoolAt(rng: Random, age: number): SchoolLevel {
  if (age <= 3) return 'tidak_sekolah';
  if (age <= 5) return rng.chance(0.5) ? 'paud' : 'tidak_sekolah';
  if (age === 6) return rng.chance(0.6) ? 'sd' : 'paud';
  if (age <= 12) return rng.chance(0.96) ? 'sd' : 'tidak_sekolah';
  if (age <= 15) return rng.chance(0.88) ? 'smp' : 'tidak_sekolah';
  if (age <= 18) return rng.chance(0.72) ? 'sma' : 'tidak_sekolah';
  if (age <= 20) return rng.chance(0.08) ? 'sma' : 'tidak_sekolah';
  return 'tidak_sekolah';
}

function disabilityAt(rng: Random, age: number): DisabilityLevel {
  const x = rng.next() / (age >= 60 ? 2 : 1);
  return x < 0.006 ? 'berat' : x < 0.014 ? 'sedang' : x < 0.026 ? 'ringan' : 'tidak_ada';
}

class Builder {
  readonly people: Person[] = [];
  constructor(
    private readonly rng: Random,
    private readonly on: CalendarDate,
  ) {}

  add(relationship: Relationship, sex: 'L' | 'P', age: number, occupation?: Occupation): Person {
    const rng = this.rng;
    const school = schoolAt(rng, age);
    const job =
      occupation ??
      (school !== 'tidak_sekolah'
        ? 'pelajar'
        : age < 15
          ? 'tidak_bekerja'
          : age >= 65
            ? ELDER_JOBS.draw(rng)
            : age <= 25
              ? YOUTH_JOBS.draw(rng)
              : sex === 'P'
                ? WOMAN_JOBS.draw(rng)
                : HEAD_JOBS.draw(rng));
    const person: Person = {
      name: personName(rng, sex),
      sex,
      birthDate: birthDateFor(rng, age, this.on),
      age,
      relationship,
      occupation: job,
      pregnant: false,
      disability: disabilityAt(rng, age),
      school,
    };
    this.people.push(person);
    return person;
  }
}

/**
 * One household's people: a head (a man in most households; a widow or a woman living alone in
 * the rest), a wife, children born when their mother was 18–42, and in some households a parent
 * or parent-in-law, grandchildren, a son- or daughter-in-law, or another relative.
 */
export function composeHousehold(rng: Random, on: CalendarDate, size = SIZES.draw(rng)): Person[] {
  const b = new Builder(rng, on);
  const femaleHead = rng.chance(size === 1 ? 0.45 : 0.12);
  const headAge = Math.round(22 + ((rng.next() + rng.next() + rng.next()) / 3) * 60 + (size === 1 ? 12 : 0));
  const head = b.add(
    'kepala_keluarga',
    femaleHead ? 'P' : 'L',
    Math.min(headAge, 92),
    femaleHead ? (headAge >= 65 ? undefined : WIDOW_JOBS.draw(rng)) : headAge >= 65 ? undefined : HEAD_JOBS.draw(rng),
  );
  let mother: Person | null = femaleHead ? head : null;
  if (!femaleHead && size >= 2 && rng.chance(0.93)) {
    mother = b.add('istri', 'P', Math.max(18, head.age - rng.int(-2, 8)));
  }
  const motherAge = mother ? mother.age : head.age - 4;
  let childAge = motherAge - rng.int(19, 27);
  while (b.people.length < size) {
    const left = size - b.people.length;
    if (left >= 1 && head.age <= 52 && rng.chance(0.05) && head.age + 24 <= 92) {
      const parentAge = Math.min(92, head.age + rng.int(22, 34));
      b.add(rng.chance(0.5) ? 'orang_tua' : 'mertua', rng.chance(0.65) ? 'P' : 'L', parentAge);
      continue;
    }
    if (childAge >= 0 && motherAge - childAge <= 44) {
      const child = b.add('anak', rng.chance(0.51) ? 'L' : 'P', childAge);
      // A married child often still lives with the parents, with their spouse.
      if (child.age >= 20 && b.people.length < size && rng.chance(0.12)) {
        const spouse = b.add('menantu', child.sex === 'L' ? 'P' : 'L', Math.max(18, child.age + (child.sex === 'L' ? -rng.int(0, 5) : rng.int(0, 5))));
        if (spouse.sex === 'P' && spouse.age <= 40 && rng.chance(0.08)) spouse.pregnant = true;
      }
      childAge -= rng.int(2, 5);
      continue;
    }
    if (head.age >= 45 && rng.chance(0.8)) b.add('cucu', rng.chance(0.51) ? 'L' : 'P', rng.int(0, Math.min(15, head.age - 40)));
    else b.add('famili_lain', rng.chance(0.5) ? 'L' : 'P', rng.int(5, 70));
  }
  if (mother && mother.relationship === 'istri' && mother.age >= 18 && mother.age <= 42 && rng.chance(0.06)) mother.pregnant = true;
  return b.people;
}
