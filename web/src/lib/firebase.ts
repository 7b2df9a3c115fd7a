import { env } from '$env/dynamic/public';
import { initializeApp } from 'firebase/app';
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, persistentLocalCache, persistentMultipleTabManager } from 'firebase/firestore';

/**
 * One Firebase app for the portal. Firestore keeps a persistent cache (IndexedDB), so what an
 * operator enters during a musyawarah without signal is kept and sent when the network returns.
 */
export const REGION = 'asia-southeast2';

export const app = initializeApp({
  apiKey: env.PUBLIC_FIREBASE_API_KEY,
  authDomain: env.PUBLIC_FIREBASE_AUTH_DOMAIN,
  projectId: env.PUBLIC_FIREBASE_PROJECT_ID,
  appId: env.PUBLIC_FIREBASE_APP_ID,
});

// Email and password only: no popup/redirect resolver or phone-auth code (smaller than getAuth()).
export const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
export const db = initializeFirestore(app, {
  localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
  // Optional member fields the operator left empty are simply not stored.
  ignoreUndefinedProperties: true,
});

if (env.PUBLIC_USE_EMULATORS === 'true') {
  // The emulators listen on the same host the page was loaded from (127.0.0.1 or localhost).
  const host = location.hostname;
  connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, 8080);
}
