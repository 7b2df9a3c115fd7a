import { Timestamp } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp, Timestamp as ClientTimestamp, type DocumentData } from 'firebase/firestore';
import { getFunctions } from 'firebase-admin/functions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cycleIndex, cycleStart, nationalKecamatanCodes, reasonText, type Reason, type StalenessPolicy } from '../../functions/src/domain/index.js';
import type { StalenessRun, StalenessTask } from '../../functions/src/freeze-stale-households.js';
import { adminApp, adminDb, defaultConfig, ensureUser, PROJECT_ID, REGION, useFunctionsInProcess } from '../../.scripts/seed/admin.js';
import { signInClient, waitForDoc, type ClientUser } from '../../.scripts/seed/client.js';
import { stickerReport, vervalReport } from '../../web/src/lib/operator/documents.js';

/**
 * The verval cycle (seed 002): warnings after 1 and 2 monthly cycles without verval, "data beku"
 * after 3, each reached once; a verval brings a frozen household back. Runs in its own kabupaten
 * (Kepahiang, 17.08) so households of other test files do not count.
 */
const KAB = '17.08';
const DESA_KPH = { desa: '17.08.01.2001', kecamatan: '17.08.01', kabupaten: KAB };
const policy = defaultConfig().stalenessPolicy as StalenessPolicy;
const PASSWORD = 'staleness-pass';
let operator: ClientUser;

/** An instant inside the cycle `k` cycles before the current one: its household has missed k-1 whole cycles. */
function inCycleBefore(k: number): Date {
  return new Date(cycleStart(cycleIndex(new Date(), policy) - k, policy).getTime() + 36 * 3600 * 1000);
}

