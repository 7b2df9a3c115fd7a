import { formatIsoDate, isRealDate, jakartaDateOf, yearsOn, type CalendarDate } from './dates.js';
import type { EligibilityMap } from './documents.js';
import { versionOnDay, type Criterion, type Program, type ProgramVersion } from './programs.js';
import { because, type Reason, type ReasonParams } from './reason.js';
import { SCHOOL_LEVELS, type DisabilityLevel, type Occupation, type SchoolLevel } from './schemas.js';
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
  /** Whole-household decisions already made this run, by household shape (see `decideHousehold`, `MemoState`). */
  readonly memo: MemoState;
}

/**
 * Households alike get the same decisions: what a decision reads of a household is its status, its
 * desil, whether it lies in each scoped program's wilayah, and per member (in order) which
 * components they meet, whether their data is complete and which excluded occupation they hold.
 * That is the household's shape; each shape is decided once per run and its (frozen) decisions
 * shared. A trie keyed by small integers: the base (status, desil, scopes), then one code per member.
 */
interface ShapeMemo {
  /** Node by base key (status, desil, wilayah per scoped program, whether members are read): node id + 1, 0 for none yet. */
  readonly roots: Int32Array;
  /**
   * The trie's edges in one open-addressing table (contiguous, so that lookups stay in cache):
   * slot → parent node, the group of member codes, and the child node (-1: empty slot).
   */
  readonly parent: Int32Array;
  readonly group: Int32Array;
  readonly child: Int32Array;
  /** By node: the decisions of its households whose member data is complete, and of those where some member's is not. */
  readonly complete: (EligibilityMap | null)[];
  readonly incomplete: (EligibilityMap | null)[];
  /** Bits of a member's code for the components of every program in force (each component once), by facts × age: `meetsWith` tabled. */
  readonly met: Int32Array;
  /** The excluded occupations: the (i+1)-th is `(i + 1) * occupationUnit` in a member's code. */
  readonly occupations: readonly string[];
  readonly occupationUnit: number;
  /** One code per member: below `range`; `perStep` members' codes make one trie key. */
  readonly range: number;
  readonly perStep: number;
  readonly scoped: readonly ResolvedProgram[];
  /** Nodes made so far. */
  size: number;
}

/**
 * The memo is made once a run has decided a few households (a trigger that decides one household
 * should not pay for a table of a million slots); null when the programs are too many to key.
 */
interface MemoState {
  decided: number;
  memo: ShapeMemo | null | undefined;
  readonly make: () => ShapeMemo | null;
}
const MEMO_AFTER = 32;

/** Bounds the memo's memory (a node is a few tens of bytes, its decisions shared); past it, new shapes are decided without being kept. */
const MEMO_SHAPES = 100_000;
/** Edge slots: a power of two, under half full at MEMO_SHAPES. */
const EDGE_SLOTS = 2 ** 18;

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
}

const STATUS_REASONS: Record<Exclude<HouseholdStatus, 'aktif'>, Reason> = {
  beku: Object.freeze(because('household.beku')),
  ditangguhkan: Object.freeze(because('household.ditangguhkan')),
  keluar: Object.freeze(because('household.keluar')),
};
const DESIL_MISSING = Object.freeze(because('desil.missing'));
/**
 * A value's place in a short constant list, -1 for none. Compared, not looked up by key: a value
 * read from a document is a fresh string, which a keyed lookup (or a Map) would first have to hash.
 */
function placeIn(list: readonly string[], value: string): number {
  for (let i = 0; i < list.length; i += 1) if (list[i] === value) return i;
  return -1;
}
const statusIndex = (status: string): number => placeIn(HOUSEHOLD_STATUSES, status);

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
  };
}

/** The programs in force on the day of `date` (Jakarta); resolve once per run, not per household. */
export function programsInForce(programs: readonly Program[], date: Date): ProgramsInForce {
  const on = jakartaDateOf(date);
  const day = formatIsoDate(on);
  const resolved = programs.map((p) => resolve(p, day));
  const excludedAnywhere = new Set(resolved.flatMap((r) => [...(r.excluded ?? [])]));
  return {
    day,
    on,
    programs: resolved,
    readsMembers: resolved.some((r) => r.version !== null && (r.version.criteria !== undefined || r.excluded !== null)),
    excludedAnywhere,
    memo: { decided: 0, memo: undefined, make: () => shapeMemo(resolved, excludedAnywhere) },
  };
}

