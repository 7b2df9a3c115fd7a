import { describe, expect, it } from 'vitest';
import {
  eligibility,
  evaluateEligibility,
  type EligibilityMember,
  type HouseholdStatus,
  type ProgramDecision,
} from '../../../functions/src/domain/index.js';
import { defaultPrograms, eligibilityMember, program, REF } from './factories.js';

const verdicts = (ds: ProgramDecision[]) => Object.fromEntries(ds.map((d) => [d.programId, d.eligible]));
const codesOf = (d: ProgramDecision | undefined) => d?.reasons.map((r) => r.code);

/** A family with one PKH component: a child at SD. */
const withSchoolChild: EligibilityMember[] = [
  eligibilityMember(),
  eligibilityMember({ sex: 'P', birthDate: '1988-07-05' }),
  eligibilityMember({ birthDate: '2016-01-30', school: 'sd', occupation: 'pelajar' }),
];

describe('eligibility from the seed numbers (Kepmensos 79/HUK/2025: PKH 1–4, Sembako 1–5, PBI-JK 1–5, other 1–5)', () => {
  const none = { PKH: false, SEMBAKO: false, 'PBI-JK': false, 'KESSOS-LAIN': false };
  it.each<[string, number | null, HouseholdStatus, Record<string, boolean>]>([
    ['desil 1 → every program', 1, 'aktif', { PKH: true, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true }],
    ['desil 4 → PKH yes', 4, 'aktif', { PKH: true, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true }],
    ['desil 5 → PKH no, Sembako yes', 5, 'aktif', { PKH: false, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true }],
    ['desil 6 → none', 6, 'aktif', none],
    ['desil 10 → none', 10, 'aktif', none],
    ['beku → none', 3, 'beku', none],
    ['suspended → none', 3, 'ditangguhkan', none],
    ['keluar → none', 3, 'keluar', none],
    ['no desil yet → none', null, 'aktif', none],
  ])('%s', (_label, desil, status, expected) => {
    expect(verdicts(eligibility({ desil, status }, withSchoolChild, defaultPrograms(), REF))).toEqual(expected);
  });

  it('says why, in Bahasa Indonesia, with the legal basis', () => {
    const [pkh, sembako] = eligibility({ desil: 5, status: 'aktif' }, withSchoolChild, defaultPrograms(), REF);
    expect(pkh!.reasons[0]!.message).toBe(
      'Desil 5 di luar Program Keluarga Harapan (PKH): desil 1–4 (Kepmensos 79/HUK/2025; komponen: Permensos 1/2018, berlaku sejak 2025-01-01)',
    );
    expect(pkh!.legalBasis).toContain('Kepmensos 79/HUK/2025');
    expect(sembako!.reasons.map((r) => r.code)).toEqual(['desil.in_band']);
    expect(pkh!.evaluatedOn).toBe('2025-06-15');
  });

  it('gives every reason, not only the first: beku and out of band together', () => {
    const [pkh] = eligibility({ desil: 6, status: 'beku' }, withSchoolChild, defaultPrograms(), REF);
    expect(codesOf(pkh)).toEqual(['household.beku', 'desil.out_of_band', 'criteria.met.school_child']);
  });

  it('suspended: the reason names the way back', () => {
    const [pkh] = eligibility({ desil: 3, status: 'ditangguhkan' }, withSchoolChild, defaultPrograms(), REF);
    expect(pkh!.reasons[0]).toMatchObject({ code: 'household.ditangguhkan', message: expect.stringContaining('direaktivasi') });
  });
});

