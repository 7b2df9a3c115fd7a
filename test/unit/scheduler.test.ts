import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatRun,
  jobsFromExports,
  latestSlot,
  MAX_SLEEP_MS,
  nextSlot,
  overdue,
  Scheduler,
  type Clock,
  type Job,
  type State,
  type StateStore,
} from '../../.scripts/scheduler/core.js';
import { FUNCTIONS_ENTRY, loadJobs, ROOT } from '../../.scripts/scheduler/local.js';

/**
 * The local scheduler (.scripts/scheduler/): the jobs are the functions' own scheduled exports,
 * each fired at its time in its time zone, overdue ones once at start-up, no fire time twice.
 * Everything runs under a fake clock; nothing here waits for real time.
 */
const SOURCE_ENTRY = join(ROOT, 'functions', 'src', 'index.ts');
const jobs = await loadJobs(SOURCE_ENTRY);
const job = (name: string): Job => jobs.find((j) => j.name === name)!;

/** A clock whose sleep moves time forward at once; the loop stops once time reaches `until`. */
function fakeClock(start: string, until?: string, stop?: AbortController) {
  let now = Date.parse(start);
  const sleeps: number[] = [];
  const clock: Clock & { set(iso: string): void; sleeps: number[] } = {
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      if (until && now >= Date.parse(until)) stop?.abort();
    },
    set: (iso) => void (now = Date.parse(iso)),
    sleeps,
  };
  return clock;
}

function memoryStore(initial: State = {}): StateStore & { state: State } {
  const store = {
    state: structuredClone(initial),
    load: () => structuredClone(store.state),
    save: (s: State) => void (store.state = structuredClone(s)),
  };
  return store;
}

/** State saying every job last ran for its most recent fire time as of `iso`. */
function upToDate(iso: string): State {
  return Object.fromEntries(jobs.map((j) => [j.name, { lastSlot: latestSlot(j, new Date(iso))!.toISOString(), lastRunAt: iso, ok: true }]));
}

/** Records each fire; past 20 it stops the loop, so a loop that fires one time over and over fails instead of hanging. */
function recordingFire(clock: Clock, stop?: AbortController) {
  const fired: { job: string; scheduledAt: string; at: string }[] = [];
  const fire = async (j: Job, scheduledAt: Date) => {
    fired.push({ job: j.name, scheduledAt: scheduledAt.toISOString(), at: clock.now().toISOString() });
    if (fired.length > 20) stop?.abort();
  };
  return { fired, fire };
}

describe('the jobs are read from the functions’ code', () => {
  it('are exactly the exports that firebase-functions marked with a scheduleTrigger, with their schedule and time zone', async () => {
    const mod = (await import(SOURCE_ENTRY)) as Record<string, { __endpoint?: { scheduleTrigger?: unknown } }>;
    const scheduled = Object.keys(mod)
      .filter((name) => mod[name]?.__endpoint?.scheduleTrigger)
      .sort();
    expect(jobs.map((j) => j.name)).toEqual(scheduled);
    expect(jobs).toEqual([
      { name: 'freezeStaleHouseholds', region: 'asia-southeast2', schedule: '0 1 * * *', timeZone: 'Asia/Jakarta' },
      { name: 'reconcileStatistics', region: 'asia-southeast2', schedule: '30 2 * * *', timeZone: 'Asia/Jakarta' },
      { name: 'reevaluateOnVersionDates', region: 'asia-southeast2', schedule: '15 0 * * *', timeZone: 'Asia/Jakarta' },
    ]);
    // `npm start` and `npm run job` read the built entry point.
    expect(FUNCTIONS_ENTRY).toBe(join(ROOT, 'functions', 'lib', 'index.js'));
  });

  it('follow the exports: a new scheduled function becomes a job, other exports do not', () => {
    const scheduled = (schedule: string, timeZone?: string) =>
      Object.assign(() => undefined, { __endpoint: { region: ['asia-southeast2'], scheduleTrigger: { schedule, ...(timeZone ? { timeZone } : {}) } } });
    const found = jobsFromExports({
      weeklyReport: scheduled('0 7 * * 1', 'Asia/Makassar'),
      utcJob: scheduled('0 0 * * *'),
      aCallable: Object.assign(() => undefined, { __endpoint: { callableTrigger: {} } }),
      aConstant: 42,
      nothing: null,
    });
    expect(found).toEqual([
      { name: 'utcJob', region: 'asia-southeast2', schedule: '0 0 * * *', timeZone: 'UTC' },
      { name: 'weeklyReport', region: 'asia-southeast2', schedule: '0 7 * * 1', timeZone: 'Asia/Makassar' },
    ]);
  });

  it('refuses a schedule that is not unix-cron (the App Engine syntax) when the jobs are read', () => {
    const old = Object.assign(() => undefined, { __endpoint: { scheduleTrigger: { schedule: 'every day 01:00', timeZone: 'Asia/Jakarta' } } });
    expect(() => jobsFromExports({ freezeStaleHouseholds: old })).toThrow(/freezeStaleHouseholds: schedule 'every day 01:00' is not unix-cron/);
  });
});

