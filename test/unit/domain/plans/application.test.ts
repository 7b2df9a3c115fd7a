import { describe, expect, it } from 'vitest';
import {
  criteriaOf,
  decideHousehold,
  reasonText,
  validateUsulan,
  type HouseholdStatus,
  type Member,
  type NikIndexEntry,
  type ReturnRoute,
  type UsulanContent,
  type UsulanKeluarContent,
  type UsulanPerbaikanContent,
  type UsulanPindahMasukContent,
  type UsulanReaktivasiContent,
} from '../../../../functions/src/domain/index.js';
import { membersToRead, niksToCheck, planApplication, SERVER_TIME, type ApplicationPlan, type Write } from '../../../../functions/src/domain/plans/index.js';
import {
  applicationInput,
  DERATI,
  fakeHash,
  inForce,
  member,
  nikOf,
  proposal,
  REF,
  storedHousehold,
  storedMember,
  storedMembers,
  TABA_ANYAR,
} from './documents.js';

/**
 * The five application paths of an approved usulan (domain/plans/apply), without an emulator:
 * given the documents the trigger read, the writes it must make, or the reasons it must refuse.
 * The emulator tests (flow, lifecycle) prove the wiring, the idempotency and the races.
 */

const evidence = { documentId: 'uploads/u1/ba.pdf', date: '2025-06-01' };
const kinds = (writes: readonly Write[]) => writes.map((w) => w.kind);
const applied = (plan: ApplicationPlan) => {
  if (!plan.ok) throw new Error(`expected the usulan to apply, got ${plan.reasons.map((r) => r.code).join(', ')}`);
  return plan;
};
const refusal = (plan: ApplicationPlan) => {
  if (plan.ok) throw new Error('expected a refusal');
  return plan;
};
function householdWrite<K extends 'createHousehold' | 'updateHousehold'>(plan: ApplicationPlan, kind: K): Extract<Write, { kind: K }> {
  const w = applied(plan).writes.find((x): x is Extract<Write, { kind: K }> => x.kind === kind);
  if (!w) throw new Error(`no ${kind}`);
  return w;
}
const memberWrites = (plan: ApplicationPlan, kind: 'createMember' | 'updateMember') => applied(plan).writes.flatMap((w) => (w.kind === kind ? [w] : []));
/** No reason a planner gives carries a NIK (they name members by position and desa by code). */
const expectNoNik = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/\d{16}/);

describe('planApplication', () => {
  it('an usulan whose content no longer parses is refused, about no household', () => {
    const plan = refusal(planApplication(applicationInput(null)));
    expect(plan).toEqual({ ok: false, householdId: null, reasons: [{ code: 'usulan.invalid' }] });
    expect(reasonText(plan.reasons[0]!)).toBe('Isi usulan tidak valid lagi sehingga tidak dapat diterapkan');
    expect(reasonText(plan.reasons[0]!, 'en')).toMatch(/^The content of the usulan/);
  });

  it('names what the trigger must read: members per type, NIKs of a baru and of the members joining a perbaikan', () => {
    const baru: UsulanContent = { type: 'baru', household: proposal() };
    const [kepala, istri] = proposal().members as [Member, Member, Member];
    const child = member({ name: 'Putri', sex: 'P', birthDate: '2019-04-02', relationship: 'anak', nik: nikOf('2019-04-02', 'P', { serial: '0005' }) });
    const perbaikan: UsulanPerbaikanContent = {
      type: 'perbaikan',
      householdId: 'h-1',
      household: proposal({ members: [kepala, child, member({ nik: null, relationship: 'anak', name: 'Tanpa NIK' })] }),
      note: 'Anak baru lahir',
    };
    expect([membersToRead(null), membersToRead(baru), membersToRead(perbaikan), membersToRead(keluar()), membersToRead(pindah())]).toEqual([
      'none',
      'none',
      'active',
      'active',
      'all',
    ]);
    expect(niksToCheck(baru, [])).toEqual([kepala.nik, istri.nik]);
    expect(niksToCheck(perbaikan, storedMembers())).toEqual([child.nik]);
    expect(niksToCheck(keluar(), storedMembers())).toEqual([]);
    expect(niksToCheck(null, [])).toEqual([]);
  });
});

