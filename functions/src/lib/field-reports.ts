import { FieldValue, type DocumentData, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import type { FieldReportPlan, StoredHousehold } from '../domain/plans/index.js';
import { db } from './admin.js';
import { writeAudit } from './audit.js';
import type { HouseholdDoc } from './documents.js';
import { forFirestore, withDates, type WithDates } from './plans.js';

export type ReportResult = 'diterapkan' | 'ditolak' | 'sudah_diproses';

/**
 * Applies one report from the field (a verval, a sticker) written by the operator on the device:
 * in one transaction with the household, `plan` (a domain planner, after any further reads it
 * needs) either changes the household — committed here with its audit entry — or gives the reason
 * it cannot, which is kept on the report. The report's `outcome` makes a second delivery of the
 * creation event a no-op.
 */
export function applyFieldReport<R extends DocumentData & { outcome: unknown }>(
  reportRef: DocumentReference<R>,
  householdRef: DocumentReference<HouseholdDoc>,
  plan: (tx: Transaction, report: WithDates<R>, household: StoredHousehold | null) => Promise<FieldReportPlan> | FieldReportPlan,
): Promise<ReportResult> {
  return db.runTransaction(async (tx): Promise<ReportResult> => {
    const [reportSnap, householdSnap] = await Promise.all([tx.get(reportRef), tx.get(householdRef)]);
    const report = reportSnap.data();
    if (!report || report.outcome) return 'sudah_diproses';
    const household = householdSnap.data();
    const planned = await plan(tx, withDates(report), household ? withDates(household) : null);
    const at = FieldValue.serverTimestamp();
    if (planned.ok) {
      tx.update(householdRef, forFirestore(planned.update));
      writeAudit(tx, planned.audit);
    }
    tx.update(reportRef as DocumentReference, { outcome: planned.ok ? { status: 'diterapkan', at } : { status: 'ditolak', reason: planned.reason, at } });
    return planned.ok ? 'diterapkan' : 'ditolak';
  });
}
