import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { checkProgramConfig, reasonText, kabupatenPolicySchema, programSchema, readRoleClaims, type RoleClaims } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import { loadPrograms } from './lib/programs.js';

/**
 * The kabupaten admin's configuration: program bands with their effective dates and legal basis
 * (a new decree is a new version, never an edit of the past), and the kabupaten's own policy
 * (staleness, approval levels, the return path after suspension). Every change is audited; a
 * program change re-evaluates eligibility through the task queue (`onProgramChanged`).
 */
function adminOrThrow(auth: { token: Record<string, unknown> } | undefined): RoleClaims {
  if (!auth) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  const claims = readRoleClaims(auth.token);
  if (claims?.role !== 'admin') throw new HttpsError('permission-denied', 'Hanya admin kabupaten yang dapat mengubah konfigurasi.');
  return claims;
}

export const configureProgram = onCall(async (request) => {
  const admin = adminOrThrow(request.auth);
  const parsed = programSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Konfigurasi program tidak valid.');
  const program = parsed.data;
  if (program.level === 'kabupaten' && program.scope !== admin.kabupaten) {
    throw new HttpsError('permission-denied', 'Program kabupaten hanya dapat diatur oleh admin kabupaten itu sendiri.');
  }
  const uid = request.auth!.uid;
  await db.runTransaction(async (tx) => {
    const current = await loadPrograms(tx);
    const next = [...current.filter((p) => p.id !== program.id), program];
    const problems = checkProgramConfig(next);
    if (problems.length > 0) throw new HttpsError('invalid-argument', reasonText(problems[0]!));
    const before = current.find((p) => p.id === program.id);
    // Versions already in force are history: they may be closed (effectiveTo), never rewritten.
    for (const old of before?.versions ?? []) {
      const kept = program.versions.find((v) => v.effectiveFrom === old.effectiveFrom);
      if (!kept || kept.desilMin !== old.desilMin || kept.desilMax !== old.desilMax || kept.legalBasis !== old.legalBasis) {
        throw new HttpsError('failed-precondition', `Versi yang berlaku sejak ${old.effectiveFrom} tidak boleh diubah atau dihapus; tambahkan versi baru dengan tanggal berlaku dan dasar hukumnya.`);
      }
    }
    tx.set(collections.programs().doc(program.id), program);
    writeAudit(tx, {
      actorUid: uid, actorRole: 'admin', action: before ? 'program.diubah' : 'program.ditambahkan', target: { collection: 'programs', id: program.id },
      kabupatenCode: admin.kabupaten, desaCode: null,
      summary: `${program.name}: ${program.versions.map((v) => `desil ${v.desilMin}–${v.desilMax} sejak ${v.effectiveFrom}${v.effectiveTo ? ` s.d. ${v.effectiveTo}` : ''} (${v.legalBasis})`).join('; ')}`,
    });
  });
  logger.info('program configured', { programId: program.id, by: uid });
  return { programId: program.id };
});

export const configurePolicy = onCall(async (request) => {
  const admin = adminOrThrow(request.auth);
  const parsed = kabupatenPolicySchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Kebijakan kabupaten tidak valid.');
  const policy = parsed.data;
  const uid = request.auth!.uid;
  const batch = db.batch();
  batch.set(collections.policies().doc(admin.kabupaten), policy);
  writeAudit(batch, {
    actorUid: uid, actorRole: 'admin', action: 'kebijakan.diubah', target: { collection: 'policies', id: admin.kabupaten },
    kabupatenCode: admin.kabupaten, desaCode: null,
    summary: `Data beku setelah ${policy.staleness.freezeAfterMonths} bulan (peringatan ${policy.staleness.warnAfterMonths.join(', ')}), persetujuan ${policy.approval ?? 'dua_tingkat'}, kembali setelah penangguhan: ${policy.suspension?.route ?? 'usulan_baru'}`,
  });
  await batch.commit();
  logger.info('policy configured', { kabupaten: admin.kabupaten, by: uid });
  return { kabupatenCode: admin.kabupaten };
});
