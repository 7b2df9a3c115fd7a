import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { musyawarahContribution } from './domain/index.js';
import { changeDeltas, countChange, eventKey, type CountResult } from './lib/stats.js';

/**
 * Statistics of musyawarah held: a musyawarah counts once submitted, on its meeting date, for its
 * desa, kecamatan and kabupaten ("musyawarah this cycle" is counted from the dates at read time).
 */
export const updateMusyawarahStats = onDocumentWritten({ document: 'musyawarah/{musyawarahId}', retry: true }, async (event) => {
  await countMusyawarahChange(
    eventKey(event, `musyawarah/${event.params.musyawarahId}`),
    event.data?.before.data(),
    event.data?.after.data(),
    event.params.musyawarahId,
  );
});

export async function countMusyawarahChange(eventId: string, before: unknown, after: unknown, musyawarahId: string): Promise<CountResult> {
  return countChange('musyawarah', eventId, changeDeltas('musyawarah', musyawarahId, before, after, musyawarahContribution));
}
