import type { EligibilityMember, HouseholdStatus, ProgramDecision } from './eligibility.js';
import type { Reason } from './reason.js';
import type { KkHistoryEntry } from './kk.js';
import type { DisabilityLevel, Meeting, Occupation, Relationship, SchoolLevel } from './schemas.js';
import type { StalenessLevel } from './staleness.js';
import type { SuspensionRecord } from './suspension.js';
import type { UsulanContent } from './usulan.js';
import type { UsulanStatus } from './usulan-status.js';
import type { MusyawarahStatus } from './musyawarah-status.js';
import type { KabupatenPolicy } from './policy.js';
import type { UserRole } from './roles.js';

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
  stats: 'stats',
  exports: 'exports',
  verval: 'verval', // subcollection of households
  stickers: 'stickers', // subcollection of households
  lookupCounts: 'lookupCounts', // per operator per day: `{uid}_{YYYY-MM-DD}`, functions only
} as const;

/** How many pindah masuk lookups one operator made on one day (Jakarta). */
export interface LookupCountDoc {
  uid: string;
  day: string;
  count: number;
}

export type Role = UserRole;

export interface MusyawarahDoc<Ts> {
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  meeting: Meeting;
  status: MusyawarahStatus;
  createdBy: string;
  createdAt: Ts;
  updatedAt: Ts;
  submittedAt: Ts | null;
  /** Its usulan counted by status; written by a function, absent until the first usulan is checked. */
  summary?: MusyawarahSummary;
  /** When every usulan of it reached a final decision and it became `selesai` (set by a function). */
  closedAt?: Ts | null;
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

/** What Tepat keeps about an usulan besides its content. */
export interface UsulanMeta<Ts> {
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

/** An usulan of any type: its content (usulan.ts) and what Tepat keeps about it. */
export type UsulanDoc<Ts> = UsulanContent & UsulanMeta<Ts>;

/** The per-musyawarah count of its usulan by status, kept by a function. */
export type MusyawarahSummary = Record<UsulanStatus, number> & { total: number };

export type EligibilityMap = Record<string, Omit<ProgramDecision, 'programId'>>;

export interface HouseholdDoc<Ts> {
  kkNumber: string;
  kkHistory: KkHistoryEntry[];
  address: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  desil: number | null;
  status: HouseholdStatus;
  statusReason: Reason | null;
  headName: string;
  memberCount: number;
  /** Active members as eligibility sees them (criteriaOf): no NIK, no name. */
  memberCriteria: EligibilityMember[];
  lastVervalAt: Ts;
  /** Where the household stands against the kabupaten's staleness policy (set by the daily job, reset by a verval). */
  staleness: { level: StalenessLevel; missed: number; freezesAt: Ts | null };
  eligibility: EligibilityMap;
  /** Reactivations used after suspensions (policy allows at most `maxReactivations`). */
  reactivations: number;
  suspension: SuspensionRecord | null;
  /** The "keluarga pra sejahtera" sticker on the house (seed 000), once installed. */
  sticker: { installedOn: string; by: string } | null;
  sourceUsulanId: string;
  createdAt: Ts;
  updatedAt: Ts;
}

/**
 * What the functions made of a report the operator wrote on the device — possibly without signal,
 * reaching the server later: applied to the household, or refused with the reason (kept).
 */
export type FieldReportOutcome<Ts> = { status: 'diterapkan'; at: Ts } | { status: 'ditolak'; reason: Reason; at: Ts };

/**
 * One verval (verification visit) of a household: `households/{id}/verval/{id}`. The operator
 * writes it (offline too); the applyVerval trigger applies it to the household and sets `outcome`.
 */
export interface VervalDoc<Ts> {
  result: VervalResult;
  note: string;
  /** The operator's uid. */
  by: string;
  desaCode: string;
  kabupatenCode: string;
  /** When the visit was recorded, by the device's clock: the staleness clock restarts from here. */
  visitedAt: Ts;
  /** When the report reached the server. */
  at: Ts;
  outcome: FieldReportOutcome<Ts> | null;
}

/**
 * A report that the recipient's house now carries the bansos sticker (seed 000):
 * `households/{id}/stickers/{id}`, written by the operator, applied by the applySticker trigger.
 */
export interface StickerReportDoc<Ts> {
  installedOn: string;
  /** Who put the sticker up (a name: the operator, a PKH pendamping, …). */
  by: string;
  /** The operator's uid. */
  recordedBy: string;
  desaCode: string;
  kabupatenCode: string;
  at: Ts;
  outcome: FieldReportOutcome<Ts> | null;
}

export type VervalResult = 'sesuai' | 'diperbaiki';

export interface MemberDoc<Ts> {
  nik: string | null;
  nikMasked: string;
  nikHash: string | null;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relationship: Relationship;
  occupation?: Occupation;
  school?: SchoolLevel;
  disability?: DisabilityLevel;
  pregnant?: boolean;
  flags: string[];
  /** A member who left the household (died, moved, ganda) stays on record with the reason. */
  status: 'aktif' | 'keluar';
  leftReason: Reason | null;
  householdId: string;
  desaCode: string;
  kabupatenCode: string;
  createdAt: Ts;
}

/** Keyed by HMAC-SHA256 of the NIK: one NIK, one person, in the whole register. */
export interface NikIndexDoc<Ts> {
  householdId: string;
  memberId: string;
  /** False once the member left the register: the NIK may be proposed again (with a warning). */
  active: boolean;
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

/**
 * `stats/{level}_{code}`: the register's numbers for one desa, kecamatan or kabupaten (see
 * statistics.ts). `counts` is kept by triggers with increments and rewritten by the daily
 * reconciliation; the other fields come from the reconciliation (and, for `operators`, the users trigger).
 */
export interface StatsDoc<Ts> {
  level: import('./statistics.js').StatsLevel;
  code: string;
  kabupatenCode: string;
  kecamatanCode: string | null;
  /** Set on desa documents only (the rules let the desa's operator read those). */
  desaCode: string | null;
  counts: import('./statistics.js').StatsCounts;
  /** Likely-duplicate groups (same normalised name, birth date, desa; one without NIK); from the reconciliation. */
  likelyDuplicates?: number;
  /** Kabupaten document only: desa/kelurahan with an active operator, of all desa/kelurahan in force (seed 001). */
  operators?: { activeDesa: number; activeDesaCodes: string[]; desaTotal: number };
  updatedAt: Ts;
  lastReconciledAt?: Ts;
  /** What the last reconciliation found wrong in `counts` and repaired (at most 100 entries; `driftTotal` counts all). */
  drift?: import('./statistics.js').DriftEntry[];
  driftTotal?: number;
}

/** `exports/{id}`: one export to the ministry, with who asked for it, what it held and where it went. */
export interface ExportDoc<Ts> {
  kind: import('./bnba.js').ExportKind;
  format: import('./bnba.js').ExportFormat;
  scope: { level: 'desa' | 'kabupaten'; code: string };
  /** Perubahan: changes approved on or after this day; null for everything. */
  since: string | null;
  kabupatenCode: string;
  desaCode: string | null;
  requestedBy: string;
  requestedByRole: Role;
  status: import('./bnba.js').ExportStatus;
  /** Rows in the file, and households (BNBA) or usulan (perubahan) they come from. */
  rowCount: number | null;
  sourceCount: number | null;
  fileName: string;
  byteSize: number | null;
  /** SHA-256 of the file as delivered, to check a copy later. */
  sha256: string | null;
  /** The file is returned once in the callable's response and not kept on the server. */
  delivery: 'respons';
  error: string | null;
  requestedAt: Ts;
  finishedAt: Ts | null;
  durationMs: number | null;
}
