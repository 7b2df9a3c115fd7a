/**
 * Creates (or promotes) the first admin of a kabupaten on a real Firebase project, and loads the
 * default program bands and staleness policy where none exist yet. After this, the admin manages
 * every other user from the portal (callable `manageUser`).
 *
 *   gcloud auth application-default login      # an account with Firebase Admin rights
 *   npx tsx .scripts/bootstrap-admin.ts --project <project-id> --kabupaten 17.02 \
 *       --email admin@dinsos.example.go.id --name "Admin Dinsos"
 *
 * Against the emulators (FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST set) it writes there.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    project: { type: 'string' },
    kabupaten: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string', default: 'Admin Dinas Sosial' },
  },
});
if (!values.project || !values.kabupaten || !values.email) {
  console.error('usage: tsx .scripts/bootstrap-admin.ts --project <id> --kabupaten <PP.KK> --email <email> [--name <name>]');
  process.exit(2);
}
process.env.GCLOUD_PROJECT = values.project;
process.env.GOOGLE_CLOUD_PROJECT = values.project;

// Imported after the project is set: the functions' Admin SDK app reads it on initialisation.
const { getAuth } = await import('firebase-admin/auth');
const { app, db } = await import('../functions/src/lib/admin.js');
const { applyClaims } = await import('../functions/src/manage-users.js');
const { claimsFor } = await import('../functions/src/domain/roles.js');

const claims = claimsFor('admin', values.kabupaten);
if (!claims.ok) {
  console.error(claims.reason.message);
  process.exit(2);
}
const auth = getAuth(app);
const user = (await auth.getUserByEmail(values.email).catch(() => null)) ?? (await auth.createUser({ email: values.email, displayName: values.name }));
await applyClaims(user, claims.claims, 'bootstrap', `Admin pertama ditetapkan lewat skrip bootstrap untuk ${values.kabupaten}`);

const defaults = JSON.parse(readFileSync(new URL('../functions/src/domain/defaults/programs.json', import.meta.url), 'utf8')) as {
  programs: { id: string }[];
  stalenessPolicy: unknown;
};
let loaded = 0;
for (const p of defaults.programs) {
  const ref = db.collection('programs').doc(p.id);
  if (!(await ref.get()).exists) {
    await ref.set(p);
    loaded += 1;
  }
}
const policyRef = db.collection('policies').doc(values.kabupaten);
if (!(await policyRef.get()).exists) await policyRef.set({ staleness: defaults.stalenessPolicy, approval: 'dua_tingkat' });

const link = await auth.generatePasswordResetLink(values.email);
console.log(`Admin ${values.email} (uid ${user.uid}) now administers kabupaten ${values.kabupaten}.`);
console.log(`Default programs loaded: ${loaded}. Set the password with this link: ${link}`);
