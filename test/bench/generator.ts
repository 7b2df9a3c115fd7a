import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateRegister } from '../../.scripts/seed/generator/index.js';
import { fmt, perSecond, row, type BenchRow } from './rows.js';

/**
 * The register generator producing complete documents, as the demo seed uses it: Rejang Lebong's
 * DTKS (124,000 people, seeds 000/001), with each household's eligibility under the default
 * programs and every NIK hashed with an HMAC key as the functions do.
 */
const PEOPLE = 124_000;
const KEY = 'bench-only-key';

export function run(): BenchRow[] {
  const now = new Date('2026-06-15T03:00:00Z');
  const t = performance.now();
  let households = 0;
  let members = 0;
  let due = 0;
  for (const h of generateRegister({ seed: 1702, now, area: '17.02', people: PEOPLE, nikHash: (nik) => createHmac('sha256', KEY).update(nik).digest('hex') })) {
    households += 1;
    members += h.members.length;
    if (h.truth.dueForFreeze) due += 1;
  }
  const ms = performance.now() - t;
  return [
    row(
      `Register generator, Rejang Lebong ${fmt(PEOPLE)} people, complete documents`,
      `${perSecond(households, ms)} households/s`,
      `${fmt(households)} households, ${fmt(members)} members in ${(ms / 1000).toFixed(1)} s, with eligibility (default programs) and HMAC-SHA256 nikHash; ${fmt(due)} households due for freezing`,
    ),
  ];
}
