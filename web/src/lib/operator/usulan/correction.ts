import { reasonMessage } from '../../i18n/reasons.js';
import { BA_KLARIFIKASI_SIGNATORIES, usulanContentSchema, type Reason, type UsulanContent, type UsulanType } from '$domain/index.js';
import type { Translate } from '../../i18n/label-text.js';
import type { HouseholdForm, MemberForm } from '../musyawarah/form.js';
import { ARCHIVE_PREFIX, placeReason, toUsulanContent, type DocumentRefForm, type UsulanForm } from './form.js';

/**
 * Correcting an usulan that failed validation: its stored content back into a wizard row, the
 * reasons of that validation next to the fields they concern for as long as those fields still hold
 * what was validated, and the update that writes the corrected content. Pure, unit-tested alone.
 *
 * The stored content is read leniently: it failed validation, so it may well not parse (an NIK of
 * 15 digits is exactly what the operator is here to fix); whatever is missing starts empty.
 */
type Loose = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function memberForm(raw: unknown): MemberForm {
  const m = obj(raw);
  const sex = m.sex === 'L' || m.sex === 'P' ? m.sex : '';
  return {
    nik: str(m.nik),
    noNik: m.nik === null,
    name: str(m.name),
    sex,
    birthDate: str(m.birthDate),
    relationship: str(m.relationship),
    occupation: str(m.occupation),
    school: str(m.school),
    disability: str(m.disability),
    pregnant: m.pregnant === true,
  };
}

function householdForm(raw: unknown): HouseholdForm {
  const h = obj(raw);
  return {
    kkNumber: str(h.kkNumber),
    address: str(h.address),
    desil: typeof h.desil === 'number' ? h.desil : null,
    members: list(h.members).map(memberForm),
  };
}

/** The inverse of `documentRef`: the village archive number back into the number field. */
function documentForm(raw: unknown): DocumentRefForm {
  const d = obj(raw);
  const id = str(d.documentId);
  return { number: str(d.number) || (id.startsWith(ARCHIVE_PREFIX) ? id.slice(ARCHIVE_PREFIX.length) : id), date: str(d.date) };
}

/** A stored usulan (any status) as the wizard row that would write the same content. */
export function formFromContent(usulan: { type: UsulanType }): UsulanForm {
  const stored = usulan as { type: UsulanType } & Loose;
  const householdId = str(stored.householdId);
  switch (stored.type) {
    case 'baru':
      return { type: 'baru', household: householdForm(stored.household) };
    case 'perbaikan': {
      const reason = str(stored.kkChangeReason);
      return {
        type: 'perbaikan',
        householdId,
        household: householdForm(stored.household),
        kkChangeReason: reason as '' | NonNullable<Extract<UsulanContent, { type: 'perbaikan' }>['kkChangeReason']>,
        note: str(stored.note),
      };
    }
    case 'keluar': {
      const memberIds = list(stored.memberIds).filter((m): m is string => typeof m === 'string');
      return {
        type: 'keluar',
        householdId,
        reason: str(stored.reason) as Extract<UsulanForm, { type: 'keluar' }>['reason'],
        scope: memberIds.length > 0 ? 'anggota' : 'keluarga',
        memberIds,
        duplicateOfHouseholdId: str(stored.duplicateOfHouseholdId),
        destinationDesaCode: str(stored.destinationDesaCode),
        withEvidence: stored.evidence !== undefined && stored.evidence !== null,
        evidence: documentForm(stored.evidence),
        note: str(stored.note),
      };
    }
    case 'reaktivasi': {
      const ba = obj(stored.baKlarifikasi);
      const signed = list(ba.signedBy);
      return {
        type: 'reaktivasi',
        householdId,
        suratPernyataan: documentForm(stored.suratPernyataan),
        baKlarifikasi: {
          ...documentForm(ba),
          signedBy: Object.fromEntries(BA_KLARIFIKASI_SIGNATORIES.map((who) => [who, signed.includes(who)])) as Record<
            (typeof BA_KLARIFIKASI_SIGNATORIES)[number],
            boolean
          >,
        },
        note: str(stored.note),
      };
    }
    case 'pindah_masuk':
      return {
        type: 'pindah_masuk',
        householdId,
        fromDesaCode: str(stored.fromDesaCode),
        address: str(stored.address),
        kkNumber: str(stored.kkNumber),
        note: str(stored.note),
        found: null,
      };
  }
}

/** The value at a dotted path (`household.members.0.nik`) of a content object. */
function valueAt(content: unknown, path: string): unknown {
  let v: unknown = content;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Loose)[key];
  }
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The reasons of the failed validation that still apply to what the row holds now, by field (as
 * `checkUsulan` gives its errors; '' for the usulan as a whole). A reason about a field is dropped
 * once that field changed; a reason about no field, once anything changed. The trigger checks
 * again on submission, so these only guide: they never block saving.
 */
export function previousErrors(reasons: readonly Reason[], original: UsulanForm, current: UsulanForm, t: Translate): Record<string, string[]> {
  const before = toUsulanContent(original);
  const now = toUsulanContent(current);
  const out: Record<string, string[]> = {};
  for (const r of reasons) {
    const placed = placeReason(r, t);
    const field = placed.field ?? '';
    // Compare what the trigger saw (the stored path), not the field the portal shows it under.
    const stillThere = field === '' ? same(before, now) : same(valueAt(before, r.field ?? ''), valueAt(now, r.field ?? ''));
    if (stillThere) (out[field] ??= []).push(reasonMessage(placed, t));
  }
  return out;
}

/** Both sets of errors by field, each message once. */
export function mergeErrors(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of [...Object.entries(a), ...Object.entries(b)]) {
    out[field] = [...new Set([...(out[field] ?? []), ...messages])];
  }
  return out;
}

/**
 * The content keys an usulan of this type may hold (the shared schema's keys, `type` aside: the
 * rules keep the type).
 */
export function contentKeys(type: UsulanType): string[] {
  const schema = usulanContentSchema.options.find((o) => o.shape.type.value === type);
  return Object.keys(schema?.shape ?? {}).filter((k) => k !== 'type');
}

/**
 * The update that replaces a draft's content with `content`: every content key of its type is set,
 * or listed in `remove` when the corrected content leaves it out (an optional field emptied), so no
 * stale value stays behind. The caller turns `remove` into `deleteField()`.
 */
export function contentUpdate(content: UsulanContent): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of contentKeys(content.type)) {
    const v = (content as unknown as Loose)[key];
    if (v === undefined) remove.push(key);
    else set[key] = v;
  }
  return { set, remove };
}

/**
 * Whether the operator may correct this usulan now: one that failed validation, or a draft left by
 * a correction (taken back, not yet submitted again), of a musyawarah still submitted — the rules
 * submit a draft only while its musyawarah is `diajukan`.
 */
export function correctable(usulanStatus: string, musyawarahStatus: string): boolean {
  return (usulanStatus === 'tidak_lolos_validasi' || usulanStatus === 'draft') && musyawarahStatus === 'diajukan';
}
