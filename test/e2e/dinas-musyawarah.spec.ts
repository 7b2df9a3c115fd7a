import { expect, test } from '@playwright/test';
import type { HouseholdProposal, Meeting } from '../../functions/src/domain/index.js';
import { ensureUser } from '../../.scripts/seed/admin.js';
import { signInClient } from '../../.scripts/seed/client.js';
import { DESA } from '../../.scripts/seed/demo.js';
import { meeting, nikFor } from '../support/factories.js';
import { recordAndSubmit, takeBackForCorrection, validated } from '../../.scripts/seed/flow.js';
import { E2E_KADIS, E2E_PASSWORD, E2E_VERIFIKATOR, resetToBaseline } from './global-setup.js';
import { shot, signIn, signOut } from './session.js';

/**
 * The Dinas Sosial decides a whole musyawarah from its detail page: Desa Sambirejo (Kec. Selupu
 * Rejang) submits four usulan — two good ones (one with a member without NIK: a warning), one whose
 * NIK does not match the birth date (fails validation), one the verifikator refuses on its own.
 * The verifikator verifies the rest at once and sees what was skipped and why; the kadis approves
 * them at once and they reach the register.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const OPERATOR = 'e2e.operator.sambirejo@tepat.test';

const kk = (serial: string) => `170211120315${serial}`;
const households: HouseholdProposal[] = [
  {
    kkNumber: kk('0101'),
    address: 'Dusun I RT 02, Sambirejo',
    desil: 2,
    members: [
      { nik: nikFor('1975-04-10', 'L', '170211'), name: 'Suparman', sex: 'L', birthDate: '1975-04-10', relationship: 'kepala_keluarga' },
      { nik: nikFor('1979-09-21', 'P', '170211'), name: 'Sulastri', sex: 'P', birthDate: '1979-09-21', relationship: 'istri' },
      { nik: null, name: 'Bayu', sex: 'L', birthDate: '2014-02-02', relationship: 'anak', school: 'sd' },
    ],
  },
  {
    kkNumber: kk('0102'),
    address: 'Dusun II RT 01, Sambirejo',
    desil: 3,
    members: [
      { nik: nikFor('1968-12-01', 'L', '170211'), name: 'Wagiman', sex: 'L', birthDate: '1968-12-01', relationship: 'kepala_keluarga' },
      { nik: nikFor('1970-05-05', 'P', '170211'), name: 'Painem', sex: 'P', birthDate: '1970-05-05', relationship: 'istri' },
    ],
  },
  // The NIK says 1961, the KK says 1960: validation refuses it.
  {
    kkNumber: kk('0103'),
    address: 'Dusun II RT 03, Sambirejo',
    desil: 1,
    members: [{ nik: nikFor('1961-01-01', 'L', '170211'), name: 'Karto', sex: 'L', birthDate: '1960-01-01', relationship: 'kepala_keluarga' }],
  },
  {
    kkNumber: kk('0104'),
    address: 'Dusun III RT 01, Sambirejo',
    desil: 4,
    members: [{ nik: nikFor('1985-07-07', 'L', '170211'), name: 'Sugeng', sex: 'L', birthDate: '1985-07-07', relationship: 'kepala_keluarga' }],
  },
];
const berita: Meeting = meeting({
  place: 'Balai Desa Sambirejo',
  chair: 'Kepala Desa Sambirejo',
  attendees: 41,
  poorHouseholdRepresentatives: 9,
  notes: 'Dihadiri pendamping PKH Kec. Selupu Rejang',
});

let musyawarahId = '';
/** The usulan of each household head, by name. */
const usulanOf = new Map<string, string>();

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test.beforeAll(async () => {
  const w = DESA.sambirejo;
  await ensureUser(OPERATOR, E2E_PASSWORD, { role: 'operator', ...w }, 'Operator Sambirejo E2E');
  const op = await signInClient(OPERATOR, E2E_PASSWORD);
  try {
    // What the operator's portal writes (its own builders): the draft musyawarah with its usulan, then the submission.
    const recorded = await recordAndSubmit(
      op,
      w,
      households.map((household) => ({ type: 'baru', household })),
      berita,
    );
    const refs = recorded.refs;
    await Promise.all(refs.map(validated));
    musyawarahId = recorded.musyawarahId;
    households.forEach((h, i) => usulanOf.set(h.members[0]!.name, refs[i]!.id));
  } finally {
    await op.close();
  }
});

