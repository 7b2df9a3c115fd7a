import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_DIR } from './factories.js';

/**
 * The portal imports the domain barrel, so whatever the barrel reaches ends up in its main bundle.
 * The desa/kelurahan list and the Bengkulu names must stay out of it (import them explicitly).
 */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      stack.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
  }
  return [...seen].map((f) => relative(DOMAIN_DIR, f)).sort();
}

describe('what the domain barrel pulls into the portal', () => {
  const files = reachable(join(DOMAIN_DIR, 'index.ts'));

  it('reaches the kecamatan code table but not the village list or the Bengkulu names', () => {
    expect(files).toContain('wilayah-data/codes.generated.ts');
    expect(files).toContain('nik.ts');
    expect(files.filter((f) => f.startsWith('wilayah-data/'))).toEqual(['wilayah-data/codes.generated.ts']);
  });

  it('the generated data it carries stays small (< 25 kB)', () => {
    expect(statSync(join(DOMAIN_DIR, 'wilayah-data/codes.generated.ts')).size).toBeLessThan(25_000);
  });

  it('the village and names modules are there for those who import them explicitly', () => {
    expect(reachable(join(DOMAIN_DIR, 'wilayah-data/villages.ts'))).toEqual(['wilayah-data/villages.generated.ts', 'wilayah-data/villages.ts']);
    // Names and labels carry the Bengkulu table only, not the 83,762 village codes.
    expect(reachable(join(DOMAIN_DIR, 'wilayah-data/names.ts'))).toEqual(['wilayah-data/bengkulu.generated.ts', 'wilayah-data/names.ts']);
  });
});
