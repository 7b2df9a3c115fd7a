import { ageOn, formatIsoDate, jakartaDateOf, parseIsoDate, type CalendarDate } from './dates.js';
import { versionOnDay, type Criterion, type Program, type ProgramVersion } from './programs.js';
import { reason, type Reason } from './reason.js';
import { OCCUPATION_LABELS, SCHOOL_LABELS, type DisabilityLevel, type Occupation, type SchoolLevel } from './schemas.js';
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

const STATUS_REASONS: Record<Exclude<HouseholdStatus, 'aktif'>, Reason> = {
  beku: reason('household.beku', 'Data beku: keluarga belum diverifikasi-validasi (verval) dalam batas waktu yang ditetapkan'),
  ditangguhkan: reason('household.ditangguhkan', 'Kepesertaan ditangguhkan (misalnya terindikasi judi online) sampai diusulkan kembali atau direaktivasi'),
  keluar: reason('household.keluar', 'Keluarga sudah dikeluarkan dari register'),
};

const CRITERION_LABELS: Record<Criterion['kind'], string> = {
  pregnancy: 'ibu hamil/nifas',
  early_childhood: 'anak usia dini',
  school_child: 'anak sekolah',
  elderly: 'lanjut usia',
  severe_disability: 'penyandang disabilitas berat',
};

function describeCriterion(c: Criterion): string {
  switch (c.kind) {
    case 'early_childhood':
      return `${CRITERION_LABELS[c.kind]} (0–${c.maxAge} tahun)`;
    case 'school_child':
      return `${CRITERION_LABELS[c.kind]} (${c.minAge}–${c.maxAge} tahun, ${c.levels.map((l) => SCHOOL_LABELS[l]).join('/')})`;
    case 'elderly':
      return `${CRITERION_LABELS[c.kind]} (${c.minAge} tahun ke atas)`;
    default:
      return CRITERION_LABELS[c.kind];
  }
}

/** Indices of the members who meet a criterion on a date. */
function membersMeeting(c: Criterion, members: readonly EligibilityMember[], ages: readonly (number | null)[]): number[] {
  const out: number[] = [];
  members.forEach((m, i) => {
    const a = ages[i] ?? null;
    let met: boolean;
    switch (c.kind) {
      case 'pregnancy':
        met = m.pregnant === true && m.sex !== 'L';
        break;
      case 'early_childhood':
        met = a !== null && a <= c.maxAge;
        break;
      case 'school_child':
        met = a !== null && a >= c.minAge && a <= c.maxAge && m.school !== undefined && c.levels.includes(m.school);
        break;
      case 'elderly':
        met = a !== null && a >= c.minAge;
        break;
      case 'severe_disability':
        met = m.disability === 'berat';
        break;
    }
    if (met) out.push(i);
  });
  return out;
}

const memberList = (indices: readonly number[]) => indices.map((i) => `ke-${i + 1}`).join(', ');

function checkCriteria(version: ProgramVersion, program: Program, members: readonly EligibilityMember[] | null, on: CalendarDate, reasons: Reason[]): boolean {
  const criteria = version.criteria;
  if (!criteria) return true;
  const wanted = criteria.anyOf.map(describeCriterion).join('; ');
  if (members === null) {
    reasons.push(reason('criteria.not_checked', `Komponen ${program.name} (${wanted}) belum diperiksa karena data anggota tidak disertakan`));
    return true;
  }
  const ages = members.map((m) => {
    const birth = parseIsoDate(m.birthDate);
    return birth ? ageOn(birth, on) : null;
  });
  let met = false;
  for (const c of criteria.anyOf) {
    const who = membersMeeting(c, members, ages);
    if (who.length > 0) {
      met = true;
      reasons.push(reason(`criteria.met.${c.kind}`, `Memenuhi komponen ${describeCriterion(c)}: anggota ${memberList(who)}`));
    }
  }
  if (!met) {
    const incomplete = members.some((m) => m.pregnant === undefined || m.disability === undefined || m.school === undefined);
    const hint = incomplete ? '; sebagian data kehamilan/disabilitas/sekolah anggota belum diisi' : '';
    reasons.push(reason('criteria.none', `Tidak ada anggota yang memenuhi komponen ${program.name}: ${wanted}${hint}`));
  }
  return met;
}

