#!/usr/bin/env node
// `npm start`: builds the functions and the portal, then starts the emulator suite with the demo
// data in emulator-data/ and prints where to go and how to sign in. Stop with Ctrl+C; changes made
// while it runs are not saved back into emulator-data/ (run `npm run demo:data` to rebuild it).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_USERS } from '../web/src/lib/demo/accounts.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(process.execPath, [join(root, '.scripts', 'emulators.mjs'), 'start', '--import', 'emulator-data'], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (String(chunk).includes('All emulators ready')) {
    console.log(
      [
        '',
        '  Tepat is running on the local Firebase emulator suite.',
        '  Portal:  http://127.0.0.1:5000',
        '  Demo logins (password for all: ' + DEMO_PASSWORD + '):',
        ...DEMO_USERS.map((u) => `    ${u.email.padEnd(Math.max(...DEMO_USERS.map((x) => x.email.length)) + 2)} ${u.displayName}`),
        '  Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
