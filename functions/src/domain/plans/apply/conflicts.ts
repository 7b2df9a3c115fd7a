import type { NikHeld } from '../../duplicates.js';
import type { Write } from '../writes.js';
import { because, type Reason } from '../../reason.js';

/**
 * A NIK the validation found free (or did not see) is held by another household of the register
 * when the application runs: two approvals raced for it, or the data is ganda. Same rule as the
 * validation (`findNikConflicts`), said as a refusal of the application: the desa is named only
 * when it is in the proposer's kabupaten.
 */
export function ganda(held: NikHeld): Reason {
  return because('usulan.ganda', held.elsewhere ? { member: held.member + 1 } : { member: held.member + 1, desaCode: held.holder.desaCode }, held.field);
}

/**
 * Members coming back from a suspended household of this kabupaten (its route is usulan baru) leave
 * their old record, with the reason, in the same transaction that gives them the new one: no apply
 * leaves a NIK active in two households.
 */
export function closeReturning(returning: readonly NikHeld[], leftReason: Reason): Write[] {
  return returning.flatMap(({ holder }): Write[] =>
    holder.memberId === undefined
      ? []
      : [{ kind: 'updateMember', householdId: holder.householdId, memberId: holder.memberId, data: { status: 'keluar', leftReason } }],
  );
}
