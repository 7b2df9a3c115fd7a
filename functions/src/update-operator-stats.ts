import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { activeOperatorDesa, addTally, operatorContribution, readTally, type Tally } from './domain/index.js';
import { db } from './lib/admin.js';
import { collections } from './lib/collections.js';
import { changeDeltas, desaTotalOf, eventKey, eventMarker, increments, markerData, statsIdentity, type CountResult } from './lib/stats.js';

/**
 * Desa with an active operator (seed 001: "60 of 156"): a user profile counts for its desa in the
 * kabupaten document while it is an active operator. Profile changes are rare, so this one reads
 * the kabupaten document in its transaction and stores the list and count of those desa ready to
 * show, next to the increments.
 */
export const updateOperatorStats = onDocumentWritten({ document: 'users/{uid}', retry: true }, async (event) => {
  await countOperatorChange(eventKey(event, `users/${event.params.uid}`), event.data?.before.data(), event.data?.after.data(), event.params.uid);
});

export async function countOperatorChange(eventId: string, before: unknown, after: unknown, uid: string): Promise<CountResult> {
  const deltas = changeDeltas('user profile', uid, before, after, operatorContribution);
  if (deltas.length === 0) return 'nothing';
  const marker = eventMarker('users', eventId);
  const refs = deltas.map((d) => collections.stats().doc(d.scope.id));
  return db.runTransaction(async (tx) => {
    const [markerSnap, ...snaps] = await tx.getAll(marker, ...refs);
    if (markerSnap!.exists) return 'duplicate' as const;
    deltas.forEach((d, i) => {
      const byDesa = addTally(readTally(snaps[i]!.get('counts.operatorsByDesa')), d.tally.operatorsByDesa as Tally);
      const codes = activeOperatorDesa(byDesa as Record<string, number>);
      tx.set(
        refs[i]!,
        {
          ...statsIdentity(d.scope),
          counts: increments(d.tally),
          operators: { activeDesa: codes.length, activeDesaCodes: codes, desaTotal: desaTotalOf(d.scope.kabupatenCode) },
          updatedAt: FieldValue.serverTimestamp(),
        } as never,
        { merge: true },
      );
    });
    tx.create(marker, markerData('users', eventId));
    return 'counted' as const;
  });
}
