import { formatIsoDate, inferYear, isRealDate, jakartaDateOf, type CalendarDate } from './dates.js';
import type { Reason, ReasonParams } from './reason.js';
import { isRegencyPartValid, nationalRegions, type RegionLookup } from './wilayah.js';

/**
 * NIK (Nomor Induk Kependudukan): `PP KK CC DDMMYY NNNN`. The region is the kecamatan where the NIK
 * was first issued (it never changes when a person moves, so it is not compared with the address);
 * DD is +40 for women; NNNN starts at 0001. The NIK is the person key of the register.
 * NIK is personal data (UU PDP 27/2022): functions here never put it in a message.
 */
export type Sex = 'L' | 'P';

export interface ParsedNik {
  issuingKecamatan: string; // PP.KK.CC
  birthDate: string; // YYYY-MM-DD, century inferred against the reference date
  sex: Sex;
  serial: string;
}

/** Every reason a NIK check can give; `code` of each Reason it returns is one of these. */
export const NIK_REASON_CODES = [
  'nik.missing',
  'nik.format',
  'nik.province',
  'nik.province_unknown',
  'nik.regency',
  'nik.regency_unknown',
  'nik.district',
  'nik.district_unknown',
  'nik.birth_day',
  'nik.birth_month',
  'nik.birth_date',
  'nik.serial',
  'nik.birth_date_mismatch',
  'nik.sex_mismatch',
] as const;
export type NikReasonCode = (typeof NIK_REASON_CODES)[number];

export interface NikReason extends Reason {
  code: NikReasonCode;
}

function nikReason(code: NikReasonCode, params: ReasonParams | undefined, field: string): NikReason {
  return params === undefined ? { code, field } : { code, params, field };
}

export interface NikCheckOptions {
  /** Which region codes exist; defaults to the national list. `null` checks structure only. */
  regions?: RegionLookup | null;
  /**
   * What an issuing kabupaten/kecamatan missing from today's list is: an error (default), or a
   * warning for kabupaten that meet many NIKs issued before a region was split or renumbered.
   */
  unknownRegion?: 'error' | 'warning';
}

export type NikParseResult = { ok: true; value: ParsedNik; warnings: NikReason[] } | { ok: false; reasons: NikReason[]; warnings: NikReason[] };

/** Two decimal digits at `i` as a number (the caller has checked they are digits). */
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The Jakarta date of the last reference instant seen: a batch checks every NIK against one date. */
let lastReference: { at: number; on: CalendarDate } = { at: Number.NaN, on: { year: 0, month: 0, day: 0 } };
function referenceDay(referenceDate: Date): CalendarDate {
  const at = referenceDate.getTime();
  if (at !== lastReference.at) lastReference = { at, on: jakartaDateOf(referenceDate) };
  return lastReference.on;
}

interface NikDigits {
  year: number;
  month: number;
  day: number;
  sex: Sex;
}

/**
 * The checks of `parseNik` on a string already known to be 16 digits, pushing what fails with
 * `field`; returns the birth date and sex when nothing failed. Builds no string on the way.
 */
function inspect(nik: string, on: CalendarDate, options: NikCheckOptions, field: string, errors: NikReason[], warnings: NikReason[]): NikDigits | null {
  const before = errors.length;
  checkRegion(nik, options, field, errors, warnings);
  const rawDay = twoDigits(nik, 6);
  const month = twoDigits(nik, 8);
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const year = inferYear(twoDigits(nik, 10), month, day, on);
  const dayInRange = (rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71);
  const monthInRange = month >= 1 && month <= 12;
  if (!dayInRange) errors.push(nikReason('nik.birth_day', undefined, field));
  if (!monthInRange) errors.push(nikReason('nik.birth_month', undefined, field));
  if (dayInRange && monthInRange && !isRealDate(year, month, day)) errors.push(nikReason('nik.birth_date', undefined, field));
  if (nik.charCodeAt(12) === 48 && nik.charCodeAt(13) === 48 && nik.charCodeAt(14) === 48 && nik.charCodeAt(15) === 48) {
    errors.push(nikReason('nik.serial', undefined, field));
  }
  return errors.length > before ? null : { year, month, day, sex };
}

/**
 * Parses and checks a NIK on its own: 16 digits; the issuing province, kabupaten/kota and
 * kecamatan exist; day 01–31 (41–71 for women), month 01–12 and a real date, its century inferred
 * against the reference date (Jakarta calendar); serial not 0000. Every failure is reported, not
 * only the first.
 */
export function parseNik(nik: string, referenceDate: Date, options: NikCheckOptions = {}): NikParseResult {
  const field = 'nik';
  if (!isSixteenDigits(nik)) return { ok: false, reasons: [nikReason('nik.format', undefined, field)], warnings: [] };
  const reasons: NikReason[] = [];
  const warnings: NikReason[] = [];
  const found = inspect(nik, referenceDay(referenceDate), options, field, reasons, warnings);
  if (!found) return { ok: false, reasons, warnings };
  return {
    ok: true,
    value: {
      issuingKecamatan: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      birthDate: formatIsoDate(found),
      sex: found.sex,
      serial: nik.slice(12),
    },
    warnings,
  };
}

interface RegionVerdict {
  errors: readonly NikReasonCodeWithParams[];
  warnings: readonly NikReasonCodeWithParams[];
}
type NikReasonCodeWithParams = { code: NikReasonCode; params?: ReasonParams };

