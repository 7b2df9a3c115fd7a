import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { checkTransition, decisionInputSchema, parseKabupatenPolicy, readRoleClaims, redactNiks, type ActorRole, type UsulanStatus } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';

/**
 * Step 3: the Dinas Sosial decides on a validated usulan. With two-level approval (the default)
 * the verifikator verifies (`diverifikasi`) and the kadis approves (`disetujui`, pengesahan); a
 * kabupaten with single-level approval lets either decide alone. Either may refuse, with a reason
 * that is kept. An approval is applied to the register by `applyUsulan`.
 */
export const decideUsulan = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  const claims = readRoleClaims(request.auth.token);
  if (!claims || (claims.role !== 'verifikator' && claims.role !== 'kadis')) {
    throw new HttpsError('permission-denied', 'Hanya verifikator atau kepala Dinas Sosial yang dapat memutuskan usulan.');
  }
  const parsed = decisionInputSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data keputusan tidak valid.');
  const input = parsed.data;
  const uid = request.auth.uid;
  const ref = collections.usulan().doc(input.usulanId);
  const policyRef = collections.policies().doc(claims.kabupaten);

  const status = await db.runTransaction(async (tx) => {
    const [snap, policy] = await Promise.all([tx.get(ref), tx.get(policyRef)]);
    const doc = snap.data();
    if (!doc || doc.kabupatenCode !== claims.kabupaten) {
      // Same answer for "missing" and "not yours": nothing leaks about other kabupaten.
      throw new HttpsError('not-found', 'Usulan tidak ditemukan.');
    }
    const singleLevel = parseKabupatenPolicy(policy.data())?.approval === 'satu_tingkat';
    // In single-level kabupaten both roles act as the one Dinas decision-maker.
    const actor: ActorRole = singleLevel ? 'dinas' : claims.role;
    const to = targetStatus(doc.status, input.decision, actor);
    const t = checkTransition(doc.status, to, actor);
    if (!t.ok) throw new HttpsError('failed-precondition', t.reason.message);
    if (input.decision === 'setujui' && !doc.validation?.ok) {
      throw new HttpsError('failed-precondition', 'Usulan belum lolos validasi sehingga belum dapat disetujui.');
    }
    tx.update(ref, {
      status: to,
      decisions: FieldValue.arrayUnion({ decision: input.decision, from: doc.status, to, note: input.note, by: uid, role: claims.role, at: Timestamp.now() }),
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: uid,
      actorRole: claims.role,
      action: `usulan.${to}`,
      target: { collection: 'usulan', id: input.usulanId },
      kabupatenCode: doc.kabupatenCode,
      desaCode: doc.desaCode,
      summary: `Status usulan: ${doc.status} → ${to}${input.note ? `. Catatan: ${redactNiks(input.note)}` : ''}`,
    });
    return to;
  });
  logger.info('usulan decided', { usulanId: input.usulanId, status, by: uid, role: claims.role });
  return { status };
});

/** What "setujui" means depends on who says it: a verifikator verifies, a decision-maker approves. */
function targetStatus(from: UsulanStatus, decision: 'setujui' | 'tolak', actor: ActorRole): UsulanStatus {
  if (decision === 'tolak') return 'ditolak';
  return actor === 'verifikator' && from === 'diajukan' ? 'diverifikasi' : 'disetujui';
}
