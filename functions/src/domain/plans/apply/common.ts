import type { NikIndexEntry } from '../../duplicates.js';
import { criteriaOf, decideHousehold, type EligibilityMember, type HouseholdStatus, type ProgramsInForce } from '../../eligibility.js';
import { maskNik } from '../../nik.js';
import type { Reason } from '../../reason.js';
import type { Member } from '../../schemas.js';
import type { SuspensionPolicy } from '../../suspension.js';
import type { UsulanContent } from '../../usulan.js';
import { kabupatenOf, kecamatanOf } from '../../wilayah.js';
import {
  SERVER_TIME,
  type PlannedHousehold,
  type PlannedIndexEntry,
  type PlannedMember,
  type StoredHousehold,
  type StoredMember,
  type Write,
} from '../writes.js';

/** What the application of one approved usulan is decided from: the documents its transaction read. */
export interface ApplicationInput<C extends UsulanContent | null = UsulanContent | null> {
  usulanId: string;
  /** The desa that proposed it (for a pindah masuk: the receiving desa). */
  desaCode: string;
  /** The usulan's content, or null when it no longer parses. */
  content: C;
  /** The household it is about, as the register has it now; null for a baru, or when there is none. */
  household: StoredHousehold | null;
  /** That household's members as `membersToRead` asks: the active ones, or all of them for a pindah masuk. */
  members: readonly StoredMember[];
  /** The NIK index entries of `niksToCheck`, with the status that matters for each (see readNikIndex). */
  nikIndex: ReadonlyMap<string, NikIndexEntry>;
  /** How a suspended household returns in the kabupaten. */
  suspension: SuspensionPolicy;
  programs: ProgramsInForce;
  now: Date;
  /** A fresh document id (households, members): Firestore's auto-ids in the trigger, a counter in tests. */
  newId: () => string;
  /** The NIK index key of a NIK (an HMAC, computed outside the domain). */
  nikHash: (nik: string) => string;
  /**
   * The name of a desa for the audit summary ("Desa Derati"); the names table is loaded by the caller
   * (the domain never imports it). Absent: the code.
   */
  desaName?: (desaCode: string) => string;
}

/**
 * What applying an usulan comes to: the writes and the audit summary, or the reasons it cannot be
 * applied (the usulan then ends `ditolak` with them). `householdId` is the household it is about,
 * when there is one.
 */
export type ApplicationPlan =
  { ok: true; householdId: string; writes: Write[]; summary: string } | { ok: false; householdId: string | null; reasons: Reason[] };

export const refused = (householdId: string | null, ...reasons: Reason[]): ApplicationPlan => ({ ok: false, householdId, reasons });

/** The name the register shows for a household: its head, else the spouse, else the first member. */
export function headNameOf(members: readonly Pick<Member, 'name' | 'relationship'>[]): string {
  for (const rel of ['kepala_keluarga', 'istri', 'suami']) {
    const found = members.find((m) => m.relationship === rel);
    if (found) return found.name;
  }
  return members[0]?.name ?? '—';
}

export function wilayahOf(desaCode: string): { desaCode: string; kecamatanCode: string; kabupatenCode: string } {
  return { desaCode, kecamatanCode: kecamatanOf(desaCode), kabupatenCode: kabupatenOf(desaCode) };
}

/** Eligibility per program for the household as it will be, and the member data it was decided on. */
export function eligibilityFields(
  programs: ProgramsInForce,
  household: { desil: number | null; status: HouseholdStatus; desaCode: string },
  members: readonly EligibilityMember[],
): Pick<PlannedHousehold, 'eligibility' | 'memberCriteria'> {
  const memberCriteria = criteriaOf(members);
  return { eligibility: decideHousehold({ ...household, memberCriteria }, programs), memberCriteria };
}

const OPTIONAL_MEMBER_FIELDS = ['occupation', 'school', 'disability', 'pregnant'] as const;

/** A member document as the register stores it (optional fields only when known). */
export function memberDoc(m: Member, householdId: string, desaCode: string, hash: string | null): PlannedMember {
  const optional = Object.fromEntries(OPTIONAL_MEMBER_FIELDS.flatMap((k) => (m[k] === undefined ? [] : [[k, m[k]]])));
  return {
    nik: m.nik,
    nikMasked: maskNik(m.nik),
    nikHash: hash,
    name: m.name,
    sex: m.sex,
    birthDate: m.birthDate,
    relationship: m.relationship,
    ...optional,
    flags: m.nik ? [] : ['nik.missing'],
    status: 'aktif',
    leftReason: null,
    householdId,
    desaCode,
    kabupatenCode: kabupatenOf(desaCode),
    createdAt: SERVER_TIME,
  };
}

export function indexEntry(householdId: string, memberId: string, desaCode: string): PlannedIndexEntry {
  return { householdId, memberId, active: true, desaCode, kabupatenCode: kabupatenOf(desaCode), createdAt: SERVER_TIME };
}

/** New members of a household: their documents and, for those with a NIK, their index entries. */
export function createMembers(members: readonly Member[], householdId: string, desaCode: string, input: Pick<ApplicationInput, 'newId' | 'nikHash'>): Write[] {
  return members.flatMap((m): Write[] => {
    const memberId = input.newId();
    const hash = m.nik ? input.nikHash(m.nik) : null;
    const created: Write = { kind: 'createMember', householdId, memberId, data: memberDoc(m, householdId, desaCode, hash) };
    return hash ? [created, { kind: 'setIndex', hash, data: indexEntry(householdId, memberId, desaCode) }] : [created];
  });
}

/** The staleness clock restarted: a verval (or what counts as one) happened now. */
export const freshStaleness = (now: Date): Pick<PlannedHousehold, 'lastVervalAt' | 'staleness'> => ({
  lastVervalAt: now,
  staleness: { level: 'ok', missed: 0, freezesAt: null },
});
