import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it, vi } from 'vitest';
vi.mock('$domain/index.js', () => import('../../../functions/src/domain/index.js'));
import { DOMAIN_LABELS } from '../../../web/src/lib/i18n/labels.js';

/**
 * The portal's messages: Bahasa Indonesia and English hold the same keys, every message parses as
 * ICU, every `$_('key')` the operator side uses exists, and English names every domain label.
 */
const WEB = join(import.meta.dirname, '../../../web/src');
const load = (lang: string) => JSON.parse(readFileSync(join(WEB, `lib/i18n/${lang}.json`), 'utf8')) as Record<string, unknown>;

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)))),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const id = flatten(load('id'));
const en = flatten(load('en'));

describe('portal messages', () => {
  it('Bahasa Indonesia and English have the same keys (English adds only domain labels)', () => {
    expect(Object.keys(id).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in id) && !k.startsWith('label.'))).toEqual([]);
  });

  it('every message is valid ICU and formats with its placeholders', () => {
    for (const [lang, messages] of [['id', id], ['en', en]] as const) {
      for (const [key, message] of Object.entries(messages)) {
        const values = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map((m) => [m[1], 1]));
        expect(() => new IntlMessageFormat(message, lang).format(values), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  it('every key the operator side, login and layout use exists', () => {
    const files = [...sources(join(WEB, 'routes/operator')), ...sources(join(WEB, 'routes/register')), join(WEB, 'routes/+layout.svelte'), join(WEB, 'routes/+page.svelte'), ...sources(join(WEB, 'lib'))]
      .filter((f) => !/lib\/(dinas|admin)\/|components\/charts\//.test(f));
    const missing: string[] = [];
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\$_\(\s*'([a-zA-Z0-9_.]+)'/g)) if (m[1] !== 'some.key' && !(m[1]! in id)) missing.push(`${relative(WEB, file)}: ${m[1]}`);
      for (const m of src.matchAll(/(?:label|href): '((?:nav|wizard|role)\.[a-zA-Z0-9_.]+)'/g)) if (!(m[1]! in id)) missing.push(`${relative(WEB, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('English names every value of every domain label', () => {
    const missing = Object.entries(DOMAIN_LABELS).flatMap(([kind, labels]) => Object.keys(labels).filter((v) => !(`label.${kind}.${v}` in en)).map((v) => `${kind}.${v}`));
    expect(missing).toEqual([]);
  });
});
