import { z } from 'zod';
import { stalenessPolicySchema, type StalenessPolicy } from './staleness.js';
import { DEFAULT_SUSPENSION_POLICY, suspensionPolicySchema, type SuspensionPolicy } from './suspension.js';

/**
 * Everything a kabupaten decides for itself, in one document per kabupaten (`policies/{PP.KK}`):
 * the staleness rule (seed 002), how a suspended household returns (seed 003 versus the Kemensos
 * reactivation route), how strictly NIKs with a region code missing from today's list are
 * treated, and whether approval takes one level or two. Only `staleness` is required, so existing policy documents stay valid.
 */
export const kabupatenPolicySchema = z.object({
  staleness: stalenessPolicySchema,
  suspension: suspensionPolicySchema.optional(),
  unknownNikRegion: z.enum(['error', 'warning']).optional(),
  /**
   * `dua_tingkat` (default): the verifikator verifies, the kadis approves (pengesahan).
   * `satu_tingkat`: either of them decides alone.
   */
  approval: z.enum(['satu_tingkat', 'dua_tingkat']).optional(),
});
export type KabupatenPolicy = z.infer<typeof kabupatenPolicySchema>;

/**
 * Default staleness, the same as `defaults/programs.json`: warn after 1 and 2 months, beku after 3
 * (seed 002), calendar-month cycles. A kabupaten with a monthly cut-off sets `cutoffDay` (e.g. 17:
 * cut-off on the 17th, data pulled on the 18th).
 */
export const DEFAULT_STALENESS_POLICY: StalenessPolicy = { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: null };

export function suspensionPolicyOf(policy: Pick<KabupatenPolicy, 'suspension'> | null | undefined): SuspensionPolicy {
  return policy?.suspension ?? DEFAULT_SUSPENSION_POLICY;
}

/** Reads a stored policy document; null when it is missing or malformed (callers decide the fallback). */
export function parseKabupatenPolicy(data: unknown): KabupatenPolicy | null {
  const parsed = kabupatenPolicySchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
