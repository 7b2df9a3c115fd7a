import { addMessages, init, locale } from 'svelte-i18n';
import id from './id.json';

/**
 * The portal's languages: Bahasa Indonesia by default (bundled), English on request (loaded when
 * chosen). Pages write `$_('some.key')` with `import { _ } from 'svelte-i18n'`; messages live in
 * `id.json` and `en.json` (same keys, a unit test checks). Labels of the domain's enums come from
 * the domain itself in Bahasa Indonesia, with English in `en.json` (see `labels.ts`). The domain's
 * reasons (validation results, refusals, a household's status) are stored as a code with params and
 * shown in the chosen language (`reasons.ts`); the messages of the shared validation schemas, the
 * reasons stored with a written-out message before that, the Cloud Functions' error messages and
 * the audit summaries stay in Bahasa Indonesia in both languages: they are the wording the Dinas
 * Sosial and the ministry work with. The official documents the operator prints
 * stay in Bahasa Indonesia too, the berita acara (`operator/musyawarah/berita-acara.ts`) and the village announcement
 * (its page marks the notice `lang="id"`): the village and the district sign and file them; the
 * i18n guard lists them. Modules that compute text take a `Translate` (`label-text.ts`) and pages
 * pass `$_`; dates and numbers go through `$date` and `$number`.
 */
export const LANGUAGES = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'tepat.bahasa';

function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let english: Promise<void> | null = null;
let staffIndonesian: Promise<void> | null = null;
let staffEnglish: Promise<void> | null = null;

function loadEnglish(): Promise<void> {
  english ??= import('./en.json').then((m) => addMessages('en', m.default));
  return staffIndonesian ? Promise.all([english, loadStaffEnglish()]).then(() => undefined) : english;
}

function loadStaffEnglish(): Promise<void> {
  staffEnglish ??= import('./staff.en.json').then((m) => addMessages('en', m.default));
  return staffEnglish;
}

/**
 * The Dinas Sosial's and the admin's pages have their own messages (`staff.id.json`,
 * `staff.en.json`: the `dinas`, `admin` and `chart` sections), loaded by those layouts before they
 * render, so the village operator's phone never downloads them: the operator's first page and the
 * musyawarah form carry only the messages they show.
 */
export function loadStaffMessages(): Promise<void> {
  staffIndonesian ??= import('./staff.id.json').then((m) => addMessages('id', m.default));
  return english ? Promise.all([staffIndonesian, loadStaffEnglish()]).then(() => undefined) : staffIndonesian;
}

/** Called once by the root layout, before anything is rendered. */
export function setupI18n(): Language {
  addMessages('id', id);
  const lang = savedLanguage();
  // Until English has arrived, missing keys fall back to Bahasa Indonesia.
  void init({ fallbackLocale: 'id', initialLocale: 'id', warnOnMissingMessages: false });
  if (lang === 'en') void setLanguage('en');
  return lang;
}

/** Switches the language and remembers the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // No storage: the choice lasts for this visit.
  }
  if (lang === 'en') await loadEnglish();
  await locale.set(lang);
  document.documentElement.lang = lang;
}
