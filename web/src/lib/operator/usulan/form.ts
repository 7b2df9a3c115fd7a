import {
  BA_KLARIFIKASI_SIGNATORIES,
  validateUsulan,
  type HouseholdStatus,
  type KeluarReason,
  type KkChangeReason,
  type Reason,
  type SuspensionPolicy,
  type TargetHousehold,
  type TransferCandidate,
  type UsulanContent,
  type UsulanType,
} from '$domain/index.js';
import type { MemberDoc } from '$domain/documents.js';
import { errorsByField } from '../../form-errors.js';
import type { Translate } from '../../i18n/label-text.js';
import { newHousehold, toHousehold, type HouseholdForm, type MemberForm } from '../musyawarah/form.js';

/**
 * One row of the musyawarah wizard, for every kind of usulan: what the inputs hold, how it turns
 * into the content the shared schemas (`usulanContentSchema`) accept, and its check with the same
 * rules as the validation trigger (`validateUsulan`), as far as the register the operator can read
 * allows. Pure: no Firebase, no Svelte, so it is unit-tested on its own.
 */
export type Signatory = (typeof BA_KLARIFIKASI_SIGNATORIES)[number];

/**
 * A supporting document as the village keeps it: its number and date. Nothing is uploaded yet, so
 * the stored `documentId` names the village archive and the number (see `documentRef`).
 */
export interface DocumentRefForm {
  number: string;
  date: string;
}

export interface BaruForm {
  type: 'baru';
  household: HouseholdForm;
}

export interface PerbaikanForm {
  type: 'perbaikan';
  householdId: string;
  household: HouseholdForm;
  kkChangeReason: '' | KkChangeReason;
  note: string;
}

export interface KeluarForm {
  type: 'keluar';
  householdId: string;
  reason: '' | KeluarReason;
  /** The whole household leaves, or only the members chosen in `memberIds`. */
  scope: 'keluarga' | 'anggota';
  memberIds: string[];
  duplicateOfHouseholdId: string;
  destinationDesaCode: string;
  withEvidence: boolean;
  evidence: DocumentRefForm;
  note: string;
}

export interface ReaktivasiForm {
  type: 'reaktivasi';
  householdId: string;
  suratPernyataan: DocumentRefForm;
  baKlarifikasi: DocumentRefForm & { signedBy: Record<Signatory, boolean> };
  note: string;
}

export interface PindahMasukForm {
  type: 'pindah_masuk';
  householdId: string;
  fromDesaCode: string;
  address: string;
  kkNumber: string;
  note: string;
  /** The family as the search found it and the operator confirmed it (shown, never sent). */
  found: TransferCandidate | null;
}

export type UsulanForm = BaruForm | PerbaikanForm | KeluarForm | ReaktivasiForm | PindahMasukForm;

/** The archive reference stored as `documentId` while documents are kept on paper at the village office. */
export const ARCHIVE_PREFIX = 'arsip-desa:';

const emptyDocument = (): DocumentRefForm => ({ number: '', date: '' });

export function newUsulanForm(type: UsulanType, householdId = ''): UsulanForm {
  switch (type) {
    case 'baru':
      return { type, household: newHousehold() };
    case 'perbaikan':
      return { type, householdId, household: newHousehold(), kkChangeReason: '', note: '' };
    case 'keluar':
      return {
        type,
        householdId,
        reason: '',
        scope: 'keluarga',
        memberIds: [],
        duplicateOfHouseholdId: '',
        destinationDesaCode: '',
        withEvidence: false,
        evidence: emptyDocument(),
        note: '',
      };
    case 'reaktivasi':
      return {
        type,
        householdId,
        suratPernyataan: emptyDocument(),
        baKlarifikasi: { ...emptyDocument(), signedBy: { kpm: false, pendamping: false, kadinsos: false } },
        note: '',
      };
    case 'pindah_masuk':
      return { type, householdId, fromDesaCode: '', address: '', kkNumber: '', note: '', found: null };
  }
}

/** A member of the register as the portal reads it (`households/{id}/members`), with its id. */
export type RegisterMember = Pick<
  MemberDoc<unknown>,
  'nik' | 'name' | 'sex' | 'birthDate' | 'relationship' | 'occupation' | 'school' | 'disability' | 'pregnant' | 'status'
> & {
  id: string;
};

/** A household of the register as the wizard needs it: to pick it, prefill a correction and check the usulan. */
export interface RegisterHousehold {
  id: string;
  desaCode: string;
  kkNumber: string;
  address: string;
  desil: number | null;
  headName: string;
  status: HouseholdStatus;
  reactivations: number;
}

/** The correction starts from the household as the register has it now (active members only). */
export function prefillPerbaikan(form: PerbaikanForm, household: RegisterHousehold, members: readonly RegisterMember[]): void {
  form.householdId = household.id;
  form.household = {
    kkNumber: household.kkNumber,
    address: household.address,
    desil: household.desil,
    members: members
      .filter((m) => m.status === 'aktif')
      .map((m): MemberForm => ({
        nik: m.nik ?? '',
        noNik: m.nik === null,
        name: m.name,
        sex: m.sex,
        birthDate: m.birthDate,
        relationship: m.relationship,
        occupation: m.occupation ?? '',
        school: m.school ?? '',
        disability: m.disability ?? '',
        pregnant: m.pregnant === true,
      })),
  };
}

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** A document reference as `evidenceSchema` wants it; an empty number leaves `documentId` empty so the schema refuses it. */
export function documentRef(d: DocumentRefForm): { documentId: string; number?: string; date: string } {
  const number = d.number.trim();
  return { documentId: number === '' ? '' : `${ARCHIVE_PREFIX}${number}`, ...(number === '' ? {} : { number }), date: d.date };
}

