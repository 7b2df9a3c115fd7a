/**
 * The local stand-in for Cloud Scheduler, which the Functions emulator does not have: which
 * scheduled functions are owed a run at a given instant, and a loop that fires them. Everything
 * outside (the clock, the firing, where state is kept, where runs are logged) is injected, so the
 * tests drive it under a fake clock. The machine-side pieces are in ./local.ts.
 */
import { Cron } from 'croner';

export interface Job {
  /** The function's export name, e.g. freezeStaleHouseholds. */
  name: string;
  region: string;
  /** unix-cron, as Cloud Scheduler reads it. */
  schedule: string;
  timeZone: string;
}

interface ScheduledEndpoint {
  region?: unknown;
  scheduleTrigger?: { schedule?: unknown; timeZone?: unknown };
}

/**
 * The scheduled functions of the functions' entry point: every export that firebase-functions
 * marked with a `scheduleTrigger` (onSchedule), with the schedule and time zone written in its code.
 */
export function jobsFromExports(exports: Record<string, unknown>): Job[] {
  const jobs = Object.entries(exports).flatMap(([name, fn]): Job[] => {
    const endpoint = (fn as { __endpoint?: ScheduledEndpoint } | null | undefined)?.__endpoint;
    const trigger = endpoint?.scheduleTrigger;
    if (!trigger) return [];
    if (typeof trigger.schedule !== 'string') throw new Error(`${name}: scheduleTrigger has no schedule`);
    const region = Array.isArray(endpoint.region) && typeof endpoint.region[0] === 'string' ? endpoint.region[0] : 'us-central1';
    // Cloud Scheduler's default for a v2 function without a time zone (firebase-tools: DEFAULT_TIME_ZONE_V2).
    const timeZone = typeof trigger.timeZone === 'string' ? trigger.timeZone : 'UTC';
    const job = { name, region, schedule: trigger.schedule, timeZone };
    cronOf(job); // an App Engine style or malformed schedule fails here, not at its first fire time
    return [job];
  });
  return jobs.sort((a, b) => a.name.localeCompare(b.name));
}

const crons = new Map<string, Cron>();
function cronOf(job: Job): Cron {
  const key = `${job.schedule}|${job.timeZone}`;
  let cron = crons.get(key);
  if (!cron) {
    try {
      // No callback: croner only computes times here, it never starts a timer of its own.
      cron = new Cron(job.schedule, { timezone: job.timeZone });
    } catch (err) {
      throw new Error(`${job.name}: schedule '${job.schedule}' is not unix-cron (${(err as Error).message})`, { cause: err });
    }
    crons.set(key, cron);
  }
  return cron;
}

/** The job's most recent fire time at or before `now`. */
export function latestSlot(job: Job, now: Date): Date | null {
  // previousRuns excludes its reference instant; a fire time exactly at `now` counts as reached.
  return cronOf(job).previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}

/** The job's first fire time after `now`. */
export function nextSlot(job: Job, now: Date): Date | null {
  return cronOf(job).nextRun(now);
}

/** Last run per job: the fire time it ran for, and how that run went. */
export interface JobState {
  lastSlot: string;
  lastRunAt: string;
  ok: boolean | null;
}
export type State = Record<string, JobState>;

export interface Due {
  job: Job;
  slot: Date;
}

/**
 * Jobs owed a run at `now`: their most recent fire time is after the fire time of their recorded
 * last run, or they never ran. Each is owed one run (for that most recent time, not one per missed
 * time), oldest first, which keeps the production order (staleness before reconciliation).
 */
export function overdue(jobs: Job[], state: State, now: Date): Due[] {
  return jobs
    .flatMap((job): Due[] => {
      const slot = latestSlot(job, now);
      const last = state[job.name];
      if (!slot || (last && Date.parse(last.lastSlot) >= slot.getTime())) return [];
      return [{ job, slot }];
    })
    .sort((a, b) => a.slot.getTime() - b.slot.getTime() || a.job.name.localeCompare(b.job.name));
}

