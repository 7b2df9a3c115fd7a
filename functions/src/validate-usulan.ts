import { FieldValue, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import {
  checkTransition, parseKabupatenPolicy, reason, suspensionPolicyOf, usulanContentSchema, validateUsulan as checkUsulan, type NikIndexEntry, type TargetHousehold,
} from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';

/**
 * Step 2 of the flow: a submitted usulan of any type is checked — its content, NIK and KK
 * structure, the household it is about (still in the register, in the proposing desa, or for a
 * pindah masuk in the desa it leaves), NIKs already in the register anywhere, the kabupaten's
 * reactivation policy — and the result is written back to it. The result records which
 * submission it belongs to, so the trigger's own write, or a second delivery of the same event,
 * finds the work done and returns.
 */
export const validateUsulan = onDocumentWritten({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!after?.exists) return;
  const doc = after.data() as UsulanDoc;
  if (before?.exists && takenBack(before.data() as UsulanDoc, doc)) await auditTakeBack(event.params.usulanId, before.data() as UsulanDoc);
  if (!needsValidation(doc)) return;
  await validateSubmission(event.params.usulanId, new Date(event.time));
});

/**
 * The operator took back an usulan that failed validation, to correct it (a client write the rules
 * allow: status `draft`, submittedAt and validation cleared). The usulan keeps only its latest
 * validation, so the audit log says what happened in between: the earlier result's entry stays,
 * and this one records the take-back with the reasons being corrected. The trigger does not learn
 * which account wrote; the rules allow only the desa's operator, so the entry names that role.
 */
function takenBack(before: UsulanDoc, after: UsulanDoc): boolean {
  return before.status === 'tidak_lolos_validasi' && after.status === 'draft';
}

async function auditTakeBack(usulanId: string, before: UsulanDoc): Promise<void> {
  // One entry per failed submission taken back, whatever the number of deliveries.
  const entryId = `${usulanId}-ditarik-${before.validation?.forSubmission ?? before.submittedAt?.toMillis() ?? 0}`;
  await db.runTransaction(async (tx) => {
    if ((await tx.get(collections.auditLog().doc(entryId))).exists) return;
    const codes = (before.validation?.errors ?? []).map((e) => e.code).join(', ');
    writeAudit(tx, {
      actorUid: `operator:${before.desaCode}`,
      actorRole: 'operator',
      action: 'usulan.ditarik_untuk_perbaikan',
      target: { collection: 'usulan', id: usulanId },
      kabupatenCode: before.kabupatenCode,
      desaCode: before.desaCode,
      summary: `Usulan ${before.type} yang tidak lolos validasi ditarik untuk diperbaiki${codes ? ` (${codes})` : ''}`,
    }, entryId);
  });
}

function needsValidation(doc: UsulanDoc): boolean {
  return doc.status === 'diajukan' && doc.submittedAt !== null && doc.validation?.forSubmission !== doc.submittedAt.toMillis();
}

