import { z } from 'zod';
import { isoDateOn, jakartaStartOfDay, parseIsoDate } from './dates.js';
import { likelyDuplicateKey } from './duplicates.js';
import { meetingDateInWindow } from './schemas.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './eligibility.js';
import { SUBMITTED_MUSYAWARAH_STATUSES } from './musyawarah-status.js';
import { cycleIndex, type StalenessPolicy } from './staleness.js';

/**
 * Statistics of the register, one document per desa, kecamatan and kabupaten
 * (`stats/desa_17.02.06.2001`, `stats/kecamatan_17.02.06`, `stats/kabupaten_17.02`).
 *
 * Every source document (household, member, musyawarah, user profile) *contributes* a small tally
 * of numbers to the stats documents of its wilayah. A change of the source adds the difference
 * after − before of its contributions, with increments: deltas commute, so duplicate-free delivery
 * in any order ends in the same numbers, and the daily reconciliation recomputes the same
 * contributions from the source to find and repair drift. Everything that depends on "now" (the
 * current cycle) is kept by day and counted at read time (`vervalProgress`, `musyawarahInCycle`), so
 * the numbers never need a reset when a cycle turns.
 *
 * What is counted (the `counts` map of a stats document; a missing key is 0):
 * - `households.<status>`: households by status (aktif, beku, ditangguhkan, keluar);
 * - `people.<status>`: people (the household's `memberCount`) by the status of their household;
 * - `desil.<1–10 | tanpa>`: households still in the register (every status but keluar) by desil;
 * - `recipients.<programId>`: households eligible for the program; `recipientHouseholds`: eligible
 *   for at least one; `stickerInstalled`: of those, the houses with the program sticker (seed 000);
 * - `vervalByDay.<YYYY-MM-DD>`: active households by the Jakarta day of their last verval;
 * - `nikMissing`, `nikInvalid`: members still in their household flagged `nik.missing` / `nik.invalid`;
 * - `musyawarahByDay.<YYYY-MM-DD>`: submitted musyawarah (held) with at least one usulan, by meeting
 *   date, a day within a year before its submission or the day after (`musyawarahContribution`);
 * - `operatorsByDesa.<desa code>` (kabupaten document only): active operators per desa (seed 001).
 * Likely duplicates need the whole desa at once, so only the daily reconciliation counts them
 * (`likelyDuplicates`, outside `counts`).
 */
export const STATS_LEVELS = ['desa', 'kecamatan', 'kabupaten'] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];

/** Member flags the statistics count. `nik.invalid` marks a stored NIK known to fail the NIK rules (e.g. imported data). */
export const MEMBER_FLAGS = { nikMissing: 'nik.missing', nikInvalid: 'nik.invalid' } as const;

/**
 * `statsEvents/{source}_{eventId}`: one marker per trigger event already counted, created in the same
 * batch as its increments, so a second delivery of the event fails as a whole and counts nothing.
 * Deleted by a TTL policy on `expireAt` (firestore.indexes.json), days after any redelivery.
 */
export const STATS_EVENTS_COLLECTION = 'statsEvents';
export interface StatsEventDoc<Ts> {
  source: string;
  eventId: string;
  at: Ts;
  expireAt: Ts;
}

/** Which stats document a contribution goes to, with the fields that identify it (and that the rules read). */
export interface StatsScope {
  id: string;
  level: StatsLevel;
  code: string;
  kabupatenCode: string;
  kecamatanCode: string | null;
  desaCode: string | null;
}

export function statsId(level: StatsLevel, code: string): string {
  return `${level}_${code}`;
}

const DESA_CODE = /^(\d{2}\.\d{2})\.\d{2}\.\d{4}$/;

/** The desa, kecamatan and kabupaten documents a desa's data counts in; null for a malformed code. */
export function statsScopesOf(desaCode: string): StatsScope[] | null {
  const m = DESA_CODE.exec(desaCode);
  if (!m) return null;
  const kabupatenCode = m[1]!;
  const kecamatanCode = desaCode.slice(0, 8);
  return [
    { id: statsId('desa', desaCode), level: 'desa', code: desaCode, kabupatenCode, kecamatanCode, desaCode },
    { id: statsId('kecamatan', kecamatanCode), level: 'kecamatan', code: kecamatanCode, kabupatenCode, kecamatanCode, desaCode: null },
    kabupatenScope(kabupatenCode),
  ];
}

export function kabupatenScope(kabupatenCode: string): StatsScope {
  return { id: statsId('kabupaten', kabupatenCode), level: 'kabupaten', code: kabupatenCode, kabupatenCode, kecamatanCode: null, desaCode: null };
}

