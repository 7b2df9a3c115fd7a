import { isoDateOn } from './dates.js';
import { eligibility, type EligibilityHousehold, type EligibilityMember, type ProgramDecision } from './eligibility.js';
import { versionOnDay, type Program, type ProgramLevel } from './programs.js';
import { reason, type Reason } from './reason.js';

/**
 * Layered programs without double assistance (seed 004, Lampung: "nomor satu sampai sekian sudah
 * dibantu pusat, jadi tidak akan double"). Central programs are decided by Kemensos; provincial and
 * kabupaten programs with a quota are then allocated here, by rank, to eligible households that
 * no overlapping program already covers. Every household left out gets its reasons.
 */
export interface LayeringHousehold extends EligibilityHousehold {
  id: string;
  members?: readonly EligibilityMember[] | null;
  /** Finer rank within the desil when known (e.g. the BPS percentile); lower is poorer. */
  rank?: number | null;
  /**
   * Programs the household actually receives now (KPM lists). When absent, a central program
   * counts as covering the household if the household is eligible for it.
   */
  receives?: readonly string[];
}

export interface Allocated {
  householdId: string;
  desil: number;
  /** 1-based place in the ranking of eligible, uncovered households. */
  position: number;
}

export interface Skipped {
  householdId: string;
  reasons: Reason[];
}

export interface ProgramAllocation {
  programId: string;
  programName: string;
  level: ProgramLevel;
  quota: number | null;
  allocated: Allocated[];
  skipped: Skipped[];
}

const LEVEL_ORDER: Record<ProgramLevel, number> = { pusat: 0, provinsi: 1, kabupaten: 2 };

/** Lowest desil first, then the finer rank (unknown last), then household id: deterministic. */
export function compareByNeed(a: Pick<LayeringHousehold, 'id' | 'desil' | 'rank'>, b: Pick<LayeringHousehold, 'id' | 'desil' | 'rank'>): number {
  const da = a.desil ?? Number.POSITIVE_INFINITY;
  const db = b.desil ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Allocates every provincial and kabupaten program in force on `date` (provinsi first, then
 * kabupaten, each in id order). A household is skipped when it is not eligible (the eligibility
 * reasons are kept), when a program it must not double is already covering it (central programs,
 * and layered programs allocated earlier in this run), or when the quota is used up.
 */
export function allocateLayeredPrograms(households: readonly LayeringHousehold[], programs: readonly Program[], date: Date): ProgramAllocation[] {
  const day = isoDateOn(date);
  const central = programs.filter((p) => p.level === 'pusat');
  const centralIds = central.map((p) => p.id);
  const coverage = new Map<string, Set<string>>();
  for (const h of households) {
    const covered = new Set<string>();
    if (h.receives) {
      for (const id of h.receives) covered.add(id);
    } else {
      for (const d of eligibility(h, h.members ?? null, central, date)) if (d.eligible) covered.add(d.programId);
    }
    coverage.set(h.id, covered);
  }

  const layered = programs
    .filter((p) => p.level !== 'pusat' && versionOnDay(p, day) !== null)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.id < b.id ? -1 : 1));

  const results: ProgramAllocation[] = [];
  for (const program of layered) {
    const version = versionOnDay(program, day)!;
    const overlaps = version.overlapsWith ?? centralIds;
    const quota = version.quota ?? null;
    const skipped: Skipped[] = [];
    const candidates: LayeringHousehold[] = [];
    for (const h of households) {
      const [decision] = eligibility(h, h.members ?? null, [program], date) as [ProgramDecision];
      if (!decision.eligible) {
        skipped.push({
          householdId: h.id,
          reasons: [reason('layering.not_eligible', `Tidak memenuhi syarat ${program.name}`), ...decision.reasons.filter(isNegative)],
        });
        continue;
      }
      const covered = coverage.get(h.id)!;
      const by = overlaps.filter((id) => covered.has(id));
      if (by.length > 0) {
        skipped.push({
          householdId: h.id,
          reasons: [reason('layering.covered', `Sudah menerima ${by.join(', ')}; ${program.name} tidak boleh menjadi bantuan ganda`)],
        });
        continue;
      }
      candidates.push(h);
    }
    candidates.sort(compareByNeed);
    const allocated: Allocated[] = [];
    candidates.forEach((h, i) => {
      const position = i + 1;
      if (quota === null || position <= quota) {
        allocated.push({ householdId: h.id, desil: h.desil!, position });
        coverage.get(h.id)!.add(program.id);
      } else {
        skipped.push({
          householdId: h.id,
          reasons: [
            reason(
              'layering.quota_full',
              `Kuota ${program.name} ${quota} keluarga sudah terpenuhi oleh keluarga dengan peringkat lebih rendah; keluarga ini di urutan ${position}`,
            ),
          ],
        });
      }
    });
    results.push({ programId: program.id, programName: program.name, level: program.level, quota, allocated, skipped });
  }
  return results;
}

/** Reasons that explain a "no" (the positive ones, like `desil.in_band`, are noise in a skip list). */
function isNegative(r: Reason): boolean {
  return !r.code.startsWith('desil.in_band') && !r.code.startsWith('criteria.met') && r.code !== 'criteria.not_checked';
}
