// Relative imports (not `$domain`) so the unit tests can load this module without SvelteKit.
import {
  allowedTransitions,
  checkTransition,
  USULAN_STATUSES,
  type ActorRole,
  type KabupatenPolicy,
  type UsulanStatus,
} from '../../../../functions/src/domain/index.js';

/**
 * What a Dinas Sosial decision does, worked out in the portal the same way `decideUsulan` does it,
 * so the page can say beforehand which usulan a decision "for the whole musyawarah" will move and
 * which it will leave, and why. The callable stays the authority: the page shows its answer.
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
export function blockedBecause(item: Decidable, decision: Decision, actor: ActorRole): string | null {
  const t = checkTransition(item.status, targetStatus(item.status, decision, actor), actor);
  if (!t.ok) return t.reason.message;
  if (decision === 'setujui' && !item.validation?.ok) return 'Usulan belum lolos validasi sehingga belum dapat disetujui.';
  return null;
}

export function previewDecision(items: readonly Decidable[], decision: Decision, actor: ActorRole): DecisionPreview {
  const out: DecisionPreview = { decided: [], skipped: [] };
  for (const item of items) {
    const blocked = blockedBecause(item, decision, actor);
    if (blocked) out.skipped.push({ id: item.id, reason: blocked });
    else out.decided.push({ id: item.id, to: targetStatus(item.status, decision, actor) });
  }
  return out;
}

/** The approve button of one usulan, as the flow test and the people know it. */
export function approveLabel(actor: ActorRole): string {
  if (actor === 'verifikator') return 'Verifikasi, teruskan ke Kadis';
  if (actor === 'kadis') return 'Setujui (pengesahan)';
  return 'Setujui';
}

/** The approve button for a whole musyawarah, with how many usulan it will move. */
export function approveAllLabel(actor: ActorRole, count: number): string {
  return actor === 'verifikator' ? `Verifikasi semua (${count})` : `Setujui semua (${count})`;
}

/** What the page says about an actor's part in the decision. */
export function roleGuidance(actor: ActorRole): string {
  if (actor === 'verifikator') return 'Periksa usulan yang baru diajukan; yang Anda verifikasi diteruskan ke kepala dinas untuk pengesahan.';
  if (actor === 'kadis') return 'Usulan yang sudah diverifikasi menunggu pengesahan Anda.';
  return 'Persetujuan satu tingkat: verifikator atau kepala dinas memutuskan.';
}