export async function validateSubmission(usulanId: string, now: Date): Promise<void> {
  const ref = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    const doc = (await tx.get(ref)).data();
    if (!doc || !needsValidation(doc)) return;
    const policy = parseKabupatenPolicy((await tx.get(collections.policies().doc(doc.kabupatenCode))).data());
    const parsed = usulanContentSchema.safeParse(doc);
    const content = parsed.success ? parsed.data : null;
    const target = content && content.type !== 'baru' ? await readTarget(tx, content.householdId) : null;
    const members = content && (content.type === 'baru' || content.type === 'perbaikan') ? content.household.members : [];
    const nikLookup = await readNikIndex(tx, members.flatMap((m) => (m.nik ? [m.nik] : [])));
    const result = checkUsulan(doc, now, {
      desaCode: doc.desaCode,
      target,
      nikLookup,
      suspensionPolicy: suspensionPolicyOf(policy),
      nik: { unknownRegion: policy?.unknownNikRegion ?? 'error' },
    });
    if (content && content.type !== 'baru' && !target) {
      result.errors.push(reason('usulan.household_missing', 'Keluarga yang diusulkan tidak ada di register', 'householdId'));
      result.ok = false;
    }
    if (content?.type === 'pindah_masuk' && (await earlierPendingTransfer(tx, usulanId, doc, content.householdId))) {
      result.errors.push(reason('pindah.pending_elsewhere', 'Keluarga ini sudah diusulkan pindah masuk dalam usulan lain yang masih menunggu keputusan Dinas Sosial', 'householdId'));
      result.ok = false;
    }
    const status = result.ok ? 'diajukan' : 'tidak_lolos_validasi';
    if (!result.ok) {
      const t = checkTransition(doc.status, status, 'sistem');
      if (!t.ok) throw new Error(`validation transition refused: ${t.reason.code}`);
    }
    tx.update(ref, {
      status,
      validation: { ok: result.ok, errors: result.errors, warnings: result.warnings, checkedAt: FieldValue.serverTimestamp(), forSubmission: doc.submittedAt!.toMillis() },
      updatedAt: FieldValue.serverTimestamp(),
    });
    writeAudit(tx, {
      actorUid: 'sistem',
      actorRole: 'sistem',
      action: result.ok ? 'usulan.lolos_validasi' : 'usulan.tidak_lolos_validasi',
      target: { collection: 'usulan', id: usulanId },
      kabupatenCode: doc.kabupatenCode,
      desaCode: doc.desaCode,
      summary: result.ok
        ? `Usulan ${doc.type} lolos validasi (${result.warnings.length} catatan)`
        : `Usulan ${doc.type} tidak lolos validasi: ${result.errors.map((e) => e.code).join(', ')}`,
    });
    logger.info('usulan validated', { usulanId, type: doc.type, ok: result.ok, errorCodes: result.errors.map((e) => e.code) });
  });
}

const PENDING_TRANSFER_STATUSES = ['diajukan', 'diverifikasi', 'disetujui'] as const;

/**
 * Two desa (or one, twice) proposing to take the same family: the one submitted first goes on to
 * the dinas, a later one fails validation with the reason. Ordered by submission time, then id,
 * so two submissions validated at the same moment cannot both fail or both pass.
 */
async function earlierPendingTransfer(tx: Transaction, usulanId: string, doc: UsulanDoc, householdId: string): Promise<boolean> {
  const others = await tx.get(
    collections.usulan()
      .where('kabupatenCode', '==', doc.kabupatenCode)
      .where('householdId', '==', householdId)
      .where('type', '==', 'pindah_masuk')
      .where('status', 'in', [...PENDING_TRANSFER_STATUSES]),
  );
  const mine = doc.submittedAt!.toMillis();
  return others.docs.some((o) => {
    if (o.id === usulanId) return false;
    const theirs = o.data().submittedAt?.toMillis() ?? Number.POSITIVE_INFINITY;
    return theirs < mine || (theirs === mine && o.id < usulanId);
  });
}

async function readTarget(tx: Transaction, householdId: string): Promise<TargetHousehold | null> {
  const h = (await tx.get(collections.households().doc(householdId))).data();
  return h ? { id: householdId, desaCode: h.desaCode, kkNumber: h.kkNumber, status: h.status, reactivations: h.reactivations ?? 0 } : null;
}

/**
 * The NIK index entries for these NIKs, with the status that matters for each: the member's if it
 * left, else its household's. Reads one index document per NIK and one household per holder.
 */
export async function readNikIndex(tx: Transaction, niks: string[]): Promise<Map<string, NikIndexEntry>> {
  const lookup = new Map<string, NikIndexEntry>();
  if (niks.length === 0) return lookup;
  const entries = await tx.getAll(...niks.map((nik) => collections.nikIndex().doc(nikHash(nik))));
  const holders = [...new Set(entries.flatMap((e) => (e.exists && e.data()!.active ? [e.data()!.householdId] : [])))];
  const households = holders.length > 0 ? await tx.getAll(...holders.map((id) => collections.households().doc(id))) : [];
  const statusOf = new Map(households.map((h) => [h.id, h.data()?.status ?? 'keluar']));
  entries.forEach((e, i) => {
    const entry = e.data();
    if (!entry) return;
    lookup.set(niks[i]!, { householdId: entry.householdId, desaCode: entry.desaCode, status: entry.active ? statusOf.get(entry.householdId) : 'keluar' });
  });
  return lookup;
}
