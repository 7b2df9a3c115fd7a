import { describe, expect, it } from 'vitest';
import {
  appendKkChange,
  compareMembersByNik,
  currentKk,
  kkHistoryEntrySchema,
  startKkHistory,
  validateKkNumber,
  type KkHistoryEntry,
  reasonText,
} from '../../../functions/src/domain/index.js';
import { REF } from './factories.js';

const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe('KK number', () => {
  it('reads region, recording date and serial', () => {
    expect(validateKkNumber('1702061203150007', REF)).toEqual({
      errors: [],
      warnings: [],
      value: { issuingKecamatan: '17.02.06', recordedOn: '2015-03-12', serial: '0007' },
    });
  });

  it.each([
    ['not 16 digits', '17020612031500', ['kk.format']],
    ['a region that cannot be', '1700061203150007', ['kk.region']],
    ['province below 11', '0902061203150007', ['kk.region']],
    ['kecamatan 00', '1702001203150007', ['kk.region']],
    ['a region missing from the Kemendagri data', '1702011203150007', ['kk.region_unknown']],
    ['an impossible date', '1702063102150007', ['kk.date']],
    ['month 13', '1702061213150007', ['kk.date']],
    ['serial 0000', '1702061203150000', ['kk.serial']],
    ['all of region, date and serial', '1700003213150000', ['kk.region', 'kk.date', 'kk.serial']],
  ])('rejects %s', (_label, kk, expected) => {
    const { errors } = validateKkNumber(kk, REF, 'household.kkNumber');
    expect(codes(errors)).toEqual(expected);
    expect(errors.every((r) => r.field === 'household.kkNumber' && reasonText(r).length > 10)).toBe(true);
    expect(validateKkNumber(kk, REF).value).toBeNull();
  });

  it('infers the century of the recording date against the reference date', () => {
    expect(validateKkNumber('1702060101990007', REF).value?.recordedOn).toBe('1999-01-01');
    expect(validateKkNumber('1702060101250007', REF).value?.recordedOn).toBe('2025-01-01');
  });

  it('can keep an unknown region as a warning, or check structure only', () => {
    expect(validateKkNumber('6405011203150007', REF, 'kk', { unknownRegion: 'warning' })).toMatchObject({
      errors: [],
      warnings: [expect.objectContaining({ code: 'kk.region_unknown', field: 'kk' })],
    });
    expect(validateKkNumber('6405011203150007', REF, 'kk', { regions: null }).errors).toEqual([]);
  });
});

describe('KK history (the KK number changes; NIK is the person key)', () => {
  const first = startKkHistory('1702061203150007', new Date('2020-05-01T03:00:00Z'), 'u1');

  it('starts with the registration entry on the Jakarta date', () => {
    expect(first).toEqual([{ kkNumber: '1702061203150007', since: '2020-05-01', reason: 'pendaftaran', sourceUsulanId: 'u1' }]);
    expect(kkHistoryEntrySchema.safeParse(first[0]).success).toBe(true);
    expect(kkHistoryEntrySchema.safeParse({ ...first[0], since: '2020-02-30' }).success).toBe(false);
  });

  it('appends a change, which is then the KK in force', () => {
    const change: KkHistoryEntry = { kkNumber: '1702091503230002', since: '2023-03-15', reason: 'pindah', sourceUsulanId: 'u2' };
    const r = appendKkChange(first, change);
    expect(r.ok).toBe(true);
    const history = r.ok ? r.history : [];
    expect(history).toHaveLength(2);
    expect(first).toHaveLength(1); // the input is not modified
    expect(currentKk(history)?.kkNumber).toBe('1702091503230002');
    expect(history[0]).toEqual(first[0]);
  });

  it('refuses the number already in force, and a change dated before the current one', () => {
    const same = appendKkChange(first, { ...first[0]!, since: '2024-01-01', reason: 'perubahan_data' });
    expect(!same.ok && same.reason.code).toBe('kk.unchanged');
    const early = appendKkChange(first, { kkNumber: '1702091503230002', since: '2019-01-01', reason: 'pindah', sourceUsulanId: null });
    expect(!early.ok && early.reason.code).toBe('kk.history_order');
    expect(early.ok ? null : early.reason.params).toEqual({ since: '2020-05-01' });
    expect(early.ok ? '' : reasonText(early.reason)).toBe('Tanggal berlaku KK baru tidak boleh sebelum 2020-05-01');
    expect(early.ok ? '' : reasonText(early.reason, 'en')).toBe('The new KK cannot take effect before 2020-05-01');
  });

  it('an empty history has no current KK and accepts a first entry', () => {
    expect(currentKk([])).toBeNull();
    expect(appendKkChange([], first[0]!).ok).toBe(true);
  });

  it('matches members across a KK change by NIK: joined, left, stayed, and those without NIK apart', () => {
    const before = [
      { nik: '1702061203840001', name: 'Sutrisno' },
      { nik: '1702064507880002', name: 'Rahmawati' },
      { nik: null, name: 'Dimas' },
    ];
    const after = [
      { nik: '1702064507880002', name: 'Rahmawati' },
      { nik: '1702060101200003', name: 'Bayi' },
      { nik: null, name: 'Dimas' },
    ];
    const diff = compareMembersByNik(before, after);
    expect(diff.joined.map((m) => m.name)).toEqual(['Bayi']);
    expect(diff.left.map((m) => m.name)).toEqual(['Sutrisno']);
    expect(diff.stayed.map((s) => s.after.name)).toEqual(['Rahmawati']);
    expect(diff.unmatched).toEqual({ before: [before[2]], after: [after[2]] });
  });
});
