import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { programsInForce } from './domain/index.js';
import { planVerval, vervalNeedsPrograms } from './domain/plans/index.js';
import { collections } from './lib/collections.js';
import { applyFieldReport, type ReportResult } from './lib/field-reports.js';
import { loadPrograms } from './lib/programs.js';

/**
 * The operator records a verval (verification visit) of a household of their desa by writing it
 * under `households/{id}/verval/` — from the field, often without signal: the portal's offline
 * cache sends it when the network returns (the rules check the desa and the shape then). This
 * trigger applies it as `planVerval` decides (domain/plans/field-reports.ts): the staleness clock
 * restarts from the moment of the visit, and a frozen ("beku") household becomes active again with
 * its eligibility recomputed; a visit that can no longer apply (the household left or was
 * suspended meanwhile) is kept with the reason. The report's `outcome` makes a second delivery a
 * no-op; the trigger fires on creation only, so its own update does not loop.
 */
export const applyVerval = onDocumentCreated('households/{householdId}/verval/{vervalId}', async (event) => {
  const result = await applyVervalReport(event.params.householdId, event.params.vervalId, new Date(event.time));
  logger.info('verval report processed', { householdId: event.params.householdId, vervalId: event.params.vervalId, result });
});

export async function applyVervalReport(householdId: string, vervalId: string, now: Date): Promise<ReportResult> {
  return applyFieldReport(collections.verval(householdId).doc(vervalId), collections.households().doc(householdId), async (tx, report, household) => {
    const programs = vervalNeedsPrograms(household) ? programsInForce(await loadPrograms(tx), now) : null;
    return planVerval({ householdId, report, household, programs, now });
  });
}
