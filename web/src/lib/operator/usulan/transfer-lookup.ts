import { httpsCallable } from 'firebase/functions';
import type { TransferLookupInput, TransferLookupResult } from '$domain/index.js';
import { functions } from '../../callable';

/**
 * Finds the household of a family that moved into the operator's desa (the `findTransferHousehold`
 * callable), for a pindah masuk row of the musyawarah wizard. Loaded by the wizard only when the
 * operator presses "Cari", so the form itself never waits for Firebase. Needs signal: the other
 * desa's register is not on this device, and the rules would not let the operator read it.
 */
/** A refusal keeps the raw error, so the page words it in the chosen language (`firebaseErrorMessage(error, $_)`). */
export type TransferLookupAnswer = { ok: true; result: TransferLookupResult } | { ok: false; error: unknown; code: string | null };

export async function findTransferHousehold(input: TransferLookupInput): Promise<TransferLookupAnswer> {
  try {
    const res = await httpsCallable<TransferLookupInput, TransferLookupResult>(functions, 'findTransferHousehold', { timeout: 30_000 })(input);
    return { ok: true, result: res.data };
  } catch (err) {
    const details = typeof err === 'object' && err !== null && 'details' in err ? (err as { details?: unknown }).details : undefined;
    const code = typeof details === 'object' && details !== null && 'code' in details && typeof details.code === 'string' ? details.code : null;
    return { ok: false, error: err, code };
  }
}