describe('baru: a household enters the register', () => {
  const baru = (): UsulanContent => ({ type: 'baru', household: proposal() });

  it('creates the household in the proposing desa, its members and their index entries, decided as the register will hold it', () => {
    const plan = applied(planApplication(applicationInput(baru())));
    expect(plan.householdId).toBe('new-1');
    expect(kinds(plan.writes)).toEqual(['createHousehold', 'createMember', 'setIndex', 'createMember', 'setIndex', 'createMember']);
    const h = householdWrite(plan, 'createHousehold');
    const members = proposal().members;
    expect(h.data).toMatchObject({
      kkNumber: '1702061203150007',
      kkHistory: [{ kkNumber: '1702061203150007', since: '2025-06-15', reason: 'pendaftaran', sourceUsulanId: 'usulan-9' }],
      desaCode: DERATI,
      kecamatanCode: '17.02.06',
      kabupatenCode: '17.02',
      desil: 3,
      status: 'aktif',
      statusReason: null,
      headName: 'Sutrisno',
      memberCount: 3,
      lastVervalAt: REF,
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      reactivations: 0,
      suspension: null,
      sticker: null,
      sourceUsulanId: 'usulan-9',
      createdAt: SERVER_TIME,
      updatedAt: SERVER_TIME,
      memberCriteria: criteriaOf(members),
    });
    // The stored decision is the one a re-evaluation of the stored document gives.
    expect(h.data.eligibility).toEqual(decideHousehold({ ...h.data, status: 'aktif' }, inForce()));
    expect(h.data.eligibility.PKH?.eligible).toBe(true);

    const created = memberWrites(plan, 'createMember');
    expect(created.map((w) => [w.householdId, w.memberId, w.data.name, w.data.nikHash])).toEqual([
      ['new-1', 'new-2', 'Sutrisno', fakeHash(members[0]!.nik!)],
      ['new-1', 'new-3', 'Rahmawati', fakeHash(members[1]!.nik!)],
      ['new-1', 'new-4', 'Dimas', null],
    ]);
    expect(created[2]!.data).toMatchObject({
      nik: null,
      nikMasked: '—',
      flags: ['nik.missing'],
      school: 'sd',
      status: 'aktif',
      leftReason: null,
      desaCode: DERATI,
      kabupatenCode: '17.02',
    });
    expect(created[0]!.data.nikMasked).toBe('1702••••••••0001');
    expect(plan.writes[2]).toEqual({
      kind: 'setIndex',
      hash: fakeHash(members[0]!.nik!),
      data: { householdId: 'new-1', memberId: 'new-2', active: true, desaCode: DERATI, kabupatenCode: '17.02', createdAt: SERVER_TIME },
    });
    expect(plan.summary).toBe('Keluarga 3 anggota ditambahkan; desil 3');
  });

  it('is refused as ganda when a NIK is held by a household still in the register (the approval lost a race), naming the member and the desa', () => {
    const nikIndex = new Map<string, NikIndexEntry>([
      [proposal().members[1]!.nik!, { householdId: 'h-other', memberId: 'm-9', desaCode: TABA_ANYAR, status: 'aktif' }],
    ]);
    const plan = refusal(planApplication(applicationInput(baru(), { nikIndex })));
    expect(plan).toEqual({
      ok: false,
      householdId: null,
      reasons: [{ code: 'usulan.ganda', params: { member: 2, desaCode: TABA_ANYAR }, field: 'household.members.1.nik' }],
    });
    expect(reasonText(plan.reasons[0]!)).toBe('Ganda: NIK anggota ke-2 sudah terdaftar di register (desa 17.02.06.2002) sebelum usulan ini diterapkan');
    expect(reasonText(plan.reasons[0]!, 'en')).toBe('Duplicate: the NIK of member 2 was registered (village 17.02.06.2002) before this usulan was applied');
    expectNoNik(plan);
  });

  it('a NIK freed by a household that left is taken over: the index entry points at the new member', () => {
    const nik = proposal().members[0]!.nik!;
    const plan = applied(
      planApplication(
        applicationInput(baru(), { nikIndex: new Map([[nik, { householdId: 'h-old', memberId: 'm-old', desaCode: TABA_ANYAR, status: 'keluar' as const }]]) }),
      ),
    );
    expect(plan.writes.filter((w) => w.kind === 'updateMember')).toEqual([]);
    expect(plan.writes).toContainEqual(
      expect.objectContaining({ kind: 'setIndex', hash: fakeHash(nik), data: expect.objectContaining({ householdId: 'new-1', memberId: 'new-2' }) }),
    );
  });

  it('suspension route usulan_baru: a member of a suspended household returns, and their old record leaves with the reason', () => {
    const nik = proposal().members[0]!.nik!;
    const nikIndex = new Map([[nik, { householdId: 'h-suspended', memberId: 'm-old', desaCode: TABA_ANYAR, status: 'ditangguhkan' as const }]]);
    const plan = applied(planApplication(applicationInput(baru(), { nikIndex })));
    expect(plan.writes[0]).toEqual({
      kind: 'updateMember',
      householdId: 'h-suspended',
      memberId: 'm-old',
      data: { status: 'keluar', leftReason: { code: 'member.kembali_usulan_baru', params: { usulanId: 'usulan-9' } } },
    });
    const closed = plan.writes[0] as Extract<Write, { kind: 'updateMember' }>;
    expect(reasonText(closed.data.leftReason!)).toBe('Diusulkan kembali melalui usulan baru usulan-9');
    expect(kinds(plan.writes).slice(1)).toEqual(['createHousehold', 'createMember', 'setIndex', 'createMember', 'setIndex', 'createMember']);
  });

  it('suspension route reaktivasi: a member of a suspended household cannot come back by a new usulan', () => {
    const nik = proposal().members[0]!.nik!;
    const nikIndex = new Map([[nik, { householdId: 'h-suspended', memberId: 'm-old', desaCode: TABA_ANYAR, status: 'ditangguhkan' as const }]]);
    const plan = refusal(planApplication(applicationInput(baru(), { nikIndex, suspension: { route: 'reaktivasi', maxReactivations: 2 } })));
    expect(plan.reasons).toEqual([{ code: 'usulan.ganda', params: { member: 1, desaCode: TABA_ANYAR }, field: 'household.members.0.nik' }]);
  });

  it('refuses exactly what the validation reports as a register conflict: one rule, checked twice', () => {
    const statuses: (HouseholdStatus | undefined)[] = ['aktif', 'beku', 'ditangguhkan', 'keluar', undefined];
    const routes: ReturnRoute[] = ['usulan_baru', 'reaktivasi'];
    for (const status of statuses) {
      for (const route of routes) {
        const entry: NikIndexEntry = { householdId: 'h-other', memberId: 'm-9', desaCode: TABA_ANYAR, ...(status ? { status } : {}) };
        const nikIndex = new Map([[proposal().members[1]!.nik!, entry]]);
        const suspension = { route, maxReactivations: 2 };
        const validation = validateUsulan(baru(), REF, { nikLookup: nikIndex, suspensionPolicy: suspension });
        const registerErrors = validation.errors.filter((e) => e.code.startsWith('nik.registered')).map((e) => e.field);
        const plan = planApplication(applicationInput(baru(), { nikIndex, suspension }));
        expect(plan.ok ? [] : plan.reasons.map((r) => r.field), `${status ?? 'no status'} / ${route}`).toEqual(registerErrors);
      }
    }
  });
});

