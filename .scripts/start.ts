#!/usr/bin/env node
// `npm start`: builds the functions and the portal, then starts the emulator suite with the demo
// data in emulator-data/ and prints where to go and how to sign in. Once the emulators are ready it
// starts the local scheduler (.scripts/scheduler.ts), which fires the scheduled functions the
// Functions emulator ignores. Stop with Ctrl+C; changes made while it runs are not saved back into
// emulator-data/ (run `npm run demo:data` to rebuild it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
let scheduler: ChildProcess | undefined;
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!scheduler && String(chunk).includes('All emulators ready')) {
    // --fresh: the emulators have just imported emulator-data/, which no job has run on yet.
    scheduler = spawn(process.execPath, ['--import', 'tsx', join(root, '.scripts', 'scheduler.ts'), '--fresh'], { cwd: root, stdio: 'inherit' });
    scheduler.on('exit', (code, signal) => {
      if (code !== 0 && signal === null)
        console.error(`[scheduler] stopped (exit code ${code}); scheduled functions will not run until \`npm start\` is restarted.`);
    });
    console.log(
      [
        '',
        '  Tepat is running on the local Firebase emulator suite.',
        '  Portal:  http://127.0.0.1:5000',
        '  Demo logins (password for all: ' + DEMO_PASSWORD + '):',
        ...DEMO_USERS.map((u) => `    ${u.email.padEnd(Math.max(...DEMO_USERS.map((x) => x.email.length)) + 2)} ${u.displayName}`),
        '  Scheduler: runs the scheduled functions at their times, overdue ones now; log in .emulators/scheduler.log (npm run job -- <name> runs one now).',
        '  Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    scheduler?.kill(sig);
    child.kill(sig);
  });
}
child.on('exit', (code) => {
  scheduler?.kill('SIGTERM');
  process.exit(code ?? 0);
});
