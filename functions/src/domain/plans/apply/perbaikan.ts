import { isoDateOn } from '../../dates.js';
import { findNikConflicts } from '../../duplicates.js';
import { appendKkChange, compareMembersByNik } from '../../kk.js';
import { because } from '../../reason.js';
import { kabupatenOf } from '../../wilayah.js';
import type { Member } from '../../schemas.js';
import type { UsulanPerbaikanContent } from '../../usulan.js';
import { SERVER_TIME, type StoredMember, type Write } from '../writes.js';
import { createMembers, eligibilityFields, headNameOf, memberDoc, refused, type ApplicationInput, type ApplicationPlan } from './common.js';
import { closeReturning, ganda } from './conflicts.js';

type StoredOrNew = Member & Partial<Pick<StoredMember, 'id' | 'nikHash'>>;

/** The members a perbaikan compares by NIK: who stays, who joins, who leaves (members without NIK are replaced). */
export function perbaikanDiff(content: UsulanPerbaikanContent, active: readonly StoredMember[]) {
  return compareMembersByNik<StoredOrNew>(active, content.household.members);
}

/**
 * Perbaikan: the household's data is corrected. Members are matched by NIK: who stays keeps their
 * record (updated), who joins gets one (and an index entry), who is no longer listed leaves with
 * the reason (their NIK freed); members without NIK cannot be matched, so the old ones leave and
 * the new ones join. A new KK number is appended to the KK history with its reason. Refused when the
 * household left, a joining NIK is held elsewhere, or the KK history refuses the change.
 */
export function planPerbaikan(input: ApplicationInput<UsulanPerbaikanContent>): ApplicationPlan {
  const { content: c, household: h, usulanId, now } = input;
  const householdId = c.householdId;
  if (!h || h.status === 'keluar') return refused(householdId, because('usulan.household_keluar', { absent: true }));
  const active = input.members.filter((m) => m.status === 'aktif');
  const diff = perbaikanDiff(c, active);
  // Only the joining members' NIKs were looked up; the others are this household's own.
  const conflicts = findNikConflicts(c.household.members, input.nikIndex, {
    ownHouseholdId: householdId,
    suspensionPolicy: input.suspension,
    kabupatenCode: kabupatenOf(input.desaCode),
  });
  if (conflicts.blocking.length > 0) return refused(householdId, ...conflicts.blocking.map(ganda));
  let kkHistory = h.kkHistory;
  if (h.kkNumber !== c.household.kkNumber) {
    const appended = appendKkChange(h.kkHistory, {
      kkNumber: c.household.kkNumber,
      since: isoDateOn(now),
      reason: c.kkChangeReason ?? 'perubahan_data',
      sourceUsulanId: usulanId,
    });
    if (!appended.ok) return refused(householdId, appended.reason);
    kkHistory = appended.history;
  }

  // A member joining from a suspended household leaves the old record, as in a baru.
  const writes: Write[] = closeReturning(conflicts.returning, because('member.kembali_usulan_baru', { usulanId }));
  const left = because('member.perbaikan', { usulanId });
  const leaving = [...diff.left, ...diff.unmatched.before];
  for (const m of leaving) {
    writes.push({ kind: 'updateMember', householdId, memberId: m.id!, data: { status: 'keluar', leftReason: left } });
    if (m.nikHash) writes.push({ kind: 'deactivateIndex', hash: m.nikHash });
  }
  for (const { before, after } of diff.stayed) {
    const { createdAt: _created, ...fresh } = memberDoc(after, householdId, h.desaCode, before.nikHash ?? null);
    writes.push({ kind: 'updateMember', householdId, memberId: before.id!, data: fresh });
  }
  const joining = [...diff.joined, ...diff.unmatched.after];
  writes.push(...createMembers(joining, householdId, h.desaCode, input));
  const members = c.household.members;
  writes.push({
    kind: 'updateHousehold',
    householdId,
    data: {
      kkNumber: c.household.kkNumber,
      kkHistory,
      address: c.household.address,
      desil: c.household.desil,
      headName: headNameOf(members),
      memberCount: members.length,
      ...eligibilityFields(input.programs, { desil: c.household.desil, status: h.status, desaCode: h.desaCode }, members),
      updatedAt: SERVER_TIME,
    },
  });
  return {
    ok: true,
    householdId,
    writes,
    summary: `Data keluarga diperbaiki: ${diff.stayed.length} anggota tetap, ${joining.length} masuk, ${leaving.length} keluar${kkHistory !== h.kkHistory ? '; nomor KK berubah' : ''}`,
  };
}
