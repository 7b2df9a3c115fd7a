import type * as Names from '$domain/wilayah-data/names.js';

/**
 * Place labels for pages that must stay light (the layout, the operator's pages): the domain's
 * names table (`$domain/wilayah-data/names.js`, ~46 KB) is loaded after the first paint, and until
 * it arrives a label shows the code, so nothing waits for it. The Dinas and admin pages import
 * `$lib/dinas/wilayah-names` directly.
 */
let names = $state<typeof Names | null>(null);
let loading: Promise<void> | null = null;

function load(): void {
  loading ??= import('$domain/wilayah-data/names.js').then(
    (m) => {
      names = m;
    },
    (err: unknown) => {
      loading = null; // offline on a page never cached: try again on the next read
      console.warn('wilayah names not loaded', err);
    },
  );
}

/** A label of the names module, or the code until that module is loaded (the first call loads it). */
function lazy(pick: (m: typeof Names) => (code: string) => string): (code: string) => string {
  return (code) => {
    load();
    return names ? pick(names)(code) : code;
  };
}

export const places = {
  /** "Desa Derati". */
  desa: lazy((m) => m.desaLabel),
  /** "Desa Derati, Kec. Kota Padang". */
  desaPlace: lazy((m) => m.desaPlace),
  /** "Kec. Kota Padang". */
  kecamatan: lazy((m) => m.kecamatanLabel),
  /** "Kabupaten Rejang Lebong". */
  kabupaten: lazy((m) => m.kabupatenLabel),
  /** "Dinas Sosial Kabupaten Rejang Lebong". */
  dinasSosial: lazy((m) => m.dinasSosialLabel),
};
