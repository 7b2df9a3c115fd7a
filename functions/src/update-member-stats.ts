import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { memberContribution, statsDeltas } from './domain/index.js';
import { eventKey, countChange, type CountResult } from './lib/stats.js';

/**
 * Statistics of data quality: a member flagged `nik.missing` or `nik.invalid` counts for their desa,
 * kecamatan and kabupaten while they are in the household. Most member writes change nothing
 * counted and write nothing. Never logs member data (NIK).
 */
export const updateMemberStats = onDocumentWritten({ document: 'households/{householdId}/members/{memberId}', retry: true }, async (event) => {
  await countMemberChange(eventKey(event, `members/${event.params.memberId}`), event.data?.before.data(), event.data?.after.data(), event.params.memberId);
});

export async function countMemberChange(eventId: string, before: unknown, after: unknown, memberId: string): Promise<CountResult> {
  const b = before === undefined ? null : memberContribution(before);
  const a = after === undefined ? null : memberContribution(after);
  if ((before !== undefined && !b) || (after !== undefined && !a)) logger.warn('member unreadable for statistics', { memberId, before: !!b, after: !!a });
  return countChange('members', eventId, statsDeltas(b, a));
}
