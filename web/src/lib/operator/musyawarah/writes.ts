import { deleteField, doc, serverTimestamp, updateDoc, writeBatch, type WriteBatch } from 'firebase/firestore';
import type { Meeting, UsulanContent } from '$domain/index.js';
import { collections, musyawarahRef } from '../../collections';
import { db } from '../../firebase';
import type { Claims } from '../../session.svelte';
import { correctedContent, meetingUpdate, newMusyawarah, newUsulan, submission, takeBack, wilayahOf, type Wilayah } from '../documents';
import { contentUpdate } from '../usulan/correction';

/**
 * Writes go to the local cache at once and to the server when there is signal: callers do not
 * wait for `commit()` when offline (they hand it to the sync indicator); the pages show pending
 * writes from snapshot metadata. The documents and updates are built by `../documents.ts`, which
 * the tests and the rules tests build theirs with too.
 */
function operatorWilayah(claims: Claims): Wilayah {
  if (claims.role !== 'operator' || !claims.desa || !claims.kecamatan) throw new Error('only operators record musyawarah');
  return wilayahOf(claims);
}

function addUsulan(batch: WriteBatch, musyawarahId: string, wilayah: Wilayah, uid: string, usulan: UsulanContent[]): string[] {
  return usulan.map((content) => {
    const uRef = doc(collections.usulan());
    batch.set(uRef, newUsulan(musyawarahId, wilayah, uid, content, serverTimestamp()));
    return uRef.id;
  });
}

export function createMusyawarah(
  claims: Claims,
  uid: string,
  meeting: Meeting,
  usulan: UsulanContent[],
): { musyawarahId: string; usulanIds: string[]; committed: Promise<void> } {
  const wilayah = operatorWilayah(claims);
  const batch = writeBatch(db);
  const mRef = doc(collections.musyawarah());
  batch.set(mRef, newMusyawarah(wilayah, uid, meeting, serverTimestamp()));
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
  const wilayah = operatorWilayah(claims);
  const batch = writeBatch(db);
  batch.update(musyawarahRef(musyawarahId), meetingUpdate(meeting, serverTimestamp()));
  const usulanIds = addUsulan(batch, musyawarahId, wilayah, uid, usulan);
  return { usulanIds, committed: batch.commit() };
}

/** Submits the musyawarah and its draft usulan to the Dinas Sosial in one atomic write. */
export function submitMusyawarah(musyawarahId: string, draftUsulanIds: string[]): Promise<void> {
  const batch = writeBatch(db);
  const stamp = submission(serverTimestamp());
  batch.update(musyawarahRef(musyawarahId), stamp);
  for (const id of draftUsulanIds) batch.update(doc(collections.usulan(), id), stamp);
  return batch.commit();
}

/**
 * Submits draft usulan of a musyawarah that is already submitted: those taken back for correction
 * (or left as drafts when a correction was interrupted). The rules accept each draft once its
 * musyawarah is `diajukan`; the musyawarah itself is not written.
 */
export function submitUsulan(usulanIds: string[]): Promise<void> {
  const batch = writeBatch(db);
  for (const id of usulanIds) batch.update(doc(collections.usulan(), id), submission(serverTimestamp()));
  return batch.commit();
}

/**
 * Corrects an usulan and submits it again, in the three writes the rules allow, in this order:
 * (1) take it back to draft, if it failed validation (status, submittedAt and validation only);
 * (2) write the corrected content (a draft's content only); (3) submit it (status and submittedAt
 * only, its musyawarah being `diajukan`). One batch cannot do it: the rules refuse a batch that takes
 * back, corrects and submits one usulan, or even only takes back and corrects it — each write of a
 * batch is judged against the usulan as stored before the batch, not after the earlier writes
 * (test/emulator/rules/usulan.ts, "an usulan that failed validation").
 *
 * The writes are queued at once, not one after another's acknowledgement, so offline they wait in
 * the persistent cache in this order and are sent in this order. Whatever prefix of them reaches
 * the server leaves a consistent usulan: a draft (with the old or the corrected content) that the
 * musyawarah page offers to correct or submit, or the submitted correction, which the validation
 * trigger checks again because its `submittedAt` is new.
 */
export function resubmitUsulan(usulanId: string, failed: boolean, content: UsulanContent): { writes: Promise<void>[] } {
  const ref = doc(collections.usulan(), usulanId);
  const writes: Promise<void>[] = [];
  if (failed) writes.push(updateDoc(ref, takeBack(serverTimestamp())));
  writes.push(updateDoc(ref, correctedContent(contentUpdate(content), serverTimestamp(), deleteField())));
  writes.push(updateDoc(ref, submission(serverTimestamp())));
  return { writes };
}
