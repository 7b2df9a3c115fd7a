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

export const places = {
  /** "Desa Derati" (the code until the names are loaded). */
  desa(code: string): string {
    load();
    return names ? names.desaLabel(code) : code;
  },
  /** "Desa Derati, Kec. Kota Padang". */
  desaPlace(code: string): string {
    load();
    return names ? names.desaPlace(code) : code;
  },
  /** "Kec. Kota Padang". */
  kecamatan(code: string): string {
    load();
    return names ? names.kecamatanLabel(code) : code;
  },
  /** "Kabupaten Rejang Lebong". */
  kabupaten(code: string): string {
    load();
    return names ? names.kabupatenLabel(code) : code;
  },
  /** "Dinas Sosial Kabupaten Rejang Lebong". */
  dinasSosial(code: string): string {
    load();
    return names ? names.dinasSosialLabel(code) : code;
  },
};
