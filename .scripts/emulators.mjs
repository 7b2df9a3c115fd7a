#!/usr/bin/env node
// Runs `firebase emulators:<command>` for Tepat on any machine.
//
// firebase-tools downloads its own Firestore emulator jar and needs Java >= 21. Where it can't (no
// internet, or Java 17 only), the real emulator installed by the Debian package
// `google-cloud-cli-firestore-emulator` is used instead, through two small adapters built into
// .emulators/: a launcher jar whose manifest names the emulator's main class (the installed jar
// has none), and a `java` wrapper that answers firebase-tools' version probe. Where neither works,
// it stops and says what to install. See ../shared/EMULATORS.md for the background.
//
// Usage: node .scripts/emulators.mjs exec "<command>"   |   node .scripts/emulators.mjs start [firebase args]
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.emulators');
const PROJECT = 'demo-tepat';
const ONLY = process.env.TEPAT_EMULATORS ?? 'auth,firestore,functions,hosting';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

function fail(message) {
  console.error(`\n[tepat] ${message}\n`);
  process.exit(2);
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  return res.status === 0 ? `${res.stdout}${res.stderr}` : null;
}

function javaMajor() {
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15"` or `java version "1.8.0_1"`.
  const out = run('java', ['-version']);
  const m = out ? /version "(\d+)(?:\.(\d+))?/.exec(out) : null;
  if (!m) return null;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function firebaseToolsHasOwnJar() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  return existsSync(dir) && readdirSync(dir).some((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f));
}

function installedEmulatorJar() {
  const roots = [];
  const sdk = spawnSync('gcloud', ['info', '--format=value(installation.sdk_root)'], { encoding: 'utf8' });
  if (sdk.status === 0 && sdk.stdout.trim()) roots.push(sdk.stdout.trim());
  roots.push('/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/opt/google-cloud-sdk');
  for (const r of roots) {
    const jar = join(r, 'platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
    if (existsSync(jar)) return jar;
  }
  return null;
}

function realJava() {
  const res = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

/** Builds .emulators/launcher.jar and .emulators/bin/java; returns the env to run firebase with. */
function adaptersFor(jar, javaPath) {
  mkdirSync(join(work, 'bin'), { recursive: true });
  const manifest = join(work, 'manifest.txt');
  writeFileSync(manifest, `Main-Class: ${MAIN_CLASS}\nClass-Path: file:${jar}\n`);
  const launcher = join(work, 'launcher.jar');
  if (run('jar', ['cfm', launcher, manifest]) === null) {
    fail('Cannot build the Firestore emulator launcher: the `jar` tool (JDK) is missing. Install it with `apt-get install -y openjdk-17-jdk-headless`.');
  }
  const wrapper = join(work, 'bin', 'java');
  writeFileSync(
    wrapper,
    `#!/bin/sh
# Written by .scripts/emulators.mjs: firebase-tools requires Java >= 21 before it starts the
# Firestore emulator; the installed emulator runs on this machine's Java, so answer the probe.
# The probe is \`java -Dx=y ... -version\`: answer only that; everything else goes to the real java.
for arg in "$@"; do
  case "$arg" in
    -version|--version)
      echo 'openjdk version "21.0.0" (tepat wrapper around ${javaPath})' >&2
      exit 0 ;;
  esac
done
exec "${javaPath}" "$@"
`,
  );
  chmodSync(wrapper, 0o755);
  return {
    FIRESTORE_EMULATOR_BINARY_PATH: launcher,
    PATH: `${join(work, 'bin')}:${process.env.PATH}`,
  };
}

function emulatorEnv() {
  const major = javaMajor();
  if (major === null) {
    fail(
      'Java is not installed. The Firestore emulator needs Java: `apt-get install -y openjdk-17-jre-headless google-cloud-cli-firestore-emulator` (or Java 21+ with internet access).',
    );
  }
  if (major >= 21 && firebaseToolsHasOwnJar()) return {};
  const jar = installedEmulatorJar();
  if (jar && major >= 11) {
    console.error(`[tepat] Using the installed Firestore emulator (${jar}) on Java ${major}.`);
    return adaptersFor(jar, realJava());
  }
  if (major >= 21) {
    console.error('[tepat] firebase-tools will download its own Firestore emulator (needs internet).');
    return {};
  }
  fail(
    `Java ${major} is too old for firebase-tools' own Firestore emulator (needs 21+) and the Debian package ` +
      '`google-cloud-cli-firestore-emulator` is not installed. Install one of them: ' +
      '`apt-get install -y google-cloud-cli-firestore-emulator` (works with Java 17), or Java 21+ with internet access.',
  );
}

/**
 * One emulator suite per machine at a time: the ports in firebase.json are fixed. A second run
 * (another terminal, a parallel test job) waits here instead of failing on a taken port. The lock
 * is a directory holding the owner's pid; a lock whose owner is gone is taken over.
 */
async function acquireLock() {
  const lock = join(tmpdir(), 'tepat-emulators.lock');
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const release = () => rmSync(lock, { recursive: true, force: true });
      process.on('exit', release);
      return;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // being created or removed right now
      }
      if (Number.isInteger(owner) && !isAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!told) console.error(`[tepat] Another emulator suite is running (pid ${owner}); waiting for it to finish…`);
      told = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'exec' && command !== 'start') fail('usage: node .scripts/emulators.mjs exec "<command>" | start [firebase args]');

// Everything the emulators print (function logs included) is also kept in .emulators/emulators.log,
// so tests can check what reached the logs (e.g. that no NIK ever does).
mkdirSync(work, { recursive: true });
const extraEnv = emulatorEnv();
await acquireLock();
const logPath = join(work, 'emulators.log');
const log = createWriteStream(logPath, { flags: 'w' });
const env = { ...process.env, ...extraEnv, TEPAT_EMULATOR_LOG: logPath };
const firebase = join(root, 'node_modules', '.bin', 'firebase');
if (!existsSync(firebase)) fail('firebase-tools is not installed: run `npm ci` first.');
const args = [`emulators:${command}`, '--only', ONLY, '--project', PROJECT, ...rest];
const child = spawn(firebase, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
