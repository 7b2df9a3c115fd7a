import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { USULAN_STATUSES, type MusyawarahSummary } from './domain/index.js';
import { db } from './lib/admin.js';
import { collections } from './lib/collections.js';

/**
 * Keeps each musyawarah's count of its usulan by status, for the village's and the dinas's lists.
 * Recomputed from the usulan themselves in a transaction whenever one changes status, so a
 * duplicate or out-of-order delivery writes the same numbers; it writes the musyawarah, never the
 * usulan, so it cannot trigger itself.
 */
export const summarizeMusyawarah = onDocumentWritten('usulan/{usulanId}', async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  if (before?.status === after?.status) return;
  const musyawarahId = (after ?? before)?.musyawarahId;
  const desaCode = (after ?? before)?.desaCode;
  if (typeof musyawarahId !== 'string' || typeof desaCode !== 'string') return;
  await refreshSummary(musyawarahId, desaCode);
});

export async function refreshSummary(musyawarahId: string, desaCode: string): Promise<MusyawarahSummary | null> {
  const ref = collections.musyawarah().doc(musyawarahId);
  return db.runTransaction(async (tx) => {
    const musyawarah = await tx.get(ref);
    if (!musyawarah.exists) return null;
    const items = await tx.get(collections.usulan().where('musyawarahId', '==', musyawarahId).where('desaCode', '==', desaCode));
    const summary = Object.fromEntries(USULAN_STATUSES.map((s) => [s, 0])) as MusyawarahSummary;
    summary.total = items.size;
    for (const u of items.docs) summary[u.data().status] += 1;
    tx.update(ref, { summary, updatedAt: FieldValue.serverTimestamp() });
    return summary;
  });
}
