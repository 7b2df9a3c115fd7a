import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsulanContent } from '../../../functions/src/domain/index.js';
import {
  announcementRows,
  baRows,
  beritaAcaraDocument,
  beritaAcaraFileName,
  placeLine,
  resultOf,
  signatories,
  type BaUsulan,
  type BeritaAcaraInput,
} from '../../../web/src/lib/operator/musyawarah/berita-acara.js';
import { household, nikOf } from '../domain/factories.js';

/** The berita acara PDF's content and the public announcement: what they say, and never a NIK. */
const baru = (name: string, nik: string): UsulanContent => ({
  type: 'baru',
  household: household({ members: [{ nik, name, sex: 'L', birthDate: '1984-03-12', relationship: 'kepala_keluarga' }] }),
});
const row = (content: UsulanContent, over: Partial<BaUsulan> = {}): BaUsulan => ({
  content,
  status: 'diajukan',
  validation: null,
  decisions: [],
  outcome: null,
  ...over,
});

function input(usulan: BaUsulan[], notes = ''): BeritaAcaraInput {
  return {
    musyawarahId: 'm1',
    meeting: {
      type: 'musdesus',
      date: '2026-11-20',
      place: 'Balai Desa Sambirejo',
      chair: 'Kepala Desa Sambirejo',
      attendees: 41,
      bpdPresent: true,
      poorHouseholdRepresentatives: 9,
      notes,
    },
    status: 'diajukan',
    desaCode: '17.02.11.2003',
    places: { desa: 'Sambirejo', kecamatan: 'Selupu Rejang', kabupaten: 'Kabupaten Rejang Lebong' },
    usulan,
    householdNames: new Map([['hh-1', 'Rahmat']]),
    operator: 'operator@desa.test',
    printedAt: new Date('2026-11-22T03:00:00Z'),
  };
}

const NIK = nikOf('1984-03-12', 'L');
const keluar: UsulanContent = {
  type: 'keluar',
  householdId: 'hh-1',
  reason: 'meninggal',
  memberIds: [],
  note: `Meninggal dunia, NIK ${NIK} sudah tidak aktif`,
};
const pindah: UsulanContent = { type: 'pindah_masuk', householdId: 'hh-9', fromDesaCode: '17.02.06.2001', address: 'Dusun I', note: 'Pindah karena menikah' };

describe('berita acara rows', () => {
  it('names the family of every type and says the result so far, with the reason when it did not pass', () => {
    const rows = baRows(
      input([
        row(baru('Slamet Riyadi', NIK), { validation: { ok: true, errors: [] } }),
        row(keluar, { status: 'tidak_lolos_validasi', validation: { ok: false, errors: [{ code: 'x', message: 'Keluarga ini sudah keluar dari register' }] } }),
        row(pindah, { status: 'ditolak', decisions: [{ to: 'ditolak', note: 'Tidak ada surat pindah' }] }),
        row(baru('Sari', nikOf('1990-01-01', 'P')), { status: 'draft' }),
      ]),
    );
    expect(rows.map((r) => [r.type, r.family, r.result])).toEqual([
      ['Usulan baru', 'Slamet Riyadi', 'Lolos validasi, menunggu keputusan Dinas Sosial'],
      ['Usulan keluar', 'Rahmat', 'Tidak lolos validasi: Keluarga ini sudah keluar dari register'],
      ['Pindah masuk', 'Keluarga pindahan dari Desa Derati (17.02.06.2001)', 'Ditolak: Tidak ada surat pindah'],
      ['Usulan baru', 'Sari', 'Disepakati untuk diusulkan'],
    ]);
    expect(rows[1]!.detail).toContain('Meninggal dunia; seluruh keluarga');
    expect(resultOf(row(pindah, { status: 'diajukan' }))).toBe('Diajukan, sedang divalidasi');
  });

  it('the document carries the meeting, the place, the signature block and the file name', () => {
    const i = input([row(baru('Slamet Riyadi', NIK))]);
    expect(placeLine(i)).toBe('Desa Sambirejo, Kecamatan Selupu Rejang, Kabupaten Rejang Lebong');
    expect(signatories(i).map((s) => s.role)).toEqual(['Pimpinan musyawarah', 'Perwakilan BPD', 'Perwakilan warga miskin', 'Operator desa']);
    const text = JSON.stringify(beritaAcaraDocument(i));
    for (const s of [
      'BERITA ACARA',
      'MUSYAWARAH DESA KHUSUS (MUSDESUS)',
      'Balai Desa Sambirejo',
      '41 orang',
      '9 orang',
      'Hadir',
      '( Kepala Desa Sambirejo )',
      '( operator@desa.test )',
    ])
      expect(text).toContain(s);
    expect(beritaAcaraFileName(i)).toBe('berita-acara-musdesus-1702112003-2026-11-20.pdf');
  });
});

describe('never a NIK', () => {
  it('the BA and the announcement mask NIKs even where people typed them in notes', () => {
    const i = input([row(baru('Slamet Riyadi', NIK)), row(keluar)], `Catatan: ${NIK}`);
    expect(JSON.stringify(beritaAcaraDocument(i))).not.toContain(NIK);
    expect(JSON.stringify(announcementRows(i))).not.toContain(NIK);
  });

  it('property: whatever the names, notes and statuses, the announcement holds no 16-digit number', () => {
    const digits = fc.stringMatching(/^\d{16}$/);
    const status = fc.constantFrom('draft', 'diajukan', 'tidak_lolos_validasi', 'diverifikasi', 'disetujui', 'ditolak', 'diterapkan' as const);
    fc.assert(
      fc.property(digits, fc.string(), status, (nik, note, s) => {
        const rows = announcementRows(
          input([
            row(baru(`Nama ${nik}`, nik), { status: s }),
            row({ ...keluar, note: `${note} ${nik}` }, { status: s, decisions: [{ to: 'ditolak', note: nik }] }),
          ]),
        );
        const text = JSON.stringify(rows);
        return !/(?<!\d)\d{16}(?!\d)/.test(text) && rows.every((r) => r.result.length > 0);
      }),
    );
  });

  it('the announcement speaks plainly to the public', () => {
    const rows = announcementRows(input([row(keluar, { status: 'diterapkan' }), row(baru('Sari', NIK), { status: 'tidak_lolos_validasi' })]));
    expect(rows).toEqual([
      { no: 1, family: 'Rahmat', type: 'Usulan keluar (meninggal dunia)', result: 'Disetujui dan tercatat di DTSEN kabupaten' },
      { no: 2, family: 'Sari', type: 'Usulan baru', result: 'Belum memenuhi syarat, diperbaiki oleh desa' },
    ]);
  });
});
