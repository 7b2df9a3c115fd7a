import { DESA_CODES } from './villages.generated.js';

/**
 * The full desa/kelurahan list (83,762 codes); names and labels are in ./names.ts. Deliberately
 * NOT re-exported from the domain barrel: import this module explicitly where it is needed, so the
 * portal loads it only on the pages that use it.
 *
 * Data: idn-area-data (© fityannugroho and contributors, ODbL 1.0), Kepmendagri
 * 300.2.2-2138/2025 — see ./README.md.
 */

type Runs = number[]; // pairs: start, end (inclusive)

let byKecamatan: Map<string, Runs> | null = null;

function villageIndex(): Map<string, Runs> {
  if (byKecamatan) return byKecamatan;
  const index = new Map<string, Runs>();
  for (const entry of DESA_CODES.split(' ')) {
    const [kec, runs] = entry.split(':') as [string, string];
    const key = `${kec.slice(0, 2)}.${kec.slice(2, 4)}.${kec.slice(4, 6)}`;
    const flat: number[] = [];
    for (const run of runs.split(',')) {
      const [start, end] = run.split('-');
      flat.push(Number(start), Number(end ?? start));
    }
    index.set(key, flat);
  }
  byKecamatan = index;
  return index;
}

/** True when the desa/kelurahan code (`PP.KK.CC.DDDD`) is in force. */
export function isKnownDesa(code: string): boolean {
  if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return false;
  const runs = villageIndex().get(code.slice(0, 8));
  if (!runs) return false;
  const n = Number(code.slice(9));
  for (let i = 0; i < runs.length; i += 2) {
    if (n >= (runs[i] as number) && n <= (runs[i + 1] as number)) return true;
  }
  return false;
}

/** Every desa/kelurahan code of a kecamatan (`PP.KK.CC`), in code order; empty if it is unknown. */
export function desaCodesIn(kecamatanCode: string): string[] {
  const runs = villageIndex().get(kecamatanCode);
  if (!runs) return [];
  const out: string[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    for (let n = runs[i] as number; n <= (runs[i + 1] as number); n += 1) out.push(`${kecamatanCode}.${String(n).padStart(4, '0')}`);
  }
  return out.sort();
}
