import { z } from 'zod';
import { dayBefore, isoDateOn } from './dates.js';
import { because, type Reason } from './reason.js';
import { isoDateSchema, OCCUPATIONS, SCHOOL_LEVELS } from './schemas.js';
import { parseWilayahCode } from './wilayah.js';

/**
 * Programs are configuration, never constants: each has dated versions of its desil band, its
 * extra criteria, its exclusions, its quota and the legal basis for them, because all of these
 * change by decree (e.g. Kepmensos 79/HUK/2025).
 */
export const PROGRAM_LEVELS = ['pusat', 'provinsi', 'kabupaten'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number];
export const PROGRAM_LEVEL_LABELS: Record<ProgramLevel, string> = { pusat: 'Pusat', provinsi: 'Provinsi', kabupaten: 'Kabupaten/kota' };

const age = z.number().int().min(0).max(130);

/**
 * One component of a household that a program requires (PKH: at least one of them). Ages are whole
 * years on the evaluation date, bounds inclusive.
 */
export const criterionSchema = z.discriminatedUnion('kind', [
  /** A member hamil or nifas. */
  z.object({ kind: z.literal('pregnancy') }),
  /** A child aged `maxAge` or younger (PKH: 0–6). */
  z.object({ kind: z.literal('early_childhood'), maxAge: age }),
  /** A child of `minAge`–`maxAge` enrolled at one of `levels` (PKH: SD/SMP/SMA, 6–21). */
  z.object({ kind: z.literal('school_child'), minAge: age, maxAge: age, levels: z.array(z.enum(SCHOOL_LEVELS)).min(1) }),
  /** A member aged `minAge` or older. */
  z.object({ kind: z.literal('elderly'), minAge: age }),
  /** A member with severe disability. */
  z.object({ kind: z.literal('severe_disability') }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const programVersionSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    /** Last day the version applies (inclusive); null while it is in force. */
    effectiveTo: isoDateSchema.nullable(),
    desilMin: z.number().int().min(1).max(10),
    desilMax: z.number().int().min(1).max(10),
    legalBasis: z.string().trim().min(1),
    /** The household must have at least one of these components; absent: no extra criteria. */
    criteria: z.object({ anyOf: z.array(criterionSchema).min(1) }).optional(),
    /** A household with a member in one of these occupations is excluded (ASN/TNI/Polri). */
    exclusions: z.object({ occupations: z.array(z.enum(OCCUPATIONS)).min(1) }).optional(),
    /** Provincial/kabupaten programs: how many households it can serve; absent: no limit. */
    quota: z.number().int().min(0).optional(),
    /**
     * Programs whose recipients this one must not serve again (no double assistance). Absent on a
     * provincial/kabupaten program: every central (pusat) program. An empty list: none.
     */
    overlapsWith: z.array(z.string()).optional(),
  })
  .refine((v) => v.desilMin <= v.desilMax, { error: 'Batas bawah desil tidak boleh melebihi batas atas', path: ['desilMin'] })
  .refine((v) => v.effectiveTo === null || v.effectiveTo >= v.effectiveFrom, {
    error: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai',
    path: ['effectiveTo'],
  });

export const programSchema = z.object({
  id: z.string().regex(/^[A-Z0-9_-]{2,32}$/, { error: 'Kode program hanya huruf besar, angka, - dan _' }),
  name: z.string().trim().min(2).max(120),
  level: z.enum(PROGRAM_LEVELS),
  /** Wilayah the program serves: a province (`PP`) for provinsi, a kabupaten (`PP.KK`) for kabupaten. */
  scope: z.string().optional(),
  versions: z.array(programVersionSchema).min(1),
});
export type Program = z.infer<typeof programSchema>;
export type ProgramVersion = z.infer<typeof programVersionSchema>;

/** The version in force on a date (Jakarta calendar), or null. ISO dates compare as strings. */
export function versionOn(program: Program, date: Date): ProgramVersion | null {
  return versionOnDay(program, isoDateOn(date));
}

/** The version in force on a `YYYY-MM-DD` day, or null. */
export function versionOnDay(program: Program, day: string): ProgramVersion | null {
  return program.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo)) ?? null;
}

/**
 * Checks a whole program configuration beyond each document's shape: unique ids, a scope that
 * fits the level, versions that do not overlap in time, and overlaps that name known programs.
 */
