import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { eligibility, readRoleClaims, redactNiks, vervalInputSchema } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import { toEligibilityMap } from './lib/eligibility-map.js';
import { loadPrograms } from './lib/programs.js';

/**
 * The operator records a verval (verification visit) of a household of their desa: the data is
 * still right, or it was corrected (a perbaikan usulan follows). It resets the staleness clock,
 * and a frozen ("beku") household becomes active again with its eligibility recomputed — the
 * freeze is reversible by a verval, as seed 002 implies.
 */
export const recordVerval = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  const claims = readRoleClaims(request.auth.token);
  if (claims?.role !== 'operator') throw new HttpsError('permission-denied', 'Hanya operator desa/kelurahan yang mencatat verval.');
  const parsed = vervalInputSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data verval tidak valid.');
  const input = parsed.data;
  const uid = request.auth.uid;
  const now = new Date();
  const ref = collections.households().doc(input.householdId);

  const status = await db.runTransaction(async (tx) => {
    const h = (await tx.get(ref)).data();
    if (!h || h.desaCode !== claims.desa) throw new HttpsError('not-found', 'Keluarga tidak ditemukan di desa Anda.');
    if (h.status === 'keluar' || h.status === 'ditangguhkan') {
      throw new HttpsError('failed-precondition', h.status === 'keluar' ? 'Keluarga ini sudah keluar dari register.' : 'Keluarga ini ditangguhkan; kembalinya melalui usulan, bukan verval.');
    }
    const unfreeze = h.status === 'beku';
    const programs = unfreeze ? await loadPrograms(tx) : [];
    tx.create(collections.verval(input.householdId).doc(), {
      result: input.result, note: input.note, by: uid, desaCode: h.desaCode, kabupatenCode: h.kabupatenCode, at: FieldValue.serverTimestamp() as unknown as Timestamp,
    });
    tx.update(ref, {
      lastVervalAt: Timestamp.fromDate(now),
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      ...(unfreeze
        ? { status: 'aktif', statusReason: null, eligibility: toEligibilityMap(eligibility({ desil: h.desil, status: 'aktif', desaCode: h.desaCode }, h.memberCriteria ?? null, programs, now)) }
        : {}),
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: uid, actorRole: 'operator', action: unfreeze ? 'keluarga.verval_aktif_kembali' : 'keluarga.verval', target: { collection: 'households', id: input.householdId },
      kabupatenCode: h.kabupatenCode, desaCode: h.desaCode,
      summary: `Verval: ${input.result}${unfreeze ? '; data beku diaktifkan kembali' : ''}${input.note ? `. Catatan: ${redactNiks(input.note)}` : ''}`,
    });
    return unfreeze ? 'aktif' : h.status;
  });
  logger.info('verval recorded', { householdId: input.householdId, by: uid, status });
  return { status };
});
