import { getContext, setContext } from 'svelte';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { auth } from './firebase';

export type Role = 'operator' | 'dinas';

export interface Claims {
  role: Role;
  desa?: string;
  kecamatan?: string;
  kabupaten: string;
}

function readClaims(raw: Record<string, unknown>): Claims | null {
  const role = raw.role;
  const kabupaten = raw.kabupaten;
  if ((role !== 'operator' && role !== 'dinas') || typeof kabupaten !== 'string') return null;
  if (role === 'operator') {
    if (typeof raw.desa !== 'string' || typeof raw.kecamatan !== 'string') return null;
    return { role, desa: raw.desa, kecamatan: raw.kecamatan, kabupaten };
  }
  return { role, kabupaten };
}

/** Who is signed in and what their custom claims allow. Claims are read from a fresh ID token. */
export class Session {
  user = $state<User | null>(null);
  claims = $state<Claims | null>(null);
  ready = $state(false);

  constructor() {
    onAuthStateChanged(auth, async (user) => {
      this.user = user;
      this.claims = user ? readClaims((await user.getIdTokenResult(true)).claims) : null;
      this.ready = true;
    });
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
