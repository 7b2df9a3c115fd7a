import type { UsulanContent } from '$domain/index.js';
import { label, type Translate } from './i18n/labels';

/** The head of the household an usulan proposes, when the usulan carries the members. */
export function proposedHead(u: UsulanContent): string | null {
  if (u.type !== 'baru' && u.type !== 'perbaikan') return null;
  const members = u.household.members;
  return (members.find((m) => m.relationship === 'kepala_keluarga') ?? members[0])?.name ?? null;
}

/**
 * One line that says what an usulan asks, in the page's language (`t` is `$_`), for lists and
 * headings; `desa` names a desa from its code ("Desa Derati"), the code itself by default.
 */
export function usulanTitle(u: UsulanContent, t: Translate, desa: (code: string) => string = (code) => code): string {
  const head = proposedHead(u);
  const type = label(t, 'usulanType', u.type);
  switch (u.type) {
    case 'baru':
    case 'perbaikan':
      return `${type} — ${head ?? '—'}`;
    case 'keluar':
      return u.memberIds.length > 0
        ? t('common.usulanTitle.keluarMembers', { values: { type, reason: label(t, 'keluarReason', u.reason), n: u.memberIds.length } })
        : t('common.usulanTitle.keluar', { values: { type, reason: label(t, 'keluarReason', u.reason) } });
    case 'pindah_masuk':
      return t('common.usulanTitle.pindahMasuk', { values: { type, desa: desa(u.fromDesaCode) } });
    case 'reaktivasi':
      return type;
  }
}
