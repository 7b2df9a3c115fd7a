/**
 * Writes the demo district into the running emulators: demo users with their custom claims, the
 * default program bands and Rejang Lebong's staleness policy. `npm run demo:data` runs it inside
 * `firebase emulators:exec --export-on-exit=emulator-data`, which saves the result as a real
 * Emulator Suite export that `npm start` imports.
 */
import { ensureUser, seedConfig } from '../test/support/admin.js';
import { DEMO_PASSWORD, DEMO_USERS, KABUPATEN } from '../test/support/demo.js';

for (const u of DEMO_USERS) {
  await ensureUser(u.email, DEMO_PASSWORD, u.claims, u.displayName);
}
await seedConfig(KABUPATEN);
console.log(`Seeded ${DEMO_USERS.length} demo users and the program configuration for kabupaten ${KABUPATEN}.`);
