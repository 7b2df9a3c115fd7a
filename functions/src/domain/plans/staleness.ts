import { isoDateOn } from '../dates.js';
import { decideHousehold, type EligibilityDocument, type ProgramsInForce } from '../eligibility.js';
import { because } from '../reason.js';
import { reasonText } from '../reason-text.js';
import { stalenessOf, type StalenessPolicy } from '../staleness.js';
import { SERVER_TIME, type AuditEntry, type PlannedHousehold, type StoredHousehold } from './writes.js';

/** A household the daily staleness job found due, as it read it. */
export type DueHousehold = Pick<StoredHousehold, 'lastVervalAt' | 'kabupatenCode' | 'desaCode'> & EligibilityDocument;

/** What the job writes for one household: the update (made only if the household did not change since it was read) and its audit entry. */
export interface StalenessChange {
  update: Partial<PlannedHousehold>;
  audit: AuditEntry;
}

const auditOf = (householdId: string, h: DueHousehold, action: string, summary: string): AuditEntry => ({
  actorUid: 'sistem',
  actorRole: 'sistem',
  action,
  target: { collection: 'households', id: householdId },
  kabupatenCode: h.kabupatenCode,
  desaCode: h.desaCode,
  summary,
});

/**
 * "Data beku" (seed 002): the household has missed the policy's number of cycles. Its desil, desa
 * and member criteria stay on record; only the status changes, and with it the decisions, which
 * are exactly those `decideHousehold` gives the same document as beku (a re-evaluation finds
 * nothing to change). The audit says why and from which day (Jakarta calendar).
 */
export function planFreeze(householdId: string, h: DueHousehold, policy: StalenessPolicy, programs: ProgramsInForce, now: Date): StalenessChange {
  const s = stalenessOf(h.lastVervalAt, now, policy);
  const statusReason = because('household.beku', { missed: s.missed, limit: policy.freezeAfterMonths });
  return {
    update: {
      status: 'beku',
      statusReason,
      staleness: { level: 'beku', missed: s.missed, freezesAt: s.freezesAt },
      eligibility: decideHousehold({ ...h, status: 'beku' }, programs),
      updatedAt: SERVER_TIME,
    },
    audit: auditOf(householdId, h, 'keluarga.dibekukan', `${reasonText(statusReason)}; beku mulai ${isoDateOn(s.freezesAt)}`),
  };
}

/** A warning threshold reached (e.g. 1 or 2 missed cycles): the operator is told the day the data freezes without a verval. */
export function planWarning(householdId: string, h: DueHousehold, policy: StalenessPolicy, now: Date): StalenessChange {
  const s = stalenessOf(h.lastVervalAt, now, policy);
  return {
    update: { staleness: { level: 'peringatan', missed: s.missed, freezesAt: s.freezesAt }, updatedAt: SERVER_TIME },
    audit: auditOf(
      householdId,
      h,
      'keluarga.peringatan_verval',
      `Peringatan: ${s.missed} bulan tanpa verval; data beku mulai ${isoDateOn(s.freezesAt)} bila tidak diverval`,
    ),
  };
}
