import { getContext, setContext } from 'svelte';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { doc, onSnapshot, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS } from '$domain/documents.js';
import { readRoleClaims, type RoleClaims } from '$domain/roles.js';
import { auth, db } from './firebase';

export type Claims = RoleClaims;

/** The page each role starts on. */
export function homeOf(claims: Claims): string {
  switch (claims.role) {
    case 'operator':
      return '/operator';
    case 'admin':
      return '/admin';
    default:
      return '/dinas';
  }
}

/**
 * Who is signed in and what their custom claims allow. Claims change only through the
 * `manageUser` callable, which also touches the user's profile document: when it changes, the
 * session refreshes the ID token so the new role takes effect without signing out.
 */
export class Session {
  user = $state<User | null>(null);
  claims = $state<Claims | null>(null);
  ready = $state(false);
  #profile: Unsubscribe | null = null;

  constructor() {
    onAuthStateChanged(auth, async (user) => {
      this.#profile?.();
      this.#profile = null;
      this.user = user;
      if (!user) {
        this.claims = null;
        this.ready = true;
        return;
      }
      await this.refresh(false);
      this.ready = true;
      let first = true;
      this.#profile = onSnapshot(
        doc(db, COLLECTIONS.users, user.uid),
        () => {
          // The first snapshot is the state at sign-in; later ones mean the claims were changed.
          if (!first) void this.refresh(true);
          first = false;
        },
        () => undefined, // a user without a profile (e.g. created by a test) simply gets no refreshes
      );
    });
  }

  async refresh(force: boolean): Promise<void> {
    const user = this.user;
    if (!user) return;
    this.claims = readRoleClaims((await user.getIdTokenResult(force)).claims);
  }

  async signIn(email: string, password: string): Promise<void> {
    await signInWithEmailAndPassword(auth, email, password);
  }

  async signOut(): Promise<void> {
    await signOut(auth);
  }
}

const KEY = Symbol('session');

export function provideSession(): Session {
  return setContext(KEY, new Session());
}

export function useSession(): Session {
  return getContext<Session>(KEY);
}
