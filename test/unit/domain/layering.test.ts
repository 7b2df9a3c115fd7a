import { describe, expect, it } from 'vitest';
import { allocateLayeredPrograms, compareByNeed, type LayeringHousehold, type Program } from '../../../functions/src/domain/index.js';
import { defaultPrograms, eligibilityMember, program, REF } from './factories.js';

const v = { effectiveFrom: '2025-01-01', effectiveTo: null, legalBasis: 'Pergub/Perbup uji' };
const provinsi = (quota?: number, overlapsWith?: string[]): Program =>
  program({
    id: 'BENGKULU-SEJAHTERA',
    name: 'Bengkulu Sejahtera',
    level: 'provinsi',
    scope: '17',
    versions: [{ ...v, desilMin: 1, desilMax: 6, quota, overlapsWith }],
  });
const kabupaten = (quota?: number, overlapsWith?: string[]): Program =>
  program({
    id: 'RL-PEDULI',
    name: 'Rejang Lebong Peduli',
    level: 'kabupaten',
    scope: '17.02',
    versions: [{ ...v, desilMin: 1, desilMax: 6, quota, overlapsWith }],
  });

const h = (id: string, desil: number | null, extra: Partial<LayeringHousehold> = {}): LayeringHousehold => ({
  id,
  desil,
  status: 'aktif',
  desaCode: '17.02.06.2001',
  members: [eligibilityMember()],
  ...extra,
});

const ids = (xs: { householdId: string }[]) => xs.map((x) => x.householdId);
const skipCodes = (r: ReturnType<typeof allocateLayeredPrograms>[number]) =>
  Object.fromEntries(r.skipped.map((s) => [s.householdId, s.reasons.map((x) => x.code)]));