/** What the inputs hold, as the content the shared schemas parse. */
export function toUsulanContent(form: UsulanForm): unknown {
  switch (form.type) {
    case 'baru':
      return { type: 'baru', household: toHousehold(form.household) };
    case 'perbaikan':
      return {
        type: 'perbaikan',
        householdId: trimmed(form.householdId),
        household: toHousehold(form.household),
        kkChangeReason: form.kkChangeReason === '' ? undefined : form.kkChangeReason,
        note: form.note.trim(),
      };
    case 'keluar':
      return {
        type: 'keluar',
        householdId: trimmed(form.householdId),
        reason: form.reason === '' ? undefined : form.reason,
        memberIds: form.scope === 'anggota' ? [...form.memberIds] : [],
        duplicateOfHouseholdId: form.reason === 'ganda' ? optional(form.duplicateOfHouseholdId) : undefined,
        destinationDesaCode: form.reason === 'pindah' ? optional(form.destinationDesaCode) : undefined,
        evidence: form.withEvidence ? documentRef(form.evidence) : undefined,
        note: form.note.trim(),
      };
    case 'reaktivasi':
      return {
        type: 'reaktivasi',
        householdId: trimmed(form.householdId),
        suratPernyataan: documentRef(form.suratPernyataan),
        baKlarifikasi: {
          ...documentRef(form.baKlarifikasi),
          signedBy: BA_KLARIFIKASI_SIGNATORIES.filter((who) => form.baKlarifikasi.signedBy[who]),
        },
        note: optional(form.note),
      };
    case 'pindah_masuk':
      return {
        type: 'pindah_masuk',
        householdId: trimmed(form.householdId),
        fromDesaCode: form.fromDesaCode.trim(),
        address: form.address.trim(),
        kkNumber: optional(form.kkNumber),
        note: form.note.trim(),
      };
  }
}

export interface UsulanCheckContext {
  /** The proposing desa (the operator's). */
  desaCode: string;
  /** Households of the desa the operator can read, by id. */
  households: ReadonlyMap<string, RegisterHousehold>;
  suspensionPolicy?: SuspensionPolicy;
  /**
   * The portal's own words for what the shared schemas cannot say (the page passes `$_`); the
   * schemas' messages stay in Bahasa Indonesia, as in the functions.
   */
  t: Translate;
}

export interface UsulanCheck {
  content: UsulanContent | null;
  /** Error messages by form field path (e.g. `household.members.0.nik`, `suratPernyataan.number`); '' for the usulan as a whole. */
  errors: Record<string, string[]>;
  warnings: Reason[];
}

/**
 * Where an error is shown: the shared schemas speak of the stored `documentId`, which the portal
 * builds from the document number, so those errors go next to the number field, worded for it.
 */
export function placeReason(r: Reason, t: Translate): Reason {
  if (r.field?.endsWith('.documentId') || r.field === 'documentId') {
    return { ...r, field: r.field.replace(/documentId$/, 'number'), message: t('usulan.documentNumberRequired') };
  }
  return r;
}

function targetOf(h: RegisterHousehold | undefined): TargetHousehold | null {
  return h ? { id: h.id, desaCode: h.desaCode, kkNumber: h.kkNumber, status: h.status, reactivations: h.reactivations } : null;
}

/** Checks one row as it is typed. */
export function checkUsulan(form: UsulanForm, now: Date, ctx: UsulanCheckContext): UsulanCheck {
  const target = form.type === 'baru' || form.type === 'pindah_masuk' ? null : targetOf(ctx.households.get(form.householdId.trim()));
  const result = validateUsulan(toUsulanContent(form), now, {
    desaCode: ctx.desaCode,
    target,
    ...(ctx.suspensionPolicy ? { suspensionPolicy: ctx.suspensionPolicy } : {}),
  });
  const errors = [...result.errors];
  // What the schema cannot know: "chosen members" with none chosen.
  if (form.type === 'keluar' && form.scope === 'anggota' && form.memberIds.length === 0) {
    errors.push({ code: 'keluar.members_missing', message: ctx.t('usulan.chooseLeavingMembers'), field: 'memberIds' });
  }
  return {
    content: errors.length === 0 && result.content ? result.content : null,
    errors: errorsByField(errors.map((r) => placeReason(r, ctx.t))),
    warnings: result.warnings.map((r) => placeReason(r, ctx.t)),
  };
}

/** Errors not shown next to any field of the row (`shown` says which field paths the row renders). */
export function unplacedErrors(errors: Record<string, string[]>, shown: (field: string) => boolean): string[] {
  return Object.entries(errors).flatMap(([field, messages]) => (field !== '' && shown(field) ? [] : messages));
}

/** The field paths each row type renders (members by pattern), for `unplacedErrors`. */
export function rendersField(type: UsulanType, field: string): boolean {
  const household = /^household\.(kkNumber|address|desil|members(\.\d+\.(nik|name|sex|birthDate|relationship|pregnant|occupation|school|disability))?)$/.test(
    field,
  );
  switch (type) {
    case 'baru':
      return household;
    case 'perbaikan':
      return household || ['householdId', 'kkChangeReason', 'note'].includes(field);
    case 'keluar':
      return ['householdId', 'reason', 'memberIds', 'duplicateOfHouseholdId', 'destinationDesaCode', 'evidence.number', 'evidence.date', 'note'].includes(
        field,
      );
    case 'reaktivasi':
      return [
        'householdId',
        'suratPernyataan.number',
        'suratPernyataan.date',
        'baKlarifikasi.number',
        'baKlarifikasi.date',
        'baKlarifikasi.signedBy',
        'note',
      ].includes(field);
    case 'pindah_masuk':
      return ['householdId', 'fromDesaCode', 'address', 'kkNumber', 'note'].includes(field);
  }
}
