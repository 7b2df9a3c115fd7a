import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kecamatanOf, parseDesaCode, readRoleClaims } from '../../functions/src/domain/index.js';
import { isKnownDesa } from '../../functions/src/domain/wilayah-data/villages.js';
import { DEMO_PASSWORD, DEMO_REGISTER, DEMO_USERS, DESA, DESA_WITHOUT_OPERATOR, KABUPATEN } from '../../.scripts/seed/demo.js';

/**
 * emulator-data/ (made by `npm run demo:data`, imported by `npm start`) must hold the people that
 * .scripts/seed/demo.ts and the README describe; when one changes without the other, this fails.
 */
const DIR = join(import.meta.dirname, '../../emulator-data');

interface ExportedAccount {
  email: string;
  displayName?: string;
  passwordHash?: string;
  disabled?: boolean;
  customAttributes?: string;
}

const accounts = (JSON.parse(readFileSync(join(DIR, 'auth_export/accounts.json'), 'utf8')) as { users: ExportedAccount[] }).users;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('emulator-data/ and the demo people', () => {
  it('holds exactly the demo users', () => {
    expect(accounts.map((a) => a.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
  });

  it.each(DEMO_USERS.map((u) => [u.email, u] as const))('%s has its name, the demo password and its claims', (email, user) => {
    const account = accounts.find((a) => a.email === email)!;
    expect(account.displayName).toBe(user.displayName);
    expect(account.disabled ?? false).toBe(false);
    // The Auth emulator stores passwords as a readable fake hash.
    expect(account.passwordHash).toContain(`password=${DEMO_PASSWORD}`);
    const claims = JSON.parse(account.customAttributes ?? '{}') as Record<string, unknown>;
    expect(claims).toEqual(user.claims);
    expect(readRoleClaims(claims)).not.toBeNull();
  });

  it('has operators of three desa in three kecamatan of the kabupaten, and a desa with households but no operator', () => {
    const operators = DEMO_USERS.flatMap((u) => (u.claims.role === 'operator' ? [u.claims] : []));
    expect(operators).toHaveLength(3);
    expect(new Set(operators.map((c) => c.kecamatan)).size).toBe(3);
    for (const c of operators) {
      expect(isKnownDesa(c.desa)).toBe(true);
      expect([kecamatanOf(c.desa), c.kabupaten]).toEqual([c.kecamatan, KABUPATEN]);
      expect(DEMO_REGISTER.desaWeights).toHaveProperty([c.desa]);
    }
    expect(operators.map((c) => c.desa)).not.toContain(DESA_WITHOUT_OPERATOR.desa);
    expect(DEMO_REGISTER.desaWeights).toHaveProperty([DESA_WITHOUT_OPERATOR.desa]);
    for (const d of Object.values(DESA)) expect(parseDesaCode(d.desa).ok && isKnownDesa(d.desa) && kecamatanOf(d.desa) === d.kecamatan).toBe(true);
    expect(['verifikator', 'kadis', 'admin'].every((role) => DEMO_USERS.some((u) => u.claims.role === role && u.claims.kabupaten === KABUPATEN))).toBe(true);
  });

  it('has a Firestore export holding the register of those desa, small enough to commit', () => {
    const firestore = files(join(DIR, 'firestore_export'));
    const data = Buffer.concat(firestore.map((f) => readFileSync(f)));
    for (const code of Object.keys(DEMO_REGISTER.desaWeights)) expect(data.includes(code), code).toBe(true);
    for (const collection of ['households', 'members', 'nikIndex', 'programs', 'policies', 'users']) expect(data.includes(collection), collection).toBe(true);
    const bytes = files(DIR).reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeLessThan(5 * 2 ** 20);
  });
});
