import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Timestamp } from 'firebase-admin/firestore';
import { deleteApp, initializeApp } from 'firebase/app';
import { doc, getDoc } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BNBA_COLUMNS,
  decideHousehold,
  programsInForce,
  eligiblePrograms,
  PERUBAHAN_COLUMNS,
  type EligibilityMember,
  type ExportResponse,
  type HouseholdStatus,
  type Program,
} from '../../functions/src/domain/index.js';
import { loadPrograms } from '../../functions/src/lib/programs.js';
import { adminDb, ensureUser, PROJECT_ID, REGION, seedConfig } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';
import { household, nikFor } from '../support/factories.js';

/**
 * Forwarding to the ministry: the dinas exports the BNBA and the approved changes of a desa or the
 * whole kabupaten as CSV or XLSX. Each file is read back with an independent reader (csv-parse,
 * ExcelJS) and checked cell by cell; every export is recorded; operators, admins and other
 * kabupaten are refused; no NIK reaches the logs. Runs in its own kabupaten (Bengkulu Tengah,
 * 17.09) so the register of other test files does not show up in the files.
 */
const KAB = '17.09';
const TABA_TERUNJAM = '17.09.01.2001';
const TALANG_EMPAT = '17.09.01.2002';
const OTHER_KAB_DESA = '17.05.01.1001'; // Kelurahan Babatan, Kabupaten Seluma
const PASSWORD = 'export-test-pass';
const db = adminDb();

let verifikator: ClientUser;
let kadis: ClientUser;
let operator: ClientUser;
let admin: ClientUser;
let otherVerifikator: ClientUser;

const niks = {
  head: nikFor('1984-03-12', 'L', '170901'),
  wife: nikFor('1988-07-05', 'P', '170901'),
  second: nikFor('1970-10-10', 'L', '170901'),
  talang: nikFor('1975-01-20', 'P', '170901'),
  left: nikFor('1950-05-05', 'L', '170901'),
  keluar: nikFor('1960-06-06', 'L', '170901'),
  otherKabupaten: nikFor('1980-08-08', 'L', '170501'),
};

const CRITERIA: EligibilityMember[] = [
  { birthDate: '1984-03-12', sex: 'L' },
  { birthDate: '1988-07-05', sex: 'P' },
  { birthDate: '2016-01-30', sex: 'L', school: 'sd' },
];
let programs: Program[] = [];

/** Eligibility as the register computes it, so a re-evaluation running meanwhile changes nothing. */
function decided(desil: number | null, status: HouseholdStatus, desaCode: string) {
  return decideHousehold({ desil, status, desaCode, memberCriteria: CRITERIA }, programsInForce(programs, new Date()));
}

function householdDoc(desaCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    kkNumber: '1709011203150001',
    kkHistory: [],
    address: 'Jl. Raya Karang Tinggi RT 01',
    desaCode,
    kecamatanCode: desaCode.slice(0, 8),
    kabupatenCode: desaCode.slice(0, 5),
    desil: 3,
    status: 'aktif',
    statusReason: null,
    headName: 'Sutrisno',
    memberCount: 3,
    memberCriteria: CRITERIA,
    lastVervalAt: Timestamp.fromDate(new Date('2026-11-20T03:00:00Z')),
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'seed',
    createdAt: Timestamp.now(),
    updatedAt: Timestamp.now(),
    ...overrides,
  };
  return { ...doc, eligibility: decided(doc.desil as number | null, doc.status as HouseholdStatus, desaCode) };
}

function memberDoc(householdId: string, desaCode: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    nik: null,
    nikMasked: '—',
    nikHash: null,
    name: 'Anggota',
    sex: 'L',
    birthDate: '2000-01-01',
    relationship: 'anak',
    flags: [],
    status: 'aktif',
    leftReason: null,
    householdId,
    desaCode,
    kabupatenCode: desaCode.slice(0, 5),
    createdAt: Timestamp.now(),
    ...overrides,
  };
}

const wib = (local: string) => Timestamp.fromDate(new Date(`${local}+07:00`));

