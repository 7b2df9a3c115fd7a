import { collection, deleteField, doc, serverTimestamp, updateDoc, writeBatch, type DocumentReference, type Timestamp } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import type { Meeting, UsulanContent } from '../../functions/src/domain/index.js';
import type { UsulanDoc } from '../../functions/src/domain/documents.js';
import { correctedContent, newMusyawarah, newUsulan, submission, takeBack, wilayahOf, type OperatorPlace } from '../../web/src/lib/operator/documents.js';
import { waitForDoc, type ClientUser } from './client.js';

export type Usulan = UsulanDoc<Timestamp>;

/**
 * The portal's paths played from Node, by the demo story and by the tests: the operator's writes,
 * made by a signed-in client (the rules apply) with the portal's own document builders
 * (web/src/lib/operator/documents.ts), batched as web/src/lib/operator/musyawarah/writes.ts batches
 * them; the Dinas's decisions through the callable; waiting for the triggers' results.
 */

/** `createMusyawarah`: the draft musyawarah with these usulan, in one batch. */
export async function recordDraft(
  user: ClientUser,
  place: OperatorPlace,
  contents: UsulanContent[],
  held: Meeting,
): Promise<{ musyawarahId: string; refs: DocumentReference<Usulan>[] }> {
  const wilayah = wilayahOf(place);
  const mRef = doc(collection(user.db, 'musyawarah'));
  const refs = contents.map(() => doc(collection(user.db, 'usulan')));
  const create = writeBatch(user.db);
  create.set(mRef, newMusyawarah(wilayah, user.uid, held, serverTimestamp()));
  contents.forEach((content, i) => create.set(refs[i]!, newUsulan(mRef.id, wilayah, user.uid, content, serverTimestamp())));
  await create.commit();
  return { musyawarahId: mRef.id, refs: refs as DocumentReference<Usulan>[] };
}

/** `submitMusyawarah` ("Simpan dan ajukan"): the musyawarah and its drafts submitted in one batch. */
export async function submitDraft(user: ClientUser, musyawarahId: string, refs: DocumentReference<Usulan>[]): Promise<void> {
  const submit = writeBatch(user.db);
  submit.update(doc(user.db, 'musyawarah', musyawarahId), submission(serverTimestamp()));
  for (const r of refs) submit.update(doc(user.db, r.path), submission(serverTimestamp()));
  await submit.commit();
}

/**
 * Both: a draft musyawarah with these usulan in one batch, then all submitted in a second.
 * Returns the musyawarah id and the usulan references, in order.
 */
export async function recordAndSubmit(
  user: ClientUser,
  place: OperatorPlace,
  contents: UsulanContent[],
  held: Meeting,
): Promise<{ musyawarahId: string; refs: DocumentReference<Usulan>[] }> {
  const recorded = await recordDraft(user, place, contents, held);
  await submitDraft(user, recorded.musyawarahId, recorded.refs);
  return recorded;
}

/** The first write of a correction (`resubmitUsulan`): an usulan that failed validation taken back to draft. */
export function takeBackForCorrection(user: ClientUser, usulanId: string): Promise<void> {
  return updateDoc(doc(user.db, 'usulan', usulanId), takeBack(serverTimestamp()));
}

/**
 * The correction (`resubmitUsulan`): take a failed usulan back to draft, write the corrected
 * content, submit it again — three writes queued at once, not each after the previous one's
 * acknowledgement, as the portal queues them offline. `update` is the correction's
 * `contentUpdate(content)` (web/src/lib/operator/usulan/correction.ts), computed by the caller: that
 * module reads the domain's schemas through the portal's `$domain` alias, which only Vitest resolves.
 */
export async function resubmit(user: ClientUser, ref: DocumentReference<Usulan>, update: { set: Record<string, unknown>; remove: string[] }): Promise<void> {
  const r = doc(user.db, ref.path);
  await Promise.all([
    updateDoc(r, takeBack(serverTimestamp())),
    updateDoc(r, correctedContent(update, serverTimestamp(), deleteField())),
    updateDoc(r, submission(serverTimestamp())),
  ]);
}

export const validated = (ref: DocumentReference<Usulan>) => waitForDoc(ref, (d) => d?.validation != null);
export const settled = (ref: DocumentReference<Usulan>) => waitForDoc(ref, (d) => d?.status === 'diterapkan' || d?.status === 'ditolak');

export function decide(user: ClientUser, data: Record<string, unknown>) {
  return httpsCallable(user.functions, 'decideUsulan')(data);
}

/** Verifikator verifies and kadis approves one usulan, as a two-level kabupaten does. */
export async function approve(verifikator: ClientUser, kadis: ClientUser, usulanId: string): Promise<void> {
  await decide(verifikator, { usulanId, decision: 'setujui', note: '' });
  await decide(kadis, { usulanId, decision: 'setujui', note: '' });
}
