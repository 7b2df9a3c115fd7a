import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { checkTransition, eligibility, kecamatanOf, maskNik, reason, usulanBaruContentSchema } from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import { toEligibilityMap } from './lib/eligibility-map.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';
import { loadPrograms } from './lib/programs.js';

/**
 * Step 4: an approved usulan becomes a household with its members in the register, in one
 * transaction with the NIK index, eligibility per program, the audit entry and the usulan's own
 * final status. The transaction re-reads the usulan, so a second delivery finds it `diterapkan`
 * and does nothing; two approvals racing for one NIK cannot both pass the index read.
 */
export const applyUsulan = onDocumentUpdated({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  if (event.data?.after.data()?.status !== 'disetujui') return;
  await applyApproved(event.params.usulanId, new Date(event.time));
});

export async function applyApproved(usulanId: string, now: Date): Promise<void> {
  const usulanRef = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    const usulan = (await tx.get(usulanRef)).data();
    if (!usulan || usulan.status !== 'disetujui') return;
    const content = usulanBaruContentSchema.parse({ type: usulan.type, household: usulan.household });
    const members = content.household.members;
    const hashes = members.map((m) => (m.nik ? nikHash(m.nik) : null));
    const indexSnaps = await Promise.all(hashes.map((h) => (h ? tx.get(collections.nikIndex().doc(h)) : Promise.resolve(null))));
    const programs = await loadPrograms(tx);

    const taken = indexSnaps.flatMap((s, i) => (s?.exists ? [i] : []));
    if (taken.length > 0) {
      const t = checkTransition('disetujui', 'ditolak', 'sistem');
      if (!t.ok) throw new Error(t.reason.code);
      const reasons = taken.map((i) => reason('usulan.ganda', `Ganda: NIK anggota ke-${i + 1} sudah terdaftar di register sebelum usulan ini diterapkan`, `household.members.${i}.nik`));
      tx.update(usulanRef, { status: 'ditolak', outcome: { householdId: null, reasons, at: FieldValue.serverTimestamp() }, updatedAt: FieldValue.serverTimestamp() });
      writeAudit(tx, {
        actorUid: 'sistem', actorRole: 'sistem', action: 'usulan.ganda', target: { collection: 'usulan', id: usulanId },
        kabupatenCode: usulan.kabupatenCode, desaCode: usulan.desaCode, summary: `Usulan tidak diterapkan: ${taken.length} NIK sudah terdaftar`,
      });
      logger.warn('approved usulan not applied: NIK already registered', { usulanId, members: taken });
      return;
    }

    const householdRef = collections.households().doc();
    const head = members.find((m) => m.relationship === 'kepala_keluarga') ?? members[0]!;
    const decisions = eligibility({ desil: content.household.desil, status: 'aktif', desaCode: usulan.desaCode }, members, programs, now);
    const nowTs = Timestamp.fromDate(now);
    tx.create(householdRef, {
      kkNumber: content.household.kkNumber,
      kkHistory: [{ kkNumber: content.household.kkNumber, since: nowTs, sourceUsulanId: usulanId }],
      address: content.household.address,
      desaCode: usulan.desaCode,
      kecamatanCode: kecamatanOf(usulan.desaCode),
      kabupatenCode: usulan.kabupatenCode,
      desil: content.household.desil,
      status: 'aktif',
      statusReason: null,
      headName: head.name,
      memberCount: members.length,
      // The musyawarah and the validation count as this household's first verval.
      lastVervalAt: nowTs,
      eligibility: toEligibilityMap(decisions),
      sourceUsulanId: usulanId,
      createdAt: FieldValue.serverTimestamp() as Timestamp,
      updatedAt: FieldValue.serverTimestamp() as Timestamp,
    });
    members.forEach((m, i) => {
      const memberRef = collections.members(householdRef.id).doc();
      const hash = hashes[i] ?? null;
      tx.create(memberRef, {
        nik: m.nik, nikMasked: maskNik(m.nik), nikHash: hash, name: m.name, sex: m.sex, birthDate: m.birthDate,
        relationship: m.relationship, flags: m.nik ? [] : ['nik.missing'], householdId: householdRef.id,
        desaCode: usulan.desaCode, kabupatenCode: usulan.kabupatenCode, createdAt: FieldValue.serverTimestamp() as Timestamp,
      });
      if (hash) {
        tx.create(collections.nikIndex().doc(hash), {
          householdId: householdRef.id, memberId: memberRef.id, desaCode: usulan.desaCode, kabupatenCode: usulan.kabupatenCode,
          createdAt: FieldValue.serverTimestamp() as Timestamp,
        });
      }
    });
    tx.update(usulanRef, { status: 'diterapkan', outcome: { householdId: householdRef.id, reasons: [], at: FieldValue.serverTimestamp() }, updatedAt: FieldValue.serverTimestamp() });
    const eligibleFor = decisions.filter((d) => d.eligible).map((d) => d.programId);
    writeAudit(tx, {
      actorUid: 'sistem', actorRole: 'sistem', action: 'keluarga.ditambahkan', target: { collection: 'households', id: householdRef.id },
      kabupatenCode: usulan.kabupatenCode, desaCode: usulan.desaCode,
      summary: `Keluarga ${members.length} anggota ditambahkan dari usulan ${usulanId}; desil ${content.household.desil}; layak: ${eligibleFor.join(', ') || 'tidak ada program'}`,
    });
    logger.info('usulan applied', { usulanId, householdId: householdRef.id, eligibleFor });
  });
}
