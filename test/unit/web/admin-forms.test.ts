import { describe, expect, it } from 'vitest';
import { checkProgramConfig, dayBefore, isoDateOn, programSchema, type Program } from '../../../functions/src/domain/index.js';
import { bandLabel, newVersionForm, openVersion, planNewVersion, versionState } from '../../../web/src/lib/admin/program-form.js';
import { formToPolicy, policyPreview, policyToForm, type PolicyForm } from '../../../web/src/lib/admin/policy-form.js';
import { newUserForm, operatorsByDesa, toCreateInput, toSetRoleInput } from '../../../web/src/lib/admin/user-form.js';
import { translator } from './messages.js';

const t = translator('id');
const en = translator('en');

describe('inviting and assigning people', () => {
  const operator = { ...newUserForm(), displayName: 'Operator Air Mundu', email: ' op.airmundu@tepat.test ', kecamatan: '17.02.10', desaCode: '17.02.10.2001' };

  it('an operator of one desa of this kabupaten', () => {
    expect(toCreateInput(operator, '17.02', t)).toEqual({
      input: { action: 'create', email: 'op.airmundu@tepat.test', displayName: 'Operator Air Mundu', role: 'operator', desaCode: '17.02.10.2001' },
      errors: {},
    });
    const verifikator = toCreateInput({ ...operator, role: 'verifikator', kecamatan: '', desaCode: '' }, '17.02', t).input!;
    expect(verifikator).toMatchObject({ role: 'verifikator' });
    // No desaCode key at all: a callable would send an undefined one as null, which the schema refuses.
    expect('desaCode' in verifikator).toBe(false);
  });

  it('each problem next to its field, in Bahasa Indonesia', () => {
    const { input, errors } = toCreateInput({ ...newUserForm(), email: 'bukan-email' }, '17.02', t);
    expect(input).toBeNull();
    expect(errors).toEqual({
      displayName: ['Nama wajib diisi'],
      email: ['Alamat email tidak valid'],
      kecamatan: ['Pilih kecamatan'],
      desaCode: ['Operator harus ditugaskan ke satu desa/kelurahan'],
    });
    expect(toCreateInput({ ...operator, kecamatan: '17.08.04', desaCode: '17.08.04.2001' }, '17.02', t).errors).toEqual({
      desaCode: ['Desa/kelurahan itu tidak berada di kabupaten Anda'],
    });
  });

  it('in English: the form words its own checks and the role rule’s reason, the shared schema keeps Bahasa Indonesia', () => {
    expect(toCreateInput({ ...newUserForm(), email: 'bukan-email' }, '17.02', en).errors).toEqual({
      displayName: ['Nama wajib diisi'],
      email: ['Alamat email tidak valid'],
      kecamatan: ['Choose a subdistrict'],
      desaCode: ['An operator must be assigned to one village'],
    });
  });

  it('changing a role checks the same things', () => {
    const kadis = toSetRoleInput('u1', { role: 'kadis', kecamatan: '', desaCode: '' }, '17.02', t);
    expect(kadis).toEqual({ input: { action: 'setRole', uid: 'u1', role: 'kadis' }, errors: {} });
    expect('desaCode' in kadis.input!).toBe(false);
    expect(toSetRoleInput('u1', { role: 'operator', kecamatan: '17.02.10', desaCode: '' }, '17.02', t).errors).toEqual({
      desaCode: ['Operator harus ditugaskan ke satu desa/kelurahan'],
    });
    expect(toSetRoleInput('', { role: 'admin', kecamatan: '', desaCode: '' }, '17.02', t).errors.role).toHaveLength(1);
  });

  it('knows which desa already have an active operator', () => {
    const map = operatorsByDesa([
      { displayName: 'A', role: 'operator', active: true, desaCode: '17.02.06.2001' },
      { displayName: 'B', role: 'operator', active: true, desaCode: '17.02.06.2001' },
      { displayName: 'C', role: 'operator', active: false, desaCode: '17.02.11.2003' },
      { displayName: 'D', role: 'verifikator', active: true, desaCode: null },
    ]);
    expect([...map]).toEqual([['17.02.06.2001', ['A', 'B']]]);
  });
});

