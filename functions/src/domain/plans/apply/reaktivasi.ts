import { because } from '../../reason.js';
import { reactivate } from '../../suspension.js';
import type { UsulanReaktivasiContent } from '../../usulan.js';
import { SERVER_TIME } from '../writes.js';
import { eligibilityFields, freshStaleness, refused, type ApplicationInput, type ApplicationPlan } from './common.js';

/**
 * Reaktivasi: a suspended household is active again (route `reaktivasi`, within the kabupaten's
 * limit), one reactivation used. The BA klarifikasi is a fresh verification, so the staleness clock
 * restarts. Refused when the household is not in the register, or the policy refuses (see `reactivate`).
 */
export function planReaktivasi(input: ApplicationInput<UsulanReaktivasiContent>): ApplicationPlan {
  const { content: c, household: h } = input;
  const householdId = c.householdId;
  if (!h) return refused(householdId, because('usulan.household_missing'));
  const result = reactivate({ status: h.status, reactivations: h.reactivations ?? 0 }, input.suspension);
  if (!result.ok) return refused(householdId, ...result.reasons);
  const active = input.members.filter((m) => m.status === 'aktif');
  return {
    ok: true,
    householdId,
    writes: [
      {
        kind: 'updateHousehold',
        householdId,
        data: {
          status: result.status,
          statusReason: result.statusReason,
          reactivations: result.reactivations,
          suspension: null,
          ...freshStaleness(input.now),
          ...eligibilityFields(input.programs, { desil: h.desil, status: result.status, desaCode: h.desaCode }, active),
          updatedAt: SERVER_TIME,
        },
      },
    ],
    summary: `Keluarga direaktivasi (reaktivasi ke-${result.reactivations})`,
  };
}
