import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { Timestamp } from 'firebase-admin/firestore';
import { DEFAULT_STALENESS_POLICY, stalenessOf } from '../../functions/src/domain/index.js';
import { nikHash } from '../../functions/src/lib/nik-hash.js';
import { adminDb, emulatorNikKey } from '../../.scripts/seed/admin.js';
import { KABUPATEN } from '../../.scripts/seed/demo.js';
import { generateRegister, type GeneratedHousehold } from '../../.scripts/seed/generator/index.js';
import { signIn as signInAs } from './session.js';

/** Helpers of the operator-side browser tests: sign in, screenshots, a small register, PDF text. */
export { shot } from './session.js';

export async function signIn(page: Page, email: string): Promise<void> {
  await signInAs(page, email, /\/operator$/);
}

/** The service worker has cached the app and controls the page: from now on it opens without network. */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
}

export interface SeededRegister {
  all: GeneratedHousehold[];
  /** Active, receives a program, warned (one monthly cycle missed): verval and sticker. */
  warned: GeneratedHousehold;
  /** Suspended: the reactivation row. */
  suspended: GeneratedHousehold;
  /** Another active household: the removal row. */
  leaving: GeneratedHousehold;
}

const ts = (d: Date) => Timestamp.fromDate(d);

/**
 * Writes a small generated register for one desa (households, members, NIK index) in the
 * functions' stored shapes, and picks the households the tests act on. One household is set to
 * "peringatan": its last verval in the month before last, as the daily job leaves it.
 */
export async function seedRegister(wilayah: { desa: string }, seed: number): Promise<SeededRegister> {
  const now = new Date();
  const key = emulatorNikKey();
  const all = [
    ...generateRegister({
      seed,
      now,
      area: KABUPATEN,
      households: 24,
      desaWeights: { [wilayah.desa]: 1 },
      nikHash: (nik) => nikHash(nik, key),
      shares: { suspended: 0.12 },
    }),
  ];
  const receives = (h: GeneratedHousehold) =>
    h.doc.status === 'aktif' && Object.values(h.doc.eligibility).some((d) => d.eligible) && h.members.every((m) => m.nikIssue === null);
  const warned = all.find(receives);
  const suspended = all.find((h) => h.doc.status === 'ditangguhkan');
  const leaving = all.find((h) => h !== warned && h.doc.status === 'aktif');
  if (!warned || !suspended || !leaving) throw new Error(`seed ${seed} lacks a household the tests need`);
  // Last verval on the 15th of the month before last (Jakarta): one completed cycle missed.
  const jakarta = new Date(now.getTime() + 7 * 3_600_000);
  warned.doc.lastVervalAt = new Date(Date.UTC(jakarta.getUTCFullYear(), jakarta.getUTCMonth() - 2, 15, 3));
  const s = stalenessOf(warned.doc.lastVervalAt, now, DEFAULT_STALENESS_POLICY);
  warned.doc.staleness = { level: s.level, missed: s.missed, freezesAt: s.freezesAt };
  warned.doc.sticker = null;

  const db = adminDb();
  const batch = db.batch();
  for (const h of all) {
    const d = h.doc;
    batch.set(db.doc(`households/${h.id}`), {
      ...d,
      lastVervalAt: ts(d.lastVervalAt),
      staleness: { ...d.staleness, freezesAt: d.staleness.freezesAt ? ts(d.staleness.freezesAt) : null },
      createdAt: ts(d.createdAt),
      updatedAt: ts(d.updatedAt),
    });
    for (const m of h.members) {
      batch.set(db.doc(`households/${h.id}/members/${m.id}`), { ...m.doc, createdAt: ts(m.doc.createdAt) });
      if (m.doc.nikHash) {
        batch.set(db.doc(`nikIndex/${m.doc.nikHash}`), {
          householdId: h.id,
          memberId: m.id,
          active: true,
          desaCode: d.desaCode,
          kabupatenCode: d.kabupatenCode,
          createdAt: ts(d.createdAt),
        });
      }
    }
  }
  await batch.commit();
  return { all, warned, suspended, leaving };
}

/** Every NIK of the seeded households (to prove they never appear where they must not). */
export function niksOf(households: readonly GeneratedHousehold[]): string[] {
  return households.flatMap((h) => h.members.flatMap((m) => (m.doc.nik ? [m.doc.nik] : [])));
}

/**
 * The text a PDF shows, page by page as drawn: inflates every content stream and decodes the
 * strings of its text operators (pdfmake's standard fonts write WinAnsi bytes as hex strings).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = pdf.subarray(start, end);
    let text: string;
    try {
      text = inflateSync(body).toString('latin1');
    } catch {
      continue;
    }
    for (const t of text.matchAll(/\[((?:<[0-9a-fA-F]*>|\([^)]*\)|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(([^)]*)\)\s*Tj/g)) {
      if (t[1] !== undefined) {
        out.push(
          [...t[1].matchAll(/<([0-9a-fA-F]*)>|\(([^)]*)\)/g)].map((p) => (p[1] !== undefined ? Buffer.from(p[1], 'hex').toString('latin1') : p[2])).join(''),
        );
      } else {
        out.push(t[2] !== undefined ? Buffer.from(t[2], 'hex').toString('latin1') : (t[3] ?? ''));
      }
    }
  }
  return out.join('');
}

/** Opens the musyawarah wizard from the operator's home and fills the berita acara's meeting step, then goes on to the usulan. */
export async function startMusyawarah(page: Page, meeting: { place: string; chair: string; attendees: number; poorRepresentatives: number }): Promise<void> {
  await page.getByRole('link', { name: /Catat musyawarah baru/ }).click();
  await page.getByLabel('Tempat').fill(meeting.place);
  await page.getByLabel('Pimpinan musyawarah').fill(meeting.chair);
  await page.getByLabel('Jumlah peserta').fill(String(meeting.attendees));
  await page.getByLabel('Perwakilan keluarga miskin yang hadir').fill(String(meeting.poorRepresentatives));
  await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
}
