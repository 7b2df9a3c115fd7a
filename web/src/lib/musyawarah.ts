import { doc, serverTimestamp, writeBatch, type WriteBatch } from 'firebase/firestore';
import type { Meeting, UsulanContent } from '$domain/index.js';
import { collections, musyawarahRef } from './collections';
import { db } from './firebase';
import type { Claims } from './session.svelte';

/**
 * Writes go to the local cache at once and to the server when there is signal: callers do not
 * wait for `commit()` when offline (they hand it to the sync indicator); the pages show pending
 * writes from snapshot metadata. Each usulan document holds exactly its type's content keys (the
 * output of the shared schema) plus the keys Tepat keeps, as firestore.rules requires.
 */
function wilayahOf(claims: Claims) {
  if (claims.role !== 'operator' || !claims.desa || !claims.kecamatan) throw new Error('only operators record musyawarah');
  return { desaCode: claims.desa, kecamatanCode: claims.kecamatan, kabupatenCode: claims.kabupaten };
}

function addUsulan(batch: WriteBatch, musyawarahId: string, wilayah: ReturnType<typeof wilayahOf>, uid: string, usulan: UsulanContent[]): string[] {
  return usulan.map((content) => {
    const uRef = doc(collections.usulan());
    batch.set(uRef, {
      musyawarahId,
      ...wilayah,
      ...content,
      status: 'draft',
      createdBy: uid,
      createdAt: serverTimestamp(),
      updatedAt: serverTimestamp(),
      submittedAt: null,
      validation: null,
      decisions: [],
      outcome: null,
    });
    return uRef.id;
  });
}

export function createMusyawarah(
  claims: Claims,
  uid: string,
  meeting: Meeting,
  usulan: UsulanContent[],
): { musyawarahId: string; usulanIds: string[]; committed: Promise<void> } {
  const wilayah = wilayahOf(claims);
  const batch = writeBatch(db);
  const mRef = doc(collections.musyawarah());
  batch.set(mRef, {
    ...wilayah,
    meeting,
    status: 'draft',
    createdBy: uid,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    submittedAt: null,
  });
  const usulanIds = addUsulan(batch, mRef.id, wilayah, uid, usulan);
  return { musyawarahId: mRef.id, usulanIds, committed: batch.commit() };
}

/** Adds usulan to a draft musyawarah and saves its (possibly corrected) meeting, in one write. */
export function addToDraft(
  claims: Claims,
  uid: string,
  musyawarahId: string,
  meeting: Meeting,
  usulan: UsulanContent[],
): { usulanIds: string[]; committed: Promise<void> } {
  const wilayah = wilayahOf(claims);
  const batch = writeBatch(db);
  batch.update(musyawarahRef(musyawarahId), { meeting, updatedAt: serverTimestamp() });
  const usulanIds = addUsulan(batch, musyawarahId, wilayah, uid, usulan);
  return { usulanIds, committed: batch.commit() };
}

/** Submits the musyawarah and its draft usulan to the Dinas Sosial in one atomic write. */
export function submitMusyawarah(musyawarahId: string, draftUsulanIds: string[]): Promise<void> {
  const batch = writeBatch(db);
  const stamp = { status: 'diajukan' as const, submittedAt: serverTimestamp(), updatedAt: serverTimestamp() };
  batch.update(musyawarahRef(musyawarahId), stamp);
  for (const id of draftUsulanIds) batch.update(doc(collections.usulan(), id), stamp);
  return batch.commit();
}
