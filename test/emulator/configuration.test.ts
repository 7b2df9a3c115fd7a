import { Timestamp } from 'firebase-admin/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateOn, reasonText, type Reason } from '../../functions/src/domain/index.js';
import { adminDb, defaultConfig, ensureUser, useFunctionsInProcess } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';
import { household, meeting } from '../support/factories.js';
import { decide, recordAndSubmit, settled, validated } from '../../.scripts/seed/flow.js';

/**
 * The admin's configuration in Mukomuko (17.06), apart from the other test files' kabupaten:
 * a program band with its decree and dates, changed by a new version, re-evaluated through the
 * task queue for every household; and the kabupaten's own policy (single-level approval).
 */
const KAB = '17.06';
const DESA_MM = { desa: '17.06.01.2005', kecamatan: '17.06.01', kabupaten: KAB };
const PASSWORD = 'config-pass';
let admin: ClientUser;
let otherAdmin: ClientUser;
let operator: ClientUser;
let verifikator: ClientUser;

const today = isoDateOn(new Date());
const yesterday = isoDateOn(new Date(Date.now() - 86_400_000));
const santunan = (versions: object[]) => ({ id: 'SANTUNAN-MM', name: 'Santunan Kabupaten Mukomuko', level: 'kabupaten', scope: KAB, versions });
const v1 = { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 2, legalBasis: 'Perbup Mukomuko 12/2025' };

