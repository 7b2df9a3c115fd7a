import { z } from 'zod';
import { isKabupatenCode, parseDesaCode } from './wilayah.js';
import { because, type Reason } from './reason.js';
import { documentIdSchema } from './schemas.js';

/**
 * Who a portal user is, as custom claims on their ID token. Claims are set only by functions and
 * read by the security rules, the callables and the portal.
 *   operator    — one desa/kelurahan: records musyawarah and usulan, verval.
 *   verifikator — Dinas Sosial of one kabupaten: checks submissions.
 *   kadis       — head of the Dinas (or delegate), one kabupaten: approves (pengesahan), forwards.
 *   admin       — one kabupaten: users and configuration.
 */
export const USER_ROLES = ['operator', 'verifikator', 'kadis', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ROLE_LABELS: Record<UserRole, string> = {
  operator: 'Operator desa/kelurahan',
  verifikator: 'Verifikator Dinas Sosial',
  kadis: 'Kepala Dinas Sosial',
  admin: 'Admin kabupaten',
};

/** The claim keys Tepat owns; any other claim on a user is left as it is. */
export const ROLE_CLAIM_KEYS = ['role', 'kabupaten', 'kecamatan', 'desa'] as const;

const kabupatenSchema = z.string().refine(isKabupatenCode, { error: 'Kode kabupaten/kota tidak valid' });

export const roleClaimsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('operator'), kabupaten: kabupatenSchema, kecamatan: z.string(), desa: z.string() }),
  z.object({ role: z.enum(['verifikator', 'kadis', 'admin']), kabupaten: kabupatenSchema }),
]);
export type RoleClaims = z.infer<typeof roleClaimsSchema>;

/** Reads Tepat's claims from a decoded token; null when the user has no (valid) role. */
export function readRoleClaims(claims: Record<string, unknown>): RoleClaims | null {
  const parsed = roleClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  if (parsed.data.role === 'operator') {
    const desa = parseDesaCode(parsed.data.desa);
    if (!desa.ok || desa.value.kabupaten !== parsed.data.kabupaten || desa.value.kecamatan !== parsed.data.kecamatan) return null;
  }
  return parsed.data;
}

/**
 * The claims for a role in a kabupaten. An operator's kecamatan and kabupaten come from the desa
 * code, so they can never disagree with it.
 */
export function claimsFor(role: UserRole, kabupaten: string, desaCode?: string): { ok: true; claims: RoleClaims } | { ok: false; reason: Reason } {
  if (!isKabupatenCode(kabupaten)) return { ok: false, reason: because('role.kabupaten', undefined, 'kabupaten') };
  if (role !== 'operator') return { ok: true, claims: { role, kabupaten } };
  if (!desaCode) return { ok: false, reason: because('role.desa_required', undefined, 'desaCode') };
  const desa = parseDesaCode(desaCode);
  if (!desa.ok) return { ok: false, reason: { ...desa.reason, field: 'desaCode' } };
  if (desa.value.kabupaten !== kabupaten) {
    return { ok: false, reason: because('role.other_kabupaten', undefined, 'desaCode') };
  }
  return { ok: true, claims: { role, kabupaten, kecamatan: desa.value.kecamatan, desa: desa.value.code } };
}

/** Replaces Tepat's claims and keeps every other claim the user already has. */
export function mergeRoleClaims(existing: Record<string, unknown>, next: RoleClaims | null): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(existing).filter(([k]) => !(ROLE_CLAIM_KEYS as readonly string[]).includes(k)));
  return next ? { ...kept, ...next } : kept;
}

/** The Dinas Sosial's roles, which decide usulan and export for the ministry. */
export type DinasRole = 'verifikator' | 'kadis';

export function isDinasRole(role: UserRole): role is DinasRole {
  return role === 'verifikator' || role === 'kadis';
}

const uidSchema = documentIdSchema('ID pengguna');
const roleSchema = z.enum(USER_ROLES, { error: 'Pilih peran: operator, verifikator, kadis atau admin' });
// The callable client sends a field left undefined as null: both mean "no desa".
const desaInputSchema = z.string().trim().max(13).nullish();

/** What the admin's user screen sends to the `manageUser` callable. */
export const manageUserInputSchema = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('create'),
      email: z.email({ error: 'Alamat email tidak valid' }).max(254),
      displayName: z.string().trim().min(2, { error: 'Nama wajib diisi' }).max(100, { error: 'Nama terlalu panjang (maks. 100 huruf)' }),
      role: roleSchema,
      desaCode: desaInputSchema,
    }),
    z.object({ action: z.literal('setRole'), uid: uidSchema, role: roleSchema, desaCode: desaInputSchema }),
    z.object({ action: z.literal('deactivate'), uid: uidSchema }),
  ],
  { error: 'Tindakan tidak dikenal' },
);
export type ManageUserInput = z.infer<typeof manageUserInputSchema>;
