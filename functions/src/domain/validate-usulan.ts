import type { z } from 'zod';
import { jakartaDateOf, parseIsoDate, compareDates } from './dates.js';
import { findNikConflicts, type NikHeld, type NikLookup } from './duplicates.js';
import type { HouseholdStatus } from './eligibility.js';
import { validateKkNumber } from './kk.js';
import { checkMemberNik, type NikCheckOptions } from './nik.js';
import { because, reason, type Reason } from './reason.js';
import { usulanBaruContentSchema, type HouseholdProposal, type UsulanBaruContent } from './schemas.js';
import { checkReactivation, DEFAULT_SUSPENSION_POLICY, type SuspensionPolicy } from './suspension.js';
import { usulanContentSchema, type UsulanContent } from './usulan.js';
import { kabupatenOf } from './wilayah.js';

export interface ValidationResult {
  ok: boolean;
  errors: Reason[];
  warnings: Reason[];
}

/**
 * Turns zod issues into reasons whose `field` is the dotted path the form uses. They keep the
 * issue's text as `message`: it is the Bahasa Indonesia the schema itself was written with (one
 * sentence per field and rule, next to the rule), not a catalogue entry, so it reads the same in
 * both languages, as the schemas' messages do wherever the portal shows a zod issue directly.
 */
