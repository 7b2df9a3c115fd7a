import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eligibility,
  decideHousehold,
  programsInForce,
  reasonText,
  sameDecisions,
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
    expect(reasonText(pkh!.reasons[0]!)).toBe(
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
    expect(pkh!.reasons[0]!.code).toBe('household.ditangguhkan');
    expect(reasonText(pkh!.reasons[0]!)).toContain('direaktivasi');
  });
});

describe('PKH components', () => {
  const pkh = (members: EligibilityMember[], desil = 2) => eligibility({ desil, status: 'aktif' }, members, defaultPrograms(), REF)[0]!;
  const adults = [eligibilityMember(), eligibilityMember({ sex: 'P', birthDate: '1988-07-05' })];

  it('no component → PKH no, Sembako still yes', () => {
    const ds = eligibility({ desil: 2, status: 'aktif' }, adults, defaultPrograms(), REF);
    expect(verdicts(ds)).toEqual({ PKH: false, SEMBAKO: true, 'PBI-JK': true, 'KESSOS-LAIN': true });
    expect(codesOf(ds[0])).toEqual(['desil.in_band', 'criteria.none']);
    expect(reasonText(ds[0]!.reasons[1]!)).not.toContain('belum diisi');
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
    expect(reasonText(d.reasons[1]!)).toContain('anggota ke-3');
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
          effectiveFrom: '2025-01-01',
          effectiveTo: null,
          desilMin: 1,
          desilMax: 4,
          legalBasis: 'Uji',
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
    expect(codesOf(d)).toEqual([
      'desil.in_band',
      'criteria.met.early_childhood',
      'criteria.met.school_child',
      'criteria.met.elderly',
      'criteria.met.severe_disability',
    ]);
    expect(reasonText(d.reasons[3]!)).toBe('Memenuhi komponen lanjut usia (60 tahun ke atas): anggota ke-5');
  });

  it('when no component is met and component data is missing, says so', () => {
    const d = pkh([{ birthDate: '1984-03-12' }]);
    expect(d.reasons[1]!.code).toBe('criteria.none');
    expect(reasonText(d.reasons[1]!)).toContain('belum diisi');
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
    expect(ds.every((d) => d.reasons.some((r) => r.code === 'exclusion.occupation' && reasonText(r).includes('anggota ke-4')))).toBe(true);
  });

  it('names each occupation once', () => {
    const members = [eligibilityMember({ occupation: 'asn' }), eligibilityMember({ occupation: 'asn' }), eligibilityMember({ occupation: 'tni' })];
    const d = eligibility({ desil: 1, status: 'aktif' }, members, defaultPrograms(), REF)[1]!;
    expect(reasonText(d.reasons.find((r) => r.code === 'exclusion.occupation')!)).toBe(
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

describe('decideHousehold: one decision from the household document, for every caller', () => {
  const doc = { desil: 3, status: 'aktif' as const, desaCode: '17.02.06.2001', memberCriteria: withSchoolChild };
  const inForce = programsInForce(defaultPrograms(), REF);

  it('a frozen household is decided exactly as a re-evaluation of the same document decides it', () => {
    // The freeze writes decideHousehold({ ...h, status: 'beku' }); a later re-evaluation reads that document back.
    const frozen = decideHousehold({ ...doc, status: 'beku' }, inForce);
    const reread = decideHousehold(structuredClone({ ...doc, status: 'beku' as const }), programsInForce(defaultPrograms(), REF));
    expect(frozen).toEqual(reread);
    expect(sameDecisions(frozen, reread)).toBe(true);
    expect(frozen.PKH!.reasons.map((r) => r.code)).toEqual(['household.beku', 'desil.in_band', 'criteria.met.school_child']);
  });

  it('equals the list form decision by decision', () => {
    const list = eligibility(doc, withSchoolChild, defaultPrograms(), REF);
    expect(decideHousehold(doc, inForce)).toEqual(Object.fromEntries(list.map(({ programId, ...d }) => [programId, d])));
  });

  it('without member criteria (records from before they were kept) decides by band and says the components were not checked', () => {
    const ds = decideHousehold({ desil: 4, status: 'aktif', desaCode: doc.desaCode }, inForce);
    expect(ds.PKH!.eligible).toBe(true);
    expect(ds.PKH!.reasons.map((r) => r.code)).toEqual(['desil.in_band', 'criteria.not_checked']);
    expect(reasonText(ds.PKH!.reasons[0]!)).toContain('Kepmensos 79/HUK/2025');
  });

  it('a kabupaten program with a scope reads the desa from the document', () => {
    const local = program({ id: 'KAB-RL', level: 'kabupaten', scope: '17.02' });
    const inside = decideHousehold(doc, programsInForce([local], REF));
    const elsewhere = decideHousehold({ ...doc, desaCode: '17.03.01.2001' }, programsInForce([local], REF));
    expect(inside['KAB-RL']!.eligible).toBe(true);
    expect(elsewhere['KAB-RL']!.reasons.map((r) => r.code)).toContain('program.out_of_scope');
  });

  it('sameDecisions ignores the day of the decision but not a changed reason', () => {
    const today = decideHousehold(doc, inForce);
    const later = decideHousehold(doc, programsInForce(defaultPrograms(), new Date(REF.getTime() + 3 * 86_400_000)));
    expect(sameDecisions(today, later)).toBe(true);
    expect(
      sameDecisions(today, decideHousehold({ ...doc, memberCriteria: [...withSchoolChild, eligibilityMember({ birthDate: '1950-01-01' })] }, inForce)),
    ).toBe(false);
  });
});

describe('reasons are codes with params, rendered in Bahasa Indonesia and English', () => {
  it('stores no text in a decision, and renders both languages from the params', () => {
    const [pkh] = eligibility({ desil: 5, status: 'aktif' }, withSchoolChild, defaultPrograms(), REF);
    const band = pkh!.reasons[0]!;
    expect(band.message).toBeUndefined();
    expect(band.params).toMatchObject({ desil: 5, min: 1, max: 4 });
    expect(reasonText(band, 'en')).toBe(
      'Decile 5 is outside Program Keluarga Harapan (PKH): decile 1–4 (Kepmensos 79/HUK/2025; komponen: Permensos 1/2018, in force since 2025-01-01)',
    );
  });

  it('names occupations and school levels through the labels it is given', () => {
    const members = [eligibilityMember({ occupation: 'asn' }), eligibilityMember({ birthDate: '2016-01-30', school: 'sd' })];
    const [pkh] = eligibility({ desil: 2, status: 'aktif' }, members, defaultPrograms(), REF);
    const english = pkh!.reasons.map((r) => reasonText(r, 'en', (kind, value) => `<${kind}:${value}>`));
    expect(english.some((t) => t.startsWith('Excluded: member 1 works as <occupation:asn>'))).toBe(true);
    expect(english.some((t) => t.includes('<school:sd>'))).toBe(true);
  });

  it('an older reason stored with its message keeps that message in both languages; an unknown code shows the code', () => {
    expect(reasonText({ code: 'household.beku', message: 'Data beku (lama)' }, 'en')).toBe('Data beku (lama)');
    expect(reasonText({ code: 'something.new' }, 'en')).toBe('something.new');
  });
});

describe('the hot path shares decisions between households alike, and never mixes them up', () => {
  const member = fc.record(
    {
      birthDate: fc.oneof(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2026-06-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constant('1990-02-30'),
      ),
      sex: fc.constantFrom('L' as const, 'P' as const),
      occupation: fc.constantFrom('petani' as const, 'asn' as const, 'tni' as const, 'polri' as const, 'pelajar' as const),
      pregnant: fc.boolean(),
      disability: fc.constantFrom('tidak_ada' as const, 'ringan' as const, 'berat' as const),
      school: fc.constantFrom('tidak_sekolah' as const, 'sd' as const, 'smp' as const, 'sma' as const, 'paud' as const),
    },
    { requiredKeys: ['birthDate', 'sex'] },
  );
  const household = fc.record({
    desil: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 10 })),
    status: fc.constantFrom('aktif' as const, 'beku' as const, 'ditangguhkan' as const, 'keluar' as const),
    desaCode: fc.constantFrom('17.02.06.2001', '17.03.01.2001', null),
    memberCriteria: fc.oneof(fc.constant(undefined), fc.array(member, { minLength: 0, maxLength: 11 })),
  });

  it('a decision from the shared programs equals one from programs resolved afresh for that household alone', () => {
    const programs = [...defaultPrograms(), program({ id: 'KAB-RL', level: 'kabupaten', scope: '17.02' })];
    const shared = programsInForce(programs, REF);
    fc.assert(
      fc.property(fc.array(household, { minLength: 1, maxLength: 30 }), (households) => {
        for (const h of households) expect(decideHousehold(h, shared)).toEqual(decideHousehold(h, programsInForce(programs, REF)));
      }),
      { numRuns: 150 },
    );
  });

  it('households that differ only where a threshold falls (age 6/7, 21/22, 59/60, 130+, a bad date), in any order, never share a decision wrongly', () => {
    const programs = [...defaultPrograms(), program({ id: 'KAB-RL', level: 'kabupaten', scope: '17.02' })];
    const shared = programsInForce(programs, REF);
    // Few distinct members, so that shapes repeat and the shared decisions are read back often.
    const edge = fc.record(
      {
        birthDate: fc.constantFrom(
          '2019-06-15',
          '2019-06-16',
          '2004-06-15',
          '2004-06-16',
          '1966-06-15',
          '1966-06-16',
          '1890-01-01',
          '19a0-01-01',
          '2001-13-01',
        ),
        sex: fc.constantFrom('L' as const, 'P' as const),
        occupation: fc.constantFrom('petani' as const, 'asn' as const, 'polri' as const),
        pregnant: fc.boolean(),
        disability: fc.constantFrom('tidak_ada' as const, 'berat' as const),
        school: fc.constantFrom('sd' as const, 'sma' as const, 'paud' as const),
      },
      { requiredKeys: ['birthDate'] },
    );
    const alike = fc.record({
      desil: fc.constantFrom(null, 2, 5),
      status: fc.constantFrom('aktif' as const, 'beku' as const),
      desaCode: fc.constantFrom('17.02.06.2001', '17.03.01.2001'),
      memberCriteria: fc.array(edge, { minLength: 0, maxLength: 9 }),
    });
    fc.assert(
      fc.property(fc.array(alike, { minLength: 1, maxLength: 40 }), (households) => {
        for (const h of households) expect(decideHousehold(h, shared)).toEqual(decideHousehold(h, programsInForce(programs, REF)));
      }),
      { numRuns: 200 },
    );
  });

  it('past the bound on shapes kept, new shapes are still decided right, and the kept ones still shared', () => {
    const inForce = programsInForce(defaultPrograms(), REF);
    // Eight members that read differently (components, exclusions), six to a household: more shapes than the memo keeps.
    const kinds: EligibilityMember[] = [
      eligibilityMember(),
      eligibilityMember({ birthDate: '2022-01-01' }),
      eligibilityMember({ birthDate: '2015-01-01', school: 'sd' }),
      eligibilityMember({ birthDate: '1950-01-01' }),
      eligibilityMember({ sex: 'P', pregnant: true }),
      eligibilityMember({ disability: 'berat' }),
      eligibilityMember({ occupation: 'asn' }),
      eligibilityMember({ occupation: 'tni', pregnant: undefined }),
    ];
    const household = (i: number) => ({
      desil: 1 + (i % 5),
      status: 'aktif' as const,
      desaCode: null,
      memberCriteria: Array.from({ length: 6 }, (_, k) => kinds[Math.floor(i / 5 / 8 ** k) % 8]!),
    });
    for (let i = 0; i < 150_000; i += 1) decideHousehold(household(i), inForce);
    for (const i of [7, 1000, 100_003, 120_001, 149_999])
      expect(decideHousehold(household(i), inForce)).toEqual(decideHousehold(household(i), programsInForce(defaultPrograms(), REF)));
    // Kept before the bound: shared. New after it: decided afresh each time, so memory stays bounded.
    expect(decideHousehold(household(1000), inForce)).toBe(decideHousehold(household(1000), inForce));
    expect(decideHousehold(household(149_999), inForce)).not.toBe(decideHousehold(household(149_999), inForce));
  });

  it('shared decisions are frozen, so no caller can change another household’s', () => {
    const inForce = programsInForce(defaultPrograms(), REF);
    // A run shares decisions once it has decided a few households (one trigger deciding one household makes no table).
    const first = decideHousehold({ desil: 2, status: 'aktif', desaCode: null, memberCriteria: withSchoolChild }, inForce);
    expect(Object.isFrozen(first.PKH)).toBe(true);
    for (let i = 0; i < 40; i += 1) decideHousehold({ desil: 3, status: 'aktif', desaCode: null, memberCriteria: [] }, inForce);
    const a = decideHousehold({ desil: 2, status: 'aktif', desaCode: null, memberCriteria: withSchoolChild }, inForce);
    const b = decideHousehold({ desil: 2, status: 'aktif', desaCode: null, memberCriteria: withSchoolChild.map((m) => ({ ...m })) }, inForce);
    expect(a.PKH).toBe(b.PKH);
    expect(() => (a.PKH!.reasons as unknown[]).push('x')).toThrow();
  });
});
