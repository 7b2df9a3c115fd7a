import { because, type Reason } from './reason.js';

/**
 * The life of an usulan (every type: baru, perbaikan, keluar, reaktivasi, pindah masuk). Only the
 * listed transitions exist; anything else is an error, never a silent no-op.
 *
 * Roles: `operator` (village SIKS-NG operator), `verifikator` (Dinsos User Verifikator),
 * `kadis` (Kepala Dinas / User Kepala OPD, who approves on behalf of the Bupati), `admin` (manages
 * users and configuration, decides no usulan), `sistem` (a function acting on its own: validation,
 * application). `dinas` is the single Dinas Sosial role of the first version, which may both
 * verify and decide; kabupaten that split the work use `verifikator` and `kadis`.
 */
export const USULAN_STATUSES = ['draft', 'diajukan', 'tidak_lolos_validasi', 'diverifikasi', 'disetujui', 'ditolak', 'diterapkan'] as const;
export type UsulanStatus = (typeof USULAN_STATUSES)[number];

export const ACTOR_ROLES = ['operator', 'dinas', 'verifikator', 'kadis', 'admin', 'sistem'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  operator: 'Operator desa/kelurahan',
  dinas: 'Petugas Dinas Sosial',
  verifikator: 'Verifikator Dinas Sosial',
  kadis: 'Kepala Dinas Sosial',
  admin: 'Administrator',
  sistem: 'Sistem',
};

export const USULAN_STATUS_LABELS: Record<UsulanStatus, string> = {
  draft: 'Draf',
  diajukan: 'Diajukan',
  tidak_lolos_validasi: 'Tidak lolos validasi',
  diverifikasi: 'Diverifikasi',
  disetujui: 'Disetujui',
  ditolak: 'Ditolak',
  diterapkan: 'Diterapkan ke register',
};

export interface UsulanTransition {
  from: UsulanStatus;
  to: UsulanStatus;
  by: readonly ActorRole[];
}

export const USULAN_TRANSITIONS: readonly UsulanTransition[] = [
  { from: 'draft', to: 'diajukan', by: ['operator'] },
  { from: 'diajukan', to: 'tidak_lolos_validasi', by: ['sistem'] },
  { from: 'tidak_lolos_validasi', to: 'draft', by: ['operator'] },
  { from: 'diajukan', to: 'diverifikasi', by: ['verifikator', 'dinas'] },
  // The first version's single Dinas role decides straight from `diajukan`.
  { from: 'diajukan', to: 'disetujui', by: ['dinas'] },
  { from: 'diajukan', to: 'ditolak', by: ['verifikator', 'dinas'] },
  { from: 'diverifikasi', to: 'disetujui', by: ['kadis', 'dinas'] },
  { from: 'diverifikasi', to: 'ditolak', by: ['kadis', 'dinas'] },
  { from: 'disetujui', to: 'diterapkan', by: ['sistem'] },
  // Application can still fail on the register (e.g. the NIK was registered meanwhile).
  { from: 'disetujui', to: 'ditolak', by: ['sistem'] },
];

/** Statuses the Dinas Sosial may see: everything after the village submitted it (firestore.rules agrees). */
export const SUBMITTED_USULAN_STATUSES = USULAN_STATUSES.filter((s) => s !== 'draft');

export const FINAL_USULAN_STATUSES: readonly UsulanStatus[] = ['ditolak', 'diterapkan'];

function findTransition(from: UsulanStatus, to: UsulanStatus): UsulanTransition | undefined {
  return USULAN_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function checkTransition(from: UsulanStatus, to: UsulanStatus, by: ActorRole): { ok: true } | { ok: false; reason: Reason } {
  const t = findTransition(from, to);
  if (t?.by.includes(by)) return { ok: true };
  if (t) {
    return { ok: false, reason: because('transition.forbidden_role', { by, from, to }) };
  }
  return { ok: false, reason: because('transition.illegal', { from, to }) };
}

/** The statuses a role may move an usulan to from `from` (e.g. to show only the right buttons). */
export function allowedTransitions(from: UsulanStatus, by: ActorRole): UsulanStatus[] {
  return USULAN_TRANSITIONS.filter((t) => t.from === from && t.by.includes(by)).map((t) => t.to);
}
