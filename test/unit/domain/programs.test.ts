import { describe, expect, it } from 'vitest';
import {
  checkProgramChange,
  checkProgramConfig,
  mayConfigureProgram,
  reasonText,
  type Program,
  DEFAULT_STALENESS_POLICY,
  kabupatenPolicySchema,
  programSchema,
  stalenessPolicySchema,
  suspensionPolicyOf,
  suspensionPolicySchema,
  versionOn,
} from '../../../functions/src/domain/index.js';
import { defaultConfig, defaultPrograms, program } from './factories.js';

describe('default configuration (defaults/programs.json)', () => {
  it('parses with the same schemas the functions use', () => {
    const config = defaultConfig();
    for (const p of config.programs) expect(programSchema.safeParse(p).success).toBe(true);
    expect(stalenessPolicySchema.parse(config.stalenessPolicy)).toEqual({ warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: null });
    expect(suspensionPolicySchema.parse(config.suspensionPolicy)).toEqual({ route: 'usulan_baru', maxReactivations: 2 });
  });

  it('holds the seed bands: PKH 1–4, Sembako 1–5, PBI-JK 1–5, other 1–5, under Kepmensos 79/HUK/2025', () => {
    const bands = Object.fromEntries(
      defaultPrograms().map((p) => {
        const v = versionOn(p, new Date('2025-06-01T00:00:00Z'))!;
        return [p.id, [v.desilMin, v.desilMax, p.level, v.legalBasis.startsWith('Kepmensos 79/HUK/2025')]];
      }),
    );
    expect(bands).toEqual({
      PKH: [1, 4, 'pusat', true],
      SEMBAKO: [1, 5, 'pusat', true],
      'PBI-JK': [1, 5, 'pusat', true],
      'KESSOS-LAIN': [1, 5, 'pusat', true],
    });
  });

  it('is a consistent configuration', () => {
    expect(checkProgramConfig(defaultPrograms())).toEqual([]);
  });
});

describe('program schema', () => {
  it('refuses an inverted band, an end before the start, a bad id, and a bad criterion', () => {
    const v = { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 4, legalBasis: 'X' };
    expect(programSchema.safeParse(program({ versions: [{ ...v, desilMin: 5 }] })).success).toBe(false);
    expect(programSchema.safeParse(program({ versions: [{ ...v, effectiveTo: '2024-12-31' }] })).success).toBe(false);
    expect(programSchema.safeParse(program({ id: 'pkh' })).success).toBe(false);
    expect(programSchema.safeParse(program({ versions: [{ ...v, criteria: { anyOf: [{ kind: 'magic' }] } } as never] })).success).toBe(false);
    expect(programSchema.safeParse(program({ versions: [{ ...v, criteria: { anyOf: [] } }] })).success).toBe(false);
    expect(programSchema.safeParse(program({ versions: [{ ...v, quota: -1 }] })).success).toBe(false);
  });
});

describe('checkProgramConfig', () => {
  const v = { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 5, legalBasis: 'X' };
  const codes = (ps: Parameters<typeof checkProgramConfig>[0]) => checkProgramConfig(ps).map((r) => r.code);

  it('a provincial program needs a province scope; a kabupaten program a kabupaten scope; a central one none', () => {
    expect(codes([program({ id: 'A', level: 'provinsi', scope: '17' }), program({ id: 'B', level: 'kabupaten', scope: '17.02' })])).toEqual([]);
    expect(codes([program({ id: 'A', level: 'provinsi' })])).toEqual(['program.scope']);
    expect(codes([program({ id: 'A', level: 'provinsi', scope: '17.02' })])).toEqual(['program.scope']);
    expect(codes([program({ id: 'A', level: 'kabupaten', scope: '17' })])).toEqual(['program.scope']);
    expect(codes([program({ id: 'A', level: 'kabupaten', scope: 'x' })])).toEqual(['program.scope']);
    expect(codes([program({ id: 'A', level: 'pusat', scope: '17' })])).toEqual(['program.scope_pusat']);
  });

  it('ids are unique; versions do not overlap; overlaps name other known programs', () => {
    expect(codes([program({ id: 'A' }), program({ id: 'A' })])).toEqual(['program.duplicate_id']);
    expect(codes([program({ versions: [v, { ...v, effectiveFrom: '2026-01-01' }] })])).toEqual(['program.version_overlap']);
    expect(
      codes([
        program({
          versions: [
            { ...v, effectiveTo: '2026-01-01' },
            { ...v, effectiveFrom: '2026-01-01' },
          ],
        }),
      ]),
    ).toEqual(['program.version_overlap']);
    expect(
      codes([
        program({
          versions: [
            { ...v, effectiveFrom: '2026-01-01' },
            { ...v, effectiveTo: '2025-12-31' },
          ],
        }),
      ]),
    ).toEqual([]);
    expect(codes([program({ id: 'A', versions: [{ ...v, overlapsWith: ['B'] }] })])).toEqual(['program.overlap_unknown']);
    expect(codes([program({ id: 'A', versions: [{ ...v, overlapsWith: ['A'] }] })])).toEqual(['program.overlap_unknown']);
    expect(codes([program({ id: 'A', versions: [{ ...v, overlapsWith: ['B'] }] }), program({ id: 'B' })])).toEqual([]);
  });
});

