import { createHash } from 'node:crypto';
import { FieldPath, Timestamp, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import { logger } from 'firebase-functions';
import { defineInt } from 'firebase-functions/params';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod';
import {
  isoDateOn,
  nationalKecamatanCodes,
  parseKabupatenPolicy,
  programsInForce,
  stalenessCutoff,
  type ProgramsInForce,
  type StalenessPolicy,
} from './domain/index.js';
import { planFreeze, planWarning, type StalenessChange } from './domain/plans/index.js';
import { app, db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { HouseholdDoc } from './lib/documents.js';
import { REGION } from './lib/global-options.js';
import { forFirestore, withDates } from './lib/plans.js';
import { pages } from './lib/paging.js';
import { loadPrograms } from './lib/programs.js';

const PAGE_SIZE = 300;
const CONCURRENCY = 50;
const TASK_FUNCTION = 'applyStalenessForKecamatan';

/**
 * A kabupaten with more households possibly due than this is not walked by the daily job itself:
 * it is fanned out into one task per kecamatan (below, `applyStalenessForKecamatan`), so a large
 * register is handled in parallel, each piece retried on its own, and no run nears the function
 * time limit. Set per project in functions/.env (the emulator's value is in functions/.env.local).
 */
export const STALENESS_INLINE_LIMIT_DEFAULT = 2000;
export const stalenessInlineLimit = defineInt('STALENESS_INLINE_LIMIT', {
  default: STALENESS_INLINE_LIMIT_DEFAULT,
  description: 'Households possibly due for a staleness warning or freeze above which the daily job fans out one task per kecamatan',
});

/**
 * Step 5: every day, each kabupaten's staleness policy (seed 002) is applied to its households:
 * operators are warned when a household has missed 1 and then 2 monthly cycles without verval,
 * and after 3 it is frozen ("data beku": eligibility removed, reason kept, reversible by a verval).
 * Each level is one indexed query that reads only households due to reach it (their stored level
 * is lower and their last verval is old enough), cursor-paged; a second run on the same day finds
 * nothing left to do. A large kabupaten is fanned out per kecamatan through a task queue.
 */
export const freezeStaleHouseholds = onSchedule({ schedule: '0 1 * * *', timeZone: 'Asia/Jakarta' }, async (event) => {
  // A run triggered by hand (emulator, console "force run") may carry no schedule time.
  const scheduled = new Date(event.scheduleTime);
  const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
  const queue = getFunctions(app).taskQueue<StalenessTask>(`locations/${REGION}/functions/${TASK_FUNCTION}`);
  const result = await applyStaleness(now, {
    inlineLimit: stalenessInlineLimit.value(),
    enqueue: async (task) => {
      try {
        await queue.enqueue(task, { id: stalenessTaskId(task) });
        return 'queued';
      } catch (err) {
        // Named tasks make the fan-out idempotent per day: a second run (or a redelivered
        // schedule) finds today's task for the kecamatan already there.
        if ((err as { code?: string }).code === 'functions/task-already-exists') return 'already_queued';
        throw err;
      }
    },
  });
  logger.info('staleness run finished', result);
});

/** One kecamatan of a large kabupaten, on the day (instant) of the run that queued it. */
export const stalenessTaskSchema = z.strictObject({
  kabupatenCode: z.string().regex(/^\d{2}\.\d{2}$/),
  kecamatanCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
  at: z.iso.datetime(),
});
export type StalenessTask = z.infer<typeof stalenessTaskSchema>;

export const applyStalenessForKecamatan = onTaskDispatched<StalenessTask>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 30 }, rateLimits: { maxConcurrentDispatches: 6 }, timeoutSeconds: 1800 },
  async (request) => {
    const parsed = stalenessTaskSchema.safeParse(request.data);
    if (!parsed.success || !parsed.data.kecamatanCode.startsWith(`${parsed.data.kabupatenCode}.`)) {
      // Retrying cannot fix a malformed task: log it and let it go.
      logger.error('staleness task is malformed; dropped', {
        issues: parsed.success ? 'kecamatan outside kabupaten' : parsed.error.issues.map((i) => i.path.join('.')),
      });
      return;
    }
    const result = await applyStalenessTask(parsed.data);
    logger.info('staleness kecamatan task done', { ...result, kabupatenCode: parsed.data.kabupatenCode, kecamatanCode: parsed.data.kecamatanCode });
  },
);

