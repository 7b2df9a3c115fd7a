import { FieldValue, Timestamp, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import {
  activeOperatorDesa,
  driftBetween,
  householdContribution,
  kabupatenScope,
  LikelyDuplicateCounter,
  memberContribution,
  musyawarahContribution,
  operatorContribution,
  readTally,
  StatsAccumulator,
  statsHouseholdSchema,
  statsScopesOf,
  type DriftEntry,
  type StatsDoc,
  type StatsScope,
  type Tally,
} from './domain/index.js';
import { collections } from './lib/collections.js';
import { forEachPage } from './lib/paging.js';
import { desaTotalOf, statsIdentity } from './lib/stats.js';

const PAGE_SIZE = 5000;
const DRIFT_KEPT = 100;

/**
 * Every night, after the staleness job: the statistics of each kabupaten are recomputed from the
 * source (households, members, musyawarah, user profiles, read with cursors) with the same
 * contributions the triggers add, compared with what the triggers kept, and rewritten. Whatever
 * differed is drift: logged, and stored on the document (`drift`, `lastReconciledAt`). Likely
 * duplicates are counted here only.
 *
 * A stats document that a trigger changed while the source was being read is left alone (its
 * numbers and the pass may disagree only because of that change) and reconciled the next night;
 * the write also carries the document's update time as a precondition for the same reason.
 */
export const reconcileStatistics = onSchedule({ schedule: '30 2 * * *', timeZone: 'Asia/Jakarta', timeoutSeconds: 1800, memory: '1GiB' }, async () => {
  const result = await reconcileAll();
  logger.info('statistics reconciled', result);
});

export interface ReconcileResult {
  kabupaten: number;
  documents: number;
  /** Documents whose counts had drifted (and were repaired). */
  drifted: number;
  /** Documents left for the next run because a trigger changed them meanwhile. */
  deferred: number;
  /** Source documents read. */
  read: number;
}

export async function reconcileAll(): Promise<ReconcileResult> {
  const [policies, kabupatenStats] = await Promise.all([collections.policies().get(), collections.stats().where('level', '==', 'kabupaten').get()]);
  const codes = [...new Set([...policies.docs.map((d) => d.id), ...kabupatenStats.docs.map((d) => d.data().code)])].sort();
  const total: ReconcileResult = { kabupaten: codes.length, documents: 0, drifted: 0, deferred: 0, read: 0 };
  for (const code of codes) {
    const r = await reconcileKabupaten(code);
    total.documents += r.documents;
    total.drifted += r.drifted;
    total.deferred += r.deferred;
    total.read += r.read;
  }
  return total;
}

/**
 * The statistics of one kabupaten recomputed from the source, without writing: what the nightly
 * reconciliation stores, and what a check (the demo data's test) compares with the stored documents.
 */
export interface RecomputedStatistics {
  /** Every stats scope the source or the stored documents name. */
  scopes: Map<string, StatsScope>;
  counts: Map<string, Tally>;
  likelyDuplicates: Map<string, number>;
  /** The stats documents as they were once the source had been read. */
  stored: Map<string, QueryDocumentSnapshot<StatsDoc<Timestamp>>>;
  read: number;
}

export async function recomputeKabupaten(kabupatenCode: string): Promise<RecomputedStatistics> {
  const acc = new StatsAccumulator();
  const duplicates = new LikelyDuplicateCounter();
  const leftRegister = new Set<string>();
  let read = 0;

  read += await forEachPage(collections.households().where('kabupatenCode', '==', kabupatenCode), PAGE_SIZE, (docs) => {
    for (const doc of docs) {
      const data = doc.data();
      acc.add(householdContribution(data));
      if (statsHouseholdSchema.safeParse(data).data?.status === 'keluar') leftRegister.add(doc.id);
    }
  });
  read += await forEachPage(collections.allMembers().where('kabupatenCode', '==', kabupatenCode), PAGE_SIZE, (docs) => {
    for (const doc of docs) {
      const m = doc.data();
      acc.add(memberContribution(m));
      // Duplicates among people still in the register: a removed household (e.g. `ganda`) no longer counts.
      const householdId = doc.ref.parent.parent?.id ?? '';
      const inRegister = (m.status ?? 'aktif') === 'aktif' && !leftRegister.has(householdId);
      if (inRegister && typeof m.name === 'string' && typeof m.birthDate === 'string' && typeof m.desaCode === 'string') {
        duplicates.add({ name: m.name, birthDate: m.birthDate, desaCode: m.desaCode, nik: m.nik ?? null });
      }
    }
  });
  read += await forEachPage(collections.musyawarah().where('kabupatenCode', '==', kabupatenCode), PAGE_SIZE, (docs) => {
    for (const doc of docs) acc.add(musyawarahContribution(doc.data()));
  });
  read += await forEachPage(collections.users().where('kabupatenCode', '==', kabupatenCode), PAGE_SIZE, (docs) => {
    for (const doc of docs) acc.add(operatorContribution(doc.data()));
  });

  const likelyDuplicates = new Map<string, number>();
  const scopes = new Map<string, StatsScope>([[kabupatenScope(kabupatenCode).id, kabupatenScope(kabupatenCode)]]);
  for (const [desaCode, groups] of duplicates.groupsByDesa()) {
    for (const scope of statsScopesOf(desaCode) ?? []) {
      likelyDuplicates.set(scope.id, (likelyDuplicates.get(scope.id) ?? 0) + groups);
      scopes.set(scope.id, scope);
    }
  }
  const counts = new Map(acc.entries().map((e) => [e.scope.id, e.tally]));
  for (const entry of acc.entries()) scopes.set(entry.scope.id, entry.scope);

  // The stats documents as they are now (one per desa, kecamatan and the kabupaten: a few hundred).
  const existing = await collections.stats().where('kabupatenCode', '==', kabupatenCode).get();
  const stored = new Map(existing.docs.map((d) => [d.id, d]));
  for (const d of existing.docs) {
    if (!scopes.has(d.id)) {
      const s = d.data();
      scopes.set(d.id, { id: d.id, level: s.level, code: s.code, kabupatenCode: s.kabupatenCode, kecamatanCode: s.kecamatanCode, desaCode: s.desaCode });
    }
  }

  return { scopes, counts, likelyDuplicates, stored, read };
}

/** The kabupaten document's operator coverage, as the reconciliation stores it. */
export function operatorsOf(byDesa: unknown, kabupatenCode: string): { activeDesa: number; activeDesaCodes: string[]; desaTotal: number } {
  const codes = activeOperatorDesa(readTally(byDesa) as Record<string, number>);
  return { activeDesa: codes.length, activeDesaCodes: codes, desaTotal: desaTotalOf(kabupatenCode) };
}

export async function reconcileKabupaten(kabupatenCode: string): Promise<Omit<ReconcileResult, 'kabupaten'>> {
  const startedAt = Timestamp.now();
  const { scopes, counts: recomputed, likelyDuplicates: duplicatesById, stored, read } = await recomputeKabupaten(kabupatenCode);

  let drifted = 0;
  let deferred = 0;
  const writes = [...scopes.values()].map(async (scope) => {
    const snap = stored.get(scope.id);
    const counts = recomputed.get(scope.id) ?? {};
    const drift: DriftEntry[] = driftBetween(readTally(snap?.data().counts), counts);
    if (snap && snap.updateTime.toMillis() > startedAt.toMillis()) {
      deferred += 1;
      logger.info('statistics changed during reconciliation; left for the next run', { statsId: scope.id, driftSeen: drift.length });
      return;
    }
    const doc = {
      ...statsIdentity(scope),
      counts,
      likelyDuplicates: duplicatesById.get(scope.id) ?? 0,
      ...(scope.level === 'kabupaten' ? { operators: operatorsOf(counts.operatorsByDesa, scope.kabupatenCode) } : {}),
      updatedAt: FieldValue.serverTimestamp(),
      lastReconciledAt: FieldValue.serverTimestamp(),
      drift: drift.slice(0, DRIFT_KEPT),
      driftTotal: drift.length,
    };
    const ref = collections.stats().doc(scope.id);
    try {
      // update() replaces each named field whole, so keys that should no longer exist are dropped.
      if (snap) await ref.update(doc as never, { lastUpdateTime: snap.updateTime });
      else await ref.create(doc);
    } catch (e) {
      deferred += 1;
      logger.info('statistics changed during reconciliation; left for the next run', { statsId: scope.id, error: (e as Error).message });
      return;
    }
    if (drift.length > 0) {
      drifted += 1;
      logger.warn('statistics drift repaired', { statsId: scope.id, fields: drift.length, drift: drift.slice(0, 20) });
    }
  });
  await Promise.all(writes);
  logger.info('kabupaten statistics reconciled', { kabupatenCode, documents: scopes.size, drifted, deferred, read });
  return { documents: scopes.size, drifted, deferred, read };
}
