import { z } from 'zod';
import { isoDateOn } from './dates.js';
import type { HouseholdStatus } from './eligibility.js';
import { because, type Reason } from './reason.js';
import { isoDateSchema } from './schemas.js';

/**
 * Suspension ("ditangguhkan", e.g. a KPM flagged for online gambling) and the way back. Two
 * practices exist and each kabupaten picks one:
 * - `usulan_baru` (Dinsos Kepahiang, seed 003): the family re-registers from the start, through
 *   the village and its musyawarah, as a new usulan;
 * - `reaktivasi` (Kemensos, Nov 2025): surat pernyataan plus a BA klarifikasi signed by the KPM,
 *   the pendamping and the Kepala Dinas Sosial, at most twice.
 */
export const RETURN_ROUTES = ['usulan_baru', 'reaktivasi'] as const;
export type ReturnRoute = (typeof RETURN_ROUTES)[number];

export const suspensionPolicySchema = z.object({
  route: z.enum(RETURN_ROUTES, { error: 'Pilih cara kembali setelah penangguhan' }),
  /** How many reactivations one household may use (Kemensos: twice). */
  maxReactivations: z.number().int().min(1).max(10),
});
export type SuspensionPolicy = z.infer<typeof suspensionPolicySchema>;

export const DEFAULT_SUSPENSION_POLICY: SuspensionPolicy = { route: 'usulan_baru', maxReactivations: 2 };

export const SUSPENSION_REASONS = ['judi_online', 'penyalahgunaan_bantuan', 'lainnya'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = {
  judi_online: 'Terindikasi judi online (data PPATK)',
  penyalahgunaan_bantuan: 'Penyalahgunaan bantuan',
  lainnya: 'Lainnya',
};

export const suspensionRecordSchema = z.object({
  reason: z.enum(SUSPENSION_REASONS),
  since: isoDateSchema,
  note: z.string().max(1000),
});
export type SuspensionRecord = z.infer<typeof suspensionRecordSchema>;

export interface SuspendableHousehold {
  status: HouseholdStatus;
  /** Reactivations already used by this household (absent: none). */
  reactivations?: number;
}

/** Suspends an active (or frozen) household; the reason is kept with its date. */
export function suspend(
  household: SuspendableHousehold,
  why: SuspensionReason,
  note: string,
  on: Date,
): { ok: true; status: 'ditangguhkan'; statusReason: Reason; suspension: SuspensionRecord } | { ok: false; reason: Reason } {
  if (household.status === 'ditangguhkan') return { ok: false, reason: because('suspension.already') };
  if (household.status === 'keluar') return { ok: false, reason: because('suspension.keluar') };
  const since = isoDateOn(on);
  return {
    ok: true,
    status: 'ditangguhkan',
    statusReason: because(`household.ditangguhkan.${why}`, { since }),
    suspension: { reason: why, since, note },
  };
}

/** Whether a suspended household may be reactivated under the kabupaten's policy, and how many tries remain. */
export function checkReactivation(
  household: SuspendableHousehold,
  policy: SuspensionPolicy,
): { ok: true; remaining: number } | { ok: false; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const used = household.reactivations ?? 0;
  if (household.status !== 'ditangguhkan') {
    reasons.push(because('reaktivasi.not_suspended'));
  }
  if (policy.route !== 'reaktivasi') {
    reasons.push(because('reaktivasi.route_usulan_baru'));
  } else if (used >= policy.maxReactivations) {
    reasons.push(because('reaktivasi.limit', { used, max: policy.maxReactivations }));
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, remaining: policy.maxReactivations - used - 1 };
}

/** Applies an approved reactivation: the household is active again and one reactivation is used. */
export function reactivate(
  household: SuspendableHousehold,
  policy: SuspensionPolicy,
): { ok: true; status: 'aktif'; statusReason: null; reactivations: number } | { ok: false; reasons: Reason[] } {
  const check = checkReactivation(household, policy);
  if (!check.ok) return check;
  return { ok: true, status: 'aktif', statusReason: null, reactivations: (household.reactivations ?? 0) + 1 };
}

/**
 * A new usulan names a person who belongs to a suspended household of the register. Under the
 * `usulan_baru` route that is the way back (the old record is closed when the new one is applied);
 * under `reaktivasi` it is refused and the reactivation route is named.
 */
export function checkReturnByUsulanBaru(policy: SuspensionPolicy, field?: string): { ok: true; note: Reason } | { ok: false; reason: Reason } {
  if (policy.route === 'usulan_baru') {
    return { ok: true, note: because('usulan.kembali_dari_penangguhan', undefined, field) };
  }
  return { ok: false, reason: because('nik.registered_suspended', undefined, field) };
}
