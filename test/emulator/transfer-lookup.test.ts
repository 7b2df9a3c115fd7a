import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { collection, getDocs, query, where } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateOn, maskNik, parseTransferLookup, TRANSFER_LOOKUPS_PER_DAY, type TransferLookupResult } from '../../functions/src/domain/index.js';
import type { MemberDoc } from '../../functions/src/domain/documents.js';
import { nikHash } from '../../functions/src/lib/nik-hash.js';
import { adminAuth, adminDb, emulatorNikKey, ensureUser, seedConfig } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';
import { household, meeting, nikFor, usulanContent } from '../support/factories.js';
import { approve, recordAndSubmit, settled, validated } from '../../.scripts/seed/flow.js';

/**
 * A family that moved to another desa is transferred, not dropped as "alamat tidak ditemukan":
 * the receiving desa's operator finds its household by the KK number on the family's card or a
 * member's NIK (`findTransferHousehold`), sees only what identifies the family, and proposes the
 * pindah masuk with the answer. Then the whole way: approved, applied, the household and its
 * members are in the new desa.
 */
const PASSWORD = 'transfer-pass';
const KEPAHIANG = { desa: '17.08.01.2001', kecamatan: '17.08.01', kabupaten: '17.08' }; // Kota Agung, Kec. Bermani Ilir
let fromOperator: ClientUser; // Taba Anyar (DESA.other): where the register has the family
let toOperator: ClientUser; // Derati: where the family lives now
let kepahiangOperator: ClientUser;
let verifikator: ClientUser;
let kadis: ClientUser;
/** Every NIK and KK number this file uses, to prove none reaches the logs. */
const personalNumbers: string[] = [];

