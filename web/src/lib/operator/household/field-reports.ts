import { doc, serverTimestamp, setDoc, Timestamp } from 'firebase/firestore';
import type { StickerInput, VervalInput } from '$domain/index.js';
import { collections } from '../../collections';
import { stickerReport, vervalReport, type Reporter } from '../documents';

/**
 * Reports from the field — a verval visit, a sticker on the house — are written as documents under
 * the household (not sent to a callable), so they survive a missing signal: the Firestore cache
 * keeps them and sends them when the network returns, and a trigger applies them (it sets
 * `outcome`, shown next to each report). The returned promise settles when the server has the
 * report (or refuses it); the form does not wait for it.
 */
export function recordVerval(reporter: Reporter, input: VervalInput, visitedAt = new Date()): Promise<void> {
  const ref = doc(collections.verval(input.householdId));
  return setDoc(ref, vervalReport(reporter, input, Timestamp.fromDate(visitedAt), serverTimestamp()));
}

export function recordSticker(reporter: Reporter, input: StickerInput): Promise<void> {
  const ref = doc(collections.stickers(input.householdId));
  return setDoc(ref, stickerReport(reporter, input, serverTimestamp()));
}
