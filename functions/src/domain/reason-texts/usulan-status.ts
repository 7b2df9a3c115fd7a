import { str, type ReasonEntry } from './format.js';

/** The usulan state machine (usulan-status.ts): statuses and roles are named through the labels. */
export const USULAN_STATUS_TEXTS: Record<string, ReasonEntry> = {
  'transition.forbidden_role': {
    id: (p, l) =>
      `${l('actorRole', str(p.by))} tidak boleh mengubah status usulan dari "${l('usulanStatus', str(p.from))}" menjadi "${l('usulanStatus', str(p.to))}"`,
    en: (p, l) =>
      `${l('actorRole', str(p.by))} may not change a proposal's status from “${l('usulanStatus', str(p.from))}” to “${l('usulanStatus', str(p.to))}”`,
  },
  'transition.illegal': {
    id: (p, l) => `Status usulan tidak dapat berubah dari "${l('usulanStatus', str(p.from))}" menjadi "${l('usulanStatus', str(p.to))}"`,
    en: (p, l) => `A proposal's status cannot change from “${l('usulanStatus', str(p.from))}” to “${l('usulanStatus', str(p.to))}”`,
  },
};
