import { z } from 'zod';
import { daysInMonth, isoDateOn, jakartaDateOf, jakartaStartOfDay } from './dates.js';
import { because, type Reason } from './reason.js';

/**
 * "Data beku" (seed 002): a household not verified (verval) for N consecutive monthly cycles is
 * frozen. Cycles are calendar months in Asia/Jakarta time that close on a cut-off day (e.g. the
 * 17th, data pulled on the 18th); without a cut-off day a cycle is the calendar month.
 */
export const stalenessPolicySchema = z
  .object({
    /** Months without verval after which operators are warned (e.g. [1, 2]). */
    warnAfterMonths: z.array(z.number().int().min(1).max(24)),
    /** Months without verval after which the household is frozen. */
    freezeAfterMonths: z.number().int().min(1).max(24),
    /** Day of month a cycle closes (1–28), or null for the end of the calendar month. */
    cutoffDay: z.number().int().min(1).max(28).nullable(),
  })
  .refine((p) => p.warnAfterMonths.every((w) => w < p.freezeAfterMonths), {
    error: 'Peringatan harus sebelum batas data beku',
    path: ['warnAfterMonths'],
  });
export type StalenessPolicy = z.infer<typeof stalenessPolicySchema>;

export type StalenessLevel = 'ok' | 'peringatan' | 'beku';

/**
 * Index of the monthly cycle an instant falls in (year*12 + month0). With a cut-off day C, the
 * cycle of month M runs from day C+1 of month M-1 through day C of month M.
 */
export function cycleIndex(instant: Date, policy: Pick<StalenessPolicy, 'cutoffDay'>): number {
  const d = jakartaDateOf(instant);
  const base = d.year * 12 + (d.month - 1);
  return policy.cutoffDay !== null && d.day > policy.cutoffDay ? base + 1 : base;
}

/** First instant (00:00 Jakarta) of a cycle. */
export function cycleStart(index: number, policy: Pick<StalenessPolicy, 'cutoffDay'>): Date {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (policy.cutoffDay === null) return jakartaStartOfDay(year, month, 1);
  // Day after the previous month's cut-off.
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const cutoff = Math.min(policy.cutoffDay, daysInMonth(prevYear, prevMonth));
  return jakartaStartOfDay(prevYear, prevMonth, cutoff + 1);
}

/** Completed cycles since the one with the last verval, in which no verval happened. */
export function missedCycles(lastVerval: Date, now: Date, policy: StalenessPolicy): number {
  return Math.max(0, cycleIndex(now, policy) - cycleIndex(lastVerval, policy) - 1);
}

export interface Staleness {
  level: StalenessLevel;
  /** Completed cycles without verval. */
  missed: number;
  /** First instant at which the household is frozen if no verval happens before it. */
  freezesAt: Date;
  /** What to tell the operator; null when all is well. */
  reason: Reason | null;
}

/**
 * Where a household stands: `ok`, `peringatan` (a warning threshold reached, e.g. 1 or 2 missed
 * months), or `beku` (the freeze threshold reached, e.g. 3 consecutive months without verval).
 */
export function stalenessOf(lastVerval: Date, now: Date, policy: StalenessPolicy): Staleness {
  const missed = missedCycles(lastVerval, now, policy);
  const freezesAt = cycleStart(cycleIndex(lastVerval, policy) + policy.freezeAfterMonths + 1, policy);
  const deadline = isoDateOn(new Date(freezesAt.getTime() - 1));
  if (missed >= policy.freezeAfterMonths) {
    return {
      level: 'beku',
      missed,
      freezesAt,
      reason: because('household.beku', { missed, limit: policy.freezeAfterMonths }),
    };
  }
  const warned = policy.warnAfterMonths.some((w) => missed >= w);
  if (!warned) return { level: 'ok', missed, freezesAt, reason: null };
  return {
    level: 'peringatan',
    missed,
    freezesAt,
    reason: because('household.verval_due', { missed, deadline, remaining: policy.freezeAfterMonths - missed }),
  };
}

/**
 * The staleness cut-off: households whose last verval is before this instant have missed at least
 * `months` whole cycles at `now` (with the default, the freeze threshold: they are beku). The daily
 * job queries `lastVervalAt < stalenessCutoff(now, policy, level)` for each level, so it reads only
 * households that are due.
 */
export function stalenessCutoff(now: Date, policy: StalenessPolicy, months: number = policy.freezeAfterMonths): Date {
  return cycleStart(cycleIndex(now, policy) - months, policy);
}
