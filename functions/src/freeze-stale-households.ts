import { FieldPath, FieldValue, Timestamp, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { evaluateEligibility, frozenBefore, parseKabupatenPolicy, reason, type Program, type Reason } from './domain/index.js';
import { writeAudit } from './lib/audit.js';
import { db } from './lib/admin.js';
import { collections } from './lib/collections.js';
import type { HouseholdDoc } from './lib/documents.js';
import { toEligibilityMap } from './lib/eligibility-map.js';
import { loadPrograms } from './lib/programs.js';

const PAGE_SIZE = 300;
const CONCURRENCY = 50;

/**
 * Step 5: every day, households of each kabupaten whose last verval is older than the kabupaten's
 * policy allows are frozen ("data beku"): eligibility removed, reason kept, reversible by a verval.
 * It reads only households that are due (an indexed range query, cursor-paged), and a second run
 * on the same day finds nothing left to do.
 */
export const freezeStaleHouseholds = onSchedule({ schedule: 'every day 01:00', timeZone: 'Asia/Jakarta' }, async (event) => {
  // A run triggered by hand (emulator, console "force run") may carry no schedule time.
  const scheduled = new Date(event.scheduleTime);
  const result = await freezeStale(Number.isNaN(scheduled.getTime()) ? new Date() : scheduled);
  logger.info('staleness run finished', result);
});

export async function freezeStale(now: Date): Promise<{ kabupaten: number; frozen: number; skipped: number }> {
  const programs = await loadPrograms();
  const policies = await collections.policies().get();
  let frozen = 0;
  let skipped = 0;
  for (const policyDoc of policies.docs) {
    const policy = parseKabupatenPolicy(policyDoc.data());
    if (!policy) {
      logger.error('kabupaten policy is invalid; kabupaten skipped', { kabupaten: policyDoc.id });
      continue;
    }
    const before = Timestamp.fromDate(frozenBefore(now, policy.staleness));
    const statusReason = reason('household.beku', `Data beku: tidak ada verval selama ${policy.staleness.freezeAfterMonths} bulan berturut-turut`);
    let cursor: QueryDocumentSnapshot<HouseholdDoc> | undefined;
    for (;;) {
      let query = collections
        .households()
        .where('kabupatenCode', '==', policyDoc.id)
        .where('status', '==', 'aktif')
        .where('lastVervalAt', '<', before)
        .orderBy('lastVervalAt')
        .orderBy(FieldPath.documentId())
        .limit(PAGE_SIZE);
      if (cursor) query = query.startAfter(cursor);
      const page = await query.get();
      if (page.empty) break;
      // One small batch per household: the status change and its audit entry land together or not
      // at all. The precondition skips a household that was verified between this read and this write.
      for (let i = 0; i < page.docs.length; i += CONCURRENCY) {
        const results = await Promise.allSettled(page.docs.slice(i, i + CONCURRENCY).map((snap) => freezeOne(snap, statusReason, programs, now)));
        for (const r of results) {
          if (r.status === 'fulfilled') frozen += 1;
          else skipped += 1;
        }
      }
      cursor = page.docs[page.docs.length - 1];
      if (page.size < PAGE_SIZE) break;
    }
  }
  return { kabupaten: policies.size, frozen, skipped };
}

async function freezeOne(snap: QueryDocumentSnapshot<HouseholdDoc>, statusReason: Reason, programs: Program[], now: Date): Promise<void> {
  const h = snap.data();
  const batch = db.batch();
  // Desil stays on record; only the decisions change.
  const eligibility = toEligibilityMap(evaluateEligibility({ desil: h.desil, status: 'beku' }, programs, now));
  batch.update(snap.ref, { status: 'beku', statusReason, eligibility, updatedAt: FieldValue.serverTimestamp() }, { lastUpdateTime: snap.updateTime });
  writeAudit(batch, {
    actorUid: 'sistem', actorRole: 'sistem', action: 'keluarga.dibekukan', target: { collection: 'households', id: snap.id },
    kabupatenCode: h.kabupatenCode, desaCode: h.desaCode, summary: statusReason.message,
  });
  await batch.commit();
}
