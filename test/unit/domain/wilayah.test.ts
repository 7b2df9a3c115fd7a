import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isKabupatenCode,
  isWithin,
  kabupatenOf,
  kecamatanOf,
  nationalKecamatanCodes,
  nationalRegions,
  normaliseWilayahCode,
  parseDesaCode,
  parseWilayahCode,
} from '../../../functions/src/domain/index.js';
import { desaCodesIn, isKnownDesa } from '../../../functions/src/domain/wilayah-data/villages.js';
import {
  desaLabel,
  desaPlace,
  dinasSosialLabel,
  kabupatenLabel,
  kecamatanLabel,
  wilayahChildren,
  wilayahName,
} from '../../../functions/src/domain/wilayah-data/names.js';

describe('desa codes PP.KK.CC.DDDD', () => {
  it('parses Derati, Kec. Kota Padang, Rejang Lebong', () => {
    expect(parseDesaCode('17.02.06.2001')).toEqual({
      ok: true,
      value: { code: '17.02.06.2001', province: '17', kabupaten: '17.02', kecamatan: '17.02.06', kind: 'desa', isKota: false },
    });
  });

  it('knows kelurahan (1xxx), desa (2xxx), desa adat (3xxx) and kota (71–99)', () => {
    expect(parseDesaCode('17.71.01.1001').ok && parseDesaCode('17.71.01.1001')).toMatchObject({ value: { kind: 'kelurahan', isKota: true } });
    expect(parseDesaCode('51.01.01.3001')).toMatchObject({ value: { kind: 'desa_adat' } });
  });

  it.each([
    ['17020620', 'wilayah.format'],
    ['17.02.06.201', 'wilayah.format'],
    ['10.02.06.2001', 'wilayah.province'],
    ['17.00.06.2001', 'wilayah.regency'],
    ['17.70.06.2001', 'wilayah.regency'],
    ['17.02.00.2001', 'wilayah.district'],
    ['17.02.06.4001', 'wilayah.village'],
    ['17.02.06.2000', 'wilayah.village'],
  ])('rejects %s (%s)', (code, reasonCode) => {
    const r = parseDesaCode(code);
    expect(!r.ok && r.reason.code).toBe(reasonCode);
  });

  it('kabupatenOf / kecamatanOf, and they throw on a malformed code', () => {
    expect(kabupatenOf('17.02.06.2001')).toBe('17.02');
    expect(kecamatanOf('17.02.06.2001')).toBe('17.02.06');
    expect(() => kabupatenOf('17.02')).toThrow(/wilayah.format/);
    expect(() => kecamatanOf('x')).toThrow(/wilayah.format/);
  });

  it('isKabupatenCode', () => {
    expect(isKabupatenCode('17.02')).toBe(true);
    expect(isKabupatenCode('17.71')).toBe(true);
    expect(isKabupatenCode('17.70')).toBe(false);
    expect(isKabupatenCode('09.01')).toBe(false);
    expect(isKabupatenCode('1702')).toBe(false);
  });
});

describe('codes of any level', () => {
  it('normalises undotted codes and refuses other lengths', () => {
    expect(normaliseWilayahCode('1702062001')).toBe('17.02.06.2001');
    expect(normaliseWilayahCode(' 170206 ')).toBe('17.02.06');
    expect(normaliseWilayahCode('1702')).toBe('17.02');
    expect(normaliseWilayahCode('17')).toBe('17');
    expect(normaliseWilayahCode('17.02.06')).toBe('17.02.06');
    expect(normaliseWilayahCode('170')).toBeNull();
    expect(normaliseWilayahCode('17-02')).toBeNull();
  });

  it('parses each level', () => {
    expect(parseWilayahCode('17')).toEqual({
      ok: true,
      value: { level: 'provinsi', code: '17', province: '17', kabupaten: null, kecamatan: null, desa: null },
    });
    expect(parseWilayahCode('1702')).toMatchObject({ ok: true, value: { level: 'kabupaten', kabupaten: '17.02' } });
    expect(parseWilayahCode('17.02.06')).toMatchObject({ ok: true, value: { level: 'kecamatan', kecamatan: '17.02.06' } });
    expect(parseWilayahCode('1702062001')).toMatchObject({ ok: true, value: { level: 'desa', desa: '17.02.06.2001' } });
  });

  it.each([
    ['170', 'wilayah.format'],
    ['09', 'wilayah.province'],
    ['17.70', 'wilayah.regency'],
    ['17.02.00', 'wilayah.district'],
    ['17.02.06.5001', 'wilayah.village'],
  ])('refuses %s (%s)', (code, reasonCode) => {
    const r = parseWilayahCode(code);
    expect(!r.ok && r.reason.code).toBe(reasonCode);
  });

  it('isWithin', () => {
    expect(isWithin('17.02.06.2001', '17.02')).toBe(true);
    expect(isWithin('17.02.06.2001', '17')).toBe(true);
    expect(isWithin('17.02', '17.02')).toBe(true);
    expect(isWithin('17.20.06.2001', '17.2')).toBe(false);
    expect(isWithin('17.08.01.2001', '17.02')).toBe(false);
  });
});

