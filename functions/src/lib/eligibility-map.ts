import type { ProgramDecision } from '../domain/index.js';
import type { EligibilityMap } from './documents.js';

/** Decisions keyed by program id, so the register can be queried per program. */
export function toEligibilityMap(decisions: ProgramDecision[]): EligibilityMap {
  return Object.fromEntries(decisions.map(({ programId, ...rest }) => [programId, rest]));
}
