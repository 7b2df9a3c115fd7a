import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const DEMO_ACCOUNTS = fileURLToPath(new URL('./src/lib/demo/accounts.ts', import.meta.url));

/**
 * The demo accounts (e-mails, the shared password) belong to the local emulator suite only. In a
 * build for a real project (PUBLIC_USE_EMULATORS is not "true") their module is replaced by an
 * empty one before anything is bundled, so no chunk can carry them, referenced or not
 * (test/unit/web/production-build.test.ts).
 */
function demoAccountsOnEmulatorsOnly(useEmulators: boolean): Plugin {
  return {
    name: 'tepat:demo-accounts-on-emulators-only',
    enforce: 'pre',
    load(id) {
      if (useEmulators || id.split('?')[0] !== DEMO_ACCOUNTS) return null;
      return "export const KABUPATEN = ''; export const DESA = {}; export const DEMO_PASSWORD = ''; export const DEMO_USERS = [];";
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'PUBLIC_');
  return {
    plugins: [demoAccountsOnEmulatorsOnly(env.PUBLIC_USE_EMULATORS === 'true'), sveltekit()],
    server: { fs: { allow: ['..'] } },
  };
});