describe('layered programs without double assistance (seed 004)', () => {
  it('skips households a central program already covers, then gives the quota to the lowest desil first', () => {
    // With the default central programs (desil ≤ 5 eligible for Sembako/PBI/other), only desil 6 is uncovered.
    const households = [h('a', 6, { rank: 30 }), h('b', 6, { rank: 10 }), h('c', 6), h('d', 2), h('e', 7)];
    const [r] = allocateLayeredPrograms(households, [...defaultPrograms(), provinsi(2)], REF);
    expect(r).toMatchObject({ programId: 'BENGKULU-SEJAHTERA', level: 'provinsi', quota: 2 });
    expect(r!.allocated).toEqual([
      { householdId: 'b', desil: 6, position: 1 },
      { householdId: 'a', desil: 6, position: 2 },
    ]);
    expect(skipCodes(r!)).toEqual({
      c: ['layering.quota_full'],
      d: ['layering.covered'],
      e: ['layering.not_eligible', 'desil.out_of_band'],
    });
    const covered = r!.skipped.find((s) => s.householdId === 'd')!.reasons[0]!.message;
    expect(covered).toBe('Sudah menerima SEMBAKO, PBI-JK, KESSOS-LAIN; Bengkulu Sejahtera tidak boleh menjadi bantuan ganda');
    expect(r!.skipped.find((s) => s.householdId === 'c')!.reasons[0]!.message).toContain('urutan 3');
  });

  it('uses what a household actually receives when known, instead of central eligibility', () => {
    const households = [h('x', 2, { receives: [] }), h('y', 1, { receives: ['PKH'] }), h('z', 3, { receives: ['BPNT-DAERAH'] })];
    const [r] = allocateLayeredPrograms(households, [...defaultPrograms(), provinsi(5)], REF);
    expect(ids(r!.allocated)).toEqual(['x', 'z']);
    expect(skipCodes(r!)).toEqual({ y: ['layering.covered'] });
  });

  it('provinsi is allocated before kabupaten, and a kabupaten program that overlaps the provincial one does not double it', () => {
    const households = [h('p', 1, { receives: [] }), h('q', 2, { receives: [] }), h('r', 3, { receives: [] })];
    const results = allocateLayeredPrograms(households, [kabupaten(undefined, ['BENGKULU-SEJAHTERA']), provinsi(1), ...defaultPrograms()], REF);
    expect(results.map((x) => x.programId)).toEqual(['BENGKULU-SEJAHTERA', 'RL-PEDULI']);
    expect(ids(results[0]!.allocated)).toEqual(['p']);
    expect(results[1]).toMatchObject({ quota: null });
    expect(ids(results[1]!.allocated)).toEqual(['q', 'r']);
    expect(skipCodes(results[1]!)).toEqual({ p: ['layering.covered'] });
  });

  it('an empty overlap list allows stacking on central programs', () => {
    const [r] = allocateLayeredPrograms([h('a', 1), h('b', 2)], [...defaultPrograms(), provinsi(undefined, [])], REF);
    expect(ids(r!.allocated)).toEqual(['a', 'b']);
  });

  it('households outside the program’s wilayah, suspended ones and those without desil are skipped with reasons', () => {
    const households = [h('out', 6, { desaCode: '16.01.01.2001' }), h('sus', 6, { status: 'ditangguhkan' }), h('nod', null), h('ok', 6)];
    const [r] = allocateLayeredPrograms(households, [...defaultPrograms(), kabupaten()], REF);
    expect(ids(r!.allocated)).toEqual(['ok']);
    expect(skipCodes(r!)).toEqual({
      out: ['layering.not_eligible', 'program.out_of_scope'],
      sus: ['layering.not_eligible', 'household.ditangguhkan'],
      nod: ['layering.not_eligible', 'desil.missing'],
    });
  });

  it('programs of one level go in id order; households without member data are judged on status, wilayah and band', () => {
    const second = program({ ...provinsi(1), id: 'A-PROV' });
    const bare: LayeringHousehold = { id: 'bare', desil: 6, status: 'aktif', desaCode: '17.02.06.2001' };
    const results = allocateLayeredPrograms([bare], [provinsi(1), second, ...defaultPrograms()], REF);
    expect(results.map((x) => x.programId)).toEqual(['A-PROV', 'BENGKULU-SEJAHTERA']);
    expect(ids(results[0]!.allocated)).toEqual(['bare']);
    // Without overlapsWith, a layered program avoids only central programs, so both serve it.
    expect(ids(results[1]!.allocated)).toEqual(['bare']);
  });

  it('programs not in force on the date are not allocated', () => {
    const old = program({ id: 'OLD', level: 'provinsi', scope: '17', versions: [{ ...v, effectiveTo: '2024-12-31', desilMin: 1, desilMax: 5 }] });
    expect(allocateLayeredPrograms([h('a', 1)], [old], REF)).toEqual([]);
  });

  it('is deterministic: the input order does not change the result', () => {
    const households = Array.from({ length: 40 }, (_, i) => h(`h${String(i).padStart(2, '0')}`, 6 + (i % 2), { rank: i % 3 === 0 ? null : i % 5 }));
    const p = program({ ...provinsi(7), versions: [{ ...v, desilMin: 1, desilMax: 7, quota: 7 }] });
    const a = allocateLayeredPrograms(households, [...defaultPrograms(), p], REF);
    const b = allocateLayeredPrograms([...households].reverse(), [...defaultPrograms(), p], REF);
    expect(a[0]!.allocated).toEqual(b[0]!.allocated);
    expect(a[0]!.allocated).toHaveLength(7);
    expect(a[0]!.allocated.every((x) => x.desil === 6)).toBe(true);
  });

  it('compareByNeed: desil, then rank (unknown last), then id', () => {
    const list = [
      { id: 'c', desil: 2, rank: null },
      { id: 'b', desil: 2, rank: null },
      { id: 'a', desil: 2, rank: 5 },
      { id: 'z', desil: 1, rank: 99 },
      { id: 'n', desil: null, rank: 1 },
    ];
    expect([...list].sort(compareByNeed).map((x) => x.id)).toEqual(['z', 'a', 'b', 'c', 'n']);
    expect(compareByNeed({ id: 'a', desil: 1 }, { id: 'a', desil: 1 })).toBe(0);
    expect(compareByNeed({ id: 'a', desil: 3 }, { id: 'b', desil: null })).toBeLessThan(0);
    expect(compareByNeed({ id: 'b', desil: 3 }, { id: 'a', desil: 3 })).toBeGreaterThan(0);
  });
});
