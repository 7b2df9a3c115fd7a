import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { householdContribution } from './domain/index.js';
import { changeDeltas, countChange, eventKey, type CountResult } from './lib/stats.js';

/**
 * Statistics, as the register changes: every write of a household (added, corrected, frozen,
 * verified, moved to another desa, removed) adds the difference of its contribution before and
 * after to its desa, kecamatan and kabupaten documents. Writes only `stats` and `statsEvents`, so
 * it never fires itself; retried on failure, counted once per event (see lib/stats.ts).
 */
export const updateHouseholdStats = onDocumentWritten({ document: 'households/{householdId}', retry: true }, async (event) => {
  await countHouseholdChange(
    eventKey(event, `households/${event.params.householdId}`),
    event.data?.before.data(),
    event.data?.after.data(),
    event.params.householdId,
  );
});

/** The trigger's work, callable with any event (tests deliver the same event twice this way). */
export async function countHouseholdChange(eventId: string, before: unknown, after: unknown, householdId: string): Promise<CountResult> {
  return countChange('households', eventId, changeDeltas('household', householdId, before, after, householdContribution));
}
