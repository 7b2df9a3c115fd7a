import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { Timestamp, type DocumentData } from 'firebase-admin/firestore';
import { criteriaOf, eligibility, type EligibilityMember, type HouseholdStatus, type Program } from '../../functions/src/domain/index.js';
import { emulatorFire, loadJobs } from '../../.scripts/scheduler/local.js';
import { adminDb, defaultConfig } from '../../.scripts/seed/admin.js';
import { nikFor } from '../support/factories.js';
import { E2E_VERIFIKATOR, resetToBaseline } from './global-setup.js';
import { shot, signIn } from './session.js';

/**
 * The Dinas Sosial's dashboards and export, on a register seeded here with the Admin SDK (as the
 * DTKS import would leave it): Desa Air Mundu (Kec. Bermani Ulu) with verified, warned and frozen
 * households, members without NIK, an invalid NIK and a likely duplicate; Desa Kota Pagu (Kec. Curup
 * Utara) with an active operator. The statistics come from the real triggers and the nightly
 * reconciliation (run by hand); the numbers checked are those of these two kecamatan only, which
 * no other test touches.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const AIR_MUNDU = '17.02.10.2001';
const KOTA_PAGU = '17.02.16.2013';
const DAY = 86_400_000;
const db = adminDb();
const programs = defaultConfig().programs as unknown as Program[];

interface SeedMember extends EligibilityMember {
  name: string;
  nik: string | null;
  relationship: string;
  flags?: string[];
}

const niks = { rusdi: nikFor('1970-03-03', 'L', '170210'), yanti: nikFor('1975-06-06', 'P', '170210') };

async function seedHousehold(
  id: string,
  desaCode: string,
  h: {
    head: string;
    desil: number;
    status: HouseholdStatus;
    vervalDaysAgo: number;
    level: 'ok' | 'peringatan' | 'beku';
    missed: number;
    members: SeedMember[];
  },
) {
  const now = Date.now();
  const decisions = eligibility({ desil: h.desil, status: h.status, desaCode }, criteriaOf(h.members), programs, new Date());
  const ref = db.collection('households').doc(id);
  const batch = db.batch();
  batch.set(ref, {
    kkNumber: `17021012031500${id.slice(-2)}`,
    kkHistory: [],
    address: `Dusun I, ${id}`,
    desaCode,
    kecamatanCode: desaCode.slice(0, 8),
    kabupatenCode: '17.02',
    desil: h.desil,
    status: h.status,
    statusReason: null,
    headName: h.head,
    memberCount: h.members.length,
    memberCriteria: criteriaOf(h.members),
    lastVervalAt: Timestamp.fromMillis(now - h.vervalDaysAgo * DAY),
    staleness: {
      level: h.level,
      missed: h.missed,
      freezesAt: h.level === 'ok' ? null : Timestamp.fromMillis(now + (h.level === 'peringatan' ? 45 : -5) * DAY),
    },
    eligibility: Object.fromEntries(decisions.map(({ programId, ...rest }) => [programId, rest])),
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'e2e-seed',
    createdAt: Timestamp.now(),
    updatedAt: Timestamp.now(),
  });
  h.members.forEach((m, i) => {
    batch.set(ref.collection('members').doc(`m${i}`), {
      nik: m.nik,
      nikMasked: m.nik ? `${m.nik.slice(0, 4)}••••••••${m.nik.slice(12)}` : '—',
      nikHash: null,
      name: m.name,
      sex: m.sex,
      birthDate: m.birthDate,
      relationship: m.relationship,
      ...(m.school ? { school: m.school } : {}),
      flags: m.flags ?? (m.nik ? [] : ['nik.missing']),
      status: 'aktif',
      leftReason: null,
      householdId: id,
      desaCode,
      kabupatenCode: '17.02',
      createdAt: Timestamp.now(),
    });
  });
  await batch.commit();
}

/** A message key shown as it is (svelte-i18n's answer to a key it does not know), e.g. "dinas.queue.title". */
async function expectNoRawKeys(page: Page): Promise<void> {
  await expect(page.locator('main')).not.toContainText(/\b(?:common|dinas|admin|chart)\.[a-zA-Z]+\.[a-zA-Z]/);
}

