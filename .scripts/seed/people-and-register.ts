/**
 * The first half of `npm run demo:data` (.scripts/demo-data.mjs): writes the demo district into
 * the running emulators (auth and firestore only): demo users with their roles (claims, profiles
 * and audit entries written the way the `manageUser` callable writes them), the default program
 * bands, Rejang Lebong's policy, and a small generated register of Rejang Lebong (households,
 * members, NIK index) in the shapes the functions store, as the DTKS import would leave it. Then
 * the nightly reconciliation (the function's own code, in this process) computes the register's
 * statistics, as it would the night after an import. The second half (story.ts) plays the
 * register's life on top of this, with the triggers running.
 */
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import type { AuditDoc, HouseholdDoc, MemberDoc, NikIndexDoc } from '../../functions/src/lib/documents.js';

process.env.GCLOUD_PROJECT = 'demo-tepat';

const { Timestamp } = await import('firebase-admin/firestore');
const { adminAuth, adminDb, emulatorNikKey, ensureUser, seedConfig } = await import('./admin.js');
const { DEMO_PASSWORD, DEMO_REGISTER, DEMO_USERS, DESA_WITHOUT_OPERATOR, KABUPATEN } = await import('./demo.js');
const { generateRegister } = await import('./generator/index.js');
const { applyClaims } = await import('../../functions/src/manage-users.js');
const { reconcileKabupaten } = await import('../../functions/src/reconcile-statistics.js');
const { nikHash } = await import('../../functions/src/lib/nik-hash.js');

/** Batches of at most 450 writes (Firestore allows 500), committed as they fill. */
class Writer {
  private batch: WriteBatch;
  private size = 0;
  writes = 0;
  constructor(private readonly db: Firestore) {
    this.batch = db.batch();
  }
  async set(path: string, data: object): Promise<void> {
    this.batch.set(this.db.doc(path), data);
    this.size += 1;
    this.writes += 1;
    if (this.size >= 450) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    await this.batch.commit();
    this.batch = this.db.batch();
    this.size = 0;
  }
}

const ts = (d: Date) => Timestamp.fromDate(d);

// 1. People and configuration.
for (const u of DEMO_USERS) {
  const uid = await ensureUser(u.email, DEMO_PASSWORD, u.claims, u.displayName);
  await applyClaims(await adminAuth().getUser(uid), u.claims, 'bootstrap', `Pengguna demo: ${u.displayName}`);
}
await seedConfig(KABUPATEN);

// 2. The register, as the DTKS import would leave it, in the functions' stored shapes.
const key = emulatorNikKey();
const now = new Date();
const db = adminDb();
const writer = new Writer(db);
const perDesa = new Map<string, number>();
let members = 0;
let indexed = 0;
for (const h of generateRegister({
  seed: DEMO_REGISTER.seed,
  now,
  area: KABUPATEN,
  households: DEMO_REGISTER.households,
  desaWeights: DEMO_REGISTER.desaWeights,
  nikHash: (nik) => nikHash(nik, key),
})) {
  const d = h.doc;
  const household: HouseholdDoc = {
    ...d,
    lastVervalAt: ts(d.lastVervalAt),
    staleness: { ...d.staleness, freezesAt: d.staleness.freezesAt ? ts(d.staleness.freezesAt) : null },
    createdAt: ts(d.createdAt),
    updatedAt: ts(d.updatedAt),
  };
  await writer.set(`households/${h.id}`, household);
  for (const m of h.members) {
    const member: MemberDoc = { ...m.doc, createdAt: ts(m.doc.createdAt) };
    await writer.set(`households/${h.id}/members/${m.id}`, member);
    members += 1;
    if (m.doc.nikHash) {
      const entry: NikIndexDoc = {
        householdId: h.id,
        memberId: m.id,
        active: true,
        desaCode: d.desaCode,
        kabupatenCode: d.kabupatenCode,
        createdAt: ts(d.createdAt),
      };
      await writer.set(`nikIndex/${m.doc.nikHash}`, entry);
      indexed += 1;
    }
  }
  perDesa.set(d.desaCode, (perDesa.get(d.desaCode) ?? 0) + 1);
}
for (const [desaCode, count] of perDesa) {
  const entry: AuditDoc = {
    actorUid: 'bootstrap',
    actorRole: 'sistem',
    action: 'register.impor',
    target: { collection: 'households', id: desaCode },
    kabupatenCode: KABUPATEN,
    desaCode,
    at: ts(now),
    summary: `${count} keluarga desa ${desaCode} diimpor dari DTKS (data demo)`,
  };
  await writer.set(`auditLog/impor-${desaCode}`, entry);
}
await writer.flush();
// The statistics, as the nightly reconciliation computes them from the source.
const reconciled = await reconcileKabupaten(KABUPATEN);

console.log(
  [
    `Seeded ${DEMO_USERS.length} demo users and the program configuration and policy of kabupaten ${KABUPATEN}.`,
    `Register: ${DEMO_REGISTER.households} households, ${members} members, ${indexed} NIK index entries in ${perDesa.size} desa/kelurahan ` +
      `(${[...perDesa].map(([c, n]) => `${c}: ${n}`).join(', ')}); desa without operator: ${DESA_WITHOUT_OPERATOR.desa}. ${writer.writes} writes.`,
    `Statistics reconciled: ${reconciled.documents} documents from ${reconciled.read} source documents.`,
  ].join('\n'),
);
