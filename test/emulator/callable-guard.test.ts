import { deleteApp, initializeApp } from 'firebase/app';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAuth, adminDb, defaultConfig, ensureUser, PROJECT_ID, REGION } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';

/**
 * Every callable goes through one guard (functions/src/lib/callable-guard.ts): signed in → the
 * account still active by its profile → a role the callable serves → well-formed input. Attacked
 * here as an outsider would: a deactivated admin, verifikator and operator keep the ID token they
 * held (the client sends it until it expires) and call every callable; an account whose profile
 * was switched off while its token and claims stayed as they were; a role changed while the old
 * token still names the old one; signed out; junk input. In Kota Bengkulu (17.71), which no other
 * file uses.
 */
const KAB = '17.71';
const DESA = { desa: '17.71.01.1001', kecamatan: '17.71.01', kabupaten: KAB };
const PASSWORD = 'guard-pass';
const run = `${Date.now()}`;
const email = (who: string) => `guard.${who}.${run}@tepat.test`;

/** A well-formed request to each callable, which its role would have had answered. */
const CALLABLES: Record<string, unknown> = {
  decideUsulan: { usulanId: 'guard-no-such-usulan', decision: 'setujui', note: '' },
  exportRegister: { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'csv' },
  findTransferHousehold: { by: 'kk', number: '1771010107210001' },
  configureProgram: {
    id: 'GUARD-KOTA-BENGKULU',
    name: 'Santunan Kota Bengkulu',
    level: 'kabupaten',
    scope: KAB,
    versions: [{ effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 2, legalBasis: 'Perwal Bengkulu 1/2025' }],
  },
  configurePolicy: { staleness: defaultConfig().stalenessPolicy, approval: 'satu_tingkat' },
  // manageUser is called by each attacker on its own account, to get its role back (issue 13, F1).
  manageUser: null,
};

/** Input no callable can read, with the role that may call it. */
const MALFORMED: [string, 'admin' | 'verifikator' | 'operator', unknown][] = [
  ['decideUsulan', 'verifikator', { usulanId: 5, decision: 'ya' }],
  ['exportRegister', 'verifikator', { kind: 'bnba', scope: { level: 'desa', code: KAB }, format: 'csv' }],
  ['findTransferHousehold', 'operator', { by: 'kk', number: '12' }],
  ['configureProgram', 'admin', { id: '' }],
  ['configurePolicy', 'admin', { staleness: 'tiga bulan' }],
  ['manageUser', 'admin', { action: 'hapus', uid: 'x' }],
];

const call = (functions: Functions, name: string, data: unknown) => httpsCallable(functions, name)(data);
/** The refusal as plain data, code and message (without the " [403]" the JS SDK appends), or undefined when the call was answered. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message.replace(/ \[\d{3}\]$/, '') }),
  );

let admin: ClientUser;
const active: Partial<Record<'admin' | 'verifikator' | 'operator', ClientUser>> = {};

beforeAll(async () => {
  await adminDb().collection('policies').doc(KAB).set({ staleness: defaultConfig().stalenessPolicy, approval: 'dua_tingkat' });
  await ensureUser(email('admin'), PASSWORD, { role: 'admin', kabupaten: KAB });
  await ensureUser(email('verifikator'), PASSWORD, { role: 'verifikator', kabupaten: KAB });
  await ensureUser(email('operator'), PASSWORD, { role: 'operator', ...DESA });
  [admin, active.verifikator, active.operator] = await Promise.all([
    signInClient(email('admin'), PASSWORD),
    signInClient(email('verifikator'), PASSWORD),
    signInClient(email('operator'), PASSWORD),
  ]);
  active.admin = admin;
});

afterAll(async () => {
  await Promise.all(Object.values(active).map((u) => u.close()));
});

/** What an attack must not have left: no audit entry, no export record, no program, no policy change, under this account. */
async function tracesOf(uid: string) {
  const db = adminDb();
  const [audit, exportsMade, program, policy] = await Promise.all([
    db.collection('auditLog').where('actorUid', '==', uid).count().get(),
    db.collection('exports').where('requestedBy', '==', uid).count().get(),
    db.collection('programs').doc('GUARD-KOTA-BENGKULU').get(),
    db.collection('policies').doc(KAB).get(),
  ]);
  return { audit: audit.data().count, exports: exportsMade.data().count, program: program.exists, approval: policy.data()?.approval };
}

const NONE = { audit: 0, exports: 0, program: false, approval: 'dua_tingkat' };

