import { notMeasured, type BenchRow } from './rows.js';

/**
 * Figures that need the emulator suite or the built portal, which other issues measure. Each
 * becomes a module of its own (e.g. `flow.ts`, `staleness.ts`, `portal.ts`) returning its rows;
 * until then the table says so instead of showing a number.
 */
export function run(): BenchRow[] {
  return [
    notMeasured('Emulator flow: usulan written → validated, p50 / p95 over 200 usulan', 5),
    notMeasured('Emulator flow: usulan approved → applied, p50 / p95 over 200 usulan', 5),
    notMeasured('Emulator: applied usulan per second', 5),
    notMeasured('Staleness run: reads per due household, 100,000-household register with 1% due', 5, '1 (reads only the due households)'),
    notMeasured('Firestore reads + writes per applied usulan, against the data model’s minimum', 5, 'the minimum'),
    notMeasured('Portal: JavaScript for the operator’s first page, gzipped', 6, '< 150 KB'),
    notMeasured('Portal: time until the musyawarah form accepts input, slow 3G (400 kbit/s, 400 ms RTT)', 6, '< 5 s'),
  ];
}
