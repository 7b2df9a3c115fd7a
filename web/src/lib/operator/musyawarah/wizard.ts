import { meetingDateInWindow, meetingSchema, reasonsFromZod, type Meeting, type UsulanContent } from '$domain/index.js';
import { errorsByField } from '../../form-errors.js';
import { toMeeting, type MeetingForm } from './form.js';
import { checkUsulan, type UsulanCheck, type UsulanCheckContext, type UsulanForm } from '../usulan/form.js';

/**
 * The musyawarah wizard: (1) the meeting as the berita acara records it, (2) the usulan rows of
 * every type, (3) a review before saving the draft or submitting. The state is plain data the page
 * keeps in `$state`; these functions say what is valid and where the operator has to go. Pure, so
 * it is unit-tested without a browser.
 */
export const WIZARD_STEPS = ['rapat', 'usulan', 'periksa'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface WizardForm {
  meeting: MeetingForm;
  usulan: UsulanForm[];
}

export interface WizardCheck {
  meeting: Meeting | null;
  meetingErrors: Record<string, string[]>;
  usulan: UsulanCheck[];
  /** Error of the usulan step as a whole (no usulan yet). */
  usulanListError: string | null;
  ok: boolean;
}

export function newMeetingForm(today: string, kelurahan = false): MeetingForm {
  return {
    type: kelurahan ? 'muskelsus' : 'musdesus',
    date: today,
    place: '',
    chair: '',
    attendees: null,
    bpdPresent: false,
    poorHouseholdRepresentatives: null,
    notes: '',
  };
}

export function newWizard(today: string, kelurahan = false): WizardForm {
  return { meeting: newMeetingForm(today, kelurahan), usulan: [] };
}

/** `existingUsulan`: usulan already saved in the draft this wizard adds to (they count towards "at least one"). */
export function checkWizard(form: WizardForm, now: Date, ctx: UsulanCheckContext, existingUsulan = 0): WizardCheck {
  const m = meetingSchema.safeParse(toMeeting(form.meeting));
  // The rules refuse a meeting dated outside this window (firestore.rules, recentDay): say so here.
  const outOfWindow = m.success && !meetingDateInWindow(m.data.date, now);
  const meeting = m.success && !outOfWindow ? m.data : null;
  const usulan = form.usulan.map((u) => checkUsulan(u, now, ctx));
  const usulanListError = form.usulan.length + existingUsulan === 0 ? ctx.t('wizard.atLeastOneUsulan') : null;
  return {
    meeting,
    meetingErrors: m.success ? (outOfWindow ? { date: [ctx.t('wizard.meetingDateWindow')] } : {}) : errorsByField(reasonsFromZod(m.error)),
    usulan,
    usulanListError,
    ok: meeting !== null && usulanListError === null && usulan.every((u) => u.content !== null),
  };
}

export function stepIsValid(step: WizardStep, check: WizardCheck): boolean {
  switch (step) {
    case 'rapat':
      return check.meeting !== null;
    case 'usulan':
      return check.usulanListError === null && check.usulan.every((u) => u.content !== null);
    case 'periksa':
      return check.ok;
  }
}

/** The first step with something to fix, or null when all is valid. */
export function firstInvalidStep(check: WizardCheck): WizardStep | null {
  return WIZARD_STEPS.find((s) => s !== 'periksa' && !stepIsValid(s, check)) ?? null;
}

/**
 * Moving between steps: forward only when the steps being left behind (from the current one up to
 * the target) are valid; going back is always allowed. Steps before the current one are checked
 * again when saving (`firstInvalidStep`), so the operator may start with the usulan (e.g. coming
 * from a household's page) and fill the berita acara afterwards.
 */
export function moveTo(from: WizardStep, to: WizardStep, check: WizardCheck): { step: WizardStep; blocked: boolean } {
  const start = WIZARD_STEPS.indexOf(from);
  const end = WIZARD_STEPS.indexOf(to);
  if (end <= start) return { step: to, blocked: false };
  for (const s of WIZARD_STEPS.slice(start, end)) {
    if (!stepIsValid(s, check)) return { step: s, blocked: true };
  }
  return { step: to, blocked: false };
}

/** The contents to write, once everything is valid. */
export function contentsOf(check: WizardCheck): UsulanContent[] | null {
  if (!check.ok) return null;
  return check.usulan.map((u) => u.content as UsulanContent);
}

/** Counts of rows by type, for the review step. */
export function countByType(form: WizardForm): Partial<Record<UsulanForm['type'], number>> {
  const out: Partial<Record<UsulanForm['type'], number>> = {};
  for (const u of form.usulan) out[u.type] = (out[u.type] ?? 0) + 1;
  return out;
}