describe('kabupaten policy', () => {
  it('accepts the existing { staleness } documents and the new optional parts', () => {
    expect(kabupatenPolicySchema.safeParse({ staleness: DEFAULT_STALENESS_POLICY }).success).toBe(true);
    const full = kabupatenPolicySchema.parse({
      staleness: DEFAULT_STALENESS_POLICY,
      suspension: { route: 'reaktivasi', maxReactivations: 2 },
      unknownNikRegion: 'warning',
    });
    expect(suspensionPolicyOf(full)).toEqual({ route: 'reaktivasi', maxReactivations: 2 });
    expect(suspensionPolicyOf({})).toEqual({ route: 'usulan_baru', maxReactivations: 2 });
    expect(suspensionPolicyOf(null)).toEqual({ route: 'usulan_baru', maxReactivations: 2 });
    expect(kabupatenPolicySchema.safeParse({ staleness: DEFAULT_STALENESS_POLICY, suspension: { route: 'lain', maxReactivations: 2 } }).success).toBe(false);
  });

  it('the default staleness policy in code is the one in defaults/programs.json (seed 002)', () => {
    expect(stalenessPolicySchema.parse(DEFAULT_STALENESS_POLICY)).toEqual(defaultConfig().stalenessPolicy);
    expect(DEFAULT_STALENESS_POLICY).toMatchObject({ warnAfterMonths: [1, 2], freezeAfterMonths: 3 });
  });
});

describe('programsChangingOn: the days a dated band takes or leaves effect', () => {
  const band = (effectiveFrom: string, effectiveTo: string | null) => ({
    effectiveFrom,
    effectiveTo,
    desilMin: 1,
    desilMax: 4,
    legalBasis: 'Kepmensos 79/HUK/2025',
  });
  const program = (id: string, versions: ReturnType<typeof band>[]) => ({ id, name: id, level: 'pusat' as const, versions });
  const programs = [
    program('STARTS', [band('2026-11-22', null)]),
    program('ENDED', [band('2025-01-01', '2026-11-21')]),
    program('STEADY', [band('2025-01-01', null)]),
    program('LATER', [band('2026-12-01', null)]),
  ];

  it('finds a version starting today and one that ended yesterday, in Jakarta time', async () => {
    const { programsChangingOn } = await import('../../../functions/src/domain/index.js');
    // 2026-11-21 18:00 UTC is already 2026-11-22 01:00 in Jakarta.
    expect(programsChangingOn(programs, new Date('2026-11-21T18:00:00Z')).map((p) => p.id)).toEqual(['STARTS', 'ENDED']);
    expect(programsChangingOn(programs, new Date('2026-11-21T12:00:00Z')).map((p) => p.id)).toEqual([]);
    expect(programsChangingOn(programs, new Date('2026-12-01T03:00:00Z')).map((p) => p.id)).toEqual(['LATER']);
  });
});

