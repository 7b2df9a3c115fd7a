/**
 * Tepat's domain rules: pure TypeScript and zod, no Firebase. Imported by the Cloud Functions and
 * by the portal, so a rule is written once and both sides decide the same way.
 */
export * from './reason.js';
export * from './reason-text.js';
export * from './dates.js';
export * from './wilayah.js';
export * from './nik.js';
export * from './kk.js';
export * from './schemas.js';
export * from './validate-usulan.js';
export * from './programs.js';
export * from './eligibility.js';
export * from './staleness.js';
export * from './usulan-status.js';
export * from './decision.js';
export * from './usulan.js';
export * from './transfer.js';
export * from './musyawarah-status.js';
export * from './suspension.js';
export * from './policy.js';
export * from './duplicates.js';
export * from './layering.js';
export * from './roles.js';
export * from './documents.js';
export * from './statistics.js';
export * from './bnba.js';
// Not re-exported on purpose: './wilayah-data/villages.js' (83,762 desa codes) and
// './wilayah-data/names.js' (the Bengkulu names). Import them explicitly where they are needed, so
// the portal's main bundle stays small; eslint.config.js keeps every domain file from importing them.
