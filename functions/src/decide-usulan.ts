import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { checkTransition, decisionInputSchema, redactNiks } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';

/**
 * Step 3: Dinas Sosial approves or rejects a validated usulan. A rejection keeps its reason; an
 * approval is applied to the register by `applyUsulan`. Returns the new status.
 */
export const decideUsulan = onCall(async (request) => {
  const token = request.auth?.token;
  if (!request.auth || !token) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  if (token.role !== 'dinas' || typeof token.kabupaten !== 'string') {
    throw new HttpsError('permission-denied', 'Hanya petugas Dinas Sosial yang dapat memutuskan usulan.');
  }
  const parsed = decisionInputSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data keputusan tidak valid.');
  const input = parsed.data;
  const uid = request.auth.uid;
  const ref = collections.usulan().doc(input.usulanId);
  const status = await db.runTransaction(async (tx) => {
    const doc = (await tx.get(ref)).data();
    if (!doc || doc.kabupatenCode !== token.kabupaten) {
      // Same answer for "missing" and "not yours": nothing leaks about other kabupaten.
      throw new HttpsError('not-found', 'Usulan tidak ditemukan.');
    }
    const to = input.decision === 'setujui' ? 'disetujui' : 'ditolak';
    const t = checkTransition(doc.status, to, 'dinas');
    if (!t.ok) throw new HttpsError('failed-precondition', t.reason.message);
    if (to === 'disetujui' && !doc.validation?.ok) {
      throw new HttpsError('failed-precondition', 'Usulan belum lolos validasi sehingga belum dapat disetujui.');
    }
    tx.update(ref, {
      status: to,
      decision: { decision: input.decision, note: input.note, by: uid, role: 'dinas', at: FieldValue.serverTimestamp() },
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: uid,
      actorRole: 'dinas',
      action: to === 'disetujui' ? 'usulan.disetujui' : 'usulan.ditolak',
      target: { collection: 'usulan', id: input.usulanId },
      kabupatenCode: doc.kabupatenCode,
      desaCode: doc.desaCode,
      summary: input.note ? `Keputusan: ${input.decision}. Catatan: ${redactNiks(input.note)}` : `Keputusan: ${input.decision}`,
    });
    return to;
  });
  logger.info('usulan decided', { usulanId: input.usulanId, status, by: uid });
  return { status };
});
