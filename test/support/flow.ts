import { collection, doc, serverTimestamp, updateDoc, writeBatch, type DocumentReference, type Timestamp } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import type { Meeting, UsulanContent } from '../../functions/src/domain/index.js';
import type { UsulanDoc } from '../../functions/src/domain/documents.js';
import { waitForDoc, type ClientUser } from './client.js';
import { meeting } from './factories.js';

export type Usulan = UsulanDoc<Timestamp>;

export interface Wilayah {
  desa: string;
  kecamatan: string;
  kabupaten: string;
}

/**
 * What the portal does when the operator saves a musyawarah (web/src/lib/musyawarah.ts,
 * `createMusyawarah`): the draft musyawarah with these usulan in one batch.
 */
export async function recordDraft(user: ClientUser, wilayah: Wilayah, contents: UsulanContent[], held: Meeting = meeting()): Promise<{ musyawarahId: string; refs: DocumentReference<Usulan>[] }> {
  const w = { desaCode: wilayah.desa, kecamatanCode: wilayah.kecamatan, kabupatenCode: wilayah.kabupaten };
  const mRef = doc(collection(user.db, 'musyawarah'));
  const refs = contents.map(() => doc(collection(user.db, 'usulan')));
  const create = writeBatch(user.db);
  create.set(mRef, { ...w, meeting: held, status: 'draft', createdBy: user.uid, createdAt: serverTimestamp(), updatedAt: serverTimestamp(), submittedAt: null });
  contents.forEach((content, i) => {
    create.set(refs[i]!, {
      musyawarahId: mRef.id, ...w, ...content, status: 'draft', createdBy: user.uid,
      createdAt: serverTimestamp(), updatedAt: serverTimestamp(), submittedAt: null, validation: null, decisions: [], outcome: null,
    });
  });
  await create.commit();
  return { musyawarahId: mRef.id, refs: refs as DocumentReference<Usulan>[] };
}

/** What the portal does on "Simpan dan ajukan" (`submitMusyawarah`): the musyawarah and its drafts submitted in one batch. */
export async function submitDraft(user: ClientUser, musyawarahId: string, refs: DocumentReference<Usulan>[]): Promise<void> {
  const submit = writeBatch(user.db);
  const stamp = { status: 'diajukan', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() };
  submit.update(doc(user.db, 'musyawarah', musyawarahId), stamp);
  for (const r of refs) submit.update(doc(user.db, r.path), stamp);
  await submit.commit();
}

/**
 * What the portal does: create a draft musyawarah with these usulan in one batch, then submit
 * them all in a second. Returns the musyawarah id and the usulan references, in order.
 */
export async function recordAndSubmit(user: ClientUser, wilayah: Wilayah, contents: UsulanContent[], held: Meeting = meeting()): Promise<{ musyawarahId: string; refs: DocumentReference<Usulan>[] }> {
  const recorded = await recordDraft(user, wilayah, contents, held);
  await submitDraft(user, recorded.musyawarahId, recorded.refs);
  return recorded;
}

/**
 * What the portal's correction does (web/src/lib/musyawarah.ts, `resubmitUsulan`): take a failed
 * usulan back to draft, write the corrected content, submit it again — three writes queued at once,
 * not each after the previous one's acknowledgement, as the portal queues them offline.
 * `content` holds every content key of the type (this helper removes none).
 */
export async function resubmit(user: ClientUser, ref: DocumentReference<Usulan>, content: UsulanContent): Promise<void> {
  const r = doc(user.db, ref.path);
  const { type: _type, ...set } = content;
  await Promise.all([
    updateDoc(r, { status: 'draft', submittedAt: null, validation: null, updatedAt: serverTimestamp() }),
    updateDoc(r, { ...set, updatedAt: serverTimestamp() }),
    updateDoc(r, { status: 'diajukan', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
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
