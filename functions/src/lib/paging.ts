import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';

/**
 * Reads a query page by page in document-id order, with a cursor (never an offset), handing each
 * page to `onPage` before the next is read, so memory holds one page at a time.
 */
export async function forEachPage<T>(query: Query<T>, pageSize: number, onPage: (docs: QueryDocumentSnapshot<T>[]) => void | Promise<void>): Promise<number> {
  let cursor: QueryDocumentSnapshot<T> | undefined;
  let read = 0;
  for (;;) {
    let page = query.orderBy(FieldPath.documentId()).limit(pageSize);
    if (cursor) page = page.startAfter(cursor);
    const snap = await page.get();
    read += snap.size;
    if (snap.size > 0) await onPage(snap.docs);
    if (snap.size < pageSize) return read;
    cursor = snap.docs[snap.docs.length - 1];
  }
}