describe('who may change a program, and how (issue 13, F2)', () => {
  const TODAY = '2026-06-15';
  const v2025: Program['versions'][number] = { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 5, legalBasis: 'Perbup RL 1/2025' };
  const own = (versions: Program['versions'] = [v2025], overrides: Partial<Program> = {}) =>
    program({ id: 'SANTUNAN-RL', level: 'kabupaten', scope: '17.02', versions, ...overrides });
  const codes = (r: ReturnType<typeof checkProgramChange>) => r.map((x) => x.code);

  it('a kabupaten admin sets only the kabupaten’s own programs: not a national one, not a provincial one, not another kabupaten’s', () => {
    expect(checkProgramChange(undefined, own(), '17.02', TODAY)).toEqual([]);
    for (const [attempt, level] of [
      [program({ id: 'PKH', level: 'pusat' }), 'pusat'],
      [program({ id: 'PROV-17', level: 'provinsi', scope: '17' }), 'provinsi'],
      [own(), 'kabupaten'],
    ] as const) {
      expect(checkProgramChange(undefined, attempt, '17.03', TODAY), attempt.id).toEqual([
        { code: 'program.not_yours', params: { program: attempt.id, level }, field: 'level' },
      ]);
    }
    // Nor by reusing the code of a national program for a "kabupaten" one.
    const pkh = defaultPrograms().find((p) => p.id === 'PKH')!;
    expect(codes(checkProgramChange(pkh, { ...own(), id: 'PKH' }, '17.02', TODAY))).toEqual(['program.not_yours']);
    expect(reasonText(checkProgramChange(pkh, { ...pkh, versions: [] }, '17.02', TODAY)[0]!)).toMatch(
      /program pusat: ketentuannya ditetapkan Kementerian Sosial/,
    );
    expect(mayConfigureProgram(pkh, '17.02')).toBe(false);
    expect(mayConfigureProgram(own(), '17.02')).toBe(true);
  });

  it('a version that has begun keeps its band, criteria, exclusions, quota, overlaps and legal basis; it may only be closed from today on', () => {
    const withRules: Program['versions'][number] = {
      ...v2025,
      quota: 100,
      exclusions: { occupations: ['asn' as const] },
      criteria: { anyOf: [{ kind: 'elderly' as const, minAge: 60 }] },
    };
    const before = own([withRules]);
    const changed = (patch: Partial<Program['versions'][number]>) => codes(checkProgramChange(before, own([{ ...withRules, ...patch }]), '17.02', TODAY));
    expect(changed({ desilMax: 4 })).toEqual(['program.version_history']);
    expect(changed({ quota: 1000 })).toEqual(['program.version_history']);
    expect(changed({ exclusions: undefined })).toEqual(['program.version_history']);
    expect(changed({ criteria: { anyOf: [{ kind: 'elderly', minAge: 70 }] } })).toEqual(['program.version_history']);
    expect(changed({ legalBasis: 'Perbup RL 9/2026' })).toEqual(['program.version_history']);
    expect(codes(checkProgramChange(before, own([]), '17.02', TODAY))).toEqual(['program.version_history']);
    // Closed yesterday, today or later: allowed; closed further back (rewriting the past): refused.
    expect(changed({ effectiveTo: '2026-06-14' })).toEqual([]);
    expect(changed({ effectiveTo: '2026-12-31' })).toEqual([]);
    expect(changed({ effectiveTo: '2026-06-13' })).toEqual(['program.version_history']);
    // The same version, keys in another order, is no change.
    expect(changed({})).toEqual([]);
  });

  it('a version that has ended stays ended; one that has not begun may be changed or withdrawn', () => {
    const ended = { ...v2025, effectiveTo: '2025-12-31' };
    const future: Program['versions'][number] = { effectiveFrom: '2026-07-01', effectiveTo: null, desilMin: 1, desilMax: 3, legalBasis: 'Perbup RL 2/2026' };
    const before = own([ended, { ...v2025, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }, future]);
    expect(codes(checkProgramChange(before, own([{ ...ended, effectiveTo: '2026-06-20' }, before.versions[1]!, future]), '17.02', TODAY))).toEqual([
      'program.version_history',
    ]);
    expect(checkProgramChange(before, own([ended, before.versions[1]!, { ...future, desilMax: 4 }]), '17.02', TODAY)).toEqual([]);
    expect(checkProgramChange(before, own([ended, before.versions[1]!]), '17.02', TODAY)).toEqual([]);
  });
});
