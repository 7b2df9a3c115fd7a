import { reason, type Reason } from './reason.js';

/**
 * The life of an usulan. Only the listed transitions exist; anything else is an error, never a
 * silent no-op. `sistem` is a function acting on its own (validation, application).
 */
export const USULAN_STATUSES = ['draft', 'diajukan', 'tidak_lolos_validasi', 'diverifikasi', 'disetujui', 'ditolak', 'diterapkan'] as const;
export type UsulanStatus = (typeof USULAN_STATUSES)[number];

export const ACTOR_ROLES = ['operator', 'dinas', 'sistem'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const USULAN_STATUS_LABELS: Record<UsulanStatus, string> = {
  draft: 'Draf',
  diajukan: 'Diajukan',
  tidak_lolos_validasi: 'Tidak lolos validasi',
  diverifikasi: 'Diverifikasi',
  disetujui: 'Disetujui',
  ditolak: 'Ditolak',
  diterapkan: 'Diterapkan ke register',
};

interface Transition {
  from: UsulanStatus;
  to: UsulanStatus;
  by: ActorRole;
}

const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'diajukan', by: 'operator' },
  { from: 'diajukan', to: 'tidak_lolos_validasi', by: 'sistem' },
  { from: 'tidak_lolos_validasi', to: 'draft', by: 'operator' },
  { from: 'diajukan', to: 'disetujui', by: 'dinas' },
  { from: 'diajukan', to: 'ditolak', by: 'dinas' },
  { from: 'disetujui', to: 'diterapkan', by: 'sistem' },
  // Application can still fail on the register (e.g. the NIK was registered meanwhile).
  { from: 'disetujui', to: 'ditolak', by: 'sistem' },
];

export const FINAL_USULAN_STATUSES: readonly UsulanStatus[] = ['ditolak', 'diterapkan'];

export function checkTransition(from: UsulanStatus, to: UsulanStatus, by: ActorRole): { ok: true } | { ok: false; reason: Reason } {
  if (TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by)) return { ok: true };
  if (TRANSITIONS.some((t) => t.from === from && t.to === to)) {
    return { ok: false, reason: reason('transition.forbidden_role', `Peran ini tidak boleh mengubah status usulan dari "${USULAN_STATUS_LABELS[from]}" menjadi "${USULAN_STATUS_LABELS[to]}"`) };
  }
  return { ok: false, reason: reason('transition.illegal', `Status usulan tidak dapat berubah dari "${USULAN_STATUS_LABELS[from]}" menjadi "${USULAN_STATUS_LABELS[to]}"`) };
}
