import type { HouseholdStatus, ProgramDecision } from './eligibility.js';
import type { Reason } from './reason.js';
import type { Meeting, UsulanBaruContent } from './schemas.js';
import type { UsulanStatus } from './usulan-status.js';

/**
 * The shape of every stored document, written once for both sides: `Ts` is the timestamp type of
 * the SDK reading it (firebase-admin in functions, the JS SDK in the portal). Collection paths are
 * in COLLECTIONS; each side binds these types in its own typed-references module.
 */
export const COLLECTIONS = {
  musyawarah: 'musyawarah',
  usulan: 'usulan',
  households: 'households',
  members: 'members', // subcollection of households
  nikIndex: 'nikIndex',
  auditLog: 'auditLog',
  programs: 'programs',
  policies: 'policies',
  users: 'users',
} as const;
import type { KabupatenPolicy } from './policy.js';
import type { UserRole } from './roles.js';

export type Role = UserRole;

export interface MusyawarahDoc<Ts> {
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  meeting: Meeting;
  status: 'draft' | 'diajukan';
  createdBy: string;
  createdAt: Ts;
  updatedAt: Ts;
  submittedAt: Ts | null;
}

export interface ValidationRecord<Ts> {
  ok: boolean;
  errors: Reason[];
  warnings: Reason[];
  checkedAt: Ts;
  /** submittedAt (ms) of the submission this result belongs to: a re-submission is validated again. */
  forSubmission: number;
}

/** One step of the Dinas Sosial's decision: verification, approval (pengesahan) or refusal. */
export interface DecisionRecord<Ts> {
  decision: 'setujui' | 'tolak';
  from: UsulanStatus;
  to: UsulanStatus;
  note: string;
  by: string;
  role: Role;
  /** Set by the function at the time of the decision (server timestamps are not allowed in arrays). */
  at: Ts;
}

export interface UsulanDoc<Ts> extends UsulanBaruContent {
  musyawarahId: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  status: UsulanStatus;
  createdBy: string;
  createdAt: Ts;
  updatedAt: Ts;
  submittedAt: Ts | null;
  validation: ValidationRecord<Ts> | null;
  /** Every decision in order: verifikator's verification, kadis's approval, or a refusal. */
  decisions: DecisionRecord<Ts>[];
  /** Set by the application trigger: where the usulan landed, or why it could not. */
  outcome: { householdId: string | null; reasons: Reason[]; at: Ts } | null;
}

export type EligibilityMap = Record<string, Omit<ProgramDecision, 'programId'>>;

export interface HouseholdDoc<Ts> {
  kkNumber: string;
  kkHistory: { kkNumber: string; since: Ts; sourceUsulanId: string }[];
  address: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  desil: number | null;
  status: HouseholdStatus;
  statusReason: Reason | null;
  headName: string;
  memberCount: number;
  lastVervalAt: Ts;
  eligibility: EligibilityMap;
  sourceUsulanId: string;
  createdAt: Ts;
  updatedAt: Ts;
}

export interface MemberDoc<Ts> {
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
  createdAt: Ts;
}

/** Keyed by HMAC-SHA256 of the NIK: one NIK, one person, in the whole register. */
export interface NikIndexDoc<Ts> {
  householdId: string;
  memberId: string;
  desaCode: string;
  kabupatenCode: string;
  createdAt: Ts;
}

export interface AuditDoc<Ts> {
  actorUid: string;
  actorRole: Role | 'sistem';
  action: string;
  target: { collection: string; id: string };
  kabupatenCode: string;
  desaCode: string | null;
  at: Ts;
  /** What changed, in words; never a raw NIK. */
  summary: string;
}

/** Mirror of a user's claims for the admin's user list; the claims themselves are the authority. */
export interface UserProfileDoc<Ts> {
  email: string;
  displayName: string;
  role: Role | null;
  kabupatenCode: string;
  kecamatanCode: string | null;
  desaCode: string | null;
  active: boolean;
  /** The portal refreshes its ID token when this changes, so new claims take effect at once. */
  claimsUpdatedAt: Ts;
  updatedBy: string;
}

/** `policies/{kabupatenCode}`: see policy.ts. */
export type PolicyDoc = KabupatenPolicy;
