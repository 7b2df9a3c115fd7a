#!/usr/bin/env node
// `npm run demo:data`: rebuilds emulator-data/, the demo that `npm start` imports, in two runs of
// the emulator suite:
//   1. auth + firestore: the demo people, the configuration and the generated register, as a DTKS
//      import leaves them, with their statistics reconciled (.scripts/seed/people-and-register.ts);
//   2. auth + firestore + functions, on that export: the register's life played through the
//      product's paths — musyawarah, usulan, decisions, verval and sticker reports, exports — with
//      the triggers running (.scripts/seed/story.ts).
// Both halves, and what they are made with (the demo district, the register generator, the Admin
// SDK and signed-in clients on the emulators, the portal's flows), live in .scripts/seed/; the
// tests seed their own data with the same modules.
// The register is written without the Functions emulator because 2,000 statistics trigger runs
// one after another would take half an hour; the reconciliation computes the same numbers.
// emulator-data/ is replaced only when both runs succeed.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.emulators');
const register = join(work, 'demo-register');
const story = join(work, 'demo-story');
const target = join(root, 'emulator-data');

function run(label, args, env) {
  console.log(`\n[demo:data] ${label}`);
  const res = spawnSync(process.execPath, [join(root, '.scripts', 'emulators.mjs'), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`[demo:data] ${label} failed (exit ${res.status}); emulator-data/ is unchanged.`);
    process.exit(res.status ?? 1);
  }
}

const build = spawnSync('npm', ['run', 'build', '-w', 'functions'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// `npm run demo:data -- --story-only` replays only the second run on the first run's last export.
const storyOnly = process.argv.includes('--story-only') && existsSync(join(register, 'firebase-export-metadata.json'));
rmSync(story, { recursive: true, force: true });
if (!storyOnly) {
  rmSync(register, { recursive: true, force: true });
  run('1/2 people, configuration and the register', ['exec', `--export-on-exit=${register}`, 'npx tsx .scripts/seed/people-and-register.ts'], {
    TEPAT_EMULATORS: 'auth,firestore',
  });
}
run('2/2 the life of the register, with the triggers', ['exec', '--import', register, `--export-on-exit=${story}`, 'npx tsx .scripts/seed/story.ts'], {
  TEPAT_EMULATORS: 'auth,firestore,functions',
});
if (!existsSync(join(story, 'firebase-export-metadata.json'))) {
  console.error('[demo:data] the second run left no export; emulator-data/ is unchanged.');
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
renameSync(story, target);
console.log('\n[demo:data] emulator-data/ rebuilt.');
