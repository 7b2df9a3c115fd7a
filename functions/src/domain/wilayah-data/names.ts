import { BENGKULU_NAMES } from './bengkulu.generated.js';

/**
 * Names of regions and the labels people read ("Desa Derati, Kec. Kota Padang", "Dinas Sosial
 * Kabupaten Rejang Lebong"), for every page, export and message that shows a place. Names are known
 * for province 17 (Bengkulu) today; elsewhere a label falls back to the code, never to nothing.
 *
 * Not re-exported from the domain barrel (the table is ~46 KB): the portal loads this module on the
 * pages that need it, and the operator pages load it after the first paint.
 *
 * Data: idn-area-data (© fityannugroho and contributors, ODbL 1.0), Kepmendagri 300.2.2-2138/2025 —
 * see ./README.md.
 */
export interface Wilayah {
  code: string;
  name: string;
}

let names: Map<string, string> | null = null;
let children: Map<string, Wilayah[]> | null = null;

function index(): { names: Map<string, string>; children: Map<string, Wilayah[]> } {
  if (names && children) return { names, children };
  const byCode = new Map<string, string>();
  const byParent = new Map<string, Wilayah[]>();
  for (const line of BENGKULU_NAMES.split('\n')) {
    const [code, name] = line.split('\t') as [string, string];
    byCode.set(code, name);
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '';
    const list = byParent.get(parent) ?? [];
    list.push({ code, name });
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  names = byCode;
  children = byParent;
  return { names, children };
}

/**
 * The official name of a region of any level (`17`, `17.02`, `17.02.06`, `17.02.06.2001`), e.g.
 * "Kabupaten Rejang Lebong" or "Derati"; null when the table does not know the code.
 */
export function wilayahName(code: string): string | null {
  return index().names.get(code) ?? null;
}

/** The regions directly under a region, with names, in code order (a kabupaten's kecamatan, a kecamatan's desa). */
export function wilayahChildren(code: string): Wilayah[] {
  return index().children.get(code) ?? [];
}

/** "Desa Derati" or "Kelurahan Talang Benih" (the first digit of the last part is 1 for a kelurahan); the code when unknown. */
export function desaLabel(code: string): string {
  const name = wilayahName(code);
  if (!name) return `Desa/kelurahan ${code}`;
  return `${code.charAt(9) === '1' ? 'Kelurahan' : 'Desa'} ${name}`;
}

/** "Kec. Kota Padang"; the code when unknown. */
export function kecamatanLabel(code: string): string {
  return `Kec. ${wilayahName(code) ?? code}`;
}

/** "Kabupaten Rejang Lebong" or "Kota Bengkulu" (the table carries the kind); the code when unknown. */
export function kabupatenLabel(code: string): string {
  return wilayahName(code) ?? `Kabupaten/kota ${code}`;
}

/** Where a desa is, as a person says it: "Desa Derati, Kec. Kota Padang". */
export function desaPlace(desaCode: string): string {
  return `${desaLabel(desaCode)}, ${kecamatanLabel(desaCode.slice(0, 8))}`;
}

/** The office of a kabupaten: "Dinas Sosial Kabupaten Rejang Lebong". */
export function dinasSosialLabel(kabupatenCode: string): string {
  return `Dinas Sosial ${kabupatenLabel(kabupatenCode)}`;
}
