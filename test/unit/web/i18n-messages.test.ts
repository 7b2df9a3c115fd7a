import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '../../../functions/src/domain/index.js';
import { DOMAIN_LABELS } from '../../../web/src/lib/i18n/labels.js';
import { mainMessages, messages, WEB } from './messages.js';

/**
 * The portal's messages: Bahasa Indonesia and English hold the same keys, every message parses as
 * ICU, every key the portal uses exists, and English names every domain label.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const id = messages('id');
const en = messages('en');

describe('portal messages', () => {
  it('Bahasa Indonesia and English have the same keys (English adds only domain labels)', () => {
    expect(Object.keys(id).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in id) && !k.startsWith('label.'))).toEqual([]);
  });

  it('every message is valid ICU and formats with its placeholders', () => {
    for (const [lang, messages] of [
      ['id', id],
      ['en', en],
    ] as const) {
      for (const [key, message] of Object.entries(messages)) {
        const values = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map((m) => [m[1], 1]));
        expect(() => new IntlMessageFormat(message, lang).format(values), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  function keysUsedIn(file: string): string[] {
    const src = readFileSync(file, 'utf8');
    return [
      // $_('key'), t('key'): a message asked for by its key.
      ...[...src.matchAll(/(?:\$_|\bt)\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!),
      // Keys written down to be asked for later: in link lists, maps of keys, a ternary between two keys.
      ...[...src.matchAll(/['"]((?:nav|wizard|role|common|dinas|admin|chart)\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])['"]/g)].map((m) => m[1]!),
    ].filter((key) => key !== 'some.key' && !/\.(js|ts|svelte)$/.test(key));
  }

  it('every key the portal uses exists', () => {
    const missing = sources(WEB).flatMap((file) =>
      keysUsedIn(file)
        .filter((key) => !(key in id))
        .map((key) => `${relative(WEB, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('pages outside the staff areas use only messages that every page has (the staff file loads with the dinas and admin layouts)', () => {
    const STAFF_SOURCES = /^(routes\/dinas|routes\/admin|lib\/dinas|lib\/admin|lib\/components\/charts)\//;
    const main = mainMessages('id');
    const staffOnly = sources(WEB)
      .filter((file) => !STAFF_SOURCES.test(relative(WEB, file)))
      .flatMap((file) =>
        keysUsedIn(file)
          .filter((key) => !(key in main) && key in id)
          .map((key) => `${relative(WEB, file)}: ${key}`),
      );
    expect(staffOnly).toEqual([]);
    // And the operator's download carries none of the staff sections.
    expect(Object.keys(main).filter((k) => /^(dinas|admin|chart)\./.test(k))).toEqual([]);
  });

  it('every role has its label (the pages ask for role.<role>)', () => {
    expect(USER_ROLES.filter((r) => !(`role.${r}` in id) || !(`role.${r}` in en))).toEqual([]);
  });

  it('English translates: no message of the new sections is left in Bahasa Indonesia', () => {
    // Words that are the same in both languages (acronyms, names, placeholders) are allowed.
    const same = Object.keys(id).filter(
      (k) => /^(common|dinas|admin|chart)\./.test(k) && id[k] === en[k] && /\p{L}{4,}/u.test(id[k]!.replace(/\{[^}]*\}/g, '')),
    );
    expect(same.sort()).toEqual(['common.email', 'common.status', 'dinas.export.format']);
  });

  it('English names every value of every domain label', () => {
    const missing = Object.entries(DOMAIN_LABELS).flatMap(([kind, labels]) =>
      Object.keys(labels)
        .filter((v) => !(`label.${kind}.${v}` in en))
        .map((v) => `${kind}.${v}`),
    );
    expect(missing).toEqual([]);
  });
});
