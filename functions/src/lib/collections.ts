import type { CollectionReference, DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { db } from './admin.js';
import type { AuditDoc, HouseholdDoc, MemberDoc, MusyawarahDoc, NikIndexDoc, PolicyDoc, UserProfileDoc, UsulanDoc } from './documents.js';
import { COLLECTIONS } from '../domain/documents.js';
import type { Program } from '../domain/index.js';

function typed<T extends DocumentData>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (data) => data as DocumentData,
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

function collection<T extends DocumentData>(path: string): CollectionReference<T> {
  return db.collection(path).withConverter(typed<T>());
}

export const collections = {
  musyawarah: () => collection<MusyawarahDoc>(COLLECTIONS.musyawarah),
  usulan: () => collection<UsulanDoc>(COLLECTIONS.usulan),
  households: () => collection<HouseholdDoc>(COLLECTIONS.households),
  members: (householdId: string) => collection<MemberDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.members}`),
  nikIndex: () => collection<NikIndexDoc>(COLLECTIONS.nikIndex),
  auditLog: () => collection<AuditDoc>(COLLECTIONS.auditLog),
  programs: () => collection<Program>(COLLECTIONS.programs),
  policies: () => collection<PolicyDoc>(COLLECTIONS.policies),
  users: () => collection<UserProfileDoc>(COLLECTIONS.users),
};