async function seedHousehold(id: string, desil: number): Promise<void> {
  await adminDb()
    .collection('households')
    .doc(id)
    .set({
      kkNumber: '1706011203150001',
      kkHistory: [],
      address: 'Mukomuko',
      desaCode: DESA_MM.desa,
      kecamatanCode: DESA_MM.kecamatan,
      kabupatenCode: KAB,
      desil,
      status: 'aktif',
      statusReason: null,
      headName: id,
      memberCount: 1,
      memberCriteria: [{ birthDate: '1980-01-01', sex: 'L' }],
      lastVervalAt: Timestamp.now(),
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

/** Polls a household until its decision for a program is the expected one (the task queue runs asynchronously). */
async function eventually(id: string, programId: string, eligible: boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = (await adminDb().collection('households').doc(id).get()).data()?.eligibility?.[programId];
    if (d?.eligible === eligible) return;
    if (Date.now() > until) throw new Error(`household ${id}: ${programId} still ${JSON.stringify(d)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  const config = defaultConfig();
  for (const p of config.programs) await adminDb().collection('programs').doc(p.id).set(p);
  await adminDb().collection('policies').doc(KAB).set({ staleness: config.stalenessPolicy, approval: 'dua_tingkat' });
  await seedHousehold('mm-d1', 1);
  await seedHousehold('mm-d2', 2);
  await seedHousehold('mm-d4', 4);
  await ensureUser('config.admin@tepat.test', PASSWORD, { role: 'admin', kabupaten: KAB });
  await ensureUser('config.admin.rl@tepat.test', PASSWORD, { role: 'admin', kabupaten: '17.02' });
  await ensureUser('config.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA_MM });
  await ensureUser('config.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KAB });
  [admin, otherAdmin, operator, verifikator] = await Promise.all([
    signInClient('config.admin@tepat.test', PASSWORD),
    signInClient('config.admin.rl@tepat.test', PASSWORD),
    signInClient('config.operator@tepat.test', PASSWORD),
    signInClient('config.verifikator@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([admin, otherAdmin, operator, verifikator].map((u) => u?.close()));
});

const configureProgram = (user: ClientUser, data: unknown) => httpsCallable(user.functions, 'configureProgram')(data);
const configurePolicy = (user: ClientUser, data: unknown) => httpsCallable(user.functions, 'configurePolicy')(data);

describe('program bands as dated configuration', () => {
  it('a new kabupaten program reaches every household through the task queue, each decision with its reason', async () => {
    await configureProgram(admin, santunan([v1]));
    await eventually('mm-d1', 'SANTUNAN-MM', true);
    await eventually('mm-d2', 'SANTUNAN-MM', true);
    await eventually('mm-d4', 'SANTUNAN-MM', false);
    const d4 = (await adminDb().collection('households').doc('mm-d4').get()).data()!;
    expect(d4.eligibility['SANTUNAN-MM'].reasons.map((r: Reason) => reasonText(r)).join(' ')).toContain('Perbup Mukomuko 12/2025');
  });

  it('a new decree narrows the band from today: the old version is closed, households re-decided', async () => {
    await configureProgram(
      admin,
      santunan([
        { ...v1, effectiveTo: yesterday },
        { effectiveFrom: today, effectiveTo: null, desilMin: 1, desilMax: 1, legalBasis: 'Perbup Mukomuko 3/2026' },
      ]),
    );
    await eventually('mm-d2', 'SANTUNAN-MM', false);
    await eventually('mm-d1', 'SANTUNAN-MM', true);
    const audit = await adminDb().collection('auditLog').where('target.id', '==', 'SANTUNAN-MM').get();
    expect(audit.docs.map((d) => d.data().action).sort()).toEqual(['program.ditambahkan', 'program.diubah']);
  });

  it('re-running a page writes nothing when no decision changed', async () => {
    useFunctionsInProcess();
    const { reevaluatePage } = await import('../../functions/src/reevaluate-eligibility.js');
    // Let the queued pages finish first.
    await new Promise((r) => setTimeout(r, 3000));
    const run = await reevaluatePage({ kabupatenCode: KAB, after: null, cause: 'test' }, new Date());
    expect(run).toEqual({ read: 3, changed: 0, next: null });
  });

  it.each([
    ['rewriting a version already in force', () => santunan([{ ...v1, desilMax: 5 }]), 'functions/failed-precondition', 'tidak boleh diubah'],
    [
      'a band whose lower bound is above its upper bound',
      () => santunan([{ ...v1, desilMin: 4, desilMax: 2 }]),
      'functions/invalid-argument',
      'Batas bawah desil',
    ],
    ['a program without a version', () => santunan([]), 'functions/invalid-argument', ''],
  ])('refuses %s', async (_case, data, code, message) => {
    await expect(configureProgram(admin, data())).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it('a kabupaten program is set only by that kabupaten’s admin; others and non-admins are refused', async () => {
    await expect(configureProgram(otherAdmin, santunan([v1]))).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(configureProgram(verifikator, santunan([v1]))).rejects.toMatchObject({ code: 'functions/permission-denied' });
  });
});

describe('national and provincial programs are not a kabupaten admin’s (issue 13, F2)', () => {
  const band = { effectiveFrom: today, effectiveTo: null, desilMin: 1, desilMax: 10, legalBasis: 'Keputusan palsu' };

  it('a kabupaten admin can create neither a pusat nor a provinsi program, nor rewrite PKH’s band in force', async () => {
    const pkhBefore = (await adminDb().collection('programs').doc('PKH').get()).data();
    await expect(configureProgram(admin, { id: 'BANSOS-PALSU', name: 'Bansos Nasional Palsu', level: 'pusat', versions: [band] })).rejects.toMatchObject({
      code: 'functions/permission-denied',
      message: expect.stringContaining('program pusat'),
    });
    await expect(
      configureProgram(admin, { id: 'PROV-PALSU', name: 'Bansos Provinsi Palsu', level: 'provinsi', scope: '17', versions: [band] }),
    ).rejects.toMatchObject({ code: 'functions/permission-denied', message: expect.stringContaining('program provinsi') });
    // PKH without its ASN/TNI/Polri exclusion, as a national program or dressed as the kabupaten's own.
    const { exclusions: _dropped, ...noExclusion } = pkhBefore!.versions[0];
    for (const attempt of [
      { ...pkhBefore, versions: [noExclusion] },
      { ...pkhBefore, level: 'kabupaten', scope: KAB, versions: [noExclusion] },
    ]) {
      await expect(configureProgram(admin, attempt)).rejects.toMatchObject({ code: 'functions/permission-denied' });
    }
    expect((await adminDb().collection('programs').doc('PKH').get()).data()).toEqual(pkhBefore);
    for (const id of ['BANSOS-PALSU', 'PROV-PALSU']) expect((await adminDb().collection('programs').doc(id).get()).exists).toBe(false);
    const audit = await adminDb()
      .collection('auditLog')
      .where('actorUid', '==', admin.uid)
      .where('target.id', 'in', ['PKH', 'BANSOS-PALSU', 'PROV-PALSU'])
      .get();
    expect(audit.size).toBe(0);
  });

  it('within its own program, the quota or exclusions of a version in force are history too', async () => {
    const current = (await adminDb().collection('programs').doc('SANTUNAN-MM').get()).data()!;
    const inForce = current.versions.find((v: { effectiveTo: string | null }) => v.effectiveTo === null);
    const rewritten = { ...current, versions: current.versions.map((v: object) => (v === inForce ? { ...inForce, quota: 5 } : v)) };
    await expect(configureProgram(admin, rewritten)).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('tidak boleh diubah'),
    });
  });
});

describe('kabupaten policy', () => {
  it('single-level approval: the verifikator decides alone, and the change is audited', async () => {
    const config = defaultConfig();
    await configurePolicy(admin, { staleness: config.stalenessPolicy, approval: 'satu_tingkat', suspension: { route: 'reaktivasi', maxReactivations: 2 } });
    expect((await adminDb().collection('policies').doc(KAB).get()).data()).toMatchObject({ approval: 'satu_tingkat', suspension: { route: 'reaktivasi' } });
    const { refs } = await recordAndSubmit(operator, DESA_MM, [{ type: 'baru', household: household({ kkNumber: '1706011203150009' }) }], meeting());
    await validated(refs[0]!);
    const res = await decide(verifikator, { usulanId: refs[0]!.id, decision: 'setujui', note: '' });
    expect(res.data).toEqual({ status: 'disetujui' });
    expect((await settled(refs[0]!)).status).toBe('diterapkan');
    const audit = await adminDb().collection('auditLog').where('action', '==', 'kebijakan.diubah').where('kabupatenCode', '==', KAB).get();
    expect(audit.size).toBe(1);
  });

  it('a malformed policy is refused with a clear message, and only admins may set one', async () => {
    await expect(configurePolicy(admin, { staleness: { warnAfterMonths: [4], freezeAfterMonths: 3, cutoffDay: null } })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('Peringatan harus sebelum batas data beku'),
    });
    await expect(configurePolicy(verifikator, {})).rejects.toMatchObject({ code: 'functions/permission-denied' });
  });
});
