import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, onSnapshot, type DocumentReference, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import { assertEmulators, PROJECT_ID, REGION } from './admin.js';

/** A signed-in portal user, as the browser would be: the JS SDK, with rules applied. */
export interface ClientUser {
  app: FirebaseApp;
  db: Firestore;
  functions: Functions;
  uid: string;
  close: () => Promise<void>;
}

let counter = 0;

export async function signInClient(email: string, password: string): Promise<ClientUser> {
  assertEmulators();
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-api-key' }, `client-${++counter}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const db = getFirestore(app);
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? '').split(':');
  connectFirestoreEmulator(db, host!, Number(port));
  const functions = getFunctions(app, REGION);
  connectFunctionsEmulator(functions, '127.0.0.1', 5001);
  const cred = await signInWithEmailAndPassword(auth, email, password);
  return { app, db, functions, uid: cred.user.uid, close: () => deleteApp(app) };
}

/** Resolves with the document's data once `predicate` holds; rejects after `timeoutMs`. */
export function waitForDoc<T>(ref: DocumentReference<T>, predicate: (data: T | undefined) => boolean, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T | undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${ref.path}; last value: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const unsubscribe = onSnapshot(
      ref,
      (snap) => {
        last = snap.data();
        if (predicate(last)) {
          clearTimeout(timer);
          unsubscribe();
          resolve(last as T);
        }
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
