import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { checkTransition, reason, validateUsulanBaru, type Reason } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';

/**
 * Step 2 of the flow: a submitted usulan is checked (schema, KK, NIK structure and agreement with
 * the member, NIK already in the register) and the result is written back to it. The result
 * records which submission it belongs to, so the trigger's own write, or a second delivery of the
 * same event, finds the work done and returns.
 */
export const validateUsulan = onDocumentWritten({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  const after = event.data?.after;
  if (!after?.exists) return;
  if (!needsValidation(after.data() as UsulanDoc)) return;
  await validateSubmission(event.params.usulanId, new Date(event.time));
});

function needsValidation(doc: UsulanDoc): boolean {
  return doc.status === 'diajukan' && doc.submittedAt !== null && doc.validation?.forSubmission !== doc.submittedAt.toMillis();
}

export async function validateSubmission(usulanId: string, now: Date): Promise<void> {
  const ref = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const doc = snap.data();
    if (!doc || !needsValidation(doc)) return;
    const result = validateUsulanBaru({ type: doc.type, household: doc.household }, now);
    const errors: Reason[] = [...result.errors];
    if (result.content) {
      const members = result.content.household.members;
      const indexRefs = members.map((m) => (m.nik ? collections.nikIndex().doc(nikHash(m.nik)) : null));
      const existing = await Promise.all(indexRefs.map((r) => (r ? tx.get(r) : Promise.resolve(null))));
      existing.forEach((s, i) => {
        const found = s?.data();
        if (found) {
          errors.push(reason('nik.registered', `NIK anggota ke-${i + 1} sudah terdaftar di register (desa ${found.desaCode})`, `household.members.${i}.nik`));
        }
      });
    }
    const ok = errors.length === 0;
    const status = ok ? 'diajukan' : 'tidak_lolos_validasi';
    if (!ok) {
      const t = checkTransition(doc.status, status, 'sistem');
      if (!t.ok) throw new Error(`validation transition refused: ${t.reason.code}`);
    }
    tx.update(ref, {
      status,
      validation: { ok, errors, warnings: result.warnings, checkedAt: FieldValue.serverTimestamp(), forSubmission: doc.submittedAt!.toMillis() },
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: 'sistem',
      actorRole: 'sistem',
      action: ok ? 'usulan.lolos_validasi' : 'usulan.tidak_lolos_validasi',
      target: { collection: 'usulan', id: usulanId },
      kabupatenCode: doc.kabupatenCode,
      desaCode: doc.desaCode,
      summary: ok
        ? `Usulan lolos validasi (${result.warnings.length} catatan)`
        : `Usulan tidak lolos validasi: ${errors.map((e) => e.code).join(', ')}`,
    });
    logger.info('usulan validated', { usulanId, ok, errorCodes: errors.map((e) => e.code) });
  });
}
