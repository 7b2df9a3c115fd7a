import { ageOn, formatIsoDate, isRealDate, jakartaDateOf, type CalendarDate } from './dates.js';
import type { EligibilityMap } from './documents.js';
import { versionOnDay, type Criterion, type Program, type ProgramVersion } from './programs.js';
import { because, type Reason, type ReasonParams } from './reason.js';
import type { DisabilityLevel, Occupation, SchoolLevel } from './schemas.js';
import { isWithin } from './wilayah.js';

export const HOUSEHOLD_STATUSES = ['aktif', 'beku', 'ditangguhkan', 'keluar'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  aktif: 'Aktif',
  beku: 'Data beku',
  ditangguhkan: 'Ditangguhkan',
  keluar: 'Keluar dari register',
};

export interface EligibilitySubject {
  desil: number | null;
  status: HouseholdStatus;
}

/** The household as eligibility sees it; `desaCode` is needed for provincial/kabupaten programs. */
export interface EligibilityHousehold extends EligibilitySubject {
  desaCode?: string | null;
}

/** What eligibility reads of a member; the optional fields may be missing on older records. */
export interface EligibilityMember {
  birthDate: string; // YYYY-MM-DD
  sex?: 'L' | 'P';
  occupation?: Occupation;
  pregnant?: boolean;
  disability?: DisabilityLevel;
  school?: SchoolLevel;
}

export interface ProgramDecision {
  programId: string;
  programName: string;
  eligible: boolean;
  reasons: Reason[];
  /** The legal basis of the band used, when one was in force. */
  legalBasis: string | null;
  evaluatedOn: string; // YYYY-MM-DD, Jakarta
}

/**
 * The programs as they stand on one day (Jakarta calendar): each program with its version in force
 * and every reason that does not depend on the household built once, so that deciding a million
 * households costs no string formatting and no version lookup per household. Resolve once per run
 * (`programsInForce`), then decide each household with it.
 */
export interface ProgramsInForce {
  readonly day: string; // YYYY-MM-DD, Jakarta
  readonly on: CalendarDate;
  readonly programs: readonly ResolvedProgram[];
  /** Some program in force has components or exclusions that read the members. */
  readonly readsMembers: boolean;
  /** Every occupation some program in force excludes: a household with none skips the exclusion checks. */
  readonly excludedAnywhere: ReadonlySet<string>;
}

interface ResolvedProgram {
  readonly program: Program;
  readonly version: ProgramVersion | null;
  readonly scoped: boolean;
  /** Band reasons by desil (index 1–10). */
  readonly inBand: readonly Reason[];
  readonly outOfBand: readonly Reason[];
  readonly noBand: Reason;
  readonly scopeUnknown: Reason;
  readonly outOfScope: Reason;
  readonly notChecked: Reason | null;
  readonly none: Reason | null;
  readonly noneIncomplete: Reason | null;
  readonly excluded: ReadonlySet<string> | null;
  /** Each component with its reason code and params, built once. */
  readonly components: readonly { readonly criterion: Criterion; readonly code: string; readonly params: ReasonParams }[];
  /** Decisions that do not read the members, by status × desil × wilayah (see `cacheKey`). */
  readonly cache: (Omit<ProgramDecision, 'programId'> | undefined)[];
  /**
   * Decisions with components, for households of up to 8 members and no excluded member: by which
   * members meet each component (a bit mask per component), then by the base key and whether the
   * component data is complete. Households share them, as they share the base decisions.
   */
  readonly componentCache: Map<number, Omit<ProgramDecision, 'programId'>>;
}

const STATUS_REASONS: Record<Exclude<HouseholdStatus, 'aktif'>, Reason> = {
  beku: Object.freeze(because('household.beku')),
  ditangguhkan: Object.freeze(because('household.ditangguhkan')),
  keluar: Object.freeze(because('household.keluar')),
};
const DESIL_MISSING = Object.freeze(because('desil.missing'));
const STATUS_INDEX: Record<HouseholdStatus, number> = { aktif: 0, beku: 1, ditangguhkan: 2, keluar: 3 };

/** A criterion as reason params (the same fields, as plain data). */
const criterionParams = (c: Criterion): ReasonParams => ({ ...c });

