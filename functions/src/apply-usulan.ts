import { FieldValue, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { checkTransition, parseKabupatenPolicy, programsInForce, suspensionPolicyOf, usulanContentSchema, type Reason } from './domain/index.js';
import { membersToRead, niksToCheck, planApplication, type ApplicationPlan, type StoredHousehold, type StoredMember } from './domain/plans/index.js';
import { desaLabel } from './domain/wilayah-data/names.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';
import { readNikIndex } from './lib/nik-index.js';
import { commitWrites, newDocumentId, withDates } from './lib/plans.js';
import { loadPrograms } from './lib/programs.js';

/**
 * Step 4: an approved usulan changes the register, in one transaction with the NIK index,
 * eligibility per program, the audit entry and the usulan's own final status. What it changes is
 * decided by `planApplication` (domain/plans/apply: baru, perbaikan, keluar, reaktivasi, pindah
 * masuk); this trigger reads what the planner needs, commits its writes and finishes the usulan.
 * The transaction re-reads the usulan, so a second delivery finds it `diterapkan` and does
 * nothing; two approvals racing for one NIK cannot both pass the index read: the loser ends
 * `ditolak` as ganda, with the reason.
 */
export const applyUsulan = onDocumentUpdated({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  if (event.data?.after.data()?.status !== 'disetujui') return;
  await applyApproved(event.params.usulanId, new Date(event.time));
});

export async function applyApproved(usulanId: string, now: Date): Promise<void> {
  const usulanRef = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    // Read.
    const usulan = (await tx.get(usulanRef)).data();
    if (!usulan || usulan.status !== 'disetujui') return;
    const parsed = usulanContentSchema.safeParse(usulan);
    const content = parsed.success ? parsed.data : null;
    const policy = parseKabupatenPolicy((await tx.get(collections.policies().doc(usulan.kabupatenCode))).data());
    const programs = programsInForce(await loadPrograms(tx), now);
    const householdId = content && content.type !== 'baru' ? content.householdId : null;
    const household = householdId ? await readHousehold(tx, householdId) : null;
    const members = householdId && household ? await readMembers(tx, householdId, membersToRead(content)) : [];
    const nikIndex = await readNikIndex(tx, niksToCheck(content, members));
    // Plan.
    const plan = planApplication({
      usulanId,
      desaCode: usulan.desaCode,
      content,
      household,
      members,
      nikIndex,
      suspension: suspensionPolicyOf(policy),
      programs,
      now,
      newId: newDocumentId,
      nikHash: (nik) => nikHash(nik),
      desaName: desaLabel,
    });
    // Commit.
    if (plan.ok) commitWrites(tx, plan.writes);
    finish(tx, usulanId, usulan, plan);
  });
}

async function readHousehold(tx: Transaction, id: string): Promise<StoredHousehold | null> {
  const h = (await tx.get(collections.households().doc(id))).data();
  return h ? withDates(h) : null;
}

async function readMembers(tx: Transaction, householdId: string, which: 'none' | 'active' | 'all'): Promise<StoredMember[]> {
  if (which === 'none') return [];
  const all = collections.members(householdId);
  const snap = await tx.get(which === 'active' ? all.where('status', '==', 'aktif') : all);
  return snap.docs.map((d) => ({ ...withDates(d.data()), id: d.id }));
}

/** The usulan's final status and the audit entry, in the same transaction as the change. */
function finish(tx: Transaction, usulanId: string, usulan: UsulanDoc, plan: ApplicationPlan): void {
  const to = plan.ok ? 'diterapkan' : 'ditolak';
  const t = checkTransition('disetujui', to, 'sistem');
  if (!t.ok) throw new Error(t.reason.code);
  const reasons: Reason[] = plan.ok ? [] : plan.reasons;
  tx.update(collections.usulan().doc(usulanId), {
    status: to,
    outcome: { householdId: plan.householdId, reasons, at: FieldValue.serverTimestamp() },
    updatedAt: FieldValue.serverTimestamp(),
  });
  writeAudit(tx, {
    actorUid: 'sistem',
    actorRole: 'sistem',
    action: plan.ok ? `usulan.diterapkan.${usulan.type}` : 'usulan.gagal_diterapkan',
    target: plan.householdId ? { collection: 'households', id: plan.householdId } : { collection: 'usulan', id: usulanId },
    kabupatenCode: usulan.kabupatenCode,
    desaCode: usulan.desaCode,
    summary: plan.ok ? `${plan.summary} (usulan ${usulanId})` : `Usulan ${usulanId} tidak diterapkan: ${reasons.map((r) => r.code).join(', ')}`,
  });
  if (plan.ok) logger.info('usulan applied', { usulanId, type: usulan.type, householdId: plan.householdId });
  else logger.warn('approved usulan not applied', { usulanId, type: usulan.type, reasons: reasons.map((r) => r.code) });
}