describe('perbaikan: the household is corrected, members matched by NIK', () => {
  const [kepala] = proposal().members as [Member, Member, Member];
  const newborn = member({ name: 'Putri', sex: 'P', birthDate: '2025-01-02', relationship: 'anak', nik: nikOf('2025-01-02', 'P', { serial: '0005' }) });
  const noNik = member({ name: 'Dimas', sex: 'L', birthDate: '2016-01-30', relationship: 'anak', nik: null, school: 'smp' });
  const perbaikan = (overrides: Partial<UsulanPerbaikanContent> = {}): UsulanPerbaikanContent => ({
    type: 'perbaikan',
    householdId: 'h-1',
    household: proposal({ desil: 2, address: 'Jl. Baru No. 2', members: [{ ...kepala, occupation: 'buruh' }, newborn, noNik] }),
    note: 'Istri pindah, anak lahir',
    ...overrides,
  });
  const input = (content: UsulanPerbaikanContent, overrides = {}) =>
    applicationInput(content, { household: storedHousehold(), members: storedMembers(), ...overrides });

  it('who stays is updated, who joins gets a record and an index entry, who is no longer listed leaves with the reason and frees the NIK', () => {
    const members = storedMembers();
    const plan = applied(planApplication(input(perbaikan())));
    expect(plan.householdId).toBe('h-1');
    expect(kinds(plan.writes)).toEqual([
      'updateMember',
      'deactivateIndex',
      'updateMember',
      'updateMember',
      'createMember',
      'setIndex',
      'createMember',
      'updateHousehold',
    ]);
    const left = { status: 'keluar', leftReason: { code: 'member.perbaikan', params: { usulanId: 'usulan-9' } } };
    expect(plan.writes.slice(0, 3)).toEqual([
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-2', data: left },
      { kind: 'deactivateIndex', hash: members[1]!.nikHash },
      // Without NIK a member cannot be matched: the old record leaves, the new one joins.
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-3', data: left },
    ]);
    expect(reasonText(left.leftReason)).toBe('Tidak lagi tercantum setelah perbaikan data (usulan usulan-9)');
    const stayed = plan.writes[3] as Extract<Write, { kind: 'updateMember' }>;
    expect(stayed).toMatchObject({ memberId: 'm-1', data: { name: 'Sutrisno', occupation: 'buruh', nikHash: members[0]!.nikHash, status: 'aktif' } });
    expect(stayed.data).not.toHaveProperty('createdAt');
    expect(memberWrites(plan, 'createMember').map((w) => [w.memberId, w.data.name, w.data.nikHash])).toEqual([
      ['new-1', 'Putri', fakeHash(newborn.nik!)],
      ['new-2', 'Dimas', null],
    ]);
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data).toMatchObject({
      kkNumber: '1702061203150007',
      address: 'Jl. Baru No. 2',
      desil: 2,
      headName: 'Sutrisno',
      memberCount: 3,
      updatedAt: SERVER_TIME,
    });
    // The KK number did not change: its history neither.
    expect(h.data.kkHistory).toEqual(storedHousehold().kkHistory);
    expect(h.data.eligibility).toEqual(
      decideHousehold({ desil: 2, status: 'aktif', desaCode: DERATI, memberCriteria: criteriaOf(perbaikan().household.members) }, inForce()),
    );
    expect(plan.summary).toBe('Data keluarga diperbaiki: 1 anggota tetap, 2 masuk, 2 keluar');
  });

  it('a new KK number is appended to the KK history with its reason', () => {
    const content = perbaikan({ household: { ...perbaikan().household, kkNumber: '1702062506250001' }, kkChangeReason: 'pecah_kk' });
    const plan = applied(planApplication(input(content)));
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data.kkNumber).toBe('1702062506250001');
    expect(h.data.kkHistory).toEqual([
      ...storedHousehold().kkHistory,
      { kkNumber: '1702062506250001', since: '2025-06-15', reason: 'pecah_kk', sourceUsulanId: 'usulan-9' },
    ]);
    expect(plan.summary).toMatch(/; nomor KK berubah$/);
    // Without a reason given, the change is recorded as a change of population data.
    const unnamed = householdWrite(planApplication(input(perbaikan({ household: content.household }))), 'updateHousehold');
    expect(unnamed.data.kkHistory!.at(-1)!.reason).toBe('perubahan_data');
  });

  it('is refused when the KK history refuses the change (dated before the KK in force)', () => {
    const household = storedHousehold({ kkHistory: [{ kkNumber: '1702061203150007', since: '2025-07-01', reason: 'pendaftaran', sourceUsulanId: null }] });
    const content = perbaikan({ household: { ...perbaikan().household, kkNumber: '1702062506250001' }, kkChangeReason: 'pecah_kk' });
    const plan = refusal(planApplication(input(content, { household })));
    expect(plan).toMatchObject({ householdId: 'h-1', reasons: [{ code: 'kk.history_order', field: 'since' }] });
  });

  it('is refused when the household is no longer in the register', () => {
    for (const household of [null, storedHousehold({ status: 'keluar' })]) {
      const plan = refusal(planApplication(input(perbaikan(), { household })));
      expect(plan).toEqual({ ok: false, householdId: 'h-1', reasons: [{ code: 'usulan.household_keluar', params: { absent: true } }] });
      expect(reasonText(plan.reasons[0]!)).toBe('Keluarga ini sudah tidak ada di register');
    }
  });

  it('is refused as ganda when a joining NIK is held elsewhere, naming the member by their place in the proposal', () => {
    const nikIndex = new Map([[newborn.nik!, { householdId: 'h-other', memberId: 'm-9', desaCode: TABA_ANYAR, status: 'beku' as const }]]);
    const plan = refusal(planApplication(input(perbaikan(), { nikIndex })));
    expect(plan.reasons).toEqual([{ code: 'usulan.ganda', params: { member: 2, desaCode: TABA_ANYAR }, field: 'household.members.1.nik' }]);
  });
});