function resolve(program: Program, day: string): ResolvedProgram {
  const version = versionOnDay(program, day);
  const name = program.name;
  const bandOf = (desil: number, code: string) =>
    Object.freeze(
      because(
        code,
        version
          ? { desil, program: name, min: version.desilMin, max: version.desilMax, legalBasis: version.legalBasis, from: version.effectiveFrom }
          : { desil, program: name },
      ),
    );
  const desils = Array.from({ length: 11 }, (_, d) => d);
  const criteria = version?.criteria ? version.criteria.anyOf.map(criterionParams) : null;
  const criteriaReason = (code: string, incomplete?: boolean) =>
    criteria ? Object.freeze(because(code, incomplete === undefined ? { program: name, criteria } : { program: name, criteria, incomplete })) : null;
  return {
    program,
    version,
    scoped: program.level !== 'pusat' && program.scope !== undefined,
    inBand: desils.map((d) => bandOf(d, 'desil.in_band')),
    outOfBand: desils.map((d) => bandOf(d, 'desil.out_of_band')),
    noBand: Object.freeze(because('program.no_band', { program: name, day })),
    scopeUnknown: Object.freeze(because('program.scope_unknown', { program: name, scope: program.scope ?? null })),
    outOfScope: Object.freeze(because('program.out_of_scope', { program: name, scope: program.scope ?? null })),
    notChecked: criteriaReason('criteria.not_checked'),
    none: criteriaReason('criteria.none', false),
    noneIncomplete: criteriaReason('criteria.none', true),
    excluded: version?.exclusions ? new Set(version.exclusions.occupations) : null,
    components: (version?.criteria?.anyOf ?? []).map((c) => ({ criterion: c, code: `criteria.met.${c.kind}`, params: Object.freeze(criterionParams(c)) })),
    cache: new Array<Omit<ProgramDecision, 'programId'> | undefined>(BASE_KEYS).fill(undefined),
    componentCache: new Map(),
  };
}

/** The programs in force on the day of `date` (Jakarta); resolve once per run, not per household. */
export function programsInForce(programs: readonly Program[], date: Date): ProgramsInForce {
  const on = jakartaDateOf(date);
  const day = formatIsoDate(on);
  const resolved = programs.map((p) => resolve(p, day));
  return {
    day,
    on,
    programs: resolved,
    readsMembers: resolved.some((r) => r.version !== null && (r.version.criteria !== undefined || r.excluded !== null)),
    excludedAnywhere: new Set(resolved.flatMap((r) => [...(r.excluded ?? [])])),
  };
}

