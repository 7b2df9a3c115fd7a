import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../functions/src/domain/documents.js';
import {
  claimsFor,
  isDinasRole,
  manageUserInputSchema,
  mergeRoleClaims,
  readRoleClaims,
  ROLE_LABELS,
  USER_ROLES,
} from '../../../functions/src/domain/roles.js';
import { reasonText } from '../../../functions/src/domain/reason-text.js';

describe('claimsFor: the claims of a role in a kabupaten', () => {
  it('an operator gets kecamatan and kabupaten from the desa code', () => {
    expect(claimsFor('operator', '17.02', '17.02.06.2001')).toEqual({
      ok: true,
      claims: { role: 'operator', kabupaten: '17.02', kecamatan: '17.02.06', desa: '17.02.06.2001' },
    });
  });

  it.each(['verifikator', 'kadis', 'admin'] as const)('%s is scoped to the kabupaten only, whatever desa is given', (role) => {
    expect(claimsFor(role, '17.02', '17.02.06.2001')).toEqual({ ok: true, claims: { role, kabupaten: '17.02' } });
  });

  it.each([
    ['operator', '17.02', undefined, 'role.desa_required', 'Operator harus ditugaskan ke satu desa/kelurahan', 'An operator must be assigned to one village'],
    ['operator', '17.02', '17.08.01.2001', 'role.other_kabupaten', 'Desa/kelurahan itu tidak berada di kabupaten Anda', 'That village is not in your district'],
    [
      'operator',
      '17.02',
      '17-02-06-2001',
      'wilayah.format',
      'Kode desa/kelurahan harus berbentuk PP.KK.CC.DDDD, contoh 17.02.06.2001',
      'The village code must have the form PP.KK.CC.DDDD, for example 17.02.06.2001',
    ],
    ['kadis', '17.70', undefined, 'role.kabupaten', 'Kode kabupaten/kota tidak valid', 'The district/city code is not valid'],
    ['admin', '1702', undefined, 'role.kabupaten', 'Kode kabupaten/kota tidak valid', 'The district/city code is not valid'],
  ] as const)('refuses %s of %s with desa %s (%s)', (role, kab, desa, code, id, en) => {
    const result = claimsFor(role, kab, desa);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.code).toBe(code);
      expect([reasonText(result.reason), reasonText(result.reason, 'en')]).toEqual([id, en]);
    }
  });
});

describe('readRoleClaims: what a token allows', () => {
  it('reads valid claims and ignores unrelated ones', () => {
    expect(readRoleClaims({ role: 'kadis', kabupaten: '17.02', iss: 'x', beta: true })).toEqual({ role: 'kadis', kabupaten: '17.02' });
  });

  it.each([
    ['no role', {}],
    ['an unknown role', { role: 'dinas', kabupaten: '17.02' }],
    ['an operator without desa', { role: 'operator', kabupaten: '17.02', kecamatan: '17.02.06' }],
    ['an operator whose desa is in another kabupaten', { role: 'operator', kabupaten: '17.02', kecamatan: '17.08.01', desa: '17.08.01.2001' }],
    ['an operator whose kecamatan disagrees with the desa', { role: 'operator', kabupaten: '17.02', kecamatan: '17.02.07', desa: '17.02.06.2001' }],
    ['a malformed kabupaten', { role: 'admin', kabupaten: '17' }],
  ])('gives no role for %s', (_case, claims) => {
    expect(readRoleClaims(claims)).toBeNull();
  });
});

describe('mergeRoleClaims', () => {
  it('replaces Tepat’s claims and keeps the others', () => {
    const existing = { role: 'operator', desa: '17.02.06.2001', kecamatan: '17.02.06', kabupaten: '17.02', beta: 'yes' };
    expect(mergeRoleClaims(existing, { role: 'verifikator', kabupaten: '17.02' })).toEqual({ role: 'verifikator', kabupaten: '17.02', beta: 'yes' });
  });

  it('with no role left, removes Tepat’s claims only', () => {
    expect(mergeRoleClaims({ role: 'admin', kabupaten: '17.02', beta: 'yes' }, null)).toEqual({ beta: 'yes' });
  });
});

describe('roles', () => {
  it('every role has a Bahasa Indonesia label; only verifikator and kadis handle usulan', () => {
    expect(USER_ROLES.map((r) => [r, isDinasRole(r), ROLE_LABELS[r].length > 0])).toEqual([
      ['operator', false, true],
      ['verifikator', true, true],
      ['kadis', true, true],
      ['admin', false, true],
    ]);
  });

  it('manageUser input: accepts the three actions and refuses anything else', () => {
    expect(
      manageUserInputSchema.safeParse({ action: 'create', email: 'a@b.id', displayName: 'Ani', role: 'operator', desaCode: '17.02.06.2001' }).success,
    ).toBe(true);
    expect(manageUserInputSchema.safeParse({ action: 'setRole', uid: 'u1', role: 'kadis' }).success).toBe(true);
    expect(manageUserInputSchema.safeParse({ action: 'deactivate', uid: 'u1' }).success).toBe(true);
    const bad = manageUserInputSchema.safeParse({ action: 'create', email: 'bukan email', displayName: 'A', role: 'raja' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Alamat email tidak valid',
      'Nama wajib diisi',
      'Pilih peran: operator, verifikator, kadis atau admin',
    ]);
  });
});

describe('collection names', () => {
  it('every collection the code names has its own block in firestore.rules', () => {
    const rules = readFileSync(join(import.meta.dirname, '../../../firestore.rules'), 'utf8');
    for (const name of Object.values(COLLECTIONS)) expect(rules, `rules for ${name}`).toMatch(new RegExp(`match /${name}/\\{`));
  });
});