function keluar(overrides: Partial<UsulanKeluarContent> = {}): UsulanKeluarContent {
  return { type: 'keluar', householdId: 'h-1', reason: 'mampu', memberIds: [], note: 'Sudah bekerja tetap', ...overrides };
}

describe('keluar: a household or some of its members leave (a status with its reason, never a deletion)', () => {
  const input = (content: UsulanKeluarContent, overrides = {}) =>
    applicationInput(content, { household: storedHousehold(), members: storedMembers(), ...overrides });

  it('the whole household: its status and reason, every NIK freed, the members keep their records', () => {
    const members = storedMembers();
    const plan = applied(planApplication(input(keluar())));
    expect(plan.writes).toEqual([
      { kind: 'deactivateIndex', hash: members[0]!.nikHash },
      { kind: 'deactivateIndex', hash: members[1]!.nikHash },
      expect.objectContaining({ kind: 'updateHousehold', householdId: 'h-1' }),
    ]);
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data).toMatchObject({ status: 'keluar', statusReason: { code: 'keluar.mampu', params: { note: 'Sudah bekerja tetap' } }, updatedAt: SERVER_TIME });
    expect(reasonText(h.data.statusReason!)).toBe('Sudah mampu: Sudah bekerja tetap');
    expect(reasonText(h.data.statusReason!, 'en')).toBe('No longer in need: Sudah bekerja tetap');
    expect(h.data.eligibility).toEqual(decideHousehold({ desil: 3, status: 'keluar', desaCode: DERATI, memberCriteria: criteriaOf(members) }, inForce()));
    expect(Object.values(h.data.eligibility!).some((d) => d.eligible)).toBe(false);
    expect(plan.summary).toBe('Keluarga keluar dari register: Sudah mampu');
  });

  it('some members: each leaves with the reason, the household keeps the others, its head and its count', () => {
    const members = storedMembers();
    const plan = applied(planApplication(input(keluar({ reason: 'meninggal', memberIds: ['m-1'], note: 'Meninggal 1 Juni 2025' }))));
    const why = { code: 'keluar.meninggal', params: { note: 'Meninggal 1 Juni 2025' } };
    expect(plan.writes.slice(0, 2)).toEqual([
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-1', data: { status: 'keluar', leftReason: why } },
      { kind: 'deactivateIndex', hash: members[0]!.nikHash },
    ]);
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data).toMatchObject({ memberCount: 2, headName: 'Rahmawati', memberCriteria: criteriaOf(members.slice(1)) });
    expect(h.data).not.toHaveProperty('status');
    expect(plan.summary).toBe('1 anggota keluar: Meninggal dunia');
  });

  it('ganda names the household whose data is kept; a NIK typed into the note is masked', () => {
    const plan = applied(planApplication(input(keluar({ reason: 'ganda', duplicateOfHouseholdId: 'h-2', note: 'Sama dengan NIK 1702061203840001' }))));
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data.statusReason).toEqual({ code: 'keluar.ganda', params: { note: 'Sama dengan NIK 1702••••••••0001', duplicateOfHouseholdId: 'h-2' } });
    expect(reasonText(h.data.statusReason!)).toBe('Data ganda (data yang dipakai: keluarga h-2): Sama dengan NIK 1702••••••••0001');
    expectNoNik(h.data.statusReason);
  });

  it('is refused when the household already left, a member is not active in it, or no member would be left', () => {
    const gone = refusal(planApplication(input(keluar(), { household: storedHousehold({ status: 'keluar' }) })));
    expect(gone.reasons).toEqual([{ code: 'usulan.household_keluar' }]);
    expect(reasonText(gone.reasons[0]!)).toBe('Keluarga ini sudah keluar dari register');
    expect(refusal(planApplication(input(keluar(), { household: null }))).reasons.map((r) => r.code)).toEqual(['usulan.household_keluar']);

    const unknown = refusal(planApplication(input(keluar({ reason: 'pindah', memberIds: ['m-1', 'm-7'] }))));
    expect(unknown).toEqual({ ok: false, householdId: 'h-1', reasons: [{ code: 'keluar.member_unknown', params: {}, field: 'memberIds' }] });
    expect(reasonText(unknown.reasons[0]!)).toBe('Anggota yang diusulkan keluar tidak (lagi) tercatat aktif di keluarga ini');
    // A member who already left is not active any more.
    const members = storedMembers().map((m) => (m.id === 'm-2' ? { ...m, status: 'keluar' as const } : m));
    expect(refusal(planApplication(input(keluar({ reason: 'pindah', memberIds: ['m-2'] }), { members }))).reasons.map((r) => r.code)).toEqual([
      'keluar.member_unknown',
    ]);

    const all = refusal(planApplication(input(keluar({ reason: 'meninggal', memberIds: ['m-1', 'm-2', 'm-3'] }))));
    expect(all.reasons).toEqual([{ code: 'keluar.no_member_left', params: {}, field: 'memberIds' }]);
    expect(reasonText(all.reasons[0]!)).toBe('Semua anggota keluar: usulkan keluarga keluar seluruhnya');
  });
});

