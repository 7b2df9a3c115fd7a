/**
 * Writes the demo district into the running emulators: demo users with their roles (claims,
 * profiles and audit entries written the way the `manageUser` callable writes them), the default
 * program bands and Rejang Lebong's policy. `npm run demo:data` runs it inside
 * `firebase emulators:exec --export-on-exit=emulator-data`, which saves the result as a real
 * Emulator Suite export that `npm start` imports.
 */
process.env.GCLOUD_PROJECT = 'demo-tepat';

const { adminAuth, ensureUser, seedConfig } = await import('../test/support/admin.js');
const { DEMO_PASSWORD, DEMO_USERS, KABUPATEN } = await import('../test/support/demo.js');
const { applyClaims } = await import('../functions/src/manage-users.js');

for (const u of DEMO_USERS) {
  const uid = await ensureUser(u.email, DEMO_PASSWORD, u.claims, u.displayName);
  await applyClaims(await adminAuth().getUser(uid), u.claims, 'bootstrap', `Pengguna demo: ${u.displayName}`);
}
await seedConfig(KABUPATEN);
console.log(`Seeded ${DEMO_USERS.length} demo users and the program configuration for kabupaten ${KABUPATEN}.`);
