/**
 * Tepat's Cloud Functions, in the order a proposal lives through them:
 * validate → decide → apply, and the daily staleness job that freezes unverified households;
 * then the kabupaten admin's user management.
 */
import './lib/global-options.js';

export { validateUsulan } from './validate-usulan.js';
export { decideUsulan } from './decide-usulan.js';
export { applyUsulan } from './apply-usulan.js';
export { summarizeMusyawarah } from './summarize-musyawarah.js';
export { applyVerval } from './record-verval.js';
export { applySticker } from './record-sticker.js';
export { findTransferHousehold } from './find-transfer-household.js';
export { applyStalenessForKecamatan, freezeStaleHouseholds } from './freeze-stale-households.js';
export { manageUser } from './manage-users.js';
export { configurePolicy, configureProgram } from './configure.js';
export { onProgramChanged, reevaluateEligibility, reevaluateOnVersionDates } from './reevaluate-eligibility.js';
// Statistics per desa, kecamatan and kabupaten: kept by triggers, reconciled every night.
export { updateHouseholdStats } from './update-household-stats.js';
export { updateMemberStats } from './update-member-stats.js';
export { updateMusyawarahStats } from './update-musyawarah-stats.js';
export { updateOperatorStats } from './update-operator-stats.js';
export { reconcileStatistics } from './reconcile-statistics.js';
// Forwarding to the ministry: BNBA and approved changes as CSV/XLSX.
export { exportRegister } from './export-register.js';
