import { readFileSync } from 'node:fs';
import { Timestamp as AdminTimestamp } from 'firebase-admin/firestore';
import { collection, doc, getDoc, getDocs, query, where, type DocumentReference } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../functions/src/domain/index.js';
import { adminDb, clearFirestore, ensureUser, PROJECT_ID, REGION, seedConfig } from '../../.scripts/seed/admin.js';
import { signInClient, waitForDoc, type ClientUser } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';
import { household, meeting, nikFor } from '../support/factories.js';
import { recordAndSubmit as recordAndSubmitAll, type Usulan } from '../../.scripts/seed/flow.js';

/**
 * The thin flow, end to end on the emulator suite: an operator records a musyawarah with one
 * "add household" usulan and submits it; the validation trigger checks it; a Dinas Sosial user
 * approves it; the application trigger puts the household in the register with its eligibility;
 * the scheduled job freezes it once its verval is too old.
 */
const PASSWORD = 'flow-test-pass';
let operator: ClientUser;
let verifikator: ClientUser;
let kadis: ClientUser;

beforeAll(async () => {
  await clearFirestore();
  await seedConfig(KABUPATEN);
  await ensureUser('flow.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA.derati });
  await ensureUser('flow.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  await ensureUser('flow.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KABUPATEN });
  operator = await signInClient('flow.operator@tepat.test', PASSWORD);
  verifikator = await signInClient('flow.verifikator@tepat.test', PASSWORD);
  kadis = await signInClient('flow.kadis@tepat.test', PASSWORD);
});

afterAll(async () => {
  await Promise.all([operator?.close(), verifikator?.close(), kadis?.close()]);
});

/** What the portal does for one "add household" usulan of Derati. */
async function recordAndSubmit(user: ClientUser, content: ReturnType<typeof household>): Promise<DocumentReference<Usulan>> {
  return (await recordAndSubmitAll(user, DESA.derati, [{ type: 'baru', household: content }], meeting())).refs[0]!;
}

