import { doc, serverTimestamp, writeBatch } from 'firebase/firestore';
import type { Meeting, UsulanBaruContent } from '$domain/index.js';
import { collections, musyawarahRef } from './collections';
import { db } from './firebase';
import type { Claims } from './session.svelte';

/**
 * Writes go to the local cache at once and to the server when there is signal: callers do not
 * wait for `commit()` when offline; the pages show pending writes from snapshot metadata.
 */
export function createMusyawarah(
  claims: Claims,
  uid: string,
  meeting: Meeting,
  usulan: UsulanBaruContent[],
): { musyawarahId: string; usulanIds: string[]; committed: Promise<void> } {
  if (claims.role !== 'operator' || !claims.desa || !claims.kecamatan) throw new Error('only operators create musyawarah');
  const wilayah = { desaCode: claims.desa, kecamatanCode: claims.kecamatan, kabupatenCode: claims.kabupaten };
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
  const usulanIds = usulan.map((content) => {
    const uRef = doc(collections.usulan());
    batch.set(uRef, {
      musyawarahId: mRef.id,
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
  return { musyawarahId: mRef.id, usulanIds, committed: batch.commit() };
}

/** Submits the musyawarah and its draft usulan to the Dinas Sosial in one atomic write. */
export function submitMusyawarah(musyawarahId: string, draftUsulanIds: string[]): Promise<void> {
  const batch = writeBatch(db);
  const stamp = { status: 'diajukan' as const, submittedAt: serverTimestamp(), updatedAt: serverTimestamp() };
  batch.update(musyawarahRef(musyawarahId), stamp);
  for (const id of draftUsulanIds) batch.update(doc(collections.usulan(), id), stamp);
  return batch.commit();
}
