import { getContext, setContext } from 'svelte';
import { doc, query, where } from 'firebase/firestore';
import { collections } from '$lib/collections';
import { liveDoc, liveQuery } from '$lib/live.svelte';
import type { Session } from '$lib/session.svelte';

/**
 * What the admin pages share: the admin's kabupaten, its people (user profiles), its policy and
 * the program configuration, each read once by the admin layout and kept live.
 */
export class AdminContext {
  #session: Session;
  readonly users;
  readonly policy;
  readonly programs;

  constructor(session: Session) {
    this.#session = session;
    this.users = liveQuery(() => (this.kabupaten ? query(collections.users(), where('kabupatenCode', '==', this.kabupaten)) : null));
    this.policy = liveDoc(() => (this.kabupaten ? doc(collections.policies(), this.kabupaten) : null));
    this.programs = liveQuery(() => (this.kabupaten ? collections.programs() : null));
  }

  /** Firebase Auth has restored the session: until then the claims are the cached ones and nothing may be read. */
  get ready(): boolean {
    return this.#session.ready;
  }

  get isAdmin(): boolean {
    return this.#session.claims?.role === 'admin';
  }

  /** The admin's kabupaten; null until the signed-in session is confirmed. */
  get kabupaten(): string | null {
    const claims = this.#session.claims;
    return claims?.role === 'admin' && this.#session.ready && this.#session.user ? claims.kabupaten : null;
  }

  get uid(): string | null {
    return this.#session.user?.uid ?? null;
  }
}

const KEY = Symbol('admin');

export function provideAdmin(session: Session): AdminContext {
  return setContext(KEY, new AdminContext(session));
}

export function useAdmin(): AdminContext {
  return getContext<AdminContext>(KEY);
}
