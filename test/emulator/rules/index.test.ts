import { describe } from 'vitest';
import { auditLogRules } from './audit-log.js';
import { ruleCoverage } from './coverage.js';
import { exportsRules } from './exports.js';
import { householdsRules } from './households.js';
import { membersRules } from './members.js';
import { musyawarahRules } from './musyawarah.js';
import { lookupCountsRules } from './lookup-counts.js';
import { nikIndexRules } from './nik-index.js';
import { policiesRules } from './policies.js';
import { programsRules } from './programs.js';
import { statsRules } from './stats.js';
import { stickersRules } from './stickers.js';
import { useRulesEnvironment } from './support.js';
import { usersRules } from './users.js';
import { usulanRules } from './usulan.js';
import { vervalRules } from './verval.js';

/**
 * firestore.rules, collection by collection: the entry file of the rules tests. One module per
 * collection registers its matrix (actor × operation) and its field cases; the coverage check is
 * registered last. The modules are not test files themselves: Vitest orders test *files* by
 * previous duration and failures, not by name, but runs the tests of one file in the order they
 * are defined, which is what puts the coverage check after everything it measures.
 */
useRulesEnvironment();

describe('firestore.rules', { shuffle: false }, () => {
  musyawarahRules();
  usulanRules();
  householdsRules();
  membersRules();
  vervalRules();
  stickersRules();
  nikIndexRules();
  lookupCountsRules();
  auditLogRules();
  usersRules();
  programsRules();
  policiesRules();
  statsRules();
  exportsRules();
  ruleCoverage();
});
