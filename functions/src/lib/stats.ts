import { FieldValue, Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { nationalKecamatanCodes, statsDeltas, type Contribution, type StatsDelta, type StatsDoc, type StatsScope, type Tally } from '../domain/index.js';
import { desaCodesIn } from '../domain/wilayah-data/villages.js';
import { db } from './admin.js';
import { collections } from './collections.js';

/** How long an event marker is kept: longer than Eventarc redelivers an event (24 hours). */
const MARKER_DAYS = 7;

export type CountResult = 'counted' | 'duplicate' | 'nothing';

/**
 * What a write changes in the statistics: the document's contribution after it minus before it.
 * An unreadable side counts nowhere (the reconciliation, which reads documents the same way,
 * agrees) and is logged by its kind and id only, never its data.
 */
export function changeDeltas(kind: string, id: string, before: unknown, after: unknown, contributionOf: (data: unknown) => Contribution | null): StatsDelta[] {
  const b = before === undefined ? null : contributionOf(before);
  const a = after === undefined ? null : contributionOf(after);
  if ((before !== undefined && !b) || (after !== undefined && !a)) logger.warn(`${kind} unreadable for statistics`, { id, before: !!b, after: !!a });
  return statsDeltas(b, a);
}

/** The fields that identify a stats document (and that firestore.rules reads). */
export function statsIdentity(scope: StatsScope): Pick<StatsDoc<Timestamp>, 'level' | 'code' | 'kabupatenCode' | 'kecamatanCode' | 'desaCode'> {
  return { level: scope.level, code: scope.code, kabupatenCode: scope.kabupatenCode, kecamatanCode: scope.kecamatanCode, desaCode: scope.desaCode };
}

/** A tally as a nested map of increments, for `set(..., { merge: true })`: only its leaves change. */
export function increments(tally: Tally): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, typeof v === 'number' ? FieldValue.increment(v) : increments(v)]));
}

/**
 * The key of one write as its trigger sees it: the event id with the document and the commit
 * time. A redelivery carries all three unchanged; the Firestore emulator was seen to reuse event
 * ids across a long run, which the id alone would have taken for redeliveries (counts lost).
 */
export function eventKey(event: { id: string; time?: string; document?: string }, path: string): string {
  return `${event.id}@${event.time ?? ''}@${path}`;
}

/** The marker of one trigger event; the id is escaped so any event id makes one valid document id. */
export function eventMarker(source: string, eventId: string): DocumentReference {
  return collections.statsEvents().doc(`${source}_${encodeURIComponent(eventId)}`);
}

export function markerData(source: string, eventId: string) {
  return { source, eventId, at: FieldValue.serverTimestamp(), expireAt: Timestamp.fromMillis(Date.now() + MARKER_DAYS * 24 * 3600 * 1000) };
}

function isAlreadyExists(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 6 || code === 'already-exists' || code === 'ALREADY_EXISTS';
}

/**
 * Applies one event's deltas to the stats documents, once: the marker is created in the same
 * batch, so a second delivery of the event fails on it as a whole and changes nothing. No read,
 * so concurrent events only meet at the documents' commits.
 */
export async function countChange(source: string, eventId: string, deltas: readonly StatsDelta[]): Promise<CountResult> {
  if (deltas.length === 0) return 'nothing';
  const batch = db.batch();
  const marker = eventMarker(source, eventId);
  batch.create(marker, markerData(source, eventId));
  for (const d of deltas) {
    batch.set(
      collections.stats().doc(d.scope.id),
      { ...statsIdentity(d.scope), counts: increments(d.tally), updatedAt: FieldValue.serverTimestamp() } as never,
      { merge: true },
    );
  }
  try {
    await batch.commit();
    return 'counted';
  } catch (e) {
    if (isAlreadyExists(e)) return 'duplicate';
    throw e;
  }
}

const desaTotals = new Map<string, number>();

/** Desa and kelurahan in force in a kabupaten (Kepmendagri 300.2.2-2138/2025): 156 in Rejang Lebong. */
export function desaTotalOf(kabupatenCode: string): number {
  let total = desaTotals.get(kabupatenCode);
  if (total === undefined) {
    total = nationalKecamatanCodes()
      .filter((k) => k.startsWith(`${kabupatenCode}.`))
      .reduce((n, k) => n + desaCodesIn(k).length, 0);
    desaTotals.set(kabupatenCode, total);
  }
  return total;
}
