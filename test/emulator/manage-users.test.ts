import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { doc, getDoc } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAuth, adminDb, ensureUser, ROOT } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';

/**
 * Roles are custom claims set only by functions: the kabupaten admin manages them through the
 * `manageUser` callable (merged with any other claims), and a CLI bootstraps the first admin.
 */
const PASSWORD = 'users-test-pass';
let admin: ClientUser;
let otherAdmin: ClientUser;
let verifikator: ClientUser;

beforeAll(async () => {
  await ensureUser('users.admin@tepat.test', PASSWORD, { role: 'admin', kabupaten: KABUPATEN });
  await ensureUser('users.admin.kph@tepat.test', PASSWORD, { role: 'admin', kabupaten: '17.08' });
  await ensureUser('users.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  [admin, otherAdmin, verifikator] = await Promise.all([
    signInClient('users.admin@tepat.test', PASSWORD),
    signInClient('users.admin.kph@tepat.test', PASSWORD),
    signInClient('users.verifikator@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([admin?.close(), otherAdmin?.close(), verifikator?.close()]);
});

const call = (user: ClientUser, data: unknown) => httpsCallable(user.functions, 'manageUser')(data);
const unique = () => `op${Date.now()}${Math.floor(Math.random() * 1000)}@tepat.test`;

describe('manageUser callable', () => {
  it('an admin creates an operator for a desa of their kabupaten; the claims follow from the desa code', async () => {
    const email = unique();
    const res = await call(admin, { action: 'create', email, displayName: 'Operator Baru', role: 'operator', desaCode: DESA.derati.desa });
    const { uid, setPasswordLink } = res.data as { uid: string; setPasswordLink: string };
    expect(setPasswordLink).toMatch(/^https?:\/\//);
    const user = await adminAuth().getUser(uid);
    expect(user.customClaims).toEqual({ role: 'operator', kabupaten: KABUPATEN, kecamatan: DESA.derati.kecamatan, desa: DESA.derati.desa });
    const profile = (await adminDb().collection('users').doc(uid).get()).data();
    expect(profile).toMatchObject({ email, role: 'operator', desaCode: DESA.derati.desa, kabupatenCode: KABUPATEN, active: true, updatedBy: admin.uid });

    // The new operator signs in and their token carries the role.
    await adminAuth().updateUser(uid, { password: PASSWORD });
    const operator = await signInClient(email, PASSWORD);
    const { getAuth } = await import('firebase/auth');
    const token = await getAuth(operator.app).currentUser!.getIdTokenResult();
    expect(token.claims.role).toBe('operator');
    expect(token.claims.desa).toBe(DESA.derati.desa);
    // Their own profile is readable to them (the portal watches it to refresh the token).
    expect((await getDoc(doc(operator.db, 'users', uid))).exists()).toBe(true);
    await operator.close();
  });

  it('changing a role keeps claims that are not Tepat’s, and is audited', async () => {
    const uid = await ensureUser(unique(), PASSWORD, { role: 'operator', ...DESA.derati, beta: 'yes' });
    await call(admin, { action: 'setRole', uid, role: 'verifikator' });
    expect((await adminAuth().getUser(uid)).customClaims).toEqual({ role: 'verifikator', kabupaten: KABUPATEN, beta: 'yes' });
    const audit = await adminDb().collection('auditLog').where('target.id', '==', uid).get();
    expect(audit.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ action: 'pengguna.peran', actorUid: admin.uid, actorRole: 'admin', kabupatenCode: KABUPATEN }),
    ]);
  });

  it('deactivating disables the account, removes the role and keeps the profile', async () => {
    const uid = await ensureUser(unique(), PASSWORD, { role: 'operator', ...DESA.other });
    await call(admin, { action: 'deactivate', uid });
    const user = await adminAuth().getUser(uid);
    expect(user.disabled).toBe(true);
    expect(user.customClaims).toEqual({});
    expect((await adminDb().collection('users').doc(uid).get()).data()).toMatchObject({ active: false, role: null, kabupatenCode: KABUPATEN });
  });

  it.each([
    [
      'an operator for a desa of another kabupaten',
      { action: 'create', email: 'x1@tepat.test', displayName: 'Ani', role: 'operator', desaCode: '17.08.01.2001' },
      'invalid-argument',
      'tidak berada di kabupaten Anda',
    ],
    [
      'an operator without a desa',
      { action: 'create', email: 'x2@tepat.test', displayName: 'Ani', role: 'operator' },
      'invalid-argument',
      'satu desa/kelurahan',
    ],
    ['an unknown role', { action: 'create', email: 'x3@tepat.test', displayName: 'Ani', role: 'bupati' }, 'invalid-argument', 'Pilih peran'],
    ['a malformed email', { action: 'create', email: 'bukan-email', displayName: 'Ani', role: 'kadis' }, 'invalid-argument', 'email tidak valid'],
    ['an unknown action', { action: 'hapus', uid: 'x' }, 'invalid-argument', 'Tindakan tidak dikenal'],
  ])('refuses %s with a clear message', async (_case, data, code, message) => {
    await expect(call(admin, data)).rejects.toMatchObject({ code: `functions/${code}`, message: expect.stringContaining(message) });
  });

  it('only an admin may call it, and only for users of their own kabupaten', async () => {
    const uid = await ensureUser(unique(), PASSWORD, { role: 'operator', ...DESA.derati });
    await expect(call(verifikator, { action: 'deactivate', uid })).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(call(otherAdmin, { action: 'setRole', uid, role: 'kadis' })).rejects.toMatchObject({ code: 'functions/not-found' });
    expect((await adminAuth().getUser(uid)).customClaims?.role).toBe('operator');
  });

  it('an admin never changes their own account: neither removes nor re-grants their own role, nor deactivates it', async () => {
    const before = (await adminAuth().getUser(admin.uid)).customClaims;
    await expect(call(admin, { action: 'setRole', uid: admin.uid, role: 'operator', desaCode: DESA.derati.desa })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
    });
    // Re-granting "admin" to oneself would re-enable and re-claim the account (issue 13, F1): refused too.
    await expect(call(admin, { action: 'setRole', uid: admin.uid, role: 'admin' })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('akun Anda sendiri'),
    });
    await expect(call(admin, { action: 'deactivate', uid: admin.uid })).rejects.toMatchObject({ code: 'functions/failed-precondition' });
    expect((await adminAuth().getUser(admin.uid)).customClaims).toEqual(before);
  });
});

