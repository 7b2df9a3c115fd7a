import { beforeAll, describe, expect, it } from 'vitest';
import { adminDb, useFunctionsInProcess } from '../../.scripts/seed/admin.js';
import { DESA, DEMO_USERS, KABUPATEN } from '../../.scripts/seed/demo.js';

/**
 * The demo that `npm start` imports (emulator-data/), read back from a Firestore emulator started
 * with that export (`npm run test:demo`). A newcomer must find live numbers and work to do for
 * every demo account; and the numbers must be the ones the triggers and the nightly
 * reconciliation would compute from the data itself.
 */
useFunctionsInProcess();
const { operatorsOf, recomputeKabupaten } = await import('../../functions/src/reconcile-statistics.js');
const { driftBetween, readTally } = await import('../../functions/src/domain/index.js');

const db = adminDb();

type Data = Record<string, unknown>;
let musyawarah: { id: string; data: Data }[] = [];
let usulan: { id: string; data: Data }[] = [];

beforeAll(async () => {
  const [m, u] = await Promise.all([db.collection('musyawarah').get(), db.collection('usulan').get()]);
  musyawarah = m.docs.map((d) => ({ id: d.id, data: d.data() }));
  usulan = u.docs.map((d) => ({ id: d.id, data: d.data() }));
});

const ofDesa = (desa: string) => musyawarah.filter((m) => m.data.desaCode === desa);
const usulanOf = (musyawarahId: string) => usulan.filter((u) => u.data.musyawarahId === musyawarahId);

describe('the shipped statistics', () => {
  it('equal a reconciliation over the shipped data, document by document', async () => {
    const r = await recomputeKabupaten(KABUPATEN);
    expect(r.stored.size).toBeGreaterThan(10);
    for (const [id] of r.scopes) {
      const stored = r.stored.get(id);
      expect(stored, `stats/${id} exists`).toBeDefined();
      expect(driftBetween(readTally(stored!.data().counts), r.counts.get(id) ?? {}), `stats/${id} counts`).toEqual([]);
      expect(stored!.data().likelyDuplicates ?? 0, `stats/${id} likely duplicates`).toBe(r.likelyDuplicates.get(id) ?? 0);
    }
    const kabupaten = r.stored.get(`kabupaten_${KABUPATEN}`)?.data() as Data | undefined;
    expect(kabupaten?.operators).toEqual(operatorsOf(r.counts.get(`kabupaten_${KABUPATEN}`)?.operatorsByDesa, KABUPATEN));
  });

  it('show the register and the operators the README describes: households in eight desa, three with an operator', async () => {
    const kabupaten = (await db.doc(`stats/kabupaten_${KABUPATEN}`).get()).data() as {
      counts: Data;
      operators: { activeDesa: number; activeDesaCodes: string[] };
    };
    expect(kabupaten.operators.activeDesa).toBe(3);
    expect(kabupaten.operators.activeDesaCodes.sort()).toEqual(DEMO_USERS.flatMap((u) => (u.claims.role === 'operator' ? [u.claims.desa] : [])).sort());
    const households = await db.collection('households').where('kabupatenCode', '==', KABUPATEN).count().get();
    expect(households.data().count).toBeGreaterThanOrEqual(420);
  });
});

describe('work waiting for each demo account', () => {
  it('the verifikator has submitted musyawarah to check, with usulan that failed validation and their reasons', () => {
    const waiting = musyawarah.filter((m) => m.data.status === 'diajukan' && usulanOf(m.id).some((u) => u.data.status === 'diajukan'));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const failed = usulan.filter((u) => u.data.status === 'tidak_lolos_validasi');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const codes = failed.flatMap((u) => ((u.data.validation as { errors: { code: string }[] }).errors ?? []).map((e) => e.code));
    expect(codes).toContain('nik.registered');
    expect(codes.some((c) => c.startsWith('nik.') && c !== 'nik.registered')).toBe(true);
  });

  it('the kadis has usulan verified by the verifikator, waiting for approval', () => {
    expect(usulan.filter((u) => u.data.status === 'diverifikasi').length).toBeGreaterThanOrEqual(2);
  });

  it('each operator has musyawarah at several steps: closed, submitted, draft', () => {
    const derati = ofDesa(DESA.derati.desa).map((m) => m.data.status);
    expect(derati).toEqual(expect.arrayContaining(['selesai', 'diajukan']));
    expect(ofDesa(DESA.sambirejo.desa).map((m) => m.data.status)).toEqual(expect.arrayContaining(['diajukan', 'draft']));
    const talang = ofDesa(DESA.talangBenih.desa);
    expect(talang.map((m) => m.data.status)).toEqual(expect.arrayContaining(['selesai', 'diajukan']));
    // A kelurahan holds a muskelsus.
    expect(talang.every((m) => (m.data.meeting as { type: string }).type === 'muskelsus')).toBe(true);
  });

  it('closed musyawarah went through validation, both levels of approval and application, one usulan refused with its reason', () => {
    const closed = musyawarah.filter((m) => m.data.status === 'selesai');
    expect(closed.length).toBeGreaterThanOrEqual(2);
    const items = closed.flatMap((m) => usulanOf(m.id));
    expect(new Set(items.map((u) => u.data.type))).toEqual(new Set(['baru', 'perbaikan', 'keluar', 'pindah_masuk']));
    for (const u of items.filter((x) => x.data.status === 'diterapkan')) {
      const roles = (u.data.decisions as { role: string; decision: string }[]).map((d) => `${d.role}:${d.decision}`);
      expect(roles).toEqual(['verifikator:setujui', 'kadis:setujui']);
    }
    const refused = items.filter((u) => u.data.status === 'ditolak');
    expect(refused).toHaveLength(1);
    expect((refused[0]!.data.decisions as { note: string }[])[0]!.note).toMatch(/verval ulang/);
  });

  it('verval and sticker reports were applied by their triggers', async () => {
    const [verval, stickers] = await Promise.all([db.collectionGroup('verval').get(), db.collectionGroup('stickers').get()]);
    expect(verval.size).toBeGreaterThanOrEqual(5);
    expect(stickers.size).toBeGreaterThanOrEqual(3);
    for (const r of [...verval.docs, ...stickers.docs]) expect((r.data().outcome as { status: string }).status).toBe('diterapkan');
  });

  it('the Dinas has past exports and the admin an audit trail of users, decisions and jobs', async () => {
    const exports = await db.collection('exports').where('kabupatenCode', '==', KABUPATEN).get();
    expect(exports.docs.map((d) => `${d.data().kind}:${d.data().status}`).sort()).toEqual(['bnba:selesai', 'perubahan:selesai']);
    const audit = await db.collection('auditLog').where('kabupatenCode', '==', KABUPATEN).get();
    const actions = new Set(audit.docs.map((d) => d.data().action as string));
    for (const a of ['musyawarah.selesai', 'register.impor']) expect(actions, a).toContain(a);
    expect([...actions].some((a) => a.startsWith('usulan.'))).toBe(true);
    expect([...actions].some((a) => a.startsWith('user.') || a.startsWith('pengguna.'))).toBe(true);
  });

  it('has frozen households, and households past the limit that the daily job (run by npm start) will freeze', async () => {
    const households = (await db.collection('households').where('kabupatenCode', '==', KABUPATEN).get()).docs.map((d) => d.data());
    expect(households.filter((h) => h.status === 'beku').length).toBeGreaterThan(0);
    const due = households.filter((h) => h.status === 'aktif' && h.staleness?.freezesAt && h.staleness.freezesAt.toMillis() <= Date.now());
    expect(due.length).toBeGreaterThan(0);
  });
});
