import { KELUAR_REASON_LABELS, USULAN_TYPE_LABELS, type UsulanContent } from '$domain/index.js';

/** The head of the household an usulan proposes, when the usulan carries the members. */
export function proposedHead(u: UsulanContent): string | null {
  if (u.type !== 'baru' && u.type !== 'perbaikan') return null;
  const members = u.household.members;
  return (members.find((m) => m.relationship === 'kepala_keluarga') ?? members[0])?.name ?? null;
}

/** One line that says what an usulan asks, in Bahasa Indonesia, for lists and headings. */
export function usulanTitle(u: UsulanContent): string {
  const head = proposedHead(u);
  switch (u.type) {
    case 'baru':
    case 'perbaikan':
      return `${USULAN_TYPE_LABELS[u.type]} — ${head ?? '—'}`;
    case 'keluar':
      return `${USULAN_TYPE_LABELS.keluar} (${KELUAR_REASON_LABELS[u.reason]}${u.memberIds.length > 0 ? `, ${u.memberIds.length} anggota` : ''})`;
    case 'pindah_masuk':
      return `${USULAN_TYPE_LABELS.pindah_masuk} dari desa ${u.fromDesaCode}`;
    case 'reaktivasi':
      return USULAN_TYPE_LABELS.reaktivasi;
  }
}
