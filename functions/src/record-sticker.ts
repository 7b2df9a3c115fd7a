import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { isoDateOn, reason, stickerInputSchema } from './domain/index.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import { applyFieldReport, type ReportResult } from './lib/field-reports.js';

/**
 * The operator reports that a recipient household's house now carries the bansos sticker
 * ("keluarga pra sejahtera", seed 000): on which day and by whom, written under
 * `households/{id}/stickers/` (offline too, sent when the signal returns). This trigger records it
 * on the household — only households that are active and receive a program get one, and the day
 * may not be after the report reached the server — or keeps the report with the reason.
 * Idempotent through the report's `outcome`; fires on creation only.
 */
export const applySticker = onDocumentCreated('households/{householdId}/stickers/{stickerId}', async (event) => {
  const result = await applyStickerReport(event.params.householdId, event.params.stickerId, new Date(event.time));
  logger.info('sticker report processed', { householdId: event.params.householdId, stickerId: event.params.stickerId, result });
});

export async function applyStickerReport(householdId: string, stickerId: string, now: Date): Promise<ReportResult> {
  const ref = collections.households().doc(householdId);
  return applyFieldReport(collections.stickers(householdId).doc(stickerId), ref, (tx, report, h) => {
    const input = stickerInputSchema.safeParse({ householdId, installedOn: report.installedOn, by: report.by });
    if (!input.success) return reason('sticker.invalid', input.error.issues[0]?.message ?? 'Data stiker tidak valid.');
    if (input.data.installedOn > isoDateOn(now)) return reason('sticker.future', 'Tanggal pemasangan tidak boleh di masa depan.');
    if (!h || h.desaCode !== report.desaCode) return reason('sticker.not_in_desa', 'Keluarga ini tidak lagi terdaftar di desa Anda; stiker tidak dicatat.');
    const receives = Object.values(h.eligibility ?? {}).some((d) => d.eligible);
    if (h.status !== 'aktif' || !receives) return reason('sticker.not_recipient', 'Stiker hanya untuk rumah keluarga penerima bansos yang aktif.');
    tx.update(ref, { sticker: { installedOn: input.data.installedOn, by: input.data.by }, updatedAt: FieldValue.serverTimestamp() });
    writeAudit(tx, {
      actorUid: report.recordedBy, actorRole: 'operator', action: 'keluarga.stiker', target: { collection: 'households', id: householdId },
      kabupatenCode: h.kabupatenCode, desaCode: h.desaCode, summary: `Stiker bansos terpasang ${input.data.installedOn} oleh ${input.data.by}`,
    });
    return null;
  });
}
