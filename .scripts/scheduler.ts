#!/usr/bin/env node
// The local scheduler, run by `npm start` beside the emulators (the Functions emulator ignores
// onSchedule): fires each scheduled function of functions/lib at the times written in its code,
// on the running Functions emulator. Jobs owed a run (never run, or their latest fire time is after
// their last run) run at once. Runs are logged to the console and .emulators/scheduler.log; the
// last run per job is kept in .emulators/scheduler-state.json.
//
// Usage: tsx .scripts/scheduler.ts [--fresh]
//   --fresh  forget earlier runs: the emulators just imported their data, which no job has seen.
import { rmSync } from 'node:fs';
import { formatRun, nextSlot, Scheduler } from './scheduler/core.js';
import { emulatorFire, fileStateStore, loadJobs, log, realClock, STATE_PATH } from './scheduler/local.js';

if (process.argv.includes('--fresh')) rmSync(STATE_PATH, { force: true });
const jobs = await loadJobs();
const now = new Date();
log(
  `${jobs.length} scheduled functions in functions/lib: ${jobs.map((j) => `${j.name} ('${j.schedule}' ${j.timeZone}, next ${nextSlot(j, now)?.toISOString()})`).join(', ')}`,
);

const scheduler = new Scheduler({
  jobs,
  clock: realClock,
  fire: emulatorFire(),
  store: fileStateStore(),
  onRun: (r, job) => log(formatRun(r, job.timeZone)),
});
// Stopping at any moment loses nothing: a fire time is recorded before its job is fired.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(0));
await scheduler.run(new AbortController().signal);
