import type { Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { parseKabupatenPolicy } from './domain/index.js';
import {
  needsValidation,
  PENDING_TRANSFER_STATUSES,
  planTakeBack,
  planValidation,
  TAKE_BACK_ACTION,
  TAKE_BACK_LIMIT,
  takenBack,
  validationReads,
  type StoredUsulan,
} from './domain/plans/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';
import { nikHmacKey } from './lib/nik-hash.js';
import { readNikIndex } from './lib/nik-index.js';
import { forFirestore, withDates } from './lib/plans.js';

/**
 * Step 2 of the flow: a submitted usulan of any type is checked — its content, NIK and KK
 * structure, the household it is about (still in the register, in the proposing desa, or for a
 * pindah masuk in the desa it leaves), NIKs already in the register anywhere, the kabupaten's
 * reactivation policy — and the result is written back to it. The checks are `planValidation`
 * (domain/plans/validation.ts); this trigger reads what it needs and commits the result. The
 * result records which submission it belongs to, so the trigger's own write, or a second delivery
 * of the same event, finds the work done and returns.
 */
export const validateUsulan = onDocumentWritten({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!after?.exists) return;
  const doc = usulanOf(after.data());
  const previous = before?.exists ? usulanOf(before.data()) : null;
  if (previous && takenBack(previous, doc)) await auditTakeBack(event.params.usulanId, previous);
  if (!needsValidation(doc)) return;
  await validateSubmission(event.params.usulanId, new Date(event.time));
});

const usulanOf = (data: unknown): StoredUsulan => withDates(data as UsulanDoc);

/** The operator took back an usulan that failed validation, to correct it: one audit entry per failed submission. */
async function auditTakeBack(usulanId: string, before: StoredUsulan): Promise<void> {
  const { entryId, audit } = planTakeBack(usulanId, before);
  await db.runTransaction(async (tx) => {
    if ((await tx.get(collections.auditLog().doc(entryId))).exists) return;
    writeAudit(tx, audit, entryId);
  });
}

export async function validateSubmission(usulanId: string, now: Date): Promise<void> {
  const ref = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    // Read.
    const data = (await tx.get(ref)).data();
    if (!data) return;
    const usulan = withDates(data);
    if (!needsValidation(usulan)) return;
    const policy = parseKabupatenPolicy((await tx.get(collections.policies().doc(usulan.kabupatenCode))).data());
    const reads = validationReads(usulan);
    const household = reads.householdId ? (await tx.get(collections.households().doc(reads.householdId))).data() : undefined;
    const nikIndex = await readNikIndex(tx, reads.niks);
    const pendingTransfers = reads.pendingTransfersOf ? await readPendingTransfers(tx, usulan.kabupatenCode, reads.pendingTransfersOf) : [];
    const takeBacks = (
      await tx.get(
        collections
          .auditLog()
          .where('target.id', '==', usulanId)
          .where('action', '==', TAKE_BACK_ACTION)
          .limit(TAKE_BACK_LIMIT + 1),
      )
    ).size;
    // Plan.
    const plan = planValidation({ usulanId, usulan, household: household ? withDates(household) : null, nikIndex, policy, pendingTransfers, takeBacks, now });
    // Commit.
    tx.update(ref, forFirestore(plan.update));
    writeAudit(tx, plan.audit);
    for (const entry of plan.nikAudits) writeAudit(tx, entry);
    logger.info('usulan validated', { usulanId, type: usulan.type, ok: plan.ok, errorCodes: plan.update.validation.errors.map((e) => e.code) });
  });
}

/** Pindah masuk usulan for the same household in the kabupaten that still wait for the dinas. */
async function readPendingTransfers(tx: Transaction, kabupatenCode: string, householdId: string): Promise<{ id: string; submittedAt: Date | null }[]> {
  const others = await tx.get(
    collections
      .usulan()
      .where('kabupatenCode', '==', kabupatenCode)
      .where('householdId', '==', householdId)
      .where('type', '==', 'pindah_masuk')
      .where('status', 'in', [...PENDING_TRANSFER_STATUSES]),
  );
  return others.docs.map((o) => ({ id: o.id, submittedAt: o.data().submittedAt?.toDate() ?? null }));
}