/** Region verdicts by the first six digits, per region list and mode: there are only ~7,300 kecamatan. */
const regionVerdicts = new WeakMap<RegionLookup, Map<string, RegionVerdict>>();
const structuralVerdicts = new Map<string, RegionVerdict>();

/**
 * Region part of a NIK or KK number. Structural faults (province below 11, kabupaten 00 or 70,
 * kecamatan 00) are always errors; existence is checked from the top, and only the highest level
 * that is missing is reported (an unknown province implies unknown kabupaten and kecamatan).
 */
function checkRegion(digits: string, options: NikCheckOptions, field: string, errors: NikReason[], warnings: NikReason[]): void {
  const regions = options.regions === undefined ? nationalRegions() : options.regions;
  const soft = options.unknownRegion === 'warning';
  const prefix = digits.slice(0, 6);
  let cache = structuralVerdicts;
  if (regions !== null) {
    cache = regionVerdicts.get(regions) ?? new Map<string, RegionVerdict>();
    regionVerdicts.set(regions, cache);
  }
  const key = soft ? `${prefix}w` : prefix;
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = judgeRegion(prefix, regions, soft);
    cache.set(key, verdict);
  }
  for (const r of verdict.errors) errors.push(nikReason(r.code, r.params, field));
  for (const r of verdict.warnings) warnings.push(nikReason(r.code, r.params, field));
}

function judgeRegion(prefix: string, regions: RegionLookup | null, soft: boolean): RegionVerdict {
  const pp = prefix.slice(0, 2);
  const kk = prefix.slice(2, 4);
  const cc = prefix.slice(4, 6);
  const structural: NikReasonCodeWithParams[] = [];
  if (Number(pp) < 11) structural.push({ code: 'nik.province' });
  if (!isRegencyPartValid(Number(kk))) structural.push({ code: 'nik.regency' });
  if (Number(cc) < 1) structural.push({ code: 'nik.district' });
  if (structural.length > 0 || regions === null) return { errors: structural, warnings: [] };
  if (!regions.hasProvince(pp)) return { errors: [{ code: 'nik.province_unknown', params: { code: pp } }], warnings: [] };
  const found: NikReasonCodeWithParams[] = [];
  if (!regions.hasKabupaten(`${pp}.${kk}`)) found.push({ code: 'nik.regency_unknown', params: { code: `${pp}.${kk}`, soft } });
  else if (!regions.hasKecamatan(`${pp}.${kk}.${cc}`)) found.push({ code: 'nik.district_unknown', params: { code: `${pp}.${kk}.${cc}`, soft } });
  return soft ? { errors: [], warnings: found } : { errors: found, warnings: [] };
}

export interface NikHolder {
  nik: string | null;
  sex: Sex;
  birthDate: string; // YYYY-MM-DD
}

/**
 * Checks a member's NIK on its own and against the member's own data (birth date and sex). A
 * member without NIK is allowed but flagged (`nik.missing`, a warning), because such records are
 * common (most of Lampung's 193,003 invalid KPM had no NIK) and must still be visible.
 */
export function checkMemberNik(
  member: NikHolder,
  referenceDate: Date,
  field = 'nik',
  options: NikCheckOptions = {},
): { errors: NikReason[]; warnings: NikReason[] } {
  const errors: NikReason[] = [];
  const warnings: NikReason[] = [];
  const nik = member.nik;
  if (nik === null || nik === '') {
    warnings.push(nikReason('nik.missing', undefined, field));
    return { errors, warnings };
  }
  if (!isSixteenDigits(nik)) {
    errors.push(nikReason('nik.format', undefined, field));
    return { errors, warnings };
  }
  const found = inspect(nik, referenceDay(referenceDate), options, field, errors, warnings);
  if (!found) return { errors, warnings };
  // Compare `YY-MM-DD` of the member's birth date with the NIK's: the century on the NIK is only inferred.
  const b = member.birthDate;
  if (isRealIsoDate(b) && (twoDigits(b, 2) !== found.year % 100 || twoDigits(b, 5) !== found.month || twoDigits(b, 8) !== found.day)) {
    errors.push(nikReason('nik.birth_date_mismatch', undefined, field));
  }
  if (found.sex !== member.sex) errors.push(nikReason('nik.sex_mismatch', undefined, field));
  return { errors, warnings };
}

/** `YYYY-MM-DD` and a real calendar date, without a regular expression. */
function isRealIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return isRealDate(twoDigits(s, 0) * 100 + twoDigits(s, 2), twoDigits(s, 5), twoDigits(s, 8));
}

/** `1702060101900003` → `1702••••••••0003`: enough to tell people apart in a list, no more. */
export function maskNik(nik: string | null): string {
  if (nik === null || nik.length !== 16) return '—';
  return `${nik.slice(0, 4)}${'•'.repeat(8)}${nik.slice(12)}`;
}

/**
 * Masks anything in free text that looks like a NIK or KK number: 16 digits in a row, or typed in
 * groups with a space, dot, dash or slash between digits ("1702 0612 0384 0001", "1702.0612…").
 * A longer run of digits is something else and stays.
 */
export function redactNiks(text: string): string {
  return text.replace(/(?<![\d])(?:\d[ .\-/]?){15}\d(?![\d])/g, (m) => maskNik(m.replace(/\D/g, '')));
}