beforeAll(async () => {
  await seedConfig(KABUPATEN);
  await ensureUser('transfer.from@tepat.test', PASSWORD, { role: 'operator', ...DESA.other });
  await ensureUser('transfer.to@tepat.test', PASSWORD, { role: 'operator', ...DESA.derati });
  await ensureUser('transfer.kph@tepat.test', PASSWORD, { role: 'operator', ...KEPAHIANG });
  await ensureUser('transfer.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  await ensureUser('transfer.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KABUPATEN });
  [fromOperator, toOperator, kepahiangOperator, verifikator, kadis] = await Promise.all([
    signInClient('transfer.from@tepat.test', PASSWORD),
    signInClient('transfer.to@tepat.test', PASSWORD),
    signInClient('transfer.kph@tepat.test', PASSWORD),
    signInClient('transfer.verifikator@tepat.test', PASSWORD),
    signInClient('transfer.kadis@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([fromOperator, toOperator, kepahiangOperator, verifikator, kadis].map((u) => u?.close()));
});

const find = async (user: ClientUser, data: unknown) =>
  (await httpsCallable<unknown, TransferLookupResult>(user.functions, 'findTransferHousehold')(data)).data;

// KK numbers recorded on 1 July 2021 in Kec. Kota Padang, with serials no other test file uses.
let serial = 1000 + Math.floor(Math.random() * 8000);
function uniqueKk(region = '170206'): string {
  const kk = `${region}010721${String(++serial).padStart(4, '0')}`;
  personalNumbers.push(kk);
  return kk;
}

interface Seeded {
  id: string;
  kkNumber: string;
  niks: string[];
}

/** A household written straight into the register (as the DTKS import leaves it), with its members and NIK index. */
async function seedHousehold(
  wilayah: { desa: string; kecamatan: string; kabupaten: string },
  status: 'aktif' | 'beku' | 'ditangguhkan' | 'keluar' = 'aktif',
): Promise<Seeded> {
  const db = adminDb();
  const key = emulatorNikKey();
  const kkNumber = uniqueKk(wilayah.kecamatan.replaceAll('.', ''));
  const ref = db.collection('households').doc();
  const members = [
    { nik: nikFor('1979-02-14', 'L'), name: 'Sapri', sex: 'L' as const, birthDate: '1979-02-14', relationship: 'kepala_keluarga' as const },
    { nik: nikFor('1983-09-30', 'P'), name: 'Yusnidar', sex: 'P' as const, birthDate: '1983-09-30', relationship: 'istri' as const },
    { nik: null, name: 'Rafli', sex: 'L' as const, birthDate: '2015-05-05', relationship: 'anak' as const },
  ];
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(ref, {
    kkNumber,
    kkHistory: [{ kkNumber, since: '2021-07-01', reason: 'pendaftaran', sourceUsulanId: null }],
    address: 'Dusun II RT 03',
    desaCode: wilayah.desa,
    kecamatanCode: wilayah.kecamatan,
    kabupatenCode: wilayah.kabupaten,
    desil: 3,
    status,
    statusReason: status === 'keluar' ? { code: 'keluar.mampu', message: 'Sudah mampu' } : null,
    headName: 'Sapri',
    memberCount: members.length,
    memberCriteria: [],
    lastVervalAt: now,
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    eligibility: {},
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'seed-transfer',
    createdAt: now,
    updatedAt: now,
  });
  for (const m of members) {
    const memberRef = ref.collection('members').doc();
    const hash = m.nik ? nikHash(m.nik, key) : null;
    batch.set(memberRef, {
      ...m,
      nikMasked: maskNik(m.nik),
      nikHash: hash,
      flags: m.nik ? [] : ['nik.missing'],
      status: 'aktif',
      leftReason: null,
      householdId: ref.id,
      desaCode: wilayah.desa,
      kabupatenCode: wilayah.kabupaten,
      createdAt: now,
    });
    if (hash) {
      batch.set(db.collection('nikIndex').doc(hash), {
        householdId: ref.id,
        memberId: memberRef.id,
        active: status !== 'keluar',
        desaCode: wilayah.desa,
        kabupatenCode: wilayah.kabupaten,
        createdAt: now,
      });
    }
  }
  await batch.commit();
  const niks = members.flatMap((m) => (m.nik ? [m.nik] : []));
  personalNumbers.push(...niks);
  return { id: ref.id, kkNumber, niks };
}

const lookups = async (uid: string) =>
  (await adminDb().collection('auditLog').where('actorUid', '==', uid).where('action', '==', 'keluarga.dicari_pindah_masuk').get()).docs.map((d) => d.data());

describe('findTransferHousehold: the receiving operator finds a moved family', () => {
  it('by the KK number on the family’s card: the old desa with its name, the head, the member count, the status — and nothing else', async () => {
    const h = await seedHousehold(DESA.other);
    const result = await find(toOperator, { by: 'kk', number: h.kkNumber.replace(/(\d{4})/g, '$1 ').trim() });
    expect(result).toEqual({
      households: [
        {
          householdId: h.id,
          fromDesaCode: DESA.other.desa,
          fromDesaName: 'Taba Anyar',
          fromKecamatanName: 'Kota Padang',
          headName: 'Sapri',
          memberCount: 3,
          status: 'aktif',
        },
      ],
    });
    // No NIK, no member, no address or desil in the answer.
    const text = JSON.stringify(result);
    for (const nik of h.niks) expect(text).not.toContain(nik);
    expect(text).not.toMatch(/Yusnidar|Rafli|Dusun II|desil/);
  });

  it('by the NIK of a member (the KK may have changed with the move), through the NIK index', async () => {
    const h = await seedHousehold(DESA.other, 'beku');
    const result = await find(toOperator, { by: 'nik', number: h.niks[1] });
    expect(result.households).toEqual([expect.objectContaining({ householdId: h.id, fromDesaCode: DESA.other.desa, headName: 'Sapri', status: 'beku' })]);
    expect(JSON.stringify(result)).not.toContain(h.niks[1]);
  });

  it('not found: a clear Indonesian message, with what to try next', async () => {
    await expect(find(toOperator, { by: 'kk', number: uniqueKk() })).rejects.toMatchObject({
      code: 'functions/not-found',
      message: expect.stringContaining('cari dengan NIK'),
      details: { code: 'pindah.not_found' },
    });
    await expect(find(toOperator, { by: 'nik', number: nikFor('1990-01-01', 'L') })).rejects.toMatchObject({
      code: 'functions/not-found',
      message: expect.stringContaining('NIK ini tidak tercatat'),
    });
  });

  it('a mistyped number is refused with the domain’s KK or NIK rule before anything is searched', async () => {
    await expect(find(toOperator, { by: 'kk', number: '1702063202150007' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('Tanggal pencatatan'),
    });
    await expect(find(toOperator, { by: 'nik', number: '12345' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('NIK harus 16 digit'),
    });
    await expect(find(toOperator, { number: '1702061203150007' })).rejects.toMatchObject({ code: 'functions/invalid-argument' });
  });

  it('a household already in the caller’s own desa is refused: no transfer needed', async () => {
    const h = await seedHousehold(DESA.derati);
    await expect(find(toOperator, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('sudah terdaftar di desa Anda'),
      details: { code: 'pindah.same_desa' },
    });
  });

  it('a household that left the register cannot move, by KK or by a NIK of its members', async () => {
    const h = await seedHousehold(DESA.other, 'keluar');
    for (const data of [
      { by: 'kk', number: h.kkNumber },
      { by: 'nik', number: h.niks[0] },
    ]) {
      await expect(find(toOperator, data)).rejects.toMatchObject({
        code: 'functions/failed-precondition',
        message: expect.stringContaining('sudah keluar dari register'),
        details: { code: 'usulan.household_keluar' },
      });
    }
  });

  it('only operators may search: the Dinas and the signed-out are refused', async () => {
    const h = await seedHousehold(DESA.other);
    await expect(find(verifikator, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(find(kadis, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({ code: 'functions/permission-denied' });
    const { getAuth, signOut } = await import('firebase/auth');
    const anonymous = await signInClient('transfer.verifikator@tepat.test', PASSWORD);
    await signOut(getAuth(anonymous.app));
    await expect(find(anonymous, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({ code: 'functions/unauthenticated' });
    await anonymous.close();
  });

  it('a deactivated operator is refused at once, though their last token has not expired', async () => {
    const h = await seedHousehold(DESA.other);
    const email = `transfer.gone.${Date.now()}@tepat.test`;
    const uid = await ensureUser(email, PASSWORD, { role: 'operator', ...DESA.sambirejo });
    const gone = await signInClient(email, PASSWORD);
    await expect(find(gone, { by: 'kk', number: h.kkNumber })).resolves.toMatchObject({ households: [expect.objectContaining({ householdId: h.id })] });
    // What manageUser's deactivation does: disable and revoke (the revocation time has second precision).
    await new Promise((r) => setTimeout(r, 1100));
    await adminAuth().updateUser(uid, { disabled: true });
    await adminAuth().revokeRefreshTokens(uid);
    await expect(find(gone, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({
      code: 'functions/unauthenticated',
      message: expect.stringContaining('masuk kembali'),
    });
    await gone.close();
  });

  it('an operator who guesses past the daily limit is refused, and the Dinas is alerted once (issue 13, F12)', async () => {
    const h = await seedHousehold(DESA.other);
    const email = `transfer.miner.${Date.now()}@tepat.test`;
    const uid = await ensureUser(email, PASSWORD, { role: 'operator', ...DESA.sambirejo });
    const miner = await signInClient(email, PASSWORD);
    // As if the day's lookups were nearly used up (today and tomorrow in Jakarta, so midnight cannot slip between).
    const now = Date.now();
    for (const day of [isoDateOn(new Date(now)), isoDateOn(new Date(now + 86_400_000))]) {
      await adminDb()
        .collection('lookupCounts')
        .doc(`${uid}_${day}`)
        .set({ uid, day, count: TRANSFER_LOOKUPS_PER_DAY - 1 });
    }
    await expect(find(miner, { by: 'kk', number: h.kkNumber })).resolves.toMatchObject({ households: [expect.objectContaining({ householdId: h.id })] });
    for (let i = 0; i < 2; i += 1) {
      await expect(find(miner, { by: 'kk', number: h.kkNumber })).rejects.toMatchObject({
        code: 'functions/resource-exhausted',
        message: expect.stringContaining(`Batas ${TRANSFER_LOOKUPS_PER_DAY} pencarian per hari`),
      });
    }
    const alerts = await adminDb().collection('auditLog').where('actorUid', '==', uid).where('action', '==', 'keluarga.pencarian_melebihi_batas').get();
    expect(alerts.docs.map((d) => d.data())).toEqual([expect.objectContaining({ kabupatenCode: KABUPATEN, desaCode: DESA.sambirejo.desa })]);
    // Refused lookups read nothing: only the answered one is in the audit as a lookup.
    expect((await lookups(uid)).length).toBe(1);
    await miner.close();
  });

  it('another kabupaten’s register is invisible, both ways, by KK and by NIK', async () => {
    const inKepahiang = await seedHousehold(KEPAHIANG);
    const inRejangLebong = await seedHousehold(DESA.other);
    await expect(find(toOperator, { by: 'kk', number: inKepahiang.kkNumber })).rejects.toMatchObject({ code: 'functions/not-found' });
    await expect(find(toOperator, { by: 'nik', number: inKepahiang.niks[0] })).rejects.toMatchObject({ code: 'functions/not-found' });
    await expect(find(kepahiangOperator, { by: 'kk', number: inRejangLebong.kkNumber })).rejects.toMatchObject({ code: 'functions/not-found' });
    await expect(find(kepahiangOperator, { by: 'nik', number: inRejangLebong.niks[0] })).rejects.toMatchObject({ code: 'functions/not-found' });
  });

  it('every lookup is audited, found or not, with the searched number masked and never a NIK', async () => {
    const h = await seedHousehold(DESA.other);
    const before = (await lookups(toOperator.uid)).length;
    await find(toOperator, { by: 'nik', number: h.niks[0] });
    await find(toOperator, { by: 'kk', number: h.kkNumber }).catch(() => undefined);
    const missing = uniqueKk();
    await find(toOperator, { by: 'kk', number: missing }).catch(() => undefined);
    const entries = await lookups(toOperator.uid);
    expect(entries).toHaveLength(before + 3);
    const found = entries.filter((e) => e.target.id === h.id);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ actorRole: 'operator', kabupatenCode: KABUPATEN, desaCode: DESA.other.desa, target: { collection: 'households' } });
    expect(found.map((e) => e.summary).join(' ')).toContain(maskNik(h.niks[0]!));
    const miss = entries.find((e) => String(e.summary).includes(maskNik(missing)))!;
    expect(miss).toMatchObject({ target: { collection: 'users', id: toOperator.uid }, desaCode: DESA.derati.desa });
    expect(miss.summary).toContain('pindah.not_found');
    const all = JSON.stringify(entries);
    for (const n of [...h.niks, h.kkNumber, missing]) expect(all).not.toContain(n);
    // The Dinas of the kabupaten reads these entries (the rules let it), the operator does not.
    const dinasView = await getDocs(
      query(collection(verifikator.db, 'auditLog'), where('kabupatenCode', '==', KABUPATEN), where('action', '==', 'keluarga.dicari_pindah_masuk')),
    );
    expect(dinasView.size).toBeGreaterThanOrEqual(3);
  });
});

describe('malformed lookups', () => {
  const RUNS = Number(process.env.TEPAT_BAD_INPUT_RUNS ?? 300);

  it(`${RUNS} random payloads are refused clearly; only well-formed lookups are audited`, async () => {
    const before = (await lookups(toOperator.uid)).length;
    let wellFormed = 0;
    // Numbers shaped like a KK or NIK (region, date, serial), some valid, some not, some typed in groups.
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const plausible = fc
      .tuple(
        fc.constantFrom('170206', '170211', '170801', '110101', '000000'),
        fc.integer({ min: 0, max: 73 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
      )
      .map(([region, d, m, y, serial, grouped]) => {
        const digits = `${region}${pad(d, 2)}${pad(m, 2)}${pad(y, 2)}${pad(serial, 4)}`;
        return grouped ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') : digits;
      });
    const payload = fc
      .oneof(
        fc.jsonValue(),
        // Near misses: a kind and a number shaped like one.
        fc.record({ by: fc.constantFrom('kk', 'nik'), number: plausible }),
        fc.record(
          {
            by: fc.oneof(fc.constantFrom('kk', 'nik', 'KK', ''), fc.string()),
            number: fc.oneof(
              plausible,
              plausible,
              fc.stringMatching(/^\d{16}$/),
              fc.stringMatching(/^[\d .-]{0,30}$/),
              fc.string({ maxLength: 60 }),
              fc.integer(),
              fc.constant(null),
            ),
          },
          { requiredKeys: [] },
        ),
      )
      .map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const ok = parseTransferLookup(data, new Date()).ok;
        if (ok) wellFormed += 1;
        const err = (await find(toOperator, data).then(
          () => undefined,
          (e: unknown) => e,
        )) as { code?: string; message?: string } | undefined;
        expect(err, 'a random lookup found a household').toBeDefined();
        expect(err!.code).toBe(ok ? 'functions/not-found' : 'functions/invalid-argument');
        expect(err!.message).toMatch(/^[A-Z][^\n]{5,200}$/);
        expect(err!.message).not.toMatch(/internal|undefined|TypeError|ZodError|stack/i);
      }),
      { numRuns: RUNS },
    );
    expect(wellFormed, 'some payloads were well-formed lookups').toBeGreaterThan(0);
    expect((await lookups(toOperator.uid)).length).toBe(before + wellFormed);
  });
});

describe('the whole transfer: found, proposed, approved, applied', () => {
  it('the operator of Derati finds a Taba Anyar household, proposes pindah masuk with the answer, and after approval it is in Derati with its members', async () => {
    const content = household({ kkNumber: uniqueKk() });
    personalNumbers.push(...content.members.flatMap((m) => (m.nik ? [m.nik] : [])));
    const added = await recordAndSubmit(fromOperator, DESA.other, [{ type: 'baru', household: content }], meeting());
    await validated(added.refs[0]!);
    await approve(verifikator, kadis, added.refs[0]!.id);
    const id = (await settled(added.refs[0]!)).outcome!.householdId!;

    const [found] = (await find(toOperator, { by: 'kk', number: content.kkNumber })).households;
    expect(found).toMatchObject({ householdId: id, fromDesaCode: DESA.other.desa, headName: 'Sutrisno', memberCount: 3 });

    const { refs } = await recordAndSubmit(
      toOperator,
      DESA.derati,
      [{ ...usulanContent.pindahMasuk(found!.householdId, found!.fromDesaCode), address: 'Dusun III RT 02, Derati' }],
      meeting(),
    );
    const v = await validated(refs[0]!);
    expect(v.validation?.errors).toEqual([]);
    await approve(verifikator, kadis, refs[0]!.id);
    expect(await settled(refs[0]!)).toMatchObject({ status: 'diterapkan', outcome: { householdId: id } });

    const h = (await adminDb().collection('households').doc(id).get()).data()!;
    expect(h).toMatchObject({
      desaCode: DESA.derati.desa,
      kecamatanCode: DESA.derati.kecamatan,
      address: 'Dusun III RT 02, Derati',
      memberCount: 3,
      status: 'aktif',
    });
    // Every member moved with the household, and Derati's operator now reads them; Taba Anyar's no longer does.
    const members = (await adminDb().collection('households').doc(id).collection('members').get()).docs.map((d) => d.data() as MemberDoc<unknown>);
    expect(members.map((m) => m.name).sort()).toEqual(['Dimas', 'Rahmawati', 'Sutrisno']);
    expect(members.every((m) => m.desaCode === DESA.derati.desa)).toBe(true);
    const readable = (u: ClientUser, desa: string) => getDocs(query(collection(u.db, 'households', id, 'members'), where('desaCode', '==', desa)));
    expect((await readable(toOperator, DESA.derati.desa)).size).toBe(3);
    expect((await readable(fromOperator, DESA.other.desa)).size).toBe(0);

    // Searching again: the family is Derati's now, so Derati needs no transfer, and Taba Anyar would find it in Derati.
    await expect(find(toOperator, { by: 'kk', number: content.kkNumber })).rejects.toMatchObject({ details: { code: 'pindah.same_desa' } });
    expect((await find(fromOperator, { by: 'nik', number: content.members[0]!.nik! })).households).toEqual([
      expect.objectContaining({ householdId: id, fromDesaCode: DESA.derati.desa, fromDesaName: 'Derati' }),
    ]);
  });

  it('no NIK or KK number searched in this file reaches the function logs (UU PDP 27/2022)', async () => {
    const logPath = process.env.TEPAT_EMULATOR_LOG;
    expect(logPath, 'run through .scripts/emulators.mjs, which keeps the emulator log').toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    const log = readFileSync(logPath!, 'utf8');
    expect(log).toContain('transfer household lookup');
    for (const n of personalNumbers) expect(log.includes(n), 'a NIK or KK number used in this test appears in the emulator log').toBe(false);
  });
});
