import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMemberNik,
  formatIsoDate,
  jakartaDateOf,
  maskNik,
  NIK_REASON_CODES,
  nationalKecamatanCodes,
  parseNik,
  redactNiks,
  reasonText,
} from '../../../functions/src/domain/index.js';
import { nikOf, REF } from './factories.js';

const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe('parseNik: structure', () => {
  it('reads region, birth date, sex and serial of a man’s NIK', () => {
    expect(parseNik('1702061203840001', REF)).toEqual({
      ok: true,
      value: { issuingKecamatan: '17.02.06', birthDate: '1984-03-12', sex: 'L', serial: '0001' },
      warnings: [],
    });
  });

  it('reads a woman’s NIK: day + 40', () => {
    const r = parseNik('1702064507880002', REF);
    expect(r.ok && r.value).toMatchObject({ birthDate: '1988-07-05', sex: 'P' });
  });

  it.each([
    ['15 digits', '170206120384000'],
    ['17 digits', '17020612038400011'],
    ['letters', '17020612038400AB'],
    ['spaces', '1702 0612 0384 0001'],
    ['empty', ''],
  ])('rejects %s as nik.format with a Bahasa Indonesia message', (_label, nik) => {
    const r = parseNik(nik, REF);
    expect(r).toEqual({ ok: false, reasons: [{ code: 'nik.format', field: 'nik' }], warnings: [] });
    expect(!r.ok && reasonText(r.reasons[0]!)).toBe('NIK harus 16 digit angka');
    expect(!r.ok && reasonText(r.reasons[0]!, 'en')).toBe('The NIK must be 16 digits');
  });

  it.each([
    ['province below 11', '0902061203840001', 'nik.province'],
    ['kabupaten 00', '1700061203840001', 'nik.regency'],
    ['kabupaten 70 (neither kabupaten nor kota)', '1770061203840001', 'nik.regency'],
    ['kecamatan 00', '1702001203840001', 'nik.district'],
    ['day 00', '1702060003840001', 'nik.birth_day'],
    ['day 32', '1702063203840001', 'nik.birth_day'],
    ['day 40', '1702064003840001', 'nik.birth_day'],
    ['day 72', '1702067203840001', 'nik.birth_day'],
    ['month 00', '1702061200840001', 'nik.birth_month'],
    ['month 13', '1702061213840001', 'nik.birth_month'],
    ['30 February', '1702063002840001', 'nik.birth_date'],
    ['29 February of a non-leap year', '1702062902830001', 'nik.birth_date'],
    ['31 April for a woman (71)', '1702067104840001', 'nik.birth_date'],
    ['serial 0000', '1702061203840000', 'nik.serial'],
  ])('rejects %s', (_label, nik, code) => {
    const r = parseNik(nik, REF);
    expect(r.ok).toBe(false);
    expect(!r.ok && codes(r.reasons)).toEqual([code]);
  });

  it('accepts the edges: day 31, day 71 (woman, 31st), 29 February of a leap year, serial 9999', () => {
    expect(parseNik('1702063101840001', REF).ok).toBe(true);
    expect(parseNik('1702067101840001', REF).ok).toBe(true);
    expect(parseNik('1702062902840001', REF).ok).toBe(true);
    expect(parseNik('1702061203849999', REF).ok).toBe(true);
  });

  it('reports every fault at once, not only the first', () => {
    const r = parseNik('1700003513990000', REF);
    expect(!r.ok && codes(r.reasons)).toEqual(['nik.regency', 'nik.district', 'nik.birth_day', 'nik.birth_month', 'nik.serial']);
  });

  it('never puts the NIK itself in a message', () => {
    const nik = '1799993002840000';
    const r = parseNik(nik, REF);
    expect(!r.ok && r.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain(nik);
    for (const lang of ['id', 'en'] as const) expect(!r.ok && r.reasons.map((x) => reasonText(x, lang)).join(' ')).not.toContain(nik);
  });
});

describe('parseNik: issuing region exists (Kepmendagri data)', () => {
  it('rejects an unknown province', () => {
    const r = parseNik('2002061203840001', REF);
    expect(!r.ok && codes(r.reasons)).toEqual(['nik.province_unknown']);
  });

  it('rejects an unknown kabupaten in a known province (17.10 does not exist)', () => {
    const r = parseNik('1710011203840001', REF);
    expect(!r.ok && r.reasons).toEqual([expect.objectContaining({ code: 'nik.regency_unknown' })]);
    expect(!r.ok && reasonText(r.reasons[0]!)).toContain('17.10');
  });

  it('rejects 17.02.01: Rejang Lebong has no kecamatan 01 (its codes are 06–11 and 16–24)', () => {
    const r = parseNik('1702011203840001', REF);
    expect(!r.ok && codes(r.reasons)).toEqual(['nik.district_unknown']);
  });

  it('accepts every Rejang Lebong kecamatan, 17.02.06–11 and 16–24', () => {
    for (const cc of ['06', '07', '08', '09', '10', '11', '16', '17', '18', '19', '20', '21', '22', '23', '24']) {
      expect(parseNik(`1702${cc}1203840001`, REF).ok, cc).toBe(true);
    }
    expect(parseNik('1702121203840001', REF).ok).toBe(false);
  });

  it('keeps an old code as a warning when the kabupaten asks for it (Bulungan was 64.05 before 2012)', () => {
    const r = parseNik('6405011203840001', REF, { unknownRegion: 'warning' });
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['nik.regency_unknown']);
    expect(reasonText(r.warnings[0]!)).toContain('pemekaran');
    const k = parseNik('1702011203840001', REF, { unknownRegion: 'warning' });
    expect(k.ok && codes(k.warnings)).toEqual(['nik.district_unknown']);
  });

  it('an unknown province stays an error even in warning mode', () => {
    expect(parseNik('2002061203840001', REF, { unknownRegion: 'warning' }).ok).toBe(false);
  });

  it('checks against a given region list, or structure only with regions: null', () => {
    const regions = { hasProvince: (c: string) => c === '99', hasKabupaten: (c: string) => c === '99.01', hasKecamatan: (c: string) => c === '99.01.01' };
    expect(parseNik('9901011203840001', REF, { regions }).ok).toBe(true);
    expect(parseNik('1702061203840001', REF, { regions }).ok).toBe(false);
    expect(parseNik('1702011203840001', REF, { regions: null }).ok).toBe(true);
  });
});