function usulanDoc(desaCode: string, status: string, approvedOn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const approvedAt = wib(`${approvedOn}T10:00:00`);
  return {
    musyawarahId: 'export-m1',
    desaCode,
    kecamatanCode: desaCode.slice(0, 8),
    kabupatenCode: desaCode.slice(0, 5),
    type: 'baru',
    household: household({ kkNumber: '1709011203150077', address: 'Jl. Usulan 7' }),
    status,
    createdBy: 'op',
    createdAt: approvedAt,
    updatedAt: approvedAt,
    submittedAt: approvedAt,
    validation: null,
    decisions:
      status === 'ditolak' ? [] : [{ decision: 'setujui', from: 'diverifikasi', to: 'disetujui', note: '', by: 'kadis', role: 'kadis', at: approvedAt }],
    outcome: status === 'diterapkan' ? { householdId: 'export-hu', reasons: [], at: approvedAt } : null,
    ...overrides,
  };
}

async function seedRegister(): Promise<void> {
  const batch = db.batch();
  const h1 = db.collection('households').doc('export-h1');
  batch.set(h1, householdDoc(TABA_TERUNJAM));
  batch.set(
    h1.collection('members').doc('a'),
    memberDoc(h1.id, TABA_TERUNJAM, { nik: niks.head, name: 'Sutrisno', birthDate: '1984-03-12', relationship: 'kepala_keluarga' }),
  );
  batch.set(
    h1.collection('members').doc('b'),
    memberDoc(h1.id, TABA_TERUNJAM, { nik: niks.wife, name: 'Rahmawati', sex: 'P', birthDate: '1988-07-05', relationship: 'istri' }),
  );
  batch.set(
    h1.collection('members').doc('c'),
    memberDoc(h1.id, TABA_TERUNJAM, { name: 'Dimas', birthDate: '2016-01-30', school: 'sd', flags: ['nik.missing'] }),
  );
  batch.set(h1.collection('members').doc('d'), memberDoc(h1.id, TABA_TERUNJAM, { nik: niks.left, name: 'Kakek', relationship: 'orang_tua', status: 'keluar' }));
  // Text that a CSV writer must quote, and a name that a spreadsheet would run as a formula.
  const h2 = db.collection('households').doc('export-h2');
  batch.set(
    h2,
    householdDoc(TABA_TERUNJAM, { kkNumber: '1709011203150002', address: 'Jl. "Mawar", Gg. 2\nDusun II', desil: null, status: 'beku', memberCount: 1 }),
  );
  batch.set(
    h2.collection('members').doc('a'),
    memberDoc(h2.id, TABA_TERUNJAM, { nik: niks.second, name: '=HYPERLINK("http://contoh.test")', birthDate: '1970-10-10', relationship: 'kepala_keluarga' }),
  );
  const hk = db.collection('households').doc('export-hk');
  batch.set(hk, householdDoc(TABA_TERUNJAM, { kkNumber: '1709011203150003', status: 'keluar' }));
  batch.set(hk.collection('members').doc('a'), memberDoc(hk.id, TABA_TERUNJAM, { nik: niks.keluar, name: 'Sudah Keluar', relationship: 'kepala_keluarga' }));
  const h3 = db.collection('households').doc('export-h3');
  batch.set(h3, householdDoc(TALANG_EMPAT, { kkNumber: '1709011203150004', memberCount: 1 }));
  batch.set(
    h3.collection('members').doc('a'),
    memberDoc(h3.id, TALANG_EMPAT, { nik: niks.talang, name: 'Wati', sex: 'P', birthDate: '1975-01-20', relationship: 'kepala_keluarga' }),
  );
  const hx = db.collection('households').doc('export-hx');
  batch.set(hx, householdDoc(OTHER_KAB_DESA, { kkNumber: '1705011203150005', memberCount: 1 }));
  batch.set(
    hx.collection('members').doc('a'),
    memberDoc(hx.id, OTHER_KAB_DESA, { nik: niks.otherKabupaten, name: 'Lain Kabupaten', relationship: 'kepala_keluarga' }),
  );

  batch.set(db.collection('usulan').doc('export-u1'), usulanDoc(TABA_TERUNJAM, 'diterapkan', '2026-11-10'));
  const { household: _content, ...keluar } = usulanDoc(TALANG_EMPAT, 'disetujui', '2026-11-15', {
    type: 'keluar',
    householdId: 'export-h3',
    reason: 'meninggal',
    memberIds: [],
    note: 'Meninggal dunia',
  });
  batch.set(db.collection('usulan').doc('export-u2'), keluar);
  batch.set(db.collection('usulan').doc('export-u3'), usulanDoc(TABA_TERUNJAM, 'ditolak', '2026-11-12'));
  batch.set(db.collection('usulan').doc('export-u4'), usulanDoc(TABA_TERUNJAM, 'diterapkan', '2026-09-01'));
  await batch.commit();
}

