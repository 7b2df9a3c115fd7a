import { Timestamp } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { latestSlot, Scheduler, type Clock, type RunRecord, type State } from '../../.scripts/scheduler/core.js';
import { emulatorFire, loadJobs } from '../../.scripts/scheduler/local.js';
import { cycleIndex, cycleStart, type StalenessPolicy } from '../../functions/src/domain/index.js';
import { adminDb, defaultConfig } from '../../.scripts/seed/admin.js';

/**
 * The local scheduler against the running Functions emulator: at 01:00 WIB it fires
 * freezeStaleHouseholds as Cloud Scheduler would, and a household past the freeze limit of its
 * kabupaten's cut-off calendar becomes beku. The scheduler core runs under a fake clock (just after
 * the most recent 01:00 WIB); the firing is real. Seluma (17.05), which no other test file uses,
 * with a cut-off on the 20th.
 */
const KAB = '17.05';
const PLACE = { desa: '17.05.01.2001', kecamatan: '17.05.01', kabupaten: KAB };
const policy: StalenessPolicy = { ...(defaultConfig().stalenessPolicy as StalenessPolicy), cutoffDay: 20 };

const jobs = await loadJobs();
const freeze = jobs.find((j) => j.name === 'freezeStaleHouseholds')!;
const slot = latestSlot(freeze, new Date())!;
const at = new Date(slot.getTime() + 30_000);

/** An instant in the cycle `k` cycles before the one of `at`: a household last verified then has missed k-1 whole cycles. */
const inCycleBefore = (k: number) => new Date(cycleStart(cycleIndex(at, policy) - k, policy).getTime() + 36 * 3600 * 1000);

async function seedHousehold(id: string, lastVerval: Date): Promise<void> {
  await adminDb()
    .collection('households')
    .doc(id)
    .set({
      kkNumber: '1705011203150001',
      kkHistory: [],
      address: 'Seluma',
      desaCode: PLACE.desa,
      kecamatanCode: PLACE.kecamatan,
      kabupatenCode: KAB,
      desil: 3,
      status: 'aktif',
      statusReason: null,
      headName: id,
      memberCount: 1,
      memberCriteria: [{ birthDate: '1990-01-01', sex: 'P' }],
      lastVervalAt: Timestamp.fromDate(lastVerval),
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      eligibility: {},
      reactivations: 0,
      suspension: null,
      sticker: null,
      sourceUsulanId: 'seed',
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
    });
}

const household = async (id: string) => (await adminDb().collection('households').doc(id).get()).data()!;

beforeAll(async () => {
  for (const p of defaultConfig().programs) await adminDb().collection('programs').doc(p.id).set(p);
  await adminDb().collection('policies').doc(KAB).set({ staleness: policy, approval: 'satu_tingkat' });
  await seedHousehold('seluma-stale', inCycleBefore(4)); // three whole cycles missed at `at`: due to freeze
  await seedHousehold('seluma-recent', inCycleBefore(1)); // verified in the previous cycle: not due
});

describe('local scheduler on the Functions emulator', () => {
  it('fires freezeStaleHouseholds at 01:00 WIB and the household past the freeze limit becomes beku', async () => {
    // Every job is up to date except the staleness job, which last ran the day before.
    const state: State = Object.fromEntries(jobs.map((j) => [j.name, { lastSlot: latestSlot(j, at)!.toISOString(), lastRunAt: at.toISOString(), ok: true }]));
    state.freezeStaleHouseholds = { lastSlot: latestSlot(freeze, new Date(slot.getTime() - 1))!.toISOString(), lastRunAt: slot.toISOString(), ok: true };
    const stop = new AbortController();
    // The loop stops the first time it would sleep: by then it has run what was owed at `at`.
    const clock: Clock = { now: () => at, sleep: async () => stop.abort() };
    const runs: RunRecord[] = [];
    const scheduler = new Scheduler({
      jobs,
      clock,
      fire: emulatorFire(),
      onRun: (r) => runs.push(r),
      store: { load: () => state, save: () => undefined },
    });

    await scheduler.run(stop.signal);

    expect(runs.map((r) => ({ job: r.job, scheduledAt: r.scheduledAt, ok: r.ok, error: r.error }))).toEqual([
      { job: 'freezeStaleHouseholds', scheduledAt: slot, ok: true, error: undefined },
    ]);
    await vi.waitFor(async () => expect((await household('seluma-stale')).status).toBe('beku'), { timeout: 30_000, interval: 250 });
    expect(await household('seluma-stale')).toMatchObject({ staleness: { level: 'beku', missed: 3 }, statusReason: { code: 'household.beku' } });
    expect((await household('seluma-recent')).status).toBe('aktif');
    const audit = await adminDb().collection('auditLog').where('target.id', '==', 'seluma-stale').where('action', '==', 'keluarga.dibekukan').get();
    expect(audit.size).toBe(1);
  });
});
