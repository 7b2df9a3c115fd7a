import { expect, test } from '@playwright/test';
import { nikFor } from '../support/factories.js';
import { E2E_KADIS, E2E_OPERATOR, E2E_VERIFIKATOR, resetToBaseline } from './global-setup.js';
import { shot, signIn, signOut } from './session.js';

/**
 * Steps 1–4 of the thin flow through the portal, as the people do it: the operator records a
 * musyawarah with one new household and submits it, sees it pass validation; the verifikator
 * verifies and the kadis approves; the household appears in the register with its eligibility.
 */

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test('an usulan travels from the musyawarah to the register through the portal', async ({ page }) => {
  const headNik = nikFor('1979-08-17', 'L');
  const wifeNik = nikFor('1983-02-09', 'P');

  await signIn(page, E2E_OPERATOR);
  await expect(page).toHaveURL(/\/operator$/);
  await expect(page.getByRole('heading', { name: 'Musyawarah Desa Derati' })).toBeVisible();
  await shot(page, '01-operator-home');

  await page.getByRole('link', { name: /Catat musyawarah baru/ }).click();
  await expect(page.getByRole('heading', { name: 'Catat musyawarah baru' })).toBeVisible();

  // The wizard: step 1 is the berita acara. Moving on with it empty shows each error next to its
  // field, in Bahasa Indonesia, and puts the focus on the first one.
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.getByText('Periksa kembali isian yang ditandai merah.')).toBeVisible();
  await expect(page.locator('#m-place-err')).toHaveText('Tempat wajib diisi');
  await expect(page.getByLabel('Tempat')).toBeFocused();
  await shot(page, '02-form-errors');

  await page.getByLabel('Tempat').fill('Balai Desa Derati');
  await page.getByLabel('Pimpinan musyawarah').fill('Kepala Desa Derati');
  await page.getByLabel('Jumlah peserta').fill('36');
  await page.getByLabel('Perwakilan keluarga miskin yang hadir').fill('7');
  await page.getByLabel('BPD hadir dalam musyawarah').check();
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();

  // Step 2: the usulan. An empty "keluarga baru" row is refused field by field.
  await page.getByRole('button', { name: '+ Keluarga baru' }).click();
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.locator('#u0-kk-err')).toHaveText('Nomor KK harus 16 digit angka');
  await page.getByLabel('Nomor KK').fill('1702061708790002');
  await page.getByLabel('Desil kesejahteraan').fill('3');
  await page.getByLabel('Alamat').fill('Dusun II RT 03, Derati');
  await page.getByLabel('Nama anggota 1').fill('Hendra Saputra');
  await page.getByLabel('NIK anggota 1').fill(headNik);
  await page.getByLabel('Jenis kelamin anggota 1').selectOption('L');
  await page.getByLabel('Tanggal lahir anggota 1').fill('1979-08-17');
  await expect(page.getByLabel('Hubungan dalam keluarga anggota 1')).toHaveValue('kepala_keluarga');

  await page.getByRole('button', { name: '+ Tambah anggota' }).click();
  await page.getByLabel('Nama anggota 2').fill('Yuliana');
  await page.getByLabel('NIK anggota 2').fill(wifeNik);
  await page.getByLabel('Jenis kelamin anggota 2').selectOption('P');
  // A wrong birth date is caught as it is typed, against the NIK (women: day + 40).
  await page.getByLabel('Tanggal lahir anggota 2').fill('1983-02-10');
  await page.getByLabel('Hubungan dalam keluarga anggota 2').selectOption('istri');
  await expect(page.locator('#u0-m1-nik-err')).toHaveText('Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota');
  await page.getByLabel('Tanggal lahir anggota 2').fill('1983-02-09');
  await expect(page.locator('#u0-m1-nik-err')).toHaveCount(0);

  // A school child without NIK yet: accepted, flagged, and the PKH education component.
  await page.getByRole('button', { name: '+ Tambah anggota' }).click();
  await page.getByLabel('Nama anggota 3').fill('Rizki');
  await page.getByText('Belum punya NIK').nth(2).click();
  await page.getByLabel('Jenis kelamin anggota 3').selectOption('L');
  await page.getByLabel('Tanggal lahir anggota 3').fill('2015-05-02');
  await page.getByLabel('Hubungan dalam keluarga anggota 3').selectOption('anak');
  await page.getByLabel('Sekolah anggota 3').selectOption('sd');
  await shot(page, '03-form-filled');

  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await page.getByRole('button', { name: 'Simpan dan ajukan ke Dinas Sosial' }).click();
  await expect(page).toHaveURL(/\/operator\/musyawarah\/(?!baru$)[A-Za-z0-9]{20}$/);
  await expect(page.getByText('Lolos validasi. Menunggu keputusan Dinas Sosial.')).toBeVisible();
  await expect(page.getByTestId('usulan')).toContainText('Hendra Saputra');
  // The NIK is masked on the page.
  await expect(page.getByTestId('usulan')).not.toContainText(headNik);
  await expect(page.getByTestId('usulan')).toContainText(`${headNik.slice(0, 4)}••••••••${headNik.slice(12)}`);
  await shot(page, '04-operator-validated');

  await signOut(page);
  await signIn(page, E2E_VERIFIKATOR);
  await expect(page).toHaveURL(/\/dinas$/);
  await page.getByRole('link', { name: 'Per usulan' }).click();
  const card = page.getByTestId('usulan-masuk').filter({ hasText: 'Hendra Saputra' });
  await expect(card).toContainText('Hasil validasi: lolos.');
  await shot(page, '05-verifikator-queue');
  await card.getByLabel('Catatan keputusan').fill('Sesuai berita acara musdesus Derati');
  await card.getByRole('button', { name: 'Verifikasi, teruskan ke Kadis' }).click();
  await expect(page.getByTestId('usulan-diproses').filter({ hasText: 'Hendra Saputra' })).toContainText('Diverifikasi');

  await signOut(page);
  await signIn(page, E2E_KADIS);
  await expect(page).toHaveURL(/\/dinas$/);
  await page.getByRole('link', { name: 'Per usulan' }).click();
  const toApprove = page.getByTestId('usulan-masuk').filter({ hasText: 'Hendra Saputra' });
  await expect(toApprove).toContainText('Sesuai berita acara musdesus Derati');
  await shot(page, '06-kadis-queue');
  await toApprove.getByRole('button', { name: 'Setujui (pengesahan)' }).click();
  const row = page.getByTestId('usulan-diproses').filter({ hasText: 'Hendra Saputra' });
  await expect(row).toContainText('Diterapkan ke register');
  await shot(page, '07-kadis-decided');

  await page.getByRole('link', { name: 'Register' }).click();
  const keluarga = page.getByTestId('keluarga').filter({ hasText: 'Hendra Saputra' });
  await expect(keluarga).toContainText('Aktif');
  await expect(keluarga.locator('[data-program="PKH"]')).toContainText('Layak');
  await expect(keluarga.locator('[data-program="PKH"]')).toContainText('Desil 3 termasuk');
  await expect(keluarga.locator('[data-program="PKH"]')).toContainText('Memenuhi komponen anak sekolah');
  await keluarga.getByRole('button', { name: 'Lihat anggota' }).click();
  await expect(keluarga.getByRole('cell', { name: 'Yuliana' })).toBeVisible();
  await expect(keluarga).not.toContainText(wifeNik);
  await shot(page, '08-register');
});