describe('PKH components', () => {
  const pkh = (members: EligibilityMember[], desil = 2) => eligibility({ desil, status: 'aktif' }, members, defaultPrograms(), REF)[0]!;
  const adults = [eligibilityMember(), eligibilityMember({ sex: 'P', birthDate: '1988-07-05' })];

  it('no component → PKH no, Sembako still yes', () => {
    const ds = eligibility({ desil: 2, status: 'aktif' }, adults, defaultPrograms(), REF);
    expect(verdicts(ds)).toEqual({ PKH: false, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true });
    expect(codesOf(ds[0])).toEqual(['desil.in_band', 'criteria.none']);
    expect(ds[0]!.reasons[1]!.message).not.toContain('belum diisi');
  });

  it.each<[string, EligibilityMember, string]>([
    ['pregnancy', eligibilityMember({ sex: 'P', birthDate: '1995-01-01', pregnant: true }), 'criteria.met.pregnancy'],
    ['a child of 6 (0–6)', eligibilityMember({ birthDate: '2019-06-15' }), 'criteria.met.early_childhood'],
    ['a child at SMA aged 21', eligibilityMember({ birthDate: '2004-01-01', school: 'sma' }), 'criteria.met.school_child'],
    ['a member aged 60', eligibilityMember({ birthDate: '1965-06-15' }), 'criteria.met.elderly'],
    ['severe disability', eligibilityMember({ disability: 'berat' }), 'criteria.met.severe_disability'],
  ])('%s → PKH yes', (_label, m, code) => {
    const d = pkh([...adults, m]);
    expect(d.eligible).toBe(true);
    expect(codesOf(d)).toEqual(['desil.in_band', code]);
    expect(d.reasons[1]!.message).toContain('anggota ke-3');
  });

  it.each<[string, EligibilityMember]>([
    ['a child turning 7 (past early childhood, not at school)', eligibilityMember({ birthDate: '2018-06-15' })],
    ['a 22-year-old at SMA', eligibilityMember({ birthDate: '2003-01-01', school: 'sma' })],
    ['a student at PAUD aged 7 (not SD/SMP/SMA)', eligibilityMember({ birthDate: '2018-01-01', school: 'paud' })],
    ['a member aged 59', eligibilityMember({ birthDate: '1965-06-16' })],
    ['moderate disability', eligibilityMember({ disability: 'sedang' })],
    ['pregnancy recorded on a man', eligibilityMember({ sex: 'L', pregnant: true })],
    ['an unreadable birth date', eligibilityMember({ birthDate: 'tidak tahu' })],
  ])('%s → PKH no', (_label, m) => {
    expect(pkh([...adults, m]).eligible).toBe(false);
  });

  it('a school-child criterion alone: bounds are inclusive, age below the minimum does not count', () => {
    const school = program({
      versions: [
        {
          effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 4, legalBasis: 'Uji',
          criteria: { anyOf: [{ kind: 'school_child', minAge: 6, maxAge: 21, levels: ['sd'] }] },
        },
      ],
    });
    const at = (birthDate: string) => eligibility({ desil: 2, status: 'aktif' }, [eligibilityMember({ birthDate, school: 'sd' })], [school], REF)[0]!.eligible;
    expect(at('2019-06-16')).toBe(false); // 5
    expect(at('2019-06-15')).toBe(true); // 6
    expect(at('2003-06-16')).toBe(true); // 21
    expect(at('2003-06-15')).toBe(false); // 22
  });

  it('lists every component met, with the members', () => {
    const d = pkh([
      ...adults,
      eligibilityMember({ birthDate: '2021-01-01' }),
      eligibilityMember({ birthDate: '2012-01-01', school: 'smp' }),
      eligibilityMember({ birthDate: '1950-01-01', disability: 'berat' }),
    ]);
    expect(codesOf(d)).toEqual(['desil.in_band', 'criteria.met.early_childhood', 'criteria.met.school_child', 'criteria.met.elderly', 'criteria.met.severe_disability']);
    expect(d.reasons[3]!.message).toBe('Memenuhi komponen lanjut usia (60 tahun ke atas): anggota ke-5');
  });

  it('when no component is met and component data is missing, says so', () => {
    const d = pkh([{ birthDate: '1984-03-12' }]);
    expect(d.reasons[1]).toMatchObject({ code: 'criteria.none', message: expect.stringContaining('belum diisi') });
  });

  it('ages are taken on the evaluation date in Jakarta', () => {
    const child = [eligibilityMember({ birthDate: '2018-06-16' })];
    // Turns 7 on 2025-06-16 (Jakarta): 2025-06-15T17:00Z is already that day.
    expect(eligibility({ desil: 2, status: 'aktif' }, child, defaultPrograms(), new Date('2025-06-15T16:59:00Z'))[0]!.eligible).toBe(true);
    expect(eligibility({ desil: 2, status: 'aktif' }, child, defaultPrograms(), new Date('2025-06-15T17:00:00Z'))[0]!.eligible).toBe(false);
  });
});

