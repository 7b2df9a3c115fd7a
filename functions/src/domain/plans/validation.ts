import type { UsulanDoc, ValidationRecord } from '../documents.js';
import type { NikLookup } from '../duplicates.js';
import type { KabupatenPolicy } from '../policy.js';
import { suspensionPolicyOf } from '../policy.js';
import { because } from '../reason.js';
import { checkTransition, type UsulanStatus } from '../usulan-status.js';
import { usulanContentSchema } from '../usulan.js';
import { validateUsulan, type TargetHousehold } from '../validate-usulan.js';
import { SERVER_TIME, type AuditEntry, type PlanTime, type StoredHousehold } from './writes.js';

/**
 * Step 2 of the flow, as a rule: a submitted usulan is checked — content, NIK and KK structure, the
 * household it is about, NIKs already in the register, the kabupaten's reactivation policy, another
 * pindah masuk of the same family submitted earlier — and the result is written back to it. The
 * trigger (validate-usulan.ts) reads what `validationReads` names in one transaction, this decides.
 */

/** An usulan as the validation reads it (timestamps as Date). */
export type StoredUsulan = UsulanDoc<Date>;

/** The statuses in which a pindah masuk still waits for the dinas (a second one for the same family must wait). */
export const PENDING_TRANSFER_STATUSES = ['diajukan', 'diverifikasi', 'disetujui'] as const satisfies readonly UsulanStatus[];

/**
 * Whether this version of the usulan still needs validating: submitted, and not yet validated for
 * this submission. The result records the submission it belongs to, so the trigger's own write, or
 * a second delivery of the same event, finds the work done.
 */
export function needsValidation(doc: Pick<StoredUsulan, 'status' | 'submittedAt' | 'validation'>): boolean {
  return doc.status === 'diajukan' && doc.submittedAt !== null && doc.validation?.forSubmission !== doc.submittedAt.getTime();
}

/** What the validation must read: the household the usulan is about, the NIKs to look up, and whether to look for another pending transfer. */
export function validationReads(doc: unknown): { householdId: string | null; niks: string[]; pendingTransfersOf: string | null } {
  const parsed = usulanContentSchema.safeParse(doc);
  const content = parsed.success ? parsed.data : null;
  const members = content && (content.type === 'baru' || content.type === 'perbaikan') ? content.household.members : [];
  return {
    householdId: content && content.type !== 'baru' ? content.householdId : null,
    niks: members.flatMap((m) => (m.nik ? [m.nik] : [])),
    pendingTransfersOf: content?.type === 'pindah_masuk' ? content.householdId : null,
  };
}

export interface ValidationInput {
  usulanId: string;
  usulan: StoredUsulan;
  /** The household of `validationReads().householdId`, as the register has it; null when there is none (or for a baru). */
  household: StoredHousehold | null;
  /** The NIK index entries of `validationReads().niks`. */
  nikIndex: NikLookup;
  policy: KabupatenPolicy | null;
  /** Pindah masuk usulan of the same household in the same kabupaten in a pending status (this one may be among them). */
  pendingTransfers: readonly { id: string; submittedAt: Date | null }[];
  /** How many times this usulan was taken back after failing validation (the audit entries of `planTakeBack`). */
  takeBacks?: number;
  now: Date;
}

/**
 * How many times one usulan may be taken back to be corrected and submitted again. Past it, the
 * validation refuses without looking in the register: one usulan cannot ask the register about NIK
 * after NIK without end.
 */
export const TAKE_BACK_LIMIT = 3;
/** The audit action of a take-back, which the validation counts. */
export const TAKE_BACK_ACTION = 'usulan.ditarik_untuk_perbaikan';

export interface ValidationPlan {
  ok: boolean;
  /** The usulan's fields to update. */
  update: { status: UsulanStatus; validation: ValidationRecord<PlanTime>; updatedAt: PlanTime };
  audit: AuditEntry;
  /**
   * One entry per NIK the register already holds elsewhere, for the proposer's Dinas Sosial, as the
   * transfer lookup does: an operator who probes the register with throw-away usulan is seen.
   */
  nikAudits: AuditEntry[];
}

/**
 * Two desa (or one, twice) proposing to take the same family: the one submitted first goes on to
 * the dinas, a later one fails validation with the reason. Ordered by submission time, then id,
 * so two submissions validated at the same moment cannot both fail or both pass.
 */
export function earlierPendingTransfer(usulanId: string, submittedAt: Date, others: ValidationInput['pendingTransfers']): boolean {
  const mine = submittedAt.getTime();
  return others.some((o) => {
    if (o.id === usulanId) return false;
    const theirs = o.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return theirs < mine || (theirs === mine && o.id < usulanId);
  });
}

