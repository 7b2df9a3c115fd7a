import {
  ACTOR_ROLE_LABELS,
  BA_KLARIFIKASI_SIGNATORY_LABELS,
  DISABILITY_LABELS,
  EXPORT_KIND_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  KELUAR_REASON_LABELS,
  KK_CHANGE_REASON_LABELS,
  MUSYAWARAH_STATUS_LABELS,
  OCCUPATION_LABELS,
  PROGRAM_LEVEL_LABELS,
  RELATIONSHIP_LABELS,
  SCHOOL_LABELS,
  SUSPENSION_REASON_LABELS,
  USULAN_STATUS_LABELS,
  USULAN_TYPE_LABELS,
} from '$domain/index.js';
import { labelText, type Translate } from './label-text.js';

export type { Translate };

/**
 * Labels of the domain's enums. Bahasa Indonesia comes from the domain (one source, shared with
 * the functions and exports); other languages translate them in their messages file under
 * `label.<kind>.<value>`.
 */
export const DOMAIN_LABELS = {
  relationship: RELATIONSHIP_LABELS,
  occupation: OCCUPATION_LABELS,
  school: SCHOOL_LABELS,
  disability: DISABILITY_LABELS,
  keluarReason: KELUAR_REASON_LABELS,
  kkChangeReason: KK_CHANGE_REASON_LABELS,
  signatory: BA_KLARIFIKASI_SIGNATORY_LABELS,
  usulanType: USULAN_TYPE_LABELS,
  usulanStatus: USULAN_STATUS_LABELS,
  householdStatus: HOUSEHOLD_STATUS_LABELS,
  musyawarahStatus: MUSYAWARAH_STATUS_LABELS,
  exportKind: EXPORT_KIND_LABELS,
  programLevel: PROGRAM_LEVEL_LABELS,
  // Named in reasons (who may not change a status, why a household was suspended).
  actorRole: ACTOR_ROLE_LABELS,
  suspensionReason: SUSPENSION_REASON_LABELS,
} as const;
export type LabelKind = keyof typeof DOMAIN_LABELS;

export function label(t: Translate, kind: LabelKind, value: string): string {
  return labelText(t, kind, value, DOMAIN_LABELS[kind]);
}