describe('reaktivasi: a suspended household returns (route reaktivasi)', () => {
  const reaktivasi: UsulanReaktivasiContent = {
    type: 'reaktivasi',
    householdId: 'h-1',
    suratPernyataan: evidence,
    baKlarifikasi: { ...evidence, signedBy: ['kpm', 'pendamping', 'kadinsos'] },
  };
  const kemensos = { route: 'reaktivasi' as const, maxReactivations: 2 };
  const suspended = () =>
    storedHousehold({
      status: 'ditangguhkan',
      statusReason: { code: 'household.ditangguhkan.judi_online', message: 'Ditangguhkan: judi online' },
      suspension: { reason: 'judi_online', since: '2025-03-01', note: 'Data PPATK' },
      lastVervalAt: new Date('2024-12-01T03:00:00Z'),
    });

  it('is active again with one reactivation used, its clock restarted and its eligibility decided again', () => {
    const plan = applied(planApplication(applicationInput(reaktivasi, { household: suspended(), members: storedMembers(), suspension: kemensos })));
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data).toMatchObject({
      status: 'aktif',
      statusReason: null,
      reactivations: 1,
      suspension: null,
      lastVervalAt: REF,
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      updatedAt: SERVER_TIME,
    });
    expect(h.data.eligibility).toEqual(
      decideHousehold({ desil: 3, status: 'aktif', desaCode: DERATI, memberCriteria: criteriaOf(storedMembers()) }, inForce()),
    );
    expect(plan.summary).toBe('Keluarga direaktivasi (reaktivasi ke-1)');
  });

  it('is refused when the household is missing, the kabupaten re-registers instead, the limit is used up, or it is not suspended', () => {
    const missing = refusal(planApplication(applicationInput(reaktivasi, { household: null, suspension: kemensos })));
    expect(missing.reasons).toEqual([{ code: 'usulan.household_missing' }]);
    expect(reasonText(missing.reasons[0]!)).toBe('Keluarga yang diusulkan tidak ada di register');
    const codes = (overrides: Parameters<typeof applicationInput>[1]) =>
      refusal(planApplication(applicationInput(reaktivasi, overrides))).reasons.map((r) => r.code);
    expect(codes({ household: suspended() })).toEqual(['reaktivasi.route_usulan_baru']);
    expect(codes({ household: { ...suspended(), reactivations: 2 }, suspension: kemensos })).toEqual(['reaktivasi.limit']);
    expect(codes({ household: storedHousehold(), suspension: kemensos })).toEqual(['reaktivasi.not_suspended']);
  });
});