describe('existence from idn-area-data (Kepmendagri 300.2.2-2138/2025)', () => {
  it('has 38 provinces, 514 kabupaten/kota, 7,285 kecamatan', () => {
    const kec = nationalKecamatanCodes();
    expect(kec).toHaveLength(7285);
    expect(new Set(kec.map((c) => c.slice(0, 5))).size).toBe(514);
    expect(new Set(kec.map((c) => c.slice(0, 2))).size).toBe(38);
  });

  it('Bengkulu: 10 kabupaten/kota, 129 kecamatan; Rejang Lebong 15 kecamatan; Kepahiang is 17.08, Lebong 17.07', () => {
    const kec = nationalKecamatanCodes().filter((c) => c.startsWith('17.'));
    expect(kec).toHaveLength(129);
    expect(new Set(kec.map((c) => c.slice(0, 5)))).toEqual(new Set(['17.01', '17.02', '17.03', '17.04', '17.05', '17.06', '17.07', '17.08', '17.09', '17.71']));
    expect(kec.filter((c) => c.startsWith('17.02.'))).toHaveLength(15);
    expect(wilayahName('17.08')).toBe('Kabupaten Kepahiang');
    expect(wilayahName('17.07')).toBe('Kabupaten Lebong');
    expect(wilayahName('17.06')).toBe('Kabupaten Mukomuko');
  });

  it('Rejang Lebong: 122 desa + 34 kelurahan = 156; Kepahiang 105 + 12; Mukomuko 148 + 3', () => {
    const count = (kab: string, kind: string) =>
      nationalKecamatanCodes()
        .filter((c) => c.startsWith(`${kab}.`))
        .flatMap(desaCodesIn)
        .filter((d) => d[9] === kind).length;
    expect([count('17.02', '2'), count('17.02', '1')]).toEqual([122, 34]);
    expect([count('17.08', '2'), count('17.08', '1')]).toEqual([105, 12]);
    expect([count('17.06', '2'), count('17.06', '1')]).toEqual([148, 3]);
    expect(nationalKecamatanCodes().reduce((n, k) => n + desaCodesIn(k).length, 0)).toBe(83762);
  });

  it('knows real desa and refuses 17.02.01.2001 (no such kecamatan)', () => {
    expect(isKnownDesa('17.02.06.2001')).toBe(true);
    expect(wilayahName('17.02.06.2001')).toBe('Derati');
    expect(isKnownDesa('17.02.06.2004')).toBe(false); // a gap in Kota Padang's numbering
    expect(isKnownDesa('17.02.01.2001')).toBe(false);
    expect(isKnownDesa('1702062001')).toBe(false);
    expect(desaCodesIn('17.02.01')).toEqual([]);
    expect(wilayahName('32.01')).toBeNull();
  });

  it('lists Bengkulu regions under a code with names, in order', () => {
    const kab = wilayahChildren('17');
    expect(kab).toHaveLength(10);
    expect(kab[1]).toEqual({ code: '17.02', name: 'Kabupaten Rejang Lebong' });
    expect(wilayahChildren('17.02').map((k) => k.code)).toEqual(nationalKecamatanCodes().filter((c) => c.startsWith('17.02.')));
    expect(wilayahChildren('17.02.06').map((d) => d.name)).toContain('Derati');
  });

  it('labels places the way people say them: desa or kelurahan by the code, kecamatan, kabupaten, Dinas Sosial', () => {
    expect(desaLabel('17.02.06.2001')).toBe('Desa Derati');
    expect(desaLabel('17.02.09.1033')).toBe('Kelurahan Talang Benih');
    expect(kecamatanLabel('17.02.06')).toBe('Kec. Kota Padang');
    expect(kabupatenLabel('17.02')).toBe('Kabupaten Rejang Lebong');
    expect(kabupatenLabel('17.71')).toBe('Kota Bengkulu');
    expect(desaPlace('17.02.11.2003')).toBe('Desa Sambirejo, Kec. Selupu Rejang');
    expect(dinasSosialLabel('17.02')).toBe('Dinas Sosial Kabupaten Rejang Lebong');
  });

  it('falls back to the code, never to an empty label, where the names table has no entry', () => {
    expect(desaLabel('32.01.01.2001')).toBe('Desa/kelurahan 32.01.01.2001');
    expect(kecamatanLabel('32.01.01')).toBe('Kec. 32.01.01');
    expect(kabupatenLabel('32.01')).toBe('Kabupaten/kota 32.01');
    expect(desaPlace('32.01.01.2001')).toBe('Desa/kelurahan 32.01.01.2001, Kec. 32.01.01');
    expect(wilayahChildren('32.01')).toEqual([]);
  });

  it('the national lookup is built once and answers each level', () => {
    const r = nationalRegions();
    expect(nationalRegions()).toBe(r);
    expect([r.hasProvince('17'), r.hasKabupaten('17.02'), r.hasKecamatan('17.02.06'), r.hasKecamatan('17.02.01')]).toEqual([true, true, true, false]);
  });
});

describe('generated tables are in sync with the installed idn-area-data', () => {
  const csvCodes = (file: string) =>
    readFileSync(join(import.meta.dirname, '../../../node_modules/idn-area-data/data', file), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.slice(0, l.indexOf(',')));

  it('every kecamatan and every desa/kelurahan of the package, and nothing else (else: run wilayah-data/generate.mjs)', () => {
    expect(nationalKecamatanCodes()).toEqual(csvCodes('districts.csv').sort());
    const villages = csvCodes('villages.csv');
    expect(villages.filter((c) => !isKnownDesa(c))).toEqual([]);
    expect(
      nationalKecamatanCodes()
        .flatMap((k) => desaCodesIn(k))
        .sort(),
    ).toEqual(villages.sort());
    const regencies = csvCodes('regencies.csv');
    expect(regencies.every((c) => nationalRegions().hasKabupaten(c))).toBe(true);
    expect(csvCodes('provinces.csv').every((c) => nationalRegions().hasProvince(c))).toBe(true);
  });

  it('the kecamatan code table, which the domain barrel carries into the portal, stays small (< 25 kB)', () => {
    // What the barrel may import (not the desa list, not the names) is a lint rule: eslint.config.js.
    expect(statSync(join(import.meta.dirname, '../../../functions/src/domain/wilayah-data/codes.generated.ts')).size).toBeLessThan(25_000);
  });
});
