/**
 * Synthetic DTKS/DTSEN registers for the demo data, the tests and the benchmarks: deterministic
 * (seeded), realistic in shape, with the faults of real registers. No Firebase import.
 */
export * from './register.js';
export { composeHousehold, type Person, type Relationship } from './household.js';
export { Issuer, NIK_ISSUES, NIK_ISSUE_CODES, SerialPool, type NikIssue } from './identity.js';
export { personName, respell } from './names.js';
export { Random, Weighted } from './random.js';
