import type { AuditDoc, HouseholdDoc, MemberDoc, NikIndexDoc } from '../documents.js';

/**
 * What a planner returns: the writes to make, as plain data. A trigger reads the documents, hands
 * them to a planner (a pure function of this folder) and commits what comes back; the planner
 * knows the rules and nothing of Firebase, so every path is unit-tested without an emulator.
 *
 * Times in a plan are a `Date` (a known instant: "now", a visit) or `SERVER_TIME`, which the commit
 * layer turns into the server's timestamp at commit. Documents handed to a planner carry their
 * timestamps as `Date` too (`Stored`).
 */
export const SERVER_TIME = Object.freeze({ serverTime: true as const });
export type ServerTime = typeof SERVER_TIME;
export type PlanTime = Date | ServerTime;

/** A document as a planner reads it: its timestamps as Date. */
export type StoredHousehold = HouseholdDoc<Date>;
/** A member as a planner reads it: its document, with its id. */
export type StoredMember = MemberDoc<Date> & { id: string };

export type PlannedHousehold = HouseholdDoc<PlanTime>;
export type PlannedMember = MemberDoc<PlanTime>;
export type PlannedIndexEntry = NikIndexDoc<PlanTime>;

/** One write to the register. Document ids are given: new ones come from the planner's `newId`. */
export type Write =
  | { kind: 'createHousehold'; householdId: string; data: PlannedHousehold }
  | { kind: 'updateHousehold'; householdId: string; data: Partial<PlannedHousehold> }
  | { kind: 'createMember'; householdId: string; memberId: string; data: PlannedMember }
  | { kind: 'updateMember'; householdId: string; memberId: string; data: Partial<PlannedMember> }
  /** The NIK index entry (keyed by the NIK's hash) now points at this member. */
  | { kind: 'setIndex'; hash: string; data: PlannedIndexEntry }
  /** The member moved with its household: the entry follows it. */
  | { kind: 'moveIndex'; hash: string; desaCode: string; kabupatenCode: string }
  /** The member left the register: its NIK may be proposed again (with a warning). */
  | { kind: 'deactivateIndex'; hash: string };

/** An audit entry as a planner writes it (`at` is the commit's server time). */
export type AuditEntry = Omit<AuditDoc<never>, 'at'>;
