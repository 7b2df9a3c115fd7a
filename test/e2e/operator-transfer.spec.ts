import { expect, test } from '@playwright/test';
import { parseTransferLookup } from '../../functions/src/domain/index.js';
import { adminDb } from '../../.scripts/seed/admin.js';
import { DESA } from '../../.scripts/seed/demo.js';
import type { GeneratedHousehold } from '../../.scripts/seed/generator/index.js';
import { E2E_OPERATOR_SAMBIREJO, resetToBaseline } from './global-setup.js';
import { niksOf, seedRegister, shot, signIn, startMusyawarah } from './operator-support.js';

/**
 * A family registered in Derati now lives in Sambirejo. Sambirejo's operator records a pindah
 * masuk in the musyawarah wizard without knowing the register id: they search by the KK number on
 * the family's card, see who it is (head, old desa, members) and confirm, which fills the id and
 * the old desa. The search needs signal and says so; its errors are next to the number field.
 */
let moving: GeneratedHousehold;
let moved: GeneratedHousehold[];
let own: GeneratedHousehold;

const searchable = (h: GeneratedHousehold) =>
  h.doc.status === 'aktif' &&
  parseTransferLookup({ by: 'kk', number: h.doc.kkNumber }, new Date()).ok &&
  h.members.some((m) => m.doc.nik !== null && m.doc.status === 'aktif');

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test.beforeAll(async () => {
  const derati = await seedRegister(DESA.derati, 3301);
  moved = derati.all;
  // A KK held by only one household, so the search answers exactly this family.
  moving = derati.all.find((h) => searchable(h) && derati.all.filter((o) => o.doc.kkNumber === h.doc.kkNumber).length === 1)!;
  const sambirejo = await seedRegister(DESA.sambirejo, 4409);
  own = sambirejo.all.find(searchable)!;
  expect(moving, 'the seeded Derati register has a searchable household').toBeTruthy();
  expect(own, 'the seeded Sambirejo register has a searchable household').toBeTruthy();
});

test('the receiving operator finds the family by its KK, confirms it, and the pindah masuk passes validation', async ({ page, context }) => {
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await startMusyawarah(page, { place: 'Balai Desa Sambirejo', chair: 'Ketua BPD Sambirejo', attendees: 28, poorRepresentatives: 5 });
  await page.getByRole('button', { name: '+ Pindah masuk dari desa lain' }).click();
  const row = page.locator('[data-type="pindah_masuk"]');
  const number = page.getByLabel('Nomor KK keluarga');

  // Without signal the search says so, and points to the manual fields.
  await context.setOffline(true);
  await expect(row.getByTestId('transfer-offline')).toContainText('pencarian perlu sinyal internet');
  await number.fill(moving.doc.kkNumber);
  await row.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.locator('#u0-find-err')).toContainText('Tidak ada sinyal');
  await shot(page, 'operator-30-transfer-offline');
  await context.setOffline(false);
  await expect(row.getByTestId('transfer-offline')).toHaveCount(0);

  // Mistyped: the KK rule, next to the field, before anything is sent.
  await number.fill('1702 0612');
  await row.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.locator('#u0-find-err')).toHaveText('Nomor KK harus 16 digit angka');
  await expect(number).toHaveAttribute('aria-invalid', 'true');

  // A family already in this desa needs no transfer (searched by a member's NIK).
  await row.getByLabel('NIK salah satu anggota').check();
  const ownNik = own.members.find((m) => m.doc.nik !== null && m.doc.status === 'aktif')!.doc.nik!;
  await page.getByLabel('NIK anggota keluarga').fill(ownNik);
  await page.getByLabel('NIK anggota keluarga').press('Enter');
  await expect(page.locator('#u0-find-err')).toContainText('sudah terdaftar di desa Anda');
  // Enter searched; it did not submit the wizard.
  await expect(page.getByRole('heading', { name: 'Langkah 2: usulan hasil musyawarah' })).toBeVisible();

  // The family's KK, typed as printed (groups of four), and Enter.
  await row.getByLabel('Nomor KK', { exact: true }).check();
  await number.fill(moving.doc.kkNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  await number.press('Enter');
  const candidate = row.getByTestId('transfer-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText(moving.doc.headName);
  await expect(candidate).toContainText('Derati, Kec. Kota Padang');
  await expect(candidate).toContainText(`${moving.doc.memberCount} orang`);
  await expect(row.getByRole('status')).toContainText('1 keluarga ditemukan');
  // Only what identifies the family: no NIK, no other member's name, no address.
  for (const nik of niksOf(moved)) await expect(row).not.toContainText(nik);
  await expect(row).not.toContainText(moving.doc.address);
  await shot(page, 'operator-31-transfer-found');

  await candidate.getByRole('button', { name: 'Ya, ini keluarganya' }).click();
  await expect(row.getByTestId('transfer-chosen')).toContainText(`Dipilih: keluarga ${moving.doc.headName} dari Derati`);
  await expect(page.locator('#u0-address')).toBeFocused();
  // The manual fields hold what the search filled in.
  await row.getByText('Isi manual (tanpa pencarian)').click();
  await expect(page.locator('#u0-hid')).toHaveValue(moving.id);
  await expect(page.locator('#u0-from')).toHaveValue(DESA.derati.desa);
  await page.locator('#u0-address').fill('Dusun II RT 04, Sambirejo');
  await page.locator('#u0-note').fill('Pindah mengikuti pekerjaan di kebun kopi Sambirejo');
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.locator('ol.review')).toContainText(`Pindah masuk — ${moving.doc.headName}`);
  await shot(page, 'operator-32-transfer-review');

  await page.getByRole('button', { name: 'Simpan dan ajukan ke Dinas Sosial' }).click();
  const usulan = page.locator('[data-testid="usulan"][data-type="pindah_masuk"]');
  await expect(usulan).toContainText('Lolos validasi. Menunggu keputusan Dinas Sosial.', { timeout: 60_000 });
  const musyawarahId = new URL(page.url()).pathname.split('/').pop()!;
  const stored = await adminDb().collection('usulan').where('musyawarahId', '==', musyawarahId).get();
  expect(stored.docs.map((d) => d.data())).toEqual([
    expect.objectContaining({
      type: 'pindah_masuk',
      householdId: moving.id,
      fromDesaCode: DESA.derati.desa,
      desaCode: DESA.sambirejo.desa,
      status: 'diajukan',
    }),
  ]);
  await shot(page, 'operator-33-transfer-submitted');
});

test('nothing chosen yet: the error is next to the search, where the focus goes', async ({ page }) => {
  await signIn(page, E2E_OPERATOR_SAMBIREJO);
  await startMusyawarah(page, { place: 'Balai Desa Sambirejo', chair: 'Ketua BPD Sambirejo', attendees: 28, poorRepresentatives: 5 });
  await page.getByRole('button', { name: '+ Pindah masuk dari desa lain' }).click();
  await page.locator('#u0-address').fill('Dusun I RT 01, Sambirejo');
  await page.locator('#u0-note').fill('Pindah karena menikah');
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  await expect(page.locator('#u0-find-err')).toContainText('Cari dan pilih keluarga yang pindah');
  await expect(page.getByLabel('Nomor KK keluarga')).toBeFocused();
  // Not found: a clear message in the same place.
  await page.getByLabel('Nomor KK keluarga').fill('1702110107219998');
  await page.getByLabel('Nomor KK keluarga').press('Enter');
  await expect(page.locator('#u0-find-err')).toContainText('Tidak ada keluarga dengan nomor KK ini');
});
