import { fixed, str, type ReasonEntry } from './format.js';

/**
 * Validation of an usulan (validate-usulan.ts): members are numbered from 1 as on the KK. The
 * pindah masuk lookup (transfer.ts) gives two of these codes, with the lookup's `by` (`kk`/`nik`)
 * in its params, so the operator who searched is told what to do instead.
 */
export const USULAN_VALIDATION_TEXTS: Record<string, ReasonEntry> = {
  'nik.duplicate_in_household': {
    id: (p) => `NIK anggota ke-${str(p.member)} sama dengan NIK anggota ke-${str(p.sameAs)}`,
    en: (p) => `The NIK of member ${str(p.member)} is the same as the NIK of member ${str(p.sameAs)}`,
  },
  'member.birth_date_future': {
    id: (p) => `Tanggal lahir anggota ke-${str(p.member)} belum terjadi`,
    en: (p) => `The birth date of member ${str(p.member)} is in the future`,
  },
  'member.pregnant_sex': {
    id: (p) => `Anggota ke-${str(p.member)} tercatat laki-laki dan hamil/nifas`,
    en: (p) => `Member ${str(p.member)} is recorded as male and as pregnant or post-partum`,
  },
  'member.excluded_occupation': {
    id: (p) => `Anggota ke-${str(p.member)} ASN/TNI/Polri: keluarga ini dikecualikan dari bantuan sosial`,
    en: (p) => `Member ${str(p.member)} is a civil servant, soldier or police officer (ASN/TNI/Polri): this household is excluded from social assistance`,
  },
  'usulan.target_mismatch': fixed('Data keluarga yang diperiksa bukan keluarga yang diusulkan', 'The household checked is not the household proposed'),
  // `absent`: the application found no household (any more); `by`: a transfer lookup (transfer.ts).
  'usulan.household_keluar': {
    id: (p) =>
      p.absent === true
        ? 'Keluarga ini sudah tidak ada di register'
        : p.by === undefined
          ? 'Keluarga ini sudah keluar dari register'
          : 'Keluarga ini sudah keluar dari register, sehingga tidak dapat dipindahkan. Usulkan sebagai keluarga baru.',
    en: (p) =>
      p.absent === true
        ? 'This household is no longer in the register'
        : p.by === undefined
          ? 'This household has already left the register'
          : 'This household has already left the register, so it cannot move. Propose it as a new household.',
  },
  // `moved`: found at the application, after the validation had passed (the household moved in between).
  'usulan.other_desa': {
    id: (p) =>
      p.moved === true
        ? 'Keluarga ini sudah pindah ke desa lain sejak usulan divalidasi; usulan harus diajukan ulang oleh desa tempat keluarga terdaftar sekarang'
        : 'Keluarga ini terdaftar di desa lain; usulan harus diajukan oleh desa tempat keluarga terdaftar',
    en: (p) =>
      p.moved === true
        ? 'This household has moved to another village since the proposal was validated; the village where it is registered now must propose it again'
        : 'This household is registered in another village; the proposal must come from the village where it is registered',
  },
  'perbaikan.kk_reason_required': fixed('Nomor KK berubah: pilih alasan perubahan KK', 'The KK number changed: choose why the KK changed'),
  'keluar.evidence_missing': fixed(
    'Sebaiknya lampirkan akta atau surat keterangan kematian',
    'Please attach the death certificate or a letter confirming the death',
  ),
  // `moved`: found at the application, after the validation had passed.
  'pindah.from_mismatch': {
    id: (p) => `Menurut register, keluarga ini ${p.moved === true ? 'sudah ' : ''}tidak berada di desa asal yang disebut`,
    en: (p) => `According to the register, this household is ${p.moved === true ? 'no longer' : 'not'} in the village of origin named`,
  },
  // `moved`: found at the application, after the validation had passed.
  'pindah.other_kabupaten': {
    id: (p) =>
      `Keluarga ini ${p.moved === true ? 'sekarang ' : ''}terdaftar di kabupaten/kota lain. Pindah antar kabupaten/kota memerlukan pelepasan dari Dinas Sosial kabupaten/kota asal; hubungi Dinas Sosial Anda.`,
    en: (p) =>
      `This household is ${p.moved === true ? 'now ' : ''}registered in another kabupaten/kota. A move between kabupaten/kota needs a release from the Dinas Sosial of origin; contact your Dinas Sosial.`,
  },
  'pindah.same_desa': {
    id: (p) =>
      p.by === undefined
        ? 'Desa asal sama dengan desa tujuan; gunakan perbaikan data untuk pindah alamat di desa yang sama'
        : 'Keluarga ini sudah terdaftar di desa Anda, tidak perlu pindah masuk. Untuk pindah alamat di desa yang sama, usulkan perbaikan data.',
    en: (p) =>
      p.by === undefined
        ? 'The old village is the same as the new one; use a data correction to move address within the same village'
        : 'This household is already registered in your village, so it does not need to move in. To move address within the same village, propose a data correction.',
  },
};
