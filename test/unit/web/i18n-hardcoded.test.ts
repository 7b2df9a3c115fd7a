import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB } from './messages.js';

/**
 * A guard against text written straight into the portal: everything a person reads comes from the
 * messages (`$_('key')`), so it follows the chosen language. Every `.svelte` file and `.ts` module
 * under `web/src` is read (the operator, Dinas Sosial, admin and register pages, the shared
 * components and modules), except the files named below, each with its reason. A heuristic, not a
 * parser: in the markup, text between tags and the attributes people read (title, placeholder,
 * aria-label, alt, and the text props of our components) must hold no word, not even a single
 * letter, once the `{...}` expressions are taken out; inside those expressions no string may read
 * like a sentence or start with a capitalised word (the values compared there are lowercase codes);
 * in the scripts and the `.ts` modules, no string literal may read like a sentence (two words or
 * more). Messages for developers (the console, a thrown `Error`, which the pages never show: see
 * `firebaseErrorMessage`) and CSS selectors are not text for people.
 */

/**
 * Official documents, in Bahasa Indonesia whatever language the portal shows: the village and the
 * district read, sign and file them (see `lib/i18n/index.ts`). In a page, only the document
 * itself, the element marked `lang="id"`, is left out; the page around it (links, buttons, errors)
 * is checked. Data in them (names of people and regions, program names) is not text to translate
 * anyway.
 */
const OFFICIAL_DOCUMENTS: Record<string, string> = {
  'routes/operator/musyawarah/[id]/pengumuman/+page.svelte': "the announcement of the musyawarah's result, printed for the village notice board",
  'lib/operator/musyawarah/berita-acara.ts':
    'the berita acara PDF the musyawarah signs and the desa keeps and sends to the Dinas Sosial, and the rows of the announcement',
};

/** Files that hold no text for people to translate. */
const NO_TEXT: Record<string, string> = {
  'lib/i18n': 'the messages themselves, and each language named in that language (Bahasa Indonesia, English) in the language switch',
  'lib/components/charts/chart-setup.ts': "Chart.js defaults: a CSS font stack ('Segoe UI', …), no words",
  'lib/demo/accounts.ts':
    "the demo accounts' Auth display names, data the seed stores with each account (the sign-in list shows the role and place through the messages)",
};

/** Attributes and component props whose value is read (or heard) by people. */
const TEXT_ATTRIBUTES = [
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'description',
  'rowHeader',
];
/** Words that are the same in every language: the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Tepat']);

const notRead = (path: string) =>
  Object.keys(NO_TEXT).some((x) => path === x || path.startsWith(`${x}/`)) || (path.endsWith('.ts') && path in OFFICIAL_DOCUMENTS);

/** The portal's files ending in `ext`, as paths relative to `web/src`, but for those not read. */
function files(ext: string, path = ''): string[] {
  if (notRead(path)) return [];
  if (!statSync(join(WEB, path)).isDirectory()) return path.endsWith(ext) && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(join(WEB, path)).flatMap((name) => files(ext, path ? `${path}/${name}` : name));
}

/**
 * Reads a JavaScript expression or program from `i`, calling `onString` for each string literal
 * (and each static part of a template literal), until an unmatched `}` (returned as its index) or
 * the end. Comments are skipped.
 */
function scanCode(src: string, i: number, onString: (s: string) => void): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) return src.length;
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 1;
      if (i <= 0) return src.length;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') j += 1;
        text += src[j];
        j += 1;
      }
      onString(text);
      i = j;
    } else if (c === '`') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== '`') {
        if (src[j] === '\\') {
          text += src[j + 1] ?? '';
          j += 2;
        } else if (src[j] === '$' && src[j + 1] === '{') {
          onString(text);
          text = '';
          j = scanCode(src, j + 2, onString) + 1;
        } else {
          text += src[j];
          j += 1;
        }
      }
      onString(text);
      i = j;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
    i += 1;
  }
  return i;
}

