import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { adminDb } from '../../.scripts/seed/admin.js';
import { DEMO_USERS, KABUPATEN } from '../../.scripts/seed/demo.js';

/**
 * What a newcomer sees in the first five minutes after `npm start`: the sign-in page offers the six
 * demo accounts, one tap each; every account lands on its own work, with place names, numbers read
 * live from the shipped data, and something waiting. One small screenshot per role for the README.
 */
const DOCS = process.env.TEPAT_DOCS_SCREENS === '1';

/** The README shows one screenshot per role (and the sign-in page); the tour keeps every one in test-results/. */
const README_SCREENS = new Set(['masuk', 'operator-derati', 'verifikator', 'dasbor', 'kadis', 'admin']);

async function screen(page: Page, name: string): Promise<void> {
  const paths = [`test-results/screens/tour-${name}.jpg`, ...(DOCS && README_SCREENS.has(name) ? [`docs/screens/${name}.jpg`] : [])];
  const shot = await page.screenshot({ type: 'jpeg', quality: 60 });
  for (const path of paths) {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, shot);
  }
}

const user = (email: string) => {
  const u = DEMO_USERS.find((x) => x.email === email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
};

/** Taps the account on the sign-in page, as a newcomer would, and waits for its start page. */
async function tapAccount(page: Page, email: string, home: RegExp): Promise<void> {
  await page.goto('/');
  const list = page.getByTestId('demo-accounts');
  await expect(list).toBeVisible();
  await list.getByRole('button', { name: new RegExp(email.replace(/\./g, '\\.')) }).click();
  await expect(page).toHaveURL(home);
}

test('the sign-in page lists every demo account with its role and place', async ({ page }) => {
  await page.goto('/');
  const list = page.getByTestId('demo-accounts');
  await expect(list.getByRole('button')).toHaveCount(DEMO_USERS.length);
  await expect(list).toContainText('tepat-demo-2026');
  await expect(list.getByRole('button', { name: /operator\.derati@tepat\.test/ })).toContainText('Desa Derati, Kec. Kota Padang');
  await expect(list.getByRole('button', { name: /verifikator\.rejanglebong@tepat\.test/ })).toContainText('Dinas Sosial Kabupaten Rejang Lebong');
  await expect(list.getByRole('button', { name: /operator\.talangbenih@tepat\.test/ })).toContainText('Kelurahan Talang Benih, Kec. Curup');
  await screen(page, 'masuk');
});

for (const [email, desa, place] of [
  ['operator.derati@tepat.test', 'Desa Derati', 'Kec. Kota Padang'],
  ['operator.sambirejo@tepat.test', 'Desa Sambirejo', 'Kec. Selupu Rejang'],
  ['operator.talangbenih@tepat.test', 'Kelurahan Talang Benih', 'Kec. Curup'],
] as const) {
  test(`${desa}: the operator finds the desa's musyawarah at several steps and its households`, async ({ page }) => {
    const u = user(email);
    if (u.claims.role !== 'operator') throw new Error('not an operator');
    const [musyawarah, households] = await Promise.all([
      adminDb().collection('musyawarah').where('desaCode', '==', u.claims.desa).get(),
      adminDb().collection('households').where('desaCode', '==', u.claims.desa).get(),
    ]);
    expect(musyawarah.size).toBeGreaterThanOrEqual(2);

    await tapAccount(page, email, /\/operator$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Musyawarah ${desa}`);
    await expect(page.getByTestId('who')).toHaveText(`Operator ${desa}, ${place}`);
    await expect(page.getByTestId('musyawarah')).toHaveCount(musyawarah.size);
    await screen(page, `operator-${email.split('.')[1]!.split('@')[0]}`);

    await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Keluarga di ${desa}`);
    const listed = households.docs.filter((d) => d.data().status !== 'keluar').length;
    await expect(page.getByText(`Semua (${listed})`)).toBeVisible();

    // The same in English: the names stay, the words change.
    await page.getByLabel('Bahasa').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Households of ${desa}`);
    await expect(page.getByText(`All (${listed})`)).toBeVisible();
    await expect(page.getByTestId('who')).toHaveText(`Operator, ${desa}, ${place}`);
  });
}

test('the verifikator finds submitted musyawarah waiting, and a dashboard with the live register', async ({ page }) => {
  const stats = (await adminDb().doc(`stats/kabupaten_${KABUPATEN}`).get()).data() as { counts: { households?: Record<string, number> } };
  const aktif = stats.counts.households?.aktif ?? 0;
  expect(aktif).toBeGreaterThan(0);

  await tapAccount(page, 'verifikator.rejanglebong@tepat.test', /\/dinas$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Musyawarah masuk — Kabupaten Rejang Lebong');
  await expect(page.getByTestId('who')).toHaveText('Verifikator · Dinas Sosial Kabupaten Rejang Lebong');
  await expect(page.getByTestId('musyawarah-antrean').filter({ hasText: 'menunggu Anda' }).first()).toBeVisible();
  await screen(page, 'verifikator');

  await page.getByRole('link', { name: 'Dasbor' }).click();
  const tiles = page.getByTestId('ringkasan');
  await expect(tiles).toContainText(`${aktif.toLocaleString('id-ID')}`);
  await expect(page.getByText('Belum ada data register')).toHaveCount(0);
  await expect(page.getByText(/3 dari 156 desa\/kelurahan memiliki operator aktif/)).toBeVisible();
  await screen(page, 'dasbor');

  await page.getByLabel('Bahasa').selectOption('en');
  await expect(tiles).toContainText(aktif.toLocaleString('en'));
  await page.getByRole('link', { name: 'Incoming meetings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incoming meetings — Kabupaten Rejang Lebong');
  await expect(page.getByTestId('who')).toHaveText('Verifier · Dinas Sosial Kabupaten Rejang Lebong');
});

test('the kadis finds usulan verified by the verifikator, waiting for approval', async ({ page }) => {
  const verified = await adminDb().collection('usulan').where('kabupatenCode', '==', KABUPATEN).where('status', '==', 'diverifikasi').count().get();
  expect(verified.data().count).toBeGreaterThan(0);

  await tapAccount(page, 'kadis.rejanglebong@tepat.test', /\/dinas$/);
  await expect(page.getByTestId('who')).toHaveText('Kepala Dinas Sosial Kabupaten Rejang Lebong');
  await expect(page.getByRole('status').filter({ hasText: 'musyawarah ditampilkan' })).toContainText(`${verified.data().count} usulan menunggu keputusan Anda`);
  await screen(page, 'kadis');
});

test('the admin sees the users and the operator coverage of the kabupaten', async ({ page }) => {
  await tapAccount(page, 'admin.rejanglebong@tepat.test', /\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengguna Kabupaten Rejang Lebong');
  await expect(page.getByTestId('cakupan-operator')).toContainText('3 dari 156');
  await expect(page.getByTestId('pengguna').filter({ hasText: 'Desa Derati, Kec. Kota Padang' })).toHaveCount(1);
  await screen(page, 'admin');
});