/** The nightly reconciliation, fired as the local scheduler fires it (it throws unless the function succeeded). */
async function runReconciliation(): Promise<void> {
  const job = (await loadJobs()).find((j) => j.name === 'reconcileStatistics');
  if (!job) throw new Error('functions/lib has no scheduled reconcileStatistics');
  await emulatorFire()(job, new Date());
}

async function statsOf(id: string): Promise<DocumentData | undefined> {
  return (await db.collection('stats').doc(id).get()).data();
}

// A further --repeat-each repetition starts from the baseline, not from what the previous one left.
test.beforeAll(resetToBaseline);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await seedHousehold('e2e-am-01', AIR_MUNDU, {
    head: 'Rusdi',
    desil: 1,
    status: 'aktif',
    vervalDaysAgo: 0,
    level: 'ok',
    missed: 0,
    members: [
      { name: 'Rusdi', nik: niks.rusdi, sex: 'L', birthDate: '1970-03-03', relationship: 'kepala_keluarga' },
      { name: 'Yanti', nik: niks.yanti, sex: 'P', birthDate: '1975-06-06', relationship: 'istri' },
      { name: 'Dodi', nik: null, sex: 'L', birthDate: '2012-01-01', relationship: 'anak', school: 'smp' },
    ],
  });
  await seedHousehold('e2e-am-02', AIR_MUNDU, {
    head: 'Siti Aminah',
    desil: 3,
    status: 'aktif',
    vervalDaysAgo: 0,
    level: 'ok',
    missed: 0,
    members: [
      { name: 'Siti Aminah', nik: null, sex: 'P', birthDate: '1990-01-01', relationship: 'kepala_keluarga' },
      // Imported with a NIK the rules refuse (day 99).
      { name: 'Joko', nik: '1710109908880001', sex: 'L', birthDate: '1988-08-08', relationship: 'suami', flags: ['nik.invalid'] },
    ],
  });
  await seedHousehold('e2e-am-03', AIR_MUNDU, {
    head: 'Marlina',
    desil: 6,
    status: 'aktif',
    vervalDaysAgo: 40,
    level: 'peringatan',
    missed: 1,
    members: [
      { name: 'Marlina', nik: nikFor('1985-02-02', 'P', '170210'), sex: 'P', birthDate: '1985-02-02', relationship: 'kepala_keluarga' },
      // The same person as Siti Aminah of e2e-am-02, there without NIK: a likely duplicate.
      { name: 'SITI AMINAH', nik: nikFor('1990-01-01', 'P', '170210'), sex: 'P', birthDate: '1990-01-01', relationship: 'famili_lain' },
    ],
  });
  await seedHousehold('e2e-am-04', AIR_MUNDU, {
    head: 'Bakri',
    desil: 2,
    status: 'beku',
    vervalDaysAgo: 120,
    level: 'beku',
    missed: 3,
    members: [{ name: 'Bakri', nik: nikFor('1950-05-05', 'L', '170210'), sex: 'L', birthDate: '1950-05-05', relationship: 'kepala_keluarga' }],
  });
  await seedHousehold('e2e-kp-01', KOTA_PAGU, {
    head: 'Hasan',
    desil: 4,
    status: 'aktif',
    vervalDaysAgo: 0,
    level: 'ok',
    missed: 0,
    members: [{ name: 'Hasan', nik: nikFor('1980-10-10', 'L', '170216'), sex: 'L', birthDate: '1980-10-10', relationship: 'kepala_keluarga' }],
  });
  await seedHousehold('e2e-kp-02', KOTA_PAGU, {
    head: 'Nurhayati',
    desil: 5,
    status: 'aktif',
    vervalDaysAgo: 50,
    level: 'peringatan',
    missed: 1,
    members: [{ name: 'Nurhayati', nik: nikFor('1982-12-12', 'P', '170216'), sex: 'P', birthDate: '1982-12-12', relationship: 'kepala_keluarga' }],
  });
  // An active operator in Kota Pagu, as manageUser leaves the profile.
  await db.collection('users').doc('e2e-operator-kotapagu').set({
    email: 'operator.kotapagu@tepat.test',
    displayName: 'Operator Kota Pagu',
    role: 'operator',
    kabupatenCode: '17.02',
    kecamatanCode: '17.02.16',
    desaCode: KOTA_PAGU,
    active: true,
    claimsUpdatedAt: Timestamp.now(),
    updatedBy: 'e2e',
  });

  // The triggers count as the documents arrive; then the nightly reconciliation adds likely duplicates.
  await expect
    .poll(
      async () => {
        const [am, kab] = await Promise.all([statsOf(`desa_${AIR_MUNDU}`), statsOf('kabupaten_17.02')]);
        return {
          aktif: am?.counts?.households?.aktif,
          nikMissing: am?.counts?.nikMissing,
          kotaPagu: (kab?.operators?.activeDesaCodes ?? []).includes(KOTA_PAGU),
        };
      },
      { timeout: 30_000 },
    )
    .toEqual({ aktif: 3, nikMissing: 2, kotaPagu: true });
  await expect
    .poll(
      async () => {
        await runReconciliation();
        return (await statsOf(`kecamatan_17.02.10`))?.likelyDuplicates;
      },
      { timeout: 40_000, intervals: [1_000, 3_000] },
    )
    .toBe(1);
});

