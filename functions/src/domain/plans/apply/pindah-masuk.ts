import { isoDateOn } from '../../dates.js';
import { appendKkChange } from '../../kk.js';
import { because } from '../../reason.js';
import type { UsulanPindahMasukContent } from '../../usulan.js';
import { SERVER_TIME, type Write } from '../writes.js';
import { eligibilityFields, freshStaleness, refused, wilayahOf, type ApplicationInput, type ApplicationPlan } from './common.js';

/**
 * Pindah masuk: the household moves to the receiving desa (the proposing one), with all its member
 * records (those who left too, so the history stays in one desa) and its active members' index
 * entries; a new KK number is appended to the history with reason `pindah`. The receiving desa found
 * and verified the family: that is a verval, so the staleness clock restarts and a freeze is lifted
 * ("data beku" is reversible by a verval); a suspension is not (it has its own way back). Refused
 * when the household left, is no longer in the desa the usulan names, or the KK history refuses.
 */
export function planPindahMasuk(input: ApplicationInput<UsulanPindahMasukContent>): ApplicationPlan {
  const { content: c, household: h, now } = input;
  const householdId = c.householdId;
  if (!h || h.status === 'keluar') return refused(householdId, because('usulan.household_keluar', { absent: true }));
  if (h.desaCode !== c.fromDesaCode) return refused(householdId, because('pindah.from_mismatch', { moved: true }, 'fromDesaCode'));
  let kkHistory = h.kkHistory;
  if (c.kkNumber !== undefined && c.kkNumber !== h.kkNumber) {
    const appended = appendKkChange(h.kkHistory, { kkNumber: c.kkNumber, since: isoDateOn(now), reason: 'pindah', sourceUsulanId: input.usulanId });
    if (!appended.ok) return refused(householdId, appended.reason);
    kkHistory = appended.history;
  }
  const to = wilayahOf(input.desaCode);
  const name = input.desaName ?? ((code: string) => code);
  const writes: Write[] = [];
  for (const m of input.members) {
    writes.push({ kind: 'updateMember', householdId, memberId: m.id, data: { desaCode: to.desaCode, kabupatenCode: to.kabupatenCode } });
    if (m.nikHash && m.status === 'aktif') writes.push({ kind: 'moveIndex', hash: m.nikHash, desaCode: to.desaCode, kabupatenCode: to.kabupatenCode });
  }
  const active = input.members.filter((m) => m.status === 'aktif');
  const unfreeze = h.status === 'beku';
  const status = unfreeze ? 'aktif' : h.status;
  writes.push({
    kind: 'updateHousehold',
    householdId,
    data: {
      ...to,
      address: c.address,
      kkNumber: c.kkNumber ?? h.kkNumber,
      kkHistory,
      ...freshStaleness(now),
      ...(unfreeze ? { status, statusReason: null } : {}),
      ...eligibilityFields(input.programs, { desil: h.desil, status, desaCode: to.desaCode }, active),
      updatedAt: SERVER_TIME,
    },
  });
  return {
    ok: true,
    householdId,
    writes,
    summary: `Keluarga pindah dari ${name(c.fromDesaCode)} (${c.fromDesaCode}) ke ${name(to.desaCode)} (${to.desaCode})${unfreeze ? '; data beku diaktifkan kembali (diverval oleh desa tujuan)' : ''}`,
  };
}
