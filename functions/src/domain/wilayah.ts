import { because, type Reason } from './reason.js';
import { KECAMATAN_CODES, PROVINCE_CODES } from './wilayah-data/codes.generated.js';

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
    return { ok: false, reason: because('wilayah.format', { level: 'desa' }) };
  }
  const [, pp, kk, cc, dddd] = m as unknown as [string, string, string, string, string];
  if (Number(pp) < 11) {
    return { ok: false, reason: because('wilayah.province') };
  }
  if (!isRegencyPartValid(Number(kk))) {
    return { ok: false, reason: because('wilayah.regency') };
  }
  if (Number(cc) < 1) {
    return { ok: false, reason: because('wilayah.district') };
  }
  const kind = DESA_KIND[dddd[0] as string];
  if (!kind || Number(dddd.slice(1)) < 1) {
    return { ok: false, reason: because('wilayah.village') };
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

export const WILAYAH_LEVELS = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export type WilayahLevel = (typeof WILAYAH_LEVELS)[number];

export interface WilayahCode {
  level: WilayahLevel;
  code: string; // dotted: PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD
  province: string;
  kabupaten: string | null;
  kecamatan: string | null;
  desa: string | null;
}

const DOTTED = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const LEVEL_BY_DIGITS: Record<number, WilayahLevel> = { 2: 'provinsi', 4: 'kabupaten', 6: 'kecamatan', 10: 'desa' };

/** `1702062001` or `17.02.06.2001` → `17.02.06.2001`; null if it is neither form of any level. */
export function normaliseWilayahCode(value: string): string | null {
  const trimmed = value.trim();
  if (DOTTED.test(trimmed)) return trimmed;
  if (!/^\d+$/.test(trimmed) || LEVEL_BY_DIGITS[trimmed.length] === undefined) return null;
  return [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4, 6), trimmed.slice(6)].filter((p) => p !== '').join('.');
}

/** Parses a code of any level, dotted or not, and checks its structure (not whether it exists). */
export function parseWilayahCode(value: string): { ok: true; value: WilayahCode } | { ok: false; reason: Reason } {
  const code = normaliseWilayahCode(value);
  if (code === null) {
    return { ok: false, reason: because('wilayah.format') };
  }
  const [pp, kk, cc, dddd] = code.split('.') as [string, string | undefined, string | undefined, string | undefined];
  if (Number(pp) < 11) return { ok: false, reason: because('wilayah.province') };
  if (kk !== undefined && !isRegencyPartValid(Number(kk))) {
    return { ok: false, reason: because('wilayah.regency') };
  }
  if (cc !== undefined && Number(cc) < 1) return { ok: false, reason: because('wilayah.district') };
  if (dddd !== undefined) {
    const desa = parseDesaCode(code);
    if (!desa.ok) return desa;
  }
  const level = WILAYAH_LEVELS[code.split('.').length - 1] as WilayahLevel;
  return {
    ok: true,
    value: {
      level,
      code,
      province: pp,
      kabupaten: kk === undefined ? null : `${pp}.${kk}`,
      kecamatan: cc === undefined ? null : `${pp}.${kk}.${cc}`,
      desa: dddd === undefined ? null : code,
    },
  };
}

/** True when `code` is `scope` or lies inside it: `17.02.06.2001` is within `17.02` and `17`. */
export function isWithin(code: string, scope: string): boolean {
  return code === scope || code.startsWith(`${scope}.`);
}

/** Which province, kabupaten/kota and kecamatan codes exist. */
export interface RegionLookup {
  hasProvince(pp: string): boolean;
  hasKabupaten(ppKk: string): boolean;
  hasKecamatan(ppKkCc: string): boolean;
}

let national: RegionLookup | null = null;

/** Every province, kabupaten/kota and kecamatan in force (Kepmendagri 300.2.2-2138/2025). */
export function nationalRegions(): RegionLookup {
  if (national) return national;
  const provinces = new Set(PROVINCE_CODES.split(' '));
  const kabupaten = new Set<string>();
  const kecamatan = new Set<string>();
  for (const entry of KECAMATAN_CODES.split(' ')) {
    const kab = `${entry.slice(0, 2)}.${entry.slice(2, 4)}`;
    kabupaten.add(kab);
    for (let i = 4; i < entry.length; i += 2) kecamatan.add(`${kab}.${entry.slice(i, i + 2)}`);
  }
  national = { hasProvince: (c) => provinces.has(c), hasKabupaten: (c) => kabupaten.has(c), hasKecamatan: (c) => kecamatan.has(c) };
  return national;
}

/** All kecamatan codes in force, in code order (e.g. to generate test data). */
export function nationalKecamatanCodes(): string[] {
  return KECAMATAN_CODES.split(' ').flatMap((entry) => {
    const kab = `${entry.slice(0, 2)}.${entry.slice(2, 4)}`;
    const out: string[] = [];
    for (let i = 4; i < entry.length; i += 2) out.push(`${kab}.${entry.slice(i, i + 2)}`);
    return out;
  });
}
