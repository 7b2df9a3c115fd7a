import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { row, type BenchContext, type BenchRow } from './rows.js';

/**
 * Issue 6's speed budget for the portal, measured on the built portal (`web/build`) served by the
 * Hosting emulator, with Auth and Firestore emulators, in Debian's Chromium. Self-contained:
 * `run()` builds the portal, starts the emulators through the project's launcher and runs this
 * same file inside them (`--measure`), which signs an operator in and measures:
 *  1. the JavaScript the operator's first page (/operator, signed in) loads: every script
 *     response, each file's gzip -9 size from web/build (what Hosting serves compressed);
 *  2. the time from navigation until the musyawarah form accepts typed input, on emulated slow
 *     3G (Chromium CDP: 400 kbit/s down and up, 400 ms RTT), HTTP cache cleared, the service
 *     worker kept out (a first visit), median of three runs.
 * Not a test: it asserts nothing and prints the figures, missed targets included.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, 'web', 'build');
const ORIGIN = 'http://127.0.0.1:5000';
const RUNS = 3;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

interface ScriptLoad {
  path: string;
  gzip: number;
  firebase: boolean;
}

interface PortalResult {
  signIn: ScriptLoad[];
  operator: ScriptLoad[];
  form: { ms: number[]; critical: ScriptLoad[] };
  compressedByServer: boolean;
}

const KB = (bytes: number) => bytes / 1000;
const sum = (loads: readonly ScriptLoad[]) => loads.reduce((a, l) => a + l.gzip, 0);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function run(ctx: BenchContext): BenchRow[] {
  if (process.env.TEPAT_BENCH_NO_BUILD !== '1') {
    ctx.log('portal bench: building the portal (web/build)…');
    const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (build.status !== 0) throw new Error(`portal build failed:\n${build.stdout.slice(-2000)}\n${build.stderr.slice(-2000)}`);
  }
  if (!existsSync(join(BUILD, 'index.html'))) throw new Error('web/build is missing: run `npm run build -w web`');
  ctx.log('portal bench: measuring in Chromium on the emulators (auth, firestore, hosting)…');
  const res = spawnSync('node', ['.scripts/emulators.mjs', 'exec', 'npx tsx test/bench/portal.ts --measure'], {
    cwd: ROOT,
    env: { ...process.env, TEPAT_EMULATORS: 'auth,firestore,hosting' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = `${res.stdout}`.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`portal bench gave no result (exit ${res.status}):\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-2000)}`);
  const r = JSON.parse(line.slice('BENCH_RESULT '.length)) as PortalResult;

  const total = KB(sum(r.operator));
  const firebase = KB(sum(r.operator.filter((l) => l.firebase)));
  const seconds = median(r.form.ms) / 1000;
  return [
    row(
      'Portal: JavaScript for the operator’s first page, gzipped',
      `${total.toFixed(1)} KB (${r.operator.length} files)`,
      `/operator signed in: every script it loaded, gzip -9 of each file in web/build; of which Firebase SDK (Firestore with its offline cache, and Auth; the Functions SDK loads only on pages that call a function) ${firebase.toFixed(1)} KB and the portal with Svelte, SvelteKit and svelte-i18n ${(total - firebase).toFixed(1)} KB. ` +
        `The sign-in page alone: ${KB(sum(r.signIn)).toFixed(1)} KB. ${total < 150 ? '' : 'Misses the target: the Firestore SDK with its persistent (offline) cache alone is about 150 KB gzipped. '}` +
        `${r.compressedByServer ? '' : 'The Hosting emulator sends these uncompressed; Firebase Hosting compresses them.'}`,
      '< 150 KB',
      total < 150,
    ),
    row(
      'Portal: time until the musyawarah form accepts input, slow 3G (400 kbit/s, 400 ms RTT)',
      `${seconds.toFixed(2)} s (median of ${r.form.ms.length}: ${r.form.ms.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`,
      `signed-in operator opens /operator/musyawarah/baru with an empty HTTP cache and no service worker, Chromium CDP throttling, Hosting emulator; until typing into "Tempat" sticks. ` +
        `Scripts loaded by then: ${KB(sum(r.form.critical)).toFixed(1)} KB gzipped (${r.form.critical.length} files; Firebase ${r.form.critical.some((l) => l.firebase) ? 'among them' : 'not among them: it loads after the form is usable'}). ` +
        `${r.compressedByServer ? '' : 'Measured with uncompressed transfers (the emulator does not compress), so slower than on Firebase Hosting. '}${seconds < 5 ? '' : 'Misses the target.'}`,
      '< 5 s',
      seconds < 5,
    ),
  ];
}

// ---- inside the emulators ------------------------------------------------------------------------

function gzipOf(path: string): number {
  const file = join(BUILD, path);
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

function scriptLoad(url: string): ScriptLoad | null {
  const u = new URL(url);
  if (u.origin !== ORIGIN || !u.pathname.endsWith('.js')) return null;
  const file = join(BUILD, u.pathname);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return { path: u.pathname, gzip: gzipOf(u.pathname), firebase: /FirebaseError|@firebase\//.test(text) };
}

async function measure(): Promise<PortalResult> {
  const { chromium } = await import('@playwright/test');
  const { ensureUser } = await import('../../.scripts/seed/admin.js');
  const { DESA } = await import('../../.scripts/seed/demo.js');
  const email = 'bench.operator@tepat.test';
  const password = 'bench-pass-2026';
  await ensureUser(email, password, { role: 'operator', ...DESA.derati }, 'Operator bench');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // A first visit: no service worker serves anything from its cache.
  const context = await browser.newContext({
    baseURL: ORIGIN,
    serviceWorkers: 'block',
    viewport: { width: 412, height: 915 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  let loads: ScriptLoad[] = [];
  let compressedByServer = false;
  page.on('response', (response) => {
    const load = scriptLoad(response.url());
    if (!load || loads.some((l) => l.path === load.path)) return;
    loads.push(load);
    if (/gzip|br|zstd/.test(response.headers()['content-encoding'] ?? '')) compressedByServer = true;
  });
  const settle = () => page.waitForTimeout(3000); // lazily loaded chunks (Firebase after the first render) arrive

  // The sign-in page, then the operator's first page once signed in.
  await page.goto('/');
  await page.getByLabel('Email').waitFor();
  await settle();
  const signIn = loads;
  loads = [];
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(/\/operator$/);
  loads = [];
  await page.goto('/operator');
  await page.getByRole('heading', { name: /Musyawarah desa\/kelurahan/ }).waitFor();
  await page.getByText('Belum ada musyawarah yang dicatat.').or(page.getByTestId('musyawarah').first()).waitFor();
  await settle();
  const operator = loads;

  // The musyawarah form on slow 3G.
  const ms: number[] = [];
  let critical: ScriptLoad[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.goto('about:blank');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    loads = [];
    const started = Date.now();
    await page.goto('/operator/musyawarah/baru', { waitUntil: 'commit', timeout: 120_000 });
    const place = page.locator('#m-place');
    await place.fill('Balai Desa Derati', { timeout: 120_000 });
    if ((await place.inputValue()) !== 'Balai Desa Derati') throw new Error('the form did not keep the typed value');
    ms.push(Date.now() - started);
    if (i === 0) critical = [...loads];
  }
  await browser.close();
  return { signIn, operator, form: { ms, critical }, compressedByServer };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--measure')) {
  const result = await measure();
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}
