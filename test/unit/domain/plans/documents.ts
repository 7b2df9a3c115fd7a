import { desaLabel } from '../../../../functions/src/domain/wilayah-data/names.js';
import {
  criteriaOf,
  decideHousehold,
  maskNik,
  programsInForce,
  startKkHistory,
  type Member,
  type NikIndexEntry,
  type ProgramsInForce,
  type UsulanContent,
} from '../../../../functions/src/domain/index.js';
import type { ApplicationInput, StoredHousehold, StoredMember } from '../../../../functions/src/domain/plans/index.js';
import { defaultPrograms, household as proposal, member, nikOf, REF } from '../factories.js';

/** Typed builders for the planners' documents (as a trigger reads them: timestamps as Date). Fresh data each call. */

export const DERATI = '17.02.06.2001';
export const TABA_ANYAR = '17.02.06.2002';

export function inForce(on: Date = REF): ProgramsInForce {
  return programsInForce(defaultPrograms(), on);
}

/** A stand-in for the HMAC of the functions: deterministic, and never the NIK itself. */
export function fakeHash(nik: string): string {
  let h = 2166136261;
  for (const ch of nik) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `hash-${h.toString(16).padStart(8, '0')}`;
}

/** Ids as Firestore would hand them out, but predictable: new-1, new-2, … */
export function ids(): () => string {
  let n = 0;
  return () => `new-${(n += 1)}`;
}

export function storedHousehold(overrides: Partial<StoredHousehold> = {}): StoredHousehold {
  const desaCode = overrides.desaCode ?? DERATI;
  const members = proposal().members;
  const base = {
    kkNumber: '1702061203150007',
    kkHistory: startKkHistory('1702061203150007', new Date('2024-01-10T03:00:00Z'), 'usulan-0'),
    address: 'Jl. Merdeka No. 1, RT 01 RW 02',
    desaCode,
    kecamatanCode: desaCode.slice(0, 8),
    kabupatenCode: desaCode.slice(0, 5),
    desil: 3,
    status: 'aktif' as const,
    statusReason: null,
    headName: 'Sutrisno',
    memberCount: members.length,
    memberCriteria: criteriaOf(members),
    lastVervalAt: new Date('2025-05-02T03:00:00Z'),
    staleness: { level: 'ok' as const, missed: 0, freezesAt: null },
    eligibility: {},
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'usulan-0',
    createdAt: new Date('2024-01-10T03:00:00Z'),
    updatedAt: new Date('2025-05-02T03:00:00Z'),
  };
  const h = { ...base, ...overrides };
  return { ...h, eligibility: overrides.eligibility ?? decideHousehold(h, inForce()) };
}

/** A member as stored, with its id and index hash (none without NIK). */
export function storedMember(id: string, m: Member, overrides: Partial<StoredMember> = {}): StoredMember {
  const desaCode = overrides.desaCode ?? DERATI;
  return {
    ...m,
    id,
    nikMasked: maskNik(m.nik),
    nikHash: m.nik ? fakeHash(m.nik) : null,
    flags: m.nik ? [] : ['nik.missing'],
    status: 'aktif',
    leftReason: null,
    householdId: 'h-1',
    desaCode,
    kabupatenCode: desaCode.slice(0, 5),
    createdAt: new Date('2024-01-10T03:00:00Z'),
    ...overrides,
  };
}

/** The members of the factory household, stored under ids m-1, m-2, m-3 (the third has no NIK). */
export function storedMembers(): StoredMember[] {
  return proposal().members.map((m, i) => storedMember(`m-${i + 1}`, m));
}

export function applicationInput<C extends UsulanContent | null>(content: C, overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    usulanId: 'usulan-9',
    desaCode: DERATI,
    content,
    household: null,
    members: [],
    nikIndex: new Map<string, NikIndexEntry>(),
    suspension: { route: 'usulan_baru', maxReactivations: 2 },
    programs: inForce(),
    now: REF,
    newId: ids(),
    nikHash: fakeHash,
    desaName: desaLabel,
    ...overrides,
  };
}

export { member, nikOf, proposal, REF };
