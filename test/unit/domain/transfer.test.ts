import { describe, expect, it } from 'vitest';
import {
  parseTransferLookup,
  reasonText,
  transferCandidates,
  TRANSFER_MAX_MATCHES,
  type Reason,
  type TransferMatch,
} from '../../../functions/src/domain/index.js';

/** The lookup behind a pindah masuk: the number the family carries, checked first; then which households can move. */
const NOW = new Date('2026-11-22T03:00:00Z');
const text = (r: { ok: true } | { ok: false; reason: Reason }, lang: 'id' | 'en' = 'id') => (r.ok ? '' : reasonText(r.reason, lang));
const KK = '1702061203150007';
const NIK = '1702064503880002'; // Kec. 17.02.06, born 5 March 1988, P

describe('parseTransferLookup: the KK number or NIK typed by the operator', () => {
  it('accepts a valid KK number or NIK, dropping the spaces, dots and dashes people type', () => {
    expect(parseTransferLookup({ by: 'kk', number: '1702 0612-0315.0007' }, NOW)).toEqual({ ok: true, value: { by: 'kk', number: KK } });
    expect(parseTransferLookup({ by: 'nik', number: ` ${NIK} ` }, NOW)).toEqual({ ok: true, value: { by: 'nik', number: NIK } });
  });

  it('says what to type when the number is empty, for each kind', () => {
    const kk = parseTransferLookup({ by: 'kk', number: '  ' }, NOW);
    const nik = parseTransferLookup({ by: 'nik', number: '' }, NOW);
    expect(kk).toEqual({ ok: false, reasons: [{ code: 'pindah.lookup_empty', params: { by: 'kk' }, field: 'number' }] });
    expect(nik).toEqual({ ok: false, reasons: [{ code: 'pindah.lookup_empty', params: { by: 'nik' }, field: 'number' }] });
    const texts = (r: typeof kk) => (r.ok ? [] : r.reasons.flatMap((x) => [reasonText(x), reasonText(x, 'en')]));
    expect(texts(kk)).toEqual(['Ketik nomor KK keluarga (16 digit)', "Type the household's KK number (16 digits)"]);
    expect(texts(nik)).toEqual(['Ketik NIK salah satu anggota keluarga (16 digit)', 'Type the NIK of one member of the household (16 digits)']);
  });

  it.each([
    ['kk', '170206120315', 'kk.format'],
    ['kk', '1702063202150007', 'kk.date'],
    ['kk', '1702061203150000', 'kk.serial'],
    ['kk', '0902061203150007', 'kk.region'],
    ['nik', '17020645038800', 'nik.format'],
    ['nik', '1702067503880002', 'nik.birth_day'],
    ['nik', '1702064503880000', 'nik.serial'],
  ] as const)('refuses a %s of %s with the domain rule %s, next to the number field', (by, number, code) => {
    const result = parseTransferLookup({ by, number }, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons.map((r) => r.code)).toContain(code);
      expect(result.reasons.every((r) => r.field === 'number')).toBe(true);
    }
  });

  it('does not stop at a region missing from today’s list: the register holds numbers issued before a split', () => {
    // 17.02.99 is structurally fine but not a kecamatan of Rejang Lebong.
    expect(parseTransferLookup({ by: 'kk', number: '1702991203150007' }, NOW).ok).toBe(true);
    expect(parseTransferLookup({ by: 'nik', number: '1702994503880002' }, NOW).ok).toBe(true);
  });

  it.each([
    ['no kind', { number: KK }, 'by'],
    ['an unknown kind', { by: 'nama', number: KK }, 'by'],
    ['a number that is not text', { by: 'kk', number: 1702061203150007 }, 'number'],
    ['an absurdly long number', { by: 'kk', number: '1'.repeat(41) }, 'number'],
  ])('refuses %s with an Indonesian message on its field', (_case, data, field) => {
    const result = parseTransferLookup(data, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons[0]).toMatchObject({ field });
      expect(result.reasons[0]!.message).toMatch(/[a-z]/);
    }
  });

  it('refuses a payload that is not an object', () => {
    expect(parseTransferLookup(null, NOW).ok).toBe(false);
  });
});

describe('transferCandidates: which matched households can move in, as pindah_masuk is validated and applied', () => {
  const TO = '17.02.11.2003';
  const h = (id: string, desaCode: string, status: TransferMatch['status']): TransferMatch & { headName: string } => ({
    id,
    desaCode,
    status,
    headName: `Kepala ${id}`,
  });

  it('a household of another desa can move, whatever its status but keluar (a frozen or suspended one moves with its status)', () => {
    const found = [h('a', '17.02.06.2001', 'aktif'), h('b', '17.02.06.2002', 'beku'), h('c', '17.02.06.2002', 'ditangguhkan')];
    expect(transferCandidates(found, TO, 'kk')).toEqual({ ok: true, households: found });
  });

  it('only the movable ones are answered when a KK is held by several households; at most a few', () => {
    const found = [h('own', TO, 'aktif'), h('gone', '17.02.06.2001', 'keluar'), h('x', '17.02.06.2001', 'aktif')];
    expect(transferCandidates(found, TO, 'kk')).toEqual({ ok: true, households: [found[2]] });
    const many = Array.from({ length: TRANSFER_MAX_MATCHES + 3 }, (_, i) => h(`m${i}`, '17.02.06.2001', 'aktif'));
    const result = transferCandidates(many, TO, 'kk');
    expect(result.ok && result.households).toHaveLength(TRANSFER_MAX_MATCHES);
  });

  it('a household already in the receiving desa needs no transfer (the code the usulan would fail with)', () => {
    const result = transferCandidates([h('own', TO, 'aktif')], TO, 'nik');
    expect(result).toEqual({ ok: false, reason: { code: 'pindah.same_desa', params: { by: 'nik' }, field: 'number' } });
    expect(text(result)).toContain('sudah terdaftar di desa Anda');
    expect(text(result, 'en')).toContain('already registered in your village');
  });

  it('a household that left the register cannot move: it returns as a new household', () => {
    const result = transferCandidates([h('gone', '17.02.06.2001', 'keluar'), h('gone2', TO, 'keluar')], TO, 'kk');
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ code: 'usulan.household_keluar', params: { by: 'kk' } }) });
    expect(text(result)).toBe('Keluarga ini sudah keluar dari register, sehingga tidak dapat dipindahkan. Usulkan sebagai keluarga baru.');
    expect(text(result, 'en')).toContain('Propose it as a new household');
  });

  it('nothing found: the message says how to search next, by KK or by NIK', () => {
    const kk = transferCandidates([], TO, 'kk');
    const nik = transferCandidates([], TO, 'nik');
    expect(kk).toEqual({ ok: false, reason: expect.objectContaining({ code: 'pindah.not_found', params: { by: 'kk' } }) });
    expect(nik).toEqual({ ok: false, reason: expect.objectContaining({ code: 'pindah.not_found', params: { by: 'nik' } }) });
    expect([text(kk), text(kk, 'en')]).toEqual([expect.stringContaining('cari dengan NIK'), expect.stringContaining('search by the NIK')]);
    expect([text(nik), text(nik, 'en')]).toEqual([expect.stringContaining('cari dengan nomor KK'), expect.stringContaining('search by the KK number')]);
  });
});
