// ESLint for the whole repository (`npm run lint`): TypeScript with type information, Svelte
// components, and the few rules of our own layout that a linter states better than a test.
// Formatting is Prettier's job (`npm run format:check`); eslint-config-prettier turns off every
// rule that would disagree with it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import checkFile from 'eslint-plugin-check-file';
import svelte from 'eslint-plugin-svelte';
import svelteParser from 'svelte-eslint-parser';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

const root = import.meta.dirname;

/** What the domain may import: its own files (relative paths) and zod. */
const DOMAIN_ONLY_ZOD = {
  regex: String.raw`^(?!\.{1,2}/|zod$)`,
  message: 'The domain is shared by the functions and the portal: it imports only zod and its own files (no Firebase, no Node built-ins).',
};
/**
 * The portal imports the domain barrel, so whatever a domain file imports ends up in its main
 * bundle. The nationwide desa/kelurahan list (villages) and the Bengkulu names table stay out of it:
 * only their own module reads them, and no domain file imports those modules (the functions and the
 * portal import them explicitly, where they need them).
 */
const VILLAGES_MODULE = {
  regex: String.raw`(^|/)wilayah-data/villages\.js$|^\./villages\.js$`,
  message: 'Only the functions import the desa list, explicitly.',
};
const NAMES_MODULE = {
  regex: String.raw`(^|/)wilayah-data/names\.js$|^\./names\.js$`,
  message: 'The names table is imported explicitly (the portal loads it lazily), never from the domain.',
};
const VILLAGES_TABLE = { regex: String.raw`villages\.generated\.js$`, message: 'The desa list is read through wilayah-data/villages.ts only.' };
const NAMES_TABLE = { regex: String.raw`bengkulu\.generated\.js$`, message: 'The Bengkulu names are read through wilayah-data/names.ts only.' };

const restrictImports = (...patterns) => ['error', { patterns }];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'functions/lib/',
      'web/build/',
      'web/.svelte-kit/',
      'web/.production-check/',
      '.emulators/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'emulator-data/',
      // Generated tables (data, no logic): see wilayah-data/generate.mjs.
      'functions/src/domain/wilayah-data/*.generated.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // One program per tsconfig (the three `npm run typecheck` checks), so the rules see the same types as tsc.
        project: ['functions/tsconfig.json', 'test/tsconfig.json', 'web/tsconfig.json'],
        tsconfigRootDir: root,
        extraFileExtensions: ['.svelte'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names: tsc's noUnusedLocals/noUnusedParameters already report them, with the same `_` convention.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An async function that implements an async interface (a fake clock, a queue that answers at once)
      // need not await; what matters, that its promise is awaited, no-floating-promises and no-misused-promises check.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: globals.browser,
      parser: svelteParser,
      parserOptions: { parser: tseslint.parser, svelteConfig },
    },
    rules: {
      // The portal is served at the root of its Hosting site (no kit.paths.base), so a plain href is the resolved one.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte.ts'],
    rules: {
      // Our state classes replace a Date or a Map whole on each change (a new value in a $state field, or a
      // $derived one), never mutate it; the rule flags every `new Date()` and `new Map()` of an exported class.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte'],
    rules: {
      // In a component the parser does not see every type the compiler does: another component's props (a
      // callback's parameter, `children`) are `any` to it, and an assertion inside a rune ($state, $state.snapshot)
      // looks unnecessary when it is not. svelte-check (`npm run typecheck`) checks those types with the compiler's view.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read Firestore documents back as DocumentData (fields typed `any`) and assert on the values:
      // the assertion is the check, a cast before each `expect` would only hide it.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts, configs and tests.
    files: ['.scripts/**', 'test/**', 'functions/**', '*.config.{js,ts}', 'web/*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // JavaScript files and the service worker are in none of the three tsconfigs (SvelteKit types
    // the worker apart): linted without type information.
    files: ['**/*.{js,mjs}', 'web/src/service-worker.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { project: null } },
  },
  {
    files: ['web/src/service-worker.ts'],
    languageOptions: { globals: globals.serviceworker },
  },

  // ---- Layout rules -------------------------------------------------------------------------
  {
    files: ['functions/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(DOMAIN_ONLY_ZOD, VILLAGES_MODULE, NAMES_MODULE, VILLAGES_TABLE, NAMES_TABLE),
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'The domain loads nothing at run time: import statically (zod or its own files).' },
      ],
    },
  },
  {
    files: ['functions/src/domain/wilayah-data/villages.ts'],
    rules: { 'no-restricted-imports': restrictImports(DOMAIN_ONLY_ZOD, NAMES_MODULE, NAMES_TABLE) },
  },
  {
    files: ['functions/src/domain/wilayah-data/names.ts'],
    rules: { 'no-restricted-imports': restrictImports(DOMAIN_ONLY_ZOD, VILLAGES_MODULE, VILLAGES_TABLE) },
  },
  {
    files: ['web/src/**/*.{ts,svelte}'],
    rules: {
      'no-restricted-imports': restrictImports(
        { regex: String.raw`wilayah-data/villages(\.generated)?\.js$`, message: 'The portal never carries the nationwide desa list (83,762 codes).' },
        {
          regex: String.raw`\.generated\.js$`,
          message: 'Generated tables are read through their module (wilayah-data/names.ts), which the portal loads lazily.',
        },
      ),
    },
  },
  {
    // One file-name case for components (STYLE.md): PascalCase, but for SvelteKit's +page/+layout files.
    files: ['web/src/**/*.svelte'],
    ignores: ['web/src/routes/**/+*.svelte'],
    plugins: { 'check-file': checkFile },
    rules: { 'check-file/filename-naming-convention': ['error', { '**/*.svelte': 'PASCAL_CASE' }, { ignoreMiddleExtensions: true }] },
  },

  prettier,
  svelte.configs.prettier,
);
