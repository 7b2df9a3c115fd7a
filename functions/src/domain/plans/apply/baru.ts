import { findNikConflicts } from '../../duplicates.js';
import { startKkHistory } from '../../kk.js';
import { because } from '../../reason.js';
import { kabupatenOf } from '../../wilayah.js';
import type { UsulanBaruContent } from '../../schemas.js';
import { SERVER_TIME, type Write } from '../writes.js';
import { createMembers, eligibilityFields, freshStaleness, headNameOf, refused, wilayahOf, type ApplicationInput, type ApplicationPlan } from './common.js';
import { closeReturning, ganda } from './conflicts.js';

/**
 * Baru: a household enters the register in the proposing desa, with its members and their NIKs in
 * the index. Refused when a NIK is held by a household still in the register (the approval lost a
 * race, or the data is ganda). Members coming back from a suspended household (route usulan
 * baru) leave their old record, with the reason.
 */
export function planBaru(input: ApplicationInput<UsulanBaruContent>): ApplicationPlan {
  const { content: c, usulanId, desaCode, now } = input;
  const members = c.household.members;
  const conflicts = findNikConflicts(members, input.nikIndex, {
    ownHouseholdId: null,
    suspensionPolicy: input.suspension,
    kabupatenCode: kabupatenOf(desaCode),
  });
  if (conflicts.blocking.length > 0) return refused(null, ...conflicts.blocking.map(ganda));

  const writes: Write[] = closeReturning(conflicts.returning, because('member.kembali_usulan_baru', { usulanId }));
  const householdId = input.newId();
  const status = 'aktif' as const;
  writes.push({
    kind: 'createHousehold',
    householdId,
    data: {
      kkNumber: c.household.kkNumber,
      kkHistory: startKkHistory(c.household.kkNumber, now, usulanId),
      address: c.household.address,
      ...wilayahOf(desaCode),
      desil: c.household.desil,
      status,
      statusReason: null,
      headName: headNameOf(members),
      memberCount: members.length,
      // The musyawarah and the validation count as this household's first verval.
      ...freshStaleness(now),
      ...eligibilityFields(input.programs, { desil: c.household.desil, status, desaCode }, members),
      reactivations: 0,
      suspension: null,
      sticker: null,
      sourceUsulanId: usulanId,
      createdAt: SERVER_TIME,
      updatedAt: SERVER_TIME,
    },
  });
  writes.push(...createMembers(members, householdId, desaCode, input));
  return { ok: true, householdId, writes, summary: `Keluarga ${members.length} anggota ditambahkan; desil ${c.household.desil}` };
}