test('the dashboards render with numbers, each chart with its table', async ({ page }) => {
  await signIn(page, E2E_VERIFIKATOR, /\/dinas$/);
  await page.getByRole('link', { name: 'Dasbor' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor register — Kabupaten Rejang Lebong');

  // Verval this cycle per kecamatan: Bermani Ulu 2 of 3 active households, Curup Utara 1 of 2.
  await expect(page.getByTestId('verval-17.02.10').getByRole('cell')).toHaveText(['2', '3', '67%']);
  await expect(page.getByTestId('verval-17.02.16').getByRole('cell')).toHaveText(['1', '2', '50%']);
  // Desa with an operator: Kota Pagu, 1 of the 14 desa/kelurahan of Curup Utara.
  await expect(page.getByTestId('operator-17.02.16').getByRole('cell')).toHaveText(['1', '13', '14']);
  await expect(page.getByTestId('grafik-operator')).toContainText('dari 156 desa/kelurahan');
  // Data quality: two members without NIK, one invalid NIK, one likely duplicate.
  await expect(page.getByTestId('kualitas-17.02.10').getByRole('cell')).toHaveText(['2', '1', '1']);
  // Close to beku: the two warned households, soonest first.
  const near = page.getByTestId('hampir-beku');
  await expect(near).toContainText('Marlina');
  await expect(near).toContainText('Nurhayati');
  await expect(near).toContainText('Desa Air Mundu');
  // Every chart is drawn (Chart.js loaded on demand) and named for screen readers.
  for (const id of ['grafik-verval', 'grafik-operator', 'grafik-program', 'grafik-desil', 'grafik-kualitas']) {
    await expect(page.getByTestId(id).locator('canvas')).toBeVisible();
    await expect(page.getByTestId(id).getByRole('img')).toHaveAttribute('aria-label', /Angka lengkap ada di tabel/);
  }
  await shot(page, 'dinas-05-dasbor-kabupaten');

  // The language switch is on every Dinas page too: English for the dashboard, its sub-menu and
  // its tables, numbers in English notation; and back to Bahasa Indonesia.
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register dashboard — Kabupaten Rejang Lebong');
  await expect(page.getByRole('navigation', { name: 'Social Affairs menu' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('grafik-operator')).toContainText('of 156 villages have an active operator');
  await expect(page.getByTestId('grafik-verval').getByRole('img')).toHaveAttribute('aria-label', /The full numbers are in the table/);
  await expect(page.getByTestId('verval-17.02.10').getByRole('cell')).toHaveText(['2', '3', '67%']);
  await expect(page).toHaveTitle('Dashboard — Tepat');
  await expectNoRawKeys(page);
  await shot(page, 'dinas-05b-dasbor-english');
  for (const [link, heading, loaded] of [
    ['Incoming meetings', /^Incoming meetings — Kabupaten Rejang Lebong$/, /\d+ meetings? shown/],
    ['By proposal', /^Proposals one by one — Kabupaten Rejang Lebong$/, /No proposal is waiting for a decision|submitted/],
    ['Export to the Ministry', /^Export for SIKS-NG\/DTSEN$/, /No export yet|Done|Failed|In progress/],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('main')).toContainText(loaded);
    await expectNoRawKeys(page);
    await shot(page, `dinas-05c-english-${link.split(' ')[0]!.toLowerCase()}`);
  }
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor register — Kabupaten Rejang Lebong');
  await expect(page.getByRole('navigation', { name: 'Menu Dinas Sosial' }).getByRole('link', { name: 'Dasbor' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('grafik-operator')).toContainText('dari 156 desa/kelurahan');

  // One kecamatan: its desa, recipients per program, desil.
  await page.getByLabel('Wilayah').selectOption('17.02.10');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor register — Kec. Bermani Ulu');
  await expect(page.getByTestId(`verval-${AIR_MUNDU}`).getByRole('cell')).toHaveText(['2', '3', '67%']);
  await expect(page.getByTestId('ringkasan')).toContainText('3 keluarga aktif');
  await expect(page.getByTestId('ringkasan')).toContainText('1 keluarga data beku');
  // Desil 1 (with a school child) is in PKH; desil 1 and 3 in Sembako; desil 6 and the frozen household in none.
  await expect(page.getByTestId('program-PKH').getByRole('cell')).toHaveText(['1']);
  await expect(page.getByTestId('program-SEMBAKO').getByRole('cell')).toHaveText(['2']);
  const desil = page.getByTestId('grafik-desil').locator('tbody tr');
  await expect(desil.nth(0).getByRole('cell')).toHaveText(['1']);
  await expect(desil.nth(3).getByRole('cell')).toHaveText(['0']);
  await expect(desil.nth(5).getByRole('cell')).toHaveText(['1']);
  await expect(near).not.toContainText('Nurhayati');
  await shot(page, 'dinas-06-dasbor-kecamatan');
});

test('an export downloads a CSV of the desa BNBA, checked cell by cell, and is recorded', async ({ page }) => {
  await signIn(page, E2E_VERIFIKATOR, /\/dinas$/);
  await page.getByRole('link', { name: 'Ekspor ke Kemensos' }).click();
  await page.getByLabel('Satu desa/kelurahan').check();
  await page.getByRole('button', { name: 'Unduh CSV' }).click();
  await expect(page.locator('#ex-kecamatan-err')).toHaveText('Pilih kecamatan');
  await expect(page.locator('#ex-desa-err')).toHaveText('Pilih desa/kelurahan');
  await expect(page.getByLabel('Kecamatan')).toBeFocused();

  await page.getByLabel('Kecamatan').selectOption('17.02.10');
  await page.getByLabel('Desa/kelurahan', { exact: true }).selectOption(AIR_MUNDU);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^BNBA_17\.02\.10\.2001_\d{4}-\d{2}-\d{2}\.csv$/);
  const file = readFileSync(await download.path());
  expect([...file.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse<Record<string, string>>(file.toString('utf8'), { bom: true, columns: true });
  // Every member of the four households still in the register (the frozen one too), none other.
  expect(rows.map((r) => r['Nama']).sort()).toEqual(['Bakri', 'Dodi', 'Joko', 'Marlina', 'Rusdi', 'SITI AMINAH', 'Siti Aminah', 'Yanti']);
  const rusdi = rows.find((r) => r['Nama'] === 'Rusdi')!;
  expect(rusdi).toMatchObject({
    NIK: niks.rusdi,
    'Kode Desa/Kelurahan': AIR_MUNDU,
    'Desa/Kelurahan': 'Air Mundu',
    Kecamatan: 'Bermani Ulu',
    Desil: '1',
    'Status Keluarga': 'Aktif',
  });
  expect(rows.find((r) => r['Nama'] === 'Dodi')!['NIK']).toBe('');
  expect(rows.find((r) => r['Nama'] === 'Bakri')!['Status Keluarga']).toBe('Data beku');

  await expect(page.getByTestId('ekspor-selesai')).toContainText('8 baris dari 4 keluarga');
  await expect(page.getByTestId('ekspor-selesai')).toContainText('SHA-256 sama');
  const recorded = page.getByTestId('ekspor-riwayat').filter({ hasText: 'Desa Air Mundu' }).first();
  await expect(recorded).toContainText('Selesai');
  await expect(recorded).toContainText('CSV');
  await shot(page, 'dinas-07-ekspor');
});
