/**
 * The emulator half of `npm run bench` (run by emulator.ts inside `firebase emulators:exec`):
 * flow latency measured from the documents' own server timestamps, applied usulan per second,
 * reads per due household of a staleness run, and Firestore reads + writes per applied usulan
 * counted on the functions' own transaction. Prints one line `BENCH_RESULT <json>`.
 *   tsx test/bench/emulator-run.ts flow        (emulators: auth, firestore, functions)
 *   tsx test/bench/emulator-run.ts staleness   (emulators: firestore)
 */
import { performance } from 'node:perf_hooks';
import { Timestamp, Transaction, type Firestore } from 'firebase-admin/firestore';
import { adminDb, defaultConfig, ensureUser, seedConfig, useFunctionsInProcess } from '../../.scripts/seed/admin.js';
import { signInClient } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';
import { household, meeting, nikFor } from '../support/factories.js';
import { decide, recordAndSubmit } from '../../.scripts/seed/flow.js';

useFunctionsInProcess();

const USULAN = Number(process.env.TEPAT_BENCH_USULAN ?? 200);
const REGISTER = Number(process.env.TEPAT_BENCH_REGISTER ?? 100_000);
const PER_MUSYAWARAH = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function flow() {
  await seedConfig(KABUPATEN);
  const PASSWORD = 'bench-pass';
  await ensureUser('bench.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA.derati });
  await ensureUser('bench.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  await ensureUser('bench.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KABUPATEN });
  const [operator, verifikator, kadis] = await Promise.all([
    signInClient('bench.operator@tepat.test', PASSWORD),
    signInClient('bench.verifikator@tepat.test', PASSWORD),
    signInClient('bench.kadis@tepat.test', PASSWORD),
  ]);
  const musyawarah: { id: string; refs: Awaited<ReturnType<typeof recordAndSubmit>>['refs'] }[] = [];
  for (let i = 0; i < USULAN; i += PER_MUSYAWARAH) {
    const contents = Array.from({ length: Math.min(PER_MUSYAWARAH, USULAN - i) }, (_, j) => ({
      type: 'baru' as const,
      household: household({ kkNumber: `17020612031${String(i + j + 1).padStart(5, '0')}`, desil: 1 + ((i + j) % 6) }),
    }));
    const { musyawarahId, refs } = await recordAndSubmit(operator, DESA.derati, contents, meeting());
    musyawarah.push({ id: musyawarahId, refs });
  }
  const refs = musyawarah.flatMap((m) => m.refs);
  // Wait for every validation, then decide per musyawarah: verification, then approval.
  const db = adminDb();
  const waitAll = async (done: (d: FirebaseFirestore.DocumentData | undefined) => boolean) => {
    for (;;) {
      const snaps = await db.getAll(...refs.map((r) => db.collection('usulan').doc(r.id)));
      if (snaps.every((s) => done(s.data()))) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  await waitAll((d) => d?.validation != null);
  for (const m of musyawarah) await decide(verifikator, { musyawarahId: m.id, decision: 'setujui', note: '' });
  const approvedFrom = performance.now();
  for (const m of musyawarah) await decide(kadis, { musyawarahId: m.id, decision: 'setujui', note: '' });
  await waitAll((d) => d?.status === 'diterapkan' || d?.status === 'ditolak');
  const wallMs = performance.now() - approvedFrom;
  await Promise.all([operator.close(), verifikator.close(), kadis.close()]);
  const docs = (await db.getAll(...refs.map((r) => db.collection('usulan').doc(r.id)))).map((s) => s.data()!);
  const validated = docs.map((d) => d.validation.checkedAt.toMillis() - d.submittedAt.toMillis());
  const applied = docs.map((d) => d.outcome.at.toMillis() - d.decisions[d.decisions.length - 1].at.toMillis());
  const firstApproval = Math.min(...docs.map((d) => d.decisions[d.decisions.length - 1].at.toMillis()));
  const lastApplied = Math.max(...docs.map((d) => d.outcome.at.toMillis()));
  return {
    usulan: docs.length,
    appliedOk: docs.filter((d) => d.status === 'diterapkan').length,
    validatedP50: percentile(validated, 50),
    validatedP95: percentile(validated, 95),
    appliedP50: percentile(applied, 50),
    appliedP95: percentile(applied, 95),
    appliedPerSecond: docs.length / ((lastApplied - firstApproval) / 1000),
    wallSeconds: wallMs / 1000,
  };
}

/** Counts the reads and writes of every transaction and batch in this process. */
function countOperations() {
  const counts = { reads: 0, writes: 0 };
  const proto = Transaction.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['get', 'getAll'] as const) {
    const original = proto[name]!;
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const result = (await original.apply(this, args)) as { size?: number } | unknown[];
      counts.reads += Array.isArray(result) ? result.length : typeof result.size === 'number' ? Math.max(1, (result as { size: number }).size) : 1;
      return result;
    };
  }
  for (const name of ['create', 'set', 'update', 'delete'] as const) {
    const original = proto[name]!;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      counts.writes += 1;
      return original.apply(this, args);
    };
  }
  return counts;
}