function shapeMemo(resolved: readonly ResolvedProgram[], excludedAnywhere: ReadonlySet<string>): ShapeMemo | null {
  const components = new Map<string, Criterion>();
  for (const r of resolved) for (const c of r.components) components.set(JSON.stringify(c.criterion), c.criterion);
  const scoped = resolved.filter((r) => r.scoped);
  // Keys stay small integers: 20 component bits and the occupation per member; 3 wilayah states per scoped program.
  // (A member's code also carries its completeness in the lowest bit, which the caller takes off.)
  if (components.size > 20 || excludedAnywhere.size > 255 || scoped.length > 6) return null;
  const criteria = [...components.values()];
  // meetsWith for every combination of the facts it reads, so that a member's code is a table read.
  const met = new Int32Array(FACTS * AGES);
  for (let facts = 0; facts < FACTS; facts += 1) {
    const school = facts >> 3 === 0 ? undefined : SCHOOL_LEVELS[(facts >> 3) - 1];
    for (let a = 0; a < AGES; a += 1) {
      let bits = 0;
      for (let k = 0; k < criteria.length; k += 1)
        if (meetsWith(criteria[k]!, a - 1, (facts & 1) === 1, (facts & 2) === 2, (facts & 4) === 4, school)) bits |= 1 << k;
      met[facts * AGES + a] = bits;
    }
  }
  // A code without its completeness bit: the component bits, then the occupation.
  const bits = criteria.length + Math.ceil(Math.log2(excludedAnywhere.size + 1));
  return {
    // Status (4) × desil (0–10) × wilayah per scoped program (3 each) × members read or not.
    roots: new Int32Array(4 * 11 * 3 ** scoped.length * 2),
    parent: new Int32Array(EDGE_SLOTS),
    group: new Int32Array(EDGE_SLOTS),
    child: new Int32Array(EDGE_SLOTS).fill(-1),
    complete: [],
    incomplete: [],
    met,
    occupations: [...excludedAnywhere],
    occupationUnit: 2 ** (criteria.length + 1),
    range: 2 ** bits,
    perStep: Math.max(1, Math.floor(29 / bits)),
    scoped,
    size: 0,
  };
}

/** Ages as `meetsWith` reads them: -1 (no valid birth date), 0–130 (the criteria's bounds), and 131 for any older. */
const AGES = 133;
/** Sex, pregnancy, severe disability (a bit each), then the school level (0: none). */
const FACTS = 8 * (SCHOOL_LEVELS.length + 1);

/** Whole years on `on` from a `YYYY-MM-DD` birth date, without allocating; null if it is not a date. */
function ageFrom(birthDate: string, on: CalendarDate): number | null {
  if (birthDate.length !== 10 || birthDate.charCodeAt(4) !== 45 || birthDate.charCodeAt(7) !== 45) return null;
  const year = digit(birthDate, 0) * 1000 + digit(birthDate, 1) * 100 + digit(birthDate, 2) * 10 + digit(birthDate, 3);
  const month = digit(birthDate, 5) * 10 + digit(birthDate, 6);
  const day = digit(birthDate, 8) * 10 + digit(birthDate, 9);
  // A non-digit makes its part negative.
  if (!(year >= 0 && month >= 1 && day >= 1) || !isRealDate(year, month, day)) return null;
  return yearsOn(year, month, day, on);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
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
  return meetsWith(c, r.age[i]!, r.male[i] === 1, r.pregnant[i] === 1, r.severe[i] === 1, r.school[i]);
}

/** Whether one member meets one component; age is in whole years on the day, -1 without a valid birth date. */
function meetsWith(c: Criterion, age: number, male: boolean, pregnant: boolean, severe: boolean, school: SchoolLevel | undefined): boolean {
  switch (c.kind) {
    case 'pregnancy':
      return pregnant && !male;
    case 'early_childhood':
      return age >= 0 && age <= c.maxAge;
    case 'school_child':
      return age >= c.minAge && age <= c.maxAge && school !== undefined && c.levels.includes(school);
    case 'elderly':
      return age >= 0 && age >= c.minAge;
    case 'severe_disability':
      return severe;
  }
}

/** Whether a household lies in a program's wilayah: 0 yes (or the program is national), 1 the desa is unknown, 2 outside. */
function scopeOf(r: ResolvedProgram, household: EligibilityHousehold): 0 | 1 | 2 {
  return !r.scoped ? 0 : !household.desaCode ? 1 : isWithin(household.desaCode, r.program.scope!) ? 0 : 2;
}

