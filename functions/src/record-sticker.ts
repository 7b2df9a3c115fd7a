import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { formatIsoDate, jakartaDateOf, readRoleClaims, stickerInputSchema } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';

/**
 * The operator records that a recipient household's house now carries the bansos sticker
 * ("keluarga pra sejahtera", seed 000): on which day and by whom. Only households that receive a
 * program get one; the date may not be in the future.
 */
export const recordSticker = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  const claims = readRoleClaims(request.auth.token);
  if (claims?.role !== 'operator') throw new HttpsError('permission-denied', 'Hanya operator desa/kelurahan yang mencatat pemasangan stiker.');
  const parsed = stickerInputSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data stiker tidak valid.');
  const input = parsed.data;
  if (input.installedOn > formatIsoDate(jakartaDateOf(new Date()))) throw new HttpsError('invalid-argument', 'Tanggal pemasangan tidak boleh di masa depan.');
  const uid = request.auth.uid;
  const ref = collections.households().doc(input.householdId);
  await db.runTransaction(async (tx) => {
    const h = (await tx.get(ref)).data();
    if (!h || h.desaCode !== claims.desa) throw new HttpsError('not-found', 'Keluarga tidak ditemukan di desa Anda.');
    const receives = Object.values(h.eligibility ?? {}).some((d) => d.eligible);
    if (h.status !== 'aktif' || !receives) throw new HttpsError('failed-precondition', 'Stiker hanya untuk rumah keluarga penerima bansos yang aktif.');
    tx.update(ref, { sticker: { installedOn: input.installedOn, by: input.by }, updatedAt: FieldValue.serverTimestamp() });
    writeAudit(tx, {
      actorUid: uid, actorRole: 'operator', action: 'keluarga.stiker', target: { collection: 'households', id: input.householdId },
      kabupatenCode: h.kabupatenCode, desaCode: h.desaCode, summary: `Stiker bansos terpasang ${input.installedOn} oleh ${input.by}`,
    });
  });
  logger.info('sticker recorded', { householdId: input.householdId, by: uid });
  return { householdId: input.householdId };
});
