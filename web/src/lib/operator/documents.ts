import type { MusyawarahDoc, StickerReportDoc, UsulanDoc, VervalDoc } from '$domain/documents.js';
import type { Meeting, StickerInput, UsulanContent, VervalInput } from '$domain/index.js';

/**
 * Every document and update an operator's device writes, built in this one place. The portal's
 * writes (`musyawarah/writes.ts`, `household/field-reports.ts`) call these builders, and so do the
 * tests that play the operator (the portal's flows for the emulator and browser tests, the demo
 * seed) and the security-rules tests: the rules are tested against what the portal really sends,
 * and a change of shape here reaches every one of them.
 *
 * Pure, and tied to no Firebase SDK: `now` is the writer's "time of the server" (the web SDK's
 * `serverTimestamp()`, firebase-admin's `FieldValue.serverTimestamp()`, or a stored `Timestamp`
 * when a test seeds a document as it was written earlier) and `deleted` its field-deletion
 * sentinel. The domain is imported for its types only, so any Node loader (tsx, Playwright) loads
 * this module without the portal's `$domain` alias.
 */

/** Where an operator works, from their claims (or a demo desa). */
export interface OperatorPlace {
  desa: string;
  kecamatan: string;
  kabupaten: string;
}

/** The wilayah codes every musyawarah and usulan carries, which the rules and the dinas's queries scope by. */
export interface Wilayah {
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
}

export function wilayahOf(place: OperatorPlace): Wilayah {
  return { desaCode: place.desa, kecamatanCode: place.kecamatan, kabupatenCode: place.kabupaten };
}

/** A musyawarah as recorded: a draft of the operator's desa, not submitted yet. */
export function newMusyawarah<F>(wilayah: Wilayah, createdBy: string, meeting: Meeting, now: F): MusyawarahDoc<F> {
  return { ...wilayah, meeting, status: 'draft', createdBy, createdAt: now, updatedAt: now, submittedAt: null };
}

/**
 * An usulan of that musyawarah, as a draft: exactly its type's content keys (the output of the
 * shared schema) and the keys Tepat keeps, as firestore.rules requires.
 */
export function newUsulan<F>(musyawarahId: string, wilayah: Wilayah, createdBy: string, content: UsulanContent, now: F): UsulanDoc<F> {
  return {
    musyawarahId,
    ...wilayah,
    ...content,
    status: 'draft',
    createdBy,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    validation: null,
    decisions: [],
    outcome: null,
  };
}

/** A draft musyawarah's meeting, saved again (possibly corrected) when usulan are added to it. */
export function meetingUpdate<F>(meeting: Meeting, now: F) {
  return { meeting, updatedAt: now };
}

/** The submission to the Dinas Sosial: the same three fields on the musyawarah and on each of its draft usulan. */
export function submission<F>(now: F) {
  return { status: 'diajukan' as const, submittedAt: now, updatedAt: now };
}

/** An usulan that failed validation, taken back to draft to be corrected (status, submittedAt and validation only). */
export function takeBack<F>(now: F) {
  return { status: 'draft' as const, submittedAt: null, validation: null, updatedAt: now };
}

/**
 * A draft's corrected content: `update` is the correction's `contentUpdate(content)` (every content
 * key of the type to set, and those the corrected content leaves out), so no stale value stays.
 */
export function correctedContent<F>(update: { set: Record<string, unknown>; remove: readonly string[] }, now: F, deleted: F): Record<string, unknown> {
  return { ...update.set, ...Object.fromEntries(update.remove.map((key) => [key, deleted])), updatedAt: now };
}

/** Who writes a field report: the operator and the desa and kabupaten of their claims. */
export interface Reporter {
  uid: string;
  claims: { desa: string; kabupaten: string };
}

/**
 * A verval visit, as the device records it: `visitedAt` by the device's clock (when the visit was
 * recorded, possibly long before the report reaches the server at `now`); the trigger sets `outcome`.
 */
export function vervalReport<T, F>(reporter: Reporter, input: Omit<VervalInput, 'householdId'>, visitedAt: T, now: F): VervalDoc<T | F> {
  return {
    result: input.result,
    note: input.note,
    by: reporter.uid,
    desaCode: reporter.claims.desa,
    kabupatenCode: reporter.claims.kabupaten,
    visitedAt,
    at: now,
    outcome: null,
  };
}

/** A sticker on a recipient's house, as the device records it; the trigger sets `outcome`. */
export function stickerReport<F>(reporter: Reporter, input: Omit<StickerInput, 'householdId'>, now: F): StickerReportDoc<F> {
  return {
    installedOn: input.installedOn,
    by: input.by,
    recordedBy: reporter.uid,
    desaCode: reporter.claims.desa,
    kabupatenCode: reporter.claims.kabupaten,
    at: now,
    outcome: null,
  };
}
