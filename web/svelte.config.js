import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// TEPAT_WEB_OUT builds into another folder, so test/unit/web/production-build.test.ts can build the
// portal as for a real project without touching the emulator build in build/ and .svelte-kit/.
const out = process.env.TEPAT_WEB_OUT;

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A static single-page app served by Firebase Hosting; every unknown path falls back to index.html.
    adapter: adapter({ fallback: 'index.html', ...(out ? { pages: `${out}/build`, assets: `${out}/build` } : {}) }),
    ...(out ? { outDir: `${out}/.svelte-kit` } : {}),
    // Registered by the root layout once the first page is interactive (src/service-worker.ts), so
    // its install does not compete with the first load on a slow connection.
    serviceWorker: { register: false },
    alias: {
      // The shared domain rules live with the functions, so `firebase deploy` of functions/ needs nothing outside it.
      $domain: '../functions/src/domain',
    },
  },
};

export default config;
