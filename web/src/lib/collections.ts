import { collection, doc, type CollectionReference, type DocumentData, type FirestoreDataConverter, type Timestamp } from 'firebase/firestore';
import { COLLECTIONS } from '$domain/documents.js';
import type * as D from '$domain/documents.js';
import type { Program } from '$domain/index.js';
import { db } from './firebase';

/** Typed references for the portal: the same document shapes as the functions, with the JS SDK's Timestamp. */
export type MusyawarahDoc = D.MusyawarahDoc<Timestamp>;
export type UsulanDoc = D.UsulanDoc<Timestamp>;
export type HouseholdDoc = D.HouseholdDoc<Timestamp>;
export type MemberDoc = D.MemberDoc<Timestamp>;
export type VervalDoc = D.VervalDoc<Timestamp>;
export type StickerReportDoc = D.StickerReportDoc<Timestamp>;
export type UserProfileDoc = D.UserProfileDoc<Timestamp>;
export type StatsDoc = D.StatsDoc<Timestamp>;
export type ExportDoc = D.ExportDoc<Timestamp>;
export type AuditDoc = D.AuditDoc<Timestamp>;

function typed<T extends DocumentData>(): FirestoreDataConverter<T, DocumentData> {
  return {
    toFirestore: (data) => data,
    fromFirestore: (snap, options) => snap.data(options) as T,
  };
}

function typedCollection<T extends DocumentData>(path: string): CollectionReference<T> {
  return collection(db, path).withConverter(typed<T>());
}

export const collections = {
  musyawarah: () => typedCollection<MusyawarahDoc>(COLLECTIONS.musyawarah),
  usulan: () => typedCollection<UsulanDoc>(COLLECTIONS.usulan),
  households: () => typedCollection<HouseholdDoc>(COLLECTIONS.households),
  members: (householdId: string) => typedCollection<MemberDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.members}`),
  programs: () => typedCollection<Program>(COLLECTIONS.programs),
  policies: () => typedCollection<D.PolicyDoc>(COLLECTIONS.policies),
  users: () => typedCollection<UserProfileDoc>(COLLECTIONS.users),
  stats: () => typedCollection<StatsDoc>(COLLECTIONS.stats),
  exports: () => typedCollection<ExportDoc>(COLLECTIONS.exports),
  auditLog: () => typedCollection<AuditDoc>(COLLECTIONS.auditLog),
  verval: (householdId: string) => typedCollection<VervalDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.verval}`),
  stickers: (householdId: string) => typedCollection<StickerReportDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.stickers}`),
};

export const musyawarahRef = (id: string) => doc(collections.musyawarah(), id);
