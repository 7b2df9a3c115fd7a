import { fixed, type ReasonEntry } from './format.js';

/** Wilayah codes (wilayah.ts): their structure. */
export const WILAYAH_TEXTS: Record<string, ReasonEntry> = {
  // `level: 'desa'` when a desa/kelurahan code was asked for; otherwise a code of any level.
  'wilayah.format': {
    id: (p) =>
      p.level === 'desa'
        ? 'Kode desa/kelurahan harus berbentuk PP.KK.CC.DDDD, contoh 17.02.06.2001'
        : 'Kode wilayah harus berbentuk PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD',
    en: (p) =>
      p.level === 'desa'
        ? 'The village code must have the form PP.KK.CC.DDDD, for example 17.02.06.2001'
        : 'The region code must have the form PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD',
  },
  'wilayah.province': fixed('Kode provinsi tidak dikenal', 'Unknown province code'),
  'wilayah.regency': fixed('Kode kabupaten harus 01–69 atau kode kota 71–99', 'A regency code must be 01–69, a city code 71–99'),
  'wilayah.district': fixed('Kode kecamatan tidak boleh 00', 'The district code cannot be 00'),
  'wilayah.village': fixed(
    'Kode desa/kelurahan harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)',
    'A village code must start with 1 (kelurahan, urban village), 2 (desa, village) or 3 (desa adat, customary village)',
  ),
};
