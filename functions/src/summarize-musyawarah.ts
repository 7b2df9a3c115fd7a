import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { checkMusyawarahTransition, FINAL_USULAN_STATUSES, USULAN_STATUSES, type MusyawarahSummary } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';

/**
 * Keeps each musyawarah's count of its usulan by status, for the village's and the dinas's lists,
 * and closes it (`selesai`) once every usulan has a final decision (applied or rejected), so the
 * village and the dinas see which meetings are done. Recomputed from the usulan themselves in a
 * transaction whenever one changes status, so a duplicate or out-of-order delivery writes the same
 * numbers and closes once; it writes the musyawarah, never the usulan, so it cannot trigger itself.
 */
export const summarizeMusyawarah = onDocumentWritten('usulan/{usulanId}', async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  if (before?.status === after?.status) return;
  const musyawarahId: unknown = (after ?? before)?.musyawarahId;
  const desaCode: unknown = (after ?? before)?.desaCode;
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
    const m = musyawarah.data()!;
    const open = items.docs.filter((u) => !FINAL_USULAN_STATUSES.includes(u.data().status)).length;
    const close = m.status === 'diajukan' && summary.total > 0 && checkMusyawarahTransition('diajukan', 'selesai', 'sistem', { openUsulan: open }).ok;
    tx.update(ref, { summary, ...(close ? { status: 'selesai', closedAt: FieldValue.serverTimestamp() } : {}), updatedAt: FieldValue.serverTimestamp() });
    if (close) {
      writeAudit(tx, {
        actorUid: 'sistem',
        actorRole: 'sistem',
        action: 'musyawarah.selesai',
        target: { collection: 'musyawarah', id: musyawarahId },
        kabupatenCode: m.kabupatenCode,
        desaCode: m.desaCode,
        summary: `Musyawarah selesai: ${summary.diterapkan} usulan diterapkan, ${summary.ditolak} ditolak`,
      });
    }
    return summary;
  });
}