const sembako: Program = {
  id: 'SEMBAKO',
  name: 'Sembako/BPNT',
  level: 'pusat',
  versions: [
    {
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      desilMin: 1,
      desilMax: 5,
      legalBasis: 'Kepmensos 79/HUK/2025',
      exclusions: { occupations: ['asn', 'tni', 'polri'] },
    },
  ],
};
const pkh: Program = {
  id: 'PKH',
  name: 'PKH',
  level: 'pusat',
  versions: [{ effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 4, legalBasis: 'Kepmensos 79/HUK/2025' }],
};
const TODAY = '2026-11-22';

describe('a new decree: a new version closes the one in force', () => {
  it('plans the change the callable accepts: the old version closed the day before, the new one open-ended', () => {
    const form = { ...newVersionForm(sembako, TODAY), desilMax: 4, legalBasis: 'Kepmensos 100/HUK/2026' };
    expect(form).toMatchObject({ effectiveFrom: TODAY, desilMin: 1, keepRules: true });
    const plan = planNewVersion(sembako, [sembako, pkh], form, TODAY, t);
    expect(plan.errors).toEqual({});
    expect(plan.closes).toEqual([{ effectiveFrom: '2025-01-01', effectiveTo: '2026-11-21' }]);
    expect(plan.program!.versions).toEqual([
      { ...sembako.versions[0], effectiveTo: '2026-11-21' },
      {
        effectiveFrom: TODAY,
        effectiveTo: null,
        desilMin: 1,
        desilMax: 4,
        legalBasis: 'Kepmensos 100/HUK/2026',
        exclusions: { occupations: ['asn', 'tni', 'polri'] },
      },
    ]);
    expect(programSchema.safeParse(plan.program).success).toBe(true);
    expect(checkProgramConfig([plan.program!, pkh])).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('without carrying over the rules, and with a start date in the future', () => {
    const plan = planNewVersion(
      sembako,
      [sembako],
      { effectiveFrom: '2027-01-01', desilMin: 1, desilMax: 3, legalBasis: 'Kepmensos 5/HUK/2026', keepRules: false },
      TODAY,
      t,
    );
    expect(plan.program!.versions[1]).toEqual({ effectiveFrom: '2027-01-01', effectiveTo: null, desilMin: 1, desilMax: 3, legalBasis: 'Kepmensos 5/HUK/2026' });
    expect(plan.closes).toEqual([{ effectiveFrom: '2025-01-01', effectiveTo: '2026-12-31' }]);
    expect(plan.notes[0]).toContain('tetap berlaku sampai 2026-12-31');
    const english = planNewVersion(sembako, [sembako], { effectiveFrom: '2027-01-01', desilMin: 1, desilMax: 3, legalBasis: ' ', keepRules: false }, TODAY, en);
    expect(english.errors.legalBasis).toEqual(['The legal basis is required (e.g. the number of the Kepmensos or Perbup)']);
  });

  it('a start date in the past is allowed, with a note', () => {
    expect(
      planNewVersion(sembako, [sembako], { effectiveFrom: '2026-06-01', desilMin: 1, desilMax: 3, legalBasis: 'X', keepRules: true }, TODAY, t).notes[0],
    ).toContain('sudah lewat');
  });

  it('every problem next to its field', () => {
    expect(
      planNewVersion(sembako, [sembako], { effectiveFrom: '2024-12-01', desilMin: 5, desilMax: 3, legalBasis: ' ', keepRules: true }, TODAY, t).errors,
    ).toEqual({
      effectiveFrom: ['Tanggal mulai harus sesudah 2025-01-01, awal ketentuan yang terakhir tersimpan'],
      legalBasis: ['Dasar hukum wajib diisi (mis. nomor Kepmensos atau Perbup)'],
      desilMin: ['Batas bawah desil tidak boleh melebihi batas atas'],
    });
    expect(planNewVersion(sembako, [sembako], { effectiveFrom: '', desilMin: null, desilMax: 11, legalBasis: 'X', keepRules: true }, TODAY, t).errors).toEqual({
      desilMin: ['Batas bawah desil wajib diisi'],
      desilMax: ['Batas atas desil harus bilangan bulat 1–10'],
      effectiveFrom: ['Tanggal tidak valid (format TTTT-BB-HH)'],
    });
    const plan = planNewVersion(sembako, [sembako], { effectiveFrom: '2025-01-01', desilMin: 1, desilMax: 3, legalBasis: 'X', keepRules: true }, TODAY, t);
    expect(plan.program).toBeNull();
    expect(plan.errors.effectiveFrom).toHaveLength(1);
  });

  it('versions in force, ended and coming; dates across months and years', () => {
    expect(versionState({ effectiveFrom: '2025-01-01', effectiveTo: null }, TODAY)).toBe('berlaku');
    expect(versionState({ effectiveFrom: '2025-01-01', effectiveTo: '2026-11-21' }, TODAY)).toBe('berakhir');
    expect(versionState({ effectiveFrom: '2025-01-01', effectiveTo: TODAY }, TODAY)).toBe('berlaku');
    expect(versionState({ effectiveFrom: '2027-01-01', effectiveTo: null }, TODAY)).toBe('akan_berlaku');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('bukan tanggal')).toBe('bukan tanggal');
    expect(isoDateOn(new Date('2026-11-21T18:30:00Z'))).toBe('2026-11-22');
    expect(openVersion(sembako)?.effectiveFrom).toBe('2025-01-01');
    expect(bandLabel({ desilMin: 1, desilMax: 1 }, t)).toBe('desil 1');
    expect(bandLabel({ desilMin: 1, desilMax: 4 }, t)).toBe('desil 1–4');
    expect(bandLabel({ desilMin: 1, desilMax: 4 }, en)).toBe('deciles 1–4');
  });
});

describe('the kabupaten policy form', () => {
  const stored = { staleness: { warnAfterMonths: [2, 1], freezeAfterMonths: 3, cutoffDay: null }, approval: 'dua_tingkat' as const };

  it('round-trips a stored policy, filling the defaults it lacks', () => {
    const form = policyToForm(stored);
    expect(form).toEqual({
      freezeAfterMonths: 3,
      warnAfterMonths: [1, 2],
      cutoff: 'akhir_bulan',
      cutoffDay: 17,
      approval: 'dua_tingkat',
      route: 'usulan_baru',
      maxReactivations: 2,
      unknownNikRegion: 'error',
    });
    expect(formToPolicy(form, t)).toEqual({
      policy: {
        staleness: { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: null },
        suspension: { route: 'usulan_baru', maxReactivations: 2 },
        approval: 'dua_tingkat',
        unknownNikRegion: 'error',
      },
      errors: {},
    });
    expect(policyToForm(null).freezeAfterMonths).toBe(3);
  });

  it('a cut-off day, single-level approval and the reactivation route', () => {
    const form: PolicyForm = {
      ...policyToForm(stored),
      cutoff: 'tanggal',
      cutoffDay: 17,
      approval: 'satu_tingkat',
      route: 'reaktivasi',
      maxReactivations: 1,
      unknownNikRegion: 'warning',
    };
    expect(formToPolicy(form, t).policy).toEqual({
      staleness: { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: 17 },
      suspension: { route: 'reaktivasi', maxReactivations: 1 },
      approval: 'satu_tingkat',
      unknownNikRegion: 'warning',
    });
  });

  it('every problem next to its field', () => {
    expect(formToPolicy({ ...policyToForm(stored), warnAfterMonths: [1, 4] }, t).errors).toEqual({
      warnAfterMonths: ['Peringatan harus sebelum batas data beku'],
    });
    expect(
      formToPolicy({ ...policyToForm(stored), freezeAfterMonths: null, cutoff: 'tanggal', cutoffDay: 30, route: 'reaktivasi', maxReactivations: 0 }, t).errors,
    ).toEqual({
      freezeAfterMonths: ['Isi jumlah bulan 1–24'],
      cutoffDay: ['Tanggal cut-off harus 1–28 (agar ada di setiap bulan)'],
      maxReactivations: ['Batas reaktivasi harus 1–10 kali'],
    });
    expect(formToPolicy({ ...policyToForm(stored), cutoff: 'tanggal', cutoffDay: 30 }, en).errors).toEqual({
      cutoffDay: ['The cut-off day must be 1–28 (so that every month has it)'],
    });
  });

  it('says in dates what the policy means for a household verified today', () => {
    const now = new Date('2026-11-22T05:00:00Z');
    expect(policyPreview(formToPolicy(policyToForm(stored), t).policy!, now)).toEqual({
      cycleEnds: '2026-11-30',
      warnings: [
        { months: 1, from: '2027-01-01' },
        { months: 2, from: '2027-02-01' },
      ],
      freezesOn: '2027-03-01',
    });
    const cutoff = formToPolicy({ ...policyToForm(stored), cutoff: 'tanggal', cutoffDay: 17 }, t).policy!;
    expect(policyPreview(cutoff, now)).toMatchObject({ cycleEnds: '2026-12-17', freezesOn: '2027-03-18' });
  });
});