const BASE_KEYS = 4 * 11 * 3;
function cacheKey(status: HouseholdStatus, desil: number | null, scope: 0 | 1 | 2): number {
  return (statusIndex(status) * 11 + (desil ?? 0)) * 3 + scope;
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
  const scope = scopeOf(r, household);
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
  if (r.components.length > 0) return withComponents(r, base, members, eligible, reasons ?? base.reasons.slice());
  return reasons === null ? base : { programName: base.programName, eligible, reasons, legalBasis: base.legalBasis, evaluatedOn: base.evaluatedOn };
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
  const state = inForce.memo;
  if (state.memo === undefined && (state.decided += 1) > MEMO_AFTER) state.memo = state.make();
  const memo = state.memo ?? null;
  const desil = household.desil;
  const status = statusIndex(household.status);
  if (memo === null || status < 0 || (desil !== null && !Number.isInteger(desil))) {
    return deepFreeze(decideFresh(household, rosterOf(household.memberCriteria ?? null, inForce), inForce));
  }
  // The shape's base: status, desil, wilayah per scoped program, and whether the members are read.
  let key = status * 11 + (desil !== null && desil >= 1 && desil <= 10 ? desil : 0);
  for (const r of memo.scoped) key = key * 3 + scopeOf(r, household);
  const criteria = inForce.readsMembers ? (household.memberCriteria ?? null) : null;
  key = key * 2 + (criteria === null ? 0 : 1);
  let node = memo.roots[key]! - 1;
  if (node < 0 && memo.size < MEMO_SHAPES) {
    node = newNode(memo);
    memo.roots[key] = node + 1;
  }
  let incomplete = false;
  if (criteria !== null) {
    // Members in order, a few per key: the leading 1 tells a group of two from one of three.
    const { perStep, range } = memo;
    const on = inForce.on;
    for (let i = 0; i < criteria.length && node >= 0;) {
      let group = 1;
      for (const end = Math.min(i + perStep, criteria.length); i < end; i += 1) {
        const code = memberCode(memo, criteria[i]!, on);
        group = group * range + (code >> 1);
        if ((code & 1) === 1) incomplete = true;
      }
      node = step(memo, node, group);
    }
  }
  const known = node < 0 ? null : incomplete ? memo.incomplete[node]! : memo.complete[node]!;
  if (known !== null) return known;
  const decisions = deepFreeze(decideFresh(household, rosterOf(criteria, inForce), inForce));
  if (node >= 0) (incomplete ? memo.incomplete : memo.complete)[node] = decisions;
  return decisions;
}

function newNode(memo: ShapeMemo): number {
  const node = memo.size;
  memo.size += 1;
  memo.complete.push(null);
  memo.incomplete.push(null);
  return node;
}

/** The node under `parent` for a group of member codes, made if the memo has room; -1 once it is full and the shape is new. */
function step(memo: ShapeMemo, parent: number, group: number): number {
  const mask = EDGE_SLOTS - 1;
  let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(group, 0x85ebca77)) >>> 0;
  slot = (slot ^ (slot >>> 15)) & mask;
  for (;;) {
    const child = memo.child[slot]!;
    if (child < 0) break;
    if (memo.parent[slot] === parent && memo.group[slot] === group) return child;
    slot = (slot + 1) & mask;
  }
  if (memo.size >= MEMO_SHAPES) return -1;
  const node = newNode(memo);
  memo.parent[slot] = parent;
  memo.group[slot] = group;
  memo.child[slot] = node;
  return node;
}

/**
 * What the rules read of one member, as a small integer: whether its data is incomplete (the lowest
 * bit: it counts for the household as a whole, so the caller takes it off), a bit per component met,
 * then the excluded occupation. Read straight from the member: no roster is filled for a household
 * whose shape is already decided.
 */
function memberCode(memo: ShapeMemo, m: EligibilityMember, on: CalendarDate): number {
  const age = ageFrom(m.birthDate, on) ?? -1;
  const school = m.school;
  const pregnant = m.pregnant;
  const disability = m.disability;
  const level = school === undefined ? 0 : placeIn(SCHOOL_LEVELS, school) + 1;
  const facts = (m.sex === 'L' ? 1 : 0) | (pregnant === true ? 2 : 0) | (disability === 'berat' ? 4 : 0) | (level << 3);
  let code =
    (memo.met[facts * AGES + (age > 131 ? 131 : age) + 1]! << 1) | (pregnant === undefined || disability === undefined || school === undefined ? 1 : 0);
  const o = m.occupation;
  if (o !== undefined) {
    code += (placeIn(memo.occupations, o) + 1) * memo.occupationUnit;
  }
  return code;
}

/** Decisions shared by every household of a shape cannot be changed by one of them. */
function deepFreeze(decisions: EligibilityMap): EligibilityMap {
  for (const id in decisions) {
    const d = decisions[id]!;
    if (Object.isFrozen(d)) continue;
    for (const r of d.reasons) Object.freeze(r);
    Object.freeze(d.reasons);
    Object.freeze(d);
  }
  return Object.freeze(decisions);
}

function decideFresh(household: EligibilityDocument, members: Roster | null, inForce: ProgramsInForce): EligibilityMap {
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