export function checkProgramConfig(programs: readonly Program[]): Reason[] {
  const reasons: Reason[] = [];
  const ids = new Set<string>();
  programs.forEach((p, i) => {
    const field = `programs.${i}`;
    if (ids.has(p.id)) reasons.push(because('program.duplicate_id', { program: p.id }, `${field}.id`));
    ids.add(p.id);
    const scope = p.scope === undefined ? null : parseWilayahCode(p.scope);
    const wanted = p.level === 'provinsi' ? 'provinsi' : p.level === 'kabupaten' ? 'kabupaten' : null;
    if (wanted === null && scope !== null) {
      reasons.push(because('program.scope_pusat', { program: p.id }, `${field}.scope`));
    } else if (wanted !== null && (scope === null || !scope.ok || scope.value.level !== wanted)) {
      reasons.push(because('program.scope', { program: p.id, level: p.level }, `${field}.scope`));
    }
    const sorted = [...p.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (let k = 1; k < sorted.length; k += 1) {
      const prev = sorted[k - 1]!;
      const next = sorted[k]!;
      if (prev.effectiveTo === null || prev.effectiveTo >= next.effectiveFrom) {
        reasons.push(because('program.version_overlap', { program: p.id, from: prev.effectiveFrom, next: next.effectiveFrom }, `${field}.versions`));
      }
    }
  });
  programs.forEach((p, i) => {
    p.versions.forEach((v, j) => {
      for (const other of v.overlapsWith ?? []) {
        if (!ids.has(other) || other === p.id) {
          reasons.push(because('program.overlap_unknown', { program: p.id, other }, `programs.${i}.versions.${j}.overlapsWith`));
        }
      }
    });
  });
  return reasons;
}

/**
 * Programs whose band in force changes on this day (Jakarta): a version starts today or ended
 * yesterday. A decree dated in advance takes effect on its day, so eligibility is re-evaluated then.
 */
export function programsChangingOn(programs: readonly Program[], date: Date): Program[] {
  const today = isoDateOn(date);
  const yesterday = isoDateOn(new Date(date.getTime() - 86_400_000));
  return programs.filter((p) => p.versions.some((v) => v.effectiveFrom === today || v.effectiveTo === yesterday));
}

/**
 * Who may set a program: national (pusat) programs ship with the deployment (functions/src/domain/
 * defaults/programs.json, by decree of the ministry) and provincial ones are the province's; a
 * kabupaten admin sets only the kabupaten's own programs. The portal offers the form by this rule.
 */
export function mayConfigureProgram(program: Pick<Program, 'level' | 'scope'>, kabupatenCode: string): boolean {
  return program.level === 'kabupaten' && program.scope === kabupatenCode;
}

/** A version as history compares it: everything but its last day, keys in order at every depth. */
const withoutEnd = ({ effectiveTo: _end, ...rest }: ProgramVersion): string => JSON.stringify(canonical(rest));
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;

/**
 * Whether a kabupaten admin may save `after` over `before` (absent: a new program) on `today`
 * (Jakarta, YYYY-MM-DD): the program must be the kabupaten's own, before and after; a version that
 * has begun is history — its band, criteria, exclusions, quota, overlaps and legal basis stay as
 * they were, and it may only be closed, from today on (its last day yesterday at the earliest); a
 * version that has ended stays ended. Versions that have not begun may be changed or withdrawn.
 */
export function checkProgramChange(before: Program | undefined, after: Program, kabupatenCode: string, today: string): Reason[] {
  const reasons: Reason[] = [];
  if (!mayConfigureProgram(after, kabupatenCode) || (before && !mayConfigureProgram(before, kabupatenCode))) {
    const level = before && !mayConfigureProgram(before, kabupatenCode) ? before.level : after.level;
    reasons.push(because('program.not_yours', { program: after.id, level }, 'level'));
    return reasons;
  }
  const yesterday = dayBefore(today);
  for (const old of before?.versions ?? []) {
    if (old.effectiveFrom > today) continue;
    const kept = after.versions.find((v) => v.effectiveFrom === old.effectiveFrom);
    const ended = old.effectiveTo !== null && old.effectiveTo < today;
    const closedLawfully =
      kept !== undefined && (kept.effectiveTo === old.effectiveTo || (!ended && kept.effectiveTo !== null && kept.effectiveTo >= yesterday));
    if (!kept || withoutEnd(kept) !== withoutEnd(old) || !closedLawfully) {
      reasons.push(because('program.version_history', { program: after.id, from: old.effectiveFrom, yesterday }, 'versions'));
    }
  }
  return reasons;
}