describe('parseNik: century inferred against the reference date', () => {
  it('puts a date not after the reference date in this century, a later one in the previous', () => {
    const ref = new Date('2025-03-01T00:00:00+07:00');
    expect(parseNik('1702060101250001', ref).ok && (parseNik('1702060101250001', ref) as { value: { birthDate: string } }).value.birthDate).toBe('2025-01-01');
    const later = parseNik('1702060112250001', ref);
    expect(later.ok && later.value.birthDate).toBe('1925-12-01');
    const sameDay = parseNik('1702060103250001', ref);
    expect(sameDay.ok && sameDay.value.birthDate).toBe('2025-03-01');
  });

  it('uses the Jakarta calendar: 2025-02-28T17:30Z is already 1 March in Jakarta', () => {
    const r = parseNik('1702060103250001', new Date('2025-02-28T17:30:00Z'));
    expect(r.ok && r.value.birthDate).toBe('2025-03-01');
    const before = parseNik('1702060103250001', new Date('2025-02-28T16:30:00Z'));
    expect(before.ok && before.value.birthDate).toBe('1925-03-01');
  });
});

describe('checkMemberNik: agreement with the member', () => {
  const nik = nikOf('1988-07-05', 'P');

  it('accepts a NIK that matches birth date and sex', () => {
    expect(checkMemberNik({ nik, sex: 'P', birthDate: '1988-07-05' }, REF)).toEqual({ errors: [], warnings: [] });
  });

  it('flags a different birth date: "Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota"', () => {
    const r = checkMemberNik({ nik, sex: 'P', birthDate: '1988-07-06' }, REF, 'household.members.1.nik');
    expect(r.errors).toEqual([{ code: 'nik.birth_date_mismatch', field: 'household.members.1.nik' }]);
    expect(reasonText(r.errors[0]!)).toBe('Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota');
  });

  it('flags a different month or year too', () => {
    expect(codes(checkMemberNik({ nik, sex: 'P', birthDate: '1988-08-05' }, REF).errors)).toEqual(['nik.birth_date_mismatch']);
    expect(codes(checkMemberNik({ nik, sex: 'P', birthDate: '1989-07-05' }, REF).errors)).toEqual(['nik.birth_date_mismatch']);
  });

  it('compares only the two-digit year: a member born 1925 with a NIK read as 2025 is consistent', () => {
    const n = nikOf('1925-01-10', 'L');
    expect(checkMemberNik({ nik: n, sex: 'L', birthDate: '1925-01-10' }, REF).errors).toEqual([]);
  });

  it('flags a different sex (a woman’s NIK without the +40)', () => {
    const r = checkMemberNik({ nik: nikOf('1988-07-05', 'L'), sex: 'P', birthDate: '1988-07-05' }, REF);
    expect(codes(r.errors)).toEqual(['nik.sex_mismatch']);
    expect(reasonText(r.errors[0]!)).toContain('ditambah 40');
  });

  it('reports both mismatches together', () => {
    expect(codes(checkMemberNik({ nik, sex: 'L', birthDate: '1990-01-01' }, REF).errors)).toEqual(['nik.birth_date_mismatch', 'nik.sex_mismatch']);
  });

  it('skips the date comparison when the member’s own birth date is unreadable (the schema reports that)', () => {
    expect(checkMemberNik({ nik, sex: 'P', birthDate: 'kemarin' }, REF).errors).toEqual([]);
  });

  it('allows a member without NIK but flags it as a warning', () => {
    for (const missing of [null, '']) {
      expect(checkMemberNik({ nik: missing, sex: 'L', birthDate: '2016-01-30' }, REF, 'household.members.2.nik')).toEqual({
        errors: [],
        warnings: [{ code: 'nik.missing', field: 'household.members.2.nik' }],
      });
      expect(reasonText({ code: 'nik.missing' })).toBe('Anggota belum memiliki NIK; data tetap disimpan tetapi ditandai');
    }
  });

  it('puts structural errors and region warnings on the member’s field', () => {
    const bad = checkMemberNik({ nik: '1702061203840000', sex: 'L', birthDate: '1984-03-12' }, REF, 'm.0.nik');
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'nik.serial', field: 'm.0.nik' })]);
    const old = checkMemberNik({ nik: '6405011203840001', sex: 'L', birthDate: '1984-03-12' }, REF, 'm.0.nik', { unknownRegion: 'warning' });
    expect(old).toEqual({ errors: [], warnings: [expect.objectContaining({ code: 'nik.regency_unknown', field: 'm.0.nik' })] });
  });
});