test('a verifikator and a kadis approve a whole musyawarah from its detail page', async ({ page }) => {
  await signIn(page, E2E_VERIFIKATOR);
  await expect(page).toHaveURL(/\/dinas$/);
  const entry = page.getByTestId('musyawarah-antrean').filter({ has: page.locator(`a[href="/dinas/musyawarah/${musyawarahId}"]`) });
  await expect(page.getByRole('heading', { name: /Kec\. Selupu Rejang/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Desa Sambirejo/ })).toBeVisible();
  await expect(entry).toContainText('3 menunggu Anda');
  await expect(entry).toContainText('1 tidak lolos validasi');
  // Filter by kecamatan and desa.
  await page.getByLabel('Kecamatan').selectOption('17.02.11');
  await page.getByLabel('Desa/kelurahan').selectOption('17.02.11.2003');
  await expect(entry).toBeVisible();
  await shot(page, 'dinas-01-antrean-musyawarah');

  await entry.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Musyawarah desa khusus Desa Sambirejo');
  const ba = page.getByTestId('berita-acara');
  await expect(ba).toContainText('Balai Desa Sambirejo');
  await expect(ba).toContainText('Kepala Desa Sambirejo');
  await expect(ba).toContainText('41 orang');
  await expect(ba).toContainText('Dihadiri pendamping PKH');

  const card = (name: string) => page.getByTestId('usulan-detail').filter({ hasText: name });
  // Validation results, explained.
  await expect(card('Karto')).toContainText('Tidak lolos validasi');
  await expect(card('Karto')).toContainText('Anggota 1 · NIK: Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota');
  await expect(card('Karto')).toContainText('Yang perlu diperiksa: Tanggal lahir di NIK');
  await expect(card('Suparman')).toContainText('Anggota 3 · NIK: Anggota belum memiliki NIK');
  await expect(card('Suparman')).toContainText('dengan 1 catatan untuk diperiksa');

  // One usulan refused on its own: the reason is required, and said next to the note.
  const sugeng = card('Sugeng');
  await sugeng.getByRole('button', { name: 'Tolak', exact: true }).click();
  await expect(sugeng.getByRole('alert')).toHaveText('Alasan penolakan wajib diisi');
  await expect(sugeng.getByLabel('Catatan keputusan')).toBeFocused();
  await sugeng.getByLabel('Catatan keputusan').fill('Keluarga sudah pindah ke Curup sebelum musyawarah');
  await sugeng.getByRole('button', { name: 'Tolak', exact: true }).click();
  await expect(sugeng.locator('[data-status="ditolak"]')).toBeVisible();
  await expect(sugeng).toContainText('Keluarga sudah pindah ke Curup');
  await shot(page, 'dinas-02-musyawarah-verifikator');

  // The rest at once.
  await page.getByLabel('Catatan untuk semua usulan').fill('Sesuai berita acara musdesus Sambirejo');
  await page.getByRole('button', { name: 'Verifikasi semua (2)' }).click();
  const result = page.getByTestId('hasil-keputusan');
  await expect(result).toContainText('2 usulan diputuskan');
  await expect(result).toContainText('Suparman → Diverifikasi');
  await expect(result).toContainText('Wagiman → Diverifikasi');
  const skipped = result.getByTestId('dilewati');
  await expect(skipped).toContainText('Karto: Status usulan tidak dapat berubah dari "Tidak lolos validasi"');
  await expect(skipped).toContainText('Sugeng: Status usulan tidak dapat berubah dari "Ditolak"');
  await expect(card('Wagiman').locator('[data-status="diverifikasi"]')).toBeVisible();
  await shot(page, 'dinas-03-verifikasi-semua');

  await signOut(page);
  await signIn(page, E2E_KADIS);
  await expect(page).toHaveURL(/\/dinas$/);
  await expect(entry).toContainText('2 menunggu Anda');
  await entry.getByRole('link').click();
  await expect(card('Wagiman')).toContainText('Sesuai berita acara musdesus Sambirejo');
  await page.getByRole('button', { name: 'Setujui semua (2)' }).click();
  await expect(result).toContainText('2 usulan diputuskan, 2 dilewati');
  await expect(card('Suparman').locator('[data-status="diterapkan"]')).toBeVisible();
  await expect(card('Wagiman').locator('[data-status="diterapkan"]')).toBeVisible();
  await expect(card('Karto').locator('[data-status="tidak_lolos_validasi"]')).toBeVisible();
  await shot(page, 'dinas-04-kadis-disahkan');

  // The same page in English: the portal's own words change, and so do the reasons the validation
  // stored (a code with params, rendered in the reader's language); no message key shows through.
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Special village meeting Desa Sambirejo');
  await expect(page.getByTestId('berita-acara')).toContainText('41 people');
  await expect(card('Karto')).toContainText("Member 1 · NIK: The birth date in the NIK differs from the member's birth date");
  await expect(card('Karto')).toContainText('What to check: The date of birth in the NIK');
  await expect(result).toContainText('2 proposals decided, 2 skipped');
  await expect(page.locator('main')).not.toContainText(/\b(?:common|dinas|admin|chart)\.[a-zA-Z]+\.[a-zA-Z]/);
  await shot(page, 'dinas-04b-kadis-disahkan-english');
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Musyawarah desa khusus Desa Sambirejo');

  // The desa takes Karto's failed usulan back to correct it: the dinas no longer sees it, and is told why.
  const op = await signInClient(OPERATOR, E2E_PASSWORD);
  try {
    await takeBackForCorrection(op, usulanOf.get('Karto')!);
  } finally {
    await op.close();
  }
  await expect(page.getByTestId('ditarik')).toHaveText(
    '1 usulan sedang diperbaiki oleh desa setelah tidak lolos validasi; usulan itu tampil lagi di sini setelah diajukan ulang.',
  );
  await expect(card('Karto')).toHaveCount(0);

  await page.getByRole('link', { name: '← Antrean musyawarah' }).click();
  await expect(page.getByText('Tidak ada musyawarah yang menunggu keputusan Anda.')).toBeVisible();
});
