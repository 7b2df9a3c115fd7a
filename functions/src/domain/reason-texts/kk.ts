import { fixed, str, type ReasonEntry } from './format.js';

/** KK number checks and the KK history (kk.ts): the texts say which digits are wrong, never the number itself. */
export const KK_TEXTS: Record<string, ReasonEntry> = {
  'kk.format': fixed('Nomor KK harus 16 digit angka', 'The KK number must be 16 digits'),
  'kk.region': fixed('Kode wilayah pada nomor KK (digit 1–6) tidak valid', 'The region code in the KK number (digits 1–6) is not valid'),
  'kk.region_unknown': {
    id: (p) => `Kode wilayah ${str(p.code)} pada nomor KK tidak ada dalam data wilayah Kemendagri`,
    en: (p) => `The region code ${str(p.code)} in the KK number is not in the Kemendagri region data`,
  },
  'kk.date': fixed(
    'Tanggal pencatatan pada nomor KK (digit 7–12, HHBBTT) tidak valid',
    'The recording date in the KK number (digits 7–12, DDMMYY) is not valid',
  ),
  'kk.serial': fixed('Nomor urut pada nomor KK tidak boleh 0000', 'The serial number in the KK number cannot be 0000'),
  'kk.unchanged': fixed('Nomor KK baru sama dengan nomor KK yang berlaku', 'The new KK number is the same as the KK number in force'),
  'kk.history_order': {
    id: (p) => `Tanggal berlaku KK baru tidak boleh sebelum ${str(p.since)}`,
    en: (p) => `The new KK cannot take effect before ${str(p.since)}`,
  },
};
