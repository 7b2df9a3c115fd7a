import type { DecisionRecord } from './documents.js';
import type { KabupatenPolicy } from './policy.js';
import { reason, type Reason } from './reason.js';
import { isDinasRole, type DinasRole, type UserRole } from './roles.js';
import { decisionInputSchema, musyawarahDecisionInputSchema, type DecisionInput, type MusyawarahDecisionInput } from './schemas.js';
import { allowedTransitions, checkTransition, USULAN_STATUSES, type ActorRole, type UsulanStatus } from './usulan-status.js';
import { reasonsFromZod } from './validate-usulan.js';

/**
 * The Dinas Sosial's decision on an usulan, decided once for both sides: `decideUsulan` plans with
 * it and commits the plan; the portal plans with it to show which buttons a person has and what a
 * decision "for the whole musyawarah" will move and leave.
 *
 * Who decides what: with two-level approval (`dua_tingkat`, the default) the verifikator verifies
 * an usulan that passed validation (`diajukan` → `diverifikasi`) and the kadis approves it
 * (`diverifikasi` → `disetujui`, pengesahan); each may refuse what waits for them. With single-level
 * approval (`satu_tingkat`) either of them is the one Dinas decision-maker (`dinas`) and approves or
 * refuses from `diajukan` or `diverifikasi`. An usulan is approved only once it passed validation;
 * a refusal needs no passed validation. No other role decides.
 */
export type Decision = DecisionInput['decision'];
export type ApprovalLevels = NonNullable<KabupatenPolicy['approval']>;
const DEFAULT_APPROVAL: ApprovalLevels = 'dua_tingkat';

/** The kabupaten's approval levels; a missing policy or setting means two levels. */
export function approvalOf(policy: Pick<KabupatenPolicy, 'approval'> | null | undefined): ApprovalLevels {
  return policy?.approval ?? DEFAULT_APPROVAL;
}

/** Who a person decides as: in a single-level kabupaten both roles act as the one Dinas decision-maker. */
export function decidingActor(role: DinasRole, approval: ApprovalLevels | undefined): ActorRole {
  return (approval ?? DEFAULT_APPROVAL) === 'satu_tingkat' ? 'dinas' : role;
}

/** The statuses an actor decides on (the verifikator: diajukan; the kadis: diverifikasi; single-level: both). */
export function actionableStatuses(actor: ActorRole): UsulanStatus[] {
  return USULAN_STATUSES.filter((s) => allowedTransitions(s, actor).some((to) => to !== 'draft'));
}

/** "setujui" from a verifikator on a fresh usulan verifies; from a decision-maker it approves (pengesahan). */
function decisionTarget(from: UsulanStatus, decision: Decision, actor: ActorRole): UsulanStatus {
  if (decision === 'tolak') return 'ditolak';
  return actor === 'verifikator' && from === 'diajukan' ? 'diverifikasi' : 'disetujui';
}

/** Who decides, in which kabupaten setting, and what they say. */
export interface DecisionRequest {
  role: UserRole;
  approval: ApprovalLevels | undefined;
  decision: Decision;
  note: string;
}

/** What the decision needs of the usulan: where it stands and whether it passed validation. */
export interface DecidableUsulan {
  status: UsulanStatus;
  validation?: { ok: boolean } | null;
}

/** The writes an accepted decision makes: the new status, one more decision record, and its audit entry. */
export interface PlannedDecision {
  ok: true;
  actor: ActorRole;
  from: UsulanStatus;
  to: UsulanStatus;
  /** Appended to the usulan's `decisions`; whoever commits adds who (`by`, the uid) and when (`at`). */
  record: Omit<DecisionRecord<never>, 'by' | 'at'>;
  audit: { action: `usulan.${UsulanStatus}`; actorRole: DinasRole; summary: string };
}

export type DecisionPlan = PlannedDecision | { ok: false; reason: Reason };

const DECISION_ROLE_REFUSAL = reason('decision.role', 'Hanya verifikator atau kepala Dinas Sosial yang dapat memutuskan usulan.');

/** Plans one decision on one usulan: the writes to make, or why it cannot be taken now. */
export function planDecision(usulan: DecidableUsulan, request: DecisionRequest): DecisionPlan {
  const { role, decision, note } = request;
  if (!isDinasRole(role)) return { ok: false, reason: DECISION_ROLE_REFUSAL };
  const actor = decidingActor(role, request.approval);
  const from = usulan.status;
  const to = decisionTarget(from, decision, actor);
  const transition = checkTransition(from, to, actor);
  if (!transition.ok) return transition;
  if (decision === 'setujui' && !usulan.validation?.ok) {
    return { ok: false, reason: reason('decision.not_validated', 'Usulan belum lolos validasi sehingga belum dapat disetujui.') };
  }
  return {
    ok: true,
    actor,
    from,
    to,
    record: { decision, from, to, note, role },
    // The note stays with the decision on the usulan (the dinas reads it there), out of the audit log the admin reads too.
    audit: { action: `usulan.${to}`, actorRole: role, summary: `Status usulan: ${from} → ${to}${note ? ' (dengan catatan)' : ''}` },
  };
}

export interface MusyawarahDecisionPlan<T extends DecidableUsulan> {
  decided: { usulan: T; plan: PlannedDecision }[];
  skipped: { usulan: T; reason: Reason }[];
  /** Set when nothing can be decided: the decision as a whole is refused. */
  refusal: Reason | null;
}

/** One decision for every usulan of a musyawarah: each one that can take it does, the others are left with their reason. */
export function planMusyawarahDecision<T extends DecidableUsulan>(items: readonly T[], request: DecisionRequest): MusyawarahDecisionPlan<T> {
  const out: MusyawarahDecisionPlan<T> = { decided: [], skipped: [], refusal: null };
  for (const usulan of items) {
    const plan = planDecision(usulan, request);
    if (plan.ok) out.decided.push({ usulan, plan });
    else out.skipped.push({ usulan, reason: plan.reason });
  }
  if (out.decided.length === 0) {
    out.refusal = isDinasRole(request.role)
      ? reason('decision.nothing_to_decide', 'Tidak ada usulan di musyawarah ini yang dapat Anda putuskan sekarang.')
      : DECISION_ROLE_REFUSAL;
  }
  return out;
}

/** What `decideUsulan` receives: a decision on one usulan, or on every usulan of a musyawarah. */
export type DecisionCall = ({ on: 'usulan' } & DecisionInput) | ({ on: 'musyawarah' } & MusyawarahDecisionInput);

export function parseDecisionCall(data: unknown): { ok: true; value: DecisionCall } | { ok: false; reasons: Reason[] } {
  if (data !== null && typeof data === 'object' && 'musyawarahId' in data) {
    const parsed = musyawarahDecisionInputSchema.safeParse(data);
    return parsed.success ? { ok: true, value: { on: 'musyawarah', ...parsed.data } } : { ok: false, reasons: reasonsFromZod(parsed.error) };
  }
  const parsed = decisionInputSchema.safeParse(data);
  return parsed.success ? { ok: true, value: { on: 'usulan', ...parsed.data } } : { ok: false, reasons: reasonsFromZod(parsed.error) };
}
