import { formatIsoDate, jakartaDateOf } from './dates.js';
import { versionOn, type Program } from './programs.js';
import { reason, type Reason } from './reason.js';

export const HOUSEHOLD_STATUSES = ['aktif', 'beku', 'ditangguhkan', 'keluar'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export interface EligibilitySubject {
  desil: number | null;
  status: HouseholdStatus;
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

/** One decision per program, each with every reason that led to it. */
export function evaluateEligibility(subject: EligibilitySubject, programs: readonly Program[], date: Date): ProgramDecision[] {
  const evaluatedOn = formatIsoDate(jakartaDateOf(date));
  return programs.map((program) => {
    const version = versionOn(program, date);
    const reasons: Reason[] = [];
    let eligible = true;
    if (subject.status !== 'aktif') {
      eligible = false;
      reasons.push(STATUS_REASONS[subject.status]);
    }
    if (!version) {
      eligible = false;
      reasons.push(reason('program.no_band', `Program ${program.name} tidak memiliki ketentuan desil yang berlaku pada ${evaluatedOn}`));
    } else if (subject.desil === null) {
      eligible = false;
      reasons.push(reason('desil.missing', 'Desil keluarga belum ditetapkan'));
    } else {
      const band = `desil ${version.desilMin}–${version.desilMax} (${version.legalBasis}, berlaku sejak ${version.effectiveFrom})`;
      if (subject.desil >= version.desilMin && subject.desil <= version.desilMax) {
        reasons.push(reason('desil.in_band', `Desil ${subject.desil} termasuk ${program.name}: ${band}`));
      } else {
        eligible = false;
        reasons.push(reason('desil.out_of_band', `Desil ${subject.desil} di luar ${program.name}: ${band}`));
      }
    }
    return { programId: program.id, programName: program.name, eligible, reasons, legalBasis: version?.legalBasis ?? null, evaluatedOn };
  });
}