const targetOf = (id: string, h: StoredHousehold): TargetHousehold => ({
  id,
  desaCode: h.desaCode,
  kkNumber: h.kkNumber,
  status: h.status,
  reactivations: h.reactivations ?? 0,
});

/** The validation of one submission (`needsValidation` must hold: it has a submission time). */
export function planValidation(input: ValidationInput): ValidationPlan {
  const { usulanId, usulan: doc, policy } = input;
  const submittedAt = doc.submittedAt;
  if (!submittedAt) throw new Error('planValidation: the usulan has not been submitted');
  const reads = validationReads(doc);
  const target = reads.householdId && input.household ? targetOf(reads.householdId, input.household) : null;
  const overLimit = (input.takeBacks ?? 0) > TAKE_BACK_LIMIT;
  const result = validateUsulan(doc, input.now, {
    desaCode: doc.desaCode,
    target,
    ...(overLimit ? {} : { nikLookup: input.nikIndex }),
    suspensionPolicy: suspensionPolicyOf(policy),
    nik: { unknownRegion: policy?.unknownNikRegion ?? 'error' },
  });
  const errors = [...result.errors];
  if (overLimit) errors.push(because('usulan.takeback_limit', { takeBacks: input.takeBacks ?? 0, limit: TAKE_BACK_LIMIT }));
  if (reads.householdId && !target) errors.push(because('usulan.household_missing', {}, 'householdId'));
  if (reads.pendingTransfersOf && earlierPendingTransfer(usulanId, submittedAt, input.pendingTransfers)) {
    errors.push(because('pindah.pending_elsewhere', {}, 'householdId'));
  }
  const ok = errors.length === 0;
  const status: UsulanStatus = ok ? 'diajukan' : 'tidak_lolos_validasi';
  if (!ok) {
    const t = checkTransition(doc.status, status, 'sistem');
    if (!t.ok) throw new Error(`validation transition refused: ${t.reason.code}`);
  }
  const nikAudits = (result.nikHeld ?? []).map((held): AuditEntry => ({
    actorUid: doc.createdBy,
    actorRole: 'operator',
    action: 'usulan.nik_sudah_terdaftar',
    target: { collection: 'households', id: held.holder.householdId },
    kabupatenCode: doc.kabupatenCode,
    desaCode: doc.desaCode,
    summary: `Usulan ${doc.type} ${usulanId}: NIK anggota ke-${held.member + 1} sudah ada di register${held.elsewhere ? ' (kabupaten/kota lain)' : ` (desa ${held.holder.desaCode})`}`,
  }));
  return {
    ok,
    nikAudits,
    update: {
      status,
      validation: { ok, errors, warnings: result.warnings, checkedAt: SERVER_TIME, forSubmission: submittedAt.getTime() },
      updatedAt: SERVER_TIME,
    },
    audit: {
      actorUid: 'sistem',
      actorRole: 'sistem',
      action: ok ? 'usulan.lolos_validasi' : 'usulan.tidak_lolos_validasi',
      target: { collection: 'usulan', id: usulanId },
      kabupatenCode: doc.kabupatenCode,
      desaCode: doc.desaCode,
      summary: ok
        ? `Usulan ${doc.type} lolos validasi (${result.warnings.length} catatan)`
        : `Usulan ${doc.type} tidak lolos validasi: ${errors.map((e) => e.code).join(', ')}`,
    },
  };
}

/**
 * The operator took back an usulan that failed validation, to correct it (a client write the rules
 * allow: status `draft`, submittedAt and validation cleared).
 */
export function takenBack(before: Pick<StoredUsulan, 'status'>, after: Pick<StoredUsulan, 'status'>): boolean {
  return before.status === 'tidak_lolos_validasi' && after.status === 'draft';
}

/**
 * The usulan keeps only its latest validation, so the audit log says what happened in between: the
 * earlier result's entry stays, and this one records the take-back with the reasons being corrected
 * — one entry per failed submission, whatever the number of deliveries (`entryId`). The trigger
 * does not learn which account wrote; the rules allow only the desa's operator, so the entry names
 * that role.
 */
export function planTakeBack(usulanId: string, before: StoredUsulan): { entryId: string; audit: AuditEntry } {
  const codes = (before.validation?.errors ?? []).map((e) => e.code).join(', ');
  return {
    entryId: `${usulanId}-ditarik-${before.validation?.forSubmission ?? before.submittedAt?.getTime() ?? 0}`,
    audit: {
      actorUid: `operator:${before.desaCode}`,
      actorRole: 'operator',
      action: TAKE_BACK_ACTION,
      target: { collection: 'usulan', id: usulanId },
      kabupatenCode: before.kabupatenCode,
      desaCode: before.desaCode,
      summary: `Usulan ${before.type} yang tidak lolos validasi ditarik untuk diperbaiki${codes ? ` (${codes})` : ''}`,
    },
  };
}
