import { formatIsoDate, inferYear, isRealDate, jakartaDateOf, parseIsoDate } from './dates.js';
import type { Reason } from './reason.js';
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

function nikReason(code: NikReasonCode, message: string, field: string): NikReason {
  return { code, message, field };
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

export type NikParseResult =
  | { ok: true; value: ParsedNik; warnings: NikReason[] }
  | { ok: false; reasons: NikReason[]; warnings: NikReason[] };

const SIXTEEN_DIGITS = /^\d{16}$/;

/**
 * Parses and checks a NIK on its own: 16 digits; the issuing province, kabupaten/kota and
 * kecamatan exist; day 01–31 (41–71 for women), month 01–12 and a real date, its century inferred
 * against the reference date (Jakarta calendar); serial not 0000. Every failure is reported, not
 * only the first.
 */
export function parseNik(nik: string, referenceDate: Date, options: NikCheckOptions = {}): NikParseResult {
  const field = 'nik';
  if (!SIXTEEN_DIGITS.test(nik)) {
    return { ok: false, reasons: [nikReason('nik.format', 'NIK harus 16 digit angka', field)], warnings: [] };
  }
  const reasons: NikReason[] = [];
  const warnings: NikReason[] = [];
  checkRegion(nik, options, field, reasons, warnings);

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const year = inferYear(Number(nik.slice(10, 12)), month, day, jakartaDateOf(referenceDate));
  const dayInRange = (rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71);
  const monthInRange = month >= 1 && month <= 12;
  if (!dayInRange) {
    reasons.push(nikReason('nik.birth_day', 'Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan', field));
  }
  if (!monthInRange) reasons.push(nikReason('nik.birth_month', 'Bulan lahir pada NIK (digit 9–10) harus 01–12', field));
  if (dayInRange && monthInRange && !isRealDate(year, month, day)) {
    reasons.push(nikReason('nik.birth_date', 'Tanggal lahir pada NIK tidak ada di kalender (misalnya 30 Februari)', field));
  }
  const serial = nik.slice(12);
  if (serial === '0000') reasons.push(nikReason('nik.serial', 'Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000', field));
  if (reasons.length > 0) return { ok: false, reasons, warnings };
  return {
    ok: true,
    value: { issuingKecamatan: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`, birthDate: formatIsoDate({ year, month, day }), sex, serial },
    warnings,
  };
}

/**
 * Region part of a NIK or KK number. Structural faults (province below 11, kabupaten 00 or 70,
 * kecamatan 00) are always errors; existence is checked from the top, and only the highest level
 * that is missing is reported (an unknown province implies unknown kabupaten and kecamatan).
 */
function checkRegion(digits: string, options: NikCheckOptions, field: string, errors: NikReason[], warnings: NikReason[]): void {
  const pp = digits.slice(0, 2);
  const kk = digits.slice(2, 4);
  const cc = digits.slice(4, 6);
  const structural: NikReason[] = [];
  if (Number(pp) < 11) structural.push(nikReason('nik.province', 'Kode provinsi pada NIK (digit 1–2) tidak valid', field));
  if (!isRegencyPartValid(Number(kk))) structural.push(nikReason('nik.regency', 'Kode kabupaten/kota pada NIK (digit 3–4) harus 01–69 atau 71–99', field));
  if (Number(cc) < 1) structural.push(nikReason('nik.district', 'Kode kecamatan pada NIK (digit 5–6) tidak boleh 00', field));
  if (structural.length > 0) {
    errors.push(...structural);
    return;
  }
  const regions = options.regions === undefined ? nationalRegions() : options.regions;
  if (regions === null) return;
  if (!regions.hasProvince(pp)) {
    errors.push(nikReason('nik.province_unknown', `Kode provinsi ${pp} pada NIK tidak ada dalam data wilayah Kemendagri`, field));
    return;
  }
  const soft = options.unknownRegion === 'warning';
  const target = soft ? warnings : errors;
  const note = soft ? ' (mungkin kode lama sebelum pemekaran; periksa dengan Dukcapil)' : '';
  if (!regions.hasKabupaten(`${pp}.${kk}`)) {
    target.push(nikReason('nik.regency_unknown', `Kode kabupaten/kota ${pp}.${kk} pada NIK tidak ada dalam data wilayah Kemendagri${note}`, field));
  } else if (!regions.hasKecamatan(`${pp}.${kk}.${cc}`)) {
    target.push(nikReason('nik.district_unknown', `Kode kecamatan ${pp}.${kk}.${cc} pada NIK tidak ada dalam data wilayah Kemendagri${note}`, field));
  }
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
  if (member.nik === null || member.nik === '') {
    return { errors: [], warnings: [nikReason('nik.missing', 'Anggota belum memiliki NIK; data tetap disimpan tetapi ditandai', field)] };
  }
  const parsed = parseNik(member.nik, referenceDate, options);
  const warnings = parsed.warnings.map((r) => ({ ...r, field }));
  if (!parsed.ok) return { errors: parsed.reasons.map((r) => ({ ...r, field })), warnings };
  const errors: NikReason[] = [];
  // Compare `YY-MM-DD` of both ISO dates: the century on the NIK is only inferred.
  if (parseIsoDate(member.birthDate) && member.birthDate.slice(2) !== parsed.value.birthDate.slice(2)) {
    errors.push(nikReason('nik.birth_date_mismatch', 'Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota', field));
  }
  if (parsed.value.sex !== member.sex) {
    errors.push(
      nikReason('nik.sex_mismatch', 'Jenis kelamin pada NIK tidak sama dengan jenis kelamin anggota (tanggal lahir perempuan pada NIK ditambah 40)', field),
    );
  }
  return { errors, warnings };
}

/** `1702060101900003` → `1702••••••••0003`: enough to tell people apart in a list, no more. */
export function maskNik(nik: string | null): string {
  if (nik === null || nik.length !== 16) return '—';
  return `${nik.slice(0, 4)}${'•'.repeat(8)}${nik.slice(12)}`;
}

/** Masks anything in free text that looks like a NIK or KK number (16 digits in a row). */
export function redactNiks(text: string): string {
  return text.replace(/(?<!\d)\d{16}(?!\d)/g, (m) => maskNik(m));
}
