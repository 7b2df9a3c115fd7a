import { describe, expect, it } from 'vitest';
import { reasonText, type NikIndexEntry, type UsulanContent } from '../../../../functions/src/domain/index.js';
import {
  earlierPendingTransfer,
  needsValidation,
  planTakeBack,
  planValidation,
  SERVER_TIME,
  takenBack,
  TAKE_BACK_LIMIT,
  validationReads,
  type StoredUsulan,
  type ValidationInput,
} from '../../../../functions/src/domain/plans/index.js';
import { DERATI, proposal, REF, storedHousehold, TABA_ANYAR } from './documents.js';

/** The validation of a submitted usulan (domain/plans/validation.ts), without an emulator. */
const submittedAt = new Date('2025-06-15T04:00:00Z');

function usulan(content: UsulanContent, overrides: Partial<StoredUsulan> = {}): StoredUsulan {
  return {
    ...content,
    musyawarahId: 'mus-1',
    desaCode: DERATI,
    kecamatanCode: '17.02.06',
    kabupatenCode: '17.02',
    status: 'diajukan',
    createdBy: 'uid-operator',
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    validation: null,
    decisions: [],
    outcome: null,
    ...overrides,
  } as StoredUsulan;
}
const pindah: UsulanContent = { type: 'pindah_masuk', householdId: 'h-1', fromDesaCode: TABA_ANYAR, address: 'Jl. Derati No. 5', note: 'Pindah ikut keluarga' };
const validation = (overrides: Partial<ValidationInput> & Pick<ValidationInput, 'usulan'>) =>
  planValidation({ usulanId: 'u-2', household: null, nikIndex: new Map(), policy: null, pendingTransfers: [], now: REF, ...overrides });

