import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Translate } from '../../../web/src/lib/i18n/label-text.js';

/**
 * The portal's messages for tests, read from `id.json`/`en.json` and `staff.*.json`, and a `Translate` that
 * behaves as svelte-i18n's `$_` does in the portal: the message in the language, else in Bahasa
 * Indonesia (the fallback locale), else the default given, else the key itself.
 */
export const WEB = join(import.meta.dirname, '../../../web/src');
export type Lang = 'id' | 'en';

export function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)),
    ),
  );
}

const read = (file: string) => flatten(JSON.parse(readFileSync(join(WEB, 'lib/i18n', file), 'utf8')) as Record<string, unknown>);

/** The messages every page has (bundled with the app, or English loaded when chosen). */
export function mainMessages(lang: Lang): Record<string, string> {
  return read(`${lang}.json`);
}

/** Every message of a language: the main file and the staff pages' file (loaded by their layouts). */
export function messages(lang: Lang): Record<string, string> {
  return { ...read(`${lang}.json`), ...read(`staff.${lang}.json`) };
}

export function translator(lang: Lang): Translate {
  const own = messages(lang);
  const fallback = messages('id');
  return (id, options) => {
    const message = own[id] ?? fallback[id];
    if (message === undefined) return options?.default ?? id;
    return String(new IntlMessageFormat(message, lang).format(options?.values));
  };
}
