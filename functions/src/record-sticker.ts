import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { planSticker } from './domain/plans/index.js';
import { collections } from './lib/collections.js';
import { applyFieldReport, type ReportResult } from './lib/field-reports.js';

/**
 * The operator reports that a recipient household's house now carries the bansos sticker
 * ("keluarga pra sejahtera", seed 000): on which day and by whom, written under
 * `households/{id}/stickers/` (offline too, sent when the signal returns). This trigger records it
 * on the household as `planSticker` decides (domain/plans/field-reports.ts) — only households that
 * are active and receive a program get one, and the day may not be after the report reached the
 * server — or keeps the report with the reason. Idempotent through the report's `outcome`; fires
 * on creation only.
 */
export const applySticker = onDocumentCreated('households/{householdId}/stickers/{stickerId}', async (event) => {
  const result = await applyStickerReport(event.params.householdId, event.params.stickerId, new Date(event.time));
  logger.info('sticker report processed', { householdId: event.params.householdId, stickerId: event.params.stickerId, result });
});

export async function applyStickerReport(householdId: string, stickerId: string, now: Date): Promise<ReportResult> {
  return applyFieldReport(collections.stickers(householdId).doc(stickerId), collections.households().doc(householdId), (_tx, report, household) =>
    planSticker({ householdId, report, household, now }),
  );
}