describe('a deactivated account, with the ID token it still holds, is refused by every callable', () => {
  it.each([
    ['admin', { role: 'admin', kabupaten: KAB }],
    ['verifikator', { role: 'verifikator', kabupaten: KAB }],
    ['operator', { role: 'operator', ...DESA }],
  ] as const)('a %s deactivated by the admin (account disabled, tokens revoked, profile inactive)', async (who, claims) => {
    const uid = await ensureUser(email(`gone-${who}`), PASSWORD, claims);
    const gone = await signInClient(email(`gone-${who}`), PASSWORD);
    await call(admin.functions, 'manageUser', { action: 'deactivate', uid });
    for (const [name, data] of Object.entries(CALLABLES)) {
      const attempt = name === 'manageUser' ? { action: 'setRole', uid, role: 'admin' } : data;
      expect(await refusal(call(gone.functions, name, attempt)), `${who} → ${name}`).toMatchObject({
        code: 'functions/permission-denied',
        message: 'Akun Anda tidak aktif lagi. Hubungi admin kabupaten Anda.',
      });
    }
    expect(await tracesOf(uid)).toEqual(NONE);
    // Still deactivated: not re-enabled, no role back.
    const user = await adminAuth().getUser(uid);
    expect([user.disabled, user.customClaims?.role]).toEqual([true, undefined]);
    expect((await adminDb().collection('users').doc(uid).get()).data()).toMatchObject({ active: false, role: null });
    await gone.close();
  });

  it('an account whose profile alone was switched off, its token and claims untouched, is refused as well: the profile is read, not the claims', async () => {
    const uid = await ensureUser(email('profile-off'), PASSWORD, { role: 'admin', kabupaten: KAB });
    const user = await signInClient(email('profile-off'), PASSWORD);
    await adminDb().collection('users').doc(uid).update({ active: false });
    expect((await adminAuth().getUser(uid)).customClaims).toMatchObject({ role: 'admin', kabupaten: KAB });
    for (const [name, data] of Object.entries(CALLABLES)) {
      const attempt = name === 'manageUser' ? { action: 'setRole', uid, role: 'admin' } : data;
      expect(await refusal(call(user.functions, name, attempt)), name).toMatchObject({ code: 'functions/permission-denied' });
    }
    // An account with claims but no profile at all (never made through manageUser) is no better.
    await adminDb().collection('users').doc(uid).delete();
    expect(await refusal(call(user.functions, 'configurePolicy', CALLABLES.configurePolicy))).toMatchObject({ code: 'functions/permission-denied' });
    expect(await tracesOf(uid)).toEqual(NONE);
    await user.close();
  });

  it('a role taken away counts at once: the old token still says admin, the profile says verifikator', async () => {
    const uid = await ensureUser(email('demoted'), PASSWORD, { role: 'admin', kabupaten: KAB });
    const demoted = await signInClient(email('demoted'), PASSWORD);
    await call(admin.functions, 'manageUser', { action: 'setRole', uid, role: 'verifikator' });
    for (const name of ['configurePolicy', 'configureProgram'] as const) {
      expect(await refusal(call(demoted.functions, name, CALLABLES[name])), name).toMatchObject({
        code: 'functions/permission-denied',
        message: 'Hanya admin kabupaten yang dapat mengubah konfigurasi.',
      });
    }
    expect(await refusal(call(demoted.functions, 'manageUser', { action: 'setRole', uid, role: 'admin' }))).toMatchObject({
      code: 'functions/permission-denied',
      message: 'Hanya admin kabupaten yang dapat mengelola pengguna.',
    });
    expect((await adminAuth().getUser(uid)).customClaims?.role).toBe('verifikator');
    expect(await tracesOf(uid)).toEqual(NONE);
    await demoted.close();
  });
});

describe('signed out, or with input no callable can read', () => {
  it('signed out: every callable answers unauthenticated', async () => {
    const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-api-key' }, `guard-signed-out-${run}`);
    const functions = getFunctions(app, REGION);
    connectFunctionsEmulator(functions, '127.0.0.1', 5001);
    for (const [name, data] of Object.entries(CALLABLES)) {
      expect(await refusal(call(functions, name, data ?? { action: 'deactivate', uid: admin.uid })), name).toMatchObject({
        code: 'functions/unauthenticated',
        message: 'Silakan masuk terlebih dahulu.',
      });
    }
    await deleteApp(app);
  });

  it.each(MALFORMED)('%s from an active %s: invalid-argument in Bahasa Indonesia, nothing written', async (name, role, data) => {
    const user = active[role]!;
    const before = await tracesOf(user.uid);
    const e = await refusal(call(user.functions, name, data));
    expect(e?.code).toBe('functions/invalid-argument');
    expect(e?.message).toMatch(/^[A-Z][^\n]{5,200}$/);
    expect(e?.message).not.toMatch(/internal|undefined|ZodError|invalid input|expected/i);
    expect(await tracesOf(user.uid)).toEqual(before);
  });
});