export function reasonsFromZod(error: z.ZodError, prefix = ''): Reason[] {
  return error.issues.map((issue) => reason(`schema.${issue.code}`, issue.message, [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.')));
}

/** Occupations that exclude a household from assistance; flagged at entry so nobody is surprised later. */
const EXCLUDED_OCCUPATIONS = new Set(['asn', 'tni', 'polri']);

/**
 * Everything about one household that needs no register: KK structure, each member's NIK on its
 * own and against the member's birth date and sex, the same NIK twice, birth dates in the future,
 * pregnancy recorded for a man, and members whose occupation excludes the household.
 */
export function checkHouseholdProposal(
  household: HouseholdProposal,
  referenceDate: Date,
  prefix = 'household',
  options: NikCheckOptions = {},
): { errors: Reason[]; warnings: Reason[] } {
  const kk = validateKkNumber(household.kkNumber, referenceDate, `${prefix}.kkNumber`, options);
  const errors: Reason[] = [...kk.errors];
  const warnings: Reason[] = [...kk.warnings];
  const today = jakartaDateOf(referenceDate);
  const seen = new Map<string, number>();
  household.members.forEach((member, i) => {
    const base = `${prefix}.members.${i}`;
    const field = `${base}.nik`;
    const check = checkMemberNik(member, referenceDate, field, options);
    errors.push(...check.errors);
    warnings.push(...check.warnings);
    if (member.nik) {
      const first = seen.get(member.nik);
      if (first !== undefined) {
        errors.push(because('nik.duplicate_in_household', { member: i + 1, sameAs: first + 1 }, field));
      } else {
        seen.set(member.nik, i);
      }
    }
    const birth = parseIsoDate(member.birthDate);
    if (birth && compareDates(birth, today) > 0) {
      errors.push(because('member.birth_date_future', { member: i + 1 }, `${base}.birthDate`));
    }
    if (member.pregnant === true && member.sex === 'L') {
      errors.push(because('member.pregnant_sex', { member: i + 1 }, `${base}.pregnant`));
    }
    if (member.occupation !== undefined && EXCLUDED_OCCUPATIONS.has(member.occupation)) {
      warnings.push(because('member.excluded_occupation', { member: i + 1 }, `${base}.occupation`));
    }
  });
  return { errors, warnings };
}

/**
 * Everything that can be checked about an "add household" usulan without reading the register:
 * shape, KK structure, each member's NIK structure and its agreement with birth date and sex,
 * and the same NIK twice in one household. Register-wide checks (NIK already registered) are done
 * by the caller, which has the index (or through `validateUsulan` with `nikLookup`).
 */
export function validateUsulanBaru(input: unknown, referenceDate: Date, options: NikCheckOptions = {}): ValidationResult & { content?: UsulanBaruContent } {
  const parsed = usulanBaruContentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: reasonsFromZod(parsed.error), warnings: [] };
  const content = parsed.data;
  const { errors, warnings } = checkHouseholdProposal(content.household, referenceDate, 'household', options);
  return { ok: errors.length === 0, errors, warnings, content };
}

/** The register's current record of the household an usulan is about (not needed for `baru`). */
export interface TargetHousehold {
  id: string;
  desaCode: string;
  kkNumber: string;
  status: HouseholdStatus;
  reactivations?: number;
}

export interface UsulanValidationOptions {
  /** NIK/KK region checks. */
  nik?: NikCheckOptions;
  /** The desa that proposes the usulan. */
  desaCode?: string;
  /** The household the usulan is about, as the register has it now. */
  target?: TargetHousehold | null;
  /** The NIK index; when given, NIKs already in the register are reported. */
  nikLookup?: NikLookup;
  /** How suspended households return in this kabupaten. */
  suspensionPolicy?: SuspensionPolicy;
}

/**
 * Whether the household is where an usulan of this type from `proposerDesaCode` may reach it: a
 * pindah masuk takes a household of the proposer's kabupaten (a move between kabupaten needs the
 * giving kabupaten's release), every other type one of the proposer's desa. The validation checks
 * it, and the application checks it again in its transaction (the household may have moved since).
 */
export function householdMisplaced(
  type: Exclude<UsulanContent['type'], 'baru'>,
  householdDesaCode: string,
  proposerDesaCode: string,
): 'pindah.other_kabupaten' | 'usulan.other_desa' | null {
  if (type === 'pindah_masuk') return kabupatenOf(householdDesaCode) === kabupatenOf(proposerDesaCode) ? null : 'pindah.other_kabupaten';
  return householdDesaCode === proposerDesaCode ? null : 'usulan.other_desa';
}

/**
 * Validates an usulan of any type. Without `target`/`nikLookup` only what the content alone can
 * prove is checked; with them, also: the household belongs to the proposing desa (or, for pindah
 * masuk, to the desa it leaves), it is still in the register, a KK change has a reason, a
 * reactivation is allowed by the kabupaten's policy, and no NIK is registered elsewhere.
 */
export function validateUsulan(
  input: unknown,
  referenceDate: Date,
  options: UsulanValidationOptions = {},
): ValidationResult & { content?: UsulanContent; nikHeld?: readonly NikHeld[] } {
  const parsed = usulanContentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: reasonsFromZod(parsed.error), warnings: [] };
  const content = parsed.data;
  const errors: Reason[] = [];
  const warnings: Reason[] = [];
  let nikHeld: readonly NikHeld[] = [];
  const target = options.target ?? null;
  const policy = options.suspensionPolicy ?? DEFAULT_SUSPENSION_POLICY;

  if (content.type !== 'baru' && target) {
    if (target.id !== content.householdId) {
      errors.push(because('usulan.target_mismatch', undefined, 'householdId'));
    } else if (target.status === 'keluar') {
      errors.push(because('usulan.household_keluar', undefined, 'householdId'));
    } else {
      const misplaced = options.desaCode === undefined ? null : householdMisplaced(content.type, target.desaCode, options.desaCode);
      // Nothing else is said of a household another kabupaten holds (not even whether the desa of origin is right).
      if (misplaced) errors.push(because(misplaced, undefined, 'householdId'));
      else if (content.type === 'pindah_masuk' && target.desaCode !== content.fromDesaCode) {
        errors.push(because('pindah.from_mismatch', undefined, 'fromDesaCode'));
      }
    }
  }

  switch (content.type) {
    case 'baru':
    case 'perbaikan': {
      const household = checkHouseholdProposal(content.household, referenceDate, 'household', options.nik);
      errors.push(...household.errors);
      warnings.push(...household.warnings);
      if (content.type === 'perbaikan' && target && target.kkNumber !== content.household.kkNumber && content.kkChangeReason === undefined) {
        errors.push(because('perbaikan.kk_reason_required', undefined, 'kkChangeReason'));
      }
      if (options.nikLookup) {
        const own = content.type === 'perbaikan' ? content.householdId : null;
        const conflicts = findNikConflicts(content.household.members, options.nikLookup, {
          ownHouseholdId: own,
          suspensionPolicy: policy,
          ...(options.desaCode === undefined ? {} : { kabupatenCode: kabupatenOf(options.desaCode) }),
        });
        errors.push(...conflicts.errors);
        warnings.push(...conflicts.warnings);
        nikHeld = conflicts.found;
      }
      break;
    }
    case 'keluar':
      if (content.reason === 'meninggal' && content.evidence === undefined) {
        warnings.push(because('keluar.evidence_missing', undefined, 'evidence'));
      }
      break;
    case 'reaktivasi':
      if (target && target.id === content.householdId) {
        const check = checkReactivation(target, policy);
        if (!check.ok) errors.push(...check.reasons);
      }
      break;
    case 'pindah_masuk':
      if (options.desaCode !== undefined && options.desaCode === content.fromDesaCode) {
        errors.push(because('pindah.same_desa', undefined, 'fromDesaCode'));
      }
      if (content.kkNumber !== undefined) {
        const kk = validateKkNumber(content.kkNumber, referenceDate, 'kkNumber', options.nik);
        errors.push(...kk.errors);
        warnings.push(...kk.warnings);
      }
      break;
  }
  return { ok: errors.length === 0, errors, warnings, content, nikHeld };
}