/** Fires a job as Cloud Scheduler would for the fire time `scheduledAt`; resolves when the function succeeded. */
export type Fire = (job: Job, scheduledAt: Date) => Promise<void>;

export interface Clock {
  now(): Date;
  /** Resolves after `ms` (or early, when `signal` aborts). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface StateStore {
  load(): State;
  save(state: State): void;
}

export interface RunRecord {
  job: string;
  scheduledAt: Date;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  error?: string;
}

/** One run of a job for one fire time, timed; a failure is part of the record, not thrown. */
export async function runJob(job: Job, scheduledAt: Date, fire: Fire, clock: Pick<Clock, 'now'>): Promise<RunRecord> {
  const startedAt = clock.now();
  const done = (ok: boolean, error?: string): RunRecord => ({
    job: job.name,
    scheduledAt,
    startedAt,
    durationMs: clock.now().getTime() - startedAt.getTime(),
    ok,
    ...(error === undefined ? {} : { error }),
  });
  try {
    await fire(job, scheduledAt);
    return done(true);
  } catch (err) {
    return done(false, err instanceof Error ? err.message : String(err));
  }
}

/** A run as one log line, e.g. `freezeStaleHouseholds scheduled 2026-11-22 01:00 Asia/Jakarta (…Z), started …Z, took 812 ms: ok`. */
export function formatRun(r: RunRecord, timeZone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(r.scheduledAt);
  return `${r.job} scheduled ${local} ${timeZone} (${r.scheduledAt.toISOString()}), started ${r.startedAt.toISOString()}, took ${r.durationMs} ms: ${r.ok ? 'ok' : `error: ${r.error}`}`;
}

/** The longest the loop sleeps between checks, so a changed clock or a resumed laptop is noticed within a minute. */
export const MAX_SLEEP_MS = 60_000;

export interface SchedulerDeps {
  jobs: Job[];
  clock: Clock;
  fire: Fire;
  store: StateStore;
  onRun?: (record: RunRecord, job: Job) => void;
}

export class Scheduler {
  private readonly state: State;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SchedulerDeps) {
    this.state = deps.store.load();
  }

  /**
   * Runs every job owed a run now, one at a time, and returns what ran. Calls are queued, so runs
   * never overlap. The fire time is recorded before the job is fired, so no fire time is ever
   * fired twice, even when the run fails or this process stops during it (`npm run job` is there
   * to run a job again by hand).
   */
  tick(): Promise<RunRecord[]> {
    const run = this.ticking.then(() => this.runOwed());
    this.ticking = run.catch(() => undefined);
    return run;
  }

  private async runOwed(): Promise<RunRecord[]> {
    const { clock, fire, store, onRun } = this.deps;
    const records: RunRecord[] = [];
    for (const { job, slot } of overdue(this.deps.jobs, this.state, clock.now())) {
      this.state[job.name] = { lastSlot: slot.toISOString(), lastRunAt: clock.now().toISOString(), ok: null };
      store.save(this.state);
      const record = await runJob(job, slot, fire, clock);
      this.state[job.name] = { lastSlot: slot.toISOString(), lastRunAt: record.startedAt.toISOString(), ok: record.ok };
      store.save(this.state);
      onRun?.(record, job);
      records.push(record);
    }
    return records;
  }

  /** Until the next fire time of any job, at most MAX_SLEEP_MS. */
  delay(now: Date): number {
    const next = Math.min(...this.deps.jobs.map((j) => nextSlot(j, now)?.getTime() ?? Number.POSITIVE_INFINITY));
    return Math.max(0, Math.min(MAX_SLEEP_MS, next - now.getTime()));
  }

  /** Checks, fires what is owed (overdue jobs first of all), sleeps until the next fire time; until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const ran = await this.tick();
      // A long run may have let another fire time pass: check again before sleeping.
      if (ran.length > 0 || signal.aborted) continue;
      await this.deps.clock.sleep(this.delay(this.deps.clock.now()), signal);
    }
  }
}
