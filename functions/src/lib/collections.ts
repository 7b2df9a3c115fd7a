import type { CollectionReference, DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { db } from './admin.js';
import type { AuditDoc, HouseholdDoc, MemberDoc, MusyawarahDoc, NikIndexDoc, PolicyDoc, UsulanDoc } from './documents.js';
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
  musyawarah: () => collection<MusyawarahDoc>('musyawarah'),
  usulan: () => collection<UsulanDoc>('usulan'),
  households: () => collection<HouseholdDoc>('households'),
  members: (householdId: string) => collection<MemberDoc>(`households/${householdId}/members`),
  nikIndex: () => collection<NikIndexDoc>('nikIndex'),
  auditLog: () => collection<AuditDoc>('auditLog'),
  programs: () => collection<Program>('programs'),
  policies: () => collection<PolicyDoc>('policies'),
};