/** Whole years on `on` from a `YYYY-MM-DD` birth date, without allocating; null if it is not a date. */
function ageFrom(birthDate: string, on: CalendarDate): number | null {
  if (birthDate.length !== 10 || birthDate.charCodeAt(4) !== 45 || birthDate.charCodeAt(7) !== 45) return null;
  const year = digits(birthDate, 0, 4);
  const month = digits(birthDate, 5, 7);
  const day = digits(birthDate, 8, 10);
  if (year < 0 || month < 0 || day < 0 || !isRealDate(year, month, day)) return null;
  return ageOn({ year, month, day }, on);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The members as the rules read them, in flat arrays reused from one household to the next: the
 * stored member criteria come in many object shapes (optional fields), so each is read once here
 * and the rules below then loop over plain arrays. One roster serves one decision at a time.
 */
interface Roster {
  n: number;
  age: Int16Array; // whole years on the day; -1: no valid birth date
  male: Uint8Array;
  pregnant: Uint8Array;
  severe: Uint8Array;
  school: (SchoolLevel | undefined)[];
  occupation: (Occupation | undefined)[];
  /** Some member's pregnancy, disability or school is not filled in. */
  incomplete: boolean;
  /** Some member has an occupation that a program in force excludes. */
  excludable: boolean;
}

function emptyRoster(capacity: number): Roster {
  return {
    n: 0,
    age: new Int16Array(capacity),
    male: new Uint8Array(capacity),
    pregnant: new Uint8Array(capacity),
    severe: new Uint8Array(capacity),
    school: new Array<SchoolLevel | undefined>(capacity).fill(undefined),
    occupation: new Array<Occupation | undefined>(capacity).fill(undefined),
    incomplete: false,
    excludable: false,
  };
}
let roster = emptyRoster(32);

function fillRoster(members: readonly EligibilityMember[], on: CalendarDate, excludedAnywhere: ReadonlySet<string>): Roster {
  if (members.length > roster.age.length) roster = emptyRoster(members.length * 2);
  const r = roster;
  r.n = members.length;
  r.incomplete = false;
  r.excludable = false;
  for (let i = 0; i < members.length; i += 1) {
    const m = members[i]!;
    r.age[i] = ageFrom(m.birthDate, on) ?? -1;
    r.male[i] = m.sex === 'L' ? 1 : 0;
    r.pregnant[i] = m.pregnant === true ? 1 : 0;
    r.severe[i] = m.disability === 'berat' ? 1 : 0;
    r.school[i] = m.school;
    r.occupation[i] = m.occupation;
    if (m.occupation !== undefined && excludedAnywhere.has(m.occupation)) r.excludable = true;
    if (m.pregnant === undefined || m.disability === undefined || m.school === undefined) r.incomplete = true;
  }
  return r;
}

function meets(c: Criterion, r: Roster, i: number): boolean {
  const age = r.age[i]!;
  switch (c.kind) {
    case 'pregnancy':
      return r.pregnant[i] === 1 && r.male[i] === 0;
    case 'early_childhood':
      return age >= 0 && age <= c.maxAge;
    case 'school_child': {
      const school = r.school[i];
      return age >= c.minAge && age <= c.maxAge && school !== undefined && c.levels.includes(school);
    }
    case 'elderly':
      return age >= 0 && age >= c.minAge;
    case 'severe_disability':
      return r.severe[i] === 1;
  }
}

const BASE_KEYS = 4 * 11 * 3;
function cacheKey(status: HouseholdStatus, desil: number | null, scope: 0 | 1 | 2): number {
  return (STATUS_INDEX[status] * 11 + (desil ?? 0)) * 3 + scope;
}

/** The decision from status, wilayah and band alone: the same for every household with those three, so it is built once. */
function baseDecision(r: ResolvedProgram, status: HouseholdStatus, desil: number | null, scope: 0 | 1 | 2, day: string): Omit<ProgramDecision, 'programId'> {
  const key = cacheKey(status, desil, scope);
  const cached = r.cache[key];
  if (cached) return cached;
  const reasons: Reason[] = [];
  let eligible = true;
  if (status !== 'aktif') {
    eligible = false;
    reasons.push(STATUS_REASONS[status]);
  }
  if (scope === 1) {
    eligible = false;
    reasons.push(r.scopeUnknown);
  } else if (scope === 2) {
    eligible = false;
    reasons.push(r.outOfScope);
  }
  const v = r.version;
  if (!v) {
    eligible = false;
    reasons.push(r.noBand);
  } else if (desil === null) {
    eligible = false;
    reasons.push(DESIL_MISSING);
  } else if (desil >= v.desilMin && desil <= v.desilMax) {
    reasons.push(r.inBand[desil]!);
  } else {
    eligible = false;
    reasons.push(r.outOfBand[desil]!);
  }
  const decision = Object.freeze({
    programName: r.program.name,
    eligible,
    reasons: Object.freeze(reasons) as Reason[],
    legalBasis: v?.legalBasis ?? null,
    evaluatedOn: day,
  });
  r.cache[key] = decision;
  return decision;
}

function decideOne(r: ResolvedProgram, household: EligibilityHousehold, members: Roster | null, inForce: ProgramsInForce): Omit<ProgramDecision, 'programId'> {
  const scope: 0 | 1 | 2 = !r.scoped ? 0 : !household.desaCode ? 1 : isWithin(household.desaCode, r.program.scope!) ? 0 : 2;
  const desil = household.desil === null || (household.desil >= 1 && household.desil <= 10) ? household.desil : null;
  const base = baseDecision(r, household.status, desil, scope, inForce.day);
  const v = r.version;
  if (!v || (r.components.length === 0 && r.excluded === null)) return base;
  if (members === null) {
    return r.notChecked ? { ...base, reasons: [...base.reasons, r.notChecked] } : base;
  }
  let eligible = base.eligible;
  let reasons: Reason[] | null = null;
  const excluded = r.excluded;
  if (excluded !== null && members.excludable) {
    let who: number[] | null = null;
    let occupations: Occupation[] | null = null;
    for (let i = 0; i < members.n; i += 1) {
      const o = members.occupation[i];
      if (o !== undefined && excluded.has(o)) {
        (who ??= []).push(i + 1);
        occupations ??= [];
        if (!occupations.includes(o)) occupations.push(o);
      }
    }
    if (who !== null) {
      reasons = base.reasons.slice();
      reasons.push(because('exclusion.occupation', { members: who, occupations: occupations!, legalBasis: v.legalBasis }));
      eligible = false;
    }
  }
  if (r.components.length > 0) {
    if (reasons === null && members.n <= MASK_MEMBERS && r.components.length <= MASK_COMPONENTS) {
      // Which members meet each component, as bits: households alike share one decision.
      let masks = 0;
      for (let k = 0; k < r.components.length; k += 1) {
        const criterion = r.components[k]!.criterion;
        let mask = 0;
        for (let i = 0; i < members.n; i += 1) if (meets(criterion, members, i)) mask |= 1 << i;
        masks += mask * 2 ** (MASK_MEMBERS * k);
      }
      const key = masks * (BASE_KEYS * 2) + cacheKey(household.status, desil, scope) * 2 + (members.incomplete ? 1 : 0);
      let decision = r.componentCache.get(key);
      if (!decision) {
        decision = freezeDecision(withComponents(r, base, members, eligible, base.reasons.slice()));
        r.componentCache.set(key, decision);
      }
      return decision;
    }
    return withComponents(r, base, members, eligible, reasons ?? base.reasons.slice());
  }
  return reasons === null ? base : { programName: base.programName, eligible, reasons, legalBasis: base.legalBasis, evaluatedOn: base.evaluatedOn };
}

const MASK_MEMBERS = 8;
const MASK_COMPONENTS = 6;

function freezeDecision(d: Omit<ProgramDecision, 'programId'>): Omit<ProgramDecision, 'programId'> {
  for (const r of d.reasons) Object.freeze(r);
  Object.freeze(d.reasons);
  return Object.freeze(d);
}

/** The components part of a decision: a reason per component met, with the members, or why none is. */
function withComponents(
  r: ResolvedProgram,
  base: Omit<ProgramDecision, 'programId'>,
  members: Roster,
  eligibleSoFar: boolean,
  reasons: Reason[],
): Omit<ProgramDecision, 'programId'> {
  let eligible = eligibleSoFar;
  let met = false;
  for (const component of r.components) {
    let who: number[] | null = null;
    for (let i = 0; i < members.n; i += 1) if (meets(component.criterion, members, i)) (who ??= []).push(i + 1);
    if (who !== null) {
      met = true;
      reasons.push({ code: component.code, params: { criterion: component.params, members: who } });
    }
  }
  if (!met) {
    eligible = false;
    reasons.push((members.incomplete ? r.noneIncomplete : r.none)!);
  }
  return { programName: base.programName, eligible, reasons, legalBasis: base.legalBasis, evaluatedOn: base.evaluatedOn };
}

function rosterOf(members: readonly EligibilityMember[] | null, inForce: ProgramsInForce): Roster | null {
  return members === null || !inForce.readsMembers ? null : fillRoster(members, inForce.on, inForce.excludedAnywhere);
}

/** What eligibility reads of a household document: desil, status, desa and the members' criteria. */
export interface EligibilityDocument extends EligibilityHousehold {
  /** `criteriaOf` the active members; absent on records from before it was kept (components unchecked). */
  memberCriteria?: readonly EligibilityMember[] | null;
}

/**
 * The one decision of a household, for every caller (an usulan applied, a verval, a freeze, a
 * re-evaluation, the generator): each program's decision with every reason that led to it, not
 * only the first — household status, the program's wilayah, the desil band in force (Jakarta
 * calendar), exclusions (a member who is ASN/TNI/Polri) and components (PKH). Without member
 * criteria the components cannot be checked: the decision then rests on status, wilayah and band,
 * and says so.
 */
export function decideHousehold(household: EligibilityDocument, inForce: ProgramsInForce): EligibilityMap {
  const members = rosterOf(household.memberCriteria ?? null, inForce);
  const out: EligibilityMap = {};
  for (const r of inForce.programs) out[r.program.id] = decideOne(r, household, members, inForce);
  return out;
}

/** The same decisions as a list with the program id (tests, layering, benchmarks). */
export function eligibility(
  household: EligibilityHousehold,
  members: readonly EligibilityMember[] | null,
  programs: readonly Program[] | ProgramsInForce,
  date: Date,
): ProgramDecision[] {
  const inForce = isInForce(programs) ? programs : programsInForce(programs, date);
  const roster = rosterOf(members, inForce);
  return inForce.programs.map((r) => ({ programId: r.program.id, ...decideOne(r, household, roster, inForce) }));
}

function isInForce(p: readonly Program[] | ProgramsInForce): p is ProgramsInForce {
  return !Array.isArray(p);
}

/** Decisions compared without the day they were made on: a new day alone is no change. */
export function sameDecisions(a: EligibilityMap | undefined, b: EligibilityMap): boolean {
  const strip = (m: EligibilityMap | undefined) =>
    JSON.stringify(
      Object.entries(m ?? {})
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([id, d]) => [id, d.eligible, d.legalBasis, d.reasons.map((r) => [r.code, r.params ?? null, r.message ?? null])]),
    );
  return strip(a) === strip(b);
}

/**
 * What eligibility needs of each member, and nothing more (no NIK, no name): kept on the household
 * so that a new decree or band can be re-evaluated from the household document alone.
 */
export function criteriaOf(members: readonly EligibilityMember[]): EligibilityMember[] {
  return members.map((m) => {
    const c: EligibilityMember = { birthDate: m.birthDate };
    if (m.sex !== undefined) c.sex = m.sex;
    if (m.occupation !== undefined) c.occupation = m.occupation;
    if (m.pregnant !== undefined) c.pregnant = m.pregnant;
    if (m.disability !== undefined) c.disability = m.disability;
    if (m.school !== undefined) c.school = m.school;
    return c;
  });
}
