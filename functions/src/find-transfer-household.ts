import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import {
  isoDateOn,
  maskNik,
  parseTransferLookup,
  reasonText,
  transferAllowance,
  transferCandidates,
  TRANSFER_LOOKUPS_PER_DAY,
  TRANSFER_MAX_MATCHES,
  type TransferLookupResult,
  type TransferMatch,
} from './domain/index.js';
import { desaLabel, wilayahName } from './domain/wilayah-data/names.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { guarded } from './lib/callable-guard.js';
import { collections } from './lib/collections.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';

/**
 * Before a `pindah_masuk` usulan: the operator of the receiving desa finds the household of a
 * family that moved in, by the KK number on the card the family carries or by a member's NIK
 * (through the NIK index), within the operator's kabupaten. The answer is what the operator needs
 * to recognise the family and fill the usulan — register id, old desa, head's name, member count,
 * status — and nothing else. It reveals another desa's data, so every lookup is audited, found or
 * not, and the account must still be active (the guard refuses a deactivated operator's token at
 * once, not an hour later).
 */
export const findTransferHousehold = onCall(
  { secrets: [nikHmacKey] },
  guarded(
    {
      name: 'findTransferHousehold',
      roles: ['operator'],
      roleRefusal: 'Hanya operator desa/kelurahan yang dapat mencari keluarga pindahan.',
      input: (data) => parseTransferLookup(data, new Date()),
      invalidInput: 'Nomor pencarian tidak valid.',
    },
    async ({ uid, caller: claims, data: { by, number } }): Promise<TransferLookupResult> => {
      await countLookup(uid, claims.kabupaten, claims.desa);
      const matches = by === 'kk' ? await matchKk(claims.kabupaten, number) : await matchNik(claims.kabupaten, number);
      const result = transferCandidates(matches, claims.desa, by);

      // The audit entry is committed before anything is answered: no lookup goes unrecorded.
      const searched = `${by === 'kk' ? 'nomor KK' : 'NIK'} ${maskNik(number)}`;
      const entry = { actorUid: uid, actorRole: 'operator' as const, action: 'keluarga.dicari_pindah_masuk', kabupatenCode: claims.kabupaten };
      const batch = db.batch();
      if (result.ok) {
        for (const h of result.households) {
          writeAudit(batch, {
            ...entry,
            target: { collection: 'households', id: h.id },
            desaCode: h.desaCode,
            summary: `Dicari oleh operator ${desaLabel(claims.desa)} untuk pindah masuk, dengan ${searched}: ditemukan di ${desaLabel(h.desaCode)} (${h.desaCode})`,
          });
        }
      } else {
        const seen = matches[0];
        writeAudit(batch, {
          ...entry,
          target: seen ? { collection: 'households', id: seen.id } : { collection: 'users', id: uid },
          desaCode: claims.desa,
          summary: `Pencarian keluarga pindah masuk oleh operator desa ${claims.desa}, dengan ${searched}: tidak diberikan (${result.reason.code})`,
        });
      }
      await batch.commit();
      logger.info('transfer household lookup', {
        by: uid,
        desaCode: claims.desa,
        kind: by,
        outcome: result.ok ? 'found' : result.reason.code,
        householdIds: result.ok ? result.households.map((h) => h.id) : [],
      });

      if (!result.ok)
        throw new HttpsError(result.reason.code === 'pindah.not_found' ? 'not-found' : 'failed-precondition', reasonText(result.reason), {
          code: result.reason.code,
        });
      return {
        households: result.households.map((h) => ({
          householdId: h.id,
          fromDesaCode: h.desaCode,
          fromDesaName: wilayahName(h.desaCode),
          fromKecamatanName: wilayahName(h.kecamatanCode),
          headName: h.headName,
          memberCount: h.memberCount,
          status: h.status,
        })),
      };
    },
  ),
);

/**
 * Counts this lookup against the operator's day (Jakarta calendar), in a transaction, before the
 * register is read. Over the limit the lookup is refused; the first refusal of the day is audited
 * for the Dinas Sosial, which reads the audit log, so mining the register is seen the day it happens.
 */
async function countLookup(uid: string, kabupatenCode: string, desaCode: string): Promise<void> {
  const day = isoDateOn(new Date());
  const ref = collections.lookupCounts().doc(`${uid}_${day}`);
  const allowance = await db.runTransaction(async (tx) => {
    const made = (await tx.get(ref)).data()?.count ?? 0;
    const verdict = transferAllowance(made);
    tx.set(ref, { uid, day, count: made + 1 });
    if (!verdict.allowed && verdict.alert) {
      writeAudit(tx, {
        actorUid: uid,
        actorRole: 'operator',
        action: 'keluarga.pencarian_melebihi_batas',
        target: { collection: 'users', id: uid },
        kabupatenCode,
        desaCode,
        summary: `Operator ${desaLabel(desaCode)} mencapai batas ${TRANSFER_LOOKUPS_PER_DAY} pencarian keluarga pindah masuk pada ${day}; pencarian berikutnya hari ini ditolak`,
      });
    }
    return verdict;
  });
  if (!allowance.allowed) {
    logger.warn('transfer lookup over the daily limit', { by: uid, desaCode, day });
    throw new HttpsError('resource-exhausted', reasonText(allowance.reason), { code: allowance.reason.code });
  }
}

type Match = TransferMatch & { kecamatanCode: string; headName: string; memberCount: number };

/** Households of the kabupaten whose current KK number is this one (more than one only when the register holds it twice). */
async function matchKk(kabupatenCode: string, kkNumber: string): Promise<Match[]> {
  const snap = await collections
    .households()
    .where('kabupatenCode', '==', kabupatenCode)
    .where('kkNumber', '==', kkNumber)
    .limit(TRANSFER_MAX_MATCHES * 4)
    .get();
  return snap.docs.map((d) => matchOf(d.id, d.data()));
}

/**
 * The household holding this NIK, through the index (keyed by the NIK's HMAC, so the NIK itself
 * is never queried or stored). A NIK that left its household finds nothing, unless the whole
 * household left the register: then the answer says so.
 */
async function matchNik(kabupatenCode: string, nik: string): Promise<Match[]> {
  const entry = (await collections.nikIndex().doc(nikHash(nik)).get()).data();
  if (!entry || entry.kabupatenCode !== kabupatenCode) return [];
  const h = (await collections.households().doc(entry.householdId).get()).data();
  if (!h || h.kabupatenCode !== kabupatenCode) return [];
  return entry.active || h.status === 'keluar' ? [matchOf(entry.householdId, h)] : [];
}

function matchOf(id: string, h: { desaCode: string; kecamatanCode: string; status: Match['status']; headName: string; memberCount: number }): Match {
  return { id, desaCode: h.desaCode, kecamatanCode: h.kecamatanCode, status: h.status, headName: h.headName, memberCount: h.memberCount };
}
