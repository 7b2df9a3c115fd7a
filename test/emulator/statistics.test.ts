import { FieldValue, Timestamp, type DocumentData } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decideHousehold,
  programsInForce,
  isoDateOn,
  musyawarahInCycle,
  nationalKecamatanCodes,
  pruneTally,
  readTally,
  vervalProgress,
  type EligibilityMember,
  type HouseholdStatus,
  type Program,
  type StalenessPolicy,
  type StatsCounts,
} from '../../functions/src/domain/index.js';
import { loadPrograms } from '../../functions/src/lib/programs.js';
import { desaCodesIn } from '../../functions/src/domain/wilayah-data/villages.js';
import { countHouseholdChange } from '../../functions/src/update-household-stats.js';
import { countMemberChange } from '../../functions/src/update-member-stats.js';
import { countMusyawarahChange } from '../../functions/src/update-musyawarah-stats.js';
import { countOperatorChange } from '../../functions/src/update-operator-stats.js';
import { adminDb, defaultConfig, PROJECT_ID, REGION, seedConfig } from '../../.scripts/seed/admin.js';
import { meeting } from '../support/factories.js';

/**
 * Statistics per desa, kecamatan and kabupaten on the emulator suite: the triggers count every
 * change of the register as it happens (a new household, a correction, a freeze by the staleness
 * job, a move, musyawarah, operators), a duplicated or reordered event counts once, and the nightly
 * reconciliation finds and repairs drift. Runs in its own kabupaten (Lebong, 17.07), so the
 * households of other test files do not count.
 */
const KAB = '17.07';
const GANDUNG = '17.07.01.2002';
const TUNGGANG = '17.07.01.2005';
const SUKAU_KAYO = '17.07.02.2001'; // another kecamatan (Lebong Atas)
const DUP_DESA = '17.07.03.2006'; // only for events delivered by hand
const policy = defaultConfig().stalenessPolicy as StalenessPolicy;
const db = adminDb();

const kec = (desa: string) => desa.slice(0, 8);
const statsRef = (id: string) => db.collection('stats').doc(id);
const today = () => isoDateOn(new Date());

/** Resolves with the stats document once `predicate` holds on it (triggers run asynchronously). */
function waitForStats(id: string, predicate: (d: DocumentData) => boolean, timeoutMs = 30_000): Promise<DocumentData> {
  return new Promise((resolve, reject) => {
    let last: DocumentData | undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for stats/${id}; last value: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const unsubscribe = statsRef(id).onSnapshot((snap) => {
      last = snap.data();
      if (last && predicate(last)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(last);
      }
    }, reject);
  });
}

/** The counts of a stats document without zeros (a count that went back to 0 stays as 0 until the reconciliation). */
async function counts(id: string): Promise<StatsCounts> {
  return pruneTally(readTally((await statsRef(id).get()).data()?.counts));
}

const CRITERIA: EligibilityMember[] = [
  { birthDate: '1984-03-12', sex: 'L' },
  { birthDate: '1988-07-05', sex: 'P' },
  { birthDate: '2016-01-30', sex: 'L', school: 'sd' },
];
let programs: Program[] = [];

/**
 * Eligibility as the register computes it from the programs in force, so that a re-evaluation
 * running meanwhile (another test file changed a program) finds nothing to change.
 */
function decided(desil: number | null, status: HouseholdStatus, desaCode: string) {
  return decideHousehold({ desil, status, desaCode, memberCriteria: CRITERIA }, programsInForce(programs, new Date()));
}

function eligibleIn(map: ReturnType<typeof decided>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(map)
      .filter(([, d]) => d.eligible)
      .map(([id]) => [id, 1]),
  );
}

function householdDoc(desaCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    kkNumber: '1707011203150001',
    kkHistory: [],
    address: 'Jl. Lintas Lebong RT 01',
    desaCode,
    kecamatanCode: kec(desaCode),
    kabupatenCode: KAB,
    desil: 3,
    status: 'aktif',
    statusReason: null,
    headName: 'Sutrisno',
    memberCount: 3,
    memberCriteria: CRITERIA,
    lastVervalAt: Timestamp.now(),
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'seed',
    createdAt: Timestamp.now(),
    updatedAt: Timestamp.now(),
    ...overrides,
  };
  return { ...doc, eligibility: decided(doc.desil as number | null, doc.status as HouseholdStatus, desaCode) };
}

