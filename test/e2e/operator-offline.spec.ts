import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Timestamp } from 'firebase-admin/firestore';
import { adminDb } from '../../.scripts/seed/admin.js';
import { DESA } from '../../.scripts/seed/demo.js';
import { household, meeting, nikFor } from '../support/factories.js';
import { E2E_OPERATOR_SAMBIREJO, resetToBaseline } from './global-setup.js';
import { niksOf, pdfText, seedRegister, shot, signIn, waitForOfflineShell, type SeededRegister } from './operator-support.js';

/**
 * The operator records a musyawarah during the meeting without signal: the network is cut after
 * the berita acara is filled in, the usulan are entered and saved offline, the page says what is
 * waiting to sync (also after a reload without network: the service worker serves the app), and
 * once the signal returns the writes go out and the validation results come back. Then the
 * berita acara PDF and the public announcement (never a NIK).
 */
let register: SeededRegister;

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test.beforeAll(async () => {
  register = await seedRegister(DESA.sambirejo, 1103);
});

test('a musyawarah recorded with the network cut mid-way syncs and is validated; BA PDF and announcement', async ({ page, context }) => {
  const headNik = nikFor('1986-04-21', 'L', '170211');
  const wifeNik = nikFor('1990-11-02', 'P', '170211');

  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await expect(page.getByTestId('sync-status')).toContainText('Daring');
  await shot(page, 'operator-10-operator-home');
  // Before the meeting, with signal: the portal is installed (service worker) and the desa's register is on the device.
  await page.getByRole('link', { name: 'Keluarga di desa ini' }).click();
  await expect(page.getByTestId('keluarga').first()).toBeVisible();
  await waitForOfflineShell(page);

  await page.getByRole('link', { name: 'Musyawarah', exact: true }).click();
  await page.getByRole('link', { name: /Catat musyawarah baru/ }).click();
  await page.getByLabel('Tempat').fill('Balai Desa Sambirejo');
  await page.getByLabel('Pimpinan musyawarah').fill('Kepala Desa Sambirejo');
  await page.getByLabel('Jumlah peserta').fill('41');
  await page.getByLabel('Perwakilan keluarga miskin yang hadir').fill('9');
  await page.getByLabel('BPD hadir dalam musyawarah').check();
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();

  // A household leaves the register: picked from the register already on the device.
  await page.getByRole('button', { name: '+ Keluarkan dari register' }).click();
  await page.locator('#u0-household').selectOption(register.leaving.id);
  await page.locator('#u0-reason').selectOption('meninggal');
  await page.locator('#u0-note').fill('Kepala keluarga tinggal sendiri dan meninggal dunia bulan lalu');

  // The signal goes.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Luring');

  await page.getByRole('button', { name: '+ Keluarga baru' }).click();
  await page.locator('#u1-kk').fill('1702111503100004');
  await page.locator('#u1-desil').fill('2');
  await page.locator('#u1-address').fill('Dusun I RT 04, Sambirejo');
  await page.locator('#u1-m0-name').fill('Slamet Riyadi');
  await page.locator('#u1-m0-nik').fill(headNik);
  await page.locator('#u1-m0-sex').selectOption('L');
  await page.locator('#u1-m0-birth').fill('1986-04-21');
  await page.getByRole('button', { name: '+ Tambah anggota' }).click();
  await page.locator('#u1-m1-name').fill('Sri Wahyuni');
  await page.locator('#u1-m1-nik').fill(wifeNik);
  await page.locator('#u1-m1-sex').selectOption('P');
  await page.locator('#u1-m1-birth').fill('1990-11-02');
  await page.locator('#u1-m1-rel').selectOption('istri');
  await shot(page, 'operator-11-wizard-offline');

  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.getByText('Anda sedang luring')).toBeVisible();
  await expect(page.locator('ol.review li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Simpan dan ajukan ke Dinas Sosial' }).click();

  // Saved on the device: the page and the global indicator say it waits to sync.
  await expect(page).toHaveURL(/\/operator\/musyawarah\/[A-Za-z0-9]{20}$/);
  const detailUrl = page.url();
  await expect(page.getByText('Menunggu sinkronisasi: data tersimpan di perangkat ini')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Menunggu sinkronisasi');
  await expect(page.getByTestId('usulan')).toHaveCount(2);

  // Without network the portal still opens (service worker) and still knows what is waiting.
  // Some Chromium versions (the image's 150) say navigator.onLine === true after a reload
  // without network; make every version say so, so the indicator must find the truth itself.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true }));
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect(page.getByTestId('usulan')).toHaveCount(2);
  await expect(page.getByTestId('sync-status')).toContainText('Menunggu sinkronisasi');
  await expect(page.getByTestId('sync-status')).toContainText('Luring');
  await shot(page, 'operator-12-offline-waiting-to-sync');

  // The signal returns: the writes go out, the validation trigger answers.
  await context.setOffline(false);
  await expect(page.getByText('Lolos validasi. Menunggu keputusan Dinas Sosial.')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('sync-status')).not.toContainText('Menunggu sinkronisasi');
  await expect(page.getByTestId('usulan').filter({ hasText: 'Slamet Riyadi' })).not.toContainText(headNik);
  await expect(page.getByTestId('usulan').filter({ hasText: register.leaving.doc.headName })).toContainText('Sebaiknya lampirkan akta');
  expect(page.url()).toBe(detailUrl);
  await shot(page, 'operator-13-musyawarah-validated');

  // The berita acara, drawn in the browser, to sign and keep.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh berita acara (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^berita-acara-musdesus-1702112003-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf);
  for (const expected of [
    'BERITA ACARA',
    'MUSYAWARAH DESA KHUSUS (MUSDESUS)',
    'Desa Sambirejo, Kecamatan Selupu Rejang, Kabupaten Rejang Lebong',
    'Balai Desa Sambirejo',
    'Slamet Riyadi',
    register.leaving.doc.headName,
    'Meninggal dunia',
    'Lolos validasi, menunggu keputusan Dinas Sosial',
    'Pimpinan musyawarah',
    'Perwakilan BPD',
    'Perwakilan warga miskin',
    'Operator desa',
    '( Kepala Desa Sambirejo )',
  ]) {
    expect(text, expected).toContain(expected);
  }
  for (const nik of [headNik, wifeNik, ...niksOf(register.all)]) expect(text).not.toContain(nik);

  // The announcement for the notice board: names and decisions, never a NIK.
  await page.getByRole('link', { name: 'Pengumuman untuk papan desa' }).click();
  const sheet = page.getByTestId('pengumuman');
  await expect(sheet.getByTestId('pengumuman-baris')).toHaveCount(2);
  await expect(sheet).toContainText('Slamet Riyadi');
  await expect(sheet).toContainText(register.leaving.doc.headName);
  await expect(sheet).toContainText('Usulan keluar (meninggal dunia)');
  await expect(sheet).toContainText('Diusulkan, menunggu keputusan Dinas Sosial');
  const announced = (await page.locator('main').innerText()) + (await page.locator('main').innerHTML());
  expect(announced).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  for (const nik of [headNik, wifeNik, ...niksOf(register.all)]) expect(announced).not.toContain(nik);
  await shot(page, 'operator-14-pengumuman');
});

