import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { musyawarahContribution, statsDeltas } from './domain/index.js';
import { eventKey, countChange, type CountResult } from './lib/stats.js';

/**
 * Statistics of musyawarah held: a musyawarah counts once submitted, on its meeting date, for its
 * desa, kecamatan and kabupaten ("musyawarah this cycle" is counted from the dates at read time).
 */
export const updateMusyawarahStats = onDocumentWritten({ document: 'musyawarah/{musyawarahId}', retry: true }, async (event) => {
  await countMusyawarahChange(eventKey(event, `musyawarah/${event.params.musyawarahId}`), event.data?.before.data(), event.data?.after.data(), event.params.musyawarahId);
});

export async function countMusyawarahChange(eventId: string, before: unknown, after: unknown, musyawarahId: string): Promise<CountResult> {
  const b = before === undefined ? null : musyawarahContribution(before);
  const a = after === undefined ? null : musyawarahContribution(after);
  if ((before !== undefined && !b) || (after !== undefined && !a)) logger.warn('musyawarah unreadable for statistics', { musyawarahId, before: !!b, after: !!a });
  return countChange('musyawarah', eventId, statsDeltas(b, a));
}
