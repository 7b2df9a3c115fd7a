import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The domain module is shared by the portal and the functions, so it must stay pure: no Firebase,
 * no Node built-ins, nothing but zod and its own files.
 */
const domainDir = join(import.meta.dirname, '../../functions/src/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function disallowedImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? '';
    const allowed = spec.startsWith('./') || spec.startsWith('../') || spec === 'zod';
    if (!allowed) found.push(spec);
  }
  return found;
}

describe('domain module boundary', () => {
  it('finds the domain sources', () => {
    expect(sourceFiles(domainDir).length).toBeGreaterThan(5);
  });

  it.each(sourceFiles(domainDir).map((f) => [relative(domainDir, f), f]))('%s imports only zod and domain files', (_name, file) => {
    expect(disallowedImports(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the check itself catches Firebase and Node imports', () => {
    const offending = [
      "import { getFirestore } from 'firebase-admin/firestore';",
      "import type { Timestamp } from 'firebase/firestore';",
      "export { logger } from 'firebase-functions';",
      "import 'firebase/app';",
      "const x = await import('node:crypto');",
    ].join('\n');
    expect(disallowedImports(offending)).toEqual(['firebase-admin/firestore', 'firebase/firestore', 'firebase-functions', 'firebase/app', 'node:crypto']);
    expect(disallowedImports("import { z } from 'zod';\nimport { reason } from './reason.js';")).toEqual([]);
  });
});
