import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../web/src/lib/demo/accounts.js';

/**
 * The sign-in page lists the demo accounts on the local emulator suite only. It decides with the
 * build-time constant PUBLIC_USE_EMULATORS, so a portal built for a real project must not contain a
 * single demo e-mail or the demo password anywhere in what Hosting would serve. Both builds are made
 * here (into web/.production-check/, apart from the emulator build in web/build/), so the check
 * would notice if the emulator build stopped carrying them too.
 */
const webDir = join(import.meta.dirname, '../../../web');
const outRoot = join(webDir, '.production-check');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function build(name: string, useEmulators: 'true' | 'false'): Promise<string> {
  const out = `.production-check/${name}`;
  await promisify(execFile)('npx', ['vite', 'build'], {
    cwd: webDir,
    env: { ...process.env, TEPAT_WEB_OUT: out, PUBLIC_USE_EMULATORS: useEmulators },
    maxBuffer: 64 * 1024 * 1024,
  });
  return join(webDir, out, 'build');
}

function containing(dir: string, needle: string): string[] {
  return files(dir).filter((f) => readFileSync(f).includes(needle));
}

let production = '';
let emulator = '';

beforeAll(async () => {
  rmSync(outRoot, { recursive: true, force: true });
  [production, emulator] = await Promise.all([build('production', 'false'), build('emulator', 'true')]);
}, 240_000);

afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('demo accounts never ship to a real project', () => {
  it('a build for a real project contains no demo e-mail and no demo password', () => {
    expect(containing(production, 'Masuk ke Tepat').length).toBeGreaterThan(0); // the scan reads the portal's text
    for (const u of DEMO_USERS) expect(containing(production, u.email)).toEqual([]);
    expect(containing(production, '@tepat.test')).toEqual([]);
    expect(containing(production, DEMO_PASSWORD)).toEqual([]);
  });

  it('a build for the local emulator carries every demo account', () => {
    for (const u of DEMO_USERS) expect(containing(emulator, u.email).length).toBeGreaterThan(0);
    expect(containing(emulator, DEMO_PASSWORD).length).toBeGreaterThan(0);
  });
});
