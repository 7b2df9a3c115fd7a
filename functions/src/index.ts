/**
 * Tepat's Cloud Functions, in the order a proposal lives through them:
 * validate → decide → apply, and the daily staleness job that freezes unverified households;
 * then the kabupaten admin's user management.
 */
import './lib/global-options.js';

export { validateUsulan } from './validate-usulan.js';
export { decideUsulan } from './decide-usulan.js';
export { applyUsulan } from './apply-usulan.js';
export { freezeStaleHouseholds } from './freeze-stale-households.js';
export { manageUser } from './manage-users.js';
