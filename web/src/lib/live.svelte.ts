import { onSnapshot, type DocumentReference, type FirestoreError, type Query } from 'firebase/firestore';
import { reportUnreachable } from './connectivity';

export interface LiveDoc<T> {
  id: string;
  data: T;
  /** Written on this device and not yet confirmed by the server. */
  pending: boolean;
}

/**
 * Subscribes to a query for as long as the calling component lives, re-subscribing when the
 * query it depends on changes. Serves from the offline cache first, then the server. A read that
 * fails leaves Firestore's error in `failure`, unworded: the page shows it with `<ErrorNotice>`
 * (`firebaseErrorMessage(err, $_)`), so the message is in the chosen language and follows a switch.
 */
export function liveQuery<T>(makeQuery: () => Query<T> | null) {
  const state = $state({ items: [] as LiveDoc<T>[], loaded: false, failure: null as FirestoreError | null });
  $effect(() => {
    const q = makeQuery();
    if (!q) return;
    return onSnapshot(
      q,
      { includeMetadataChanges: true },
      (snap) => {
        state.items = snap.docs.map((d) => ({ id: d.id, data: d.data(), pending: d.metadata.hasPendingWrites }));
        state.loaded = true;
        state.failure = null;
      },
      (err) => {
        console.error('query failed', err.code);
        if (err.code === 'unavailable') reportUnreachable();
        state.failure = err;
        state.loaded = true;
      },
    );
  });
  return state;
}

/** One document, as `liveQuery`: `item` is null when it does not exist (or is not readable yet). */
export function liveDoc<T>(makeRef: () => DocumentReference<T> | null) {
  const state = $state({ item: null as LiveDoc<T> | null, loaded: false, failure: null as FirestoreError | null });
  $effect(() => {
    const ref = makeRef();
    if (!ref) return;
    return onSnapshot(
      ref,
      { includeMetadataChanges: true },
      (snap) => {
        const data = snap.data();
        state.item = data ? { id: snap.id, data, pending: snap.metadata.hasPendingWrites } : null;
        state.loaded = true;
        state.failure = null;
      },
      (err) => {
        console.error('document read failed', err.code);
        if (err.code === 'unavailable') reportUnreachable();
        state.failure = err;
        state.loaded = true;
      },
    );
  });
  return state;
}
