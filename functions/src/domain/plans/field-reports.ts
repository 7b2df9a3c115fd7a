import type { z } from 'zod';
import { isoDateOn } from '../dates.js';
import type { StickerReportDoc, VervalDoc } from '../documents.js';
import { decideHousehold, type HouseholdStatus, type ProgramsInForce } from '../eligibility.js';
import { redactNiks } from '../nik.js';
import { because, type Reason } from '../reason.js';
import { stickerInputSchema, vervalInputSchema } from '../schemas.js';
import { SERVER_TIME, type AuditEntry, type PlannedHousehold, type StoredHousehold } from './writes.js';

/**
 * Reports from the field (a verval, a sticker), written by the operator on the device — offline
 * too — and applied by a trigger in one transaction with the household: either the household's
 * update and its audit entry, or the reason the report cannot apply (kept on the report).
 */
export type FieldReportPlan = { ok: true; update: Partial<PlannedHousehold>; audit: AuditEntry } | { ok: false; reason: Reason };

const invalid = (code: string, error: z.ZodError): Reason => {
  const issue = error.issues[0];
  return because(code, { field: issue?.path.map(String).join('.') ?? null, issue: issue?.message ?? null });
};

/** A verval of a frozen household unfreezes it, so its eligibility is decided again: the trigger then reads the programs. */
export function vervalNeedsPrograms(household: { status: HouseholdStatus } | null): boolean {
  return household?.status === 'beku';
}

export interface VervalInput {
  householdId: string;
  report: Pick<VervalDoc<Date>, 'result' | 'note' | 'by' | 'desaCode' | 'visitedAt'>;
  household: StoredHousehold | null;
  /** The programs in force, when `vervalNeedsPrograms`. */
  programs: ProgramsInForce | null;
  /** When the report reached the server. */
  now: Date;
}

/**
 * A verval (verification visit): the staleness clock restarts from the moment of the visit, and a
 * frozen ("beku") household is active again with its eligibility decided again — the freeze is
 * reversible by a verval (seed 002). The visit counts from when it happened on the device, but never
 * after it reached the server (a wrong device clock) and never moves the clock back (an older visit
 * synced after a newer one). Refused when the household is no longer in the operator's desa, left
 * the register or is suspended (its way back is an usulan).
 */
export function planVerval({ householdId, report, household: h, programs, now }: VervalInput): FieldReportPlan {
  const input = vervalInputSchema.safeParse({ householdId, result: report.result, note: report.note });
  if (!input.success) return { ok: false, reason: invalid('verval.invalid', input.error) };
  if (!h || h.desaCode !== report.desaCode) return { ok: false, reason: because('verval.not_in_desa') };
  if (!vervalApplies(h.status)) return { ok: false, reason: because(h.status === 'keluar' ? 'verval.household_left' : 'verval.household_suspended') };

  const visited = new Date(Math.min(report.visitedAt.getTime(), now.getTime()));
  const newer = visited.getTime() > h.lastVervalAt.getTime();
  const unfreeze = h.status === 'beku';
  if (unfreeze && !programs) throw new Error('planVerval: unfreezing needs the programs in force (vervalNeedsPrograms)');
  const { result, note } = input.data;
  return {
    ok: true,
    update: {
      ...(newer ? { lastVervalAt: visited, staleness: { level: 'ok', missed: 0, freezesAt: null } } : {}),
      ...(unfreeze ? { status: 'aktif', statusReason: null, eligibility: decideHousehold({ ...h, status: 'aktif' }, programs!) } : {}),
      updatedAt: SERVER_TIME,
    },
    audit: {
      actorUid: report.by,
      actorRole: 'operator',
      action: unfreeze ? 'keluarga.verval_aktif_kembali' : 'keluarga.verval',
      target: { collection: 'households', id: householdId },
      kabupatenCode: h.kabupatenCode,
      desaCode: h.desaCode,
      // The note stays on the verval report (the desa and the dinas read it there), out of the audit log the admin reads too.
      summary: `Verval: ${result}${unfreeze ? '; data beku diaktifkan kembali' : ''}${newer ? '' : ' (kunjungan lebih lama dari verval terakhir)'}${note.trim() ? '; dengan catatan' : ''}`,
    },
  };
}

/**
 * Whether a verval can apply to a household in this status: an active or frozen one. A household
 * that left the register, or is suspended (its way back is an usulan), cannot be verified. The
 * portal offers the verval form by the same rule.
 */
export function vervalApplies(status: HouseholdStatus): boolean {
  return status === 'aktif' || status === 'beku';
}

/** Only active households that receive at least one program get the bansos sticker (seed 000); the portal offers the form by this rule. */
export function receivesSticker(h: { status: HouseholdStatus; eligibility?: Readonly<Record<string, { eligible: boolean }>> }): boolean {
  return h.status === 'aktif' && Object.values(h.eligibility ?? {}).some((d) => d.eligible);
}

export interface StickerInput {
  householdId: string;
  report: Pick<StickerReportDoc<Date>, 'installedOn' | 'by' | 'recordedBy' | 'desaCode'>;
  household: StoredHousehold | null;
  now: Date;
}

/**
 * A recipient house now carries the bansos sticker ("keluarga pra sejahtera", seed 000): the day and
 * who put it up are recorded on the household. Refused when the day is after the report reached
 * the server (Jakarta calendar), the household is no longer in the operator's desa, or it is not an
 * active recipient.
 */
export function planSticker({ householdId, report, household: h, now }: StickerInput): FieldReportPlan {
  const input = stickerInputSchema.safeParse({ householdId, installedOn: report.installedOn, by: report.by });
  if (!input.success) return { ok: false, reason: invalid('sticker.invalid', input.error) };
  if (input.data.installedOn > isoDateOn(now)) return { ok: false, reason: because('sticker.future') };
  if (!h || h.desaCode !== report.desaCode) return { ok: false, reason: because('sticker.not_in_desa') };
  if (!receivesSticker(h)) return { ok: false, reason: because('sticker.not_recipient') };
  const { installedOn } = input.data;
  // A name is typed: a NIK typed into it is masked before it is kept or audited.
  const by = redactNiks(input.data.by);
  return {
    ok: true,
    update: { sticker: { installedOn, by }, updatedAt: SERVER_TIME },
    audit: {
      actorUid: report.recordedBy,
      actorRole: 'operator',
      action: 'keluarga.stiker',
      target: { collection: 'households', id: householdId },
      kabupatenCode: h.kabupatenCode,
      desaCode: h.desaCode,
      summary: `Stiker bansos terpasang ${installedOn} oleh ${by}`,
    },
  };
}
