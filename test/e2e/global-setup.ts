import { clearFirestore, ensureUser, seedConfig } from '../support/admin.js';
import { DESA, KABUPATEN } from '../support/demo.js';

export const E2E_PASSWORD = 'e2e-pass-2026';
export const E2E_OPERATOR = 'e2e.operator@tepat.test';
export const E2E_VERIFIKATOR = 'e2e.verifikator@tepat.test';
export const E2E_KADIS = 'e2e.kadis@tepat.test';
/** Operator of Desa Sambirejo for the operator-side tests (offline, households): its own desa, so no test sees another's data. */
export const E2E_OPERATOR_SAMBIREJO = 'e2e.operator.sambirejo@tepat.test';

/** A clean register with the default program bands, and the two people of the browser test. */
export default async function globalSetup(): Promise<void> {
  await clearFirestore();
  await seedConfig(KABUPATEN);
  await ensureUser(E2E_OPERATOR, E2E_PASSWORD, { role: 'operator', ...DESA.derati }, 'Operator E2E');
  await ensureUser(E2E_VERIFIKATOR, E2E_PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN }, 'Verifikator E2E');
  await ensureUser(E2E_KADIS, E2E_PASSWORD, { role: 'kadis', kabupaten: KABUPATEN }, 'Kadis E2E');
  await ensureUser(E2E_OPERATOR_SAMBIREJO, E2E_PASSWORD, { role: 'operator', ...DESA.sambirejo }, 'Operator Sambirejo E2E');
}
