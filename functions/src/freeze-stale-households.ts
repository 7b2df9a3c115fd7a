import { FieldPath, FieldValue, Timestamp, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import {
  cycleIndex, cycleStart, evaluateEligibility, parseKabupatenPolicy, reason, stalenessOf, type Program, type Reason, type StalenessPolicy,
} from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { HouseholdDoc } from './lib/documents.js';
import { toEligibilityMap } from './lib/eligibility-map.js';
import { loadPrograms } from './lib/programs.js';

const PAGE_SIZE = 300;
const CONCURRENCY = 50;

/**
 * Step 5: every day, each kabupaten's staleness policy (seed 002) is applied to its households:
 * operators are warned when a household has missed 1 and then 2 monthly cycles without verval,
 * and after 3 it is frozen ("data beku": eligibility removed, reason kept, reversible by a verval).
 * Each level is one indexed query that reads only households due to reach it (their stored level
 * is lower and their last verval is old enough), cursor-paged; a second run on the same day finds
 * nothing left to do.
 */
export const freezeStaleHouseholds = onSchedule({ schedule: 'every day 01:00', timeZone: 'Asia/Jakarta' }, async (event) => {
  // A run triggered by hand (emulator, console "force run") may carry no schedule time.
  const scheduled = new Date(event.scheduleTime);
  const result = await applyStaleness(Number.isNaN(scheduled.getTime()) ? new Date() : scheduled);
  logger.info('staleness run finished', result);
});

export interface StalenessRun {
  kabupaten: number;
  read: number;
  warned: number;
  frozen: number;
  skipped: number;
}

export async function applyStaleness(now: Date): Promise<StalenessRun> {
  const programs = await loadPrograms();
  const policies = await collections.policies().get();
  const run: StalenessRun = { kabupaten: 0, read: 0, warned: 0, frozen: 0, skipped: 0 };
  for (const policyDoc of policies.docs) {
    const policy = parseKabupatenPolicy(policyDoc.data());
    if (!policy) {
      logger.error('kabupaten policy is invalid; kabupaten skipped', { kabupaten: policyDoc.id });
      continue;
    }
    run.kabupaten += 1;
    const p = policy.staleness;
    const base = collections.households().where('kabupatenCode', '==', policyDoc.id).where('status', '==', 'aktif');
    // Highest level first, so a household that slept through several levels goes straight to beku.
    await forEachDue(base.where('lastVervalAt', '<', Timestamp.fromDate(cutoff(now, p, p.freezeAfterMonths))), run, (snap) =>
      freezeOne(snap, p, programs, now),
    );
    const levels = [...p.warnAfterMonths].sort((a, b) => b - a);
    for (const level of levels) {
      const lower = [0, ...p.warnAfterMonths.filter((w) => w < level)];
      const due = base.where('staleness.missed', 'in', lower).where('lastVervalAt', '<', Timestamp.fromDate(cutoff(now, p, level)));
      await forEachDue(due, run, (snap) => warnOne(snap, p, now));
    }
  }
  return run;
}

/** Households whose last verval is before this instant have missed at least `months` whole cycles. */
function cutoff(now: Date, policy: StalenessPolicy, months: number): Date {
  return cycleStart(cycleIndex(now, policy) - months, policy);
}

/** Pages through a query with a cursor; each household is changed in its own small batch. */
async function forEachDue(query: Query<HouseholdDoc>, run: StalenessRun, change: (snap: QueryDocumentSnapshot<HouseholdDoc>) => Promise<'warned' | 'frozen'>): Promise<void> {
  let cursor: QueryDocumentSnapshot<HouseholdDoc> | undefined;
  for (;;) {
    let page = query.orderBy('lastVervalAt').orderBy(FieldPath.documentId()).limit(PAGE_SIZE);
    if (cursor) page = page.startAfter(cursor);
    const snap = await page.get();
    run.read += snap.size;
    for (let i = 0; i < snap.docs.length; i += CONCURRENCY) {
      const results = await Promise.allSettled(snap.docs.slice(i, i + CONCURRENCY).map(change));
      for (const r of results) {
        if (r.status === 'fulfilled') run[r.value] += 1;
        else run.skipped += 1;
      }
    }
    if (snap.size < PAGE_SIZE) return;
    cursor = snap.docs[snap.docs.length - 1];
  }
}

async function warnOne(snap: QueryDocumentSnapshot<HouseholdDoc>, policy: StalenessPolicy, now: Date): Promise<'warned'> {
  const h = snap.data();
  const s = stalenessOf(h.lastVervalAt.toDate(), now, policy);
  const batch = db.batch();
  // The precondition skips a household that was verified between this read and this write.
  batch.update(snap.ref, { staleness: { level: 'peringatan', missed: s.missed, freezesAt: Timestamp.fromDate(s.freezesAt) }, updatedAt: FieldValue.serverTimestamp() }, { lastUpdateTime: snap.updateTime });
  writeAudit(batch, {
    actorUid: 'sistem', actorRole: 'sistem', action: 'keluarga.peringatan_verval', target: { collection: 'households', id: snap.id },
    kabupatenCode: h.kabupatenCode, desaCode: h.desaCode,
    summary: `Peringatan: ${s.missed} bulan tanpa verval; data beku mulai ${s.freezesAt.toISOString().slice(0, 10)} bila tidak diverval`,
  });
  await batch.commit();
  return 'warned';
}

async function freezeOne(snap: QueryDocumentSnapshot<HouseholdDoc>, policy: StalenessPolicy, programs: Program[], now: Date): Promise<'frozen'> {
  const h = snap.data();
  const s = stalenessOf(h.lastVervalAt.toDate(), now, policy);
  const statusReason: Reason = reason('household.beku', `Data beku: tidak ada verval selama ${s.missed} bulan berturut-turut (batas ${policy.freezeAfterMonths} bulan)`);
  const batch = db.batch();
  // Desil stays on record; only the decisions change.
  const eligibility = toEligibilityMap(evaluateEligibility({ desil: h.desil, status: 'beku' }, programs, now));
  batch.update(
    snap.ref,
    { status: 'beku', statusReason, staleness: { level: 'beku', missed: s.missed, freezesAt: Timestamp.fromDate(s.freezesAt) }, eligibility, updatedAt: FieldValue.serverTimestamp() },
    { lastUpdateTime: snap.updateTime },
  );
  writeAudit(batch, {
    actorUid: 'sistem', actorRole: 'sistem', action: 'keluarga.dibekukan', target: { collection: 'households', id: snap.id },
    kabupatenCode: h.kabupatenCode, desaCode: h.desaCode, summary: statusReason.message,
  });
  await batch.commit();
  return 'frozen';
}