// ---- tallies: nested maps of numbers --------------------------------------------------------

export interface Tally {
  [key: string]: number | Tally;
}

/** Adds `add` (times `sign`) into `into`, in place; returns `into`. */
export function addTally(into: Tally, add: Tally, sign = 1): Tally {
  for (const [key, value] of Object.entries(add)) {
    const current = into[key];
    if (typeof value === 'number') {
      into[key] = (typeof current === 'number' ? current : 0) + sign * value;
    } else {
      const child = typeof current === 'object' ? current : {};
      into[key] = addTally(child, value, sign);
    }
  }
  return into;
}

/** A copy without zero leaves and empty maps. */
export function pruneTally(tally: Tally): Tally {
  const out: Tally = {};
  for (const [key, value] of Object.entries(tally)) {
    if (typeof value === 'number') {
      if (value !== 0) out[key] = value;
    } else {
      const child = pruneTally(value);
      if (Object.keys(child).length > 0) out[key] = child;
    }
  }
  return out;
}

/** Every number of a tally with its path, in key order. */
export function tallyLeaves(tally: Tally, prefix: string[] = []): { path: string[]; value: number }[] {
  return Object.keys(tally)
    .sort()
    .flatMap((key) => {
      const value = tally[key]!;
      return typeof value === 'number' ? [{ path: [...prefix, key], value }] : tallyLeaves(value, [...prefix, key]);
    });
}

/**
 * A stored map read back as a tally: numbers and maps of numbers are kept, anything else (a
 * timestamp, a string, a malformed value) is left out, so it cannot break a comparison.
 */
export function readTally(data: unknown): Tally {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Tally = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isTimestampLike(value)) out[key] = readTally(value);
  }
  return out;
}

const SIMPLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field path as Firestore writes one: segments that are not plain names go in backticks (`desil.`4``). */
export function formatFieldPath(path: readonly string[]): string {
  return path.map((s) => (SIMPLE_FIELD.test(s) ? s : `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``)).join('.');
}

// ---- contributions of each source document ----------------------------------------------------

/** What one source document adds to each stats document of its wilayah. */
export type Contribution = StatsDelta[];

export interface StatsDelta {
  scope: StatsScope;
  tally: Tally;
}

function isTimestampLike(v: unknown): v is { toDate(): Date } {
  return typeof v === 'object' && v !== null && typeof (v as { toDate?: unknown }).toDate === 'function';
}

/** A stored time: a Date, or a Firestore Timestamp of either SDK (anything with `toDate()`). */
export const storedInstantSchema = z.union([z.date(), z.custom<{ toDate(): Date }>(isTimestampLike).transform((t) => t.toDate())]);

/** The fields of a household the statistics read; the rest of the document is ignored. */
export const statsHouseholdSchema = z.object({
  desaCode: z.string(),
  status: z.enum(HOUSEHOLD_STATUSES),
  desil: z.number().int().min(1).max(10).nullable(),
  memberCount: z.number().int().min(0),
  lastVervalAt: storedInstantSchema.nullable().optional(),
  eligibility: z.record(z.string(), z.object({ eligible: z.boolean() })).default({}),
  sticker: z.object({}).loose().nullable().optional(),
});

function uniform(desaCode: string, tally: Tally): Contribution | null {
  const scopes = statsScopesOf(desaCode);
  return scopes ? scopes.map((scope) => ({ scope, tally })) : null;
}

/** The programs a household is eligible for, in id order. */
export function eligiblePrograms(eligibility: Readonly<Record<string, { eligible: boolean }>>): string[] {
  return Object.keys(eligibility)
    .filter((id) => eligibility[id]!.eligible)
    .sort();
}

/** A household's contribution to its desa, kecamatan and kabupaten; null when the document is not a readable household. */
export function householdContribution(data: unknown): Contribution | null {
  const parsed = statsHouseholdSchema.safeParse(data);
  if (!parsed.success) return null;
  const h = parsed.data;
  const tally: Tally = { households: { [h.status]: 1 }, people: { [h.status]: h.memberCount } };
  if (h.status !== 'keluar') tally.desil = { [h.desil === null ? 'tanpa' : String(h.desil)]: 1 };
  const programs = eligiblePrograms(h.eligibility);
  if (programs.length > 0) {
    tally.recipients = Object.fromEntries(programs.map((p) => [p, 1]));
    tally.recipientHouseholds = 1;
    if (h.sticker) tally.stickerInstalled = 1;
  }
  if (h.status === 'aktif' && h.lastVervalAt) tally.vervalByDay = { [isoDateOn(h.lastVervalAt)]: 1 };
  return uniform(h.desaCode, tally);
}

export const statsMemberSchema = z.object({
  desaCode: z.string(),
  flags: z.array(z.string()).default([]),
  /** Members who left the household stay on record; they no longer count. Absent on older records: in the household. */
  status: z.enum(['aktif', 'keluar']).default('aktif'),
});

/** A member's contribution: the data-quality flags of a member still in the household. */
export function memberContribution(data: unknown): Contribution | null {
  const parsed = statsMemberSchema.safeParse(data);
  if (!parsed.success) return null;
  const m = parsed.data;
  const tally: Tally = {};
  if (m.status === 'aktif') {
    if (m.flags.includes(MEMBER_FLAGS.nikMissing)) tally.nikMissing = 1;
    if (m.flags.includes(MEMBER_FLAGS.nikInvalid)) tally.nikInvalid = 1;
  }
  return uniform(m.desaCode, tally);
}

export const statsMusyawarahSchema = z.object({
  desaCode: z.string(),
  status: z.string(),
  meeting: z.object({ date: z.string() }),
  submittedAt: storedInstantSchema.nullable().optional(),
  /** Its usulan by status, kept by the summarize trigger; absent until it has one. */
  summary: z.object({ total: z.number() }).loose().optional(),
});

/**
 * A musyawarah counts as held once it is submitted with at least one usulan, on its meeting date,
 * if that date lies in the window around its submission that the rules hold it to
 * (`meetingDateInWindow`; `submittedAt` is the server's time). The day keys are thus days near a
 * server time, never a date the client picked beyond them (9999-12-31). They stay days, not
 * months: a cycle may close on a cut-off day, and counting at read time keeps a policy change from
 * needing a recount. The rules cannot see whether a musyawarah has usulan when it is submitted
 * (its usulan may be written in the same batch or later, offline); the summary can, so one
 * submitted empty is not counted until it has one.
 */
export function musyawarahContribution(data: unknown): Contribution | null {
  const parsed = statsMusyawarahSchema.safeParse(data);
  if (!parsed.success || parseIsoDate(parsed.data.meeting.date) === null) return null;
  const m = parsed.data;
  const held =
    (SUBMITTED_MUSYAWARAH_STATUSES as readonly string[]).includes(m.status) &&
    (m.summary?.total ?? 0) > 0 &&
    !!m.submittedAt &&
    meetingDateInWindow(m.meeting.date, m.submittedAt);
  return uniform(m.desaCode, held ? { musyawarahByDay: { [m.meeting.date]: 1 } } : {});
}

export const statsUserSchema = z.object({
  role: z.string().nullable(),
  active: z.boolean(),
  desaCode: z.string().nullable().optional(),
});

/** An active operator counts for their desa in the kabupaten document (seed 001: desa with an operator). */
export function operatorContribution(data: unknown): Contribution | null {
  const parsed = statsUserSchema.safeParse(data);
  if (!parsed.success) return null;
  const u = parsed.data;
  if (u.role !== 'operator' || !u.active || !u.desaCode) return [];
  const m = DESA_CODE.exec(u.desaCode);
  if (!m) return null;
  return [{ scope: kabupatenScope(m[1]!), tally: { operatorsByDesa: { [u.desaCode]: 1 } } }];
}

/**
 * What a change of one source document adds to each stats document: after − before, per document,
 * without zeros; documents with nothing to add are left out. In id order.
 */
export function statsDeltas(before: Contribution | null, after: Contribution | null): StatsDelta[] {
  const byId = new Map<string, StatsDelta>();
  const add = (contribution: Contribution | null, sign: number) => {
    for (const { scope, tally } of contribution ?? []) {
      const entry = byId.get(scope.id) ?? { scope, tally: {} };
      addTally(entry.tally, tally, sign);
      byId.set(scope.id, entry);
    }
  };
  add(before, -1);
  add(after, 1);
  return [...byId.values()]
    .map((d) => ({ scope: d.scope, tally: pruneTally(d.tally) }))
    .filter((d) => Object.keys(d.tally).length > 0)
    .sort((a, b) => (a.scope.id < b.scope.id ? -1 : 1));
}

// ---- reconciliation: recompute from the source, compare ----------------------------------------

/** Sums contributions per stats document, for the reconciliation's pass over the source. */
export class StatsAccumulator {
  private readonly byId = new Map<string, StatsDelta>();

  add(contribution: Contribution | null): void {
    for (const { scope, tally } of contribution ?? []) {
      const entry = this.byId.get(scope.id) ?? { scope, tally: {} };
      addTally(entry.tally, tally);
      this.byId.set(scope.id, entry);
    }
  }

  /** Every stats document that received something, in id order, tallies without zeros. */
  entries(): StatsDelta[] {
    return [...this.byId.values()].map((d) => ({ scope: d.scope, tally: pruneTally(d.tally) })).sort((a, b) => (a.scope.id < b.scope.id ? -1 : 1));
  }
}

export interface DriftEntry {
  /** Path in `counts`, as Firestore writes field paths. */
  field: string;
  /** What the stats document said. */
  stored: number;
  /** What the source says. */
  actual: number;
}

/** Every number on which the stored counts and the recomputed ones disagree (a missing number is 0). */
export function driftBetween(stored: Tally, actual: Tally): DriftEntry[] {
  const storedLeaves = new Map(tallyLeaves(stored).map((l) => [formatFieldPath(l.path), l.value]));
  const actualLeaves = new Map(tallyLeaves(actual).map((l) => [formatFieldPath(l.path), l.value]));
  const fields = [...new Set([...storedLeaves.keys(), ...actualLeaves.keys()])].sort();
  return fields.flatMap((field) => {
    const s = storedLeaves.get(field) ?? 0;
    const a = actualLeaves.get(field) ?? 0;
    return s === a ? [] : [{ field, stored: s, actual: a }];
  });
}

/**
 * Counts likely-duplicate groups while reading members one by one, keeping one small entry per key
 * instead of every record. A group is two or more people with the same `likelyDuplicateKey`
 * (normalised name, birth date, desa), at least one of them without NIK: two records with two
 * different NIKs are two people as far as Dukcapil is concerned, and the same NIK twice is caught
 * by the NIK index.
 */
export class LikelyDuplicateCounter {
  private readonly byKey = new Map<string, { desaCode: string; count: number; withoutNik: boolean }>();

  add(person: { name: string; birthDate: string; desaCode: string; nik: string | null }): void {
    const key = likelyDuplicateKey(person);
    const entry = this.byKey.get(key) ?? { desaCode: person.desaCode, count: 0, withoutNik: false };
    entry.count += 1;
    entry.withoutNik ||= !person.nik;
    this.byKey.set(key, entry);
  }

  /** Groups per desa code. */
  groupsByDesa(): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.byKey.values()) {
      if (e.count >= 2 && e.withoutNik) out.set(e.desaCode, (out.get(e.desaCode) ?? 0) + 1);
    }
    return out;
  }
}

// ---- reading: what the portal shows --------------------------------------------------------------

/** The desa with at least one active operator, in code order. */
export function activeOperatorDesa(operatorsByDesa: Readonly<Record<string, number>> | undefined): string[] {
  return Object.keys(operatorsByDesa ?? {})
    .filter((code) => operatorsByDesa![code]! > 0)
    .sort();
}

/** The sum of a by-day map over the days of one cycle (cycles as the staleness policy defines them). */
export function countInCycle(byDay: Readonly<Record<string, number>> | undefined, cycle: number, policy: Pick<StalenessPolicy, 'cutoffDay'>): number {
  let total = 0;
  for (const [day, n] of Object.entries(byDay ?? {})) {
    const d = parseIsoDate(day);
    if (d && cycleIndex(jakartaStartOfDay(d.year, d.month, d.day), policy) === cycle) total += n;
  }
  return total;
}

/** The counts a stats document holds, as the portal reads them (every key optional: a missing number is 0). */
export interface StatsCounts {
  households?: Partial<Record<HouseholdStatus, number>>;
  people?: Partial<Record<HouseholdStatus, number>>;
  desil?: Record<string, number>;
  recipients?: Record<string, number>;
  recipientHouseholds?: number;
  stickerInstalled?: number;
  vervalByDay?: Record<string, number>;
  nikMissing?: number;
  nikInvalid?: number;
  musyawarahByDay?: Record<string, number>;
  operatorsByDesa?: Record<string, number>;
}

/** Verval progress this cycle: active households verified in the cycle of `now`, of all active ones. */
export function vervalProgress(
  counts: StatsCounts,
  policy: Pick<StalenessPolicy, 'cutoffDay'>,
  now: Date,
): { cycle: number; verified: number; active: number } {
  const cycle = cycleIndex(now, policy);
  return { cycle, verified: countInCycle(counts.vervalByDay, cycle, policy), active: counts.households?.aktif ?? 0 };
}

/** Musyawarah held (submitted) with a meeting date in the cycle of `now`. */
export function musyawarahInCycle(counts: StatsCounts, policy: Pick<StalenessPolicy, 'cutoffDay'>, now: Date): number {
  return countInCycle(counts.musyawarahByDay, cycleIndex(now, policy), policy);
}
