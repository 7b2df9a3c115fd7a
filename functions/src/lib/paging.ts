import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';

/**
 * Big collections are read with a cursor, never an offset: `limit(n)`, then `startAfter` the last
 * document of the page before. Written once here; every job and callable that pages uses it.
 */

export interface Page<T> {
  docs: QueryDocumentSnapshot<T>[];
  /** Where the next page starts; null when this page was the last (it came back short). */
  next: QueryDocumentSnapshot<T> | null;
}

/**
 * One page of `ordered`, after `after`. The query carries its own order (e.g.
 * `orderBy(FieldPath.documentId())`, or `orderBy('lastVervalAt').orderBy(FieldPath.documentId())`);
 * a snapshot cursor resumes any order exactly (Firestore breaks ties by document id), a document id
 * resumes only an order by document id alone (e.g. a cursor carried in a task's payload).
 */
export async function readPage<T>(ordered: Query<T>, pageSize: number, after?: QueryDocumentSnapshot<T> | string): Promise<Page<T>> {
  let query = ordered.limit(pageSize);
  if (after !== undefined) query = query.startAfter(after);
  const snap = await query.get();
  return { docs: snap.docs, next: snap.size === pageSize ? snap.docs[snap.size - 1]! : null };
}

/**
 * Every page of `ordered`, one read at a time, so memory holds one page. Each page read is yielded,
 * including an empty one (the first of an empty query, or the one after a full last page: Firestore
 * bills a read for it, and a job that counts its reads wants to know).
 */
export async function* pages<T>(
  ordered: Query<T>,
  pageSize: number,
  after?: QueryDocumentSnapshot<T> | string,
): AsyncGenerator<QueryDocumentSnapshot<T>[], void, undefined> {
  let cursor = after;
  for (;;) {
    const page = await readPage(ordered, pageSize, cursor);
    yield page.docs;
    if (!page.next) return;
    cursor = page.next;
  }
}

/**
 * Reads a query page by page in document-id order, handing each non-empty page to `onPage` before
 * the next is read. Returns how many documents were read.
 */
export async function forEachPage<T>(query: Query<T>, pageSize: number, onPage: (docs: QueryDocumentSnapshot<T>[]) => void | Promise<void>): Promise<number> {
  let read = 0;
  for await (const docs of pages(query.orderBy(FieldPath.documentId()), pageSize)) {
    read += docs.length;
    if (docs.length > 0) await onPage(docs);
  }
  return read;
}
