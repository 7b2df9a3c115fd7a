import { formatIsoDate, isRealDate, jakartaDateOf, parseIsoDate } from './dates.js';
import { reason, type Reason } from './reason.js';
import { isRegencyPartValid } from './wilayah.js';

/**
 * NIK (Nomor Induk Kependudukan): `PP KK CC DDMMYY NNNN`. The region is where the NIK was first
 * issued (it never changes when a person moves); DD is +40 for women; NNNN starts at 0001.
 * NIK is personal data (UU PDP 27/2022): functions here never put it in a message.
 */
export type Sex = 'L' | 'P';

export interface ParsedNik {
  issuingKecamatan: string; // PP.KK.CC
  birthDate: string; // YYYY-MM-DD, century inferred against the reference date
  sex: Sex;
  serial: string;
}

const SIXTEEN_DIGITS = /^\d{16}$/;

/**
 * Structural parse. The century is inferred: a two-digit year that would put the birth date after
 * the reference date belongs to the previous century.
 */
export function parseNik(nik: string, referenceDate: Date): { ok: true; value: ParsedNik } | { ok: false; reasons: Reason[] } {
  const field = 'nik';
  if (!SIXTEEN_DIGITS.test(nik)) {
    return { ok: false, reasons: [reason('nik.format', 'NIK harus 16 digit angka', field)] };
  }
  const reasons: Reason[] = [];
  const pp = Number(nik.slice(0, 2));
  const kk = Number(nik.slice(2, 4));
  const cc = Number(nik.slice(4, 6));
  if (pp < 11 || pp > 99) reasons.push(reason('nik.province', 'Kode provinsi pada NIK tidak dikenal', field));
  if (!isRegencyPartValid(kk)) reasons.push(reason('nik.regency', 'Kode kabupaten/kota pada NIK tidak valid', field));
  if (cc < 1) reasons.push(reason('nik.district', 'Kode kecamatan pada NIK tidak valid', field));

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const ref = jakartaDateOf(referenceDate);
  let year = Math.floor(ref.year / 100) * 100 + yy;
  if (year > ref.year) year -= 100;
  const dayInRange = (rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71);
  if (!dayInRange || month < 1 || month > 12 || !isRealDate(year, month, day)) {
    reasons.push(reason('nik.birth_date', 'Tanggal lahir pada NIK tidak valid (tanggal 01–31, atau 41–71 untuk perempuan; bulan 01–12)', field));
  }
  const serial = nik.slice(12);
  if (serial === '0000') reasons.push(reason('nik.serial', 'Nomor urut pada NIK tidak boleh 0000', field));
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    value: {
      issuingKecamatan: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      birthDate: formatIsoDate({ year, month, day }),
      sex,
      serial,
    },
  };
}

export interface NikHolder {
  nik: string | null;
  sex: Sex;
  birthDate: string; // YYYY-MM-DD
}

/**
 * Checks a member's NIK against the member's own data. A member without NIK is allowed but
 * flagged (`nik.missing`, a warning), because such records are common and must still be visible.
 */
export function checkMemberNik(member: NikHolder, referenceDate: Date, field = 'nik'): { errors: Reason[]; warnings: Reason[] } {
  if (member.nik === null || member.nik === '') {
    return { errors: [], warnings: [reason('nik.missing', 'Anggota belum memiliki NIK; data tetap disimpan tetapi ditandai', field)] };
  }
  const parsed = parseNik(member.nik, referenceDate);
  if (!parsed.ok) return { errors: parsed.reasons.map((r) => ({ ...r, field })), warnings: [] };
  const errors: Reason[] = [];
  const birth = parseIsoDate(member.birthDate);
  if (birth) {
    const nikBirth = parseIsoDate(parsed.value.birthDate);
    // Compare day, month and the two-digit year: the century on the NIK is only inferred.
    if (!nikBirth || nikBirth.day !== birth.day || nikBirth.month !== birth.month || nikBirth.year % 100 !== birth.year % 100) {
      errors.push(reason('nik.birth_date_mismatch', 'Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota', field));
    }
  }
  if (parsed.value.sex !== member.sex) {
    errors.push(reason('nik.sex_mismatch', 'Jenis kelamin pada NIK tidak sama dengan jenis kelamin anggota (tanggal lahir perempuan pada NIK ditambah 40)', field));
  }
  return { errors, warnings: [] };
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
