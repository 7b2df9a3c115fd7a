import { getAuth, type UserRecord } from 'firebase-admin/auth';
import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { claimsFor, reasonText, manageUserInputSchema, mergeRoleClaims, ROLE_LABELS, type RoleClaims } from './domain/index.js';
import { app, db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { guarded } from './lib/callable-guard.js';
import { collections } from './lib/collections.js';

/**
 * The admin of a kabupaten manages its people: creates accounts, assigns or changes a role (and
 * an operator's desa), deactivates. Claims are merged with any others the user has; the profile
 * document tells the portal to refresh its ID token so the change takes effect at once, and is
 * what every callable reads to know who calls (lib/callable-guard.ts). An admin never changes
 * their own account: a deactivated one cannot give itself its role back, an active one cannot
 * lock itself out. An account belongs to the kabupaten its profile names (kept when it is
 * deactivated): only that kabupaten's admin may change or re-enable it, and an account Tepat did
 * not make (no profile) is nobody's to claim.
 */
export const manageUser = onCall(
  guarded(
    {
      name: 'manageUser',
      roles: ['admin'],
      roleRefusal: 'Hanya admin kabupaten yang dapat mengelola pengguna.',
      input: manageUserInputSchema,
      invalidInput: 'Data pengguna tidak valid.',
    },
    async ({ uid: actorUid, caller: admin, data: input }) => {
      const auth = getAuth(app);

      if (input.action === 'create') {
        const claims = roleClaimsOrThrow(input.role, admin.kabupaten, input.desaCode);
        const existing = await auth.getUserByEmail(input.email).catch(() => null);
        if (existing) throw new HttpsError('already-exists', 'Email itu sudah terdaftar. Ubah perannya dari daftar pengguna.');
        const user = await auth.createUser({ email: input.email, displayName: input.displayName, emailVerified: false });
        await applyClaims(user, claims, actorUid, `Akun dibuat sebagai ${describe(claims)}`);
        // No e-mail service is assumed: the admin passes the link on (WhatsApp, in person).
        const setPasswordLink = await auth.generatePasswordResetLink(input.email);
        logger.info('user created', { uid: user.uid, role: claims.role, by: actorUid });
        return { uid: user.uid, setPasswordLink };
      }

      // An admin never changes their own account (role, re-enabling, deactivation): another admin does.
      if (input.uid === actorUid) {
        throw new HttpsError('failed-precondition', 'Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri. Minta admin lain melakukannya.');
      }
      // Whose account it is comes from its profile, which Tepat writes when it makes the account and
      // keeps through a deactivation (the claims are gone then): an account of another kabupaten, or
      // one Tepat did not make (no profile: signed up by itself), is "not found" for this admin.
      const [target, profileSnap] = await Promise.all([auth.getUser(input.uid).catch(() => null), collections.users().doc(input.uid).get()]);
      const owner = profileSnap.data()?.kabupatenCode;
      if (!target || owner !== admin.kabupaten) {
        logger.warn('manageUser: target outside the caller’s kabupaten or not made by Tepat', { uid: input.uid, by: actorUid, hasProfile: profileSnap.exists });
        throw new HttpsError('not-found', 'Pengguna tidak ditemukan.');
      }

      if (input.action === 'setRole') {
        const claims = roleClaimsOrThrow(input.role, admin.kabupaten, input.desaCode);
        if (target.disabled) await auth.updateUser(target.uid, { disabled: false });
        await applyClaims(target, claims, actorUid, `Peran diubah menjadi ${describe(claims)}`);
        logger.info('user role set', { uid: target.uid, role: claims.role, by: actorUid });
        return { uid: target.uid };
      }

      await auth.updateUser(target.uid, { disabled: true });
      await auth.revokeRefreshTokens(target.uid);
      await applyClaims(target, null, actorUid, 'Akun dinonaktifkan', admin.kabupaten);
      logger.info('user deactivated', { uid: target.uid, by: actorUid });
      return { uid: target.uid };
    },
  ),
);

function roleClaimsOrThrow(role: RoleClaims['role'], kabupaten: string, desaCode: string | null | undefined): RoleClaims {
  const result = claimsFor(role, kabupaten, desaCode || undefined);
  if (!result.ok) throw new HttpsError('invalid-argument', reasonText(result.reason));
  return result.claims;
}

function describe(claims: RoleClaims): string {
  return claims.role === 'operator' ? `${ROLE_LABELS.operator} ${claims.desa}` : `${ROLE_LABELS[claims.role]} ${claims.kabupaten}`;
}

/** Sets the merged claims, then the profile and the audit entry in one batch. */
export async function applyClaims(
  user: UserRecord,
  claims: RoleClaims | null,
  actorUid: string,
  summary: string,
  kabupaten = claims?.kabupaten,
): Promise<void> {
  if (!kabupaten) throw new Error('kabupaten is required');
  await getAuth(app).setCustomUserClaims(user.uid, mergeRoleClaims(user.customClaims ?? {}, claims));
  const batch = db.batch();
  batch.set(collections.users().doc(user.uid), {
    email: user.email ?? '',
    displayName: user.displayName ?? '',
    role: claims?.role ?? null,
    kabupatenCode: kabupaten,
    kecamatanCode: claims?.role === 'operator' ? claims.kecamatan : null,
    desaCode: claims?.role === 'operator' ? claims.desa : null,
    active: claims !== null,
    claimsUpdatedAt: FieldValue.serverTimestamp() as never,
    updatedBy: actorUid,
  });
  writeAudit(batch, {
    actorUid,
    actorRole: actorUid === 'bootstrap' ? 'sistem' : 'admin',
    action: claims ? 'pengguna.peran' : 'pengguna.nonaktif',
    target: { collection: 'users', id: user.uid },
    kabupatenCode: kabupaten,
    desaCode: claims?.role === 'operator' ? claims.desa : null,
    summary,
  });
  await batch.commit();
}
