import { reasonMessage } from '../i18n/reasons.js';
import {
  cycleIndex,
  cycleStart,
  DEFAULT_STALENESS_POLICY,
  DEFAULT_SUSPENSION_POLICY,
  isoDateOn,
  kabupatenPolicySchema,
  reasonsFromZod,
  type KabupatenPolicy,
} from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';
import type { FieldErrors } from './user-form.js';

/**
 * The kabupaten policy form: staleness (warnings, freeze, the monthly cut-off), approval levels,
 * the way back after a suspension and how strictly unknown NIK regions are treated. The whole
 * document is sent (the callable replaces it), checked with the callable's own schema.
 */
export interface PolicyForm {
  freezeAfterMonths: number | null | undefined;
  warnAfterMonths: number[];
  cutoff: 'akhir_bulan' | 'tanggal';
  cutoffDay: number | null | undefined;
  approval: 'dua_tingkat' | 'satu_tingkat';
  route: 'usulan_baru' | 'reaktivasi';
  maxReactivations: number | null | undefined;
  unknownNikRegion: 'error' | 'warning';
}

export type PolicyField = 'freezeAfterMonths' | 'warnAfterMonths' | 'cutoffDay' | 'approval' | 'route' | 'maxReactivations' | 'unknownNikRegion';

export function policyToForm(policy: KabupatenPolicy | null | undefined): PolicyForm {
  const staleness = policy?.staleness ?? DEFAULT_STALENESS_POLICY;
  const suspension = policy?.suspension ?? DEFAULT_SUSPENSION_POLICY;
  return {
    freezeAfterMonths: staleness.freezeAfterMonths,
    warnAfterMonths: [...staleness.warnAfterMonths].sort((a, b) => a - b),
    cutoff: staleness.cutoffDay === null ? 'akhir_bulan' : 'tanggal',
    cutoffDay: staleness.cutoffDay ?? 17,
    approval: policy?.approval ?? 'dua_tingkat',
    route: suspension.route,
    maxReactivations: suspension.maxReactivations,
    unknownNikRegion: policy?.unknownNikRegion ?? 'error',
  };
}

const PATH_FIELDS: Record<string, PolicyField> = {
  'staleness.freezeAfterMonths': 'freezeAfterMonths',
  'staleness.warnAfterMonths': 'warnAfterMonths',
  'staleness.cutoffDay': 'cutoffDay',
  approval: 'approval',
  'suspension.route': 'route',
  'suspension.maxReactivations': 'maxReactivations',
  unknownNikRegion: 'unknownNikRegion',
};

function fieldOfPath(path: string | undefined): PolicyField {
  const p = path ?? '';
  const key = Object.keys(PATH_FIELDS).find((k) => p === k || p.startsWith(`${k}.`));
  return key ? PATH_FIELDS[key]! : 'freezeAfterMonths';
}

function wholeIn(value: number | null | undefined, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The form's own checks are worded by `t` (`$_`); the schema's messages stay in Bahasa Indonesia. */
export function formToPolicy(form: PolicyForm, t: Translate): { policy: KabupatenPolicy | null; errors: FieldErrors<PolicyField> } {
  const errors: FieldErrors<PolicyField> = {};
  const add = (field: PolicyField, message: string) => (errors[field] ??= []).push(message);
  if (!wholeIn(form.freezeAfterMonths, 1, 24)) add('freezeAfterMonths', t('admin.policy.error.freezeAfterMonths'));
  if (form.cutoff === 'tanggal' && !wholeIn(form.cutoffDay, 1, 28)) add('cutoffDay', t('admin.policy.error.cutoffDay'));
  if (form.route === 'reaktivasi' && !wholeIn(form.maxReactivations, 1, 10)) add('maxReactivations', t('admin.policy.error.maxReactivations'));
  const parsed = kabupatenPolicySchema.safeParse({
    staleness: {
      warnAfterMonths: [...new Set(form.warnAfterMonths)].sort((a, b) => a - b),
      freezeAfterMonths: form.freezeAfterMonths ?? undefined,
      cutoffDay: form.cutoff === 'tanggal' ? (form.cutoffDay ?? undefined) : null,
    },
    suspension: {
      route: form.route,
      maxReactivations:
        form.route === 'reaktivasi'
          ? (form.maxReactivations ?? undefined)
          : wholeIn(form.maxReactivations, 1, 10)
            ? form.maxReactivations
            : DEFAULT_SUSPENSION_POLICY.maxReactivations,
    },
    approval: form.approval,
    unknownNikRegion: form.unknownNikRegion,
  });
  if (!parsed.success) {
    for (const r of reasonsFromZod(parsed.error)) {
      const field = fieldOfPath(r.field);
      if (!errors[field]) add(field, reasonMessage(r));
    }
  }
  return { policy: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

export interface PolicyPreview {
  /** Last day of the cycle running now. */
  cycleEnds: string;
  /** For a household verified today: when each warning starts and when it freezes. */
  warnings: { months: number; from: string }[];
  freezesOn: string;
}

/** What the policy means for a household verified today, in dates (Jakarta). */
export function policyPreview(policy: KabupatenPolicy, now: Date): PolicyPreview {
  const s = policy.staleness;
  const cycle = cycleIndex(now, s);
  return {
    cycleEnds: isoDateOn(new Date(cycleStart(cycle + 1, s).getTime() - 1)),
    warnings: [...s.warnAfterMonths].sort((a, b) => a - b).map((w) => ({ months: w, from: isoDateOn(cycleStart(cycle + w + 1, s)) })),
    freezesOn: isoDateOn(cycleStart(cycle + s.freezeAfterMonths + 1, s)),
  };
}
