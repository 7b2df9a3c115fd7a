#!/usr/bin/env node
// `npm run job -- <name>`: fires one scheduled function now on the running Functions emulator, as
// Cloud Scheduler's "force run" would (the schedule time is now), and prints how it went. The run
// is also appended to .emulators/scheduler.log; the scheduler's own state is left alone.
import { formatRun, runJob } from './scheduler/core.js';
import { emulatorFire, loadJobs, log } from './scheduler/local.js';

const name = process.argv[2];
const jobs = await loadJobs();
const job = jobs.find((j) => j.name === name);
if (!job) {
  const valid = jobs.map((j) => j.name).join(', ');
  console.error(name ? `Unknown job "${name}". Valid jobs: ${valid}.` : `Usage: npm run job -- <name>, where <name> is one of: ${valid}.`);
  process.exit(2);
}
const clock = { now: () => new Date() };
const record = await runJob(job, clock.now(), emulatorFire(), clock);
log(`${formatRun(record, job.timeZone)} (run by hand)`);
process.exit(record.ok ? 0 : 1);