function checkExclusions(version: ProgramVersion, members: readonly EligibilityMember[] | null, reasons: Reason[]): boolean {
  const excluded = version.exclusions?.occupations;
  if (!excluded || members === null) return true;
  const who = members.flatMap((m, i) => (m.occupation !== undefined && excluded.includes(m.occupation) ? [i] : []));
  if (who.length === 0) return true;
  const jobs = [...new Set(who.map((i) => OCCUPATION_LABELS[members[i]!.occupation!]))].join(', ');
  reasons.push(reason('exclusion.occupation', `Dikecualikan: anggota ${memberList(who)} bekerja sebagai ${jobs} (${version.legalBasis})`));
  return false;
}

function decide(household: EligibilityHousehold, members: readonly EligibilityMember[] | null, program: Program, day: string, on: CalendarDate): ProgramDecision {
  const version = versionOnDay(program, day);
  const reasons: Reason[] = [];
  let eligible = true;
  if (household.status !== 'aktif') {
    eligible = false;
    reasons.push(STATUS_REASONS[household.status]);
  }
  if (program.level !== 'pusat' && program.scope !== undefined) {
    if (!household.desaCode) {
      eligible = false;
      reasons.push(reason('program.scope_unknown', `Desa keluarga tidak diketahui, sedangkan ${program.name} hanya untuk wilayah ${program.scope}`));
    } else if (!isWithin(household.desaCode, program.scope)) {
      eligible = false;
      reasons.push(reason('program.out_of_scope', `${program.name} hanya untuk wilayah ${program.scope}`));
    }
  }
  if (!version) {
    eligible = false;
    reasons.push(reason('program.no_band', `Program ${program.name} tidak memiliki ketentuan desil yang berlaku pada ${day}`));
    return { programId: program.id, programName: program.name, eligible, reasons, legalBasis: null, evaluatedOn: day };
  }
  if (household.desil === null) {
    eligible = false;
    reasons.push(reason('desil.missing', 'Desil keluarga belum ditetapkan'));
  } else {
    const band = `desil ${version.desilMin}–${version.desilMax} (${version.legalBasis}, berlaku sejak ${version.effectiveFrom})`;
    if (household.desil >= version.desilMin && household.desil <= version.desilMax) {
      reasons.push(reason('desil.in_band', `Desil ${household.desil} termasuk ${program.name}: ${band}`));
    } else {
      eligible = false;
      reasons.push(reason('desil.out_of_band', `Desil ${household.desil} di luar ${program.name}: ${band}`));
    }
  }
  if (!checkExclusions(version, members, reasons)) eligible = false;
  if (!checkCriteria(version, program, members, on, reasons)) eligible = false;
  return { programId: program.id, programName: program.name, eligible, reasons, legalBasis: version.legalBasis, evaluatedOn: day };
}

/**
 * One decision per program, each with every reason that led to it (not only the first): household
 * status, the program's wilayah, the desil band in force on the date (Jakarta calendar), exclusions
 * (e.g. a member who is ASN/TNI/Polri) and extra criteria (e.g. PKH components). With `members`
 * null, criteria and exclusions cannot be checked: the decision then rests on status, wilayah and
 * band, and says that the components were not checked.
 */
export function eligibility(
  household: EligibilityHousehold,
  members: readonly EligibilityMember[] | null,
  programs: readonly Program[],
  date: Date,
): ProgramDecision[] {
  const on = jakartaDateOf(date);
  const day = formatIsoDate(on);
  return programs.map((program) => decide(household, members, program, day, on));
}

/** Decisions from status and desil alone (no member data): `eligibility(subject, null, programs, date)`. */
export function evaluateEligibility(subject: EligibilitySubject, programs: readonly Program[], date: Date): ProgramDecision[] {
  return eligibility(subject, null, programs, date);
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
