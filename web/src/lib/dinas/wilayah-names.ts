import { wilayahChildren, wilayahName, type Wilayah } from '$domain/wilayah-data/names.js';

/**
 * Region names for the Dinas Sosial and admin pages: the domain's labels, plus what these pages
 * list. Only these pages import it statically, so the operator's first page does not carry the table
 * (operator pages use `$lib/places.svelte`, which loads it after the first paint).
 */
export { desaLabel, desaPlace, kabupatenLabel, kecamatanLabel, wilayahChildren, type Wilayah } from '$domain/wilayah-data/names.js';

/** The name of a region, or its code when the table does not know it (outside Bengkulu). */
export function nameOrCode(code: string): string {
  return wilayahName(code) ?? code;
}

/** Every desa/kelurahan of a kabupaten, in code order. */
export function desaOfKabupaten(kabupatenCode: string): Wilayah[] {
  return wilayahChildren(kabupatenCode).flatMap((k) => wilayahChildren(k.code));
}
