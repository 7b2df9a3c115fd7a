import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `firebase deploy` uploads functions/ alone and installs only functions/package.json's
 * dependencies. So: the build must compile from functions/ by itself, its entry point must load
 * from the built output, and every package the output imports must be a declared dependency.
 */
const functionsDir = join(import.meta.dirname, '../../functions');
const libDir = join(functionsDir, 'lib');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: functionsDir, stdio: 'pipe' });
}, 120_000);

describe('functions/ builds and deploys on its own', () => {
  it('the entry point loads from the built output and exports every function with its trigger', async () => {
    const mod = (await import(pathToFileURL(join(libDir, 'index.js')).href)) as Record<string, { __endpoint?: Record<string, unknown> }>;
    const endpoints = Object.fromEntries(Object.entries(mod).map(([name, fn]) => [name, fn.__endpoint]));
    expect(Object.keys(endpoints).sort()).toEqual([
      'applyStalenessForKecamatan',
      'applySticker',
      'applyUsulan',
      'applyVerval',
      'configurePolicy',
      'configureProgram',
      'decideUsulan',
      'exportRegister',
      'findTransferHousehold',
      'freezeStaleHouseholds',
      'manageUser',
      'onProgramChanged',
      'reconcileStatistics',
      'reevaluateEligibility',
      'reevaluateOnVersionDates',
      'summarizeMusyawarah',
      'updateHouseholdStats',
      'updateMemberStats',
      'updateMusyawarahStats',
      'updateOperatorStats',
      'validateUsulan',
    ]);
    for (const e of Object.values(endpoints)) expect(e?.region).toEqual(['asia-southeast2']);
    expect(endpoints.validateUsulan).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.written' } });
    expect(endpoints.applyUsulan).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.updated' } });
    expect(endpoints.decideUsulan).toHaveProperty('callableTrigger');
    for (const name of ['manageUser', 'findTransferHousehold', 'configureProgram', 'configurePolicy'])
      expect(endpoints[name]).toHaveProperty('callableTrigger');
    // Verval and sticker reports are written on the device (offline too) and applied when they arrive.
    for (const name of ['applyVerval', 'applySticker'])
      expect(endpoints[name]).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.created' } });
    expect(endpoints.summarizeMusyawarah).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.written' } });
    // A new decree fans out through a task queue, one page of households per task.
    expect(endpoints.onProgramChanged).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.written' } });
    expect(endpoints.reevaluateEligibility).toHaveProperty('taskQueueTrigger');
    expect(endpoints.reevaluateOnVersionDates).toMatchObject({ scheduleTrigger: { schedule: '15 0 * * *', timeZone: 'Asia/Jakarta' } });
    expect(endpoints.freezeStaleHouseholds).toMatchObject({ scheduleTrigger: { schedule: '0 1 * * *', timeZone: 'Asia/Jakarta' } });
    // A large kabupaten's staleness run is fanned out per kecamatan, each task retried on its own.
    expect(endpoints.applyStalenessForKecamatan).toMatchObject({ taskQueueTrigger: { retryConfig: { maxAttempts: 5 } }, timeoutSeconds: 1800 });
    // Statistics: retried triggers (idempotent per event), the nightly reconciliation after the staleness job; exports.
    for (const name of ['updateHouseholdStats', 'updateMemberStats', 'updateMusyawarahStats', 'updateOperatorStats']) {
      expect(endpoints[name]).toMatchObject({ eventTrigger: { eventType: 'google.cloud.firestore.document.v1.written', retry: true } });
    }
    expect(endpoints.reconcileStatistics).toMatchObject({ scheduleTrigger: { schedule: '30 2 * * *', timeZone: 'Asia/Jakarta' } });
    expect(endpoints.exportRegister).toHaveProperty('callableTrigger');
  });

  it('every package the built code imports is a dependency in functions/package.json', () => {
    const pkg = JSON.parse(readFileSync(join(functionsDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of jsFiles(libDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        imported.add(packageOf(spec));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  });
});
