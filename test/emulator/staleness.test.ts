import { Timestamp } from 'firebase-admin/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleIndex, cycleStart, type StalenessPolicy } from '../../functions/src/domain/index.js';
import { adminDb, defaultConfig, ensureUser, PROJECT_ID, REGION } from '../support/admin.js';
import { signInClient, type ClientUser } from '../support/client.js';
import { DESA } from '../support/demo.js';

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

async function seedHousehold(id: string, lastVerval: Date): Promise<void> {
  await adminDb().collection('households').doc(id).set({
    kkNumber: '1708011203150001', kkHistory: [], address: 'Kepahiang', desaCode: DESA_KPH.desa, kecamatanCode: DESA_KPH.kecamatan, kabupatenCode: KAB,
    desil: 3, status: 'aktif', statusReason: null, headName: id, memberCount: 1, memberCriteria: [{ birthDate: '1990-01-01', sex: 'P', pregnant: true }],
    lastVervalAt: Timestamp.fromDate(lastVerval),
    staleness: { level: 'ok', missed: 0, freezesAt: null }, eligibility: {}, reactivations: 0, suspension: null, sticker: null,
    sourceUsulanId: 'seed', createdAt: Timestamp.now(), updatedAt: Timestamp.now(),
  });
  await adminDb().collection('households').doc(id).collection('members').doc('m1').set({
    nik: null, nikMasked: '—', nikHash: null, name: id, sex: 'P', birthDate: '1990-01-01', relationship: 'kepala_keluarga', pregnant: true,
    flags: ['nik.missing'], status: 'aktif', leftReason: null, householdId: id, desaCode: DESA_KPH.desa, kabupatenCode: KAB, createdAt: Timestamp.now(),
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

describe('recordVerval callable', () => {
  const verval = (data: unknown) => httpsCallable(operator.functions, 'recordVerval')(data);

  it('a verval brings a frozen household back, with its eligibility recomputed, and restarts the clock', async () => {
    const res = await verval({ householdId: 'kph-three', result: 'sesuai', note: 'Dikunjungi, data masih benar' });
    expect(res.data).toEqual({ status: 'aktif' });
    const back = await h('kph-three');
    expect(back).toMatchObject({ status: 'aktif', statusReason: null, staleness: { level: 'ok', missed: 0, freezesAt: null } });
    // Desil 3 with a pregnant member: PKH applies again, for that reason.
    expect(back.eligibility.PKH.eligible).toBe(true);
    expect(back.eligibility.PKH.reasons.map((r: { code: string }) => r.code)).toContain('criteria.met.pregnancy');
    expect(Date.now() - back.lastVervalAt.toMillis()).toBeLessThan(60_000);
    const history = await adminDb().collection('households').doc('kph-three').collection('verval').get();
    expect(history.docs.map((d) => d.data())).toEqual([expect.objectContaining({ result: 'sesuai', by: operator.uid, desaCode: DESA_KPH.desa })]);
    expect(await audits('keluarga.verval_aktif_kembali')).toBe(1);
  });

  it('a verval of a warned household clears the warning', async () => {
    await verval({ householdId: 'kph-one', result: 'diperbaiki', note: '' });
    expect((await h('kph-one')).staleness).toEqual({ level: 'ok', missed: 0, freezesAt: null });
  });

  it.each([
    ['a household of another desa', { householdId: 'not-in-this-desa', result: 'sesuai' }, 'functions/not-found'],
    ['an unknown result', { householdId: 'kph-two', result: 'mungkin' }, 'functions/invalid-argument'],
    ['no household', { result: 'sesuai' }, 'functions/invalid-argument'],
  ])('refuses %s with a clear message', async (_case, data, code) => {
    await expect(verval(data)).rejects.toMatchObject({ code, message: expect.stringMatching(/^[A-Z][a-z]/) });
  });
});

describe('recordSticker callable', () => {
  const sticker = (data: unknown) => httpsCallable(operator.functions, 'recordSticker')(data);

  it('records the sticker on a recipient house, with the day and who put it up', async () => {
    await adminDb().collection('households').doc('kph-fresh').update({ 'eligibility.SEMBAKO': { eligible: true, programName: 'Sembako/BPNT', reasons: [], legalBasis: null, evaluatedOn: '2026-11-01' } });
    await sticker({ householdId: 'kph-fresh', installedOn: '2026-11-02', by: 'Pendamping PKH Kepahiang' });
    expect((await h('kph-fresh')).sticker).toEqual({ installedOn: '2026-11-02', by: 'Pendamping PKH Kepahiang' });
    expect(await audits('keluarga.stiker')).toBe(1);
  });

  it.each([
    ['a household that receives nothing', { householdId: 'kph-two', installedOn: '2026-11-02', by: 'Operator' }, 'functions/failed-precondition'],
    ['a date in the future', { householdId: 'kph-fresh', installedOn: '2099-01-01', by: 'Operator' }, 'functions/invalid-argument'],
    ['no installer', { householdId: 'kph-fresh', installedOn: '2026-11-02', by: '' }, 'functions/invalid-argument'],
  ])('refuses %s', async (_case, data, code) => {
    await expect(sticker(data)).rejects.toMatchObject({ code, message: expect.stringMatching(/^[A-Z]/) });
  });
});
