import { nationalKecamatanCodes, nationalRegions, type CalendarDate } from '../../../functions/src/domain/index.js';
import { Weighted, type Random } from './random.js';

/**
 * NIK and KK numbers as Dukcapil issues them: `PPKKCC DDMMYY NNNN` (the kecamatan of issue, the
 * birth date with 40 added to the day for women — for a KK, the recording date — and a serial from
 * 0001). Serials never repeat for the same first twelve digits, so every number is unique.
 */

/** What is wrong with a member's NIK, on purpose. Each kind fails `checkMemberNik` with one reason. */
export const NIK_ISSUES = ['missing', 'sex_mismatch', 'birth_date_mismatch', 'unknown_kecamatan', 'impossible_date'] as const;
export type NikIssue = (typeof NIK_ISSUES)[number];

/** The reason code `checkMemberNik` gives for each kind (a warning for `missing`, an error for the rest). */
export const NIK_ISSUE_CODES: Record<NikIssue, string> = {
  missing: 'nik.missing',
  sex_mismatch: 'nik.sex_mismatch',
  birth_date_mismatch: 'nik.birth_date_mismatch',
  unknown_kecamatan: 'nik.district_unknown',
  impossible_date: 'nik.birth_date',
};

/** How invalid NIKs go wrong in the field: a woman's day without +40, a mistyped date, an old or made-up kecamatan. */
const INVALID_KINDS = new Weighted<Exclude<NikIssue, 'missing'>>([
  ['sex_mismatch', 35],
  ['birth_date_mismatch', 35],
  ['unknown_kecamatan', 20],
  ['impossible_date', 10],
]);

/**
 * Serials for a 12-digit prefix: counters in a hashed table. Two prefixes may share a counter
 * (then both just skip some serials), but one prefix always reaches the same counter, so a serial
 * is never given twice for it. Memory is fixed (a Uint16Array) whatever the register's size.
 */
export class SerialPool {
  private readonly counts: Uint16Array;
  private readonly mask: number;

  constructor(expected: number) {
    const bits = Math.min(24, Math.max(10, Math.ceil(Math.log2(Math.max(1, expected) * 2))));
    this.counts = new Uint16Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  next(prefix: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < prefix.length; i += 1) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const slot = (h >>> 0) & this.mask;
    const n = (this.counts[slot] as number) + 1;
    if (n > 9999) throw new Error(`serials exhausted for ${prefix.slice(0, 6)}: make the pool larger`);
    this.counts[slot] = n;
    return String(n).padStart(4, '0');
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const digits = (code: string) => code.replaceAll('.', '');

interface KabupatenIssuers {
  own: string[]; // the kabupaten's kecamatan (6 digits)
  province: string[]; // the province's
  unknown: string[]; // well-formed kecamatan codes of the kabupaten that do not exist
}

export class Issuer {
  private readonly niks: SerialPool;
  private readonly kks: SerialPool;
  private readonly national: string[];
  private readonly byKabupaten = new Map<string, KabupatenIssuers>();

  constructor(
    private readonly rng: Random,
    expectedPeople: number,
  ) {
    this.niks = new SerialPool(expectedPeople);
    this.kks = new SerialPool(expectedPeople / 3);
    this.national = nationalKecamatanCodes().map(digits);
  }

  private issuers(kabupaten6: string): KabupatenIssuers {
    const kab = kabupaten6.slice(0, 4);
    let found = this.byKabupaten.get(kab);
    if (found) return found;
    const own = this.national.filter((c) => c.startsWith(kab));
    const province = this.national.filter((c) => c.startsWith(kab.slice(0, 2)));
    const regions = nationalRegions();
    const unknown: string[] = [];
    for (let cc = 1; cc <= 99 && unknown.length < 5; cc += 1) {
      if (!regions.hasKecamatan(`${kab.slice(0, 2)}.${kab.slice(2)}.${pad2(cc)}`)) unknown.push(`${kab}${pad2(cc)}`);
    }
    found = { own, province, unknown };
    this.byKabupaten.set(kab, found);
    return found;
  }

  /**
   * Where a member's NIK was first issued. The NIK keeps the kecamatan of issue when people move,
   * so most members carry their own kecamatan's code, some another of the kabupaten, a few one
   * from elsewhere in the province or the country.
   */
  issuingKecamatan(householdKecamatan: string): string {
    const own = digits(householdKecamatan);
    const roll = this.rng.next();
    if (roll < 0.8) return own;
    const kab = this.issuers(own);
    if (roll < 0.92) return this.rng.pick(kab.own);
    if (roll < 0.97) return this.rng.pick(kab.province);
    return this.rng.pick(this.national);
  }

  drawInvalidKind(): Exclude<NikIssue, 'missing'> {
    return INVALID_KINDS.draw(this.rng);
  }

  /** A NIK for a member born on `birthDate` (`YYYY-MM-DD`), valid unless `issue` says how it is wrong. */
  nik(birthDate: string, sex: 'L' | 'P', kecamatan6: string, issue: Exclude<NikIssue, 'missing'> | null): string {
    let year = Number(birthDate.slice(0, 4));
    let month = Number(birthDate.slice(5, 7));
    let day = Number(birthDate.slice(8, 10));
    let female = sex === 'P';
    let kec = kecamatan6;
    switch (issue) {
      case 'sex_mismatch':
        female = !female;
        break;
      case 'birth_date_mismatch': {
        const shifted = new Date(Date.UTC(year, month - 1, day + (this.rng.chance(0.5) ? -1 : 1) * this.rng.int(1, 20)));
        year = shifted.getUTCFullYear();
        month = shifted.getUTCMonth() + 1;
        day = shifted.getUTCDate();
        break;
      }
      case 'unknown_kecamatan':
        kec = this.rng.pick(this.issuers(kecamatan6).unknown);
        break;
      case 'impossible_date':
        month = 2;
        day = this.rng.int(30, 31);
        break;
      case null:
        break;
    }
    const prefix = `${kec}${pad2(day + (female ? 40 : 0))}${pad2(month)}${pad2(year % 100)}`;
    return prefix + this.niks.next(prefix);
  }

  /** A KK number issued in a kecamatan on a recording date. */
  kk(kecamatan: string, recordedOn: CalendarDate): string {
    const prefix = `${digits(kecamatan)}${pad2(recordedOn.day)}${pad2(recordedOn.month)}${pad2(recordedOn.year % 100)}`;
    return prefix + this.kks.next(prefix);
  }
}
