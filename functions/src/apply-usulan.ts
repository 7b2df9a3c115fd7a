import { FieldValue, Timestamp, type DocumentReference, type QueryDocumentSnapshot, type Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import {
  appendKkChange, checkTransition, compareMembersByNik, criteriaOf, decideHousehold, programsInForce, kabupatenOf, kecamatanOf, KELUAR_REASON_LABELS, maskNik, parseKabupatenPolicy,
  reactivate, reason, startKkHistory, suspensionPolicyOf, usulanContentSchema,
  type Member, type NikIndexEntry, type ProgramsInForce, type Reason, type SuspensionPolicy, type UsulanBaruContent, type UsulanKeluarContent,
  type UsulanPerbaikanContent, type UsulanPindahMasukContent, type UsulanReaktivasiContent,
} from './domain/index.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { collections } from './lib/collections.js';
import type { HouseholdDoc, MemberDoc, UsulanDoc } from './lib/documents.js';
import { nikHash, nikHmacKey } from './lib/nik-hash.js';
import { loadPrograms } from './lib/programs.js';
import { desaLabel } from './domain/wilayah-data/names.js';
import { readNikIndex } from './validate-usulan.js';

/**
 * Step 4: an approved usulan changes the register, in one transaction with the NIK index,
 * eligibility per program, the audit entry and the usulan's own final status:
 * baru adds a household; perbaikan corrects it (members matched by NIK, KK history kept);
 * keluar takes a household or some members out (a status with its reason, never a deletion);
 * reaktivasi returns a suspended household; pindah masuk moves it to the receiving desa.
 * The transaction re-reads the usulan, so a second delivery finds it `diterapkan` and does
 * nothing; two approvals racing for one NIK cannot both pass the index read: the loser ends
 * `ditolak` as ganda, with the reason.
 */
export const applyUsulan = onDocumentUpdated({ document: 'usulan/{usulanId}', secrets: [nikHmacKey] }, async (event) => {
  if (event.data?.after.data()?.status !== 'disetujui') return;
  await applyApproved(event.params.usulanId, new Date(event.time));
});

/** A member as stored (with its id and index hash) or as proposed (without). */
type StoredOrNew = Member & { id?: string; nikHash?: string | null };

/** What an application did, or the reasons it could not. */
type Outcome = { ok: true; householdId: string; summary: string } | { ok: false; householdId: string | null; reasons: Reason[] };

interface Context {
  tx: Transaction;
  usulanId: string;
  usulan: UsulanDoc;
  programs: ProgramsInForce;
  suspension: SuspensionPolicy;
  now: Date;
}

export async function applyApproved(usulanId: string, now: Date): Promise<void> {
  const usulanRef = collections.usulan().doc(usulanId);
  await db.runTransaction(async (tx) => {
    const usulan = (await tx.get(usulanRef)).data();
    if (!usulan || usulan.status !== 'disetujui') return;
    const parsed = usulanContentSchema.safeParse(usulan);
    const policy = parseKabupatenPolicy((await tx.get(collections.policies().doc(usulan.kabupatenCode))).data());
    const ctx: Context = { tx, usulanId, usulan, programs: programsInForce(await loadPrograms(tx), now), suspension: suspensionPolicyOf(policy), now };
    let outcome: Outcome;
    if (!parsed.success) {
      outcome = { ok: false, householdId: null, reasons: [reason('usulan.invalid', 'Isi usulan tidak valid lagi sehingga tidak dapat diterapkan')] };
    } else {
      const c = parsed.data;
      outcome =
        c.type === 'baru' ? await applyBaru(ctx, c)
        : c.type === 'perbaikan' ? await applyPerbaikan(ctx, c)
        : c.type === 'keluar' ? await applyKeluar(ctx, c)
        : c.type === 'reaktivasi' ? await applyReaktivasi(ctx, c)
        : await applyPindahMasuk(ctx, c);
    }
    finish(ctx, usulanRef, outcome);
  });
}

/** The usulan's final status and the audit entry, in the same transaction as the change. */
function finish(ctx: Context, ref: DocumentReference<UsulanDoc>, outcome: Outcome): void {
  const { tx, usulan, usulanId } = ctx;
  const to = outcome.ok ? 'diterapkan' : 'ditolak';
  const t = checkTransition('disetujui', to, 'sistem');
  if (!t.ok) throw new Error(t.reason.code);
  const reasons = outcome.ok ? [] : outcome.reasons;
  tx.update(ref, { status: to, outcome: { householdId: outcome.householdId, reasons, at: FieldValue.serverTimestamp() }, updatedAt: FieldValue.serverTimestamp() });
  writeAudit(tx, {
    actorUid: 'sistem',
    actorRole: 'sistem',
    action: outcome.ok ? `usulan.diterapkan.${usulan.type}` : 'usulan.gagal_diterapkan',
    target: outcome.householdId ? { collection: 'households', id: outcome.householdId } : { collection: 'usulan', id: usulanId },
    kabupatenCode: usulan.kabupatenCode,
    desaCode: usulan.desaCode,
    summary: outcome.ok ? `${outcome.summary} (usulan ${usulanId})` : `Usulan ${usulanId} tidak diterapkan: ${reasons.map((r) => r.code).join(', ')}`,
  });
  if (outcome.ok) logger.info('usulan applied', { usulanId, type: usulan.type, householdId: outcome.householdId });
  else logger.warn('approved usulan not applied', { usulanId, type: usulan.type, reasons: reasons.map((r) => r.code) });
}

const refused = (householdId: string | null, ...reasons: Reason[]): Outcome => ({ ok: false, householdId, reasons });

function householdRef(id: string) {
  return collections.households().doc(id);
}

async function readHousehold(ctx: Context, id: string): Promise<HouseholdDoc | null> {
  return (await ctx.tx.get(householdRef(id))).data() ?? null;
}

async function readActiveMembers(ctx: Context, householdId: string): Promise<QueryDocumentSnapshot<MemberDoc>[]> {
  return (await ctx.tx.get(collections.members(householdId).where('status', '==', 'aktif'))).docs;
}

/** Eligibility per program for the household as it will be, and the member data it was decided on. */
function eligibilityFields(ctx: Context, household: Pick<HouseholdDoc, 'desil' | 'status' | 'desaCode'>, members: readonly Member[]) {
  const memberCriteria = criteriaOf(members);
  return {
    eligibility: decideHousehold({ desil: household.desil, status: household.status, desaCode: household.desaCode, memberCriteria }, ctx.programs),
    memberCriteria,
  };
}

function headNameOf(members: readonly Pick<Member, 'name' | 'relationship'>[]): string {
  const order = ['kepala_keluarga', 'istri', 'suami'];
  for (const rel of order) {
    const found = members.find((m) => m.relationship === rel);
    if (found) return found.name;
  }
  return members[0]?.name ?? '—';
}

function wilayahOf(desaCode: string) {
  return { desaCode, kecamatanCode: kecamatanOf(desaCode), kabupatenCode: kabupatenOf(desaCode) };
}

/** A member document as the register stores it (optional fields only when known). */
function memberDoc(m: Member, householdId: string, desaCode: string, hash: string | null): MemberDoc {
  const optional = Object.fromEntries(
    (['occupation', 'school', 'disability', 'pregnant'] as const).flatMap((k) => (m[k] === undefined ? [] : [[k, m[k]]])),
  );
  return {
    nik: m.nik, nikMasked: maskNik(m.nik), nikHash: hash, name: m.name, sex: m.sex, birthDate: m.birthDate, relationship: m.relationship,
    ...optional, flags: m.nik ? [] : ['nik.missing'], status: 'aktif', leftReason: null, householdId, desaCode, kabupatenCode: kabupatenOf(desaCode),
    createdAt: FieldValue.serverTimestamp() as unknown as Timestamp,
  };
}

function writeIndex(ctx: Context, hash: string, householdId: string, memberId: string, desaCode: string): void {
  ctx.tx.set(collections.nikIndex().doc(hash), {
    householdId, memberId, active: true, desaCode, kabupatenCode: kabupatenOf(desaCode), createdAt: FieldValue.serverTimestamp() as unknown as Timestamp,
  });
}

/** NIKs held elsewhere by a household that is still in the register: the approval lost a race, or the data is ganda. */
function conflicts(members: readonly Member[], lookup: Map<string, NikIndexEntry>, ownHouseholdId: string | null, suspension: SuspensionPolicy): Reason[] {
  return members.flatMap((m, i) => {
    const found = m.nik ? lookup.get(m.nik) : undefined;
    if (!found || found.householdId === ownHouseholdId || found.status === 'keluar') return [];
    if (found.status === 'ditangguhkan' && suspension.route === 'usulan_baru') return [];
    return [reason('usulan.ganda', `Ganda: NIK anggota ke-${i + 1} sudah terdaftar di register (desa ${found.desaCode}) sebelum usulan ini diterapkan`, `household.members.${i}.nik`)];
  });
}

/** Members of a suspended household returning through a new usulan leave their old record, with the reason. */
async function closeReturningMembers(ctx: Context, members: readonly Member[], lookup: Map<string, NikIndexEntry>): Promise<(() => void)[]> {
  const writes: (() => void)[] = [];
  for (const m of members) {
    const found = m.nik ? lookup.get(m.nik) : undefined;
    if (!found || found.status !== 'ditangguhkan') continue;
    const old = (await ctx.tx.get(collections.nikIndex().doc(nikHash(m.nik!)))).data();
    if (!old) continue;
    writes.push(() =>
      ctx.tx.update(collections.members(old.householdId).doc(old.memberId), {
        status: 'keluar',
        leftReason: reason('member.kembali_usulan_baru', `Diusulkan kembali melalui usulan baru ${ctx.usulanId}`),
      }),
    );
  }
  return writes;
}

async function applyBaru(ctx: Context, c: UsulanBaruContent): Promise<Outcome> {
  const members = c.household.members;
  const lookup = await readNikIndex(ctx.tx, members.flatMap((m) => (m.nik ? [m.nik] : [])));
  const clash = conflicts(members, lookup, null, ctx.suspension);
  if (clash.length > 0) return refused(null, ...clash);
  const closeOld = await closeReturningMembers(ctx, members, lookup);
  // Reads are done; writes follow.
  closeOld.forEach((w) => w());
  const { desaCode } = ctx.usulan;
  const ref = collections.households().doc();
  const status = 'aktif' as const;
  const nowTs = Timestamp.fromDate(ctx.now);
  ctx.tx.create(ref, {
    kkNumber: c.household.kkNumber,
    kkHistory: startKkHistory(c.household.kkNumber, ctx.now, ctx.usulanId),
    address: c.household.address,
    ...wilayahOf(desaCode),
    desil: c.household.desil,
    status,
    statusReason: null,
    headName: headNameOf(members),
    memberCount: members.length,
    // The musyawarah and the validation count as this household's first verval.
    lastVervalAt: nowTs,
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    ...eligibilityFields(ctx, { desil: c.household.desil, status, desaCode }, members),
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: ctx.usulanId,
    createdAt: FieldValue.serverTimestamp() as unknown as Timestamp,
    updatedAt: FieldValue.serverTimestamp() as unknown as Timestamp,
  });
  for (const m of members) {
    const memberRef = collections.members(ref.id).doc();
    const hash = m.nik ? nikHash(m.nik) : null;
    ctx.tx.create(memberRef, memberDoc(m, ref.id, desaCode, hash));
    if (hash) writeIndex(ctx, hash, ref.id, memberRef.id, desaCode);
  }
  return { ok: true, householdId: ref.id, summary: `Keluarga ${members.length} anggota ditambahkan; desil ${c.household.desil}` };
}

async function applyPerbaikan(ctx: Context, c: UsulanPerbaikanContent): Promise<Outcome> {
  const h = await readHousehold(ctx, c.householdId);
  if (!h || h.status === 'keluar') return refused(c.householdId, reason('usulan.household_keluar', 'Keluarga ini sudah tidak ada di register'));
  const current = await readActiveMembers(ctx, c.householdId);
  const before: StoredOrNew[] = current.map((s) => ({ ...s.data(), id: s.id }));
  const diff = compareMembersByNik<StoredOrNew>(before, c.household.members);
  const lookup = await readNikIndex(ctx.tx, diff.joined.flatMap((m) => (m.nik ? [m.nik] : [])));
  const clash = conflicts(diff.joined, lookup, c.householdId, ctx.suspension);
  if (clash.length > 0) return refused(c.householdId, ...clash);
  let kkHistory = h.kkHistory;
  if (h.kkNumber !== c.household.kkNumber) {
    const appended = appendKkChange(h.kkHistory, {
      kkNumber: c.household.kkNumber,
      since: startKkHistory(c.household.kkNumber, ctx.now, null)[0]!.since,
      reason: c.kkChangeReason ?? 'perubahan_data',
      sourceUsulanId: ctx.usulanId,
    });
    if (!appended.ok) return refused(c.householdId, appended.reason);
    kkHistory = appended.history;
  }
  // Writes.
  const left = reason('member.perbaikan', `Tidak lagi tercantum setelah perbaikan data (usulan ${ctx.usulanId})`);
  for (const m of [...diff.left, ...diff.unmatched.before]) {
    ctx.tx.update(collections.members(c.householdId).doc(m.id!), { status: 'keluar', leftReason: left });
    if (m.nikHash) ctx.tx.update(collections.nikIndex().doc(m.nikHash), { active: false });
  }
  for (const { before: b, after: a } of diff.stayed) {
    const { createdAt: _c, ...fresh } = memberDoc(a, c.householdId, h.desaCode, b.nikHash ?? null);
    ctx.tx.set(collections.members(c.householdId).doc(b.id!), fresh, { merge: true });
  }
  for (const m of [...diff.joined, ...diff.unmatched.after]) {
    const ref = collections.members(c.householdId).doc();
    const hash = m.nik ? nikHash(m.nik) : null;
    ctx.tx.create(ref, memberDoc(m, c.householdId, h.desaCode, hash));
    if (hash) writeIndex(ctx, hash, c.householdId, ref.id, h.desaCode);
  }
  const members = c.household.members;
  ctx.tx.update(householdRef(c.householdId), {
    kkNumber: c.household.kkNumber,
    kkHistory,
    address: c.household.address,
    desil: c.household.desil,
    headName: headNameOf(members),
    memberCount: members.length,
    ...eligibilityFields(ctx, { ...h, desil: c.household.desil }, members),
    updatedAt: FieldValue.serverTimestamp(),
  });
  return {
    ok: true,
    householdId: c.householdId,
    summary: `Data keluarga diperbaiki: ${diff.stayed.length} anggota tetap, ${diff.joined.length + diff.unmatched.after.length} masuk, ${diff.left.length + diff.unmatched.before.length} keluar${kkHistory !== h.kkHistory ? '; nomor KK berubah' : ''}`,
  };
}

async function applyKeluar(ctx: Context, c: UsulanKeluarContent): Promise<Outcome> {
  const h = await readHousehold(ctx, c.householdId);
  if (!h || h.status === 'keluar') return refused(c.householdId, reason('usulan.household_keluar', 'Keluarga ini sudah keluar dari register'));
  const current = await readActiveMembers(ctx, c.householdId);
  const why = reason(`keluar.${c.reason}`, `${KELUAR_REASON_LABELS[c.reason]}${c.reason === 'ganda' ? ` (data yang dipakai: keluarga ${c.duplicateOfHouseholdId})` : ''}: ${c.note}`);
  const whole = c.memberIds.length === 0;
  const leaving = whole ? current : current.filter((s) => c.memberIds.includes(s.id));
  if (!whole && leaving.length !== c.memberIds.length) {
    return refused(c.householdId, reason('keluar.member_unknown', 'Anggota yang diusulkan keluar tidak (lagi) tercatat aktif di keluarga ini', 'memberIds'));
  }
  const staying = current.filter((s) => !leaving.includes(s));
  if (!whole && staying.length === 0) {
    return refused(c.householdId, reason('keluar.no_member_left', 'Semua anggota keluar: usulkan keluarga keluar seluruhnya', 'memberIds'));
  }
  // Writes: members keep their record, with the reason; their NIKs are freed in the index.
  for (const s of leaving) {
    if (!whole) ctx.tx.update(s.ref, { status: 'keluar', leftReason: why });
    if (s.data().nikHash) ctx.tx.update(collections.nikIndex().doc(s.data().nikHash!), { active: false });
  }
  const remaining: Member[] = staying.map((s) => s.data());
  const status = whole ? ('keluar' as const) : h.status;
  ctx.tx.update(householdRef(c.householdId), {
    ...(whole ? { status, statusReason: why } : { memberCount: remaining.length, headName: headNameOf(remaining) }),
    ...eligibilityFields(ctx, { ...h, status }, whole ? current.map((s) => s.data()) : remaining),
    updatedAt: FieldValue.serverTimestamp(),
  });
  return { ok: true, householdId: c.householdId, summary: whole ? `Keluarga keluar dari register: ${KELUAR_REASON_LABELS[c.reason]}` : `${leaving.length} anggota keluar: ${KELUAR_REASON_LABELS[c.reason]}` };
}

async function applyReaktivasi(ctx: Context, c: UsulanReaktivasiContent): Promise<Outcome> {
  const h = await readHousehold(ctx, c.householdId);
  if (!h) return refused(c.householdId, reason('usulan.household_missing', 'Keluarga yang diusulkan tidak ada di register'));
  const result = reactivate({ status: h.status, reactivations: h.reactivations ?? 0 }, ctx.suspension);
  if (!result.ok) return refused(c.householdId, ...result.reasons);
  const members: Member[] = (await readActiveMembers(ctx, c.householdId)).map((s) => s.data());
  ctx.tx.update(householdRef(c.householdId), {
    status: result.status,
    statusReason: result.statusReason,
    reactivations: result.reactivations,
    suspension: null,
    // The BA klarifikasi is a fresh verification of the household.
    lastVervalAt: Timestamp.fromDate(ctx.now),
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    ...eligibilityFields(ctx, { ...h, status: result.status }, members),
    updatedAt: FieldValue.serverTimestamp(),
  });
  return { ok: true, householdId: c.householdId, summary: `Keluarga direaktivasi (reaktivasi ke-${result.reactivations})` };
}

async function applyPindahMasuk(ctx: Context, c: UsulanPindahMasukContent): Promise<Outcome> {
  const h = await readHousehold(ctx, c.householdId);
  if (!h || h.status === 'keluar') return refused(c.householdId, reason('usulan.household_keluar', 'Keluarga ini sudah tidak ada di register'));
  if (h.desaCode !== c.fromDesaCode) {
    return refused(c.householdId, reason('pindah.from_mismatch', 'Menurut register, keluarga ini sudah tidak berada di desa asal yang disebut', 'fromDesaCode'));
  }
  const members = await ctx.tx.get(collections.members(c.householdId));
  let kkHistory = h.kkHistory;
  if (c.kkNumber !== undefined && c.kkNumber !== h.kkNumber) {
    const appended = appendKkChange(h.kkHistory, { kkNumber: c.kkNumber, since: startKkHistory(c.kkNumber, ctx.now, null)[0]!.since, reason: 'pindah', sourceUsulanId: ctx.usulanId });
    if (!appended.ok) return refused(c.householdId, appended.reason);
    kkHistory = appended.history;
  }
  const to = wilayahOf(ctx.usulan.desaCode);
  for (const m of members.docs) {
    ctx.tx.update(m.ref, { desaCode: to.desaCode, kabupatenCode: to.kabupatenCode });
    const hash = m.data().nikHash;
    if (hash && m.data().status === 'aktif') ctx.tx.update(collections.nikIndex().doc(hash), { desaCode: to.desaCode, kabupatenCode: to.kabupatenCode });
  }
  const active: Member[] = members.docs.filter((m) => m.data().status === 'aktif').map((m) => m.data());
  // The receiving desa found and verified the family: that is a verval, so it also lifts a freeze
  // ("data beku" is reversible by a verval). A suspension is not: it has its own way back.
  const unfreeze = h.status === 'beku';
  const status = unfreeze ? 'aktif' : h.status;
  ctx.tx.update(householdRef(c.householdId), {
    ...to,
    address: c.address,
    kkNumber: c.kkNumber ?? h.kkNumber,
    kkHistory,
    lastVervalAt: Timestamp.fromDate(ctx.now),
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    ...(unfreeze ? { status, statusReason: null } : {}),
    ...eligibilityFields(ctx, { ...h, status, desaCode: to.desaCode }, active),
    updatedAt: FieldValue.serverTimestamp(),
  });
  return {
    ok: true, householdId: c.householdId,
    summary: `Keluarga pindah dari ${desaLabel(c.fromDesaCode)} (${c.fromDesaCode}) ke ${desaLabel(to.desaCode)} (${to.desaCode})${unfreeze ? '; data beku diaktifkan kembali (diverval oleh desa tujuan)' : ''}`,
  };
}
