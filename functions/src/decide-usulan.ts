import { FieldValue, Timestamp, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import {
  checkTransition, decisionInputSchema, musyawarahDecisionInputSchema, parseKabupatenPolicy, readRoleClaims, redactNiks,
  type ActorRole, type Reason, type RoleClaims, type UsulanStatus,
} from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';

/**
 * Step 3: the Dinas Sosial decides, per usulan or for a whole musyawarah at once. With two-level
 * approval (the default) the verifikator verifies (`diverifikasi`) and the kadis approves
 * (`disetujui`, pengesahan); a kabupaten with single-level approval lets either decide alone.
 * Either may refuse, with a reason that is kept. Approvals are applied by `applyUsulan`.
 *   { usulanId, decision, note }      → { status }
 *   { musyawarahId, decision, note }  → { decided: [{ usulanId, status }], skipped: [{ usulanId, reason }] }
 */
export const decideUsulan = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Silakan masuk terlebih dahulu.');
  const claims = readRoleClaims(request.auth.token);
  if (!claims || (claims.role !== 'verifikator' && claims.role !== 'kadis')) {
    throw new HttpsError('permission-denied', 'Hanya verifikator atau kepala Dinas Sosial yang dapat memutuskan usulan.');
  }
  const data = request.data as Record<string, unknown> | null;
  const uid = request.auth.uid;
  if (data && typeof data === 'object' && 'musyawarahId' in data) return decideMusyawarah(data, claims, uid);

  const parsed = decisionInputSchema.safeParse(data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data keputusan tidak valid.');
  const input = parsed.data;
  const ref = collections.usulan().doc(input.usulanId);
  const status = await db.runTransaction(async (tx) => {
    const [snap, actor] = await Promise.all([tx.get(ref), actorOf(tx, claims)]);
    const doc = snap.data();
    if (!doc || doc.kabupatenCode !== claims.kabupaten) {
      // Same answer for "missing" and "not yours": nothing leaks about other kabupaten.
      throw new HttpsError('not-found', 'Usulan tidak ditemukan.');
    }
    const result = decide(doc, input.decision, actor);
    if (!result.ok) throw new HttpsError('failed-precondition', result.reason.message);
    record(tx, ref, doc, result.to, input.decision, input.note, claims, uid);
    return result.to;
  });
  logger.info('usulan decided', { usulanId: input.usulanId, status, by: uid, role: claims.role });
  return { status };
});

async function decideMusyawarah(data: unknown, claims: RoleClaims, uid: string) {
  const parsed = musyawarahDecisionInputSchema.safeParse(data);
  if (!parsed.success) throw new HttpsError('invalid-argument', parsed.error.issues[0]?.message ?? 'Data keputusan tidak valid.');
  const input = parsed.data;
  const result = await db.runTransaction(async (tx) => {
    const [musyawarah, actor] = await Promise.all([tx.get(collections.musyawarah().doc(input.musyawarahId)), actorOf(tx, claims)]);
    if (!musyawarah.exists || musyawarah.data()!.kabupatenCode !== claims.kabupaten) throw new HttpsError('not-found', 'Musyawarah tidak ditemukan.');
    const items = await tx.get(collections.usulan().where('musyawarahId', '==', input.musyawarahId).where('kabupatenCode', '==', claims.kabupaten));
    const decided: { usulanId: string; status: UsulanStatus }[] = [];
    const skipped: { usulanId: string; reason: string }[] = [];
    for (const item of items.docs) {
      const doc = item.data();
      const r = decide(doc, input.decision, actor);
      if (!r.ok) {
        skipped.push({ usulanId: item.id, reason: r.reason.message });
        continue;
      }
      record(tx, item.ref, doc, r.to, input.decision, input.note, claims, uid);
      decided.push({ usulanId: item.id, status: r.to });
    }
    if (decided.length === 0) throw new HttpsError('failed-precondition', 'Tidak ada usulan di musyawarah ini yang dapat Anda putuskan sekarang.');
    return { decided, skipped };
  });
  logger.info('musyawarah decided', { musyawarahId: input.musyawarahId, decided: result.decided.length, skipped: result.skipped.length, by: uid });
  return result;
}

/** In single-level kabupaten both roles act as the one Dinas decision-maker. */
async function actorOf(tx: Transaction, claims: RoleClaims): Promise<ActorRole> {
  const policy = parseKabupatenPolicy((await tx.get(collections.policies().doc(claims.kabupaten))).data());
  return policy?.approval === 'satu_tingkat' ? 'dinas' : (claims.role);
}

/** What "setujui" means depends on who says it: a verifikator verifies, a decision-maker approves. */
function decide(doc: UsulanDoc, decision: 'setujui' | 'tolak', actor: ActorRole): { ok: true; to: UsulanStatus } | { ok: false; reason: Reason } {
  const to: UsulanStatus = decision === 'tolak' ? 'ditolak' : actor === 'verifikator' && doc.status === 'diajukan' ? 'diverifikasi' : 'disetujui';
  const t = checkTransition(doc.status, to, actor);
  if (!t.ok) return t;
  if (decision === 'setujui' && !doc.validation?.ok) {
    return { ok: false, reason: { code: 'decision.not_validated', message: 'Usulan belum lolos validasi sehingga belum dapat disetujui.' } };
  }
  return { ok: true, to };
}

function record(tx: Transaction, ref: DocumentReference<UsulanDoc>, doc: UsulanDoc, to: UsulanStatus, decision: 'setujui' | 'tolak', note: string, claims: RoleClaims, uid: string): void {
  tx.update(ref, {
    status: to,
    decisions: FieldValue.arrayUnion({ decision, from: doc.status, to, note, by: uid, role: claims.role, at: Timestamp.now() }),
    updatedAt: FieldValue.serverTimestamp(),
  });
  writeAudit(tx, {
    actorUid: uid,
    actorRole: claims.role,
    action: `usulan.${to}`,
    target: { collection: 'usulan', id: ref.id },
    kabupatenCode: doc.kabupatenCode,
    desaCode: doc.desaCode,
    summary: `Status usulan: ${doc.status} → ${to}${note ? `. Catatan: ${redactNiks(note)}` : ''}`,
  });
}