describe('maskNik and redactNiks', () => {
  it('masks the middle eight digits', () => {
    expect(maskNik('1702061203840001')).toBe('1702••••••••0001');
    expect(maskNik(null)).toBe('—');
    expect(maskNik('123')).toBe('—');
  });

  it('masks 16-digit runs in free text, not longer or shorter numbers', () => {
    expect(redactNiks('NIK 1702061203840001 salah; telp 081234567890; rek 12345678901234567')).toBe(
      'NIK 1702••••••••0001 salah; telp 081234567890; rek 12345678901234567',
    );
  });

  it('masks a NIK typed in groups, with spaces, dots, dashes or slashes (issue 13, F10)', () => {
    for (const typed of ['1702 0612 0384 0001', '1702.0612.0384.0001', '1702-061203-840001', '170206 120384 0001', '1702/0612/0384/0001']) {
      expect(redactNiks(`Pak Budi (NIK ${typed}) pasang`), typed).toBe('Pak Budi (NIK 1702••••••••0001) pasang');
    }
    // A phone number with groups, or a date, is not a NIK.
    expect(redactNiks('telp 0812-3456-7890, lahir 12.03.1984')).toBe('telp 0812-3456-7890, lahir 12.03.1984');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const kecamatan = nationalKecamatanCodes();
const refDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true });

/** A real birth date within the 99 years before the reference date, as `YYYY-MM-DD`. */
function birthBefore(ref: Date) {
  const refMs = ref.getTime();
  return fc.integer({ min: 0, max: 99 * 365 }).map((days) => formatIsoDate(jakartaDateOf(new Date(refMs - days * 86_400_000))));
}

describe('NIK properties (fast-check)', () => {
  it('a NIK built from a real kecamatan, birth date, sex and serial parses back to exactly those', () => {
    fc.assert(
      fc.property(
        refDate.chain((ref) => fc.tuple(fc.constant(ref), birthBefore(ref))),
        fc.constantFrom(...kecamatan),
        fc.constantFrom<'L' | 'P'>('L', 'P'),
        fc.integer({ min: 1, max: 9999 }),
        ([ref, birthDate], kec, sex, serial) => {
          const nik = nikOf(birthDate, sex, { kecamatan: kec.replaceAll('.', ''), serial: String(serial).padStart(4, '0') });
          const r = parseNik(nik, ref);
          expect(r).toEqual({ ok: true, value: { issuingKecamatan: kec, birthDate, sex, serial: String(serial).padStart(4, '0') }, warnings: [] });
          expect(checkMemberNik({ nik, sex, birthDate }, ref)).toEqual({ errors: [], warnings: [] });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the wrong sex, or another birth date, is always caught', () => {
    fc.assert(
      fc.property(
        refDate.chain((ref) => fc.tuple(fc.constant(ref), birthBefore(ref), birthBefore(ref))),
        fc.constantFrom<'L' | 'P'>('L', 'P'),
        ([ref, birthDate, other], sex) => {
          const nik = nikOf(birthDate, sex);
          expect(codes(checkMemberNik({ nik, sex: sex === 'L' ? 'P' : 'L', birthDate }, ref).errors)).toEqual(['nik.sex_mismatch']);
          const otherErrors = codes(checkMemberNik({ nik, sex, birthDate: other }, ref).errors);
          const sameDdMmYy = other.slice(2) === birthDate.slice(2);
          expect(otherErrors).toEqual(sameDdMmYy ? [] : ['nik.birth_date_mismatch']);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any 16-digit string: never throws; accepted only if every rule holds; refused with known codes', () => {
    const known = new Set(kecamatan);
    fc.assert(
      // Half fully random, half with a real kecamatan so that acceptance is exercised too.
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\d{16}$/),
          fc.tuple(fc.constantFrom(...kecamatan), fc.stringMatching(/^\d{10}$/)).map(([k, rest]) => k.replaceAll('.', '') + rest),
        ),
        refDate,
        (nik, ref) => {
          const r = parseNik(nik, ref);
          if (r.ok) {
            const rawDay = Number(nik.slice(6, 8));
            expect(known.has(`${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`)).toBe(true);
            expect((rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71)).toBe(true);
            expect(r.value.sex).toBe(rawDay > 40 ? 'P' : 'L');
            expect(nik.slice(12)).not.toBe('0000');
            // The inferred birth date is a real date, not after the reference date, within 100 years.
            const refDay = formatIsoDate(jakartaDateOf(ref));
            expect(r.value.birthDate <= refDay).toBe(true);
            expect(Number(refDay.slice(0, 4)) - Number(r.value.birthDate.slice(0, 4))).toBeLessThanOrEqual(100);
          } else {
            expect(r.reasons.length).toBeGreaterThan(0);
            for (const reason of r.reasons) expect(NIK_REASON_CODES).toContain(reason.code);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a region-valid NIK with day/month/serial in range is refused only for an impossible date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kecamatan),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        refDate,
        (kec, day, month, yy, woman, ref) => {
          const nik = `${kec.replaceAll('.', '')}${String(woman ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(yy).padStart(2, '0')}0001`;
          const r = parseNik(nik, ref);
          if (!r.ok) expect(codes(r.reasons)).toEqual(['nik.birth_date']);
          else expect(Number(r.value.birthDate.slice(8))).toBe(day);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