describe('planValidation', () => {
  it('passes a correct baru with its notes, for this submission', () => {
    const plan = validation({ usulan: usulan({ type: 'baru', household: proposal() }) });
    expect(plan.ok).toBe(true);
    expect(plan.update).toEqual({
      status: 'diajukan',
      validation: {
        ok: true,
        errors: [],
        warnings: [expect.objectContaining({ code: 'nik.missing', field: 'household.members.2.nik' })],
        checkedAt: SERVER_TIME,
        forSubmission: submittedAt.getTime(),
      },
      updatedAt: SERVER_TIME,
    });
    expect(plan.audit).toEqual({
      actorUid: 'sistem',
      actorRole: 'sistem',
      action: 'usulan.lolos_validasi',
      target: { collection: 'usulan', id: 'u-2' },
      kabupatenCode: '17.02',
      desaCode: DERATI,
      summary: 'Usulan baru lolos validasi (1 catatan)',
    });
  });

  it('audits each NIK the register already holds, for the proposer’s Dinas, without the NIK; another kabupaten’s desa is not named (issue 13, F7)', () => {
    const [a, b] = proposal().members.map((m) => m.nik!);
    const nikIndex = new Map<string, NikIndexEntry>([
      [a!, { householdId: 'h-9', desaCode: TABA_ANYAR, status: 'aktif' }],
      [b!, { householdId: 'h-far', desaCode: '17.08.01.2001', status: 'keluar' }],
    ]);
    const plan = validation({ usulan: usulan({ type: 'baru', household: proposal() }), nikIndex });
    expect(plan.nikAudits).toEqual([
      {
        actorUid: 'uid-operator',
        actorRole: 'operator',
        action: 'usulan.nik_sudah_terdaftar',
        target: { collection: 'households', id: 'h-9' },
        kabupatenCode: '17.02',
        desaCode: DERATI,
        summary: `Usulan baru u-2: NIK anggota ke-1 sudah ada di register (desa ${TABA_ANYAR})`,
      },
      expect.objectContaining({
        target: { collection: 'households', id: 'h-far' },
        summary: 'Usulan baru u-2: NIK anggota ke-2 sudah ada di register (kabupaten/kota lain)',
      }),
    ]);
    expect(JSON.stringify(plan.nikAudits)).not.toMatch(/\d{16}/);
    // A NIK nobody holds leaves no trace.
    expect(validation({ usulan: usulan({ type: 'baru', household: proposal() }) }).nikAudits).toEqual([]);
  });

  it('an usulan taken back more than TAKE_BACK_LIMIT times is refused without asking the register (issue 13, F7)', () => {
    const nikIndex = new Map<string, NikIndexEntry>([[proposal().members[0]!.nik!, { householdId: 'h-9', desaCode: TABA_ANYAR, status: 'aktif' }]]);
    const atLimit = validation({ usulan: usulan({ type: 'baru', household: proposal() }), nikIndex, takeBacks: TAKE_BACK_LIMIT });
    expect(atLimit.update.validation.errors.map((e) => e.code)).toEqual(['nik.registered']);
    const over = validation({ usulan: usulan({ type: 'baru', household: proposal() }), nikIndex, takeBacks: TAKE_BACK_LIMIT + 1 });
    expect(over.ok).toBe(false);
    expect(over.update.validation.errors).toEqual([{ code: 'usulan.takeback_limit', params: { takeBacks: 4, limit: 3 } }]);
    expect(over.nikAudits).toEqual([]);
    expect(reasonText(over.update.validation.errors[0]!)).toMatch(/^Usulan ini sudah 4 kali ditarik untuk diperbaiki \(batasnya 3 kali\)/);
  });

  it('fails a baru whose NIK is registered elsewhere (the shared conflict check), naming the codes in the audit', () => {
    const nikIndex = new Map<string, NikIndexEntry>([[proposal().members[0]!.nik!, { householdId: 'h-9', desaCode: TABA_ANYAR, status: 'aktif' }]]);
    const plan = validation({ usulan: usulan({ type: 'baru', household: proposal() }), nikIndex });
    expect(plan.ok).toBe(false);
    expect(plan.update.status).toBe('tidak_lolos_validasi');
    expect(plan.update.validation.errors).toEqual([{ code: 'nik.registered', params: { member: 1, desaCode: TABA_ANYAR }, field: 'household.members.0.nik' }]);
    expect(plan.audit).toMatchObject({ action: 'usulan.tidak_lolos_validasi', summary: 'Usulan baru tidak lolos validasi: nik.registered' });
  });

  it('fails an usulan about a household the register does not have', () => {
    const plan = validation({ usulan: usulan(pindah) });
    expect(plan.update.validation.errors).toEqual([{ code: 'usulan.household_missing', params: {}, field: 'householdId' }]);
    expect(reasonText(plan.update.validation.errors[0]!)).toBe('Keluarga yang diusulkan tidak ada di register');
  });

  it('a pindah masuk of a family another pending usulan proposes to take first fails; the first one passes', () => {
    const household = storedHousehold({ desaCode: TABA_ANYAR });
    const earlier = { id: 'u-1', submittedAt: new Date(submittedAt.getTime() - 60_000) };
    const later = validation({ usulan: usulan(pindah), household, pendingTransfers: [earlier, { id: 'u-2', submittedAt }] });
    expect(later.update.validation.errors).toEqual([{ code: 'pindah.pending_elsewhere', params: {}, field: 'householdId' }]);
    expect(reasonText(later.update.validation.errors[0]!)).toBe(
      'Keluarga ini sudah diusulkan pindah masuk dalam usulan lain yang masih menunggu keputusan Dinas Sosial',
    );
    const first = validation({
      usulan: usulan(pindah),
      household,
      pendingTransfers: [
        { id: 'u-3', submittedAt: new Date(submittedAt.getTime() + 1) },
        { id: 'u-4', submittedAt: null },
      ],
    });
    expect(first.ok).toBe(true);
  });

  it('the kabupaten’s policy decides the NIK region strictness', () => {
    const oldRegion = proposal({ members: [{ ...proposal().members[0]!, nik: '6405011203840001' }] });
    const strict = validation({ usulan: usulan({ type: 'baru', household: oldRegion }) });
    expect(strict.update.validation.errors.map((e) => e.code)).toEqual(['nik.regency_unknown']);
    const soft = validation({
      usulan: usulan({ type: 'baru', household: oldRegion }),
      policy: { staleness: { warnAfterMonths: [1], freezeAfterMonths: 3, cutoffDay: null }, unknownNikRegion: 'warning' },
    });
    expect(soft.ok).toBe(true);
  });

  it('refuses to plan an usulan that was never submitted', () => {
    expect(() => validation({ usulan: usulan({ type: 'baru', household: proposal() }, { submittedAt: null }) })).toThrow(/submitted/);
  });
});

