import type { ReasonParams } from '../reason.js';
import { KELUAR_REASON_LABELS, KELUAR_REASONS, type KeluarReason } from '../usulan.js';
import { fixed, str, type ReasonEntry } from './format.js';

/**
 * What the planners say (plans/): an approved usulan that cannot be applied, members who leave,
 * the validation's register checks, and the reports from the field (verval, sticker). Members are
 * named by their position on the KK, households by id and desa by code, never by NIK.
 */

const KELUAR_REASON_LABELS_EN: Record<KeluarReason, string> = {
  mampu: 'No longer in need',
  meninggal: 'Deceased',
  pindah: 'Moved away',
  tidak_ditemukan: 'Not found',
  ganda: 'Duplicate record',
};

/** `keluar.<reason>`: the reason chosen, the household whose data is kept (ganda), and the note. */
function keluarEntry(r: KeluarReason): ReasonEntry {
  const note = (p: ReasonParams) => (p.note ? `: ${str(p.note)}` : '');
  return {
    id: (p) => `${KELUAR_REASON_LABELS[r]}${p.duplicateOfHouseholdId ? ` (data yang dipakai: keluarga ${str(p.duplicateOfHouseholdId)})` : ''}${note(p)}`,
    en: (p) => `${KELUAR_REASON_LABELS_EN[r]}${p.duplicateOfHouseholdId ? ` (the record kept: household ${str(p.duplicateOfHouseholdId)})` : ''}${note(p)}`,
  };
}

/** An invalid report: the first problem as the schema words it (Indonesian), or the field in English. */
const invalidReport = (whatId: string, whatEn: string): ReasonEntry => ({
  id: (p) => (p.issue ? str(p.issue) : `Data ${whatId} tidak valid.`),
  en: (p) => `The ${whatEn} report is not valid${p.field ? ` (field ${str(p.field)})` : ''}.`,
});

export const APPLY_TEXTS: Record<string, ReasonEntry> = {
  // Application of an approved usulan (plans/apply).
  'usulan.invalid': fixed(
    'Isi usulan tidak valid lagi sehingga tidak dapat diterapkan',
    'The content of the usulan is no longer valid, so it cannot be applied',
  ),
  // Without `desaCode`: held in another kabupaten, where the proposer is not told which desa.
  'usulan.ganda': {
    id: (p) =>
      `Ganda: NIK anggota ke-${str(p.member)} sudah terdaftar di register${p.desaCode === undefined ? '' : ` (desa ${str(p.desaCode)})`} sebelum usulan ini diterapkan`,
    en: (p) =>
      `Duplicate: the NIK of member ${str(p.member)} was registered${p.desaCode === undefined ? '' : ` (village ${str(p.desaCode)})`} before this usulan was applied`,
  },
  'usulan.takeback_limit': {
    id: (p) =>
      `Usulan ini sudah ${str(p.takeBacks)} kali ditarik untuk diperbaiki (batasnya ${str(p.limit)} kali), sehingga tidak diperiksa lagi. Usulkan kembali melalui musyawarah berikutnya, atau hubungi Dinas Sosial.`,
    en: (p) =>
      `This proposal has been taken back to be corrected ${str(p.takeBacks)} times (the limit is ${str(p.limit)}), so it is not checked again. Propose it again at the next village meeting, or contact the Dinas Sosial.`,
  },
  'usulan.household_missing': fixed('Keluarga yang diusulkan tidak ada di register', 'The household proposed is not in the register'),
  'pindah.pending_elsewhere': fixed(
    'Keluarga ini sudah diusulkan pindah masuk dalam usulan lain yang masih menunggu keputusan Dinas Sosial',
    'This household is already proposed to move in by another usulan still waiting for the Dinas Sosial',
  ),
  'keluar.member_unknown': fixed(
    'Anggota yang diusulkan keluar tidak (lagi) tercatat aktif di keluarga ini',
    'A member proposed to leave is not (or no longer) an active member of this household',
  ),
  'keluar.no_member_left': fixed(
    'Semua anggota keluar: usulkan keluarga keluar seluruhnya',
    'Every member would leave: propose that the whole household leaves',
  ),
  ...Object.fromEntries(KELUAR_REASONS.map((r) => [`keluar.${r}`, keluarEntry(r)])),
  'member.perbaikan': {
    id: (p) => `Tidak lagi tercantum setelah perbaikan data (usulan ${str(p.usulanId)})`,
    en: (p) => `No longer listed after the data correction (usulan ${str(p.usulanId)})`,
  },
  'member.kembali_usulan_baru': {
    id: (p) => `Diusulkan kembali melalui usulan baru ${str(p.usulanId)}`,
    en: (p) => `Proposed again through the new usulan ${str(p.usulanId)}`,
  },

  // Reports from the field (plans/field-reports).
  'verval.invalid': invalidReport('verval', 'verval'),
  'verval.not_in_desa': fixed(
    'Keluarga ini tidak lagi terdaftar di desa Anda; verval tidak diterapkan.',
    'This household is no longer registered in your village; the verval was not applied.',
  ),
  'verval.household_left': fixed(
    'Keluarga ini sudah keluar dari register; verval tidak diterapkan.',
    'This household has left the register; the verval was not applied.',
  ),
  'verval.household_suspended': fixed(
    'Keluarga ini ditangguhkan; kembalinya melalui usulan, bukan verval.',
    'This household is suspended; it returns through an usulan, not a verval.',
  ),
  'sticker.invalid': invalidReport('stiker', 'sticker'),
  'sticker.future': fixed('Tanggal pemasangan tidak boleh di masa depan.', 'The installation date cannot be in the future.'),
  'sticker.not_in_desa': fixed(
    'Keluarga ini tidak lagi terdaftar di desa Anda; stiker tidak dicatat.',
    'This household is no longer registered in your village; the sticker was not recorded.',
  ),
  'sticker.not_recipient': fixed(
    'Stiker hanya untuk rumah keluarga penerima bansos yang aktif.',
    'The sticker is only for the houses of active recipient households.',
  ),
};
