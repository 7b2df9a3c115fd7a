import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  expectedDurationMs,
  fileBytes,
  formatBytes,
  formatDuration,
  progressOf,
  sha256Hex,
  toExportRequest,
  type ExportForm,
  type PastExport,
} from '../../../web/src/lib/dinas/export.js';
import { translator } from './messages.js';

const t = translator('id');
const en = translator('en');
const idNumber = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('id', o).format(n);
const enNumber = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('en', o).format(n);

const form = (overrides: Partial<ExportForm> = {}): ExportForm => ({ kind: 'bnba', scopeLevel: 'kabupaten', kecamatan: '', desa: '', since: '', ...overrides });

describe('the export form, checked with exportRegister’s schema', () => {
  it('a kabupaten BNBA as CSV', () => {
    const { request, errors } = toExportRequest(form({ since: '2026-11-01' }), 'csv', '17.02', t);
    expect({ request, errors }).toEqual({ request: { kind: 'bnba', scope: { level: 'kabupaten', code: '17.02' }, format: 'csv' }, errors: {} });
    // No since key at all: a callable would send an undefined one as null, which the schema refuses.
    expect('since' in request!).toBe(false);
  });

  it('one desa, and approved changes since a day (the date is sent for perubahan only)', () => {
    const desa = form({ scopeLevel: 'desa', kecamatan: '17.02.10', desa: '17.02.10.2001', since: '2026-11-01' });
    expect(toExportRequest(desa, 'xlsx', '17.02', t).request).toEqual({ kind: 'bnba', scope: { level: 'desa', code: '17.02.10.2001' }, format: 'xlsx' });
    expect(toExportRequest({ ...desa, kind: 'perubahan' }, 'csv', '17.02', t).request).toMatchObject({ kind: 'perubahan', since: '2026-11-01' });
  });

  it('says what is missing next to its field', () => {
    expect(toExportRequest(form({ scopeLevel: 'desa' }), 'csv', '17.02', t)).toEqual({
      request: null,
      errors: { kecamatan: ['Pilih kecamatan'], desa: ['Pilih desa/kelurahan'] },
    });
    expect(toExportRequest(form({ scopeLevel: 'desa' }), 'csv', '17.02', en).errors).toEqual({
      kecamatan: ['Choose a subdistrict'],
      desa: ['Choose a village'],
    });
    expect(toExportRequest(form({ kind: 'perubahan', since: '2026-02-30' }), 'csv', '17.02', t).errors).toEqual({
      since: ['Tanggal tidak valid (format TTTT-BB-HH)'],
    });
    expect(toExportRequest(form({ scopeLevel: 'desa', kecamatan: '17.02.10', desa: '17.02.10' }), 'csv', '17.02', t).errors.desa).toEqual([
      'Kode desa/kelurahan tidak valid (PP.KK.CC.DDDD)',
    ]);
  });
});

describe('progress of a long export', () => {
  const past = (kind: PastExport['kind'], level: 'desa' | 'kabupaten', durationMs: number | null, status: PastExport['status'] = 'selesai'): PastExport => ({
    kind,
    scope: { level },
    status,
    durationMs,
  });

  it('expects the median of recent exports of the same kind and scope', () => {
    const history = [
      past('bnba', 'kabupaten', 30_000),
      past('bnba', 'kabupaten', 10_000),
      past('bnba', 'kabupaten', 20_000),
      past('bnba', 'desa', 1_000),
      past('bnba', 'kabupaten', null, 'gagal'),
    ];
    expect(expectedDurationMs(history, 'bnba', 'kabupaten')).toBe(20_000);
    expect(expectedDurationMs([past('perubahan', 'desa', 1_000), past('perubahan', 'desa', 2_000)], 'perubahan', 'desa')).toBe(1_500);
    expect(expectedDurationMs(history, 'perubahan', 'kabupaten')).toBeNull();
  });

  it('never shows done before the file arrives', () => {
    expect(progressOf(5_000, 20_000)).toBe(0.25);
    expect(progressOf(60_000, 20_000)).toBe(0.95);
    expect(progressOf(5_000, null)).toBeNull();
    expect(formatDuration(65_000, t)).toBe('1 menit 5 detik');
    expect(formatDuration(4_400, t)).toBe('4 detik');
    expect(formatBytes(512, idNumber)).toBe('512 B');
    expect(formatBytes(2_560, idNumber)).toBe('2,5 KB');
    expect(formatBytes(3 * 1024 * 1024, idNumber)).toBe('3,0 MB');
    expect(formatDuration(65_000, en)).toBe('1 minute 5 seconds');
    expect(formatDuration(1_000, en)).toBe('1 second');
    expect(formatBytes(2_560, enNumber)).toBe('2.5 KB');
  });
});

describe('the file as saved', () => {
  const csv = Buffer.from('\uFEFFNo,Nama\r\n1,Siti\r\n', 'utf8');

  it('unpacks a gzipped CSV and checks it against the recorded SHA-256', async () => {
    const bytes = await fileBytes({ data: gzipSync(csv).toString('base64'), contentEncoding: 'gzip' });
    expect(Buffer.from(bytes).equals(csv)).toBe(true);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(csv).digest('hex'));
  });

  it('takes an XLSX as it is', async () => {
    const bytes = await fileBytes({ data: csv.toString('base64'), contentEncoding: null });
    expect(Buffer.from(bytes).equals(csv)).toBe(true);
  });
});
