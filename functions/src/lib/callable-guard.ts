import { getAuth } from 'firebase-admin/auth';
import { logger } from 'firebase-functions';
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { readRoleClaims, reasonText, type Reason, type RoleClaims, type UserRole } from '../domain/index.js';
import { app } from './admin.js';
import { collections } from './collections.js';
import type { UserProfileDoc } from './documents.js';

/**
 * The one door of every callable: signed in → the account is still active → its role may call
 * this → the input parses → the handler. The caller's role and wilayah come from their profile
 * (`users/{uid}`, written only by functions, together with the claims), read on every call: the
 * ID token's claims alone would let a deactivated account act for up to an hour with the token it
 * still holds, and a revoked or disabled account is refused as well. Refusals speak Bahasa
 * Indonesia to the person and English to the logs, which get codes, never the input.
 */

/** Who is calling, as their profile says now. */
export type Caller<R extends UserRole> = RoleClaims & { role: R };

export interface CallableContext<R extends UserRole, T> {
  uid: string;
  caller: Caller<R>;
  profile: UserProfileDoc;
  data: T;
}

/** A zod schema, or a domain parser that answers with reasons. */
export type InputParser<T> =
  | {
      safeParse(
        data: unknown,
      ): { success: true; data: T } | { success: false; error: { issues: readonly { message: string; code: string; path: readonly PropertyKey[] }[] } };
    }
  | ((data: unknown) => { ok: true; value: T } | { ok: false; reasons: readonly Reason[] });

export interface CallableRule<R extends UserRole, T> {
  /** The callable's name, for the logs. */
  name: string;
  roles: readonly R[];
  /** What a signed-in person of another role is told. */
  roleRefusal: string;
  input: InputParser<T>;
  /** What is said of unreadable input when the parser has no message of its own. */
  invalidInput: string;
  /** A check of the parsed input against the caller's wilayah: what they are told, or null when it may go on. */
  authorize?: (caller: Caller<R>, data: T) => string | null;
}

const SIGN_IN = 'Silakan masuk terlebih dahulu.';
const INACTIVE = 'Akun Anda tidak aktif lagi. Hubungi admin kabupaten Anda.';
const SESSION_ENDED = 'Sesi Anda tidak berlaku lagi (akun dinonaktifkan atau diubah). Silakan masuk kembali.';

/** Wraps a callable's handler in the checks every callable needs: `onCall(options, guarded(rule, handler))`. */
export function guarded<R extends UserRole, T, Out>(
  rule: CallableRule<R, T>,
  handler: (ctx: CallableContext<R, T>) => Promise<Out>,
): (request: CallableRequest<unknown>) => Promise<Out> {
  return async (request) => {
    const refuse = (
      code: 'unauthenticated' | 'permission-denied' | 'invalid-argument',
      message: string,
      why: string,
      extra: Record<string, unknown> = {},
    ): never => {
      logger.warn('callable refused', { callable: rule.name, uid: request.auth?.uid ?? null, code, why, ...extra });
      throw new HttpsError(code, message);
    };
    if (!request.auth) return refuse('unauthenticated', SIGN_IN, 'not signed in');
    const uid = request.auth.uid;
    const [profileSnap, session] = await Promise.all([
      collections.users().doc(uid).get(),
      getAuth(app)
        .verifyIdToken(request.auth.rawToken, true)
        .then(
          () => null,
          (e: unknown) => (e as { code?: string }).code ?? 'invalid token',
        ),
    ]);
    const profile = profileSnap.data();
    if (!profile) return refuse('permission-denied', INACTIVE, 'no profile');
    if (profile.active !== true) return refuse('permission-denied', INACTIVE, 'profile inactive');
    if (session !== null) return refuse('unauthenticated', SESSION_ENDED, 'token revoked or account disabled', { authCode: session });
    const caller = callerOf(profile);
    if (!caller) return refuse('permission-denied', INACTIVE, 'profile has no valid role');
    if (!(rule.roles as readonly UserRole[]).includes(caller.role))
      return refuse('permission-denied', rule.roleRefusal, 'role not allowed', { role: caller.role });

    const parsed = parse(rule.input, request.data);
    if (!parsed.ok) {
      return refuse('invalid-argument', (parsed.reasons[0] ? reasonText(parsed.reasons[0]) : null) ?? rule.invalidInput, 'invalid input', {
        issues: parsed.reasons.slice(0, 5).map((r) => `${r.code}${r.field ? ` at ${r.field}` : ''}`),
      });
    }
    const typed = caller as Caller<R>;
    const denied = rule.authorize?.(typed, parsed.value) ?? null;
    if (denied !== null) return refuse('permission-denied', denied, 'outside the caller’s wilayah');
    return handler({ uid, caller: typed, profile, data: parsed.value });
  };
}

/** The role and wilayah the profile gives; null when it names none (deactivated) or an inconsistent one. */
function callerOf(profile: UserProfileDoc): RoleClaims | null {
  return readRoleClaims({ role: profile.role, kabupaten: profile.kabupatenCode, kecamatan: profile.kecamatanCode, desa: profile.desaCode });
}

function parse<T>(
  input: InputParser<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; reasons: readonly Pick<Reason, 'code' | 'message' | 'field'>[] } {
  if (typeof input === 'function') return input(data);
  const result = input.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reasons: result.error.issues.map((i) => ({ code: `schema.${i.code}`, message: i.message, field: i.path.map(String).join('.') })) };
}
