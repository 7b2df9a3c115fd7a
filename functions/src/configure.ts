import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { checkProgramChange, checkProgramConfig, isoDateOn, reasonText, kabupatenPolicySchema, programSchema } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { guarded } from './lib/callable-guard.js';
import { collections } from './lib/collections.js';
import { loadPrograms } from './lib/programs.js';

/**
 * The kabupaten admin's configuration: the kabupaten's own program bands with their effective
 * dates and legal basis (a new decree is a new version, never an edit of the past; national
 * programs ship with the deployment, provincial ones are the province's), and the kabupaten's policy
 * (staleness, approval levels, the return path after suspension). Every change is audited; a
 * program change re-evaluates eligibility through the task queue (`onProgramChanged`).
 */
const ADMIN_ONLY = { roles: ['admin'], roleRefusal: 'Hanya admin kabupaten yang dapat mengubah konfigurasi.' } as const;

export const configureProgram = onCall(
  guarded(
    {
      name: 'configureProgram',
      ...ADMIN_ONLY,
      input: programSchema,
      invalidInput: 'Konfigurasi program tidak valid.',
      // Whose program it is can only be told from the stored one too: checked in the transaction (checkProgramChange).
    },
    async ({ uid, caller: admin, data: program }) => {
      await db.runTransaction(async (tx) => {
        const current = await loadPrograms(tx);
        const before = current.find((p) => p.id === program.id);
        const refused = checkProgramChange(before, program, admin.kabupaten, isoDateOn(new Date()));
        if (refused.length > 0) {
          logger.warn('program change refused', { programId: program.id, by: uid, codes: refused.map((r) => r.code) });
          throw new HttpsError(refused[0]!.code === 'program.not_yours' ? 'permission-denied' : 'failed-precondition', reasonText(refused[0]!));
        }
        const problems = checkProgramConfig([...current.filter((p) => p.id !== program.id), program]);
        if (problems.length > 0) throw new HttpsError('invalid-argument', reasonText(problems[0]!));
        tx.set(collections.programs().doc(program.id), program);
        writeAudit(tx, {
          actorUid: uid,
          actorRole: 'admin',
          action: before ? 'program.diubah' : 'program.ditambahkan',
          target: { collection: 'programs', id: program.id },
          kabupatenCode: admin.kabupaten,
          desaCode: null,
          summary: `${program.name}: ${program.versions.map((v) => `desil ${v.desilMin}–${v.desilMax} sejak ${v.effectiveFrom}${v.effectiveTo ? ` s.d. ${v.effectiveTo}` : ''} (${v.legalBasis})`).join('; ')}`,
        });
      });
      logger.info('program configured', { programId: program.id, by: uid });
      return { programId: program.id };
    },
  ),
);

export const configurePolicy = onCall(
  guarded(
    { name: 'configurePolicy', ...ADMIN_ONLY, input: kabupatenPolicySchema, invalidInput: 'Kebijakan kabupaten tidak valid.' },
    async ({ uid, caller: admin, data: policy }) => {
      const batch = db.batch();
      batch.set(collections.policies().doc(admin.kabupaten), policy);
      writeAudit(batch, {
        actorUid: uid,
        actorRole: 'admin',
        action: 'kebijakan.diubah',
        target: { collection: 'policies', id: admin.kabupaten },
        kabupatenCode: admin.kabupaten,
        desaCode: null,
        summary: `Data beku setelah ${policy.staleness.freezeAfterMonths} bulan (peringatan ${policy.staleness.warnAfterMonths.join(', ')}), persetujuan ${policy.approval ?? 'dua_tingkat'}, kembali setelah penangguhan: ${policy.suspension?.route ?? 'usulan_baru'}`,
      });
      await batch.commit();
      logger.info('policy configured', { kabupaten: admin.kabupaten, by: uid });
      return { kabupatenCode: admin.kabupaten };
    },
  ),
);