/** Task ids are spread by a hash prefix (Cloud Tasks slows down on sequential names) and unique per kecamatan and day. */
export function stalenessTaskId(task: StalenessTask): string {
  const key = `${task.kecamatanCode}-${isoDateOn(new Date(task.at))}`;
  return `${createHash('sha256').update(key).digest('hex').slice(0, 8)}-staleness-${key.replaceAll('.', '')}`;
}

export interface StalenessRun {
  kabupaten: number;
  read: number;
  /** Pages that came back empty: Firestore bills one read for a query that returns nothing. */
  emptyPages: number;
  /** Reads billed for counting possibly-due households (one per 1,000 index entries, at least one). */
  countReads: number;
  warned: number;
  frozen: number;
  skipped: number;
  /** Kecamatan tasks queued by this run, and those already queued earlier the same day. */
  queued: number;
  alreadyQueued: number;
}

export interface StalenessOptions {
  /** Above this many possibly-due households a kabupaten is fanned out; Infinity: always inline. */
  inlineLimit?: number;
  enqueue?: (task: StalenessTask) => Promise<'queued' | 'already_queued'>;
}

type Scope = { field: 'kabupatenCode' | 'kecamatanCode'; code: string };

export async function applyStaleness(now: Date, options: StalenessOptions = {}): Promise<StalenessRun> {
  const inlineLimit = options.inlineLimit ?? Number.POSITIVE_INFINITY;
  const inForce = programsInForce(await loadPrograms(), now);
  const policies = await collections.policies().get();
  const run: StalenessRun = { kabupaten: 0, read: 0, emptyPages: 0, countReads: 0, warned: 0, frozen: 0, skipped: 0, queued: 0, alreadyQueued: 0 };
  for (const policyDoc of policies.docs) {
    const policy = parseKabupatenPolicy(policyDoc.data());
    if (!policy) {
      logger.error('kabupaten policy is invalid; kabupaten skipped', { kabupaten: policyDoc.id });
      continue;
    }
    run.kabupaten += 1;
    const scope: Scope = { field: 'kabupatenCode', code: policyDoc.id };
    if (Number.isFinite(inlineLimit)) {
      if (!options.enqueue) throw new Error('applyStaleness: an inline limit needs an enqueue function');
      // Every household that could reach any level today has its last verval before the lowest level's cut-off.
      const lowest = Math.min(...policy.staleness.warnAfterMonths, policy.staleness.freezeAfterMonths);
      const possiblyDue = (
        await active(scope)
          .where('lastVervalAt', '<', Timestamp.fromDate(stalenessCutoff(now, policy.staleness, lowest)))
          .count()
          .get()
      ).data().count;
      run.countReads += Math.max(1, Math.ceil(possiblyDue / 1000));
      if (possiblyDue > inlineLimit) {
        await fanOut(policyDoc.id, now, options.enqueue, run);
        continue;
      }
    }
    await applyPolicy(scope, policy.staleness, inForce, now, run);
  }
  return run;
}

/** One task per kecamatan of the kabupaten (from the wilayah tables: a kecamatan without households costs two empty queries). */
async function fanOut(kabupatenCode: string, now: Date, enqueue: NonNullable<StalenessOptions['enqueue']>, run: StalenessRun): Promise<void> {
  const kecamatan = nationalKecamatanCodes().filter((k) => k.startsWith(`${kabupatenCode}.`));
  const results = await Promise.all(kecamatan.map((kecamatanCode) => enqueue({ kabupatenCode, kecamatanCode, at: now.toISOString() })));
  run.queued += results.filter((r) => r === 'queued').length;
  run.alreadyQueued += results.filter((r) => r === 'already_queued').length;
  logger.info('staleness fanned out per kecamatan', { kabupaten: kabupatenCode, kecamatan: kecamatan.length });
}

