import {
  planDecision,
  planMusyawarahDecision,
  type ActorRole,
  type ApprovalLevels,
  type DecidableUsulan,
  type Decision,
  type DinasRole,
  type Reason,
  type UsulanStatus,
} from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';
import { reasonMessage } from '../i18n/reasons.js';

/**
 * What a Dinas Sosial decision does, planned in the portal by the domain's rule (`planDecision`,
 * functions/src/domain/decision.ts), the very function `decideUsulan` plans with: so the page offers
 * exactly the buttons the callable accepts and says beforehand which usulan a decision "for the
 * whole musyawarah" will move and which it will leave, and why. The callable stays the authority:
 * the page shows its answer. Texts come through the page's `Translate` (`$_`), the domain's reasons
 * through the reason catalogue in the same language.
 */
export { actionableStatuses, decidingActor, type Decision, type DinasRole } from '$domain/index.js';

/** The person deciding: their role, and the kabupaten's approval levels. */
export interface Decider {
  role: DinasRole;
  approval: ApprovalLevels;
}

export interface Decidable extends DecidableUsulan {
  id: string;
}

export interface DecisionPreview {
  decided: { id: string; to: UsulanStatus }[];
  skipped: { id: string; reason: string }[];
}

/** The decision as the callable plans it (the note changes what is recorded, never whether it may be taken). */
const request = (decision: Decision, who: Decider) => ({ role: who.role, approval: who.approval, decision, note: '' });

/** A reason in the chosen language: the portal words "not validated" itself, the others come from the catalogue. */
function reasonText(reason: Reason, t: Translate): string {
  return reason.code === 'decision.not_validated' ? t('dinas.decision.notValidated') : reasonMessage(reason, t);
}

/** Why one usulan cannot take this decision now, or null when it can (and the page offers the button). */
export function blockedBecause(item: Decidable, decision: Decision, who: Decider, t: Translate): string | null {
  const plan = planDecision(item, request(decision, who));
  return plan.ok ? null : reasonText(plan.reason, t);
}

export function previewDecision(items: readonly Decidable[], decision: Decision, who: Decider, t: Translate): DecisionPreview {
  const plan = planMusyawarahDecision(items, request(decision, who));
  return {
    decided: plan.decided.map(({ usulan, plan: one }) => ({ id: usulan.id, to: one.to })),
    skipped: plan.skipped.map(({ usulan, reason }) => ({ id: usulan.id, reason: reasonText(reason, t) })),
  };
}

/** The approve button of one usulan, as the flow test and the people know it. */
export function approveLabel(actor: ActorRole, t: Translate): string {
  if (actor === 'verifikator') return t('dinas.decision.verify');
  if (actor === 'kadis') return t('dinas.decision.approveKadis');
  return t('dinas.decision.approve');
}

/** The approve button for a whole musyawarah, with how many usulan it will move. */
export function approveAllLabel(actor: ActorRole, count: number, t: Translate): string {
  return actor === 'verifikator' ? t('dinas.decision.verifyAll', { values: { n: count } }) : t('dinas.decision.approveAll', { values: { n: count } });
}

/** What the page says about an actor's part in the decision. */
export function roleGuidance(actor: ActorRole, t: Translate): string {
  if (actor === 'verifikator') return t('dinas.decision.guideVerifikator');
  if (actor === 'kadis') return t('dinas.decision.guideKadis');
  return t('dinas.decision.guideSingle');
}
