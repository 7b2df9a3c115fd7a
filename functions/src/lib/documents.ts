import type { Timestamp } from 'firebase-admin/firestore';
import type * as D from '../domain/documents.js';

/** The stored documents' shapes (domain/documents.ts) bound to the Admin SDK's Timestamp. */
export type { EligibilityMap, PolicyDoc } from '../domain/documents.js';
export type MusyawarahDoc = D.MusyawarahDoc<Timestamp>;
export type UsulanDoc = D.UsulanDoc<Timestamp>;
export type HouseholdDoc = D.HouseholdDoc<Timestamp>;
export type MemberDoc = D.MemberDoc<Timestamp>;
export type NikIndexDoc = D.NikIndexDoc<Timestamp>;
export type AuditDoc = D.AuditDoc<Timestamp>;
export type UserProfileDoc = D.UserProfileDoc<Timestamp>;
export type VervalDoc = D.VervalDoc<Timestamp>;
export type StickerReportDoc = D.StickerReportDoc<Timestamp>;
