import { getFunctions } from 'firebase-admin/functions';
import { FieldPath, FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { decideHousehold, programsChangingOn, programsInForce, sameDecisions } from './domain/index.js';
import { app, db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { EligibilityMap } from './lib/documents.js';
import { REGION } from './lib/global-options.js';
import { readPage } from './lib/paging.js';
import { loadPrograms } from './lib/programs.js';

const PAGE_SIZE = 400;

export interface ReevaluationTask {
  kabupatenCode: string;
  /** Last household id of the previous page; null for the first page. */
  after: string | null;
  /** What started the run, for the audit and the logs. */
  cause: string;
}

/**
 * A new decree or band (a change to `programs/`) re-evaluates every household's eligibility.
 * The work is fanned out through a task queue, one task per page of one kabupaten, so a large
 * register never runs in one long function; each household is decided from its own document
 * (desil, status, member criteria) and written only when a decision actually changed.
 */
export const onProgramChanged = onDocumentWritten('programs/{programId}', async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const kabupaten = await collections.policies().get();
  const queue = getFunctions(app).taskQueue<ReevaluationTask>(`locations/${REGION}/functions/reevaluateEligibility`);
  const cause = `program ${event.params.programId} diubah`;
  await Promise.all(kabupaten.docs.map((k) => queue.enqueue({ kabupatenCode: k.id, after: null, cause })));
  logger.info('eligibility re-evaluation queued', { programId: event.params.programId, kabupaten: kabupaten.size });
});

/**
 * A decree dated in advance takes effect on its day without anyone saving anything: every morning
 * the programs whose band starts or ended are re-evaluated the same way.
 */
export const reevaluateOnVersionDates = onSchedule({ schedule: '15 0 * * *', timeZone: 'Asia/Jakarta' }, async (event) => {
  const scheduled = new Date(event.scheduleTime);
  const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
  const changing = programsChangingOn(await loadPrograms(), now);
  if (changing.length === 0) return;
  const kabupaten = await collections.policies().get();
  const queue = getFunctions(app).taskQueue<ReevaluationTask>(`locations/${REGION}/functions/reevaluateEligibility`);
  const cause = `ketentuan ${changing.map((p) => p.id).join(', ')} mulai/berakhir berlaku`;
  await Promise.all(kabupaten.docs.map((k) => queue.enqueue({ kabupatenCode: k.id, after: null, cause })));
  logger.info('dated program versions: re-evaluation queued', { programs: changing.map((p) => p.id), kabupaten: kabupaten.size });
});

export const reevaluateEligibility = onTaskDispatched<ReevaluationTask>(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 4 } },
  async (request) => {
    const task = request.data;
    const result = await reevaluatePage(task, new Date());
    if (result.next) {
      await getFunctions(app)
        .taskQueue<ReevaluationTask>(`locations/${REGION}/functions/reevaluateEligibility`)
        .enqueue({ ...task, after: result.next });
    }
    logger.info('eligibility page re-evaluated', { kabupaten: task.kabupatenCode, read: result.read, changed: result.changed, more: result.next !== null });
  },
);

/** One page of one kabupaten; returns the cursor of the next page, or null when done. Safe to run twice. */
export async function reevaluatePage(task: ReevaluationTask, now: Date): Promise<{ read: number; changed: number; next: string | null }> {
  const inForce = programsInForce(await loadPrograms(), now);
  const page = await readPage(
    collections.households().where('kabupatenCode', '==', task.kabupatenCode).orderBy(FieldPath.documentId()),
    PAGE_SIZE,
    task.after ?? undefined,
  );
  const changes = page.docs.flatMap((snap) => {
    const h = snap.data();
    const decisions = decideHousehold(h, inForce);
    return sameDecisions(h.eligibility, decisions) ? [] : [{ snap, h, decisions }];
  });
  // One small batch per household (the decision and its audit entry together). The precondition
  // skips a household changed since this read: whoever changed it decided with the new programs.
  const results = await Promise.allSettled(
    changes.map(({ snap, h, decisions }) => {
      const batch = db.batch();
      batch.update(snap.ref, { eligibility: decisions, updatedAt: FieldValue.serverTimestamp() }, { lastUpdateTime: snap.updateTime });
      writeAudit(batch, {
        actorUid: 'sistem',
        actorRole: 'sistem',
        action: 'keluarga.kelayakan_dihitung_ulang',
        target: { collection: 'households', id: snap.id },
        kabupatenCode: h.kabupatenCode,
        desaCode: h.desaCode,
        summary: `Kelayakan dihitung ulang (${task.cause}): ${describeChange(h.eligibility, decisions)}`,
      });
      return batch.commit();
    }),
  );
  const changed = results.filter((r) => r.status === 'fulfilled').length;
  return { read: page.docs.length, changed, next: page.next?.id ?? null };
}

function describeChange(before: EligibilityMap | undefined, after: EligibilityMap): string {
  const ids = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort();
  const changes = ids.flatMap((id) => {
    const was = before?.[id]?.eligible;
    const now = after[id]?.eligible;
    return was === now
      ? []
      : [`${id}: ${was === undefined ? '—' : was ? 'layak' : 'tidak layak'} → ${now === undefined ? '—' : now ? 'layak' : 'tidak layak'}`];
  });
  return changes.join('; ') || 'alasan diperbarui';
}
