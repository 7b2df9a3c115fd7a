import { reasonMessage } from '../i18n/reasons.js';
import { claimsFor, manageUserInputSchema, reasonsFromZod, type ManageUserInput, type UserRole } from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';

/**
 * The admin's user forms (invite, change role and desa), checked with the schema of the
 * `manageUser` callable and the rule that turns a role into claims (an operator needs one desa of
 * this kabupaten), so every error is shown next to its field before anything is sent. The form's
 * own words and the claims rule's reasons come through `t` (`$_`); the schema's messages stay in
 * Bahasa Indonesia.
 */
export interface UserForm {
  displayName: string;
  email: string;
  role: UserRole;
  kecamatan: string;
  desaCode: string;
}

export type UserField = 'displayName' | 'email' | 'role' | 'kecamatan' | 'desaCode';
export type FieldErrors<F extends string> = Partial<Record<F, string[]>>;

export function newUserForm(): UserForm {
  return { displayName: '', email: '', role: 'operator', kecamatan: '', desaCode: '' };
}

const USER_FIELDS: readonly string[] = ['displayName', 'email', 'role', 'kecamatan', 'desaCode'];
const userField = (path: string | undefined): UserField => (path && USER_FIELDS.includes(path) ? (path as UserField) : 'role');

function add<F extends string>(errors: FieldErrors<F>, field: F, message: string): void {
  (errors[field] ??= []).push(message);
}

/** The claims check: an operator needs a desa, of this kabupaten. */
function roleErrors(role: UserRole, kabupaten: string, form: Pick<UserForm, 'kecamatan' | 'desaCode'>, errors: FieldErrors<UserField>, t: Translate): void {
  if (role !== 'operator') return;
  if (!form.kecamatan) add(errors, 'kecamatan', t('common.chooseKecamatan'));
  const check = claimsFor(role, kabupaten, form.desaCode || undefined);
  if (!check.ok) add(errors, check.reason.field === 'desaCode' ? 'desaCode' : 'role', reasonMessage(check.reason, t));
}

export function toCreateInput(form: UserForm, kabupaten: string, t: Translate): { input: ManageUserInput | null; errors: FieldErrors<UserField> } {
  const errors: FieldErrors<UserField> = {};
  const parsed = manageUserInputSchema.safeParse({
    action: 'create',
    email: form.email.trim(),
    displayName: form.displayName,
    role: form.role,
    // Left out rather than undefined: a callable sends undefined as null, which the schema refuses.
    ...(form.role === 'operator' ? { desaCode: form.desaCode } : {}),
  });
  if (!parsed.success) {
    for (const r of reasonsFromZod(parsed.error)) add(errors, userField(r.field), reasonMessage(r));
  }
  roleErrors(form.role, kabupaten, form, errors, t);
  return { input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

export function toSetRoleInput(
  uid: string,
  form: Pick<UserForm, 'role' | 'kecamatan' | 'desaCode'>,
  kabupaten: string,
  t: Translate,
): { input: ManageUserInput | null; errors: FieldErrors<UserField> } {
  const errors: FieldErrors<UserField> = {};
  const parsed = manageUserInputSchema.safeParse({ action: 'setRole', uid, role: form.role, ...(form.role === 'operator' ? { desaCode: form.desaCode } : {}) });
  if (!parsed.success) {
    for (const r of reasonsFromZod(parsed.error)) add(errors, userField(r.field), reasonMessage(r));
  }
  roleErrors(form.role, kabupaten, form, errors, t);
  return { input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

export interface OperatorProfile {
  displayName: string;
  role: UserRole | null;
  active: boolean;
  desaCode: string | null;
}

/** Active operators per desa, from the user profiles: "already has an operator" in the desa choice. */
export function operatorsByDesa(users: readonly OperatorProfile[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of users) {
    if (u.role !== 'operator' || !u.active || !u.desaCode) continue;
    out.set(u.desaCode, [...(out.get(u.desaCode) ?? []), u.displayName]);
  }
  return out;
}
