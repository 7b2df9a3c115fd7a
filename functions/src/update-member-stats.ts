import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { memberContribution } from './domain/index.js';
import { changeDeltas, countChange, eventKey, type CountResult } from './lib/stats.js';

/**
 * Statistics of data quality: a member flagged `nik.missing` or `nik.invalid` counts for their desa,
 * kecamatan and kabupaten while they are in the household. Most member writes change nothing
 * counted and write nothing. Never logs member data (NIK).
 */
export const updateMemberStats = onDocumentWritten({ document: 'households/{householdId}/members/{memberId}', retry: true }, async (event) => {
  await countMemberChange(eventKey(event, `members/${event.params.memberId}`), event.data?.before.data(), event.data?.after.data(), event.params.memberId);
});

export async function countMemberChange(eventId: string, before: unknown, after: unknown, memberId: string): Promise<CountResult> {
  return countChange('members', eventId, changeDeltas('member', memberId, before, after, memberContribution));
}
