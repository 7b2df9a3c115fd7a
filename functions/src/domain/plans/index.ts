/**
 * The planners: pure functions from the documents a trigger read to the writes it makes, with the
 * reasons. Not re-exported from the domain barrel (the pindah masuk summary names the desa, from
 * the Bengkulu names table): the functions import this module directly.
 */
export * from './writes.js';
export * from './apply/index.js';
export * from './staleness.js';
export * from './field-reports.js';
export * from './validation.js';