describe('exclusions (ASN/TNI/Polri households)', () => {
  it.each(['asn', 'tni', 'polri'] as const)('a member who is %s excludes the household from every default program', (occupation) => {
    const members = [...withSchoolChild, eligibilityMember({ occupation })];
    const ds = eligibility({ desil: 1, status: 'aktif' }, members, defaultPrograms(), REF);
    expect(ds.every((d) => !d.eligible)).toBe(true);
    expect(ds.every((d) => d.reasons.some((r) => r.code === 'exclusion.occupation' && r.message.includes('anggota ke-4')))).toBe(true);
  });

  it('names each occupation once', () => {
    const members = [eligibilityMember({ occupation: 'asn' }), eligibilityMember({ occupation: 'asn' }), eligibilityMember({ occupation: 'tni' })];
    const d = eligibility({ desil: 1, status: 'aktif' }, members, defaultPrograms(), REF)[1]!;
    expect(d.reasons.find((r) => r.code === 'exclusion.occupation')!.message).toBe(
      'Dikecualikan: anggota ke-1, ke-2, ke-3 bekerja sebagai ASN (PNS/PPPK), TNI (Kepmensos 79/HUK/2025)',
    );
  });
});

describe('effective-dated configuration', () => {
  const dated = program({
    id: 'PKH',
    name: 'PKH',
    versions: [
      { effectiveFrom: '2020-01-01', effectiveTo: '2024-12-31', desilMin: 1, desilMax: 3, legalBasis: 'Lama' },
      { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 4, legalBasis: 'Baru' },
    ],
  });

  it('uses the band in force on the date (Jakarta calendar)', () => {
    const at = (iso: string) => eligibility({ desil: 4, status: 'aktif' }, null, [dated], new Date(iso))[0]!;
    expect(at('2024-12-31T16:59:59Z')).toMatchObject({ eligible: false, legalBasis: 'Lama', evaluatedOn: '2024-12-31' });
    expect(at('2024-12-31T17:00:00Z')).toMatchObject({ eligible: true, legalBasis: 'Baru', evaluatedOn: '2025-01-01' });
  });

  it('no band in force → not eligible, and the status reason is kept', () => {
    const d = eligibility({ desil: 2, status: 'beku' }, null, [dated], new Date('2019-06-01T00:00:00Z'))[0]!;
    expect(d).toMatchObject({ eligible: false, legalBasis: null });
    expect(codesOf(d)).toEqual(['household.beku', 'program.no_band']);
  });
});

describe('provincial and kabupaten programs are limited to their wilayah', () => {
  const kab = program({ id: 'RL-SEHAT', name: 'Rejang Lebong Sehat', level: 'kabupaten', scope: '17.02' });

  it('inside, outside, unknown desa', () => {
    const d = (desaCode: string | null | undefined) => eligibility({ desil: 2, status: 'aktif', desaCode }, null, [kab], REF)[0]!;
    expect(d('17.02.06.2001').eligible).toBe(true);
    expect(d('17.08.01.2001')).toMatchObject({ eligible: false, reasons: [expect.objectContaining({ code: 'program.out_of_scope' }), expect.anything()] });
    expect(codesOf(d(null))).toEqual(['program.scope_unknown', 'desil.in_band']);
    expect(codesOf(d(undefined))).toEqual(['program.scope_unknown', 'desil.in_band']);
  });
});

describe('evaluateEligibility (status and desil only) keeps working', () => {
  it('decides by band and says the PKH components were not checked', () => {
    const ds = evaluateEligibility({ desil: 4, status: 'aktif' }, defaultPrograms(), REF);
    expect(verdicts(ds)).toEqual({ PKH: true, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true });
    expect(codesOf(ds[0])).toEqual(['desil.in_band', 'criteria.not_checked']);
    expect(codesOf(ds[1])).toEqual(['desil.in_band']);
    expect(ds[0]!.reasons[0]!.message).toContain('Kepmensos 79/HUK/2025');
  });

  it('beku and desil 6 still give none', () => {
    expect(evaluateEligibility({ desil: 3, status: 'beku' }, defaultPrograms(), REF).some((d) => d.eligible)).toBe(false);
    expect(evaluateEligibility({ desil: 6, status: 'aktif' }, defaultPrograms(), REF).some((d) => d.eligible)).toBe(false);
  });
});
