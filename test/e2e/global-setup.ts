import type { TestInfo } from '@playwright/test';
import { adminDb, clearFirestore, ensureUser, seedConfig } from '../../.scripts/seed/admin.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';

export const E2E_PASSWORD = 'e2e-pass-2026';
export const E2E_OPERATOR = 'e2e.operator@tepat.test';
export const E2E_VERIFIKATOR = 'e2e.verifikator@tepat.test';
export const E2E_KADIS = 'e2e.kadis@tepat.test';
/** Operator of Desa Sambirejo for the operator-side tests (offline, households): its own desa, so no test sees another's data. */
export const E2E_OPERATOR_SAMBIREJO = 'e2e.operator.sambirejo@tepat.test';

/** The baseline: an empty register with the default program bands and policy, and the people of the browser tests. */
async function seedBaseline(repetition: number): Promise<void> {
  await seedConfig(KABUPATEN);
  await ensureUser(E2E_OPERATOR, E2E_PASSWORD, { role: 'operator', ...DESA.derati }, 'Operator E2E');
  await ensureUser(E2E_VERIFIKATOR, E2E_PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN }, 'Verifikator E2E');
  await ensureUser(E2E_KADIS, E2E_PASSWORD, { role: 'kadis', kabupaten: KABUPATEN }, 'Kadis E2E');
  await ensureUser(E2E_OPERATOR_SAMBIREJO, E2E_PASSWORD, { role: 'operator', ...DESA.sambirejo }, 'Operator Sambirejo E2E');
  await adminDb().doc(BASELINE).set({ repetition });
}

/** Which `--repeat-each` repetition the register was last reset for. */
const BASELINE = 'e2eBaseline/current';

/**
 * Before the first file. The suite is not always fresh: `npm run test:emulators` runs the emulator
 * tests first on the same suite, and clearing what they left fires the statistics triggers, whose
 * writes would land in the fresh stats (a kabupaten count of -13). So the clear is quiet here too.
 */
export default async function globalSetup(): Promise<void> {
  await clearQuietly();
  await seedBaseline(0);
}

/**
 * Every spec file calls this first. A file may rely on what the files before it in the same run
 * left (the suite is written that way, one worker, files in order), never on an earlier run: so at
 * the first file of each further `--repeat-each` repetition the register is reset to the baseline,
 * and that repetition runs on the same state as the first one.
 *
 * Clearing deletes documents, and the Functions emulator runs the statistics triggers for each
 * deletion: their writes would land in the fresh stats. So the background triggers are switched off
 * for the clear; switching off also waits for the work still running (the emulator flushes its
 * queue). Switching on reloads the triggers under a new key generation (`<region>-<name>-<n>`): fire
 * functions through emulatorFire, which finds the newest key. Reloading is slow and, repeated many
 * times, the emulator was seen to lose a trigger delivery, so it happens once per repetition, not
 * once per file.
 */
// Playwright wants the fixtures argument as a destructuring pattern, even an empty one.
// eslint-disable-next-line no-empty-pattern
export async function resetToBaseline({}: object, testInfo: TestInfo): Promise<void> {
  const repetition = testInfo.repeatEachIndex;
  const last = (await adminDb().doc(BASELINE).get()).data()?.repetition;
  if (last === repetition) return;
  await clearQuietly();
  await seedBaseline(repetition);
}

/** Clears Firestore with the background triggers switched off (see `resetToBaseline`). */
async function clearQuietly(): Promise<void> {
  await quietly(clearFirestore);
}

/** Runs `write` with the background triggers switched off: seed data that no trigger should act on. */
export async function quietly(write: () => Promise<unknown>): Promise<void> {
  await hub('/functions/disableBackgroundTriggers');
  try {
    await write();
  } finally {
    await hub('/functions/enableBackgroundTriggers');
  }
}

/** The emulator hub's control endpoints (`firebase emulators:exec` exposes where it listens). */
async function hub(path: string): Promise<void> {
  const origin = process.env.FIREBASE_EMULATOR_HUB ?? '127.0.0.1:4400';
  const res = await fetch(`http://${origin}${path}`, { method: 'PUT' });
  if (!res.ok) throw new Error(`emulator hub ${path} answered ${res.status}: ${await res.text()}`);
}
