import { describe, expect, it } from 'vitest';
import { decideHousehold, reasonText } from '../../../../functions/src/domain/index.js';
import {
  planSticker,
  planVerval,
  receivesSticker,
  SERVER_TIME,
  vervalNeedsPrograms,
  type FieldReportPlan,
  type VervalInput,
} from '../../../../functions/src/domain/plans/index.js';
import { DERATI, inForce, REF, storedHousehold, TABA_ANYAR } from './documents.js';

/** Reports from the field (domain/plans/field-reports.ts): verval and sticker, without an emulator. */
const applied = (plan: FieldReportPlan) => {
  if (!plan.ok) throw new Error(`expected the report to apply, got ${plan.reason.code}`);
  return plan;
};
const refused = (plan: FieldReportPlan) => {
  if (plan.ok) throw new Error('expected a refusal');
  return plan.reason;
};

describe('planVerval', () => {
  const lastVerval = new Date('2025-05-02T03:00:00Z');
  const report = (overrides: Partial<VervalInput['report']> = {}): VervalInput['report'] => ({
    result: 'sesuai',
    note: '',
    by: 'uid-operator',
    desaCode: DERATI,
    visitedAt: new Date('2025-06-14T02:00:00Z'),
    ...overrides,
  });
  const verval = (overrides: Partial<VervalInput> = {}) =>
    planVerval({ householdId: 'h-1', report: report(), household: storedHousehold({ lastVervalAt: lastVerval }), programs: null, now: REF, ...overrides });

  it('restarts the staleness clock from the visit, and audits it without the note, which stays on the report (issue 13, F10)', () => {
    const plan = applied(verval({ report: report({ result: 'diperbaiki', note: 'Alamat baru, NIK istri 1702 0645 0788 0002' }) }));
    expect(plan.update).toEqual({
      lastVervalAt: new Date('2025-06-14T02:00:00Z'),
      staleness: { level: 'ok', missed: 0, freezesAt: null },
      updatedAt: SERVER_TIME,
    });
    expect(plan.audit).toEqual({
      actorUid: 'uid-operator',
      actorRole: 'operator',
      action: 'keluarga.verval',
      target: { collection: 'households', id: 'h-1' },
      kabupatenCode: '17.02',
      desaCode: DERATI,
      summary: 'Verval: diperbaiki; dengan catatan',
    });
    expect(JSON.stringify(plan)).not.toMatch(/1702|0645|Alamat baru/);
  });

  it('a frozen household is active again with its eligibility decided again (the programs are read for it)', () => {
    const frozen = storedHousehold({ status: 'beku', statusReason: { code: 'household.beku', params: { missed: 3, limit: 3 } }, lastVervalAt: lastVerval });
    expect(vervalNeedsPrograms(frozen)).toBe(true);
    expect([vervalNeedsPrograms(storedHousehold()), vervalNeedsPrograms(null)]).toEqual([false, false]);
    const programs = inForce();
    const plan = applied(verval({ household: frozen, programs }));
    expect(plan.update).toMatchObject({ status: 'aktif', statusReason: null, eligibility: decideHousehold({ ...frozen, status: 'aktif' }, programs) });
    expect(plan.update.eligibility!.PKH!.eligible).toBe(true);
    expect(plan.audit).toMatchObject({ action: 'keluarga.verval_aktif_kembali', summary: 'Verval: sesuai; data beku diaktifkan kembali' });
    expect(() => verval({ household: frozen, programs: null })).toThrow(/programs/);
  });

  it('a device clock in the future counts as the moment the report arrived; an older visit does not move the clock back', () => {
    expect(applied(verval({ report: report({ visitedAt: new Date('2025-07-30T00:00:00Z') }) })).update.lastVervalAt).toEqual(REF);
    const older = applied(verval({ report: report({ visitedAt: new Date('2025-04-01T00:00:00Z') }) }));
    expect(older.update).toEqual({ updatedAt: SERVER_TIME });
    expect(older.audit.summary).toBe('Verval: sesuai (kunjungan lebih lama dari verval terakhir)');
  });

  it('keeps the report, refused with the reason, when it is invalid or the household is not (any more) one it can apply to', () => {
    const invalid = refused(verval({ report: report({ result: 'entah' as never }) }));
    expect(invalid).toEqual({ code: 'verval.invalid', params: { field: 'result', issue: 'Pilih hasil verval: data sesuai atau diperbaiki' } });
    expect(reasonText(invalid)).toBe('Pilih hasil verval: data sesuai atau diperbaiki');
    expect(reasonText(invalid, 'en')).toBe('The verval report is not valid (field result).');
    expect(reasonText({ code: 'verval.invalid', params: {} })).toBe('Data verval tidak valid.');
    const cases: [VervalInput['household'], string, string][] = [
      [null, 'verval.not_in_desa', 'Keluarga ini tidak lagi terdaftar di desa Anda; verval tidak diterapkan.'],
      [storedHousehold({ desaCode: TABA_ANYAR }), 'verval.not_in_desa', 'Keluarga ini tidak lagi terdaftar di desa Anda; verval tidak diterapkan.'],
      [storedHousehold({ status: 'keluar' }), 'verval.household_left', 'Keluarga ini sudah keluar dari register; verval tidak diterapkan.'],
      [storedHousehold({ status: 'ditangguhkan' }), 'verval.household_suspended', 'Keluarga ini ditangguhkan; kembalinya melalui usulan, bukan verval.'],
    ];
    for (const [household, code, text] of cases) {
      const reason = refused(verval({ household }));
      expect(reason).toEqual({ code });
      expect(reasonText(reason)).toBe(text);
      expect(reasonText(reason, 'en')).not.toBe(text);
    }
  });
});