function callExport(user: { functions: Functions }, data: Record<string, unknown>) {
  return httpsCallable<Record<string, unknown>, ExportResponse>(user.functions, 'exportRegister', { timeout: 120_000 })(data);
}

/** The file as the portal saves it: base64 decoded, gunzipped when the response says so. */
function fileOf(r: ExportResponse): Buffer {
  const bytes = Buffer.from(r.data, 'base64');
  return r.contentEncoding === 'gzip' ? gunzipSync(bytes) : bytes;
}

function parseCsv(file: Buffer): string[][] {
  expect([...file.subarray(0, 3)], 'UTF-8 byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
  return parse(file.toString('utf8'), { bom: true, relax_column_count: false });
}

async function sheetRows(file: Buffer, name: string): Promise<{ rows: (string | number | null)[][]; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet(name);
  expect(sheet, `sheet ${name}`).toBeDefined();
  const rows: (string | number | null)[][] = [];
  sheet!.eachRow({ includeEmpty: false }, (row) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet!.columnCount; c += 1) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : (v as string | number));
    }
    rows.push(values);
  });
  return { rows, sheet: sheet! };
}

beforeAll(async () => {
  await seedConfig(KAB);
  programs = await loadPrograms();
  await ensureUser('export.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KAB });
  await ensureUser('export.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KAB });
  await ensureUser('export.operator@tepat.test', PASSWORD, { role: 'operator', kabupaten: KAB, kecamatan: '17.09.01', desa: TABA_TERUNJAM });
  await ensureUser('export.admin@tepat.test', PASSWORD, { role: 'admin', kabupaten: KAB });
  await ensureUser('export.verifikator.rl@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: '17.02' });
  [verifikator, kadis, operator, admin, otherVerifikator] = await Promise.all([
    signInClient('export.verifikator@tepat.test', PASSWORD),
    signInClient('export.kadis@tepat.test', PASSWORD),
    signInClient('export.operator@tepat.test', PASSWORD),
    signInClient('export.admin@tepat.test', PASSWORD),
    signInClient('export.verifikator.rl@tepat.test', PASSWORD),
  ]);
  await seedRegister();
});

afterAll(async () => {
  await Promise.all([verifikator, kadis, operator, admin, otherVerifikator].map((u) => u?.close()));
});

describe('BNBA', () => {
  it('CSV of one desa: every person still in the register, full NIK, RFC 4180, recorded', async () => {
    const { data: r } = await callExport(verifikator, { kind: 'bnba', scope: { level: 'desa', code: TABA_TERUNJAM }, format: 'csv' });
    expect(r).toMatchObject({ contentType: 'text/csv; charset=utf-8', contentEncoding: 'gzip', rowCount: 4, sourceCount: 2 });
    expect(r.fileName).toMatch(/^BNBA_17\.09\.01\.2001_\d{4}-\d{2}-\d{2}\.csv$/);
    const file = fileOf(r);
    expect(file.length).toBe(r.byteSize);
    expect(createHash('sha256').update(file).digest('hex')).toBe(r.sha256);
    expect(file.toString('utf8')).toContain('\r\n');

    const [header, ...rows] = parseCsv(file);
    expect(header).toEqual(BNBA_COLUMNS.map((c) => c.header));
    const at = (name: string) => BNBA_COLUMNS.findIndex((c) => c.header === name);
    expect(rows.map((row) => [row[at('No')], row[at('ID Keluarga')], row[at('NIK')], row[at('Nama')]])).toEqual([
      ['1', 'export-h1', niks.head, 'Sutrisno'],
      ['2', 'export-h1', niks.wife, 'Rahmawati'],
      ['3', 'export-h1', '', 'Dimas'],
      ['4', 'export-h2', niks.second, '\'=HYPERLINK("http://contoh.test")'],
    ]);
    expect(rows[0]).toEqual([
      '1',
      'export-h1',
      '1709011203150001',
      niks.head,
      'Sutrisno',
      'L',
      '1984-03-12',
      'Kepala keluarga',
      'Jl. Raya Karang Tinggi RT 01',
      TABA_TERUNJAM,
      'Taba Terunjam',
      '17.09.01',
      'Karang Tinggi',
      KAB,
      'Kabupaten Bengkulu Tengah',
      '3',
      'Aktif',
      eligiblePrograms(decided(3, 'aktif', TABA_TERUNJAM)).join(', '),
      '2026-11-20',
      '',
    ]);
    // Desil 3 with a child at school: PKH and the desil 1–5 programs.
    expect(rows[0]![at('Program Layak')]).toContain('PKH');
    expect(rows[0]![at('Program Layak')]).toContain('SEMBAKO');
    expect(rows[2]![at('Keterangan')]).toBe('NIK belum ada');
    expect(rows[3]![at('Alamat')]).toBe('Jl. "Mawar", Gg. 2\nDusun II');
    expect(rows[3]!.slice(at('Desil'), at('Program Layak') + 1)).toEqual(['', 'Data beku', '']);

    const record = (await getDoc(doc(verifikator.db, 'exports', r.exportId))).data()!;
    expect(record).toMatchObject({
      kind: 'bnba',
      format: 'csv',
      scope: { level: 'desa', code: TABA_TERUNJAM },
      since: null,
      kabupatenCode: KAB,
      desaCode: TABA_TERUNJAM,
      requestedBy: verifikator.uid,
      requestedByRole: 'verifikator',
      status: 'selesai',
      rowCount: 4,
      sourceCount: 2,
      fileName: r.fileName,
      byteSize: r.byteSize,
      sha256: r.sha256,
      delivery: 'respons',
      error: null,
    });
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    const audit = await db.collection('auditLog').where('target.id', '==', r.exportId).get();
    expect(audit.docs.map((a) => a.data())).toEqual([
      expect.objectContaining({ action: 'ekspor.bnba', actorUid: verifikator.uid, actorRole: 'verifikator', kabupatenCode: KAB, desaCode: TABA_TERUNJAM }),
    ]);
    expect(JSON.stringify(audit.docs[0]!.data())).not.toMatch(/\d{16}/);
  });

  it('XLSX of the whole kabupaten: NIK and KK as text, a frozen header, a sheet that explains every column', async () => {
    const { data: r } = await callExport(kadis, { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'xlsx' });
    expect(r).toMatchObject({ contentEncoding: null, rowCount: 5, sourceCount: 3 });
    expect(r.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = fileOf(r);
    expect(createHash('sha256').update(file).digest('hex')).toBe(r.sha256);
    const { rows, sheet } = await sheetRows(file, 'BNBA');
    expect(rows[0]).toEqual(BNBA_COLUMNS.map((c) => c.header));
    const nik = BNBA_COLUMNS.findIndex((c) => c.key === 'nik');
    expect(rows.slice(1).map((row) => [row[1], row[nik], row[4]])).toEqual([
      ['export-h1', niks.head, 'Sutrisno'],
      ['export-h1', niks.wife, 'Rahmawati'],
      ['export-h1', null, 'Dimas'],
      ['export-h2', niks.second, '=HYPERLINK("http://contoh.test")'],
      ['export-h3', niks.talang, 'Wati'],
    ]);
    // A NIK is a string cell (never the number 1.7E+15), in a text-formatted column; the formula-like name is text too.
    expect(sheet.getRow(2).getCell(nik + 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(nik + 1).numFmt).toBe('@');
    expect(sheet.getRow(5).getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(JSON.stringify(rows)).not.toContain(niks.otherKabupaten);
    expect(JSON.stringify(rows)).not.toContain(niks.keluar);

    const about = await sheetRows(file, 'Keterangan');
    const lines = Object.fromEntries(about.rows.map((row) => [row[0], row[1]]));
    expect(lines).toMatchObject({
      'Jenis ekspor': 'BNBA (by name by address)',
      'Jumlah baris': '5',
      'ID ekspor': r.exportId,
      NIK: BNBA_COLUMNS[3].description,
    });
    expect(lines.Wilayah).toBe('Kabupaten Bengkulu Tengah (17.09)');
    expect((await db.collection('exports').doc(r.exportId).get()).data()).toMatchObject({
      requestedBy: kadis.uid,
      requestedByRole: 'kadis',
      status: 'selesai',
      rowCount: 5,
    });
  });
});

describe('approved changes (perubahan)', () => {
  it('CSV of the kabupaten since a date: approved and applied usulan only, in order of approval', async () => {
    const { data: r } = await callExport(verifikator, { kind: 'perubahan', scope: { level: 'kabupaten', code: KAB }, format: 'csv', since: '2026-11-01' });
    expect(r.fileName).toMatch(/^Perubahan_17\.09_sejak_2026-11-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(fileOf(r));
    expect(header).toEqual(PERUBAHAN_COLUMNS.map((c) => c.header));
    const at = (name: string) => PERUBAHAN_COLUMNS.findIndex((c) => c.header === name);
    expect(rows.map((row) => [row[at('ID Usulan')], row[at('Jenis Usulan')], row[at('Status Usulan')], row[at('Tanggal Disetujui')], row[at('Nama')]])).toEqual(
      [
        ['export-u1', 'Usulan baru', 'Diterapkan ke register', '2026-11-10', 'Sutrisno'],
        ['export-u1', 'Usulan baru', 'Diterapkan ke register', '2026-11-10', 'Rahmawati'],
        ['export-u1', 'Usulan baru', 'Diterapkan ke register', '2026-11-10', 'Dimas'],
        ['export-u2', 'Usulan keluar', 'Disetujui', '2026-11-15', ''],
      ],
    );
    expect(rows[0]![at('NIK')]).toMatch(/^\d{16}$/);
    expect(rows[0]).toEqual(expect.arrayContaining(['export-hu', '2026-11-10', TABA_TERUNJAM, 'Taba Terunjam', '1709011203150077', 'Jl. Usulan 7']));
    expect(rows[3]!.slice(at('ID Keluarga'), at('ID Keluarga') + 3)).toEqual(['export-h3', TALANG_EMPAT, 'Talang Empat']);
    expect(rows[3]![at('Keterangan')]).toBe('Keluar (seluruh keluarga): Meninggal dunia');
    expect(r).toMatchObject({ rowCount: 4, sourceCount: 2 });
  });

  it('XLSX of one desa, everything approved', async () => {
    const { data: r } = await callExport(kadis, { kind: 'perubahan', scope: { level: 'desa', code: TABA_TERUNJAM }, format: 'xlsx' });
    const { rows } = await sheetRows(fileOf(r), 'Perubahan');
    expect(rows[0]).toEqual(PERUBAHAN_COLUMNS.map((c) => c.header));
    expect(rows.slice(1).map((row) => [row[1], row[4]])).toEqual([
      ['export-u4', '2026-09-01'],
      ['export-u4', '2026-09-01'],
      ['export-u4', '2026-09-01'],
      ['export-u1', '2026-11-10'],
      ['export-u1', '2026-11-10'],
      ['export-u1', '2026-11-10'],
    ]);
    expect(r).toMatchObject({ rowCount: 6, sourceCount: 2 });
    const about = Object.fromEntries((await sheetRows(fileOf(r), 'Keterangan')).rows.map((row) => [row[0], row[1]]));
    expect(about).toMatchObject({ 'Jenis ekspor': 'Perubahan yang disetujui', Wilayah: 'Desa/kelurahan Taba Terunjam (17.09.01.2001)', 'Jumlah baris': '6' });
  });
});

describe('who may export', () => {
  it.each([
    [
      'operator of a desa of the kabupaten',
      () => operator,
      { kind: 'bnba', scope: { level: 'desa', code: TABA_TERUNJAM }, format: 'csv' },
      'functions/permission-denied',
    ],
    [
      'admin of the kabupaten (manages users, reads no personal data)',
      () => admin,
      { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'csv' },
      'functions/permission-denied',
    ],
    [
      'verifikator of another kabupaten',
      () => otherVerifikator,
      { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'xlsx' },
      'functions/permission-denied',
    ],
    [
      'verifikator, for a desa of another kabupaten',
      () => verifikator,
      { kind: 'bnba', scope: { level: 'desa', code: OTHER_KAB_DESA }, format: 'csv' },
      'functions/permission-denied',
    ],
    [
      'verifikator, with a malformed request',
      () => verifikator,
      { kind: 'bnba', scope: { level: 'desa', code: '17.09' }, format: 'csv' },
      'functions/invalid-argument',
    ],
    [
      'verifikator, with an unknown format',
      () => verifikator,
      { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'pdf' },
      'functions/invalid-argument',
    ],
  ] as const)('%s: refused, nothing recorded', async (_who, user, data, code) => {
    const before = (await db.collection('exports').get()).size;
    await expect(callExport(user(), data)).rejects.toMatchObject({ code });
    expect((await db.collection('exports').get()).size).toBe(before);
  });

  it('refusals explain themselves in Bahasa Indonesia', async () => {
    await expect(callExport(operator, { kind: 'bnba', scope: { level: 'desa', code: TABA_TERUNJAM }, format: 'csv' })).rejects.toThrow(
      'Hanya verifikator atau kepala Dinas Sosial yang dapat mengekspor data untuk Kemensos.',
    );
    await expect(callExport(otherVerifikator, { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'csv' })).rejects.toThrow(
      'Wilayah itu tidak berada di kabupaten Anda.',
    );
    await expect(callExport(verifikator, { kind: 'bnba', scope: { level: 'desa', code: '17.09' }, format: 'csv' })).rejects.toThrow(
      'Kode desa/kelurahan tidak valid (PP.KK.CC.DDDD)',
    );
  });

  it('signed out: refused', async () => {
    const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-api-key' }, 'export-signed-out');
    const functions = getFunctions(app, REGION);
    connectFunctionsEmulator(functions, '127.0.0.1', 5001);
    await expect(callExport({ functions }, { kind: 'bnba', scope: { level: 'kabupaten', code: KAB }, format: 'csv' })).rejects.toMatchObject({
      code: 'functions/unauthenticated',
    });
    await deleteApp(app);
  });

  it('an operator cannot read the export records', async () => {
    const any = (await db.collection('exports').where('kabupatenCode', '==', KAB).limit(1).get()).docs[0]!;
    await expect(getDoc(doc(operator.db, 'exports', any.id))).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await getDoc(doc(admin.db, 'exports', any.id))).exists()).toBe(true);
  });
});

describe('personal data', () => {
  it('the files carry full NIKs; the logs never do (UU PDP 27/2022)', async () => {
    const logPath = process.env.TEPAT_EMULATOR_LOG;
    expect(logPath, 'run through .scripts/emulators.mjs, which keeps the emulator log').toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const log = readFileSync(logPath!, 'utf8');
    expect(log).toContain('register exported');
    for (const nik of Object.values(niks)) expect(log.includes(nik), 'a NIK of this test appears in the emulator log').toBe(false);
  });
});
