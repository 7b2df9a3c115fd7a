/**
 * The machine side of the local scheduler: the jobs read from the built functions, firing them on
 * the Functions emulator as Cloud Scheduler would, and the state and log files in .emulators/.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jobsFromExports, type Clock, type Fire, type Job, type State, type StateStore } from './core.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_ENTRY = join(ROOT, 'functions', 'lib', 'index.js');
export const LOG_PATH = join(ROOT, '.emulators', 'scheduler.log');
export const STATE_PATH = join(ROOT, '.emulators', 'scheduler-state.json');
/** The project .scripts/emulators.mjs starts the emulators with (`--project`). */
export const PROJECT_ID = 'demo-tepat';

/** The scheduled functions, with the schedules written in their code, from the built entry point (`npm run build -w functions`). */
export async function loadJobs(entry = FUNCTIONS_ENTRY): Promise<Job[]> {
  if (!existsSync(entry)) throw new Error(`${relative(ROOT, entry)} is missing: build the functions first (npm run build -w functions).`);
  return jobsFromExports((await import(pathToFileURL(entry).href)) as Record<string, unknown>);
}

/** Where the Functions emulator listens, from firebase.json. */
export function functionsEmulatorOrigin(): string {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators?: { functions?: { host?: string; port?: number } } };
  const { host = '127.0.0.1', port = 5001 } = config.emulators?.functions ?? {};
  return `http://${host}:${port}`;
}

/**
 * Fires a job on the Functions emulator the way Cloud Scheduler calls a v2 scheduled function: a
 * POST with no body and the X-CloudScheduler headers, from which onSchedule takes the event's
 * jobName and scheduleTime. The emulator keeps a trigger record for a scheduled function even
 * though it ignores its schedule; the record's key is `<region>-<name>-<generation>`, where the
 * generation grows when the emulator reloads its functions, so the key is looked up each time in
 * the list of valid keys the emulator answers a wrong key with. The response comes when the
 * function finished: 200 when it succeeded, 500 when it threw.
 */
export function emulatorFire(origin = functionsEmulatorOrigin(), projectId = PROJECT_ID): Fire {
  const post = async (key: string, job: Job, scheduledAt: Date): Promise<Response> => {
    try {
      return await fetch(`${origin}/functions/projects/${projectId}/triggers/${key}`, {
        method: 'POST',
        headers: {
          'X-CloudScheduler': 'true',
          'X-CloudScheduler-JobName': `firebase-schedule-${job.name}-${job.region}`,
          'X-CloudScheduler-ScheduleTime': scheduledAt.toISOString(),
        },
        // Longer than any function's time limit (reconcileStatistics: 30 minutes).
        signal: AbortSignal.timeout(35 * 60_000),
      });
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED')
        throw new Error(`The Functions emulator is not running: nothing answers at ${origin}. Start it with \`npm start\`.`, { cause: err });
      throw err;
    }
  };
  // A key that names no function: the emulator answers 404 with the list of every valid key.
  const latestKey = async (id: string, job: Job): Promise<string> => {
    const res = await post(`${id}-list-keys`, job, new Date(0));
    const listed = /valid functions are: (.*)$/s.exec(await res.text())?.[1]?.split(', ') ?? [];
    const key = listed.filter((k) => new RegExp(`^${id}-\\d+$`).test(k)).sort((a, b) => Number(b.slice(id.length + 1)) - Number(a.slice(id.length + 1)))[0];
    if (!key) throw new Error(`The Functions emulator at ${origin} has no function ${id}: did it load functions/lib?`);
    return key;
  };
  return async (job, scheduledAt) => {
    // The newest generation every time: a record of an older one may still answer, without running
    // anything, after the background triggers were switched off and on (the browser tests do).
    const res = await post(await latestKey(`${job.region}-${job.name}`, job), job, scheduledAt);
    if (!res.ok) throw new Error(`the function answered HTTP ${res.status}${res.status === 500 ? ' (it threw: see its log in .emulators/emulators.log)' : ''}`);
  };
}

export const realClock: Clock = {
  now: () => new Date(),
  // An abort ends the sleep early (the rejection is the abort, not an error).
  sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};

/** Last run per job in .emulators/scheduler-state.json (written whole, by rename, so never half). */
export function fileStateStore(path = STATE_PATH): StateStore {
  return {
    load: () => {
      if (!existsSync(path)) return {};
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as State;
      } catch {
        console.error(`[scheduler] ${relative(ROOT, path)} is unreadable; starting as if no job had run.`);
        return {};
      }
    },
    save: (state) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
      renameSync(`${path}.tmp`, path);
    },
  };
}

/** A line to the console with the `[scheduler]` prefix, and the same line, timestamped, appended to .emulators/scheduler.log. */
export function log(line: string, path = LOG_PATH): void {
  console.log(`[scheduler] ${line}`);
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${new Date().toISOString()} ${line}\n`);
}
