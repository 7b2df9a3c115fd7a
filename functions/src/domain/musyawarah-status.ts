import { reason, type Reason } from './reason.js';
import type { ActorRole } from './usulan-status.js';

/**
 * The life of a musyawarah (musdesus/muskelsus) and its berita acara, which carries a batch of
 * usulan: the operator records it and submits it with the BA and the BNBA (the portal's form and
 * firestore.rules check that submission); it is done once every usulan in it is final.
 */
export const MUSYAWARAH_STATUSES = ['draft', 'diajukan', 'selesai'] as const;
export type MusyawarahStatus = (typeof MUSYAWARAH_STATUSES)[number];

/** Statuses the Dinas Sosial may see: everything after the village submitted it (firestore.rules agrees). */
export const SUBMITTED_MUSYAWARAH_STATUSES = MUSYAWARAH_STATUSES.filter((s) => s !== 'draft');

export const MUSYAWARAH_STATUS_LABELS: Record<MusyawarahStatus, string> = {
  draft: 'Draf',
  diajukan: 'Diajukan ke Dinas Sosial',
  selesai: 'Selesai',
};

interface MusyawarahTransition {
  from: MusyawarahStatus;
  to: MusyawarahStatus;
  by: readonly ActorRole[];
}

export const MUSYAWARAH_TRANSITIONS: readonly MusyawarahTransition[] = [
  { from: 'draft', to: 'diajukan', by: ['operator'] },
  { from: 'diajukan', to: 'selesai', by: ['sistem'] },
];

/** Checks one move. Closing needs every usulan final. All refusals are errors with a reason. */
export function checkMusyawarahTransition(
  from: MusyawarahStatus,
  to: MusyawarahStatus,
  by: ActorRole,
  context: { openUsulan?: number } = {},
): { ok: true } | { ok: false; reasons: Reason[] } {
  const t = MUSYAWARAH_TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) {
    return {
      ok: false,
      reasons: [
        reason(
          'transition.illegal',
          `Status musyawarah tidak dapat berubah dari "${MUSYAWARAH_STATUS_LABELS[from]}" menjadi "${MUSYAWARAH_STATUS_LABELS[to]}"`,
        ),
      ],
    };
  }
  if (!t.by.includes(by)) {
    return {
      ok: false,
      reasons: [reason('transition.forbidden_role', `Peran ini tidak boleh mengubah status musyawarah menjadi "${MUSYAWARAH_STATUS_LABELS[to]}"`)],
    };
  }
  if (to === 'selesai' && (context.openUsulan ?? 1) > 0) {
    return { ok: false, reasons: [reason('musyawarah.open_usulan', 'Masih ada usulan dalam musyawarah ini yang belum selesai diputuskan')] };
  }
  return { ok: true };
}
