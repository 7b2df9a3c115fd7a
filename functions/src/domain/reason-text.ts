import type { Reason } from './reason.js';
import { APPLY_TEXTS } from './reason-texts/apply.js';
import { DUPLICATE_TEXTS } from './reason-texts/duplicates.js';
import { ELIGIBILITY_TEXTS } from './reason-texts/eligibility.js';
import { indonesianLabel, type ReasonEntry, type ReasonLabelOf, type ReasonLanguage } from './reason-texts/format.js';
import { KK_TEXTS } from './reason-texts/kk.js';
import { NIK_TEXTS } from './reason-texts/nik.js';
import { STALENESS_TEXTS } from './reason-texts/staleness.js';
import { PROGRAM_TEXTS } from './reason-texts/programs.js';
import { ROLE_TEXTS } from './reason-texts/roles.js';
import { SUSPENSION_TEXTS } from './reason-texts/suspension.js';
import { TRANSFER_TEXTS } from './reason-texts/transfer.js';
import { USULAN_STATUS_TEXTS } from './reason-texts/usulan-status.js';
import { USULAN_VALIDATION_TEXTS } from './reason-texts/validate-usulan.js';
import { WILAYAH_TEXTS } from './reason-texts/wilayah.js';

export { indonesianLabel, type ReasonLabelOf, type ReasonLanguage } from './reason-texts/format.js';

/**
 * The text of the reasons, in Bahasa Indonesia and English, from their code and params: one
 * catalogue for the functions (audit summaries, exports: Bahasa Indonesia) and the portal (the
 * reader's language). Enum values in params (occupations, school levels) are named through a
 * `ReasonLabelOf`, so the portal can pass its own translated labels; by default the domain's Indonesian
 * labels are used. Each rule's texts live in `reason-texts/<rule>.ts`; a unit test checks that
 * every code a rule can give has both languages.
 */
export const REASON_TEXTS: Readonly<Record<string, ReasonEntry>> = {
  ...NIK_TEXTS,
  ...ELIGIBILITY_TEXTS,
  ...DUPLICATE_TEXTS,
  ...STALENESS_TEXTS,
  ...APPLY_TEXTS,
  ...KK_TEXTS,
  ...WILAYAH_TEXTS,
  ...ROLE_TEXTS,
  ...USULAN_STATUS_TEXTS,
  ...USULAN_VALIDATION_TEXTS,
  ...SUSPENSION_TEXTS,
  ...TRANSFER_TEXTS,
  ...PROGRAM_TEXTS,
};

/**
 * The text of a reason in a language. A reason from the catalogue is rendered from its params; an
 * older reason keeps its written-out Indonesian `message` (in both languages: it was stored so);
 * an unknown code without a message shows the code, so nothing is ever blank.
 */
export function reasonText(r: Reason, lang: ReasonLanguage = 'id', labelOf: ReasonLabelOf = indonesianLabel): string {
  const entry = REASON_TEXTS[r.code];
  if (entry && (r.params !== undefined || r.message === undefined)) return entry[lang](r.params ?? {}, labelOf);
  return r.message ?? r.code;
}
