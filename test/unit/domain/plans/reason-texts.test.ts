import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KELUAR_REASONS, REASON_TEXTS } from '../../../../functions/src/domain/index.js';
import { DOMAIN_DIR } from '../factories.js';

/**
 * The catalogue is spread from one file per rule (reason-texts/*.ts): a code defined in two files
 * would be rendered by whichever comes last, silently. And every code the planners give has both
 * languages.
 */
describe('the reason catalogue files', () => {
  it('define each code once', async () => {
    const dir = join(DOMAIN_DIR, 'reason-texts');
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'format.ts')) {
      const module = (await import(join(dir, file))) as Record<string, unknown>;
      for (const texts of Object.values(module).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)) {
        for (const code of Object.keys(texts)) {
          if (seen.has(code)) twice.push(`${code} (${seen.get(code)}, ${file})`);
          else seen.set(code, file);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    expect(twice).toEqual([]);
  });

  it('have every code the planners, the NIK conflict check and the staleness rule give', () => {
    const codes = [
      'usulan.invalid',
      'usulan.ganda',
      'usulan.household_keluar',
      'usulan.household_missing',
      'pindah.from_mismatch',
      'pindah.pending_elsewhere',
      'keluar.member_unknown',
      'keluar.no_member_left',
      ...KELUAR_REASONS.map((r) => `keluar.${r}`),
      'member.perbaikan',
      'member.kembali_usulan_baru',
      'verval.invalid',
      'verval.not_in_desa',
      'verval.household_left',
      'verval.household_suspended',
      'sticker.invalid',
      'sticker.future',
      'sticker.not_in_desa',
      'sticker.not_recipient',
      'nik.registered',
      'nik.registered_keluar',
      'household.verval_due',
      'household.beku',
    ];
    expect(codes.filter((c) => REASON_TEXTS[c] === undefined)).toEqual([]);
  });
});
