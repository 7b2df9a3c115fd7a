import { expect, test } from '@playwright/test';
import { maskNik } from '../../functions/src/domain/index.js';
import { DESA } from '../../.scripts/seed/demo.js';
import { E2E_OPERATOR_SAMBIREJO, resetToBaseline } from './global-setup.js';
import { seedRegister, shot, signIn, type SeededRegister } from './operator-support.js';

/**
 * The operator's households: the verval clock with its warning, recording a verval and the bansos
 * sticker at the house without signal (applied when it returns), the verval history; then the wizard's rows of the other usulan types, each
 * checked as it is typed with the shared schemas, errors next to their fields; and English, on the
 * keluarga pages and in the wizard.
 */
let register: SeededRegister;
/** Derati's register, where the family of the corrected pindah masuk really lives. */
let derati: SeededRegister;

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test.beforeAll(async () => {
  register = await seedRegister(DESA.sambirejo, 2207);
  derati = await seedRegister(DESA.derati, 2208);
});

test('an operator records a verval and the sticker of a warned household without signal; both apply when it returns', async ({ page, context }) => {
  const h = register.warned;
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
  await page.getByLabel(/Perlu verval/).check();
  const card = page.getByTestId('keluarga').filter({ hasText: h.doc.headName });
  await expect(card.getByTestId('verval-due')).toHaveAttribute('data-level', 'peringatan');
  await shot(page, 'operator-20-keluarga-perlu-verval');

  await card.getByRole('link', { name: h.doc.headName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(h.doc.headName);
  await expect(page.getByTestId('verval-due')).toContainText('Perlu verval segera.');
  await expect(page.getByTestId('verval-due')).toContainText('hari lagi');
  // NIK masked, eligibility with the reasons.
  const head = h.members.find((m) => m.doc.nik !== null);
  if (head?.doc.nik) {
    await expect(page.locator('main')).not.toContainText(head.doc.nik);
    await expect(page.locator('main')).toContainText(maskNik(head.doc.nik));
  }
  await expect(page.locator('[data-program="PKH"]')).toContainText(/Layak|Tidak layak/);
  await expect(page.locator('section[aria-labelledby="members-title"] tbody tr')).toHaveCount(h.members.filter((m) => m.doc.status === 'aktif').length);
  await shot(page, 'operator-21-keluarga-detail');

  // At the house there is no signal.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Luring');

  // Verval: the result is required, said next to it, and the focus goes there.
  await page.getByRole('button', { name: 'Simpan verval' }).click();
  await expect(page.locator('#verval-result-err')).toContainText('verval');
  await expect(page.getByRole('radiogroup')).toBeFocused();
  await page.getByLabel('Data sesuai').check();
  await page.getByLabel('Catatan verval').fill('Rumah dikunjungi, anggota keluarga lengkap');
  await page.getByRole('button', { name: 'Simpan verval' }).click();
  await expect(page.getByText('Verval tersimpan di perangkat ini dan akan dikirim saat ada sinyal.')).toBeVisible();
  const visit = page.getByTestId('verval-history').locator('li').filter({ hasText: 'Rumah dikunjungi, anggota keluarga lengkap' });
  await expect(visit).toContainText('Data sesuai');
  await expect(visit.locator('[data-status]')).toHaveAttribute('data-status', 'menunggu_sinyal');
  await expect(page.getByTestId('verval-due')).toHaveAttribute('data-level', 'peringatan');

  // The sticker: who put it up is required; then it is saved on the device too.
  await page.getByRole('button', { name: 'Catat pemasangan stiker' }).click();
  await expect(page.locator('#sticker-by-err')).not.toBeEmpty();
  await expect(page.getByLabel('Dipasang oleh')).toBeFocused();
  await page.getByLabel('Dipasang oleh').fill('Pak RT Sambirejo');
  await page.getByRole('button', { name: 'Catat pemasangan stiker' }).click();
  await expect(page.getByText('Catatan stiker tersimpan di perangkat ini dan akan dikirim saat ada sinyal.')).toBeVisible();
  await expect(page.getByTestId('sticker-reports')).toContainText('oleh Pak RT Sambirejo');
  await expect(page.getByTestId('sync-status')).toContainText('Menunggu sinkronisasi (2 perubahan)');
  await shot(page, 'operator-22a-keluarga-verval-stiker-luring');

  // Signal again: both reports go out and are applied to the household.
  await context.setOffline(false);
  await expect(visit.locator('[data-status]')).toHaveAttribute('data-status', 'diterapkan', { timeout: 30_000 });
  await expect(page.getByTestId('verval-due')).toHaveAttribute('data-level', 'ok');
  await expect(page.getByTestId('sticker-current')).toContainText('oleh Pak RT Sambirejo', { timeout: 30_000 });
  await expect(page.getByTestId('sticker-reports')).toHaveCount(0);
  await shot(page, 'operator-22-keluarga-verval-stiker');
});

test('the keluarga list and detail in English, dates included, and back to Bahasa Indonesia', async ({ page }) => {
  const h = register.warned;
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keluarga di Desa Sambirejo');
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Households of Desa Sambirejo');
  const card = page.getByTestId('keluarga').filter({ hasText: h.doc.headName });
  await expect(card).toContainText('decile');

  await card.getByRole('link', { name: h.doc.headName }).click();
  await expect(page.getByRole('heading', { name: 'Members', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verification history' })).toBeVisible();
  const headers = page.locator('section[aria-labelledby="members-title"] thead th');
  await expect(headers).toHaveText(['Name', 'NIK', 'Sex (L/P)', 'Date of birth', 'Relationship']);
  await expect(page.getByTestId('verval-due')).toContainText(/Verify by [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await shot(page, 'operator-21b-keluarga-detail-english');

  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { name: 'Riwayat verval' })).toBeVisible();
  await expect(headers).toHaveText(['Nama', 'NIK', 'L/P', 'Tanggal lahir', 'Hubungan']);
  await expect(page.getByTestId('verval-due')).toContainText(/paling lambat \d{1,2} \w{3} \d{4}/);
});

test('the wizard checks every usulan type as it is typed, in Bahasa Indonesia or English', async ({ page }) => {
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await page.goto(`/operator/keluarga/${register.warned.id}`);
  await page.getByRole('link', { name: 'Usulkan perbaikan data' }).click();

  // Correction, prefilled from the register.
  await expect(page.locator('#u0-kk')).toHaveValue(register.warned.doc.kkNumber, { timeout: 30_000 });
  await expect(page.locator('#u0-m0-name')).not.toHaveValue('');
  await page.locator('#u0-desil').fill('2');

  // Reactivation without its documents, in a kabupaten that re-registers suspended households instead.
  await page.getByRole('button', { name: '+ Reaktivasi' }).click();
  await page.locator('#u1-household').selectOption(register.suspended.id);
  // Moving in, typed by hand (the fallback to the search), with the desa's own code as the old desa.
  await page.getByRole('button', { name: '+ Pindah masuk dari desa lain' }).click();
  await page.getByText('Isi manual (tanpa pencarian)').click();
  await page.locator('#u2-hid').fill('hhPindahan01');
  await page.locator('#u2-from').fill(DESA.sambirejo.desa);
  await page.locator('#u2-address').fill('Dusun III RT 01, Sambirejo');
  await page.locator('#u2-note').fill('Pindah karena bekerja di kebun kopi Sambirejo');

  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.locator('#u0-note-err')).toContainText('Keterangan');
  await expect(page.locator('#u0-note')).toBeFocused();
  await expect(page.locator('#u1-sp-number-err')).toHaveText('Nomor dokumen wajib diisi (dokumen disimpan di arsip desa)');
  await expect(page.locator('#u1-sp-date-err')).toContainText('Tanggal');
  await expect(page.locator('#u1-signed-err')).toContainText('ditandatangani');
  await expect(page.locator('[data-type="reaktivasi"]')).toContainText('Kabupaten ini tidak memakai reaktivasi');
  await expect(page.locator('#u2-from-err')).toContainText('Desa asal sama dengan desa tujuan');
  await shot(page, 'operator-23-wizard-usulan-types');

  // Fixing a field clears its error as it is typed.
  await page.locator('#u0-note').fill('Desil diperbarui hasil pemeringkatan terbaru');
  await expect(page.locator('#u0-note-err')).toHaveCount(0);
  await page.locator('#u2-from').fill(DESA.derati.desa);
  await expect(page.locator('#u2-from-err')).toHaveCount(0);

  // English, remembered on the device; validation messages stay those of the shared schemas.
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Record a new meeting' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Minutes/ }).click();
  await expect(page.getByLabel('Chair of the meeting')).toBeVisible();
  await shot(page, 'operator-24-wizard-english');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Record a new meeting' })).toBeVisible();
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { name: 'Catat musyawarah baru' })).toBeVisible();
});

test('a draft is saved, completed later and submitted; a failed usulan shows why, is corrected and passes', async ({ page }) => {
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await page.getByRole('link', { name: /Catat musyawarah baru/ }).click();
  await page.getByLabel('Tempat').fill('Kantor Desa Sambirejo');
  await page.getByLabel('Pimpinan musyawarah').fill('Ketua BPD Sambirejo');
  await page.getByLabel('Jumlah peserta').fill('25');
  await page.getByLabel('Perwakilan keluarga miskin yang hadir').fill('4');
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await page.getByRole('button', { name: '+ Keluarkan dari register' }).click();
  await page.locator('#u0-household').selectOption(register.leaving.id);
  await page.locator('#u0-reason').selectOption('mampu');
  await page.locator('#u0-note').fill('Sudah bekerja tetap sebagai karyawan kebun');
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByTestId('musyawarah-status')).toContainText('Draf (belum diajukan)');
  await expect(page.getByTestId('usulan')).toContainText('Belum diajukan ke Dinas Sosial.');

  // Later: one more usulan (a household moving in whose id the register does not know), then submit.
  await page.getByRole('link', { name: 'Tambah usulan' }).click();
  await expect(page.getByRole('heading', { name: 'Tambah usulan ke draf musyawarah' })).toBeVisible();
  await expect(page.getByText('Draf ini sudah berisi 1 usulan')).toBeVisible();
  await page.getByRole('button', { name: '+ Pindah masuk dari desa lain' }).click();
  await page.getByText('Isi manual (tanpa pencarian)').click();
  await page.locator('#u0-hid').fill('tidakAdaDiRegister01');
  await page.locator('#u0-from').fill(DESA.derati.desa);
  await page.locator('#u0-address').fill('Dusun II RT 02, Sambirejo');
  await page.locator('#u0-note').fill('Pindah mengikuti keluarga istri');
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await page.getByRole('button', { name: 'Simpan dan ajukan ke Dinas Sosial' }).click();
  await expect(page.getByTestId('usulan')).toHaveCount(2);
  await expect(page.getByTestId('musyawarah-status')).toContainText('Diajukan ke Dinas Sosial');
  const pindah = page.locator('[data-testid="usulan"][data-type="pindah_masuk"]');
  await expect(pindah.locator('[data-status="tidak_lolos_validasi"]')).toBeVisible({ timeout: 60_000 });
  await expect(pindah).toContainText('Tidak lolos validasi. Alasannya di bawah');
  await expect(pindah.locator('ul.notice.error li')).not.toHaveCount(0);
  await expect(page.locator('[data-testid="usulan"][data-type="keluar"]')).toContainText('Lolos validasi. Menunggu keputusan Dinas Sosial.');
  await shot(page, 'operator-25-draft-submitted-reasons');

  // The operator corrects it in place: the reason sits next to the household id until it changes.
  await pindah.getByRole('link', { name: 'Perbaiki usulan ini' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perbaiki usulan yang tidak lolos validasi');
  const hid = page.locator('#u0-hid');
  await expect(hid).toHaveValue('tidakAdaDiRegister01');
  await expect(hid).toHaveAttribute('aria-invalid', 'true');
  await expect(hid).toBeFocused();
  await expect(page.locator('#u0-hid-err')).toContainText('Keluarga yang diusulkan tidak ada di register');
  await expect(page.locator('#u0-address')).toHaveValue('Dusun II RT 02, Sambirejo');
  await shot(page, 'operator-26-correct-failed-usulan');
  await hid.fill(derati.leaving.id);
  await expect(page.locator('#u0-hid-err')).toHaveCount(0);
  await page.getByRole('button', { name: 'Simpan dan ajukan lagi' }).click();

  // Back on the musyawarah: the same usulan, submitted again, validated again, and it passes.
  await expect(page.getByTestId('musyawarah-status')).toContainText('Diajukan ke Dinas Sosial');
  await expect(page.getByTestId('usulan')).toHaveCount(2);
  await expect(pindah).toContainText('Lolos validasi. Menunggu keputusan Dinas Sosial.', { timeout: 60_000 });
  await expect(pindah.getByRole('link', { name: 'Perbaiki usulan ini' })).toHaveCount(0);
  await expect(pindah.locator('ul.notice.error li')).toHaveCount(0);
  await shot(page, 'operator-27-corrected-usulan-passed');
});