async function runScheduled(name: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:5001/functions/projects/${PROJECT_ID}/triggers/${REGION}-${name}-0`, { method: 'POST' });
  expect(res.ok, `scheduled function ${name} answered ${res.status}`).toBe(true);
}

describe('thin flow: usulan from musyawarah to register', () => {
  let usulanRef: DocumentReference<Usulan>;
  let householdId: string;
  const content = household({ desil: 4 });
  const usedNiks = new Set<string>(content.members.flatMap((m) => (m.nik ? [m.nik] : [])));

  it('1–2. an operator submits an usulan and the trigger validates it', async () => {
    usulanRef = await recordAndSubmit(operator, content);
    const validated = await waitForDoc(usulanRef, (d) => d?.validation != null);
    expect(validated.status).toBe('diajukan');
    expect(validated.validation?.ok).toBe(true);
    expect(validated.validation?.errors).toEqual([]);
    // The member without NIK is accepted but flagged.
    expect(validated.validation?.warnings.map((w) => [w.code, w.field])).toEqual([['nik.missing', 'household.members.2.nik']]);
  });

  it('3. Dinas Sosial sees the submission; the verifikator verifies and the kadis approves', async () => {
    const queue = await getDocs(query(collection(verifikator.db, 'usulan'), where('kabupatenCode', '==', KABUPATEN), where('status', '==', 'diajukan')));
    expect(queue.docs.map((d) => d.id)).toContain(usulanRef.id);
    // The kadis cannot skip the verification step of a two-level kabupaten.
    await expect(httpsCallable(kadis.functions, 'decideUsulan')({ usulanId: usulanRef.id, decision: 'setujui', note: '' })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
    });
    const verified = await httpsCallable(verifikator.functions, 'decideUsulan')({ usulanId: usulanRef.id, decision: 'setujui', note: 'Sesuai hasil musdesus' });
    expect(verified.data).toEqual({ status: 'diverifikasi' });
    const approved = await httpsCallable(kadis.functions, 'decideUsulan')({ usulanId: usulanRef.id, decision: 'setujui', note: '' });
    expect(approved.data).toEqual({ status: 'disetujui' });
  });

  it('4. the approved usulan is applied: household, members, eligibility per program, audit', async () => {
    const applied = await waitForDoc(usulanRef, (d) => d?.status === 'diterapkan' || d?.status === 'ditolak');
    expect(applied.status).toBe('diterapkan');
    householdId = applied.outcome!.householdId!;
    const h = (await getDoc(doc(verifikator.db, 'households', householdId))).data()!;
    expect(h).toMatchObject({
      kkNumber: content.kkNumber,
      desaCode: DESA.derati.desa,
      kabupatenCode: KABUPATEN,
      desil: 4,
      status: 'aktif',
      memberCount: 3,
      headName: 'Sutrisno',
    });
    // Desil 4: PKH (1–4), Sembako (1–5), PBI-JK (1–5) and other programs (1–5) all apply, each with its legal basis.
    // (Other test files may have added programs of other kabupaten; the four national ones are what matter here.)
    expect(Object.fromEntries(Object.entries(h.eligibility as Record<string, { eligible: boolean }>).map(([k, v]) => [k, v.eligible]))).toMatchObject({
      PKH: true,
      SEMBAKO: true,
      'PBI-JK': true,
      'KESSOS-LAIN': true,
    });
    expect(reasonText(h.eligibility.PKH.reasons[0])).toContain('Kepmensos 79/HUK/2025');

    const members = await getDocs(query(collection(operator.db, 'households', householdId, 'members'), where('desaCode', '==', DESA.derati.desa)));
    expect(members.size).toBe(3);
    const byName = Object.fromEntries(members.docs.map((m) => [m.data().name, m.data()]));
    expect(byName.Sutrisno!.nikMasked).toMatch(/^1702•{8}\d{4}$/);
    expect(byName.Dimas!.flags).toEqual(['nik.missing']);

    const audit = await getDocs(query(collection(verifikator.db, 'auditLog'), where('kabupatenCode', '==', KABUPATEN)));
    const actions = audit.docs.map((a) => a.data().action);
    expect(actions).toEqual(expect.arrayContaining(['usulan.lolos_validasi', 'usulan.diverifikasi', 'usulan.disetujui', 'usulan.diterapkan.baru']));
    expect(audit.docs.find((a) => a.data().action === 'usulan.diverifikasi')!.data()).toMatchObject({ actorUid: verifikator.uid, actorRole: 'verifikator' });
    expect(audit.docs.find((a) => a.data().action === 'usulan.disetujui')!.data()).toMatchObject({ actorUid: kadis.uid, actorRole: 'kadis' });
    expect(applied.decisions.map((d) => [d.role, d.from, d.to])).toEqual([
      ['verifikator', 'diajukan', 'diverifikasi'],
      ['kadis', 'diverifikasi', 'disetujui'],
    ]);
    for (const a of audit.docs) expect(JSON.stringify(a.data())).not.toMatch(/\d{16}/);
  });

  it('4b. the same NIK cannot enter the register twice: a second usulan fails validation', async () => {
    const again = household({ kkNumber: '1702061203150008', members: [{ ...content.members[0]!, name: 'Sutrisno (ganda)' }] });
    const ref = await recordAndSubmit(operator, again);
    const validated = await waitForDoc(ref, (d) => d?.validation != null);
    expect(validated.status).toBe('tidak_lolos_validasi');
    expect(validated.validation?.errors.map((e) => e.code)).toEqual(['nik.registered']);
    expect(reasonText(validated.validation!.errors[0]!)).toBe(`NIK anggota ke-1 sudah terdaftar di register (desa ${DESA.derati.desa})`);
    expect(JSON.stringify(validated.validation)).not.toMatch(/\d{16}/);
  });

  it('4c. a malformed usulan is kept with its reasons', async () => {
    const bad = household({ members: [{ nik: nikFor('1990-02-01', 'L'), name: 'Budi', sex: 'P', birthDate: '1990-02-01', relationship: 'kepala_keluarga' }] });
    usedNiks.add(bad.members[0]!.nik!);
    const ref = await recordAndSubmit(operator, bad);
    const validated = await waitForDoc(ref, (d) => d?.validation != null);
    expect(validated.status).toBe('tidak_lolos_validasi');
    expect(validated.validation?.errors).toEqual([expect.objectContaining({ code: 'nik.sex_mismatch', field: 'household.members.0.nik' })]);
  });

  it('5. the scheduled job freezes a household whose last verval is older than the policy, once', async () => {
    const ref = adminDb().collection('households').doc(householdId);
    const fourMonthsAgo = new Date(Date.now() - 125 * 24 * 3600 * 1000);
    await ref.update({ lastVervalAt: AdminTimestamp.fromDate(fourMonthsAgo) });
    await runScheduled('freezeStaleHouseholds');
    const frozen = (await ref.get()).data()!;
    expect(frozen.status).toBe('beku');
    expect(frozen.statusReason.code).toBe('household.beku');
    expect(Object.values(frozen.eligibility as Record<string, { eligible: boolean }>).every((d) => !d.eligible)).toBe(true);
    expect(frozen.desil).toBe(4);

    // A second run the same day changes nothing and writes no second audit entry.
    await runScheduled('freezeStaleHouseholds');
    const audits = await adminDb().collection('auditLog').where('target.id', '==', householdId).where('action', '==', 'keluarga.dibekukan').get();
    expect(audits.size).toBe(1);
  });

  it('6. no NIK reaches the function logs (UU PDP 27/2022)', async () => {
    const logPath = process.env.TEPAT_EMULATOR_LOG;
    expect(logPath, 'run through .scripts/emulators.mjs, which keeps the emulator log').toBeTruthy();
    await new Promise((r) => setTimeout(r, 500)); // let the launcher flush what the functions printed
    const log = readFileSync(logPath!, 'utf8');
    // The log is the right one: it has this run's function logs.
    expect(log).toContain(usulanRef.id);
    expect(log).toContain('usulan applied');
    for (const nik of usedNiks) expect(log.includes(nik), 'a NIK used in this test appears in the emulator log').toBe(false);
    const functionLines = log.split('\n').filter((l) => l.startsWith('>') || l.includes('functions'));
    expect(functionLines.filter((l) => /(?<!\d)\d{16}(?!\d)/.test(l))).toEqual([]);
  });
});