function memberDoc(householdId: string, desaCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nik: null,
    nikMasked: '—',
    nikHash: null,
    name: 'Dimas',
    sex: 'L',
    birthDate: '2016-01-30',
    relationship: 'anak',
    flags: ['nik.missing'],
    status: 'aktif',
    leftReason: null,
    householdId,
    desaCode,
    kabupatenCode: KAB,
    createdAt: Timestamp.now(),
    ...overrides,
  };
}

async function runScheduled(name: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:5001/functions/projects/${PROJECT_ID}/triggers/${REGION}-${name}-0`, { method: 'POST' });
  expect(res.ok, `scheduled function ${name} answered ${res.status}`).toBe(true);
}

const H = db.collection('households').doc('stats-h1');

beforeAll(async () => {
  await seedConfig(KAB);
  programs = await loadPrograms();
});

describe('statistics kept by triggers', () => {
  it('a new household and its members count in their desa, kecamatan and kabupaten', async () => {
    const batch = db.batch();
    batch.set(H, householdDoc(GANDUNG));
    batch.set(
      H.collection('members').doc('m1'),
      memberDoc(H.id, GANDUNG, { nik: '1707011203840001', name: 'Sutrisno', relationship: 'kepala_keluarga', flags: [] }),
    );
    batch.set(H.collection('members').doc('m2'), memberDoc(H.id, GANDUNG));
    await batch.commit();

    // Desil 3 with a child at school: PKH (desil 1–4, with criteria), Sembako, PBI-JK and the others (1–5).
    const recipients = eligibleIn(decided(3, 'aktif', GANDUNG));
    expect(recipients).toMatchObject({ PKH: 1, SEMBAKO: 1, 'PBI-JK': 1 });
    const expected = {
      households: { aktif: 1 },
      people: { aktif: 3 },
      desil: { '3': 1 },
      recipients,
      recipientHouseholds: 1,
      vervalByDay: { [today()]: 1 },
      nikMissing: 1,
    };
    for (const [id, identity] of [
      [`desa_${GANDUNG}`, { level: 'desa', code: GANDUNG, kabupatenCode: KAB, kecamatanCode: kec(GANDUNG), desaCode: GANDUNG }],
      [`kecamatan_${kec(GANDUNG)}`, { level: 'kecamatan', code: kec(GANDUNG), kabupatenCode: KAB, kecamatanCode: kec(GANDUNG), desaCode: null }],
      [`kabupaten_${KAB}`, { level: 'kabupaten', code: KAB, kabupatenCode: KAB, kecamatanCode: null, desaCode: null }],
    ] as const) {
      const doc = await waitForStats(id, (d) => d.counts?.households?.aktif === 1 && d.counts?.nikMissing === 1);
      expect(doc).toMatchObject(identity);
      expect(pruneTally(readTally(doc.counts))).toEqual(expected);
    }
    expect(vervalProgress(await counts(`desa_${GANDUNG}`), policy, new Date())).toMatchObject({ verified: 1, active: 1 });
  });

  it('a correction counts only what changed: desil, programs, the sticker on the house', async () => {
    // Desil 5: out of PKH's band (1–4), still in Sembako's and PBI-JK's (1–5).
    const now = decided(5, 'aktif', GANDUNG);
    expect(now.PKH?.eligible).toBe(false);
    await H.update({ desil: 5, eligibility: now, sticker: { installedOn: today(), by: 'operator' }, address: 'Jl. Lintas Lebong RT 02' });
    const doc = await waitForStats(`kabupaten_${KAB}`, (d) => d.counts?.desil?.['5'] === 1 && d.counts?.stickerInstalled === 1);
    expect(pruneTally(readTally(doc.counts))).toEqual({
      households: { aktif: 1 },
      people: { aktif: 3 },
      desil: { '5': 1 },
      recipients: eligibleIn(now),
      recipientHouseholds: 1,
      stickerInstalled: 1,
      vervalByDay: { [today()]: 1 },
      nikMissing: 1,
    });
    expect(doc.counts.recipients.PKH).toBe(0);
  });

  it('a household frozen by the staleness job moves to beku and leaves the recipients and the verval progress', async () => {
    await H.update({ lastVervalAt: Timestamp.fromDate(new Date(Date.now() - 125 * 24 * 3600 * 1000)) });
    await waitForStats(`desa_${GANDUNG}`, (d) => d.counts?.vervalByDay?.[today()] === 0);
    await runScheduled('freezeStaleHouseholds');
    const doc = await waitForStats(`desa_${GANDUNG}`, (d) => d.counts?.households?.beku === 1);
    expect(pruneTally(readTally(doc.counts))).toEqual({ households: { beku: 1 }, people: { beku: 3 }, desil: { '5': 1 }, nikMissing: 1 });
    expect(vervalProgress(doc.counts, policy, new Date())).toMatchObject({ verified: 0, active: 0 });
  });

  it('a household moved to a desa of another kecamatan (with its members) moves its numbers with it', async () => {
    const move = db.batch();
    move.update(H, { desaCode: SUKAU_KAYO, kecamatanCode: kec(SUKAU_KAYO) });
    for (const m of ['m1', 'm2']) move.update(H.collection('members').doc(m), { desaCode: SUKAU_KAYO });
    await move.commit();
    await waitForStats(`desa_${SUKAU_KAYO}`, (d) => d.counts?.households?.beku === 1 && d.counts?.nikMissing === 1);
    await waitForStats(`desa_${GANDUNG}`, (d) => d.counts?.households?.beku === 0 && d.counts?.nikMissing === 0);
    expect((await counts(`kecamatan_${kec(GANDUNG)}`)).households).toBeUndefined();
    expect((await counts(`kecamatan_${kec(SUKAU_KAYO)}`)).households).toEqual({ beku: 1 });
    expect((await counts(`kabupaten_${KAB}`)).households).toEqual({ beku: 1 });
  });

  it('a musyawarah counts as held once submitted with its usulan, on its meeting date', async () => {
    const m = db.collection('musyawarah').doc('stats-m1');
    const base = {
      desaCode: TUNGGANG,
      kecamatanCode: kec(TUNGGANG),
      kabupatenCode: KAB,
      meeting: meeting({ date: today() }),
      createdBy: 'op',
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
    };
    await m.set({ ...base, status: 'draft', submittedAt: null });
    // Submitted before the summarize trigger counted any usulan: not held yet.
    await m.update({ status: 'diajukan', submittedAt: Timestamp.now() });
    // What the summarize trigger writes once it has counted the usulan.
    await m.update({ summary: { total: 1, diajukan: 1 } });
    const doc = await waitForStats(`desa_${TUNGGANG}`, (d) => d.counts?.musyawarahByDay?.[today()] === 1);
    expect(musyawarahInCycle(doc.counts, policy, new Date())).toBe(1);
    await waitForStats(`kabupaten_${KAB}`, (d) => musyawarahInCycle(d.counts, policy, new Date()) === 1);
  });

  // Issue 13 F9: a musyawarah submitted with no usulan and dated 9999-12-31 (the rules now refuse
  // that date; a document that has it anyway) adds no key to the kabupaten's statistics: the
  // trigger's count writes nothing at all, not even its event marker.
  it('a musyawarah submitted empty, or dated far from its submission, adds no key to the statistics', async () => {
    const submitted = { desaCode: TUNGGANG, status: 'diajukan', submittedAt: Timestamp.now() };
    const empty = { ...submitted, meeting: meeting({ date: today() }) };
    const far = { ...submitted, meeting: meeting({ date: '9999-12-31' }), summary: { total: 1, diajukan: 1 } };
    expect(await countMusyawarahChange('f9-empty', { ...empty, status: 'draft', submittedAt: null }, empty, 'f9-m1')).toBe('nothing');
    expect(await countMusyawarahChange('f9-far', undefined, far, 'f9-m2')).toBe('nothing');
    expect(await countMusyawarahChange('f9-far-closed', far, { ...far, status: 'selesai' }, 'f9-m2')).toBe('nothing');
    const kabupaten = await counts(`kabupaten_${KAB}`);
    expect(Object.keys(kabupaten.musyawarahByDay ?? {}).filter((day) => day.startsWith('9999'))).toEqual([]);
  });

  it('desa with an active operator, of all desa and kelurahan of the kabupaten (seed 001)', async () => {
    const users = db.collection('users');
    const profile = (desaCode: string | null, role: string, active = true) => ({
      email: `${role}@lebong.test`,
      displayName: role,
      role,
      kabupatenCode: KAB,
      kecamatanCode: desaCode ? kec(desaCode) : null,
      desaCode,
      active,
      claimsUpdatedAt: Timestamp.now(),
      updatedBy: 'admin',
    });
    await Promise.all([
      users.doc('stats-op1').set(profile(GANDUNG, 'operator')),
      users.doc('stats-op2').set(profile(GANDUNG, 'operator')),
      users.doc('stats-op3').set(profile(TUNGGANG, 'operator')),
      users.doc('stats-op4').set(profile(SUKAU_KAYO, 'operator', false)),
      users.doc('stats-ver').set(profile(null, 'verifikator')),
    ]);
    const desaTotal = nationalKecamatanCodes()
      .filter((k) => k.startsWith(`${KAB}.`))
      .reduce((n, k) => n + desaCodesIn(k).length, 0);
    let doc = await waitForStats(`kabupaten_${KAB}`, (d) => d.counts?.operatorsByDesa?.[GANDUNG] === 2 && d.operators?.activeDesa === 2);
    expect(doc.operators).toEqual({ activeDesa: 2, activeDesaCodes: [GANDUNG, TUNGGANG], desaTotal });
    expect(desaTotal).toBeGreaterThan(90);

    // An operator deactivated by the admin: the desa keeps counting while it has another.
    await users.doc('stats-op1').update({ role: null, desaCode: null, kecamatanCode: null, active: false });
    await users.doc('stats-op3').update({ role: null, desaCode: null, kecamatanCode: null, active: false });
    doc = await waitForStats(`kabupaten_${KAB}`, (d) => d.operators?.activeDesa === 1);
    expect(doc.operators.activeDesaCodes).toEqual([GANDUNG]);
  });
});

describe('the same event delivered twice, or out of order, counts once', () => {
  const id = `desa_${DUP_DESA}`;
  const a = householdDoc(DUP_DESA, { desil: 2, memberCount: 2 });
  const b = householdDoc(DUP_DESA, { desil: 5, memberCount: 4, status: 'ditangguhkan' });

  it('household events: create, update and delete, each delivered twice and in the wrong order', async () => {
    expect(await countHouseholdChange('dup-update', a, b, 'hx')).toBe('counted');
    expect(await countHouseholdChange('dup-update', a, b, 'hx')).toBe('duplicate');
    expect(await countHouseholdChange('dup-create', undefined, a, 'hx')).toBe('counted');
    expect(await countHouseholdChange('dup-update', a, b, 'hx')).toBe('duplicate');
    expect(await countHouseholdChange('dup-create', undefined, a, 'hx')).toBe('duplicate');
    // The end state is b's contribution, whatever the order.
    expect(await counts(id)).toEqual({ households: { ditangguhkan: 1 }, people: { ditangguhkan: 4 }, desil: { '5': 1 } });
    // Concurrent duplicates: exactly one of them counts.
    const results = await Promise.all([1, 2, 3].map(() => countHouseholdChange('dup-delete', b, undefined, 'hx')));
    expect(results.sort()).toEqual(['counted', 'duplicate', 'duplicate']);
    expect(await counts(id)).toEqual({});
    expect((await db.collection('statsEvents').doc('households_dup-update').get()).data()).toMatchObject({ source: 'households', eventId: 'dup-update' });
  });

  it('member, musyawarah and user-profile events too', async () => {
    const member = memberDoc('hx', DUP_DESA);
    expect(await countMemberChange('dup-m', undefined, member, 'mx')).toBe('counted');
    expect(await countMemberChange('dup-m', undefined, member, 'mx')).toBe('duplicate');
    expect((await counts(id)).nikMissing).toBe(1);
    expect(await countMemberChange('dup-m2', member, { ...member, status: 'keluar' }, 'mx')).toBe('counted');
    expect(await countMemberChange('dup-m2', member, { ...member, status: 'keluar' }, 'mx')).toBe('duplicate');
    // Nothing counted changed: nothing written, not even a marker.
    expect(await countMemberChange('dup-m3', member, { ...member, name: 'Dimas Saputra' }, 'mx')).toBe('nothing');
    expect((await db.collection('statsEvents').doc('members_dup-m3').get()).exists).toBe(false);

    const musyawarah = { desaCode: DUP_DESA, status: 'diajukan', meeting: meeting({ date: today() }), submittedAt: Timestamp.now(), summary: { total: 1 } };
    expect(await countMusyawarahChange('dup-s', undefined, musyawarah, 'sx')).toBe('counted');
    expect(await countMusyawarahChange('dup-s', undefined, musyawarah, 'sx')).toBe('duplicate');
    expect((await counts(id)).musyawarahByDay).toEqual({ [today()]: 1 });
    expect(await countMusyawarahChange('dup-s2', musyawarah, undefined, 'sx')).toBe('counted');

    const operator = { role: 'operator', active: true, desaCode: DUP_DESA, kabupatenCode: KAB };
    const before = (await statsRef(`kabupaten_${KAB}`).get()).data()!.operators.activeDesa as number;
    expect(await countOperatorChange('dup-u', undefined, operator, 'ux')).toBe('counted');
    expect(await countOperatorChange('dup-u', undefined, operator, 'ux')).toBe('duplicate');
    expect((await statsRef(`kabupaten_${KAB}`).get()).data()!.operators.activeDesa).toBe(before + 1);
    expect(await countOperatorChange('dup-u2', operator, undefined, 'ux')).toBe('counted');
    expect((await statsRef(`kabupaten_${KAB}`).get()).data()!.operators.activeDesa).toBe(before);
    // Net effect of this test on the desa: nothing (so the reconciliation below finds no drift here).
    expect(await counts(id)).toEqual({});
  });
});

describe('nightly reconciliation', () => {
  it('recomputes from the source, finds injected drift, repairs it and says so on the document', async () => {
    // Two people without NIK, the same name and birth date in one desa: a likely duplicate (counted here only).
    const h2 = db.collection('households').doc('stats-h2');
    const batch = db.batch();
    batch.set(h2, householdDoc(TUNGGANG, { memberCount: 2 }));
    batch.set(
      h2.collection('members').doc('a'),
      memberDoc(h2.id, TUNGGANG, { name: 'Siti Aminah', sex: 'P', birthDate: '1990-01-01', relationship: 'kepala_keluarga' }),
    );
    batch.set(
      h2.collection('members').doc('b'),
      memberDoc(h2.id, TUNGGANG, { name: 'SITI AMINAH, S.Pd.', sex: 'P', birthDate: '1990-01-01', relationship: 'famili_lain' }),
    );
    await batch.commit();
    await waitForStats(`desa_${TUNGGANG}`, (d) => d.counts?.nikMissing === 2 && d.counts?.households?.aktif === 1);

    // Drift: counts off, a number that should not be there, a document lost.
    await statsRef(`desa_${SUKAU_KAYO}`).update({
      'counts.households.beku': FieldValue.increment(5),
      'counts.desil.9': 2,
      'counts.people': FieldValue.delete(),
    });
    await statsRef(`kecamatan_${kec(GANDUNG)}`).delete();
    const truth = await counts(`desa_${TUNGGANG}`);

    await runScheduled('reconcileStatistics');

    const sukau = (await statsRef(`desa_${SUKAU_KAYO}`).get()).data()!;
    expect(sukau.drift).toEqual([
      { field: 'desil.`9`', stored: 2, actual: 0 },
      { field: 'households.beku', stored: 6, actual: 1 },
      { field: 'people.beku', stored: 0, actual: 3 },
    ]);
    expect(sukau.driftTotal).toBe(3);
    expect(sukau.lastReconciledAt).toBeInstanceOf(Timestamp);
    expect(sukau.counts).toEqual({ households: { beku: 1 }, people: { beku: 3 }, desil: { '5': 1 }, nikMissing: 1 });
    expect(sukau).toMatchObject({ level: 'desa', code: SUKAU_KAYO, kabupatenCode: KAB, desaCode: SUKAU_KAYO, likelyDuplicates: 0 });

    // The lost kecamatan document is back.
    const lost = await statsRef(`kecamatan_${kec(GANDUNG)}`).get();
    expect(lost.exists).toBe(true);
    expect(lost.data()).toMatchObject({ level: 'kecamatan', code: kec(GANDUNG), desaCode: null });

    // Likely duplicates: one group in Tunggang, summed up to the kabupaten.
    expect((await statsRef(`desa_${TUNGGANG}`).get()).data()).toMatchObject({ likelyDuplicates: 1, drift: [], driftTotal: 0, counts: truth });
    expect((await statsRef(`kabupaten_${KAB}`).get()).data()).toMatchObject({ likelyDuplicates: 1 });

    // Everything the triggers kept agrees with the source: no drift anywhere else in the kabupaten.
    const all = await db.collection('stats').where('kabupatenCode', '==', KAB).get();
    const drifted = all.docs.filter((d) => (d.data().driftTotal ?? 0) > 0).map((d) => d.id);
    expect(drifted.sort()).toEqual([`desa_${SUKAU_KAYO}`, `kecamatan_${kec(GANDUNG)}`].sort());
    const operators = (await statsRef(`kabupaten_${KAB}`).get()).data()!.operators;
    expect(operators).toMatchObject({ activeDesa: 1, activeDesaCodes: [GANDUNG] });
  });

  it('a second run finds nothing to repair', async () => {
    await runScheduled('reconcileStatistics');
    const all = await db.collection('stats').where('kabupatenCode', '==', KAB).get();
    expect(all.size).toBeGreaterThanOrEqual(7);
    for (const d of all.docs) expect({ id: d.id, drift: d.data().drift }).toEqual({ id: d.id, drift: [] });
  });
});
