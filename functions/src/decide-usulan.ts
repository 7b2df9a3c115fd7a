import { FieldValue, Timestamp, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import {
  approvalOf,
  reasonText,
  parseDecisionCall,
  parseKabupatenPolicy,
  planDecision,
  planMusyawarahDecision,
  type DecisionRequest,
  type PlannedDecision,
} from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { guarded, type Caller } from './lib/callable-guard.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';

/**
 * Step 3: the Dinas Sosial decides, per usulan or for a whole musyawarah at once. Who may decide
 * what at which level is the domain's rule (`planDecision`, domain/decision.ts), the same one the
 * portal shows its buttons with; this callable reads the usulan and the kabupaten's policy in a
 * transaction, plans, and commits the plan. Approvals are applied by `applyUsulan`.
 *   { usulanId, decision, note }      → { status }
 *   { musyawarahId, decision, note }  → { decided: [{ usulanId, status }], skipped: [{ usulanId, reason }] }
 */
export const decideUsulan = onCall(
  guarded(
    {
      name: 'decideUsulan',
      roles: ['verifikator', 'kadis'],
      roleRefusal: 'Hanya verifikator atau kepala Dinas Sosial yang dapat memutuskan usulan.',
      input: parseDecisionCall,
      invalidInput: 'Data keputusan tidak valid.',
    },
    async ({ uid, caller, data }) => {
      const who: Who = { role: caller.role, decision: data.decision, note: data.note };
      if (data.on === 'musyawarah') return decideMusyawarah(data.musyawarahId, uid, caller, who);

      const ref = collections.usulan().doc(data.usulanId);
      const status = await db.runTransaction(async (tx) => {
        const [snap, approval] = await Promise.all([tx.get(ref), approvalIn(tx, caller.kabupaten)]);
        const doc = snap.data();
        // Same answer for "missing" and "not yours": nothing leaks about other kabupaten.
        if (!doc || doc.kabupatenCode !== caller.kabupaten) throw new HttpsError('not-found', 'Usulan tidak ditemukan.');
        const plan = planDecision(doc, { ...who, approval });
        if (!plan.ok) throw new HttpsError('failed-precondition', reasonText(plan.reason));
        commit(tx, ref, doc, plan, uid);
        return plan.to;
      });
      logger.info('usulan decided', { usulanId: data.usulanId, status, by: uid, role: caller.role });
      return { status };
    },
  ),
);

/** The request but for the approval levels, which are read in the transaction. */
type Who = Omit<DecisionRequest, 'approval'>;

async function decideMusyawarah(musyawarahId: string, uid: string, caller: Caller<'verifikator' | 'kadis'>, who: Who) {
  const result = await db.runTransaction(async (tx) => {
    const [musyawarah, approval] = await Promise.all([tx.get(collections.musyawarah().doc(musyawarahId)), approvalIn(tx, caller.kabupaten)]);
    if (!musyawarah.exists || musyawarah.data()!.kabupatenCode !== caller.kabupaten) throw new HttpsError('not-found', 'Musyawarah tidak ditemukan.');
    const items = await tx.get(collections.usulan().where('musyawarahId', '==', musyawarahId).where('kabupatenCode', '==', caller.kabupaten));
    const plan = planMusyawarahDecision(
      items.docs.map((snap) => ({ snap, ...snap.data() })),
      { ...who, approval },
    );
    if (plan.refusal) throw new HttpsError('failed-precondition', reasonText(plan.refusal));
    for (const { usulan, plan: one } of plan.decided) commit(tx, usulan.snap.ref, usulan, one, uid);
    return {
      decided: plan.decided.map(({ usulan, plan: one }) => ({ usulanId: usulan.snap.id, status: one.to })),
      skipped: plan.skipped.map(({ usulan, reason }) => ({ usulanId: usulan.snap.id, reason: reasonText(reason) })),
    };
  });
  logger.info('musyawarah decided', { musyawarahId, decided: result.decided.length, skipped: result.skipped.length, by: uid });
  return result;
}

/** The kabupaten's approval levels, read in the decision's transaction (a malformed policy counts as the default). */
async function approvalIn(tx: Transaction, kabupatenCode: string) {
  return approvalOf(parseKabupatenPolicy((await tx.get(collections.policies().doc(kabupatenCode))).data()));
}

function commit(
  tx: Transaction,
  ref: DocumentReference<UsulanDoc>,
  doc: Pick<UsulanDoc, 'kabupatenCode' | 'desaCode'>,
  plan: PlannedDecision,
  uid: string,
): void {
  tx.update(ref, {
    status: plan.to,
    decisions: FieldValue.arrayUnion({ ...plan.record, by: uid, at: Timestamp.now() }),
    updatedAt: FieldValue.serverTimestamp(),
  });
  writeAudit(tx, {
    actorUid: uid,
    actorRole: plan.audit.actorRole,
    action: plan.audit.action,
    target: { collection: 'usulan', id: ref.id },
    kabupatenCode: doc.kabupatenCode,
    desaCode: doc.desaCode,
    summary: plan.audit.summary,
  });
}
