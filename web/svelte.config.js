import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A static single-page app served by Firebase Hosting; every unknown path falls back to index.html.
    adapter: adapter({ fallback: 'index.html' }),
    alias: {
      // The shared domain rules live with the functions, so `firebase deploy` of functions/ needs nothing outside it.
      $domain: '../functions/src/domain',
    },
  },
};

export default config;
