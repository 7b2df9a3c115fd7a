import { collection, doc, getDoc, getDocs, query, where } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb, ensureUser, seedConfig, useFunctionsInProcess } from '../../.scripts/seed/admin.js';
import { signInClient, waitForDoc, type ClientUser } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';
import { household, meeting, nikFor, usulanContent } from '../support/factories.js';
import type { MemberDoc } from '../../functions/src/domain/documents.js';
import { approve, decide, recordAndSubmit, resubmit, settled, validated, type Usulan } from '../../.scripts/seed/flow.js';
import { contentUpdate } from '../../web/src/lib/operator/usulan/correction.js';

/**
 * Every path a proposal can take after "add household": correction, leaving (a member or the
 * whole household, never deleted), reactivation of a suspended household, moving to another desa;
 * decisions for a whole musyawarah; two approvals racing for one NIK; and each trigger delivered
 * twice, which must leave the same end state.
 */
const PASSWORD = 'lifecycle-pass';
let operator: ClientUser;
let otherOperator: ClientUser;
let verifikator: ClientUser;
let kadis: ClientUser;

beforeAll(async () => {
  await seedConfig(KABUPATEN);
  // This kabupaten lets suspended households return by reactivation (the Kemensos route).
  await adminDb()
    .collection('policies')
    .doc(KABUPATEN)
    .set({ suspension: { route: 'reaktivasi', maxReactivations: 2 } }, { merge: true });
  await ensureUser('life.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA.derati });
  await ensureUser('life.operator2@tepat.test', PASSWORD, { role: 'operator', ...DESA.other });
  await ensureUser('life.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  await ensureUser('life.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KABUPATEN });
  [operator, otherOperator, verifikator, kadis] = await Promise.all([
    signInClient('life.operator@tepat.test', PASSWORD),
    signInClient('life.operator2@tepat.test', PASSWORD),
    signInClient('life.verifikator@tepat.test', PASSWORD),
    signInClient('life.kadis@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([operator, otherOperator, verifikator, kadis].map((u) => u?.close()));
});

/** Proposes, validates, approves and applies one usulan; returns the settled usulan. */
async function through(
  user: ClientUser,
  wilayah: typeof DESA.derati | typeof DESA.other,
  content: Parameters<typeof recordAndSubmit>[2][number],
): Promise<Usulan & { id: string }> {
  const { refs } = await recordAndSubmit(user, wilayah, [content], meeting());
  const ref = refs[0]!;
  const v = await validated(ref);
  expect(v.validation?.errors, 'validation errors').toEqual([]);
  await approve(verifikator, kadis, ref.id);
  return { ...(await settled(ref)), id: ref.id };
}

const householdDoc = async (id: string) => (await adminDb().collection('households').doc(id).get()).data()!;
const membersOf = async (id: string) =>
  (await adminDb().collection('households').doc(id).collection('members').get()).docs.map((d) => ({ ...(d.data() as MemberDoc<unknown>), id: d.id }));

describe('usulan types applied to the register', () => {
  it('perbaikan: members are matched by NIK, one joins and one leaves, and the KK change is kept in history', async () => {
    const original = household({ desil: 5 });
    const added = await through(operator, DESA.derati, { type: 'baru', household: original });
    const id = added.outcome!.householdId!;
    const before = await membersOf(id);

    const [head, wife] = original.members;
    const baby = { nik: null, name: 'Aisyah', sex: 'P' as const, birthDate: '2026-06-01', relationship: 'anak' as const };
    const corrected = await through(operator, DESA.derati, {
      ...usulanContent.perbaikan(id),
      household: { ...original, kkNumber: '1702061508260003', desil: 3, members: [head!, { ...wife!, name: 'Rahmawati S.' }, baby] },
      kkChangeReason: 'pecah_kk',
    });
    expect(corrected.status).toBe('diterapkan');

    const h = await householdDoc(id);
    expect(h).toMatchObject({ kkNumber: '1702061508260003', desil: 3, memberCount: 3, status: 'aktif' });
    expect(h.kkHistory.map((k: { kkNumber: string; reason: string }) => [k.kkNumber, k.reason])).toEqual([
      [original.kkNumber, 'pendaftaran'],
      ['1702061508260003', 'pecah_kk'],
    ]);
    const after = await membersOf(id);
    const byName = Object.fromEntries(after.map((m) => [m.name, m]));
    // The wife kept her record (same document, matched by NIK), with the corrected name.
    expect(byName['Rahmawati S.']!.id).toBe(before.find((m) => m.name === 'Rahmawati')!.id);
    // Dimas (no NIK) is not on the corrected list: he stays on record as having left, with the reason.
    expect(byName.Dimas).toMatchObject({ status: 'keluar', leftReason: { code: 'member.perbaikan' } });
    expect(byName.Aisyah).toMatchObject({ status: 'aktif', flags: ['nik.missing'] });
    expect(after.filter((m) => m.status === 'aktif')).toHaveLength(3);
  });

  it('keluar: a member who died leaves with the reason; later the whole household leaves as mampu and its NIKs are freed', async () => {
    const content = household();
    const id = (await through(operator, DESA.derati, { type: 'baru', household: content })).outcome!.householdId!;
    const wife = (await membersOf(id)).find((m) => m.name === 'Rahmawati')!;

    await through(
      operator,
      DESA.derati,
      usulanContent.keluar(id, {
        reason: 'meninggal',
        memberIds: [wife.id],
        note: 'Meninggal dunia Oktober 2026',
        evidence: { documentId: 'dok/akta-1', date: '2026-10-20' },
      }),
    );
    expect((await membersOf(id)).find((m) => m.id === wife.id)).toMatchObject({ status: 'keluar', leftReason: { code: 'keluar.meninggal' } });
    expect(await householdDoc(id)).toMatchObject({ status: 'aktif', memberCount: 2 });
    const index = await adminDb().collection('nikIndex').doc(wife.nikHash!).get();
    expect(index.data()).toMatchObject({ active: false });

    await through(operator, DESA.derati, usulanContent.keluar(id));
    const gone = await householdDoc(id);
    expect(gone).toMatchObject({ status: 'keluar', statusReason: { code: 'keluar.mampu' } });
    expect(Object.values(gone.eligibility as Record<string, { eligible: boolean }>).some((d) => d.eligible)).toBe(false);
    // Nothing was deleted: every member is still on record.
    expect(await membersOf(id)).toHaveLength(3);

    // The head's NIK can be proposed again; the validation says where it was.
    const again = await recordAndSubmit(
      operator,
      DESA.derati,
      [{ type: 'baru', household: household({ kkNumber: '1702062010260001', members: [content.members[0]!] }) }],
      meeting(),
    );
    const v = await validated(again.refs[0]!);
    expect(v.validation?.ok).toBe(true);
    expect(v.validation?.warnings.map((w) => w.code)).toContain('nik.registered_keluar');
  });

  it('reaktivasi: a suspended household returns when the kabupaten uses the reactivation route, counting the reactivation', async () => {
    const id = (await through(operator, DESA.derati, { type: 'baru', household: household() })).outcome!.householdId!;
    await adminDb()
      .collection('households')
      .doc(id)
      .update({
        status: 'ditangguhkan',
        statusReason: { code: 'household.ditangguhkan.judi_online', message: 'Ditangguhkan: judi online' },
        suspension: { reason: 'judi_online', since: '2026-10-01', note: 'Data PPATK' },
      });
    const done = await through(operator, DESA.derati, usulanContent.reaktivasi(id));
    expect(done.status).toBe('diterapkan');
    const h = await householdDoc(id);
    expect(h).toMatchObject({ status: 'aktif', reactivations: 1, suspension: null, statusReason: null });
    expect(h.eligibility.SEMBAKO.eligible).toBe(true);
  });

  it('pindah masuk: the receiving desa takes the household, with its members and NIK index, instead of "alamat tidak ditemukan"', async () => {
    const id = (await through(otherOperator, DESA.other, { type: 'baru', household: household({ kkNumber: '1702061203150011' }) })).outcome!.householdId!;
    const moved = await through(operator, DESA.derati, usulanContent.pindahMasuk(id, DESA.other.desa));
    expect(moved.status).toBe('diterapkan');
    expect(await householdDoc(id)).toMatchObject({ desaCode: DESA.derati.desa, address: 'Dusun I RT 01, Derati' });
    const members = await membersOf(id);
    expect(members.every((m) => m.desaCode === DESA.derati.desa)).toBe(true);
    const index = await adminDb()
      .collection('nikIndex')
      .doc(members.find((m) => m.nikHash)!.nikHash!)
      .get();
    expect(index.data()!.desaCode).toBe(DESA.derati.desa);
    // The new desa's operator now reads the members; the old desa's no longer can.
    const q = (u: ClientUser, desa: string) => getDocs(query(collection(u.db, 'households', id, 'members'), where('desaCode', '==', desa)));
    expect((await q(operator, DESA.derati.desa)).size).toBe(members.length);
    expect((await q(otherOperator, DESA.other.desa)).size).toBe(0);
  });

  it('pindah masuk of a frozen household: the receiving desa verified the family, so the freeze is lifted and eligibility recomputed', async () => {
    const id = (await through(otherOperator, DESA.other, { type: 'baru', household: household({ kkNumber: '1702061203150013', desil: 2 }) })).outcome!
      .householdId!;
    const frozenReason = { code: 'household.beku', message: 'Data beku: tidak ada verval selama 3 bulan berturut-turut (batas 3 bulan)' };
    await adminDb()
      .collection('households')
      .doc(id)
      .update({ status: 'beku', statusReason: frozenReason, staleness: { level: 'beku', missed: 3, freezesAt: null }, eligibility: {} });
    const moved = await through(operator, DESA.derati, usulanContent.pindahMasuk(id, DESA.other.desa));
    expect(moved.status).toBe('diterapkan');
    const h = await householdDoc(id);
    expect(h).toMatchObject({ desaCode: DESA.derati.desa, status: 'aktif', statusReason: null, staleness: { level: 'ok', missed: 0, freezesAt: null } });
    expect(h.eligibility.SEMBAKO.eligible).toBe(true);
  });

  it('a family proposed to move in twice while the first is pending: the later submission fails validation, the first goes on', async () => {
    const id = (await through(otherOperator, DESA.other, { type: 'baru', household: household({ kkNumber: '1702061203150014' }) })).outcome!.householdId!;
    const first = await recordAndSubmit(operator, DESA.derati, [usulanContent.pindahMasuk(id, DESA.other.desa)], meeting());
    const second = await recordAndSubmit(operator, DESA.derati, [usulanContent.pindahMasuk(id, DESA.other.desa)], meeting());
    const [a, b] = await Promise.all([validated(first.refs[0]!), validated(second.refs[0]!)]);
    expect(a.status).toBe('diajukan');
    expect(b.status).toBe('tidak_lolos_validasi');
    expect(b.validation?.errors).toEqual([expect.objectContaining({ code: 'pindah.pending_elsewhere', field: 'householdId' })]);
    await approve(verifikator, kadis, first.refs[0]!.id);
    expect((await settled(first.refs[0]!)).status).toBe('diterapkan');
    expect((await householdDoc(id)).desaCode).toBe(DESA.derati.desa);
  });

  it('a correction proposed by a desa for a household registered in another desa fails validation, with the reason', async () => {
    const id = (await through(otherOperator, DESA.other, { type: 'baru', household: household({ kkNumber: '1702061203150012' }) })).outcome!.householdId!;
    const { refs } = await recordAndSubmit(operator, DESA.derati, [usulanContent.perbaikan(id)], meeting());
    const v = await validated(refs[0]!);
    expect(v.status).toBe('tidak_lolos_validasi');
    expect(v.validation?.errors.map((e) => e.code)).toContain('usulan.other_desa');
  });
});

describe('a failed usulan corrected in place', () => {
  it('is taken back, corrected and submitted again: validated anew, approved and applied, with the whole story in the audit log', async () => {
    const good = household({ kkNumber: '1702061203150051' });
    // An NIK whose date part is impossible (day 99): the trigger refuses it, with the member's field.
    const bad = { ...good, members: good.members.map((m, i) => (i === 0 ? { ...m, nik: '1702069999990001' } : m)) };
    const { musyawarahId, refs } = await recordAndSubmit(operator, DESA.derati, [{ type: 'baru', household: bad }], meeting());
    const ref = refs[0]!;
    const failed = await validated(ref);
    expect(failed.status).toBe('tidak_lolos_validasi');
    expect(failed.validation?.errors.map((e) => e.field)).toContain('household.members.0.nik');

    await resubmit(operator, ref, contentUpdate({ type: 'baru', household: good }));
    // A second `diajukan` with a new submittedAt: the trigger validates it again.
    const passed = await waitForDoc(ref, (d) => d?.validation != null && d.validation.forSubmission !== failed.validation!.forSubmission);
    expect(passed.status).toBe('diajukan');
    expect(passed.validation).toMatchObject({ ok: true, errors: [] });
    expect(passed.type === 'baru' && passed.household.members[0]!.nik).toBe(good.members[0]!.nik);
    expect((await adminDb().collection('musyawarah').doc(musyawarahId).get()).data()?.status).toBe('diajukan');

    await approve(verifikator, kadis, ref.id);
    const done = await settled(ref);
    expect(done.status).toBe('diterapkan');
    const registered = await householdDoc(done.outcome!.householdId!);
    expect(registered.kkNumber).toBe(good.kkNumber);

    // The usulan holds only its latest validation; the log keeps the failure, the take-back (once) and the pass.
    const audit = (await adminDb().collection('auditLog').where('target.id', '==', ref.id).get()).docs.map((d) => d.data());
    const actions = audit.sort((a, b) => a.at.toMillis() - b.at.toMillis()).map((a) => a.action);
    expect(actions.slice(0, 3)).toEqual(['usulan.tidak_lolos_validasi', 'usulan.ditarik_untuk_perbaikan', 'usulan.lolos_validasi']);
    expect(actions.filter((a) => a === 'usulan.ditarik_untuk_perbaikan')).toHaveLength(1);
    const takeBack = audit.find((a) => a.action === 'usulan.ditarik_untuk_perbaikan')!;
    expect(takeBack).toMatchObject({ actorRole: 'operator', desaCode: DESA.derati.desa, kabupatenCode: KABUPATEN });
    expect(takeBack.summary).toContain(failed.validation!.errors[0]!.code);
  });

  it('the take-back is audited once however often its trigger is delivered', async () => {
    const { validateUsulan } = await import('../../functions/src/validate-usulan.js');
    useFunctionsInProcess();
    const bad = household({ kkNumber: '1702061203150052', members: [{ ...household().members[0]!, nik: '1702069999990002' }] });
    const { refs } = await recordAndSubmit(operator, DESA.derati, [{ type: 'baru', household: bad }], meeting());
    const ref = refs[0]!;
    await validated(ref);
    const before = await adminDb().collection('usulan').doc(ref.id).get();
    await resubmit(operator, ref, contentUpdate({ type: 'baru', household: household({ kkNumber: '1702061203150052' }) }));
    await waitForDoc(ref, (d) => d?.validation?.ok === true);
    // The take-back's event again, twice (after = a draft, as it was then).
    const after = { exists: true, data: () => ({ ...before.data(), status: 'draft', submittedAt: null, validation: null }) };
    const event = { id: `dup-takeback-${ref.id}`, time: new Date().toISOString(), params: { usulanId: ref.id }, data: { before, after } } as never;
    await Promise.all([validateUsulan.run(event), validateUsulan.run(event)]);
    const entries = await adminDb().collection('auditLog').where('target.id', '==', ref.id).where('action', '==', 'usulan.ditarik_untuk_perbaikan').get();
    expect(entries.size).toBe(1);
  });
});

describe('decisions and races', () => {
  it('the dinas decides a whole musyawarah at once, and the musyawarah keeps a summary by status', async () => {
    const { musyawarahId, refs } = await recordAndSubmit(
      operator,
      DESA.derati,
      [
        { type: 'baru', household: household({ kkNumber: '1702061203150021' }) },
        { type: 'baru', household: household({ kkNumber: '1702061203150022' }) },
      ],
      meeting(),
    );
    await Promise.all(refs.map(validated));
    const verified = await decide(verifikator, { musyawarahId, decision: 'setujui', note: 'Sesuai BA' });
    expect((verified.data as { decided: { status: string }[] }).decided.map((d) => d.status)).toEqual(['diverifikasi', 'diverifikasi']);
    await decide(kadis, { musyawarahId, decision: 'setujui', note: '' });
    const done = await Promise.all(refs.map(settled));
    expect(done.map((d) => d.status)).toEqual(['diterapkan', 'diterapkan']);
    const m = await waitForDoc(doc(operator.db, 'musyawarah', musyawarahId), (d) => (d?.summary as { diterapkan?: number } | undefined)?.diterapkan === 2);
    expect(m.summary).toMatchObject({ total: 2, diterapkan: 2, diajukan: 0, draft: 0 });
  });

  it('two approvals racing for the same NIK: exactly one household is registered, the other usulan ends ganda', async () => {
    const shared = nikFor('1970-01-05', 'L');
    const person = { nik: shared, name: 'Bambang', sex: 'L' as const, birthDate: '1970-01-05', relationship: 'kepala_keluarga' as const };
    const { musyawarahId, refs } = await recordAndSubmit(
      operator,
      DESA.derati,
      [
        { type: 'baru', household: household({ kkNumber: '1702061203150031', members: [person] }) },
        { type: 'baru', household: household({ kkNumber: '1702061203150032', members: [{ ...person, name: 'Bambang S' }] }) },
      ],
      meeting(),
    );
    await Promise.all(refs.map(validated));
    await decide(verifikator, { musyawarahId, decision: 'setujui', note: '' });
    // Both approved in one transaction; their application triggers run, and so do two more
    // applications from here, all at the same time.
    useFunctionsInProcess();
    const { applyApproved } = await import('../../functions/src/apply-usulan.js');
    await decide(kadis, { musyawarahId, decision: 'setujui', note: '' });
    await Promise.all(refs.map((r) => applyApproved(r.id, new Date())));
    const done = await Promise.all(refs.map(settled));
    expect(done.map((d) => d.status).sort()).toEqual(['diterapkan', 'ditolak']);
    const loser = done.find((d) => d.status === 'ditolak')!;
    expect(loser.outcome?.reasons.map((r) => r.code)).toEqual(['usulan.ganda']);
    const winner = done.find((d) => d.status === 'diterapkan')!;
    const holders = await adminDb().collectionGroup('members').where('nik', '==', shared).get();
    expect(holders.docs.map((d) => d.data().householdId)).toEqual([winner.outcome!.householdId]);
  });
});

describe('triggers delivered twice leave the same end state', () => {
  beforeAll(useFunctionsInProcess);

  /** The CloudEvent a Firestore trigger receives for this change of one usulan document. */
  async function eventFor(ref: { id: string }, before: unknown) {
    const after = await adminDb().collection('usulan').doc(ref.id).get();
    return { id: `dup-${ref.id}-${Date.now()}`, time: new Date().toISOString(), params: { usulanId: ref.id }, data: { before, after } } as never;
  }

  it('validation: the real delivery and two duplicates validate once and audit once', async () => {
    const { validateUsulan } = await import('../../functions/src/validate-usulan.js');
    const { refs } = await recordAndSubmit(operator, DESA.derati, [{ type: 'baru', household: household({ kkNumber: '1702061203150041' }) }], meeting());
    const event = await eventFor(refs[0]!, undefined);
    await Promise.all([validateUsulan.run(event), validateUsulan.run(event)]);
    const v = await validated(refs[0]!);
    expect(v.validation?.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1500)); // the emulator's own delivery has surely run by now
    const audits = await adminDb().collection('auditLog').where('target.id', '==', refs[0]!.id).where('action', '==', 'usulan.lolos_validasi').get();
    expect(audits.size).toBe(1);
  });

  it('application: the real delivery and two duplicates register one household and audit once', async () => {
    const { applyUsulan } = await import('../../functions/src/apply-usulan.js');
    const { refs } = await recordAndSubmit(operator, DESA.derati, [{ type: 'baru', household: household({ kkNumber: '1702061203150042' }) }], meeting());
    const ref = refs[0]!;
    await validated(ref);
    await decide(verifikator, { usulanId: ref.id, decision: 'setujui', note: '' });
    const before = await adminDb().collection('usulan').doc(ref.id).get();
    await decide(kadis, { usulanId: ref.id, decision: 'setujui', note: '' });
    const event = await eventFor(ref, before);
    await Promise.all([applyUsulan.run(event), applyUsulan.run(event)]);
    const done = await settled(ref);
    expect(done.status).toBe('diterapkan');
    await new Promise((r) => setTimeout(r, 1500));
    const households = await adminDb().collection('households').where('sourceUsulanId', '==', ref.id).get();
    expect(households.size).toBe(1);
    const audits = await adminDb()
      .collection('auditLog')
      .where('action', '==', 'usulan.diterapkan.baru')
      .where('target.id', '==', households.docs[0]!.id)
      .get();
    expect(audits.size).toBe(1);
  });

  it('a musyawarah closes (selesai) once every usulan has a final decision, and only once', async () => {
    useFunctionsInProcess();
    const { refreshSummary } = await import('../../functions/src/summarize-musyawarah.js');
    const { musyawarahId, refs } = await recordAndSubmit(
      operator,
      DESA.derati,
      [
        { type: 'baru', household: household({ kkNumber: '1702061203150044' }) },
        { type: 'baru', household: household({ kkNumber: '1702061203150045' }) },
      ],
      meeting(),
    );
    await Promise.all(refs.map(validated));
    const mRef = doc(operator.db, 'musyawarah', musyawarahId);
    await decide(verifikator, { usulanId: refs[0]!.id, decision: 'tolak', note: 'Keluarga tidak hadir dan tidak dikenal warga' });
    await waitForDoc(mRef, (d) => (d?.summary as { ditolak?: number } | undefined)?.ditolak === 1);
    // One usulan is still open: the meeting is not done.
    expect((await getDoc(mRef)).data()?.status).toBe('diajukan');
    await approve(verifikator, kadis, refs[1]!.id);
    const closed = await waitForDoc(mRef, (d) => d?.status === 'selesai');
    expect(closed.summary).toMatchObject({ total: 2, diterapkan: 1, ditolak: 1 });
    expect(closed.closedAt).toBeTruthy();
    // A redelivered event recomputes the same summary and does not close it again.
    await refreshSummary(musyawarahId, DESA.derati.desa);
    const closings = await adminDb().collection('auditLog').where('target.id', '==', musyawarahId).where('action', '==', 'musyawarah.selesai').get();
    expect(closings.docs.map((d) => d.data().summary)).toEqual(['Musyawarah selesai: 1 usulan diterapkan, 1 ditolak']);
  });

  it('musyawarah summary: recomputing twice gives the same numbers', async () => {
    const { refreshSummary } = await import('../../functions/src/summarize-musyawarah.js');
    const { musyawarahId, refs } = await recordAndSubmit(
      operator,
      DESA.derati,
      [{ type: 'baru', household: household({ kkNumber: '1702061203150043' }) }],
      meeting(),
    );
    await validated(refs[0]!);
    const [a, b] = await Promise.all([refreshSummary(musyawarahId, DESA.derati.desa), refreshSummary(musyawarahId, DESA.derati.desa)]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ total: 1, diajukan: 1 });
    expect((await getDoc(doc(operator.db, 'musyawarah', musyawarahId))).data()?.summary).toEqual(a);
  });
});
