import { reason, type Reason } from './reason.js';

/**
 * Wilayah (administrative region) codes, Kepmendagri form `PP.KK.CC.DDDD`:
 * province, kabupaten (01–69) or kota (71–99), kecamatan, and desa/kelurahan whose first digit
 * says what it is (1 kelurahan, 2 desa, 3 desa adat).
 */
export type DesaKind = 'kelurahan' | 'desa' | 'desa_adat';

export interface DesaCode {
  code: string; // PP.KK.CC.DDDD
  province: string; // PP
  kabupaten: string; // PP.KK
  kecamatan: string; // PP.KK.CC
  kind: DesaKind;
  isKota: boolean;
}

const DESA_CODE = /^(\d{2})\.(\d{2})\.(\d{2})\.(\d{4})$/;
const KABUPATEN_CODE = /^(\d{2})\.(\d{2})$/;

const DESA_KIND: Record<string, DesaKind> = { '1': 'kelurahan', '2': 'desa', '3': 'desa_adat' };

export function isRegencyPartValid(kk: number): boolean {
  return (kk >= 1 && kk <= 69) || (kk >= 71 && kk <= 99);
}

export function parseDesaCode(value: string): { ok: true; value: DesaCode } | { ok: false; reason: Reason } {
  const m = DESA_CODE.exec(value);
  if (!m) {
    return { ok: false, reason: reason('wilayah.format', 'Kode desa/kelurahan harus berbentuk PP.KK.CC.DDDD, contoh 17.02.06.2001') };
  }
  const [, pp, kk, cc, dddd] = m as unknown as [string, string, string, string, string];
  if (Number(pp) < 11) {
    return { ok: false, reason: reason('wilayah.province', 'Kode provinsi tidak dikenal') };
  }
  if (!isRegencyPartValid(Number(kk))) {
    return { ok: false, reason: reason('wilayah.regency', 'Kode kabupaten harus 01–69 atau kode kota 71–99') };
  }
  if (Number(cc) < 1) {
    return { ok: false, reason: reason('wilayah.district', 'Kode kecamatan tidak boleh 00') };
  }
  const kind = DESA_KIND[dddd[0] as string];
  if (!kind || Number(dddd.slice(1)) < 1) {
    return { ok: false, reason: reason('wilayah.village', 'Kode desa/kelurahan harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)') };
  }
  return {
    ok: true,
    value: { code: value, province: pp, kabupaten: `${pp}.${kk}`, kecamatan: `${pp}.${kk}.${cc}`, kind, isKota: Number(kk) >= 71 },
  };
}

export function isKabupatenCode(value: string): boolean {
  const m = KABUPATEN_CODE.exec(value);
  return m !== null && Number(m[1]) >= 11 && isRegencyPartValid(Number(m[2]));
}

/** `17.02.06.2001` → `17.02`; throws on a malformed code (callers validate first). */
export function kabupatenOf(desaCode: string): string {
  const parsed = parseDesaCode(desaCode);
  if (!parsed.ok) throw new Error(`invalid desa code: ${parsed.reason.code}`);
  return parsed.value.kabupaten;
}

export function kecamatanOf(desaCode: string): string {
  const parsed = parseDesaCode(desaCode);
  if (!parsed.ok) throw new Error(`invalid desa code: ${parsed.reason.code}`);
  return parsed.value.kecamatan;
}
