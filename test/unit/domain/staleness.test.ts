import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cycleIndex,
  cycleStart,
  jakartaDateOf,
  missedCycles,
  reasonText,
  stalenessCutoff,
  stalenessOf,
  stalenessPolicySchema,
  type StalenessPolicy,
} from '../../../functions/src/domain/index.js';

const monthly: StalenessPolicy = { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: null };
const cutoff17: StalenessPolicy = { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: 17 };
/** An instant given as a Jakarta wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('staleness: seed 002 (warn after 1 and 2 months, beku after 3 consecutive months)', () => {
  const last = wib('2025-01-05T10:00:00');

  it.each([
    ['2025-01-31T23:59:59', 'ok', 0],
    ['2025-02-28T23:59:59', 'ok', 0],
    ['2025-03-01T00:00:00', 'peringatan', 1],
    ['2025-04-01T00:00:00', 'peringatan', 2],
    ['2025-04-30T23:59:59', 'peringatan', 2],
    ['2025-05-01T00:00:00', 'beku', 3],
    ['2026-01-01T00:00:00', 'beku', 11],
  ] as const)('calendar months: at %s (WIB) → %s, %i missed', (now, level, missed) => {
    expect(stalenessOf(last, wib(now), monthly)).toMatchObject({ level, missed });
  });

  it('freezes at 00:00 WIB on 1 May, which is 30 April 17:00 UTC', () => {
    const s = stalenessOf(last, wib('2025-03-10T00:00:00'), monthly);
    expect(s.freezesAt.toISOString()).toBe('2025-04-30T17:00:00.000Z');
    expect(stalenessOf(last, new Date('2025-04-30T16:59:59Z'), monthly).level).toBe('peringatan');
    expect(stalenessOf(last, new Date('2025-04-30T17:00:00Z'), monthly).level).toBe('beku');
  });

  it('explains itself in Bahasa Indonesia and English, from a code and its params', () => {
    expect(stalenessOf(last, wib('2025-02-10T00:00:00'), monthly).reason).toBeNull();
    const due = stalenessOf(last, wib('2025-03-10T00:00:00'), monthly).reason!;
    expect(due).toEqual({ code: 'household.verval_due', params: { missed: 1, deadline: '2025-04-30', remaining: 2 } });
    expect(reasonText(due)).toBe('Belum ada verval selama 1 bulan; lakukan verval paling lambat 2025-04-30 agar data tidak beku (2 bulan lagi)');
    expect(reasonText(due, 'en')).toBe('No verval for 1 month; verify by 2025-04-30 so the data is not frozen (2 months left)');
    const frozen = stalenessOf(last, wib('2025-05-02T00:00:00'), monthly).reason!;
    expect(frozen).toEqual({ code: 'household.beku', params: { missed: 3, limit: 3 } });
    expect(reasonText(frozen)).toBe('Data beku: tidak ada verval selama 3 bulan berturut-turut (batas 3 bulan)');
  });

  it('with a cut-off on the 17th, a cycle runs from the 18th to the 17th', () => {
    // A verval on 17 January belongs to January's cycle; on 18 January, to February's.
    expect(cycleIndex(wib('2025-01-17T23:59:59'), cutoff17)).toBe(2025 * 12 + 0);
    expect(cycleIndex(wib('2025-01-18T00:00:00'), cutoff17)).toBe(2025 * 12 + 1);
    expect(cycleStart(2025 * 12 + 1, cutoff17).toISOString()).toBe(wib('2025-01-18T00:00:00').toISOString());
    expect(cycleStart(2025 * 12 + 0, cutoff17).toISOString()).toBe(wib('2024-12-18T00:00:00').toISOString());
    const s = stalenessOf(wib('2025-01-17T12:00:00'), wib('2025-02-18T00:00:00'), cutoff17);
    expect(s).toMatchObject({ level: 'peringatan', missed: 1 });
    expect(s.freezesAt.toISOString()).toBe(wib('2025-04-18T00:00:00').toISOString());
    expect(stalenessOf(wib('2025-01-18T12:00:00'), wib('2025-02-18T00:00:00'), cutoff17).level).toBe('ok');
  });

  it('a verval later than now (clock skew) counts as no missed cycle', () => {
    expect(missedCycles(wib('2025-03-01T00:00:00'), wib('2025-01-01T00:00:00'), monthly)).toBe(0);
  });

  it('the policy schema keeps warnings before the freeze, and the cut-off within 1–28', () => {
    expect(stalenessPolicySchema.safeParse({ warnAfterMonths: [3], freezeAfterMonths: 3, cutoffDay: null }).success).toBe(false);
    expect(stalenessPolicySchema.safeParse({ warnAfterMonths: [1], freezeAfterMonths: 3, cutoffDay: 29 }).success).toBe(false);
    expect(stalenessPolicySchema.safeParse(cutoff17).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random dates and policies

const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true });
const policy: fc.Arbitrary<StalenessPolicy> = fc
  .record({
    freezeAfterMonths: fc.integer({ min: 1, max: 6 }),
    cutoffDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
    warnMask: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ freezeAfterMonths, cutoffDay, warnMask }) => ({
    freezeAfterMonths,
    cutoffDay,
    warnAfterMonths: warnMask.flatMap((on, i) => (on && i + 1 < freezeAfterMonths ? [i + 1] : [])),
  }));
const RANK = { ok: 0, peringatan: 1, beku: 2 } as const;
const sorted = (a: Date, b: Date): [Date, Date] => (a <= b ? [a, b] : [b, a]);

describe('staleness properties (fast-check)', () => {
  it('every instant lies in its own cycle: cycleStart(i) ≤ t < cycleStart(i + 1), both at 00:00 WIB', () => {
    fc.assert(
      fc.property(instant, policy, (t, p) => {
        const i = cycleIndex(t, p);
        const start = cycleStart(i, p);
        const next = cycleStart(i + 1, p);
        expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(next.getTime());
        expect((start.getTime() + 7 * 3_600_000) % 86_400_000).toBe(0);
        // A cycle opens the day after the cut-off day (the 1st without one).
        if (p.cutoffDay === null) expect(jakartaDateOf(start).day).toBe(1);
        else expect(jakartaDateOf(new Date(start.getTime() - 1)).day).toBe(p.cutoffDay);
      }),
      { numRuns: 1000 },
    );
  });

  it('beku exactly from freezesAt on; the staleness cut-off selects exactly the beku households', () => {
    fc.assert(
      fc.property(instant, instant, policy, (a, b, p) => {
        const [last, now] = sorted(a, b);
        const s = stalenessOf(last, now, p);
        expect(s.level === 'beku').toBe(now.getTime() >= s.freezesAt.getTime());
        expect(last.getTime() < stalenessCutoff(now, p).getTime()).toBe(s.level === 'beku');
        expect(stalenessOf(last, new Date(s.freezesAt.getTime() - 1), p).level).not.toBe('beku');
        expect(stalenessOf(last, s.freezesAt, p).level).toBe('beku');
      }),
      { numRuns: 1000 },
    );
  });

  it('the cut-off for N months selects exactly the households that missed N cycles or more (the daily job queries each level with it)', () => {
    fc.assert(
      fc.property(instant, instant, policy, fc.integer({ min: 1, max: 24 }), (a, b, p, months) => {
        const [last, now] = sorted(a, b);
        expect(last.getTime() < stalenessCutoff(now, p, months).getTime()).toBe(missedCycles(last, now, p) >= months);
      }),
      { numRuns: 1000 },
    );
  });

  it('staleness never decreases as time passes without verval, and the level follows the thresholds', () => {
    fc.assert(
      fc.property(instant, instant, instant, policy, (a, b, c, p) => {
        const [last, mid] = sorted(a, b);
        const [, later] = sorted(mid, c > mid ? c : mid);
        const s1 = stalenessOf(last, mid, p);
        const s2 = stalenessOf(last, later, p);
        expect(s2.missed).toBeGreaterThanOrEqual(s1.missed);
        expect(RANK[s2.level]).toBeGreaterThanOrEqual(RANK[s1.level]);
        const expected = s1.missed >= p.freezeAfterMonths ? 'beku' : p.warnAfterMonths.some((w) => s1.missed >= w) ? 'peringatan' : 'ok';
        expect(s1.level).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('a verval now, or earlier in the same cycle, means nothing is missed', () => {
    fc.assert(
      fc.property(instant, policy, (now, p) => {
        const start = cycleStart(cycleIndex(now, p), p);
        expect(stalenessOf(now, now, p)).toMatchObject({ level: 'ok', missed: 0 });
        expect(stalenessOf(start, now, p).missed).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('without a cut-off day, missed = whole Jakarta calendar months between the two months, minus one', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [last, now] = sorted(a, b);
        const l = jakartaDateOf(last);
        const n = jakartaDateOf(now);
        const months = (n.year - l.year) * 12 + (n.month - l.month);
        expect(missedCycles(last, now, monthly)).toBe(Math.max(0, months - 1));
      }),
      { numRuns: 1000 },
    );
  });
});