describe('what the validation reads and when it runs', () => {
  it('reads the household of every type but baru, the NIKs of baru and perbaikan, and other transfers for a pindah masuk', () => {
    const [kepala, istri] = proposal().members;
    expect(validationReads(usulan({ type: 'baru', household: proposal() }))).toEqual({
      householdId: null,
      niks: [kepala!.nik, istri!.nik],
      pendingTransfersOf: null,
    });
    expect(validationReads(usulan({ type: 'perbaikan', householdId: 'h-1', household: proposal(), note: 'Koreksi data' }))).toMatchObject({
      householdId: 'h-1',
      niks: [kepala!.nik, istri!.nik],
    });
    expect(validationReads(usulan(pindah))).toEqual({ householdId: 'h-1', niks: [], pendingTransfersOf: 'h-1' });
    expect(validationReads({ type: 'entah' })).toEqual({ householdId: null, niks: [], pendingTransfersOf: null });
  });

  it('runs once per submission', () => {
    const doc = usulan({ type: 'baru', household: proposal() });
    expect(needsValidation(doc)).toBe(true);
    expect(needsValidation({ ...doc, validation: { ok: true, errors: [], warnings: [], checkedAt: REF, forSubmission: submittedAt.getTime() } })).toBe(false);
    expect(needsValidation({ ...doc, validation: { ok: false, errors: [], warnings: [], checkedAt: REF, forSubmission: submittedAt.getTime() - 1 } })).toBe(
      true,
    );
    expect(needsValidation({ ...doc, status: 'draft' })).toBe(false);
    expect(needsValidation({ ...doc, submittedAt: null })).toBe(false);
  });

  it('orders competing transfers by submission, then id', () => {
    const at = (ms: number) => new Date(submittedAt.getTime() + ms);
    expect(earlierPendingTransfer('u-2', submittedAt, [{ id: 'u-2', submittedAt }])).toBe(false);
    expect(earlierPendingTransfer('u-2', submittedAt, [{ id: 'u-9', submittedAt: at(-1) }])).toBe(true);
    expect(earlierPendingTransfer('u-2', submittedAt, [{ id: 'u-1', submittedAt }])).toBe(true);
    expect(earlierPendingTransfer('u-2', submittedAt, [{ id: 'u-3', submittedAt }])).toBe(false);
  });
});

describe('taking back an usulan that failed validation', () => {
  it('is a move from tidak_lolos_validasi to draft, audited once per failed submission with the codes being corrected', () => {
    const failed = usulan(
      { type: 'baru', household: proposal() },
      {
        status: 'tidak_lolos_validasi',
        validation: {
          ok: false,
          errors: [{ code: 'nik.registered', params: { member: 1, desaCode: TABA_ANYAR } }],
          warnings: [],
          checkedAt: REF,
          forSubmission: 1234,
        },
      },
    );
    expect(takenBack(failed, { status: 'draft' })).toBe(true);
    expect(takenBack({ status: 'diajukan' }, { status: 'draft' })).toBe(false);
    expect(planTakeBack('u-2', failed)).toEqual({
      entryId: 'u-2-ditarik-1234',
      audit: {
        actorUid: `operator:${DERATI}`,
        actorRole: 'operator',
        action: 'usulan.ditarik_untuk_perbaikan',
        target: { collection: 'usulan', id: 'u-2' },
        kabupatenCode: '17.02',
        desaCode: DERATI,
        summary: 'Usulan baru yang tidak lolos validasi ditarik untuk diperbaiki (nik.registered)',
      },
    });
    expect(planTakeBack('u-2', { ...failed, validation: null }).entryId).toBe(`u-2-ditarik-${submittedAt.getTime()}`);
    expect(planTakeBack('u-2', { ...failed, validation: null, submittedAt: null })).toMatchObject({
      entryId: 'u-2-ditarik-0',
      audit: { summary: 'Usulan baru yang tidak lolos validasi ditarik untuk diperbaiki' },
    });
  });
});
