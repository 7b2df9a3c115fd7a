import { FieldValue, Timestamp, type DocumentData, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { SERVER_TIME, type Write } from '../domain/plans/index.js';
import { collections } from './collections.js';

/**
 * The commit side of the planners (domain/plans): documents go in with their timestamps as Date,
 * and the planned writes come back out onto a transaction or batch, `SERVER_TIME` as the server's
 * timestamp. This module knows Firestore and no rule.
 */

/** A Firestore document with every Timestamp replaced by a Date (what a planner reads). */
export type WithDates<T> = T extends Timestamp
  ? Date
  : T extends readonly (infer E)[]
    ? WithDates<E>[]
    : T extends object
      ? { [K in keyof T]: WithDates<T[K]> }
      : T;

export function withDates<T>(value: T): WithDates<T> {
  return convert(value, (v) => (v instanceof Timestamp ? v.toDate() : undefined)) as WithDates<T>;
}

/** Planned data as Firestore stores it: `SERVER_TIME` becomes the server timestamp, a Date a Timestamp. */
export function forFirestore(value: unknown): DocumentData {
  return convert(value, (v) => (v === SERVER_TIME ? FieldValue.serverTimestamp() : v instanceof Date ? Timestamp.fromDate(v) : undefined)) as DocumentData;
}

function convert(value: unknown, leaf: (v: unknown) => unknown): unknown {
  const replaced = leaf(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((v) => convert(v, leaf));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, leaf)]));
  }
  return value;
}

const raw = (ref: DocumentReference<unknown>) => ref as DocumentReference;

/** Applies a plan's writes, in order, to the transaction that read its documents (after all of its reads). */
export function commitWrites(writer: Transaction, writes: readonly Write[]): void {
  const households = collections.households();
  const index = collections.nikIndex();
  for (const w of writes) {
    switch (w.kind) {
      case 'createHousehold':
        writer.create(raw(households.doc(w.householdId)), forFirestore(w.data));
        break;
      case 'updateHousehold':
        writer.update(raw(households.doc(w.householdId)), forFirestore(w.data));
        break;
      case 'createMember':
        writer.create(raw(collections.members(w.householdId).doc(w.memberId)), forFirestore(w.data));
        break;
      case 'updateMember':
        writer.update(raw(collections.members(w.householdId).doc(w.memberId)), forFirestore(w.data));
        break;
      case 'setIndex':
        writer.set(raw(index.doc(w.hash)), forFirestore(w.data));
        break;
      case 'moveIndex':
        writer.update(raw(index.doc(w.hash)), { desaCode: w.desaCode, kabupatenCode: w.kabupatenCode });
        break;
      case 'deactivateIndex':
        writer.update(raw(index.doc(w.hash)), { active: false });
        break;
    }
  }
}

/** A fresh Firestore auto-id (for the documents a plan creates). */
export function newDocumentId(): string {
  return collections.households().doc().id;
}