describe('no takeover of accounts across kabupaten (issue 13, F1b)', () => {
  it('a deactivated account (its claims gone) stays its kabupaten’s: the admin of another cannot re-enable or re-role it', async () => {
    const uid = await ensureUser(unique(), PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
    await call(admin, { action: 'deactivate', uid });
    expect((await adminAuth().getUser(uid)).customClaims).toEqual({});
    await expect(call(otherAdmin, { action: 'setRole', uid, role: 'admin' })).rejects.toMatchObject({
      code: 'functions/not-found',
      message: expect.stringContaining('Pengguna tidak ditemukan'),
    });
    await expect(call(otherAdmin, { action: 'deactivate', uid })).rejects.toMatchObject({ code: 'functions/not-found' });
    const user = await adminAuth().getUser(uid);
    expect([user.disabled, user.customClaims]).toEqual([true, {}]);
    expect((await adminDb().collection('users').doc(uid).get()).data()).toMatchObject({ kabupatenCode: KABUPATEN, active: false });
    // Its own admin may bring it back.
    await call(admin, { action: 'setRole', uid, role: 'verifikator' });
    expect((await adminAuth().getUser(uid)).customClaims).toMatchObject({ role: 'verifikator', kabupaten: KABUPATEN });
  });

  it('an account Tepat did not make (signed up by itself: no profile) is nobody’s to claim', async () => {
    const stray = await adminAuth().createUser({ email: unique(), password: PASSWORD });
    for (const who of [admin, otherAdmin]) {
      await expect(call(who, { action: 'setRole', uid: stray.uid, role: 'admin' })).rejects.toMatchObject({ code: 'functions/not-found' });
    }
    expect((await adminAuth().getUser(stray.uid)).customClaims ?? {}).toEqual({});
    expect((await adminDb().collection('users').doc(stray.uid).get()).exists).toBe(false);
  });
});

describe('bootstrap CLI', () => {
  it('makes the first admin of a kabupaten and loads the default configuration once', async () => {
    const email = 'first.admin.kph@tepat.test';
    const run = () =>
      promisify(execFile)('npx', ['tsx', '.scripts/bootstrap-admin.ts', '--project', 'demo-tepat', '--kabupaten', '17.08', '--email', email], {
        cwd: ROOT,
        env: process.env,
      });
    const { stdout } = await run();
    expect(stdout).toContain('now administers kabupaten 17.08');
    const user = await adminAuth().getUserByEmail(email);
    expect(user.customClaims).toEqual({ role: 'admin', kabupaten: '17.08' });
    expect((await adminDb().collection('policies').doc('17.08').get()).data()).toMatchObject({ approval: 'dua_tingkat', staleness: { freezeAfterMonths: 3 } });
    expect((await adminDb().collection('programs').doc('PKH').get()).exists).toBe(true);
    // Running it again changes nothing but the profile's refresh stamp.
    const again = await run();
    expect(again.stdout).toContain('Default programs loaded: 0');
  }, 60_000);
});
