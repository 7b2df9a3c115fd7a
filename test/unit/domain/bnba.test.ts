import { describe, expect, it } from 'vitest';
import {
  approvedAt,
  BNBA_COLUMNS,
  buildBnbaRows,
  buildPerubahanRows,
  exportFileName,
  exportKabupaten,
  exportRequestSchema,
  neutraliseFormula,
  PERUBAHAN_COLUMNS,
  perubahanMetaSchema,
  rowValues,
  type NameLookup,
} from '../../../functions/src/domain/index.js';
import { household, member, nikOf } from './factories.js';

const DERATI = '17.02.06.2001';
const TABA_ANYAR = '17.02.06.2002';
const NAMES: Record<string, string> = { [DERATI]: 'Derati', '17.02.06': 'Kota Padang', '17.02': 'Kabupaten Rejang Lebong' };
const names: NameLookup = (code) => NAMES[code] ?? null;
const wib = (local: string) => new Date(`${local}+07:00`);
const ts = (local: string) => ({ toDate: () => wib(local) });

describe('export request', () => {
  it.each([
    [{ kind: 'bnba', scope: { level: 'desa', code: DERATI }, format: 'csv' }],
    [{ kind: 'bnba', scope: { level: 'kabupaten', code: '17.02' }, format: 'xlsx' }],
    [{ kind: 'perubahan', scope: { level: 'kabupaten', code: '17.02' }, format: 'csv', since: '2026-11-01' }],
  ])('accepts %j', (input) => {
    expect(exportRequestSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ kind: 'bnba', scope: { level: 'desa', code: '17.02' }, format: 'csv' }, 'Kode desa/kelurahan tidak valid (PP.KK.CC.DDDD)'],
    [{ kind: 'bnba', scope: { level: 'kabupaten', code: DERATI }, format: 'csv' }, 'Kode kabupaten/kota tidak valid (PP.KK)'],
    [{ kind: 'bnba', scope: { level: 'desa', code: DERATI }, format: 'csv', since: '2026-11-01' }, 'Tanggal "sejak" hanya berlaku untuk ekspor perubahan'],
    [{ kind: 'perubahan', scope: { level: 'desa', code: DERATI }, format: 'csv', since: '2026-13-01' }, 'Tanggal tidak valid (format TTTT-BB-HH)'],
    [{ kind: 'semua', scope: { level: 'desa', code: DERATI }, format: 'csv' }, 'Pilih jenis ekspor: BNBA atau perubahan'],
    [{ kind: 'bnba', scope: { level: 'provinsi', code: '17' }, format: 'csv' }, 'Pilih cakupan: desa/kelurahan atau kabupaten'],
    [{ kind: 'bnba', format: 'csv' }, 'Cakupan ekspor wajib diisi'],
    [{ kind: 'bnba', scope: { level: 'desa', code: DERATI }, format: 'pdf' }, 'Pilih format: CSV atau XLSX'],
  ])('refuses %j in Bahasa Indonesia', (input, message) => {
    const r = exportRequestSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('names the kabupaten and the file', () => {
    const desa = exportRequestSchema.parse({ kind: 'bnba', scope: { level: 'desa', code: DERATI }, format: 'csv' });
    const kab = exportRequestSchema.parse({ kind: 'perubahan', scope: { level: 'kabupaten', code: '17.02' }, format: 'xlsx', since: '2026-11-01' });
    expect(exportKabupaten(desa.scope)).toBe('17.02');
    expect(exportKabupaten(kab.scope)).toBe('17.02');
    expect(exportFileName(desa, wib('2026-11-22T23:30:00'))).toBe('BNBA_17.02.06.2001_2026-11-22.csv');
    expect(exportFileName(kab, wib('2026-11-22T08:00:00'))).toBe('Perubahan_17.02_sejak_2026-11-01_2026-11-22.xlsx');
  });
});

describe('columns', () => {
  it.each([
    ['BNBA', BNBA_COLUMNS],
    ['perubahan', PERUBAHAN_COLUMNS],
  ] as const)('%s: unique keys and headers, each described; NIK and KK are text', (_name, columns) => {
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
    for (const c of columns) expect(c.description.length).toBeGreaterThan(3);
    expect(columns.filter((c) => 'text' in c && c.text).map((c) => c.header)).toEqual(['No. KK', 'NIK']);
  });

  it('BNBA headers, in file order', () => {
    expect(BNBA_COLUMNS.map((c) => c.header)).toEqual([
      'No',
      'ID Keluarga',
      'No. KK',
      'NIK',
      'Nama',
      'Jenis Kelamin',
      'Tanggal Lahir',
      'Hubungan dengan Kepala Keluarga',
      'Alamat',
      'Kode Desa/Kelurahan',
      'Desa/Kelurahan',
      'Kode Kecamatan',
      'Kecamatan',
      'Kode Kabupaten/Kota',
      'Kabupaten/Kota',
      'Desil',
      'Status Keluarga',
      'Program Layak',
      'Verval Terakhir',
      'Keterangan',
    ]);
  });
});

function householdDoc(overrides: Record<string, unknown> = {}) {
  return {
    kkNumber: '1702061203150007',
    address: 'Jl. Merdeka No. 1',
    desaCode: DERATI,
    kecamatanCode: '17.02.06',
    kabupatenCode: '17.02',
    desil: 3,
    status: 'aktif',
    lastVervalAt: ts('2026-11-20T10:00:00'),
    headName: 'Sutrisno',
    eligibility: { SEMBAKO: { eligible: true }, PKH: { eligible: true }, 'PBI-JK': { eligible: false } },
    ...overrides,
  };
}

function memberDoc(householdId: string, overrides: Record<string, unknown> = {}) {
  return {
    householdId,
    nik: nikOf('1984-03-12', 'L'),
    nikMasked: '1702••••••••0001',
    name: 'Sutrisno',
    sex: 'L',
    birthDate: '1984-03-12',
    relationship: 'kepala_keluarga',
    flags: [],
    status: 'aktif',
    desaCode: DERATI,
    kabupatenCode: '17.02',
    ...overrides,
  };
}

describe('BNBA rows', () => {
  const households = [
    { id: 'h2', data: householdDoc({ kkNumber: '1702061203150009' }) },
    { id: 'h1', data: householdDoc() },
    { id: 'h0', data: householdDoc({ desaCode: TABA_ANYAR, desil: null, status: 'beku', eligibility: {}, lastVervalAt: null }) },
    { id: 'hk', data: householdDoc({ status: 'keluar' }) },
    { id: 'bad', data: householdDoc({ desaCode: 'Derati' }) },
  ];
  const members = [
    { id: 'a3', data: memberDoc('h1', { nik: null, name: 'Dimas', sex: 'L', birthDate: '2016-01-30', relationship: 'anak', flags: ['nik.missing'] }) },
    { id: 'a2', data: memberDoc('h1', { nik: nikOf('1988-07-05', 'P'), name: 'Rahmawati', sex: 'P', birthDate: '1988-07-05', relationship: 'istri' }) },
    { id: 'a4', data: memberDoc('h1', { name: 'Adik', birthDate: '2019-02-01', relationship: 'anak', flags: ['nik.invalid', 'lain'] }) },
    { id: 'a1', data: memberDoc('h1') },
    { id: 'a5', data: memberDoc('h1', { name: 'Almarhum', relationship: 'orang_tua', status: 'keluar' }) },
    { id: 'b1', data: memberDoc('h2', { name: 'Kepala Dua' }) },
    { id: 'c1', data: memberDoc('h0', { name: 'Kepala Nol', relationship: 'kerabat_jauh' }) },
    { id: 'k1', data: memberDoc('hk', { name: 'Sudah Keluar' }) },
    { id: 'x1', data: memberDoc('h1', { sex: 'X' }) },
  ];
  const built = buildBnbaRows(households, members, names);

  it('one row per person still in a household of the register, by desa, KK and household, the head first', () => {
    expect(built.rows.map((r) => [r.no, r.idKeluarga, r.nama])).toEqual([
      [1, 'h1', 'Sutrisno'],
      [2, 'h1', 'Rahmawati'],
      [3, 'h1', 'Dimas'],
      [4, 'h1', 'Adik'],
      [5, 'h2', 'Kepala Dua'],
      [6, 'h0', 'Kepala Nol'],
    ]);
    expect(built.sources).toBe(3);
    expect(built.skipped).toEqual(['x1', 'bad']);
  });

  it('the full NIK, the household, its wilayah with names, its programs and last verval', () => {
    expect(built.rows[0]).toEqual({
      no: 1,
      idKeluarga: 'h1',
      noKk: '1702061203150007',
      nik: nikOf('1984-03-12', 'L'),
      nama: 'Sutrisno',
      jenisKelamin: 'L',
      tanggalLahir: '1984-03-12',
      hubungan: 'Kepala keluarga',
      alamat: 'Jl. Merdeka No. 1',
      kodeDesa: DERATI,
      namaDesa: 'Derati',
      kodeKecamatan: '17.02.06',
      namaKecamatan: 'Kota Padang',
      kodeKabupaten: '17.02',
      namaKabupaten: 'Kabupaten Rejang Lebong',
      desil: 3,
      statusKeluarga: 'Aktif',
      programLayak: 'PKH, SEMBAKO',
      vervalTerakhir: '2026-11-20',
      keterangan: null,
    });
    expect(built.rows.map((r) => r.keterangan)).toEqual([null, null, 'NIK belum ada', 'NIK tidak valid; lain', null, null]);
    expect(built.rows[5]).toMatchObject({
      kodeDesa: TABA_ANYAR,
      namaDesa: null,
      desil: null,
      statusKeluarga: 'Data beku',
      programLayak: '',
      vervalTerakhir: null,
      hubungan: 'kerabat_jauh',
    });
  });

  it('a household without member records still has its row', () => {
    const r = buildBnbaRows([{ id: 'h9', data: householdDoc() }], [], names);
    expect(r.rows).toEqual([expect.objectContaining({ no: 1, idKeluarga: 'h9', nik: null, nama: null, keterangan: 'Belum ada data anggota' })]);
  });

  it('cells in column order, empty cells as null', () => {
    expect(rowValues(BNBA_COLUMNS, built.rows[2]!).slice(0, 5)).toEqual([3, 'h1', '1702061203150007', null, 'Dimas']);
  });
});

function usulanDoc(content: object, overrides: Record<string, unknown> = {}) {
  return {
    musyawarahId: 'm1',
    desaCode: DERATI,
    kecamatanCode: '17.02.06',
    kabupatenCode: '17.02',
    status: 'diterapkan',
    decisions: [
      { decision: 'setujui', from: 'diajukan', to: 'diverifikasi', at: ts('2026-11-10T09:00:00') },
      { decision: 'setujui', from: 'diverifikasi', to: 'disetujui', at: ts('2026-11-12T09:00:00') },
    ],
    outcome: { householdId: 'h-new', reasons: [], at: ts('2026-11-12T09:00:05') },
    updatedAt: ts('2026-11-12T09:00:05'),
    ...content,
    ...overrides,
  };
}

const evidence = { documentId: 'uploads/surat.pdf', date: '2026-11-01' };

describe('perubahan rows', () => {
  const baru = { type: 'baru', household: household() };
  const docs = [
    { id: 'u-baru', data: usulanDoc(baru) },
    {
      id: 'u-perbaikan',
      data: usulanDoc(
        { type: 'perbaikan', householdId: 'h1', household: household({ desil: 2 }), note: 'Desil diperbarui' },
        { status: 'disetujui', outcome: null, decisions: [{ to: 'disetujui', at: ts('2026-11-15T10:00:00') }] },
      ),
    },
    {
      id: 'u-keluar',
      data: usulanDoc(
        { type: 'keluar', householdId: 'h2', reason: 'meninggal', memberIds: ['a1'], evidence, note: 'Meninggal dunia' },
        { decisions: [{ to: 'disetujui', at: ts('2026-11-14T10:00:00') }] },
      ),
    },
    {
      id: 'u-pindah-keluar',
      data: usulanDoc(
        { type: 'keluar', householdId: 'h3', reason: 'pindah', memberIds: [], destinationDesaCode: TABA_ANYAR, note: 'Pindah ke desa tetangga' },
        { decisions: [{ to: 'disetujui', at: ts('2026-11-14T11:00:00') }] },
      ),
    },
    {
      id: 'u-reaktivasi',
      data: usulanDoc(
        { type: 'reaktivasi', householdId: 'h4', suratPernyataan: evidence, baKlarifikasi: { ...evidence, signedBy: ['kpm', 'pendamping', 'kadinsos'] } },
        { decisions: [{ to: 'disetujui', at: ts('2026-11-16T10:00:00') }] },
      ),
    },
    {
      id: 'u-pindah',
      data: usulanDoc(
        { type: 'pindah_masuk', householdId: 'h5', fromDesaCode: DERATI, address: 'Jl. Baru 2', kkNumber: '1702061203150099', note: 'Pindah masuk' },
        { desaCode: TABA_ANYAR, decisions: [{ to: 'disetujui', at: ts('2026-11-17T10:00:00') }] },
      ),
    },
    {
      id: 'u-pindah2',
      data: usulanDoc(
        { type: 'pindah_masuk', householdId: 'h6', fromDesaCode: '17.02.07.2001', address: 'Jl. Baru 3', note: 'Pindah masuk' },
        { decisions: [{ to: 'disetujui', at: ts('2026-11-17T11:00:00') }] },
      ),
    },
    { id: 'u-rusak', data: usulanDoc({ type: 'baru', household: { kkNumber: '123' } }, { decisions: [], updatedAt: ts('2026-11-18T10:00:00') }) },
    { id: 'u-lama', data: usulanDoc(baru, { decisions: [{ to: 'disetujui', at: ts('2026-10-01T10:00:00') }] }) },
    { id: 'u-tanpa-waktu', data: usulanDoc(baru, { decisions: [], updatedAt: undefined }) },
    { id: 'u-ditolak', data: usulanDoc(baru, { status: 'ditolak' }) },
  ];

  it('approved usulan since a date, in order of approval: one row per person, or one per usulan', () => {
    const r = buildPerubahanRows(docs, names, '2026-11-01');
    expect(r.rows.map((x) => [x.no, x.idUsulan, x.jenisUsulan, x.nama])).toEqual([
      [1, 'u-baru', 'Usulan baru', 'Sutrisno'],
      [2, 'u-baru', 'Usulan baru', 'Rahmawati'],
      [3, 'u-baru', 'Usulan baru', 'Dimas'],
      [4, 'u-keluar', 'Usulan keluar', null],
      [5, 'u-pindah-keluar', 'Usulan keluar', null],
      [6, 'u-perbaikan', 'Perbaikan data', 'Sutrisno'],
      [7, 'u-perbaikan', 'Perbaikan data', 'Rahmawati'],
      [8, 'u-perbaikan', 'Perbaikan data', 'Dimas'],
      [9, 'u-reaktivasi', 'Reaktivasi', null],
      [10, 'u-pindah', 'Pindah masuk', null],
      [11, 'u-pindah2', 'Pindah masuk', null],
      [12, 'u-rusak', 'Usulan baru', null],
    ]);
    expect(r.sources).toBe(8);
    expect(r.skipped).toEqual(['u-tanpa-waktu', 'u-ditolak']);
  });

  it('each row says when the usulan was approved and applied, where, and what it changes', () => {
    const r = buildPerubahanRows(docs, names);
    const byId = (id: string) => r.rows.filter((x) => x.idUsulan === id);
    expect(byId('u-baru')[0]).toMatchObject({
      statusUsulan: 'Diterapkan ke register',
      tanggalDisetujui: '2026-11-12',
      tanggalDiterapkan: '2026-11-12',
      idKeluarga: 'h-new',
      kodeDesa: DERATI,
      namaDesa: 'Derati',
      kodeKecamatan: '17.02.06',
      namaKecamatan: 'Kota Padang',
      noKk: '1702061203150007',
      hubungan: 'Kepala keluarga',
      alamat: 'Jl. Merdeka No. 1, RT 01 RW 02',
      desil: 3,
      keterangan: null,
    });
    expect(byId('u-baru')[0]!.nik).toMatch(/^\d{16}$/);
    expect(byId('u-baru')[2]).toMatchObject({ nik: null, keterangan: 'NIK belum ada' });
    expect(byId('u-perbaikan')[0]).toMatchObject({ statusUsulan: 'Disetujui', tanggalDiterapkan: null, idKeluarga: 'h1', desil: 2 });
    expect(byId('u-keluar')[0]).toMatchObject({ idKeluarga: 'h-new', keterangan: 'Keluar (1 anggota): Meninggal dunia' });
    expect(byId('u-pindah-keluar')[0]!.keterangan).toBe('Keluar (seluruh keluarga): Pindah domisili; pindah ke desa (17.02.06.2002)');
    expect(byId('u-reaktivasi')[0]!.keterangan).toBe('Reaktivasi kepesertaan (surat pernyataan dan BA klarifikasi)');
    expect(byId('u-pindah')[0]).toMatchObject({
      kodeDesa: TABA_ANYAR,
      namaDesa: null,
      noKk: '1702061203150099',
      alamat: 'Jl. Baru 2',
      keterangan: 'Pindah masuk dari Derati (17.02.06.2001)',
    });
    expect(byId('u-pindah2')[0]).toMatchObject({ noKk: null, keterangan: 'Pindah masuk dari desa (17.02.07.2001)' });
    expect(byId('u-rusak')[0]).toMatchObject({ tanggalDisetujui: '2026-11-18', keterangan: 'Isi usulan tidak dapat dibaca' });
    expect(byId('u-lama')).toHaveLength(3);
  });

  it('an usulan without outcome nor content household id has no household id yet', () => {
    const r = buildPerubahanRows([{ id: 'u', data: usulanDoc(baru, { status: 'disetujui', outcome: null }) }], names);
    expect(r.rows[0]).toMatchObject({ idKeluarga: null, tanggalDiterapkan: null });
  });

  it('approval time: the last decision to disetujui, else the last update', () => {
    const meta = perubahanMetaSchema.parse(
      usulanDoc(baru, {
        decisions: [
          { to: 'disetujui', at: ts('2026-11-01T00:00:00') },
          { to: 'disetujui', at: ts('2026-11-03T00:00:00') },
        ],
      }),
    );
    expect(approvedAt(meta)).toEqual(wib('2026-11-03T00:00:00'));
    expect(approvedAt(perubahanMetaSchema.parse(usulanDoc(baru, { decisions: [] })))).toEqual(wib('2026-11-12T09:00:05'));
  });
});

describe('row order is total: ties broken down to the id', () => {
  it('BNBA: same desa and KK by household id; same rank and birth date by name, then id; unknown relationships last', () => {
    const households = [
      { id: 'hb', data: householdDoc() },
      { id: 'ha', data: householdDoc() },
    ];
    const twin = { relationship: 'anak', birthDate: '2015-05-05' };
    const members = [
      { id: 'm5', data: memberDoc('ha', { name: 'Lain', relationship: 'kerabat_jauh' }) },
      { id: 'm4', data: memberDoc('ha', { ...twin, name: 'Budi' }) },
      { id: 'm3', data: memberDoc('ha', { ...twin, name: 'Budi' }) },
      { id: 'm2', data: memberDoc('ha', { ...twin, name: 'Ani' }) },
      { id: 'm1', data: memberDoc('ha') },
      { id: 'm0', data: memberDoc('hb') },
    ];
    const r = buildBnbaRows(households, members, names);
    expect(r.rows.map((x) => `${x.idKeluarga}:${x.nama}`)).toEqual(['ha:Sutrisno', 'ha:Ani', 'ha:Budi', 'ha:Budi', 'ha:Lain', 'hb:Sutrisno']);
  });

  it('perubahan: same approval time by desa, then usulan id; members of one rank keep their order', () => {
    const at = { decisions: [{ to: 'disetujui', at: ts('2026-11-20T10:00:00') }] };
    const kids = household({
      members: [
        member({ name: 'Kepala' }),
        member({ name: 'Anak Dua', relationship: 'anak', nik: null, birthDate: '2012-01-01' }),
        member({ name: 'Anak Satu', relationship: 'anak', nik: null, birthDate: '2010-01-01' }),
      ],
    });
    const r = buildPerubahanRows(
      [
        { id: 'u2', data: usulanDoc({ type: 'baru', household: kids }, at) },
        { id: 'u1', data: usulanDoc({ type: 'baru', household: kids }, at) },
        { id: 'u0', data: usulanDoc({ type: 'baru', household: kids }, { ...at, desaCode: TABA_ANYAR }) },
      ],
      names,
    );
    expect(r.rows.map((x) => `${x.idUsulan}:${x.nama}`)).toEqual([
      'u1:Kepala',
      'u1:Anak Dua',
      'u1:Anak Satu',
      'u2:Kepala',
      'u2:Anak Dua',
      'u2:Anak Satu',
      'u0:Kepala',
      'u0:Anak Dua',
      'u0:Anak Satu',
    ]);
  });
});

describe('CSV safety', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+62 812', "'+62 812"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['Jl. Merdeka', 'Jl. Merdeka'],
    ['1702061203840001', '1702061203840001'],
    ['', ''],
  ])('%j is written as %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it('members of the factory are valid members (test data sanity)', () => {
    expect(member().nik).toMatch(/^\d{16}$/);
  });
});