/** The work of one queued task: the kabupaten's current policy applied to one kecamatan, as of the run's instant. Safe to run twice. */
export async function applyStalenessTask(task: StalenessTask): Promise<StalenessRun> {
  const run: StalenessRun = { kabupaten: 0, read: 0, emptyPages: 0, countReads: 0, warned: 0, frozen: 0, skipped: 0, queued: 0, alreadyQueued: 0 };
  const [programs, policyDoc] = await Promise.all([loadPrograms(), collections.policies().doc(task.kabupatenCode).get()]);
  const policy = policyDoc.exists ? parseKabupatenPolicy(policyDoc.data()) : null;
  if (!policy) {
    logger.error('kabupaten policy is missing or invalid; staleness task skipped', { kabupaten: task.kabupatenCode });
    return run;
  }
  run.kabupaten = 1;
  const at = new Date(task.at);
  await applyPolicy({ field: 'kecamatanCode', code: task.kecamatanCode }, policy.staleness, programsInForce(programs, at), at, run);
  return run;
}

function active(scope: Scope): Query<HouseholdDoc> {
  return collections.households().where(scope.field, '==', scope.code).where('status', '==', 'aktif');
}

async function applyPolicy(scope: Scope, p: StalenessPolicy, inForce: ProgramsInForce, now: Date, run: StalenessRun): Promise<void> {
  const base = active(scope);
  // Highest level first, so a household that slept through several levels goes straight to beku.
  await forEachDue(base.where('lastVervalAt', '<', Timestamp.fromDate(stalenessCutoff(now, p))), run, async (snap) =>
    commitChange(snap, planFreeze(snap.id, withDates(snap.data()), p, inForce, now), 'frozen'),
  );
  const levels = [...p.warnAfterMonths].sort((a, b) => b - a);
  for (const level of levels) {
    const lower = [0, ...p.warnAfterMonths.filter((w) => w < level)];
    const due = base.where('staleness.missed', 'in', lower).where('lastVervalAt', '<', Timestamp.fromDate(stalenessCutoff(now, p, level)));
    await forEachDue(due, run, async (snap) => commitChange(snap, planWarning(snap.id, withDates(snap.data()), p, now), 'warned'));
  }
}

/** Pages through a query with a cursor; each household is changed in its own small batch (a failure, planning included, is counted as skipped). */
async function forEachDue(
  query: Query<HouseholdDoc>,
  run: StalenessRun,
  change: (snap: QueryDocumentSnapshot<HouseholdDoc>) => Promise<'warned' | 'frozen'>,
): Promise<void> {
  for await (const docs of pages(query.orderBy('lastVervalAt').orderBy(FieldPath.documentId()), PAGE_SIZE)) {
    run.read += docs.length;
    if (docs.length === 0) run.emptyPages += 1;
    for (let i = 0; i < docs.length; i += CONCURRENCY) {
      const results = await Promise.allSettled(docs.slice(i, i + CONCURRENCY).map(change));
      for (const r of results) {
        if (r.status === 'fulfilled') run[r.value] += 1;
        else run.skipped += 1;
      }
    }
  }
}

/**
 * Writes one household's planned change (domain/plans/staleness.ts) with its audit entry in a small
 * batch. The precondition skips a household that was changed (e.g. verified) between this read and
 * this write.
 */
async function commitChange<R extends 'warned' | 'frozen'>(snap: QueryDocumentSnapshot<HouseholdDoc>, change: StalenessChange, result: R): Promise<R> {
  const batch = db.batch();
  batch.update(snap.ref, forFirestore(change.update), { lastUpdateTime: snap.updateTime });
  writeAudit(batch, change.audit);
  await batch.commit();
  return result;
}
