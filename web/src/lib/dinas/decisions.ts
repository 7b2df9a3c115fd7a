import { reasonMessage } from '../i18n/reasons.js';
// Relative imports (not `$domain`) so the unit tests can load this module without SvelteKit.
import {
  allowedTransitions,
  checkTransition,
  USULAN_STATUSES,
  type ActorRole,
  type KabupatenPolicy,
  type UsulanStatus,
} from '../../../../functions/src/domain/index.js';
import type { Translate } from '../i18n/label-text.js';

/**
 * What a Dinas Sosial decision does, worked out in the portal the same way `decideUsulan` does it,
 * so the page can say beforehand which usulan a decision "for the whole musyawarah" will move and
 * which it will leave, and why. The callable stays the authority: the page shows its answer.
 * Texts come through the page's `Translate` (`$_`); the state machine's own reasons stay in Bahasa
 * Indonesia, as the callable words them.
 */
export type DinasRole = 'verifikator' | 'kadis';
export type Decision = 'setujui' | 'tolak';

/** In a single-level kabupaten both roles decide as the one Dinas decision-maker. */
export function actorFor(role: DinasRole, approval: KabupatenPolicy['approval']): ActorRole {
  return approval === 'satu_tingkat' ? 'dinas' : role;
}

/** The statuses an actor can decide on (the verifikator: diajukan; the kadis: diverifikasi; single-level: both). */
export function actionableStatuses(actor: ActorRole): UsulanStatus[] {
  return USULAN_STATUSES.filter((s) => allowedTransitions(s, actor).some((to) => to !== 'draft'));
}

/** "setujui" from a verifikator verifies; from a decision-maker it approves (pengesahan). */
export function targetStatus(from: UsulanStatus, decision: Decision, actor: ActorRole): UsulanStatus {
  if (decision === 'tolak') return 'ditolak';
  return actor === 'verifikator' && from === 'diajukan' ? 'diverifikasi' : 'disetujui';
}

export interface Decidable {
  id: string;
  status: UsulanStatus;
  validation: { ok: boolean } | null;
}

export interface DecisionPreview {
  decided: { id: string; to: UsulanStatus }[];
  skipped: { id: string; reason: string }[];
}

/** Why one usulan cannot take this decision now, or null when it can (the callable's rules). */
export function blockedBecause(item: Decidable, decision: Decision, actor: ActorRole, t: Translate): string | null {
  const transition = checkTransition(item.status, targetStatus(item.status, decision, actor), actor);
  if (!transition.ok) return reasonMessage(transition.reason);
  if (decision === 'setujui' && !item.validation?.ok) return t('dinas.decision.notValidated');
  return null;
}

export function previewDecision(items: readonly Decidable[], decision: Decision, actor: ActorRole, t: Translate): DecisionPreview {
  const out: DecisionPreview = { decided: [], skipped: [] };
  for (const item of items) {
    const blocked = blockedBecause(item, decision, actor, t);
    if (blocked) out.skipped.push({ id: item.id, reason: blocked });
    else out.decided.push({ id: item.id, to: targetStatus(item.status, decision, actor) });
  }
  return out;
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
