import type { CollectionReference, DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { db } from './admin.js';
import type {
  AuditDoc,
  HouseholdDoc,
  MemberDoc,
  MusyawarahDoc,
  NikIndexDoc,
  PolicyDoc,
  StickerReportDoc,
  UserProfileDoc,
  UsulanDoc,
  VervalDoc,
} from './documents.js';
import { COLLECTIONS } from '../domain/documents.js';
import type { Program } from '../domain/index.js';
import { STATS_EVENTS_COLLECTION, type StatsEventDoc } from '../domain/statistics.js';
import type { ExportDoc, LookupCountDoc, StatsDoc } from '../domain/documents.js';
import type { Timestamp } from 'firebase-admin/firestore';

function typed<T extends DocumentData>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (data) => data,
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
  verval: (householdId: string) => collection<VervalDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.verval}`),
  stickers: (householdId: string) => collection<StickerReportDoc>(`${COLLECTIONS.households}/${householdId}/${COLLECTIONS.stickers}`),
  nikIndex: () => collection<NikIndexDoc>(COLLECTIONS.nikIndex),
  auditLog: () => collection<AuditDoc>(COLLECTIONS.auditLog),
  programs: () => collection<Program>(COLLECTIONS.programs),
  policies: () => collection<PolicyDoc>(COLLECTIONS.policies),
  users: () => collection<UserProfileDoc>(COLLECTIONS.users),
  stats: () => collection<StatsDoc<Timestamp>>(COLLECTIONS.stats),
  statsEvents: () => collection<StatsEventDoc<Timestamp>>(STATS_EVENTS_COLLECTION),
  exports: () => collection<ExportDoc<Timestamp>>(COLLECTIONS.exports),
  lookupCounts: () => collection<LookupCountDoc>(COLLECTIONS.lookupCounts),
  /** Every household's members at once (collection group), e.g. all members of a desa. */
  allMembers: () => db.collectionGroup(COLLECTIONS.members).withConverter(typed<MemberDoc>()),
};
