import { DEFAULT_STALENESS_POLICY, isoDateOn, stalenessOf, type HouseholdStatus, type StalenessLevel, type StalenessPolicy } from '$domain/index.js';

/**
 * What the operator needs to know about a household's verval: when it was last verified, the day
 * by which the next verval must happen so it does not become "data beku", and how many days are
 * left. Pure (dates in, facts out), unit-tested; the pages format the dates.
 */
export interface VervalFacts {
  level: StalenessLevel;
  /** Completed monthly cycles without a verval. */
  missed: number;
  lastVerval: Date;
  /** First instant at which the household is frozen if no verval happens before it. */
  freezesAt: Date;
  /** The last day (Asia/Jakarta) a verval keeps it from freezing, `YYYY-MM-DD`. */
  deadline: string;
  /** Whole days from today (Jakarta) to the deadline, 0 on the day itself, negative once past. */
  daysLeft: number;
  /** The household needs attention: warned, frozen, or past the limit and waiting for the daily job. */
  urgent: boolean;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

export interface VervalSubject {
  status: HouseholdStatus;
  lastVervalAt: Date;
  /** As the daily job left it; the stored level wins when it is more severe than today's computation. */
  staleness: { level: StalenessLevel; missed: number; freezesAt: Date | null };
}

export function vervalFacts(h: VervalSubject, now: Date, policy: StalenessPolicy = DEFAULT_STALENESS_POLICY): VervalFacts {
  const s = stalenessOf(h.lastVervalAt, now, policy);
  const rank: Record<StalenessLevel, number> = { ok: 0, peringatan: 1, beku: 2 };
  const stored = h.status === 'beku' ? 'beku' : h.staleness.level;
  const level = rank[stored] > rank[s.level] ? stored : s.level;
  const deadline = isoDateOn(new Date(s.freezesAt.getTime() - 1));
  const daysLeft = dayNumber(deadline) - dayNumber(isoDateOn(now));
  return {
    level,
    missed: Math.max(s.missed, h.staleness.missed),
    lastVerval: h.lastVervalAt,
    freezesAt: s.freezesAt,
    deadline,
    daysLeft,
    urgent: level !== 'ok' || daysLeft < 0,
  };
}

/**
 * Which forms the household page offers: the rules the verval and sticker triggers apply
 * (domain/plans/field-reports.ts), so the page and the triggers cannot disagree.
 */
export { receivesSticker as stickerAllowed, vervalApplies as vervalAllowed } from '$domain/plans/field-reports.js';
