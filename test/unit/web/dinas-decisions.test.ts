import { describe, expect, it } from 'vitest';
import {
  approveAllLabel,
  approveLabel,
  blockedBecause,
  previewDecision,
  roleGuidance,
  type Decidable,
  type Decider,
} from '../../../web/src/lib/dinas/decisions.js';
import { adviceFor, explain, fieldLabel } from '../../../web/src/lib/dinas/reasons.js';
import { translator } from './messages.js';

const t = translator('id');
const en = translator('en');

const ok = { ok: true };
const verifikator: Decider = { role: 'verifikator', approval: 'dua_tingkat' };
const kadis: Decider = { role: 'kadis', approval: 'dua_tingkat' };
const single: Decider = { role: 'kadis', approval: 'satu_tingkat' };
const items: Decidable[] = [
  { id: 'valid', status: 'diajukan', validation: ok },
  { id: 'checking', status: 'diajukan', validation: null },
  { id: 'failed', status: 'tidak_lolos_validasi', validation: { ok: false } },
  { id: 'verified', status: 'diverifikasi', validation: ok },
  { id: 'refused', status: 'ditolak', validation: ok },
];

describe('a decision for a whole musyawarah, previewed as decideUsulan takes it', () => {
  it('the verifikator verifies what passed validation and leaves the rest, saying why', () => {
    const p = previewDecision(items, 'setujui', verifikator, t);
    expect(p.decided).toEqual([{ id: 'valid', to: 'diverifikasi' }]);
    expect(Object.fromEntries(p.skipped.map((s) => [s.id, s.reason]))).toEqual({
      checking: 'Usulan belum lolos validasi sehingga belum dapat disetujui.',
      // As decideUsulan words it: "setujui" on anything but diajukan asks for approval.
      failed: 'Status usulan tidak dapat berubah dari "Tidak lolos validasi" menjadi "Disetujui"',
      verified: 'Verifikator Dinas Sosial tidak boleh mengubah status usulan dari "Diverifikasi" menjadi "Disetujui"',
      refused: 'Status usulan tidak dapat berubah dari "Ditolak" menjadi "Disetujui"',
    });
  });

  it('the kadis approves only verified usulan; a refusal needs no passed validation', () => {
    expect(previewDecision(items, 'setujui', kadis, t).decided).toEqual([{ id: 'verified', to: 'disetujui' }]);
    expect(previewDecision(items, 'tolak', verifikator, t).decided).toEqual([
      { id: 'valid', to: 'ditolak' },
      { id: 'checking', to: 'ditolak' },
    ]);
    expect(blockedBecause(items[0]!, 'setujui', kadis, t)).toContain('Kepala Dinas Sosial tidak boleh mengubah status usulan dari "Diajukan"');
  });

  it('single-level approval decides straight from diajukan or diverifikasi', () => {
    expect(previewDecision(items, 'setujui', single, t).decided).toEqual([
      { id: 'valid', to: 'disetujui' },
      { id: 'verified', to: 'disetujui' },
    ]);
    expect(blockedBecause(items[0]!, 'setujui', { ...verifikator, approval: 'satu_tingkat' }, t)).toBeNull();
  });

  it('names the buttons after what they do', () => {
    expect(approveLabel('verifikator', t)).toBe('Verifikasi, teruskan ke Kadis');
    expect(approveLabel('kadis', t)).toBe('Setujui (pengesahan)');
    expect(approveLabel('dinas', t)).toBe('Setujui');
    expect(approveAllLabel('verifikator', 2, t)).toBe('Verifikasi semua (2)');
    expect(approveAllLabel('kadis', 3, t)).toBe('Setujui semua (3)');
    expect(roleGuidance('dinas', t)).toContain('satu tingkat');
    expect(approveLabel('verifikator', en)).toBe('Verify, pass on to the head');
    expect(approveAllLabel('kadis', 3, en)).toBe('Approve all (3)');
  });

  it('in English, every reason is in English: the portal words its own, the state machine’s comes from the catalogue', () => {
    expect(Object.fromEntries(previewDecision(items, 'setujui', verifikator, en).skipped.map((s) => [s.id, s.reason]))).toMatchObject({
      checking: 'The proposal has not passed validation, so it cannot be approved yet.',
      refused: "A proposal's status cannot change from “Refused” to “Approved”",
    });
  });
});

describe('validation results explained', () => {
  it('names the part of the usulan a reason is about', () => {
    expect(fieldLabel('household.members.1.nik', t)).toBe('Anggota 2 · NIK');
    expect(fieldLabel('household.kkNumber', t)).toBe('Nomor KK');
    expect(fieldLabel('memberIds.0', t)).toBe('Anggota yang keluar · ke-1');
    expect(fieldLabel('somethingNew', t)).toBe('somethingNew');
    expect(fieldLabel(undefined, t)).toBeNull();
    expect(fieldLabel('household', t)).toBeNull();
    expect(fieldLabel('household.members.1.nik', en)).toBe('Member 2 · NIK');
    expect(fieldLabel('memberIds.0', en)).toBe('Members leaving · no. 1');
  });

  it('says what to check, the most specific rule first', () => {
    expect(adviceFor('nik.birth_date_mismatch', t)).toContain('Tanggal lahir di NIK');
    expect(adviceFor('nik.birth_day', t)).toContain('Cocokkan NIK');
    expect(adviceFor('nik.registered_keluar', t)).toContain('pernah ada di register');
    expect(adviceFor('nik.registered', t)).toContain('sudah ada di register');
    expect(adviceFor('nik.missing', t)).toContain('Dukcapil');
    expect(adviceFor('usulan.household_missing', t)).toContain('tidak ada atau sudah keluar');
    expect(adviceFor('schema.invalid_type', t)).toContain('kembalikan ke desa');
    expect(adviceFor('something.else', t)).toBeNull();
    expect(adviceFor('nik.registered', en)).toContain('already in the register');
  });

  it('explains each reason with its field and advice', () => {
    expect(
      explain(
        [
          { code: 'kk.date', message: 'Tanggal pencatatan pada nomor KK tidak valid', field: 'household.kkNumber' },
          { code: 'x', message: 'Lain' },
        ],
        t,
      ),
    ).toEqual([
      { code: 'kk.date', message: 'Tanggal pencatatan pada nomor KK tidak valid', field: 'Nomor KK', advice: expect.stringContaining('Kartu Keluarga asli') },
      { code: 'x', message: 'Lain', field: null, advice: null },
    ]);
  });
});