describe('fire times in Jakarta', () => {
  it('freezeStaleHouseholds fires at 01:00 WIB, which is 18:00 UTC the day before; at 00:59 WIB its latest fire time is the day before', () => {
    const freeze = job('freezeStaleHouseholds');
    expect(latestSlot(freeze, new Date('2026-11-21T18:00:00Z'))).toEqual(new Date('2026-11-21T18:00:00Z'));
    expect(latestSlot(freeze, new Date('2026-11-21T17:59:00Z'))).toEqual(new Date('2026-11-20T18:00:00Z'));
    expect(nextSlot(freeze, new Date('2026-11-21T17:59:00Z'))).toEqual(new Date('2026-11-21T18:00:00Z'));
    expect(nextSlot(freeze, new Date('2026-11-21T18:00:00Z'))).toEqual(new Date('2026-11-22T18:00:00Z'));
    expect(nextSlot(job('reevaluateOnVersionDates'), new Date('2026-11-21T17:00:00Z'))).toEqual(new Date('2026-11-21T17:15:00Z'));
    expect(nextSlot(job('reconcileStatistics'), new Date('2026-11-21T17:00:00Z'))).toEqual(new Date('2026-11-21T19:30:00Z'));
  });

  it('the loop fires each job at its Jakarta time, oldest first, none early, sleeping at most a minute at a time', async () => {
    const stop = new AbortController();
    // 00:00 to 03:00 WIB on 22 November 2026; every job has run for its fire time of the 21st.
    const clock = fakeClock('2026-11-21T17:00:00Z', '2026-11-21T20:00:00Z', stop);
    const { fired, fire } = recordingFire(clock, stop);
    await new Scheduler({ jobs, clock, fire, store: memoryStore(upToDate('2026-11-21T17:00:00Z')) }).run(stop.signal);
    expect(fired).toEqual([
      { job: 'reevaluateOnVersionDates', scheduledAt: '2026-11-21T17:15:00.000Z', at: '2026-11-21T17:15:00.000Z' },
      { job: 'freezeStaleHouseholds', scheduledAt: '2026-11-21T18:00:00.000Z', at: '2026-11-21T18:00:00.000Z' },
      { job: 'reconcileStatistics', scheduledAt: '2026-11-21T19:30:00.000Z', at: '2026-11-21T19:30:00.000Z' },
    ]);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });

  it('nothing fires at 00:59 WIB when every job is up to date', async () => {
    const clock = fakeClock('2026-11-21T17:59:00Z');
    const { fired, fire } = recordingFire(clock);
    const scheduler = new Scheduler({ jobs, clock, fire, store: memoryStore(upToDate('2026-11-21T17:30:00Z')) });
    expect(await scheduler.tick()).toEqual([]);
    expect(fired).toEqual([]);
    // And the next check comes at 01:00 WIB sharp, not a minute later.
    expect(scheduler.delay(new Date('2026-11-21T17:59:30Z'))).toBe(30_000);
  });
});

