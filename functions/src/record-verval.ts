import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { decideHousehold, programsInForce, reason, redactNiks, vervalInputSchema } from './domain/index.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import { applyFieldReport, type ReportResult } from './lib/field-reports.js';
import { loadPrograms } from './lib/programs.js';

/**
 * The operator records a verval (verification visit) of a household of their desa by writing it
 * under `households/{id}/verval/` — from the field, often without signal: the portal's offline
 * cache sends it when the network returns (the rules check the desa and the shape then). This
 * trigger applies it: the staleness clock restarts from the moment of the visit, and a frozen
 * ("beku") household becomes active again with its eligibility recomputed — the freeze is
 * reversible by a verval, as seed 002 implies. A visit that can no longer apply (the household
 * left or was suspended meanwhile) is kept with the reason. The report's `outcome` makes a second
 * delivery a no-op; the trigger fires on creation only, so its own update does not loop.
 */
export const applyVerval = onDocumentCreated('households/{householdId}/verval/{vervalId}', async (event) => {
  const result = await applyVervalReport(event.params.householdId, event.params.vervalId, new Date(event.time));
  logger.info('verval report processed', { householdId: event.params.householdId, vervalId: event.params.vervalId, result });
});

export async function applyVervalReport(householdId: string, vervalId: string, now: Date): Promise<ReportResult> {
  const ref = collections.households().doc(householdId);
  return applyFieldReport(collections.verval(householdId).doc(vervalId), ref, async (tx, report, h) => {
    const input = vervalInputSchema.safeParse({ householdId, result: report.result, note: report.note });
    if (!input.success) return reason('verval.invalid', input.error.issues[0]?.message ?? 'Data verval tidak valid.');
    if (!h || h.desaCode !== report.desaCode) return reason('verval.not_in_desa', 'Keluarga ini tidak lagi terdaftar di desa Anda; verval tidak diterapkan.');
    if (h.status === 'keluar') return reason('verval.household_left', 'Keluarga ini sudah keluar dari register; verval tidak diterapkan.');
    if (h.status === 'ditangguhkan') return reason('verval.household_suspended', 'Keluarga ini ditangguhkan; kembalinya melalui usulan, bukan verval.');

    // The visit counts from when it happened on the device, but never after it reached the server
    // (a wrong device clock) and never moves the clock back (an older visit synced after a newer one).
    const visited = new Date(Math.min(report.visitedAt.toMillis(), now.getTime()));
    const newer = visited.getTime() > h.lastVervalAt.toMillis();
    const unfreeze = h.status === 'beku';
    const programs = unfreeze ? await loadPrograms(tx) : [];
    tx.update(ref, {
      ...(newer ? { lastVervalAt: Timestamp.fromDate(visited), staleness: { level: 'ok', missed: 0, freezesAt: null } } : {}),
      ...(unfreeze
        ? { status: 'aktif', statusReason: null, eligibility: decideHousehold({ ...h, status: 'aktif' }, programsInForce(programs, now)) }
        : {}),
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: report.by, actorRole: 'operator', action: unfreeze ? 'keluarga.verval_aktif_kembali' : 'keluarga.verval', target: { collection: 'households', id: householdId },
      kabupatenCode: h.kabupatenCode, desaCode: h.desaCode,
      summary: `Verval: ${input.data.result}${unfreeze ? '; data beku diaktifkan kembali' : ''}${newer ? '' : ' (kunjungan lebih lama dari verval terakhir)'}${input.data.note ? `. Catatan: ${redactNiks(input.data.note)}` : ''}`,
    });
    return null;
  });
}
