/**
 * Synthetic DTKS/DTSEN registers for the demo data, the tests and the benchmarks: deterministic
 * (seeded), realistic in shape, with the faults of real registers. No Firebase import.
 */
export * from './register.js';
export { NIK_ISSUE_CODES, SerialPool } from './identity.js';
