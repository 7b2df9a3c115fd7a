import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layout rules of eslint.config.js (`npm run lint`), which replace hand-written scans: what the
 * domain may import, what the portal may not carry, one file-name case for components. Each is fed
 * a file it must refuse and one it must accept, so a change to the configuration that silences a
 * rule fails here. Type information is left out: these rules do not need it, and the probe files do
 * not exist on disk.
 */
const root = join(import.meta.dirname, '../..');
const LAYOUT_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'check-file/filename-naming-convention']);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { project: null, projectService: false } } },
  ruleFilter: ({ ruleId }) => LAYOUT_RULES.has(ruleId),
});

// Loading the configuration, the parsers and the plugins takes a few seconds, once.
beforeAll(async () => {
  await eslint.lintText('export {};', { filePath: join(root, 'functions/src/domain/warm-up.ts') });
  await eslint.lintText('<p></p>', { filePath: join(root, 'web/src/lib/components/WarmUp.svelte') });
}, 60_000);

/** The rule ids and the offending import sources (or names) reported for `code` at `path`. */
async function findings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((m) => `${m.ruleId ?? m.message}: ${/^'([^']+)'/.exec(m.message)?.[1] ?? /"([^"]+)"/.exec(m.message)?.[1] ?? ''}`);
}

describe('the domain imports only zod and its own files', () => {
  it('refuses Firebase, Node built-ins and dynamic imports, type imports too', async () => {
    const code = [
      "import { getFirestore } from 'firebase-admin/firestore';",
      "import type { Timestamp } from 'firebase/firestore';",
      "import 'firebase/app';",
      "export { logger } from 'firebase-functions';",
      "import { createHash } from 'node:crypto';",
      "export const x = async () => [getFirestore, createHash, await import('./dates.js')] as unknown as Timestamp;",
    ].join('\n');
    expect(await findings('functions/src/domain/probe.ts', code)).toEqual([
      'no-restricted-imports: firebase-admin/firestore',
      'no-restricted-imports: firebase/firestore',
      'no-restricted-imports: firebase/app',
      'no-restricted-imports: firebase-functions',
      'no-restricted-imports: node:crypto',
      'no-restricted-syntax: ',
    ]);
  });

  it('accepts zod, its own files and the kecamatan code table', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { reason } from './reason.js';",
      "import { KECAMATAN_CODES } from './wilayah-data/codes.generated.js';",
      'export const x = [z, reason, KECAMATAN_CODES];',
    ].join('\n');
    expect(await findings('functions/src/domain/probe.ts', code)).toEqual([]);
  });
});

describe('the desa list and the names table stay out of the domain barrel and the portal', () => {
  it('no domain file imports the villages or names modules, or their tables', async () => {
    const code = [
      "import { desaCodesIn } from './wilayah-data/villages.js';",
      "import { wilayahName } from './wilayah-data/names.js';",
      "import { VILLAGES } from './wilayah-data/villages.generated.js';",
      "import { BENGKULU } from './wilayah-data/bengkulu.generated.js';",
      'export const x = [desaCodesIn, wilayahName, VILLAGES, BENGKULU];',
    ].join('\n');
    expect(await findings('functions/src/domain/probe.ts', code)).toEqual([
      'no-restricted-imports: ./wilayah-data/villages.js',
      'no-restricted-imports: ./wilayah-data/names.js',
      'no-restricted-imports: ./wilayah-data/villages.generated.js',
      'no-restricted-imports: ./wilayah-data/bengkulu.generated.js',
    ]);
  });

  it('each table is read by its own module only: names.ts never reaches the desa list', async () => {
    const villages =
      "import { VILLAGES } from './villages.generated.js';\nimport { BENGKULU } from './bengkulu.generated.js';\nexport const x = [VILLAGES, BENGKULU];";
    expect(await findings('functions/src/domain/wilayah-data/villages.ts', villages)).toEqual(['no-restricted-imports: ./bengkulu.generated.js']);
    const names =
      "import { BENGKULU } from './bengkulu.generated.js';\nimport { desaCodesIn } from './villages.js';\nexport const x = [BENGKULU, desaCodesIn];";
    expect(await findings('functions/src/domain/wilayah-data/names.ts', names)).toEqual(['no-restricted-imports: ./villages.js']);
  });

  it('the portal imports the names module (lazily, or on a route), never the desa list or a table', async () => {
    const code = [
      "import { desaCodesIn } from '$domain/wilayah-data/villages.js';",
      "import { BENGKULU } from '$domain/wilayah-data/bengkulu.generated.js';",
      "import { wilayahName } from '$domain/wilayah-data/names.js';",
      'export const x = [desaCodesIn, BENGKULU, wilayahName];',
    ].join('\n');
    expect(await findings('web/src/lib/probe.ts', code)).toEqual([
      'no-restricted-imports: $domain/wilayah-data/villages.js',
      'no-restricted-imports: $domain/wilayah-data/bengkulu.generated.js',
    ]);
  });

  it('the functions import the desa list explicitly', async () => {
    expect(
      await findings('functions/src/lib/probe.ts', "import { desaCodesIn } from '../domain/wilayah-data/villages.js';\nexport const x = desaCodesIn;"),
    ).toEqual([]);
  });
});

describe('components are named in PascalCase', () => {
  const component = '<script lang="ts">\n  let { n }: { n: number } = $props();\n</script>\n\n<p>{n}</p>\n';

  it('refuses another case in $lib and in a route folder', async () => {
    expect(await findings('web/src/lib/components/field-error.svelte', component)).toEqual(['check-file/filename-naming-convention: field-error.svelte']);
    expect(await findings('web/src/routes/operator/keluarga/stickerForm.svelte', component)).toEqual([
      'check-file/filename-naming-convention: stickerForm.svelte',
    ]);
  });

  it("accepts PascalCase, and SvelteKit's +page and +layout files", async () => {
    expect(await findings('web/src/lib/components/FieldError.svelte', component)).toEqual([]);
    expect(await findings('web/src/routes/operator/+page.svelte', component)).toEqual([]);
    expect(await findings('web/src/routes/admin/+layout.svelte', component)).toEqual([]);
  });
});