function pindah(overrides: Partial<UsulanPindahMasukContent> = {}): UsulanPindahMasukContent {
  return { type: 'pindah_masuk', householdId: 'h-1', fromDesaCode: TABA_ANYAR, address: 'Jl. Derati No. 5', note: 'Pindah ikut keluarga', ...overrides };
}

describe('pindah masuk: the household moves to the receiving desa', () => {
  const atTabaAnyar = (overrides = {}) => storedHousehold({ desaCode: TABA_ANYAR, ...overrides });
  /** Three active members (one without NIK) and one who left, all recorded in Taba Anyar. */
  const members = () => [
    ...storedMembers().map((m) => ({ ...m, desaCode: TABA_ANYAR })),
    storedMember('m-4', member({ name: 'Kakek', birthDate: '1940-01-01', relationship: 'orang_tua', nik: nikOf('1940-01-01', 'L', { serial: '0004' }) }), {
      status: 'keluar',
      desaCode: TABA_ANYAR,
    }),
  ];
  const input = (content: UsulanPindahMasukContent, overrides = {}) =>
    applicationInput(content, { household: atTabaAnyar(), members: members(), ...overrides });

  it('moves every member record and the active members’ index entries, restarts the staleness clock, decides again in the new desa', () => {
    const plan = applied(planApplication(input(pindah())));
    const ms = members();
    expect(plan.writes.slice(0, -1)).toEqual([
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-1', data: { desaCode: DERATI, kabupatenCode: '17.02' } },
      { kind: 'moveIndex', hash: ms[0]!.nikHash, desaCode: DERATI, kabupatenCode: '17.02' },
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-2', data: { desaCode: DERATI, kabupatenCode: '17.02' } },
      { kind: 'moveIndex', hash: ms[1]!.nikHash, desaCode: DERATI, kabupatenCode: '17.02' },
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-3', data: { desaCode: DERATI, kabupatenCode: '17.02' } },
      // The member who left moves with the household's records, but holds no index entry any more.
      { kind: 'updateMember', householdId: 'h-1', memberId: 'm-4', data: { desaCode: DERATI, kabupatenCode: '17.02' } },
    ]);
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data).toMatchObject({
      desaCode: DERATI,
      kecamatanCode: '17.02.06',
      kabupatenCode: '17.02',
      address: 'Jl. Derati No. 5',
      kkNumber: '1702061203150007',
      lastVervalAt: REF,
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      memberCriteria: criteriaOf(ms.slice(0, 3)),
      updatedAt: SERVER_TIME,
    });
    expect(h.data).not.toHaveProperty('status');
    expect(plan.summary).toBe('Keluarga pindah dari Desa Taba Anyar (17.02.06.2002) ke Desa Derati (17.02.06.2001)');
  });

  it('lifts a freeze (the receiving desa verified the family) but not a suspension', () => {
    const frozen = applied(
      planApplication(
        input(pindah(), { household: atTabaAnyar({ status: 'beku', statusReason: { code: 'household.beku', params: { missed: 3, limit: 3 } } }) }),
      ),
    );
    const h = householdWrite(frozen, 'updateHousehold');
    expect(h.data).toMatchObject({ status: 'aktif', statusReason: null });
    expect(h.data.eligibility).toEqual(
      decideHousehold({ desil: 3, status: 'aktif', desaCode: DERATI, memberCriteria: criteriaOf(members().slice(0, 3)) }, inForce()),
    );
    expect(frozen.summary).toMatch(/; data beku diaktifkan kembali \(diverval oleh desa tujuan\)$/);
    const suspended = householdWrite(planApplication(input(pindah(), { household: atTabaAnyar({ status: 'ditangguhkan' }) })), 'updateHousehold');
    expect(suspended.data).not.toHaveProperty('status');
    expect(Object.values(suspended.data.eligibility!).some((d) => d.eligible)).toBe(false);
  });

  it('a new KK number that came with the move is appended with reason pindah', () => {
    const plan = applied(planApplication(input(pindah({ kkNumber: '1702062506250001' }))));
    const h = householdWrite(plan, 'updateHousehold');
    expect(h.data.kkNumber).toBe('1702062506250001');
    expect(h.data.kkHistory!.at(-1)).toEqual({ kkNumber: '1702062506250001', since: '2025-06-15', reason: 'pindah', sourceUsulanId: 'usulan-9' });
    const same = householdWrite(planApplication(input(pindah({ kkNumber: '1702061203150007' }))), 'updateHousehold');
    expect(same.data.kkHistory).toEqual(atTabaAnyar().kkHistory);
  });

  it('is refused when the household left, is no longer in the desa of origin named, or the KK history refuses', () => {
    const gone = refusal(planApplication(input(pindah(), { household: atTabaAnyar({ status: 'keluar' }) })));
    expect(gone.reasons).toEqual([{ code: 'usulan.household_keluar', params: { absent: true } }]);
    expect(refusal(planApplication(input(pindah(), { household: null }))).reasons.map((r) => r.code)).toEqual(['usulan.household_keluar']);

    const moved = refusal(planApplication(input(pindah(), { household: storedHousehold({ desaCode: '17.02.11.2003' }) })));
    expect(moved).toEqual({ ok: false, householdId: 'h-1', reasons: [{ code: 'pindah.from_mismatch', params: { moved: true }, field: 'fromDesaCode' }] });
    expect(reasonText(moved.reasons[0]!)).toBe('Menurut register, keluarga ini sudah tidak berada di desa asal yang disebut');
    expect(reasonText(moved.reasons[0]!, 'en')).toBe('According to the register, this household is no longer in the village of origin named');

    const late = atTabaAnyar({ kkHistory: [{ kkNumber: '1702061203150007', since: '2025-12-01', reason: 'pendaftaran', sourceUsulanId: null }] });
    expect(refusal(planApplication(input(pindah({ kkNumber: '1702062506250001' }), { household: late }))).reasons.map((r) => r.code)).toEqual([
      'kk.history_order',
    ]);
  });
});

