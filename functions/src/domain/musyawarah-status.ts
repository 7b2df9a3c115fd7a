import { reason, type Reason } from './reason.js';
import type { ActorRole } from './usulan-status.js';

/**
 * The life of a musyawarah (musdesus/muskelsus) and its berita acara, which carries a batch of
 * usulan: the operator records it and submits it with the BA and the BNBA; Dinas Sosial may send it
 * back (e.g. the BA is unreadable or unsigned); it is done once every usulan in it is final.
 */
export const MUSYAWARAH_STATUSES = ['draft', 'diajukan', 'dikembalikan', 'selesai'] as const;
export type MusyawarahStatus = (typeof MUSYAWARAH_STATUSES)[number];

/** Statuses the Dinas Sosial may see: everything after the village submitted it (firestore.rules agrees). */
export const SUBMITTED_MUSYAWARAH_STATUSES = MUSYAWARAH_STATUSES.filter((s) => s !== 'draft');

export const MUSYAWARAH_STATUS_LABELS: Record<MusyawarahStatus, string> = {
  draft: 'Draf',
  diajukan: 'Diajukan ke Dinas Sosial',
  dikembalikan: 'Dikembalikan untuk diperbaiki',
  selesai: 'Selesai',
};

interface MusyawarahTransition {
  from: MusyawarahStatus;
  to: MusyawarahStatus;
  by: readonly ActorRole[];
  needsReason: boolean;
}

export const MUSYAWARAH_TRANSITIONS: readonly MusyawarahTransition[] = [
  { from: 'draft', to: 'diajukan', by: ['operator'], needsReason: false },
  { from: 'diajukan', to: 'dikembalikan', by: ['verifikator', 'dinas'], needsReason: true },
  { from: 'dikembalikan', to: 'diajukan', by: ['operator'], needsReason: false },
  { from: 'diajukan', to: 'selesai', by: ['sistem'], needsReason: false },
];

/** What must be in place before the operator can submit a musyawarah. */
export interface MusyawarahSubmission {
  usulanCount: number;
  beritaAcaraUploaded: boolean;
  bnbaUploaded: boolean;
}

export function checkMusyawarahSubmission(s: MusyawarahSubmission): Reason[] {
  const reasons: Reason[] = [];
  if (s.usulanCount < 1) reasons.push(reason('musyawarah.no_usulan', 'Musyawarah harus memuat sedikitnya satu usulan'));
  if (!s.beritaAcaraUploaded) reasons.push(reason('musyawarah.no_berita_acara', 'Berita acara musyawarah wajib diunggah', 'beritaAcara'));
  if (!s.bnbaUploaded) reasons.push(reason('musyawarah.no_bnba', 'Daftar BNBA (by name by address) wajib diunggah', 'bnba'));
  return reasons;
}

/**
 * Checks one move. Submitting needs a complete submission (`checkMusyawarahSubmission`); sending
 * back needs a reason; closing needs every usulan final. All refusals are errors with a reason.
 */
export function checkMusyawarahTransition(
  from: MusyawarahStatus,
  to: MusyawarahStatus,
  by: ActorRole,
  context: { reasons?: readonly Reason[]; submission?: MusyawarahSubmission; openUsulan?: number } = {},
): { ok: true } | { ok: false; reasons: Reason[] } {
  const t = MUSYAWARAH_TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) {
    return {
      ok: false,
      reasons: [reason('transition.illegal', `Status musyawarah tidak dapat berubah dari "${MUSYAWARAH_STATUS_LABELS[from]}" menjadi "${MUSYAWARAH_STATUS_LABELS[to]}"`)],
    };
  }
  if (!t.by.includes(by)) {
    return { ok: false, reasons: [reason('transition.forbidden_role', `Peran ini tidak boleh mengubah status musyawarah menjadi "${MUSYAWARAH_STATUS_LABELS[to]}"`)] };
  }
  if (t.needsReason && (context.reasons ?? []).length === 0) {
    return { ok: false, reasons: [reason('transition.reason_required', `Pengembalian musyawarah wajib disertai alasan`)] };
  }
  if (to === 'diajukan') {
    const missing = context.submission ? checkMusyawarahSubmission(context.submission) : [reason('musyawarah.submission_unknown', 'Kelengkapan musyawarah belum diperiksa')];
    if (missing.length > 0) return { ok: false, reasons: missing };
  }
  if (to === 'selesai' && (context.openUsulan ?? 1) > 0) {
    return { ok: false, reasons: [reason('musyawarah.open_usulan', 'Masih ada usulan dalam musyawarah ini yang belum selesai diputuskan')] };
  }
  return { ok: true };
}
