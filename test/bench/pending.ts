import type { BenchRow } from './rows.js';

/**
 * Figures that need the emulator suite or the built portal, which other issues measure. Each
 * becomes a module of its own (e.g. `flow.ts`, `staleness.ts`, `portal.ts`) returning its rows;
 * until then the table says so instead of showing a number.
 */
export function run(): BenchRow[] {
  // The portal's figures are measured by portal.ts (issue 6).
  return [];
}
