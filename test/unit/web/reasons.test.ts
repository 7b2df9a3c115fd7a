import { init, locale } from 'svelte-i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProgramConfig, checkTransition, suspend, validateUsulan, type Reason } from '../../../functions/src/domain/index.js';
import { reasonMessage } from '../../../web/src/lib/i18n/reasons.js';
import { translator } from './messages.js';

/**
 * A reason as the portal shows it: in the language chosen with the language switch (svelte-i18n's
 * `locale`), the enum values in it named by the portal's labels; a reason stored with a written-out
 * message before the catalogue keeps that message in both languages.
 */
const ON = new Date('2025-11-24T20:00:00Z'); // 25 November in Jakarta

function refusal(r: { ok: true } | { ok: false; reason: Reason }): Reason {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

const transition = refusal(checkTransition('diajukan', 'disetujui', 'operator'));
const suspended = (() => {
  const r = suspend({ status: 'aktif' }, 'judi_online', 'Data PPATK', ON);
  if (!r.ok) throw new Error('expected a suspension');
  return r.statusReason;
})();
const scope = checkProgramConfig([
  {
    id: 'BANSOS-RL',
    name: 'Bansos kabupaten',
    level: 'kabupaten',
    versions: [{ effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 3, legalBasis: 'Perbup 1/2025' }],
  },
])[0]!;
const pindah = validateUsulan(
  { type: 'pindah_masuk', householdId: 'h1', fromDesaCode: '17.02.06.2001', address: 'Jl. Baru 2', note: 'Pindah karena pekerjaan' },
  ON,
  { desaCode: '17.02.06.2001' },
).errors[0]!;

/** What the portal shows for each reason, with the page's translator. */
function shown(lang: 'id' | 'en'): string[] {
  void locale.set(lang);
  const t = translator(lang);
  return [transition, suspended, scope, pindah].map((r) => reasonMessage(r, t));
}

describe('reasonMessage: a reason in the portal’s language', () => {
  beforeAll(() => {
    void init({ fallbackLocale: 'id', initialLocale: 'id' });
  });
  afterAll(() => {
    void locale.set('id');
  });

  it('in English when the locale is en, with the roles, statuses, suspension reasons and program levels named in English', () => {
    expect(shown('en')).toEqual([
      "Village operator may not change a proposal's status from “Submitted” to “Approved”",
      'Membership suspended since 2025-11-25: Signs of online gambling (PPATK data)',
      'The district/city program BANSOS-RL must give its district/city code (PP.KK)',
      'The old village is the same as the new one; use a data correction to move address within the same village',
    ]);
  });

  it('in Bahasa Indonesia when the locale is id, word for word as the rules said it before', () => {
    expect(shown('id')).toEqual([
      'Operator desa/kelurahan tidak boleh mengubah status usulan dari "Diajukan" menjadi "Disetujui"',
      'Kepesertaan ditangguhkan sejak 2025-11-25: Terindikasi judi online (data PPATK)',
      'Program BANSOS-RL tingkat kabupaten/kota harus mencantumkan kode kabupaten/kota (PP.KK)',
      'Desa asal sama dengan desa tujuan; gunakan perbaikan data untuk pindah alamat di desa yang sama',
    ]);
  });

  it('switches with the locale, without the reason changing', () => {
    void locale.set('en');
    expect(reasonMessage(pindah)).toContain('The old village is the same as the new one');
    void locale.set('id');
    expect(reasonMessage(pindah)).toContain('Desa asal sama dengan desa tujuan');
  });

  it('an older reason stored with only its message shows that message in both languages', () => {
    const stored: Reason = {
      code: 'household.ditangguhkan.judi_online',
      message: 'Kepesertaan ditangguhkan sejak 2025-11-01: Terindikasi judi online (data PPATK)',
    };
    const unknown: Reason = {
      code: 'usulan.ganda',
      message: 'Ganda: NIK anggota ke-1 sudah terdaftar di register (desa 17.02.06.2002)',
      field: 'household.members.0.nik',
    };
    for (const lang of ['en', 'id'] as const) {
      void locale.set(lang);
      expect([stored, unknown].map((r) => reasonMessage(r, translator(lang)))).toEqual([stored.message, unknown.message]);
    }
  });
});