test('a failed usulan corrected without signal waits on the device, then is validated again and passes', async ({ page, context }) => {
  // A submitted musyawarah whose baru usulan failed validation on the head's NIK, as the trigger leaves it.
  const w = { desaCode: DESA.sambirejo.desa, kecamatanCode: DESA.sambirejo.kecamatan, kabupatenCode: DESA.sambirejo.kabupaten };
  const submittedAt = Timestamp.fromDate(new Date(Date.now() - 3_600_000));
  const db = adminDb();
  const m = db.collection('musyawarah').doc();
  const u = db.collection('usulan').doc();
  const family = household({ kkNumber: '1702111503100019', address: 'Dusun III RT 01, Sambirejo' });
  const head = family.members[0]!;
  await m.set({
    ...w,
    meeting: meeting({ place: 'Balai Desa Sambirejo', chair: 'Kepala Desa Sambirejo' }),
    status: 'diajukan',
    createdBy: 'seed',
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
  });
  await u.set({
    musyawarahId: m.id,
    ...w,
    type: 'baru',
    household: { ...family, members: [{ ...head, nik: '1702119999990001' }, ...family.members.slice(1)] },
    status: 'tidak_lolos_validasi',
    createdBy: 'seed',
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    decisions: [],
    outcome: null,
    validation: {
      ok: false,
      warnings: [],
      checkedAt: submittedAt,
      forSubmission: submittedAt.toMillis(),
      errors: [{ code: 'nik.tanggal', message: 'Tanggal lahir dalam NIK tidak valid (hasil validasi)', field: 'household.members.0.nik' }],
    },
  });

  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await waitForOfflineShell(page);
  await page.goto(`/operator/musyawarah/${m.id}`);
  const card = page.getByTestId('usulan');
  await expect(card).toContainText('Tidak lolos validasi');

  // The signal goes; the correction page still opens, from the device.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Luring');
  await card.getByRole('link', { name: 'Perbaiki usulan ini' }).click();
  const nik = page.locator('#u0-m0-nik');
  await expect(nik).toHaveValue('1702119999990001');
  await expect(nik).toBeFocused();
  await expect(page.locator('#u0-m0-nik-err')).toContainText('Tanggal lahir dalam NIK tidak valid (hasil validasi)');
  await expect(page.getByText('Tidak ada sinyal: perbaikan disimpan di perangkat ini')).toBeVisible();
  await nik.fill(head.nik!);
  await expect(page.locator('#u0-m0-nik-err')).toHaveCount(0);
  await page.getByRole('button', { name: 'Simpan dan ajukan lagi' }).click();

  // Saved on the device: the musyawarah page and the indicator say it waits.
  await expect(page).toHaveURL(new RegExp(`/operator/musyawarah/${m.id}$`));
  await expect(page.getByTestId('sync-status')).toContainText('Menunggu sinkronisasi');
  await expect(card).toContainText('Menunggu sinkronisasi: divalidasi setelah terkirim ke server.');
  await shot(page, 'operator-15-correction-offline-waiting');

  // The signal returns: take-back, correction and submission go out in order; the trigger validates again.
  await context.setOffline(false);
  await expect(card).toContainText('Lolos validasi. Menunggu keputusan Dinas Sosial.', { timeout: 60_000 });
  await expect(page.getByTestId('sync-status')).not.toContainText('Menunggu sinkronisasi');
  const stored = (await u.get()).data()!;
  expect(stored.status).toBe('diajukan');
  expect(stored.household.members[0].nik).toBe(head.nik);
  expect(stored.validation.forSubmission).toBeGreaterThan(submittedAt.toMillis());
});
