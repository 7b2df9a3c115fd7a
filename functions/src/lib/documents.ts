import type { Timestamp } from 'firebase-admin/firestore';
import type { HouseholdStatus, Meeting, ProgramDecision, Reason, UsulanBaruContent, UsulanStatus } from '../domain/index.js';

/**
 * The shape of every stored document. Names of collections and fields are written here once;
 * triggers and callables use the typed references in `collections.ts`.
 */
export type Role = 'operator' | 'dinas';

export interface MusyawarahDoc {
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  meeting: Meeting;
  status: 'draft' | 'diajukan';
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  submittedAt: Timestamp | null;
}

export interface ValidationRecord {
  ok: boolean;
  errors: Reason[];
  warnings: Reason[];
  checkedAt: Timestamp;
  /** submittedAt (ms) of the submission this result belongs to: a re-submission is validated again. */
  forSubmission: number;
}

export interface DecisionRecord {
  decision: 'setujui' | 'tolak';
  note: string;
  by: string;
  role: Role;
  at: Timestamp;
}

export interface UsulanDoc extends UsulanBaruContent {
  musyawarahId: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  status: UsulanStatus;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  submittedAt: Timestamp | null;
  validation: ValidationRecord | null;
  decision: DecisionRecord | null;
  /** Set by the application trigger: where the usulan landed, or why it could not. */
  outcome: { householdId: string | null; reasons: Reason[]; at: Timestamp } | null;
}

export type EligibilityMap = Record<string, Omit<ProgramDecision, 'programId'>>;

export interface HouseholdDoc {
  kkNumber: string;
  kkHistory: { kkNumber: string; since: Timestamp; sourceUsulanId: string }[];
  address: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  desil: number | null;
  status: HouseholdStatus;
  statusReason: Reason | null;
  headName: string;
  memberCount: number;
  lastVervalAt: Timestamp;
  eligibility: EligibilityMap;
  sourceUsulanId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface MemberDoc {
  nik: string | null;
  nikMasked: string;
  nikHash: string | null;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relationship: string;
  flags: string[];
  householdId: string;
  desaCode: string;
  kabupatenCode: string;
  createdAt: Timestamp;
}

/** Keyed by HMAC-SHA256 of the NIK: one NIK, one person, in the whole register. */
export interface NikIndexDoc {
  householdId: string;
  memberId: string;
  desaCode: string;
  kabupatenCode: string;
  createdAt: Timestamp;
}

export interface AuditDoc {
  actorUid: string;
  actorRole: Role | 'sistem';
  action: string;
  target: { collection: string; id: string };
  kabupatenCode: string;
  desaCode: string | null;
  at: Timestamp;
  /** What changed, in words; never a raw NIK. */
  summary: string;
}

export interface PolicyDoc {
  staleness: { warnAfterMonths: number[]; freezeAfterMonths: number; cutoffDay: number | null };
}
