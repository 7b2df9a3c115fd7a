import { reasonMessage } from '../i18n/reasons.js';
import type { Reason } from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';

/**
 * The validation results of an usulan, explained for the verifikator: which part of the usulan a
 * reason is about ("Anggota 2 · NIK") and what to check before deciding. The reason's own message
 * (from the domain rules, in Bahasa Indonesia) says what is wrong; the advice says what to look at,
 * in the page's language (`dinas.field.*`, `dinas.advice.*`).
 */
const FIELD_KEYS: Record<string, string> = {
  nik: 'dinas.field.nik',
  name: 'dinas.field.name',
  sex: 'dinas.field.sex',
  birthDate: 'dinas.field.birthDate',
  relationship: 'dinas.field.relationship',
  occupation: 'dinas.field.occupation',
  pregnant: 'dinas.field.pregnant',
  disability: 'dinas.field.disability',
  school: 'dinas.field.school',
  kkNumber: 'dinas.field.kkNumber',
  address: 'dinas.field.address',
  desil: 'dinas.field.desil',
  members: 'dinas.field.members',
  householdId: 'dinas.field.householdId',
  fromDesaCode: 'dinas.field.fromDesaCode',
  kkChangeReason: 'dinas.field.kkChangeReason',
  evidence: 'dinas.field.evidence',
  note: 'dinas.field.note',
  reason: 'dinas.field.reason',
  memberIds: 'dinas.field.memberIds',
  duplicateOfHouseholdId: 'dinas.field.duplicateOfHouseholdId',
  suratPernyataan: 'dinas.field.suratPernyataan',
  baKlarifikasi: 'dinas.field.baKlarifikasi',
};

/** "household.members.1.nik" → "Anggota 2 · NIK"; null when the reason is about the usulan as a whole. */
export function fieldLabel(field: string | undefined, t: Translate): string | null {
  if (!field) return null;
  const parts = field.split('.').filter((p) => p !== 'household');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part === 'members' && next !== undefined && /^\d+$/.test(next)) {
      out.push(t('dinas.field.member', { values: { n: Number(next) + 1 } }));
      i += 1;
    } else if (/^\d+$/.test(part)) {
      out.push(t('dinas.field.nth', { values: { n: Number(part) + 1 } }));
    } else {
      const key = FIELD_KEYS[part];
      out.push(key ? t(key) : part);
    }
  }
  return out.length > 0 ? out.join(' · ') : null;
}

/** What to check, by reason code; the most specific prefix wins. */
const ADVICE: [prefix: string, key: string][] = [
  ['nik.missing', 'dinas.advice.nikMissing'],
  ['nik.invalid', 'dinas.advice.nikInvalid'],
  ['nik.registered_keluar', 'dinas.advice.nikRegisteredKeluar'],
  ['nik.registered_suspended', 'dinas.advice.nikRegisteredSuspended'],
  ['nik.registered', 'dinas.advice.nikRegistered'],
  ['nik.duplicate_in_household', 'dinas.advice.nikDuplicateInHousehold'],
  ['nik.birth_date', 'dinas.advice.nikBirthDate'],
  ['nik.sex', 'dinas.advice.nikSex'],
  ['nik', 'dinas.advice.nik'],
  ['kk.region_unknown', 'dinas.advice.kkRegionUnknown'],
  ['kk', 'dinas.advice.kk'],
  ['member.excluded_occupation', 'dinas.advice.memberExcludedOccupation'],
  ['member.birth_date_future', 'dinas.advice.memberBirthDateFuture'],
  ['member.pregnant_sex', 'dinas.advice.memberPregnantSex'],
  ['usulan.other_desa', 'dinas.advice.usulanOtherDesa'],
  ['usulan.household', 'dinas.advice.usulanHousehold'],
  ['usulan.kembali_dari_penangguhan', 'dinas.advice.usulanKembaliDariPenangguhan'],
  ['pindah', 'dinas.advice.pindah'],
  ['perbaikan.kk_reason_required', 'dinas.advice.perbaikanKkReasonRequired'],
  ['keluar.evidence_missing', 'dinas.advice.keluarEvidenceMissing'],
  ['reaktivasi', 'dinas.advice.reaktivasi'],
  ['schema', 'dinas.advice.schema'],
];

export function adviceFor(code: string, t: Translate): string | null {
  for (const [prefix, key] of ADVICE) {
    if (code === prefix || code.startsWith(`${prefix}.`) || code.startsWith(`${prefix}_`)) return t(key);
  }
  return null;
}

export interface ExplainedReason {
  code: string;
  message: string;
  field: string | null;
  advice: string | null;
}

export function explain(reasons: readonly Reason[], t: Translate): ExplainedReason[] {
  return reasons.map((r) => ({ code: r.code, message: reasonMessage(r, t), field: fieldLabel(r.field, t), advice: adviceFor(r.code, t) }));
}
