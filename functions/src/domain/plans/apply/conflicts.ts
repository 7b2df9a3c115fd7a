import type { NikHeld } from '../../duplicates.js';
import { because, type Reason } from '../../reason.js';

/**
 * A NIK the validation found free (or did not see) is held by another household of the register
 * when the application runs: two approvals raced for it, or the data is ganda. Same rule as the
 * validation (`findNikConflicts`), said as a refusal of the application.
 */
export function ganda(held: NikHeld): Reason {
  return because('usulan.ganda', { member: held.member + 1, desaCode: held.holder.desaCode }, held.field);
}
