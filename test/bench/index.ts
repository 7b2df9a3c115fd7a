/**
 * `npm run bench`: throughput of the domain rules on a register the size of Lampung's DTKS
 * (1,018,135 poor households, seed 004). Not a test: it prints figures, it asserts nothing.
 *
 * Households are synthetic and deterministic (seeded PRNG), generated and measured in chunks so
 * memory stays flat; only the domain calls are timed, not the generation.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  checkMemberNik,
  eligibility,
  nationalKecamatanCodes,
  programSchema,
  type EligibilityHousehold,
  type HouseholdStatus,
  type Member,
  type Program,
} from '../../functions/src/domain/index.js';

const HOUSEHOLDS = 1_018_135;
const CHUNK = 50_000;
const SEED = 20_210_316; // the day of the Lampung meeting in seed 004
const REFERENCE = new Date('2025-06-15T05:00:00Z');

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = prng(SEED);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

// NIKs are issued in Lampung's kecamatan (province 18), with a few from elsewhere.
const allKecamatan = nationalKecamatanCodes().map((c) => c.replaceAll('.', ''));
const lampung = allKecamatan.filter((c) => c.startsWith('18'));
const OCCUPATIONS = ['petani', 'buruh', 'nelayan', 'pedagang', 'mengurus_rumah_tangga', 'tidak_bekerja', 'wiraswasta'] as const;

function birthDate(minAge: number, maxAge: number): string {
  const year = 2025 - int(minAge, maxAge);
  const month = int(1, 12);
  const day = int(1, 28);
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function nikFor(date: string, sex: 'L' | 'P'): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const kec = rand() < 0.95 ? pick(lampung) : pick(allKecamatan);
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  let nik = `${kec}${pad(day, 2)}${m}${y.slice(2)}${pad(int(1, 9999), 4)}`;
  // About 2% typed wrong: one digit changed.
  if (rand() < 0.02) {
    const i = int(0, 15);
    nik = nik.slice(0, i) + String((Number(nik[i]) + int(1, 9)) % 10) + nik.slice(i + 1);
  }
  return nik;
}

interface SyntheticHousehold {
  household: EligibilityHousehold;
  members: Member[];
}

function makeHousehold(): SyntheticHousehold {
  const size = int(1, 7);
  const members: Member[] = [];
  // Lampung: 193,003 of 1,018,135 KPM invalid, mostly missing NIK — about 19% of households lack one.
  const missingNik = rand() < 0.19;
  for (let i = 0; i < size; i += 1) {
    const head = i === 0;
    const sex: 'L' | 'P' = head ? (rand() < 0.85 ? 'L' : 'P') : i === 1 ? 'P' : rand() < 0.5 ? 'L' : 'P';
    const date = head || i === 1 ? birthDate(20, 80) : birthDate(0, 25);
    const age = 2025 - Number(date.slice(0, 4));
    members.push({
      nik: missingNik && i === size - 1 ? null : nikFor(date, sex),
      name: `Anggota ${i + 1}`,
      sex,
      birthDate: date,
      relationship: head ? 'kepala_keluarga' : i === 1 ? 'istri' : 'anak',
      occupation: rand() < 0.01 ? pick(['asn', 'tni', 'polri'] as const) : age >= 18 ? pick(OCCUPATIONS) : 'pelajar',
      pregnant: i === 1 && age < 45 && rand() < 0.05,
      disability: rand() < 0.02 ? 'berat' : 'tidak_ada',
      school: age >= 6 && age <= 18 ? (age <= 12 ? 'sd' : age <= 15 ? 'smp' : 'sma') : age < 6 ? 'paud' : 'tidak_sekolah',
    });
  }
  const roll = rand();
  const status: HouseholdStatus = roll < 0.9 ? 'aktif' : roll < 0.96 ? 'beku' : roll < 0.98 ? 'ditangguhkan' : 'keluar';
  return { household: { desil: rand() < 0.03 ? null : int(1, 10), status, desaCode: '18.01.01.2001' }, members };
}

function loadPrograms(): Program[] {
  const file = join(import.meta.dirname, '../../functions/src/domain/defaults/programs.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { programs: unknown[] };
  return config.programs.map((p) => programSchema.parse(p));
}

function main(): void {
  const programs = loadPrograms();
  const cpu = cpus();
  console.log('Tepat domain benchmark');
  console.log(`  machine : ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  console.log(`  runtime : Node ${process.version} (${process.platform}/${process.arch})`);
  console.log(`  data    : ${HOUSEHOLDS.toLocaleString('en')} synthetic households (Lampung DTKS, seed 004), seed ${SEED}, chunks of ${CHUNK.toLocaleString('en')}`);
  console.log(`  programs: ${programs.map((p) => p.id).join(', ')} (defaults/programs.json); reference date ${REFERENCE.toISOString()}`);
  console.log('');

  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < 20_000; i += 1) {
    const h = makeHousehold();
    eligibility(h.household, h.members, programs, REFERENCE);
    for (const m of h.members) checkMemberNik(m, REFERENCE);
  }

  let nikMs = 0;
  let eligibilityMs = 0;
  let niks = 0;
  let nikErrors = 0;
  let nikMissing = 0;
  let members = 0;
  const eligibleCount = new Map<string, number>(programs.map((p) => [p.id, 0]));
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const wall = performance.now();

  for (let done = 0; done < HOUSEHOLDS; done += CHUNK) {
    const size = Math.min(CHUNK, HOUSEHOLDS - done);
    const chunk: SyntheticHousehold[] = new Array(size);
    for (let i = 0; i < size; i += 1) chunk[i] = makeHousehold();

    let t = performance.now();
    for (const h of chunk) {
      for (const m of h.members) {
        const r = checkMemberNik(m, REFERENCE);
        if (m.nik) niks += 1;
        else nikMissing += 1;
        if (r.errors.length > 0) nikErrors += 1;
      }
    }
    nikMs += performance.now() - t;

    t = performance.now();
    for (const h of chunk) {
      for (const d of eligibility(h.household, h.members, programs, REFERENCE)) {
        if (d.eligible) eligibleCount.set(d.programId, eligibleCount.get(d.programId)! + 1);
      }
    }
    eligibilityMs += performance.now() - t;
    for (const h of chunk) members += h.members.length;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }

  const wallS = (performance.now() - wall) / 1000;
  const perS = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
  console.log(`NIK validation (checkMemberNik: structure, Kemendagri region, date, serial, agreement with birth date and sex)`);
  console.log(`  ${niks.toLocaleString('en')} NIKs in ${(nikMs / 1000).toFixed(2)} s → ${perS(niks, nikMs)} NIKs/s (the time also covers ${nikMissing.toLocaleString('en')} members without NIK, flagged)`);
  console.log(`  ${nikErrors.toLocaleString('en')} members with NIK errors (about 2% of NIKs have one digit changed)`);
  console.log('');
  console.log(`Eligibility (eligibility(): status, desil band, PKH components, ASN/TNI/Polri exclusion; ${programs.length} programs each)`);
  console.log(`  ${HOUSEHOLDS.toLocaleString('en')} households (${members.toLocaleString('en')} members) in ${(eligibilityMs / 1000).toFixed(2)} s → ${perS(HOUSEHOLDS, eligibilityMs)} households/s`);
  console.log(`  eligible: ${[...eligibleCount].map(([id, n]) => `${id} ${n.toLocaleString('en')}`).join(', ')}`);
  console.log('');
  console.log(`Total wall time ${wallS.toFixed(1)} s including generation; heap ${(heapBefore / 2 ** 20).toFixed(0)} MiB before, peak ${(heapPeak / 2 ** 20).toFixed(0)} MiB.`);
}

main();
