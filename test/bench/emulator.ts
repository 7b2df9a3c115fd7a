import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt, row, type BenchContext, type BenchRow } from './rows.js';

/**
 * Issue 5's figures, measured on the real emulator suite: each part runs `emulator-run.ts` inside
 * `firebase emulators:exec` (through the project's launcher) and reads back its JSON result.
 */
const ROOT = join(import.meta.dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON line emulator-run.ts prints, read field by field below
function runPart(part: 'flow' | 'staleness', emulators: string, ctx: BenchContext): Record<string, any> {
  ctx.log(`emulator bench: ${part} (${emulators})…`);
  const res = spawnSync('node', ['.scripts/emulators.mjs', 'exec', `npx tsx test/bench/emulator-run.ts ${part}`], {
    cwd: ROOT,
    env: { ...process.env, TEPAT_EMULATORS: emulators },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = `${res.stdout}`.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`emulator bench ${part} gave no result (exit ${res.status}):\n${res.stdout.slice(-3000)}\n${res.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

export function run(ctx: BenchContext): BenchRow[] {
  const { flow, operations } = runPart('flow', 'auth,firestore,functions', ctx);
  const { staleness } = runPart('staleness', 'firestore', ctx);
  const ms = (v: number) => `${fmt(v)} ms`;
  const total = (o: { reads: number; writes: number }) => o.reads + o.writes;
  const ratio = total(operations) / total(operations.minimum);
  const readsPerDue = staleness.read / staleness.due;
  return [
    row(
      `Emulator flow: usulan written → validated, p50 / p95 over ${flow.usulan} usulan`,
      `${ms(flow.validatedP50)} / ${ms(flow.validatedP95)}`,
      `server timestamps: validation.checkedAt − submittedAt; ${flow.usulan / 20} musyawarah of 20 usulan submitted one after another`,
    ),
    row(
      `Emulator flow: usulan approved → applied, p50 / p95 over ${flow.usulan} usulan`,
      `${ms(flow.appliedP50)} / ${ms(flow.appliedP95)}`,
      `outcome.at − the kadis's decision; approvals per musyawarah (20 at once), ${flow.appliedOk} of ${flow.usulan} applied`,
    ),
    row(
      'Emulator: applied usulan per second',
      `${fmt(flow.appliedPerSecond, 1)} usulan/s`,
      `from the first approval to the last application; ${flow.wallSeconds.toFixed(1)} s wall for the approvals and applications`,
    ),
    row(
      `Staleness run: reads per due household, ${fmt(staleness.register)}-household register with 1% due`,
      `${readsPerDue.toFixed(2)} reads per due household`,
      `${fmt(staleness.read)} households read for ${fmt(staleness.due)} due (${fmt(staleness.frozen)} frozen) in ${staleness.seconds.toFixed(1)} s, done inline (limit ${fmt(staleness.inlineLimit)}); ${fmt(staleness.countReads)} read(s) billed for counting what is possibly due and ${fmt(staleness.emptyPages)} for empty pages (${staleness.billedPerDue.toFixed(3)} billed reads per due household in all); a second run the same day read ${fmt(staleness.secondRunRead)}; plus one read each for the programs and policies`,
      '1 (reads only the due households)',
      readsPerDue <= 1,
    ),
    row(
      `Staleness run fanned out per kecamatan: billed reads per due household, same ${fmt(staleness.due)} due`,
      `${staleness.fanOut.billedPerDue.toFixed(3)} billed reads per due household`,
      `${staleness.fanOut.tasks} kecamatan tasks (run here one after another in ${staleness.fanOut.seconds.toFixed(1)} s): ${fmt(staleness.fanOut.read)} households read, ${fmt(staleness.fanOut.frozen)} frozen, ${staleness.fanOut.emptyPages} empty pages (Firestore bills one read each: three levels per kecamatan), ${staleness.fanOut.countReads} count read(s); the emulator scans the whole collection for every query, so its time is not the production time`,
      'about 1 (the fan-out adds one billed read per empty level query)',
      staleness.fanOut.billedPerDue <= 1.5,
    ),
    row(
      'Firestore reads + writes per applied usulan, against the data model’s minimum',
      `${fmt(operations.reads, 1)} reads + ${fmt(operations.writes, 1)} writes = ${fmt(total(operations), 1)} (${ratio.toFixed(2)}× the minimum ${total(operations.minimum)})`,
      `usulan baru, ${operations.members} members (${operations.withNik} with NIK), counted on the application transaction (${operations.applied} of ${operations.samples} applied); minimum: ${operations.minimum.reads} reads (usulan, NIK index, ${operations.programs} program bands) + ${operations.minimum.writes} writes (household, members, index, usulan, audit); the extra read is the kabupaten policy (suspension route)`,
      'the minimum',
      ratio <= 1,
    ),
  ];
}
