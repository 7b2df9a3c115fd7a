import { str, type ReasonEntry } from './format.js';

/**
 * The pindah masuk lookup (transfer.ts): `by` says whether the operator searched by KK number or by
 * NIK. Its "same desa" and "left the register" answers share the usulan's codes (validate-usulan.ts).
 */
export const TRANSFER_TEXTS: Record<string, ReasonEntry> = {
  'pindah.lookup_empty': {
    id: (p) => (p.by === 'kk' ? 'Ketik nomor KK keluarga (16 digit)' : 'Ketik NIK salah satu anggota keluarga (16 digit)'),
    en: (p) => (p.by === 'kk' ? "Type the household's KK number (16 digits)" : 'Type the NIK of one member of the household (16 digits)'),
  },
  'pindah.lookup_limit': {
    id: (p) =>
      `Batas ${str(p.limit)} pencarian per hari sudah tercapai. Coba lagi besok, atau hubungi Dinas Sosial bila masih ada keluarga yang harus dicari hari ini.`,
    en: (p) =>
      `The limit of ${str(p.limit)} searches a day has been reached. Try again tomorrow, or contact the Dinas Sosial if more households must be found today.`,
  },
  'pindah.not_found': {
    id: (p) =>
      p.by === 'kk'
        ? 'Tidak ada keluarga dengan nomor KK ini di register kabupaten Anda. Periksa nomornya; bila KK sudah diganti setelah pindah, cari dengan NIK salah satu anggota.'
        : 'NIK ini tidak tercatat sebagai anggota aktif di register kabupaten Anda. Periksa nomornya, atau cari dengan nomor KK.',
    en: (p) =>
      p.by === 'kk'
        ? "No household in your district's register has this KK number. Check the number; if the KK was replaced after the move, search by the NIK of one member."
        : "This NIK is not recorded as an active member in your district's register. Check the number, or search by the KK number.",
  },
};
