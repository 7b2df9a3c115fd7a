import { fixed, str, type ReasonEntry } from './format.js';

const regionUnknown = (levelId: string, levelEn: string): ReasonEntry => ({
  id: (p) =>
    `Kode ${levelId} ${str(p.code)} pada NIK tidak ada dalam data wilayah Kemendagri${p.soft === true ? ' (mungkin kode lama sebelum pemekaran; periksa dengan Dukcapil)' : ''}`,
  en: (p) =>
    `The ${levelEn} code ${str(p.code)} in the NIK is not in the Kemendagri region data${p.soft === true ? ' (perhaps an old code from before a split; check with Dukcapil)' : ''}`,
});

/** NIK checks (nik.ts): the texts say which digits are wrong, never the NIK itself. */
export const NIK_TEXTS: Record<string, ReasonEntry> = {
  'nik.missing': fixed('Anggota belum memiliki NIK; data tetap disimpan tetapi ditandai', 'The member has no NIK yet; the record is kept but flagged'),
  'nik.format': fixed('NIK harus 16 digit angka', 'The NIK must be 16 digits'),
  'nik.province': fixed('Kode provinsi pada NIK (digit 1–2) tidak valid', 'The province code in the NIK (digits 1–2) is not valid'),
  'nik.regency': fixed(
    'Kode kabupaten/kota pada NIK (digit 3–4) harus 01–69 atau 71–99',
    'The regency/city code in the NIK (digits 3–4) must be 01–69 or 71–99',
  ),
  'nik.district': fixed('Kode kecamatan pada NIK (digit 5–6) tidak boleh 00', 'The district code in the NIK (digits 5–6) cannot be 00'),
  'nik.province_unknown': {
    id: (p) => `Kode provinsi ${str(p.code)} pada NIK tidak ada dalam data wilayah Kemendagri`,
    en: (p) => `The province code ${str(p.code)} in the NIK is not in the Kemendagri region data`,
  },
  'nik.regency_unknown': regionUnknown('kabupaten/kota', 'regency/city'),
  'nik.district_unknown': regionUnknown('kecamatan', 'district'),
  'nik.birth_day': fixed(
    'Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan',
    'The birth day in the NIK (digits 7–8) must be 01–31, or 41–71 for women',
  ),
  'nik.birth_month': fixed('Bulan lahir pada NIK (digit 9–10) harus 01–12', 'The birth month in the NIK (digits 9–10) must be 01–12'),
  'nik.birth_date': fixed(
    'Tanggal lahir pada NIK tidak ada di kalender (misalnya 30 Februari)',
    'The birth date in the NIK is not a calendar date (for example 30 February)',
  ),
  'nik.serial': fixed('Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000', 'The serial number in the NIK (last 4 digits) cannot be 0000'),
  'nik.birth_date_mismatch': fixed(
    'Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota',
    "The birth date in the NIK differs from the member's birth date",
  ),
  'nik.sex_mismatch': fixed(
    'Jenis kelamin pada NIK tidak sama dengan jenis kelamin anggota (tanggal lahir perempuan pada NIK ditambah 40)',
    "The sex in the NIK differs from the member's sex (a woman's birth day in the NIK is increased by 40)",
  ),
};
