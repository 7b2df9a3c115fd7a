import { doc, serverTimestamp, setDoc, Timestamp } from 'firebase/firestore';
import type { StickerInput, VervalInput } from '$domain/index.js';
import { collections } from '../../collections';

/**
 * Reports from the field — a verval visit, a sticker on the house — are written as documents under
 * the household (not sent to a callable), so they survive a missing signal: the Firestore cache
 * keeps them and sends them when the network returns, and a trigger applies them (it sets
 * `outcome`, shown next to each report). The returned promise settles when the server has the
 * report (or refuses it); the form does not wait for it.
 */
export interface Reporter {
  uid: string;
  /** The operator's desa and kabupaten (from their claims). */
  claims: { desa: string; kabupaten: string };
}

export function recordVerval(reporter: Reporter, input: VervalInput, visitedAt = new Date()): Promise<void> {
  const ref = doc(collections.verval(input.householdId));
  return setDoc(ref, {
    result: input.result, note: input.note, by: reporter.uid, desaCode: reporter.claims.desa, kabupatenCode: reporter.claims.kabupaten,
    visitedAt: Timestamp.fromDate(visitedAt), at: serverTimestamp() as Timestamp, outcome: null,
  });
}

export function recordSticker(reporter: Reporter, input: StickerInput): Promise<void> {
  const ref = doc(collections.stickers(input.householdId));
  return setDoc(ref, {
    installedOn: input.installedOn, by: input.by, recordedBy: reporter.uid, desaCode: reporter.claims.desa, kabupatenCode: reporter.claims.kabupaten,
    at: serverTimestamp() as Timestamp, outcome: null,
  });
}