const LETTERS = /\p{L}+/gu;
const hasLetters = (text: string) => (text.match(LETTERS) ?? []).some((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
const readsLikeASentence = (text: string) => /\p{L}{2,}[,.:;]?\s+\p{L}{2,}/u.test(text);
const startsWithACapitalisedWord = (text: string) => /^\s*\p{Lu}\p{Ll}/u.test(text) && hasLetters(text);

/** The Svelte markup with its `{...}` expressions (and so its blocks) taken out; their strings are collected. */
function markupWithoutExpressions(markup: string, strings: string[]): string {
  let out = '';
  let i = 0;
  while (i < markup.length) {
    if (markup[i] === '{') {
      i = scanCode(markup, i + 1, (s) => strings.push(s)) + 1;
    } else {
      out += markup[i];
      i += 1;
    }
  }
  return out;
}

/**
 * Strings that are not for the people using the portal: messages for developers (in the browser's
 * console, or in an `Error` our code throws: the pages show people `common.error.unknown` instead)
 * and CSS selectors.
 */
const withoutDeveloperStrings = (code: string) => code.replace(/(console\.\w+|new Error|querySelector(?:All)?(?:<\w+>)?)\(\s*(['"`])(?:(?!\2).)*\2/g, '$1(');

/** A page holding an official document, with the document (the element marked `lang="id"`) taken out. */
const withoutOfficialDocument = (source: string) => source.replace(/<(\w+)\b[^>]*\slang="id"[^>]*>[\s\S]*?<\/\1>/g, '');

/** What a `.svelte` file shows people without going through the messages. */
function hardCodedInSvelte(source: string): string[] {
  const found: string[] = [];
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => withoutDeveloperStrings(m[1]!));
  for (const script of scripts) scanCode(script, 0, (s) => readsLikeASentence(s) && found.push(`script: '${s}'`));
  const markup = source
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const expressionStrings: string[] = [];
  const bare = markupWithoutExpressions(markup, expressionStrings);
  for (const s of expressionStrings) if (readsLikeASentence(s) || startsWithACapitalisedWord(s)) found.push(`expression: '${s}'`);
  for (const tag of bare.match(/<[^>]*>/g) ?? []) {
    for (const m of tag.matchAll(/\s([\w:-]+)\s*=\s*(["'])(.*?)\2/g)) {
      if (TEXT_ATTRIBUTES.includes(m[1]!) && hasLetters(m[3]!)) found.push(`${m[1]}="${m[3]}"`);
    }
  }
  for (const text of bare.split(/<[^>]*>/)) if (hasLetters(text)) found.push(`text: ${text.trim()}`);
  return found;
}

/** Sentences written in a `.ts` module's string literals. */
function hardCodedInModule(source: string): string[] {
  const found: string[] = [];
  scanCode(withoutDeveloperStrings(source), 0, (s) => readsLikeASentence(s) && found.push(`'${s}'`));
  return found;
}

describe('the heuristic', () => {
  it('finds text between tags, read attributes and sentences in scripts and expressions', () => {
    const page = `<script lang="ts">
  // A comment in Bahasa Indonesia is fine: bukan teks layar.
  const ok = 'dinas.queue.title';
  const bad = 'Alasan penolakan wajib diisi.';
</script>

<svelte:head><title>{$_('x.pageTitle')} — Tepat</title></svelte:head>
<h1>Musyawarah masuk</h1>
<p>{$_('ok', { values: { n: 1 } })}</p>
<form aria-label="Saring antrean" class="card filters" data-testid="x"><input placeholder={$_('ok')} /></form>
<ChartFigure id="grafik" title="Progres {kecamatan ? 'desa' : 'kecamatan'}" rowHeader={$_('ok')} />
<span>{cond ? 'Sedang divalidasi sistem…' : $_('ok')}</span>
<p>{\`\${n} menunggu\`}</p>
<style>h1 { font-weight: bold; }</style>`;
    expect(hardCodedInSvelte(page)).toEqual([
      "script: 'Alasan penolakan wajib diisi.'",
      "expression: 'Sedang divalidasi sistem…'",
      'aria-label="Saring antrean"',
      'title="Progres "',
      'text: Musyawarah masuk',
    ]);
    expect(hardCodedInSvelte(`<h1>{$_('a')}</h1><button onclick={() => (open = !open)} aria-expanded={open}>{$_('b')}</button>`)).toEqual([]);
    expect(hardCodedInModule("// Komentar boleh.\nexport const a = t('dinas.x');\nconst b = 'Pilih kecamatan dulu';\nconst c = `Kabupaten ${name}`;")).toEqual([
      "'Pilih kecamatan dulu'",
    ]);
  });

  it('finds a single letter between tags and a capitalised word in an expression, not the codes compared there', () => {
    const page = `<th>L/P</th><th>{$_('common.nik')}</th>
<a href="/m/{m.id}" class="badge {m.status === 'draft' ? '' : 'ok'}">{m.type === 'musdesus' ? 'Musdesus' : $_('x')} · {m.desil ?? '—'}</a>
{#if m.sex === 'P'}<span>{$_('y')}</span>{/if}`;
    expect(hardCodedInSvelte(page)).toEqual(["expression: 'Musdesus'", 'text: L/P']);
  });

  it("leaves out developers' messages and CSS selectors, and only the official document of a page", () => {
    const code =
      "if (!uid) throw new Error('signed out');\nconsole.error('query failed', err.code);\ndocument.querySelector<HTMLElement>(`[aria-labelledby=\"u${n}-title\"] :is(input, select, textarea)`)?.focus();";
    expect(hardCodedInModule(code)).toEqual([]);
    const page = `<p><a href="/back">Kembali ke musyawarah</a></p>\n<article class="sheet" lang="id"><h1>PENGUMUMAN</h1><p>Hasil musyawarah</p></article>`;
    expect(hardCodedInSvelte(withoutOfficialDocument(page))).toEqual(['text: Kembali ke musyawarah']);
  });
});

const read = (path: string) => {
  const source = readFileSync(join(WEB, path), 'utf8');
  return path in OFFICIAL_DOCUMENTS ? withoutOfficialDocument(source) : source;
};

describe('no hard-coded text in the portal', () => {
  it('every .svelte file shows words only through the messages', () => {
    const found = files('.svelte').flatMap((f) => hardCodedInSvelte(read(f)).map((x) => `${f}: ${x}`));
    expect(found).toEqual([]);
  });

  it('its .ts modules word what they compute through a Translate, not in string literals', () => {
    const found = files('.ts').flatMap((f) => hardCodedInModule(read(f)).map((x) => `${f}: ${x}`));
    expect(found).toEqual([]);
  });

  it('the operator pages and their modules are read', () => {
    expect(files('.svelte').filter((f) => f.startsWith('routes/operator/') || f.startsWith('lib/operator/')).length).toBeGreaterThan(15);
    expect(files('.ts')).toEqual(
      expect.arrayContaining([
        'lib/live.svelte.ts',
        'lib/sync.svelte.ts',
        'lib/operator/household/view.ts',
        'lib/operator/musyawarah/wizard.ts',
        'lib/operator/usulan/form.ts',
        'lib/operator/usulan/register-lookup.svelte.ts',
      ]),
    );
  });

  it('every exemption names a file that exists, with its reason; an official page marks its document lang="id"', () => {
    for (const [path, reason] of Object.entries({ ...OFFICIAL_DOCUMENTS, ...NO_TEXT })) {
      expect(existsSync(join(WEB, path)), path).toBe(true);
      expect(reason.length, path).toBeGreaterThan(20);
    }
    for (const path of Object.keys(OFFICIAL_DOCUMENTS).filter((p) => p.endsWith('.svelte'))) {
      expect(readFileSync(join(WEB, path), 'utf8'), path).toMatch(/\slang="id"/);
    }
  });
});