async function seedHousehold(id: string, lastVerval: Date, place: typeof DESA_KPH = DESA_KPH, desil = 3): Promise<void> {
  await adminDb()
    .collection('households')
    .doc(id)
    .set({
      kkNumber: '1708011203150001',
      kkHistory: [],
      address: 'Kepahiang',
      desaCode: place.desa,
      kecamatanCode: place.kecamatan,
      kabupatenCode: place.kabupaten,
      desil,
      status: 'aktif',
      statusReason: null,
      headName: id,
      memberCount: 1,
      memberCriteria: [{ birthDate: '1990-01-01', sex: 'P', pregnant: true }],
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
  await adminDb()
    .collection('households')
    .doc(id)
    .collection('members')
    .doc('m1')
    .set({
      nik: null,
      nikMasked: '—',
      nikHash: null,
      name: id,
      sex: 'P',
      birthDate: '1990-01-01',
      relationship: 'kepala_keluarga',
      pregnant: true,
      flags: ['nik.missing'],
      status: 'aktif',
      leftReason: null,
      householdId: id,
      desaCode: place.desa,
      kabupatenCode: place.kabupaten,
      createdAt: Timestamp.now(),
    });
}

async function runStaleness(): Promise<void> {
  const res = await fetch(`http://127.0.0.1:5001/functions/projects/${PROJECT_ID}/triggers/${REGION}-freezeStaleHouseholds-0`, { method: 'POST' });
  expect(res.ok).toBe(true);
}

const h = async (id: string) => (await adminDb().collection('households').doc(id).get()).data()!;
const audits = async (action: string) => (await adminDb().collection('auditLog').where('kabupatenCode', '==', KAB).where('action', '==', action).get()).size;

beforeAll(async () => {
  const config = defaultConfig();
  for (const p of config.programs) await adminDb().collection('programs').doc(p.id).set(p);
  await adminDb().collection('policies').doc(KAB).set({ staleness: policy, approval: 'dua_tingkat' });
  await seedHousehold('kph-fresh', inCycleBefore(0));
  await seedHousehold('kph-one', inCycleBefore(2));
  await seedHousehold('kph-two', inCycleBefore(3));
  await seedHousehold('kph-three', inCycleBefore(4));
  await seedHousehold('kph-five', inCycleBefore(6));
  // Desil 9 is outside every program's band, whatever re-evaluation the programs above set off.
  await seedHousehold('kph-rich', inCycleBefore(0), DESA_KPH, 9);
  await ensureUser('staleness.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA_KPH });
  operator = await signInClient('staleness.operator@tepat.test', PASSWORD);
});

afterAll(async () => operator?.close());

describe('daily staleness job', () => {
  it('warns after 1 and 2 missed cycles and freezes after 3, keeping the desil and the reason', async () => {
    await runStaleness();
    expect((await h('kph-fresh')).staleness).toEqual({ level: 'ok', missed: 0, freezesAt: null });
    expect((await h('kph-one')).staleness).toMatchObject({ level: 'peringatan', missed: 1 });
    expect((await h('kph-two')).staleness).toMatchObject({ level: 'peringatan', missed: 2 });
    const three = await h('kph-three');
    expect(three).toMatchObject({ status: 'beku', desil: 3, staleness: { level: 'beku', missed: 3 }, statusReason: { code: 'household.beku' } });
    expect(Object.values(three.eligibility as Record<string, { eligible: boolean }>).some((d) => d.eligible)).toBe(false);
    // A household that slept through every level goes straight to beku.
    expect((await h('kph-five')).status).toBe('beku');
    // The warning says when the freeze comes: the start of the cycle after the third missed one.
    expect((await h('kph-one')).staleness.freezesAt.toDate()).toEqual(cycleStart(cycleIndex(inCycleBefore(2), policy) + policy.freezeAfterMonths + 1, policy));
  });

  it('a second run the same day changes nothing: every level is reached once', async () => {
    const before = [await audits('keluarga.peringatan_verval'), await audits('keluarga.dibekukan')];
    expect(before).toEqual([2, 2]);
    await runStaleness();
    expect([await audits('keluarga.peringatan_verval'), await audits('keluarga.dibekukan')]).toEqual(before);
  });
});

/** Writes a report as the operator's portal does (its builder, addDoc on the household's subcollection) and waits for the trigger's outcome. */
async function report(sub: 'verval' | 'stickers', householdId: string, data: DocumentData) {
  const ref = await addDoc(collection(operator.db, 'households', householdId, sub), data);
  return waitForDoc(ref, (d) => d?.outcome != null);
}
const reporter = () => ({ uid: operator.uid, claims: DESA_KPH });
const verval = (householdId: string, result: 'sesuai' | 'diperbaiki', note = '', visitedAt = new Date()) =>
  report('verval', householdId, vervalReport(reporter(), { result, note }, ClientTimestamp.fromDate(visitedAt), serverTimestamp()));

describe('verval reports (written by the operator, applied by a trigger)', () => {
  it('a verval brings a frozen household back, with its eligibility recomputed, and restarts the clock', async () => {
    const done = await verval('kph-three', 'sesuai', 'Dikunjungi, data masih benar');
    expect(done.outcome).toMatchObject({ status: 'diterapkan' });
    const back = await h('kph-three');
    expect(back).toMatchObject({ status: 'aktif', statusReason: null, staleness: { level: 'ok', missed: 0, freezesAt: null } });
    // Desil 3 with a pregnant member: PKH applies again, for that reason.
    expect(back.eligibility.PKH.eligible).toBe(true);
    expect(back.eligibility.PKH.reasons.map((r: { code: string }) => r.code)).toContain('criteria.met.pregnancy');
    expect(Date.now() - back.lastVervalAt.toMillis()).toBeLessThan(60_000);
    expect(await audits('keluarga.verval_aktif_kembali')).toBe(1);
  });

  it('a visit recorded offline counts from when it happened, not from when the signal returned', async () => {
    const visited = new Date(Date.now() - 3 * 86_400_000);
    await verval('kph-one', 'diperbaiki', '', visited);
    const after = await h('kph-one');
    expect(after.staleness).toEqual({ level: 'ok', missed: 0, freezesAt: null });
    expect(after.lastVervalAt.toMillis()).toBe(visited.getTime());
  });

  it('an older visit that arrives after a newer one does not move the clock back', async () => {
    const before = (await h('kph-one')).lastVervalAt.toMillis();
    const done = await verval('kph-one', 'sesuai', '', new Date(before - 86_400_000));
    expect(done.outcome).toMatchObject({ status: 'diterapkan' });
    expect((await h('kph-one')).lastVervalAt.toMillis()).toBe(before);
  });

  it('a device clock in the future does not push the clock past the moment the report arrived', async () => {
    await verval('kph-fresh', 'sesuai', '', new Date(Date.now() + 30 * 86_400_000));
    expect((await h('kph-fresh')).lastVervalAt.toMillis()).toBeLessThanOrEqual(Date.now());
  });

  it('a visit to a household that left the register meanwhile is kept, refused with the reason', async () => {
    await adminDb().collection('households').doc('kph-two').update({ status: 'keluar' });
    const done = await verval('kph-two', 'sesuai');
    expect(done.outcome).toMatchObject({ status: 'ditolak', reason: { code: 'verval.household_left' } });
    expect(reasonText(done.outcome.reason as Reason)).toMatch(/^Keluarga ini sudah keluar/);
    expect((await h('kph-two')).status).toBe('keluar');
    await adminDb().collection('households').doc('kph-two').update({ status: 'aktif' });
  });

  it('the same report delivered twice is applied once (in-process, as a redelivered event would)', async () => {
    useFunctionsInProcess();
    const { applyVervalReport } = await import('../../functions/src/record-verval.js');
    const ref = adminDb().collection('households').doc('kph-five').collection('verval').doc('twice');
    await ref.set({
      result: 'sesuai',
      note: '',
      by: operator.uid,
      desaCode: DESA_KPH.desa,
      kabupatenCode: KAB,
      visitedAt: Timestamp.now(),
      at: Timestamp.now(),
      outcome: null,
    });
    // The deployed trigger may already be on it: whichever runs first applies, the other finds the outcome.
    const results = [await applyVervalReport('kph-five', 'twice', new Date()), await applyVervalReport('kph-five', 'twice', new Date())];
    expect(results.filter((r) => r === 'diterapkan').length).toBeLessThanOrEqual(1);
    expect(results[1]).toBe('sudah_diproses');
    await vi.waitFor(async () => expect((await ref.get()).data()?.outcome).toMatchObject({ status: 'diterapkan' }), { timeout: 10_000, interval: 200 });
    const applied = await adminDb().collection('auditLog').where('target.id', '==', 'kph-five').where('action', '==', 'keluarga.verval_aktif_kembali').get();
    expect(applied.size).toBe(1);
  });
});

describe('sticker reports (written by the operator, recorded by a trigger)', () => {
  const sticker = (householdId: string, installedOn: string, by: string) =>
    report('stickers', householdId, stickerReport(reporter(), { installedOn, by }, serverTimestamp()));

  it('records the sticker on a recipient house, with the day and who put it up', async () => {
    await adminDb()
      .collection('households')
      .doc('kph-fresh')
      .update({ 'eligibility.SEMBAKO': { eligible: true, programName: 'Sembako/BPNT', reasons: [], legalBasis: null, evaluatedOn: '2026-11-01' } });
    const done = await sticker('kph-fresh', '2026-11-02', 'Pendamping PKH Kepahiang');
    expect(done.outcome).toMatchObject({ status: 'diterapkan' });
    expect((await h('kph-fresh')).sticker).toEqual({ installedOn: '2026-11-02', by: 'Pendamping PKH Kepahiang' });
    expect(await audits('keluarga.stiker')).toBe(1);
  });

  it.each([
    ['a household that receives nothing', 'kph-rich', '2026-11-02', 'sticker.not_recipient'],
    ['a date after the report arrived', 'kph-fresh', '2099-01-01', 'sticker.future'],
    ['a day that does not exist', 'kph-fresh', '2026-02-30', 'sticker.invalid'],
  ])('keeps %s, refused with the reason', async (_case, householdId, installedOn, code) => {
    const done = await sticker(householdId, installedOn, 'Operator');
    expect(done.outcome).toMatchObject({ status: 'ditolak', reason: { code } });
    expect(reasonText(done.outcome.reason as Reason)).toMatch(/^[A-Z]/);
  });
});

/**
 * A large kabupaten (more households possibly due than the inline limit) is not walked by the daily
 * job itself: it queues one task per kecamatan, each applying the policy to its kecamatan only.
 * Kaur (17.04) has its own policy; the limit is lowered so four households count as "large".
 */
describe('staleness fan-out per kecamatan', () => {
  const KAUR = '17.04';
  const place = (kec: string) => ({ desa: `${KAUR}.${kec}.2001`, kecamatan: `${KAUR}.${kec}`, kabupaten: KAUR });
  const queued: StalenessTask[] = [];
  const staleness = () => import('../../functions/src/freeze-stale-households.js');
  const sum = (runs: StalenessRun[], key: keyof StalenessRun) => runs.reduce((n, r) => n + r[key], 0);

  beforeAll(async () => {
    useFunctionsInProcess();
    await adminDb().collection('policies').doc(KAUR).set({ staleness: policy, approval: 'satu_tingkat' });
    await seedHousehold('kaur-01-three', inCycleBefore(4), place('01'));
    await seedHousehold('kaur-01-one', inCycleBefore(2), place('01'));
    await seedHousehold('kaur-02-five', inCycleBefore(6), place('02'));
    await seedHousehold('kaur-02-fresh', inCycleBefore(0), place('02'));
    await seedHousehold('kaur-03-two', inCycleBefore(3), place('03'));
  });

  it('queues one task per kecamatan of the kabupaten and changes nothing itself', async () => {
    const { applyStaleness } = await staleness();
    const run = await applyStaleness(new Date(), { inlineLimit: 3, enqueue: async (task) => (queued.push(task), 'queued') });
    const kaur = queued.filter((t) => t.kabupatenCode === KAUR);
    expect(kaur.map((t) => t.kecamatanCode).sort()).toEqual(nationalKecamatanCodes().filter((k) => k.startsWith(`${KAUR}.`)));
    expect(new Set(kaur.map((t) => t.at)).size).toBe(1);
    expect(run.countReads).toBeGreaterThanOrEqual(run.kabupaten);
    expect((await h('kaur-01-three')).status).toBe('aktif');
    expect((await h('kaur-03-two')).staleness.level).toBe('ok');
  });

  it('each task applies the policy to its own kecamatan only, and a second delivery changes nothing', async () => {
    const { applyStalenessTask } = await staleness();
    const first = queued.find((t) => t.kecamatanCode === `${KAUR}.01`)!;
    const one = await applyStalenessTask(first);
    expect(one).toMatchObject({ read: 2, frozen: 1, warned: 1 });
    expect((await h('kaur-01-three')).status).toBe('beku');
    expect((await h('kaur-02-five')).status).toBe('aktif');
    expect(await applyStalenessTask(first)).toMatchObject({ read: 0, frozen: 0, warned: 0 });

    const rest = await Promise.all(queued.filter((t) => t.kabupatenCode === KAUR && t !== first).map(applyStalenessTask));
    expect([sum(rest, 'frozen'), sum(rest, 'warned'), sum(rest, 'read')]).toEqual([1, 1, 2]);
    expect((await h('kaur-02-five')).status).toBe('beku');
    expect((await h('kaur-02-fresh')).staleness.level).toBe('ok');
    expect((await h('kaur-03-two')).staleness).toMatchObject({ level: 'peringatan', missed: 2 });
  });

  it('a below-the-limit kabupaten is still done inline, and a kabupaten with nothing due is not fanned out', async () => {
    const { applyStaleness } = await staleness();
    await seedHousehold('kaur-04-three', inCycleBefore(4), place('04'));
    const tasks: StalenessTask[] = [];
    // Kaur now has one household due to freeze and two already warned: three possibly due, limit 4.
    const run = await applyStaleness(new Date(), { inlineLimit: 4, enqueue: async (task) => (tasks.push(task), 'queued') });
    expect(tasks.filter((t) => t.kabupatenCode === KAUR)).toEqual([]);
    expect((await h('kaur-04-three')).status).toBe('beku');
    expect(run.frozen).toBeGreaterThanOrEqual(1);
  });

  it('the deployed task queue runs a queued task, and the same kecamatan and day cannot be queued twice', async () => {
    const { stalenessTaskId } = await staleness();
    process.env.CLOUD_TASKS_EMULATOR_HOST ??= '127.0.0.1:9499';
    await seedHousehold('kaur-05-three', inCycleBefore(4), place('05'));
    const task: StalenessTask = { kabupatenCode: KAUR, kecamatanCode: `${KAUR}.05`, at: new Date().toISOString() };
    const queue = getFunctions(adminApp()).taskQueue<StalenessTask>(`locations/${REGION}/functions/applyStalenessForKecamatan`);
    await queue.enqueue(task, { id: stalenessTaskId(task) });
    await vi.waitFor(async () => expect((await h('kaur-05-three')).status).toBe('beku'), { timeout: 20_000, interval: 250 });
    await expect(queue.enqueue(task, { id: stalenessTaskId(task) })).rejects.toMatchObject({ code: 'functions/task-already-exists' });
  });

  it('task ids are unique per kecamatan and Jakarta day, spread by a hash prefix, and valid Cloud Tasks ids', async () => {
    const { stalenessTaskId } = await staleness();
    const at = (iso: string, kec = `${KAUR}.01`) => stalenessTaskId({ kabupatenCode: KAUR, kecamatanCode: kec, at: iso });
    // 00:30 and 23:30 Jakarta time on the 22nd are the same day; 17:30 UTC on the 22nd is already the 23rd in Jakarta.
    expect(at('2026-11-21T17:30:00.000Z')).toBe(at('2026-11-22T16:30:00.000Z'));
    expect(at('2026-11-22T17:30:00.000Z')).not.toBe(at('2026-11-22T16:30:00.000Z'));
    expect(at('2026-11-22T01:00:00.000Z', `${KAUR}.02`)).not.toBe(at('2026-11-22T01:00:00.000Z'));
    expect(at('2026-11-22T01:00:00.000Z')).toMatch(/^[0-9a-f]{8}-staleness-170401-2026-11-22$/);
  });
});
