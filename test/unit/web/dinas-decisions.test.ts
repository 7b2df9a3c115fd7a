import { describe, expect, it } from 'vitest';
import { approveAllLabel, approveLabel, blockedBecause, previewDecision, roleGuidance, targetStatus, type Decidable } from '../../../web/src/lib/dinas/decisions.js';
import { adviceFor, explain, fieldLabel } from '../../../web/src/lib/dinas/reasons.js';

const ok = { ok: true };
const items: Decidable[] = [
  { id: 'valid', status: 'diajukan', validation: ok },
  { id: 'checking', status: 'diajukan', validation: null },
  { id: 'failed', status: 'tidak_lolos_validasi', validation: { ok: false } },
  { id: 'verified', status: 'diverifikasi', validation: ok },
  { id: 'refused', status: 'ditolak', validation: ok },
];

describe('a decision for a whole musyawarah, previewed as decideUsulan takes it', () => {
  it('the verifikator verifies what passed validation and leaves the rest, saying why', () => {
    const p = previewDecision(items, 'setujui', 'verifikator');
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
    expect(previewDecision(items, 'setujui', 'kadis').decided).toEqual([{ id: 'verified', to: 'disetujui' }]);
    expect(previewDecision(items, 'tolak', 'verifikator').decided).toEqual([
      { id: 'valid', to: 'ditolak' },
      { id: 'checking', to: 'ditolak' },
    ]);
    expect(blockedBecause(items[0]!, 'setujui', 'kadis')).toContain('Kepala Dinas Sosial tidak boleh mengubah status usulan dari "Diajukan"');
  });

  it('single-level approval decides straight from diajukan or diverifikasi', () => {
    expect(previewDecision(items, 'setujui', 'dinas').decided).toEqual([
      { id: 'valid', to: 'disetujui' },
      { id: 'verified', to: 'disetujui' },
    ]);
    expect(targetStatus('diajukan', 'setujui', 'dinas')).toBe('disetujui');
    expect(targetStatus('diajukan', 'setujui', 'verifikator')).toBe('diverifikasi');
  });

  it('names the buttons after what they do', () => {
    expect(approveLabel('verifikator')).toBe('Verifikasi, teruskan ke Kadis');
    expect(approveLabel('kadis')).toBe('Setujui (pengesahan)');
    expect(approveLabel('dinas')).toBe('Setujui');
    expect(approveAllLabel('verifikator', 2)).toBe('Verifikasi semua (2)');
    expect(approveAllLabel('kadis', 3)).toBe('Setujui semua (3)');
    expect(roleGuidance('dinas')).toContain('satu tingkat');
  });
});

describe('validation results explained', () => {
  it('names the part of the usulan a reason is about', () => {
    expect(fieldLabel('household.members.1.nik')).toBe('Anggota 2 · NIK');
    expect(fieldLabel('household.kkNumber')).toBe('Nomor KK');
    expect(fieldLabel('memberIds.0')).toBe('Anggota yang keluar · ke-1');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
    expect(fieldLabel(undefined)).toBeNull();
    expect(fieldLabel('household')).toBeNull();
  });

  it('says what to check, the most specific rule first', () => {
    expect(adviceFor('nik.birth_date_mismatch')).toContain('Tanggal lahir di NIK');
    expect(adviceFor('nik.birth_day')).toContain('Cocokkan NIK');
    expect(adviceFor('nik.registered_keluar')).toContain('pernah ada di register');
    expect(adviceFor('nik.registered')).toContain('sudah ada di register');
    expect(adviceFor('nik.missing')).toContain('Dukcapil');
    expect(adviceFor('usulan.household_missing')).toContain('tidak ada atau sudah keluar');
    expect(adviceFor('schema.invalid_type')).toContain('kembalikan ke desa');
    expect(adviceFor('something.else')).toBeNull();
  });

  it('explains each reason with its field and advice', () => {
    expect(explain([{ code: 'kk.date', message: 'Tanggal pencatatan pada nomor KK tidak valid', field: 'household.kkNumber' }, { code: 'x', message: 'Lain' }])).toEqual([
      { code: 'kk.date', message: 'Tanggal pencatatan pada nomor KK tidak valid', field: 'Nomor KK', advice: expect.stringContaining('Kartu Keluarga asli') },
      { code: 'x', message: 'Lain', field: null, advice: null },
    ]);
  });
});
