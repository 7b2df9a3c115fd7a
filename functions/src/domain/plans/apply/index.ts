import { because, type Reason } from '../../reason.js';
import { householdMisplaced } from '../../validate-usulan.js';
import type { UsulanContent } from '../../usulan.js';
import type { StoredMember } from '../writes.js';
import { planBaru } from './baru.js';
import { refused, type ApplicationInput, type ApplicationPlan } from './common.js';
import { planKeluar } from './keluar.js';
import { perbaikanDiff, planPerbaikan } from './perbaikan.js';
import { planPindahMasuk } from './pindah-masuk.js';
import { planReaktivasi } from './reaktivasi.js';

export { type ApplicationInput, type ApplicationPlan } from './common.js';

/**
 * Step 4 of the flow, as a rule: what an approved usulan changes in the register. The trigger
 * (apply-usulan.ts) reads, in one transaction, the usulan, the household it is about and the
 * members `membersToRead` names, the NIK index entries of `niksToCheck`, the kabupaten's suspension
 * policy and the programs in force; this decides; the trigger commits the writes with the usulan's
 * final status and the audit entry. One function per type of usulan: baru, perbaikan, keluar,
 * reaktivasi, pindah masuk.
 */
export function planApplication(input: ApplicationInput): ApplicationPlan {
  const c = input.content;
  if (c === null) return refused(null, because('usulan.invalid'));
  const stale = staleApproval(input, c);
  if (stale) return refused(c.type === 'baru' ? null : c.householdId, stale);
  switch (c.type) {
    case 'baru':
      return planBaru({ ...input, content: c });
    case 'perbaikan':
      return planPerbaikan({ ...input, content: c });
    case 'keluar':
      return planKeluar({ ...input, content: c });
    case 'reaktivasi':
      return planReaktivasi({ ...input, content: c });
    case 'pindah_masuk':
      return planPindahMasuk({ ...input, content: c });
  }
}

/**
 * The validation judged the household where it was then; the application checks again, in its
 * transaction, that it is still where the approval assumed: in the proposing desa (perbaikan,
 * keluar, reaktivasi), or for a pindah masuk in the proposing kabupaten (a move between kabupaten
 * needs the giving kabupaten's release). Otherwise one desa's approval would change another's family.
 */
function staleApproval(input: ApplicationInput, c: UsulanContent): Reason | null {
  const h = input.household;
  if (c.type === 'baru' || !h) return null;
  const misplaced = householdMisplaced(c.type, h.desaCode, input.desaCode);
  return misplaced ? because(misplaced, { moved: true }, 'householdId') : null;
}

/** Which of the household's members the application reads: a pindah masuk moves every record, the others work on the active members. */
export function membersToRead(content: UsulanContent | null): 'none' | 'active' | 'all' {
  if (content === null || content.type === 'baru') return 'none';
  return content.type === 'pindah_masuk' ? 'all' : 'active';
}

/**
 * The NIKs whose index entries the application must read (inside its transaction, so that two
 * approvals racing for a NIK cannot both pass): every member of a baru, the joining members of a
 * perbaikan (given the active members read), none for the other types.
 */
export function niksToCheck(content: UsulanContent | null, members: readonly StoredMember[]): string[] {
  if (content?.type === 'baru') return content.household.members.flatMap((m) => (m.nik ? [m.nik] : []));
  if (content?.type === 'perbaikan')
    return perbaikanDiff(
      content,
      members.filter((m) => m.status === 'aktif'),
    ).joined.flatMap((m) => (m.nik ? [m.nik] : []));
  return [];
}
