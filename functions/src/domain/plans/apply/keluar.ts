import { redactNiks } from '../../nik.js';
import { because, type Reason } from '../../reason.js';
import { KELUAR_REASON_LABELS, type UsulanKeluarContent } from '../../usulan.js';
import { SERVER_TIME, type Write } from '../writes.js';
import { eligibilityFields, headNameOf, refused, type ApplicationInput, type ApplicationPlan } from './common.js';

/** Why a household or member left: the reason chosen, the household kept for a ganda, the note (NIKs in it masked). */
export function keluarReason(c: UsulanKeluarContent): Reason {
  return because(`keluar.${c.reason}`, {
    note: redactNiks(c.note),
    ...(c.reason === 'ganda' ? { duplicateOfHouseholdId: c.duplicateOfHouseholdId ?? null } : {}),
  });
}

/**
 * Keluar: the whole household leaves the register (no member ids), or some of its members do.
 * Nothing is deleted: a household or member keeps its record with the status and the reason, and
 * the NIKs of those leaving are freed in the index. Refused when the household already left, a
 * member named is not (or no longer) active in it, or no member would be left.
 */
export function planKeluar(input: ApplicationInput<UsulanKeluarContent>): ApplicationPlan {
  const { content: c, household: h } = input;
  const householdId = c.householdId;
  if (!h || h.status === 'keluar') return refused(householdId, because('usulan.household_keluar'));
  const current = input.members.filter((m) => m.status === 'aktif');
  const why = keluarReason(c);
  const whole = c.memberIds.length === 0;
  const leaving = whole ? current : current.filter((m) => c.memberIds.includes(m.id));
  if (!whole && leaving.length !== c.memberIds.length) return refused(householdId, because('keluar.member_unknown', {}, 'memberIds'));
  const staying = current.filter((m) => !leaving.includes(m));
  if (!whole && staying.length === 0) return refused(householdId, because('keluar.no_member_left', {}, 'memberIds'));

  const writes: Write[] = [];
  for (const m of leaving) {
    if (!whole) writes.push({ kind: 'updateMember', householdId, memberId: m.id, data: { status: 'keluar', leftReason: why } });
    if (m.nikHash) writes.push({ kind: 'deactivateIndex', hash: m.nikHash });
  }
  const status = whole ? 'keluar' : h.status;
  writes.push({
    kind: 'updateHousehold',
    householdId,
    data: {
      ...(whole ? { status, statusReason: why } : { memberCount: staying.length, headName: headNameOf(staying) }),
      // A household that left keeps the criteria of the members it had.
      ...eligibilityFields(input.programs, { desil: h.desil, status, desaCode: h.desaCode }, whole ? current : staying),
      updatedAt: SERVER_TIME,
    },
  });
  const label = KELUAR_REASON_LABELS[c.reason];
  return { ok: true, householdId, writes, summary: whole ? `Keluarga keluar dari register: ${label}` : `${leaving.length} anggota keluar: ${label}` };
}
