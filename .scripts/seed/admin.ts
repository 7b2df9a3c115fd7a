import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import type { UserProfileDoc } from '../../functions/src/domain/documents.js';

/**
 * Admin SDK against the emulator suite started by `firebase emulators:exec` (which sets
 * FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST), for the demo seed and the tests.
 * Refuses to run anywhere else, so neither can ever touch a real project.
 */
export const PROJECT_ID = 'demo-tepat';
export const REGION = 'asia-southeast2';
export const ROOT = join(import.meta.dirname, '..', '..');

export function assertEmulators(needs: ('firestore' | 'auth')[] = ['firestore', 'auth']): void {
  const vars = { firestore: 'FIRESTORE_EMULATOR_HOST', auth: 'FIREBASE_AUTH_EMULATOR_HOST' } as const;
  if (needs.some((n) => !process.env[vars[n]])) {
    throw new Error('Emulator tests run inside `firebase emulators:exec`: use `npm run test:emulators`.');
  }
}

export function adminApp(): App {
  assertEmulators(['firestore']);
  return getApps().find((a) => a.name === 'tepat-test-admin') ?? initializeApp({ projectId: PROJECT_ID }, 'tepat-test-admin');
}

export const adminDb = () => getFirestore(adminApp());
export const adminAuth = () => {
  assertEmulators(['auth']);
  return getAuth(adminApp());
};

interface DefaultConfig {
  programs: { id: string }[];
  stalenessPolicy: unknown;
}

export function defaultConfig(): DefaultConfig {
  return JSON.parse(readFileSync(join(ROOT, 'functions/src/domain/defaults/programs.json'), 'utf8')) as DefaultConfig;
}

/** Writes the default program bands and a kabupaten's policy, as the bootstrap script would. */
export async function seedConfig(kabupaten: string, approval: 'satu_tingkat' | 'dua_tingkat' = 'dua_tingkat'): Promise<void> {
  const db = adminDb();
  const config = defaultConfig();
  const batch = db.batch();
  for (const p of config.programs) batch.set(db.collection('programs').doc(p.id), p);
  batch.set(db.collection('policies').doc(kabupaten), { staleness: config.stalenessPolicy, approval });
  await batch.commit();
}

/**
 * Creates (or resets) an Auth emulator user with custom claims and the active profile
 * (`users/{uid}`) that `manageUser` writes with them: the callables act on the profile, so an
 * account without one is refused like a deactivated one. Returns its uid.
 */
export async function ensureUser(email: string, password: string, claims: Record<string, string>, displayName?: string): Promise<string> {
  const auth = adminAuth();
  const existing = await auth.getUserByEmail(email).catch(() => null);
  const user = existing ?? (await auth.createUser({ email, password, displayName }));
  if (existing?.disabled) await auth.updateUser(user.uid, { disabled: false });
  if (existing) await auth.updateUser(user.uid, { password });
  await auth.setCustomUserClaims(user.uid, claims);
  const operator = claims.role === 'operator';
  const profile: UserProfileDoc<Timestamp> = {
    email,
    displayName: displayName ?? user.displayName ?? '',
    role: (claims.role ?? null) as UserProfileDoc<Timestamp>['role'],
    kabupatenCode: claims.kabupaten ?? '',
    kecamatanCode: operator ? (claims.kecamatan ?? null) : null,
    desaCode: operator ? (claims.desa ?? null) : null,
    active: claims.role !== undefined,
    claimsUpdatedAt: Timestamp.now(),
    updatedBy: 'test',
  };
  await adminDb().collection('users').doc(user.uid).set(profile);
  return user.uid;
}

/** Deletes every document in the emulator's default database for the demo project. */
export async function clearFirestore(): Promise<void> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  // 409 (aborted) or 499 (cancelled): triggers or queued tasks of an earlier test file still hold
  // transactions; wait for them to finish.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`http://${host}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`, { method: 'DELETE' });
    if (res.ok) return;
    if (![409, 499].includes(res.status) || attempt >= 20) throw new Error(`clearing Firestore failed: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The emulator's NIK key, the one the Functions emulator gives the functions (functions/.secret.local). */
export function emulatorNikKey(): string {
  const line = readFileSync(join(ROOT, 'functions/.secret.local'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('NIK_HMAC_KEY='));
  const key = line?.slice('NIK_HMAC_KEY='.length).trim();
  if (!key) throw new Error('NIK_HMAC_KEY is missing from functions/.secret.local');
  return key;
}

/** Lets this process run the functions' own code against the emulators, with their project and key. */
export function useFunctionsInProcess(): void {
  process.env.GCLOUD_PROJECT ??= PROJECT_ID;
  process.env.NIK_HMAC_KEY ??= emulatorNikKey();
}
