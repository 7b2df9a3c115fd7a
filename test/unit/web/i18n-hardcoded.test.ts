import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB } from './messages.js';

/**
 * A guard against text written straight into the Dinas Sosial, admin and shared pages: everything a
 * person reads there comes from the messages (`$_('key')`), so it follows the chosen language. A
 * heuristic, not a parser: in the markup, text between tags and the attributes people read
 * (title, placeholder, aria-label, alt, and the text props of our components) must hold no word
 * once the `{...}` expressions are taken out; in the scripts and the pages' `.ts` modules, no
 * string literal may read like a sentence (two words or more). The operator pages have their own
 * history and are not checked here.
 */
const GUARDED_MARKUP = ['routes/dinas', 'routes/admin', 'routes/register', 'routes/+layout.svelte', 'routes/+page.svelte', 'lib/components'];
const GUARDED_MODULES = ['lib/dinas', 'lib/admin', 'lib/components/charts/chart-data.ts', 'lib/usulan-view.ts', 'lib/format.ts', 'lib/form-errors.ts'];

/** Attributes and component props whose value is read (or heard) by people. */
const TEXT_ATTRIBUTES = ['title', 'placeholder', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'alt', 'label', 'description', 'rowHeader'];
/** Words that are the same in every language: the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Tepat']);

function files(path: string, ext: RegExp): string[] {
  const full = join(WEB, path);
  if (!statSync(full).isDirectory()) return ext.test(full) ? [full] : [];
  return readdirSync(full).flatMap((name) => files(join(path, name), ext));
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

const WORD = /\p{L}{2,}/gu;
const hasWords = (text: string) => (text.match(WORD) ?? []).some((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
const readsLikeASentence = (text: string) => /\p{L}{2,}[,.:;]?\s+\p{L}{2,}/u.test(text);

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

/** A message for developers, in the browser's console, is not for the people using the portal. */
const withoutConsoleMessages = (code: string) => code.replace(/console\.\w+\(\s*(['"`])(?:(?!\1).)*\1/g, 'console.log(');

/** What a `.svelte` file shows people without going through the messages. */
function hardCodedInSvelte(source: string): string[] {
  const found: string[] = [];
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => withoutConsoleMessages(m[1]!));
  for (const script of scripts) scanCode(script, 0, (s) => readsLikeASentence(s) && found.push(`script: '${s}'`));
  const markup = source.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const expressionStrings: string[] = [];
  const bare = markupWithoutExpressions(markup, expressionStrings);
  for (const s of expressionStrings) if (readsLikeASentence(s)) found.push(`expression: '${s}'`);
  for (const tag of bare.match(/<[^>]*>/g) ?? []) {
    for (const m of tag.matchAll(/\s([\w:-]+)\s*=\s*(["'])(.*?)\2/g)) {
      if (TEXT_ATTRIBUTES.includes(m[1]!) && hasWords(m[3]!)) found.push(`${m[1]}="${m[3]}"`);
    }
  }
  for (const text of bare.split(/<[^>]*>/)) if (hasWords(text)) found.push(`text: ${text.trim()}`);
  return found;
}

/** Sentences written in a `.ts` module's string literals. */
function hardCodedInModule(source: string): string[] {
  const found: string[] = [];
  scanCode(withoutConsoleMessages(source), 0, (s) => readsLikeASentence(s) && found.push(`'${s}'`));
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
    expect(hardCodedInModule("// Komentar boleh.\nexport const a = t('dinas.x');\nconst b = 'Pilih kecamatan dulu';\nconst c = `Kabupaten ${name}`;")).toEqual(["'Pilih kecamatan dulu'"]);
  });
});

describe('no hard-coded text on the Dinas Sosial, admin and shared pages', () => {
  it('every .svelte file shows words only through the messages', () => {
    const found = GUARDED_MARKUP.flatMap((dir) => files(dir, /\.svelte$/)).flatMap((f) => hardCodedInSvelte(readFileSync(f, 'utf8')).map((x) => `${relative(WEB, f)}: ${x}`));
    expect(found).toEqual([]);
  });

  it('their .ts modules word what they compute through a Translate, not in string literals', () => {
    const found = GUARDED_MODULES.flatMap((dir) => files(dir, /\.ts$/))
      .filter((f) => !f.endsWith('.d.ts'))
      .flatMap((f) => hardCodedInModule(readFileSync(f, 'utf8')).map((x) => `${relative(WEB, f)}: ${x}`));
    expect(found).toEqual([]);
  });
});