describe('attacks on the application (issue 13): the approval is checked again against the register as it is now', () => {
  const SEBERANG = '17.08.01.2001'; // another kabupaten (17.08)
  const [kepala] = proposal().members as [Member, Member, Member];
  const joining = member({ name: 'Putri', sex: 'P', birthDate: '2025-01-02', relationship: 'anak', nik: nikOf('2025-01-02', 'P', { serial: '0005' }) });
  const perbaikan: UsulanPerbaikanContent = {
    type: 'perbaikan',
    householdId: 'h-1',
    household: proposal({ members: [kepala, joining] }),
    note: 'Anak masuk KK',
  };

  it('F3: a pindah masuk never pulls a household out of another kabupaten, even once approved', () => {
    const plan = refusal(
      planApplication(applicationInput(pindah({ fromDesaCode: SEBERANG }), { household: storedHousehold({ desaCode: SEBERANG }), members: storedMembers() })),
    );
    expect(plan.reasons).toEqual([{ code: 'pindah.other_kabupaten', params: { moved: true }, field: 'householdId' }]);
    expect(reasonText(plan.reasons[0]!)).toMatch(/pelepasan dari Dinas Sosial kabupaten\/kota asal/);
  });

  it('F6: a keluar, perbaikan or reaktivasi validated in one desa is not applied after the household moved to another', () => {
    const moved = storedHousehold({ desaCode: TABA_ANYAR, status: 'ditangguhkan' });
    const reaktivasi: UsulanReaktivasiContent = {
      type: 'reaktivasi',
      householdId: 'h-1',
      suratPernyataan: evidence,
      baKlarifikasi: { ...evidence, signedBy: ['kpm'] },
    };
    for (const content of [keluar(), perbaikan, reaktivasi]) {
      const plan = refusal(
        planApplication(applicationInput(content, { household: moved, members: storedMembers(), suspension: { route: 'reaktivasi', maxReactivations: 2 } })),
      );
      expect(plan.reasons, content.type).toEqual([{ code: 'usulan.other_desa', params: { moved: true }, field: 'householdId' }]);
    }
    expect(reasonText({ code: 'usulan.other_desa', params: { moved: true } })).toMatch(/sudah pindah ke desa lain sejak usulan divalidasi/);
  });

  it('F4: a member of a household suspended in another kabupaten cannot be re-registered by an usulan baru, whatever this kabupaten’s route', () => {
    const nik = proposal().members[0]!.nik!;
    const nikIndex = new Map([[nik, { householdId: 'h-suspended', memberId: 'm-old', desaCode: SEBERANG, status: 'ditangguhkan' as const }]]);
    const plan = refusal(
      planApplication(applicationInput({ type: 'baru', household: proposal() }, { nikIndex, suspension: { route: 'usulan_baru', maxReactivations: 2 } })),
    );
    // Refused, the other kabupaten's member untouched, and not told where or that the household is suspended.
    expect(plan.reasons).toEqual([{ code: 'usulan.ganda', params: { member: 1 }, field: 'household.members.0.nik' }]);
    expect(reasonText(plan.reasons[0]!)).toBe('Ganda: NIK anggota ke-1 sudah terdaftar di register sebelum usulan ini diterapkan');
  });

  it('F5: a perbaikan that takes in a member of a suspended household closes the old record, so the NIK is never active twice', () => {
    const nikIndex = new Map([[joining.nik!, { householdId: 'h-suspended', memberId: 'm-old', desaCode: TABA_ANYAR, status: 'ditangguhkan' as const }]]);
    const plan = applied(planApplication(applicationInput(perbaikan, { household: storedHousehold(), members: storedMembers(), nikIndex })));
    const closed = memberWrites(plan, 'updateMember').filter((w) => w.householdId === 'h-suspended');
    expect(closed).toEqual([
      {
        kind: 'updateMember',
        householdId: 'h-suspended',
        memberId: 'm-old',
        data: { status: 'keluar', leftReason: { code: 'member.kembali_usulan_baru', params: { usulanId: 'usulan-9' } } },
      },
    ]);
    // And the index now points at the new record.
    expect(plan.writes.filter((w) => w.kind === 'setIndex').map((w) => w.data.householdId)).toEqual(['h-1']);
  });

  it('F7: a NIK held in another kabupaten is "already registered" and no more: no desa, no suspension, in validation and at the application', () => {
    const nik = proposal().members[1]!.nik!;
    for (const status of ['aktif', 'beku', 'ditangguhkan'] as const) {
      const holder = { householdId: 'h-far', memberId: 'm-far', desaCode: SEBERANG, status };
      const validation = validateUsulan({ type: 'baru', household: proposal() }, REF, { desaCode: DERATI, nikLookup: new Map([[nik, holder]]) });
      expect(validation.errors, status).toEqual([{ code: 'nik.registered', params: { member: 2 }, field: 'household.members.1.nik' }]);
      expect(reasonText(validation.errors[0]!)).toBe('NIK anggota ke-2 sudah terdaftar di register');
      const told = [...validation.errors, ...validation.warnings];
      expectNoNik(told);
      expect(JSON.stringify(told)).not.toContain('17.08');
    }
    // Within the kabupaten the desa is still named, so the operator can settle a ganda with the neighbour.
    const near = validateUsulan({ type: 'baru', household: proposal() }, REF, {
      desaCode: DERATI,
      nikLookup: new Map([[nik, { householdId: 'h-near', desaCode: TABA_ANYAR, status: 'aktif' as const }]]),
    });
    expect(near.errors[0]?.params).toEqual({ member: 2, desaCode: TABA_ANYAR });
  });
});