describe('overdue jobs at start-up', () => {
  it('each job that never ran runs exactly once, for its most recent fire time, and a second check runs nothing', async () => {
    const clock = fakeClock('2026-11-22T05:00:00Z'); // 12:00 WIB
    const { fired, fire } = recordingFire(clock);
    const store = memoryStore();
    const scheduler = new Scheduler({ jobs, clock, fire, store });
    const records = await scheduler.tick();
    expect(fired.map((f) => [f.job, f.scheduledAt])).toEqual([
      ['reevaluateOnVersionDates', '2026-11-21T17:15:00.000Z'],
      ['freezeStaleHouseholds', '2026-11-21T18:00:00.000Z'],
      ['reconcileStatistics', '2026-11-21T19:30:00.000Z'],
    ]);
    expect(records.every((r) => r.ok)).toBe(true);
    expect(await scheduler.tick()).toEqual([]);
    expect(store.state.freezeStaleHouseholds).toMatchObject({ lastSlot: '2026-11-21T18:00:00.000Z', ok: true });
  });

  it('a job that last ran days ago runs once (not once per missed day); a job that is up to date does not run', async () => {
    const state: State = {
      ...upToDate('2026-11-22T05:00:00Z'),
      freezeStaleHouseholds: { lastSlot: '2026-11-18T18:00:00.000Z', lastRunAt: '2026-11-18T18:00:01.000Z', ok: true },
    };
    expect(overdue(jobs, state, new Date('2026-11-22T05:00:00Z')).map((d) => [d.job.name, d.slot.toISOString()])).toEqual([
      ['freezeStaleHouseholds', '2026-11-21T18:00:00.000Z'],
    ]);
    const clock = fakeClock('2026-11-22T05:00:00Z');
    const { fired, fire } = recordingFire(clock);
    await new Scheduler({ jobs, clock, fire, store: memoryStore(state) }).tick();
    expect(fired.map((f) => f.job)).toEqual(['freezeStaleHouseholds']);
  });

  it('the state written by one scheduler is read by the next: a restart does not run again what already ran', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-11-22T05:00:00Z');
    await new Scheduler({ jobs, clock, fire: recordingFire(clock).fire, store }).tick();
    clock.set('2026-11-22T06:00:00Z');
    const again = recordingFire(clock);
    expect(await new Scheduler({ jobs, clock, fire: again.fire, store }).tick()).toEqual([]);
    expect(again.fired).toEqual([]);
  });
});

describe('each fire time is fired once', () => {
  it('a failed run is recorded as an error and its fire time is not fired again', async () => {
    const clock = fakeClock('2026-11-21T18:00:30Z');
    const store = memoryStore(upToDate('2026-11-21T17:59:00Z'));
    let calls = 0;
    const scheduler = new Scheduler({
      jobs,
      clock,
      store,
      fire: async () => {
        calls += 1;
        throw new Error('the function answered HTTP 500');
      },
    });
    const [record] = await scheduler.tick();
    expect(record).toMatchObject({ job: 'freezeStaleHouseholds', ok: false, error: 'the function answered HTTP 500' });
    expect(await scheduler.tick()).toEqual([]);
    expect(calls).toBe(1);
    expect(store.state.freezeStaleHouseholds).toMatchObject({ lastSlot: '2026-11-21T18:00:00.000Z', ok: false });
  });

  it('a clock set back and forward again does not fire the same fire time twice', async () => {
    const clock = fakeClock('2026-11-21T18:00:00Z');
    const { fired, fire } = recordingFire(clock);
    const scheduler = new Scheduler({ jobs, clock, fire, store: memoryStore(upToDate('2026-11-21T17:59:00Z')) });
    await scheduler.tick();
    clock.set('2026-11-21T17:30:00Z');
    await scheduler.tick();
    clock.set('2026-11-21T18:05:00Z');
    await scheduler.tick();
    expect(fired.map((f) => [f.job, f.scheduledAt])).toEqual([['freezeStaleHouseholds', '2026-11-21T18:00:00.000Z']]);
  });

  it('overlapping checks are queued: no job runs twice, and runs never overlap', async () => {
    const clock = fakeClock('2026-11-22T05:00:00Z');
    let inFlight = 0;
    let most = 0;
    const fired: string[] = [];
    const fire = async (j: Job) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      fired.push(j.name);
      inFlight -= 1;
    };
    const scheduler = new Scheduler({ jobs, clock, fire, store: memoryStore() });
    const [first, second] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(first).toHaveLength(3);
    expect(second).toEqual([]);
    expect(fired.sort()).toEqual(jobs.map((j) => j.name));
    expect(most).toBe(1);
  });
});

describe('the log line of a run', () => {
  it('names the job, its scheduled time in its time zone and in UTC, the start, the duration and the outcome', () => {
    const r = { job: 'freezeStaleHouseholds', scheduledAt: new Date('2026-11-21T18:00:00Z'), startedAt: new Date('2026-11-21T18:00:01Z'), durationMs: 812 };
    expect(formatRun({ ...r, ok: true }, 'Asia/Jakarta')).toBe(
      'freezeStaleHouseholds scheduled 2026-11-22 01:00 Asia/Jakarta (2026-11-21T18:00:00.000Z), started 2026-11-21T18:00:01.000Z, took 812 ms: ok',
    );
    expect(formatRun({ ...r, ok: false, error: 'boom' }, 'Asia/Jakarta')).toMatch(/took 812 ms: error: boom$/);
  });
});
