// Relative imports (not `$domain`) so the unit tests, which run in Node without SvelteKit's
// aliases, can load this module as it is.
import { BENGKULU_NAMES } from '../../../../functions/src/domain/wilayah-data/bengkulu.generated.js';

/**
 * Names of Bengkulu's kecamatan and desa/kelurahan for the Dinas Sosial and admin pages (Kepmendagri
 * 300.2.2-2138/2025, via idn-area-data, ODbL). Only these pages import it, so the operator's first
 * page does not carry the table.
 */
export interface Wilayah {
  code: string;
  name: string;
}

let names: Map<string, string> | null = null;
let children: Map<string, Wilayah[]> | null = null;

function index(): { names: Map<string, string>; children: Map<string, Wilayah[]> } {
  if (names && children) return { names, children };
  names = new Map();
  children = new Map();
  for (const line of BENGKULU_NAMES.split('\n')) {
    const [code, name] = line.split('\t') as [string, string];
    names.set(code, name);
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '';
    const list = children.get(parent) ?? [];
    list.push({ code, name });
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { names, children };
}

/** The name of a region, or its code when the table does not know it (outside Bengkulu). */
export function wilayahName(code: string): string {
  return index().names.get(code) ?? code;
}

/** The regions directly under a region, in code order (a kabupaten's kecamatan, a kecamatan's desa). */
export function wilayahChildren(code: string): Wilayah[] {
  return index().children.get(code) ?? [];
}

/** Every desa/kelurahan of a kabupaten, in code order. */
export function desaOfKabupaten(kabupatenCode: string): Wilayah[] {
  return wilayahChildren(kabupatenCode).flatMap((k) => wilayahChildren(k.code));
}

/** "Desa Derati", "Kelurahan Talang Benih": the first digit of the last part is 1 for a kelurahan. */
export function desaLabel(code: string): string {
  const kind = code.charAt(9) === '1' ? 'Kelurahan' : 'Desa';
  return `${kind} ${wilayahName(code)}`;
}

export function kecamatanLabel(code: string): string {
  return `Kec. ${wilayahName(code)}`;
}
