import type { ReasonParam, ReasonParams } from '../reason.js';
import { PROGRAM_LEVEL_LABELS } from '../programs.js';
import { OCCUPATION_LABELS, SCHOOL_LABELS } from '../schemas.js';
import { SUSPENSION_REASON_LABELS } from '../suspension.js';
import { ACTOR_ROLE_LABELS, USULAN_STATUS_LABELS } from '../usulan-status.js';

/** What every part of the reason catalogue shares: the entry type and the helpers that read params. */
export type ReasonLanguage = 'id' | 'en';
/** The enums whose values reasons carry in their params; the portal names each through `label.<kind>.<value>`. */
export type ReasonLabelKind = 'occupation' | 'school' | 'usulanStatus' | 'actorRole' | 'suspensionReason' | 'programLevel';
export type ReasonLabelOf = (kind: ReasonLabelKind, value: string) => string;

const DOMAIN_LABELS: Record<ReasonLabelKind, Record<string, string>> = {
  occupation: OCCUPATION_LABELS,
  school: SCHOOL_LABELS,
  usulanStatus: USULAN_STATUS_LABELS,
  actorRole: ACTOR_ROLE_LABELS,
  suspensionReason: SUSPENSION_REASON_LABELS,
  programLevel: PROGRAM_LEVEL_LABELS,
};
export const indonesianLabel: ReasonLabelOf = (kind, value) => DOMAIN_LABELS[kind][value] ?? value;

export type ReasonText = (p: ReasonParams, label: ReasonLabelOf) => string;
export interface ReasonEntry {
  id: ReasonText;
  en: ReasonText;
}

export const str = (v: ReasonParam | undefined): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
export const nums = (v: ReasonParam | undefined): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
export const strs = (v: ReasonParam | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const list = (v: ReasonParam | undefined): ReasonParams[] =>
  Array.isArray(v) ? v.filter((x): x is ReasonParams => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];

/** Members are numbered from 1 as on the KK: "anggota ke-1, ke-3" / "members 1, 3". */
export const membersId = (p: ReasonParams) =>
  `anggota ${nums(p.members)
    .map((n) => `ke-${n}`)
    .join(', ')}`;
export const membersEn = (p: ReasonParams) => {
  const n = nums(p.members);
  return `${n.length === 1 ? 'member' : 'members'} ${n.join(', ')}`;
};

/** A text that takes no params. */
export const fixed = (id: string, en: string): ReasonEntry => ({ id: () => id, en: () => en });
