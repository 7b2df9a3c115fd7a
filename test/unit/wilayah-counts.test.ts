import { describe, expect, it } from 'vitest';
import { isKnownDesa, desaCodesIn } from '../../functions/src/domain/wilayah-data/villages.js';
import { wilayahChildren, wilayahName } from '../../functions/src/domain/wilayah-data/names.js';
import { nationalKecamatanCodes, parseDesaCode } from '../../functions/src/domain/index.js';

/**
 * The wilayah data the domain carries (idn-area-data 4.0.1, Kepmendagri 300.2.2-2138/2025) against
 * the counts published for Bengkulu and its kabupaten (shared/domain.md, cross-checked with
 * cahyadsn/wilayah; Dinsos Rejang Lebong: 156 desa/kelurahan in 15 kecamatan, seeds 000/001).
 */
function countsOf(code: string): { kecamatan: number; desa: number; kelurahan: number } {
  const kecamatan = code.split('.').length === 1 ? wilayahChildren(code).flatMap((k) => wilayahChildren(k.code)) : wilayahChildren(code);
  const villages = kecamatan.flatMap((k) => wilayahChildren(k.code));
  const kinds = villages.map((v) => {
    const parsed = parseDesaCode(v.code);
    if (!parsed.ok) throw new Error(`malformed code ${v.code}`);
    return parsed.value.kind;
  });
  return {
    kecamatan: kecamatan.length,
    desa: kinds.filter((k) => k === 'desa' || k === 'desa_adat').length,
    kelurahan: kinds.filter((k) => k === 'kelurahan').length,
  };
}

describe('Bengkulu (17) in the wilayah data', () => {
  it('has 9 kabupaten and 1 kota', () => {
    const regencies = wilayahChildren('17');
    expect(regencies.filter((r) => Number(r.code.slice(3)) <= 69).map((r) => r.name)).toEqual([
      'Kabupaten Bengkulu Selatan',
      'Kabupaten Rejang Lebong',
      'Kabupaten Bengkulu Utara',
      'Kabupaten Kaur',
      'Kabupaten Seluma',
      'Kabupaten Mukomuko',
      'Kabupaten Lebong',
      'Kabupaten Kepahiang',
      'Kabupaten Bengkulu Tengah',
    ]);
    expect(regencies.filter((r) => Number(r.code.slice(3)) >= 71)).toEqual([{ code: '17.71', name: 'Kota Bengkulu' }]);
  });

  it('has 129 kecamatan, 1,341 desa and 172 kelurahan', () => {
    expect(countsOf('17')).toEqual({ kecamatan: 129, desa: 1341, kelurahan: 172 });
  });

  it('names and codes agree: the same kecamatan and desa/kelurahan in both tables', () => {
    const named = wilayahChildren('17').flatMap((r) => wilayahChildren(r.code));
    expect(named.map((k) => k.code)).toEqual(nationalKecamatanCodes().filter((c) => c.startsWith('17.')));
    for (const k of named) {
      const villages = wilayahChildren(k.code).map((v) => v.code);
      expect(villages, k.code).toEqual(desaCodesIn(k.code));
      expect(villages.every(isKnownDesa)).toBe(true);
    }
  });
});

describe('kabupaten of Bengkulu', () => {
  it('Rejang Lebong (17.02): 15 kecamatan (06–11, 16–24), 122 desa, 34 kelurahan — 156 in all, as Dinsos Rejang Lebong counts them', () => {
    expect(wilayahName('17.02')).toBe('Kabupaten Rejang Lebong');
    expect(countsOf('17.02')).toEqual({ kecamatan: 15, desa: 122, kelurahan: 34 });
    expect(wilayahChildren('17.02').map((k) => k.code.slice(6))).toEqual([
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
      '24',
    ]);
  });

  it('Kepahiang (17.08) and Mukomuko (17.06), the other districts of the seed articles', () => {
    expect(countsOf('17.08')).toEqual({ kecamatan: 8, desa: 105, kelurahan: 12 });
    expect(countsOf('17.06')).toEqual({ kecamatan: 15, desa: 148, kelurahan: 3 });
  });

  it('the demo desa exist under their names', () => {
    expect(wilayahName('17.02.06')).toBe('Kota Padang');
    expect(wilayahName('17.02.06.2001')).toBe('Derati');
    expect(wilayahName('17.02.11.2003')).toBe('Sambirejo');
    expect(wilayahName('17.02.09.1033')).toBe('Talang Benih');
    expect(wilayahName('17.02.10.2001')).toBe('Air Mundu');
    expect(isKnownDesa('17.02.01.2001')).toBe(false); // does not exist (shared/domain.md)
  });
});