async function operationsPerApplied() {
  const { applyApproved } = await import('../../functions/src/apply-usulan.js');
  const db = adminDb();
  const samples = 20;
  const ids: string[] = [];
  const members = household().members;
  for (let i = 0; i < samples; i++) {
    // Approved usulan written directly: creating a document does not fire the update trigger.
    const ref = db.collection('usulan').doc();
    const content = household({
      kkNumber: `17020612032${String(i + 1).padStart(5, '0')}`,
      members: members.map((m) => ({ ...m, nik: m.nik ? nikFor(m.birthDate, m.sex) : null })),
    });
    await ref.set({
      musyawarahId: 'bench',
      desaCode: DESA.derati.desa,
      kecamatanCode: DESA.derati.kecamatan,
      kabupatenCode: KABUPATEN,
      type: 'baru',
      household: content,
      status: 'disetujui',
      createdBy: 'bench',
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
      submittedAt: Timestamp.now(),
      validation: { ok: true, errors: [], warnings: [], checkedAt: Timestamp.now(), forSubmission: 0 },
      decisions: [],
      outcome: null,
    });
    ids.push(ref.id);
  }
  const counts = countOperations();
  for (const id of ids) await applyApproved(id, new Date());
  const withNik = members.filter((m) => m.nik).length;
  // The data model's minimum: read the usulan, each NIK's index entry and the program bands the
  // decision rests on; write the household, its members, each NIK's index entry, the usulan's
  // outcome and one audit entry.
  const programs = (await db.collection('programs').count().get()).data().count;
  const minimum = { reads: 1 + withNik + programs, writes: 1 + members.length + withNik + 1 + 1 };
  const applied = (await db.getAll(...ids.map((id) => db.collection('usulan').doc(id)))).filter((s) => s.data()?.status === 'diterapkan').length;
  return { reads: counts.reads / samples, writes: counts.writes / samples, minimum, members: members.length, withNik, programs, applied, samples };
}

async function staleness() {
  const { applyStaleness, applyStalenessTask, STALENESS_INLINE_LIMIT_DEFAULT } = await import('../../functions/src/freeze-stale-households.js');
  const { nationalKecamatanCodes } = await import('../../functions/src/domain/index.js');
  const db: Firestore = adminDb();
  const KAB = '18.71'; // Kota Bandar Lampung, apart from the other data
  const kecamatan = nationalKecamatanCodes().filter((k) => k.startsWith(`${KAB}.`));
  const config = defaultConfig();
  await db.collection('policies').doc(KAB).set({ staleness: config.stalenessPolicy });
  const due = Math.round(REGISTER / 100);
  const now = Date.now();
  const seed = async (count: number) => {
    const writer = db.bulkWriter();
    for (let i = 0; i < count; i++) {
      const old = i < due;
      const kec = kecamatan[i % kecamatan.length]!;
      void writer.set(db.collection('households').doc(`lpg-${String(i).padStart(6, '0')}`), {
        kabupatenCode: KAB,
        kecamatanCode: kec,
        desaCode: `${kec}.1001`,
        status: 'aktif',
        desil: 1 + (i % 10),
        memberCriteria: [],
        lastVervalAt: Timestamp.fromMillis(now - (old ? 150 : 5) * 86_400_000),
        staleness: { level: 'ok', missed: 0, freezesAt: null },
        eligibility: {},
      });
    }
    await writer.close();
  };
  await seed(REGISTER);
  // The daily job as deployed: below the inline limit the kabupaten is walked by the job itself.
  // (A param's value() is only filled in by the Functions runtime; this process uses its default.)
  const inlineLimit = STALENESS_INLINE_LIMIT_DEFAULT;
  const noQueue = async (): Promise<never> => {
    throw new Error('the bench register is meant to stay below the inline limit here');
  };
  const billed = (r: { read: number; emptyPages: number; countReads: number }) => r.read + r.emptyPages + r.countReads;
  let t = performance.now();
  const run = await applyStaleness(new Date(), { inlineLimit, enqueue: noQueue });
  const ms = performance.now() - t;
  const again = await applyStaleness(new Date(), { inlineLimit, enqueue: noQueue });
  // The same due households again, now with a limit below them: fanned out per kecamatan, tasks run here one after another.
  await seed(due);
  const tasks: StalenessTaskInput[] = [];
  t = performance.now();
  const planned = await applyStaleness(new Date(), { inlineLimit: due - 1, enqueue: async (task) => (tasks.push(task), 'queued') });
  const taskRuns: import('../../functions/src/freeze-stale-households.js').StalenessRun[] = [];
  for (const task of tasks) taskRuns.push(await applyStalenessTask(task));
  const fanOutMs = performance.now() - t;
  const sum = (k: 'read' | 'emptyPages' | 'frozen') => taskRuns.reduce((n, r) => n + r[k], 0);
  return {
    register: REGISTER,
    due,
    inlineLimit,
    read: run.read,
    countReads: run.countReads,
    emptyPages: run.emptyPages,
    frozen: run.frozen,
    seconds: ms / 1000,
    secondRunRead: again.read,
    billedPerDue: billed(run) / due,
    fanOut: {
      tasks: tasks.length,
      read: sum('read'),
      emptyPages: sum('emptyPages'),
      countReads: planned.countReads,
      frozen: sum('frozen'),
      seconds: fanOutMs / 1000,
      billedPerDue: (sum('read') + sum('emptyPages') + planned.countReads) / due,
    },
  };
}
type StalenessTaskInput = import('../../functions/src/freeze-stale-households.js').StalenessTask;

// `flow` runs with the Functions emulator (triggers, callables); `staleness` without it, so that
// seeding a large register does not fire a statistics trigger per household.
const part = process.argv[2];
const t0 = performance.now();
const result = part === 'staleness' ? { staleness: await staleness() } : { flow: await flow(), operations: await operationsPerApplied() };
console.log(`BENCH_RESULT ${JSON.stringify({ ...result, seconds: (performance.now() - t0) / 1000 })}`);
process.exit(0);