describe('planSticker', () => {
  const recipient = () => storedHousehold();
  const sticker = (overrides: Partial<Parameters<typeof planSticker>[0]> = {}) =>
    planSticker({
      householdId: 'h-1',
      report: { installedOn: '2025-06-15', by: 'Pendamping PKH', recordedBy: 'uid-operator', desaCode: DERATI },
      household: recipient(),
      now: REF,
      ...overrides,
    });

  it('a NIK typed into the installer’s name, even in groups, is masked where it is kept and in the audit (issue 13, F10)', () => {
    const plan = applied(sticker({ report: { installedOn: '2025-06-15', by: 'Budi 1702.0612.0384.0001', recordedBy: 'uid-operator', desaCode: DERATI } }));
    expect(plan.update).toMatchObject({ sticker: { by: 'Budi 1702••••••••0001' } });
    expect(plan.audit.summary).toBe('Stiker bansos terpasang 2025-06-15 oleh Budi 1702••••••••0001');
  });

  it('records the day and who put it up on an active recipient household', () => {
    expect(receivesSticker(recipient())).toBe(true);
    const plan = applied(sticker());
    expect(plan.update).toEqual({ sticker: { installedOn: '2025-06-15', by: 'Pendamping PKH' }, updatedAt: SERVER_TIME });
    expect(plan.audit).toEqual({
      actorUid: 'uid-operator',
      actorRole: 'operator',
      action: 'keluarga.stiker',
      target: { collection: 'households', id: 'h-1' },
      kabupatenCode: '17.02',
      desaCode: DERATI,
      summary: 'Stiker bansos terpasang 2025-06-15 oleh Pendamping PKH',
    });
  });

  it('keeps the report, refused with the reason: an invalid day, a day after the report arrived (Jakarta calendar), another desa, not an active recipient', () => {
    const report = (installedOn: string, desaCode = DERATI) => ({ installedOn, by: 'Operator', recordedBy: 'uid-operator', desaCode });
    const invalid = refused(sticker({ report: report('2025-02-30') }));
    expect(invalid).toMatchObject({ code: 'sticker.invalid', params: { field: 'installedOn' } });
    expect(reasonText(invalid)).toMatch(/^[A-Z]/);
    expect(reasonText({ code: 'sticker.invalid', params: {} })).toBe('Data stiker tidak valid.');
    // REF is 15 June 12:00 WIB: the 16th is tomorrow in Jakarta.
    expect(refused(sticker({ report: report('2025-06-16') }))).toEqual({ code: 'sticker.future' });
    expect(refused(sticker({ report: report('2025-06-15', TABA_ANYAR) }))).toEqual({ code: 'sticker.not_in_desa' });
    expect(refused(sticker({ household: null }))).toEqual({ code: 'sticker.not_in_desa' });
    const rich = storedHousehold({ desil: 9 });
    expect(receivesSticker(rich)).toBe(false);
    expect(refused(sticker({ household: rich }))).toEqual({ code: 'sticker.not_recipient' });
    expect(reasonText(refused(sticker({ household: storedHousehold({ status: 'beku' }) })))).toBe(
      'Stiker hanya untuk rumah keluarga penerima bansos yang aktif.',
    );
  });
});
