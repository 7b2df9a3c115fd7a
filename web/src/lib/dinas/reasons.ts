import type { Reason } from '../../../../functions/src/domain/index.js';

/**
 * The validation results of an usulan, explained for the verifikator: which part of the usulan a
 * reason is about ("Anggota 2 · NIK") and what to check before deciding. The reason's own message
 * (from the domain rules) says what is wrong; the advice says what to look at.
 */
const FIELD_LABELS: Record<string, string> = {
  nik: 'NIK',
  name: 'Nama',
  sex: 'Jenis kelamin',
  birthDate: 'Tanggal lahir',
  relationship: 'Hubungan dalam keluarga',
  occupation: 'Pekerjaan',
  pregnant: 'Hamil/nifas',
  disability: 'Disabilitas',
  school: 'Sekolah',
  kkNumber: 'Nomor KK',
  address: 'Alamat',
  desil: 'Desil',
  members: 'Anggota keluarga',
  householdId: 'Keluarga di register',
  fromDesaCode: 'Desa asal',
  kkChangeReason: 'Alasan perubahan KK',
  evidence: 'Dokumen pendukung',
  note: 'Keterangan',
  reason: 'Alasan',
  memberIds: 'Anggota yang keluar',
  duplicateOfHouseholdId: 'Keluarga yang tetap dipakai',
  suratPernyataan: 'Surat pernyataan',
  baKlarifikasi: 'BA klarifikasi',
};

/** "household.members.1.nik" → "Anggota 2 · NIK"; null when the reason is about the usulan as a whole. */
export function fieldLabel(field: string | undefined): string | null {
  if (!field) return null;
  const parts = field.split('.').filter((p) => p !== 'household');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part === 'members' && next !== undefined && /^\d+$/.test(next)) {
      out.push(`Anggota ${Number(next) + 1}`);
      i += 1;
    } else if (/^\d+$/.test(part)) {
      out.push(`ke-${Number(part) + 1}`);
    } else {
      out.push(FIELD_LABELS[part] ?? part);
    }
  }
  return out.length > 0 ? out.join(' · ') : null;
}

/** What to check, by reason code; the most specific prefix wins. */
const ADVICE: [prefix: string, advice: string][] = [
  ['nik.missing', 'Anggota belum punya NIK: boleh diusulkan, tetapi minta desa mendampingi perekaman ke Dukcapil agar datanya bisa dipadankan.'],
  ['nik.invalid', 'NIK tidak memenuhi aturan Dukcapil: cocokkan dengan KTP atau KK asli.'],
  ['nik.registered_keluar', 'Orang ini pernah ada di register dan sudah dikeluarkan: pastikan alasan ia diusulkan kembali tercatat di berita acara.'],
  ['nik.registered_suspended', 'Orang ini tercatat pada keluarga yang ditangguhkan: ikuti jalur kembali yang ditetapkan kabupaten (reaktivasi atau usulan baru).'],
  ['nik.registered', 'NIK ini sudah ada di register: kemungkinan data ganda atau orang yang pindah. Gunakan usulan pindah masuk atau perbaikan data, bukan usulan baru.'],
  ['nik.duplicate_in_household', 'NIK yang sama tertulis untuk dua anggota: periksa salah ketik pada KK.'],
  ['nik.birth_date', 'Tanggal lahir di NIK (digit 7–12; perempuan: tanggal + 40) harus sama dengan tanggal lahir anggota: periksa KTP/KK, mungkin salah ketik.'],
  ['nik.sex', 'Pada NIK perempuan tanggal lahir ditambah 40: periksa jenis kelamin atau NIK anggota.'],
  ['nik', 'Cocokkan NIK dengan KTP atau KK asli; satu angka yang salah membuat data ditolak saat padan Dukcapil.'],
  ['kk.region_unknown', 'Kode wilayah KK tidak ada dalam data Kemendagri terbaru: mungkin KK lama sebelum pemekaran; minta salinan KK terbaru.'],
  ['kk', 'Cocokkan nomor KK dengan Kartu Keluarga asli (16 digit: kode wilayah, tanggal pencatatan, nomor urut).'],
  ['duplicate.likely', 'Nama, tanggal lahir dan desa sama dengan data lain, sedikitnya satu tanpa NIK: pastikan bukan orang yang sama sebelum disetujui.'],
  ['member.excluded_occupation', 'Keluarga ASN/TNI/Polri dikecualikan dari bantuan sosial: tetap boleh masuk register, tetapi tidak layak menerima program.'],
  ['member.birth_date_future', 'Tanggal lahir belum terjadi: kemungkinan salah ketik tahun.'],
  ['member.pregnant_sex', 'Status hamil/nifas tercatat pada laki-laki: periksa jenis kelamin anggota.'],
  ['usulan.other_desa', 'Keluarga terdaftar di desa lain: usulan harus diajukan desa tempat keluarga terdaftar, atau gunakan usulan pindah masuk.'],
  ['usulan.household', 'Keluarga yang dimaksud tidak ada atau sudah keluar dari register: periksa ID keluarga yang dipilih operator.'],
  ['usulan.kembali_dari_penangguhan', 'Usulan baru ini menjadi jalan kembali keluarga yang ditangguhkan: pastikan sudah dimusyawarahkan ulang di desa.'],
  ['pindah', 'Periksa desa asal keluarga di register dan surat pindah.'],
  ['perbaikan.kk_reason_required', 'Nomor KK berubah: minta desa mencatat alasannya (pecah KK, pindah, kepala keluarga meninggal, dll.).'],
  ['keluar.evidence_missing', 'Untuk alasan meninggal, akta atau surat keterangan kematian sebaiknya dilampirkan.'],
  ['reaktivasi', 'Periksa surat pernyataan dan BA klarifikasi, serta batas reaktivasi kabupaten.'],
  ['schema', 'Isian tidak lengkap atau tidak sesuai format: kembalikan ke desa untuk diperbaiki.'],
];

export function adviceFor(code: string): string | null {
  for (const [prefix, advice] of ADVICE) {
    if (code === prefix || code.startsWith(`${prefix}.`) || code.startsWith(`${prefix}_`)) return advice;
  }
  return null;
}

export interface ExplainedReason {
  code: string;
  message: string;
  field: string | null;
  advice: string | null;
}

export function explain(reasons: readonly Reason[]): ExplainedReason[] {
  return reasons.map((r) => ({ code: r.code, message: r.message, field: fieldLabel(r.field), advice: adviceFor(r.code) }));
}
