import { getContext, setContext } from 'svelte';
import type { User } from 'firebase/auth';
import type { RoleClaims } from '$domain/roles.js';

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

const CACHE_KEY = 'tepat.sesi';

/** The claims of the last person signed in on this device, so the app shell can render before Firebase has loaded. */
function cachedClaims(): Claims | null {
  try {
    const raw = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as Partial<Claims> | null;
    const codes = raw && typeof raw.kabupaten === 'string';
    if (!raw || !codes) return null;
    if (raw.role === 'operator') return typeof raw.desa === 'string' && typeof raw.kecamatan === 'string' ? (raw as Claims) : null;
    return raw.role === 'verifikator' || raw.role === 'kadis' || raw.role === 'admin' ? (raw as Claims) : null;
  } catch {
    return null;
  }
}

function cache(claims: Claims | null): void {
  try {
    if (claims) localStorage.setItem(CACHE_KEY, JSON.stringify(claims));
    else localStorage.removeItem(CACHE_KEY);
  } catch {
    // Private mode without storage: the shell simply waits for Firebase.
  }
}

type FirebaseModule = typeof import('./firebase');

/**
 * Who is signed in and what their custom claims allow. Firebase (Auth, Firestore) is loaded after
 * the first page has rendered (`start()`, called by the layout once mounted), so a page that does
 * not read data — the musyawarah form — accepts input before the SDK has arrived on a slow
 * connection. Until then the claims of the last session on this device stand in; they only decide
 * what the page shows, the security rules decide what it may read and write.
 *
 * Claims change only through the `manageUser` callable, which also touches the user's profile
 * document: when it changes, the session refreshes the ID token so the new role takes effect
 * without signing out.
 */
export class Session {
  user = $state<User | null>(null);
  claims = $state<Claims | null>(cachedClaims());
  /** Firebase Auth has told who is signed in (`claims` are then the token's, not the cached ones). */
  ready = $state(false);
  #firebase: Promise<FirebaseModule> | null = null;
  #profile: (() => void) | null = null;
  #started = false;
  #markReady: () => void = () => undefined;
  #whenReady = new Promise<void>((resolve) => (this.#markReady = resolve));

  /** Settles once Firebase Auth has said who is signed in (starting the session if needed). */
  whenReady(): Promise<void> {
    void this.start();
    return this.#whenReady;
  }

  /** Loads Firebase (once) and follows the signed-in user. */
  firebase(): Promise<FirebaseModule> {
    this.#firebase ??= import('./firebase');
    return this.#firebase;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const [{ auth, db }, { onAuthStateChanged }, { doc, onSnapshot }, { COLLECTIONS }] = await Promise.all([
      this.firebase(),
      import('firebase/auth'),
      import('firebase/firestore'),
      import('$domain/documents.js'),
    ]);
    const onUser = async (user: User | null) => {
      this.#profile?.();
      this.#profile = null;
      this.user = user;
      if (!user) {
        this.claims = null;
        cache(null);
        this.ready = true;
        this.#markReady();
        return;
      }
      await this.refresh(false);
      this.ready = true;
      this.#markReady();
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
    };
    onAuthStateChanged(auth, (user) => void onUser(user));
  }

  async refresh(force: boolean): Promise<void> {
    const user = this.user;
    if (!user) return;
    const [{ readRoleClaims }, token] = await Promise.all([import('$domain/roles.js'), user.getIdTokenResult(force).catch(() => null)]);
    // Offline with an expired token, the last known claims stay until the network returns.
    if (!token) return;
    this.claims = readRoleClaims(token.claims);
    cache(this.claims);
  }

  async signIn(email: string, password: string): Promise<void> {
    const [{ auth }, { signInWithEmailAndPassword }] = await Promise.all([this.firebase(), import('firebase/auth')]);
    await signInWithEmailAndPassword(auth, email, password);
  }

  async signOut(): Promise<void> {
    const [{ auth }, { signOut }] = await Promise.all([this.firebase(), import('firebase/auth')]);
    cache(null);
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
