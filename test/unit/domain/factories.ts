import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  programSchema,
  type EligibilityMember,
  type HouseholdProposal,
  type Member,
  type Program,
  type StalenessPolicy,
  type SuspensionPolicy,
} from '../../../functions/src/domain/index.js';

/** Typed builders for domain tests: each returns fresh data, nothing is shared between tests. */

export const DOMAIN_DIR = join(import.meta.dirname, '../../../functions/src/domain');

/** 2025-06-15 12:00 in Jakarta. */
export const REF = new Date('2025-06-15T05:00:00Z');

/** A NIK issued in `kecamatan` (6 digits, default Kec. Kota Padang 17.02.06) for a birth date and sex. */
export function nikOf(birthDate: string, sex: 'L' | 'P', options: { kecamatan?: string; serial?: string } = {}): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = sex === 'P' ? Number(d) + 40 : Number(d);
  return `${options.kecamatan ?? '170206'}${String(day).padStart(2, '0')}${m}${y.slice(2)}${options.serial ?? '0001'}`;
}

export function member(overrides: Partial<Member> = {}): Member {
  const birthDate = overrides.birthDate ?? '1984-03-12';
  const sex = overrides.sex ?? 'L';
  return { nik: nikOf(birthDate, sex), name: 'Sutrisno', sex, birthDate, relationship: 'kepala_keluarga', ...overrides };
}

export function household(overrides: Partial<HouseholdProposal> = {}): HouseholdProposal {
  return {
    kkNumber: '1702061203150007',
    address: 'Jl. Merdeka No. 1, RT 01 RW 02',
    desil: 3,
    members: [
      member(),
      member({ name: 'Rahmawati', sex: 'P', birthDate: '1988-07-05', relationship: 'istri', nik: nikOf('1988-07-05', 'P', { serial: '0002' }) }),
      member({ name: 'Dimas', sex: 'L', birthDate: '2016-01-30', relationship: 'anak', nik: null, school: 'sd' }),
    ],
    ...overrides,
  };
}

interface DefaultConfig {
  programs: unknown[];
  stalenessPolicy: StalenessPolicy;
  suspensionPolicy: SuspensionPolicy;
}

export function defaultConfig(): DefaultConfig {
  return JSON.parse(readFileSync(join(DOMAIN_DIR, 'defaults/programs.json'), 'utf8')) as DefaultConfig;
}

/** The default programs (PKH, SEMBAKO, PBI-JK, KESSOS-LAIN), parsed as the functions parse them. */
export function defaultPrograms(): Program[] {
  return defaultConfig().programs.map((p) => programSchema.parse(p));
}

export function program(overrides: Partial<Program> = {}): Program {
  return {
    id: 'PROG',
    name: 'Program uji',
    level: 'pusat',
    versions: [{ effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 5, legalBasis: 'Dasar hukum uji' }],
    ...overrides,
  };
}

export function eligibilityMember(overrides: Partial<EligibilityMember> = {}): EligibilityMember {
  return { birthDate: '1984-03-12', sex: 'L', pregnant: false, disability: 'tidak_ada', school: 'tidak_sekolah', occupation: 'petani', ...overrides };
}
