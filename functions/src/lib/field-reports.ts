import { FieldValue, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import type { Reason } from '../domain/index.js';
import { db } from './admin.js';
import type { HouseholdDoc } from './documents.js';

export type ReportResult = 'diterapkan' | 'ditolak' | 'sudah_diproses';

/**
 * Applies one report from the field (a verval, a sticker) written by the operator on the device:
 * in one transaction with the household, `apply` either changes the household (and audits) and
 * returns null, or returns the reason it cannot, which is kept on the report. The report's
 * `outcome` makes a second delivery of the creation event a no-op.
 */
export function applyFieldReport<R extends { outcome: unknown }>(
  reportRef: DocumentReference<R>,
  householdRef: DocumentReference<HouseholdDoc>,
  apply: (tx: Transaction, report: R, household: HouseholdDoc | undefined) => Promise<Reason | null> | Reason | null,
): Promise<ReportResult> {
  return db.runTransaction(async (tx): Promise<ReportResult> => {
    const [reportSnap, householdSnap] = await Promise.all([tx.get(reportRef), tx.get(householdRef)]);
    const report = reportSnap.data();
    if (!report || report.outcome) return 'sudah_diproses';
    const refusal = await apply(tx, report, householdSnap.data());
    const at = FieldValue.serverTimestamp();
    tx.update(reportRef as DocumentReference, { outcome: refusal ? { status: 'ditolak', reason: refusal, at } : { status: 'diterapkan', at } });
    return refusal ? 'ditolak' : 'diterapkan';
  });
}
