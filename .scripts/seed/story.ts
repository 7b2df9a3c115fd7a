/**
 * The second half of `npm run demo:data`: the life of the register, played by the demo people
 * through the product's own paths, so that every demo account finds work on first sign-in. The
 * operators sign in with the JS SDK (the security rules apply) and write musyawarah, usulan, verval
 * and sticker reports as the portal writes them; the Dinas decides and exports through the
 * callables; the Functions emulator's triggers validate, apply, summarise, close and count, as in
 * production. Nothing here writes a result by hand: the script only waits for the triggers.
 *
 * Runs inside `firebase emulators:exec` with auth, firestore and functions, on the register that
 * the first half (people-and-register.ts) left. At the end it checks that the statistics the triggers kept
 * equal a reconciliation over the data, then lets the nightly reconciliation store the likely
 * duplicates it alone counts, as it would that night.
 */
import { collection, doc, serverTimestamp, setDoc, Timestamp as ClientTimestamp } from 'firebase/firestore';
import type { DocumentReference as ClientRef } from 'firebase/firestore';
import type { Firestore } from 'firebase-admin/firestore';
import type { HouseholdProposal, Meeting, UsulanContent } from '../../functions/src/domain/index.js';
import type { Usulan } from './flow.js';
import { stickerReport, vervalReport } from '../../web/src/lib/operator/documents.js';

process.env.GCLOUD_PROJECT = 'demo-tepat';

const { adminDb, useFunctionsInProcess } = await import('./admin.js');
const { signInClient } = await import('./client.js');
const { DEMO_PASSWORD, DESA, KABUPATEN } = await import('./demo.js');
const { nikFor } = await import('./nik.js');
const { decide, recordAndSubmit, recordDraft } = await import('./flow.js');
const { isoDateOn } = await import('../../functions/src/domain/index.js');
const { httpsCallable } = await import('firebase/functions');
useFunctionsInProcess();
const { recomputeKabupaten, reconcileKabupaten } = await import('../../functions/src/reconcile-statistics.js');
const { driftBetween, readTally } = await import('../../functions/src/domain/index.js');

const db: Firestore = adminDb();
const now = new Date();
const daysAgo = (n: number) => isoDateOn(new Date(now.getTime() - n * 86_400_000));

function log(line: string): void {
  console.log(`[demo] ${line}`);
}

/** Polls a document (admin view) until `done` holds; the triggers take a second or two each here. */
async function waitFor(
  path: string,
  what: string,
  done: (d: Record<string, unknown> | undefined) => boolean,
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const data = (await db.doc(path).get()).data();
    if (done(data)) return data!;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${path} to be ${what}; last: ${JSON.stringify(data)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const validated = (ref: ClientRef<Usulan>) => waitFor(ref.path, 'validated', (d) => d?.validation != null);
const final = (ref: ClientRef<Usulan>) => waitFor(ref.path, 'applied or refused', (d) => d?.status === 'diterapkan' || d?.status === 'ditolak');

interface RegisterHousehold {
  id: string;
  status: string;
  desil: number | null;
  memberCount: number;
  kkNumber: string;
  address: string;
  headName: string;
  staleness: { level: string };
}

/** Households of a desa as the generated register left them, in id order (deterministic for a seed). */
async function householdsOf(desa: string): Promise<RegisterHousehold[]> {
  const snap = await db.collection('households').where('desaCode', '==', desa).get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<RegisterHousehold, 'id'>) })).sort((a, b) => a.id.localeCompare(b.id));
}

interface StoredMember {
  nik: string | null;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relationship: HouseholdProposal['members'][number]['relationship'];
  status: string;
}

/** An aktif household whose members all carry a valid NIK (a perbaikan must resend them all). */
async function withCleanMembers(list: RegisterHousehold[], used: Set<string>): Promise<{ h: RegisterHousehold; members: StoredMember[] }> {
  const { checkMemberNik } = await import('../../functions/src/domain/index.js');
  for (const h of list) {
    if (used.has(h.id) || h.status !== 'aktif' || h.staleness.level !== 'ok') continue;
    const members = (await db.collection(`households/${h.id}/members`).get()).docs.map((d) => d.data() as StoredMember).filter((m) => m.status === 'aktif');
    if (members.length < 2 || members.length > 5) continue;
    if (members.every((m) => m.nik && checkMemberNik(m, now, 'nik').errors.length === 0)) {
      used.add(h.id);
      return { h, members };
    }
  }
  throw new Error('no household with clean members found for the demo story');
}

function pickAktif(list: RegisterHousehold[], used: Set<string>, predicate: (h: RegisterHousehold) => boolean = () => true): RegisterHousehold {
  const h = list.find((x) => !used.has(x.id) && x.status === 'aktif' && x.staleness.level === 'ok' && predicate(x));
  if (!h) throw new Error('no suitable aktif household for the demo story');
  used.add(h.id);
  return h;
}

function meetingAt(place: string, chair: string, type: Meeting['type'], date: string, attendees: number, poor: number, notes = ''): Meeting {
  return { type, date, place, chair, attendees, bpdPresent: true, poorHouseholdRepresentatives: poor, notes };
}

/** A new family of the desa's kecamatan: head, spouse, children without NIK yet where young. */
function newFamily(
  kk: string,
  address: string,
  kecamatan: string,
  people: [string, 'L' | 'P', string, HouseholdProposal['members'][number]['relationship']][],
  desil: number,
): HouseholdProposal {
  return {
    kkNumber: kk,
    address,
    desil,
    members: people.map(([name, sex, birthDate, relationship]) => {
      const young = birthDate > '2010-01-01';
      return { nik: young ? null : nikFor(birthDate, sex, kecamatan), name, sex, birthDate, relationship, ...(young ? { school: 'sd' as const } : {}) };
    }),
  };
}

const used = new Set<string>();
const [derati, sambirejo, talangBenih, tabaAnyar] = await Promise.all([
  householdsOf(DESA.derati.desa),
  householdsOf(DESA.sambirejo.desa),
  householdsOf(DESA.talangBenih.desa),
  householdsOf(DESA.other.desa),
]);

const signIn = (name: string) => signInClient(`${name}@tepat.test`, DEMO_PASSWORD);
const [opDerati, opSambirejo, opTalangBenih, verifikator, kadis] = await Promise.all([
  signIn('operator.derati'),
  signIn('operator.sambirejo'),
  signIn('operator.talangbenih'),
  signIn('verifikator.rejanglebong'),
  signIn('kadis.rejanglebong'),
]);

async function decideAll(user: typeof verifikator, musyawarahId: string, decision: 'setujui' | 'tolak', note = ''): Promise<void> {
  await httpsCallable(user.functions, 'decideUsulan')({ musyawarahId, decision, note });
}

// ── Desa Derati: a musyawarah closed a month ago (baru, perbaikan, keluar — all applied) ────────────
{
  const fixed = await withCleanMembers(derati, used);
  const leaving = pickAktif(derati, used, (h) => h.memberCount <= 2);
  const perbaikan: HouseholdProposal = {
    kkNumber: fixed.h.kkNumber,
    address: `${fixed.h.address} (depan masjid)`,
    desil: fixed.h.desil ?? 3,
    members: [
      ...fixed.members.map((m) => ({ nik: m.nik, name: m.name, sex: m.sex, birthDate: m.birthDate, relationship: m.relationship })),
      { nik: null, name: 'Bayi Ny. ' + fixed.members[0]!.name.split(' ')[0], sex: 'P' as const, birthDate: daysAgo(60), relationship: 'anak' as const },
    ],
  };
  const contents: UsulanContent[] = [
    {
      type: 'baru',
      household: newFamily(
        '1702061503180011',
        'Dusun II RT 03, Derati',
        '170206',
        [
          ['Ahmad Fauzi', 'L', '1989-05-14', 'kepala_keluarga'],
          ['Siti Aminah', 'P', '1992-08-23', 'istri'],
          ['Rizky Fauzi', 'L', '2017-02-11', 'anak'],
        ],
        2,
      ),
    },
    { type: 'perbaikan', householdId: fixed.h.id, household: perbaikan, note: 'Alamat diperjelas; anak yang baru lahir ditambahkan' },
    {
      type: 'keluar',
      householdId: leaving.id,
      reason: 'meninggal',
      memberIds: [],
      note: 'Kepala keluarga meninggal dunia; tidak ada anggota yang tersisa di rumah',
    },
  ];
  const m = await recordAndSubmit(
    opDerati,
    DESA.derati,
    contents,
    meetingAt('Balai Desa Derati', 'Kepala Desa Derati', 'musdesus', daysAgo(30), 38, 7, 'Musdesus pemutakhiran DTSEN bulan lalu'),
  );
  await Promise.all(m.refs.map(validated));
  await decideAll(verifikator, m.musyawarahId, 'setujui', 'Sesuai berita acara');
  await decideAll(kadis, m.musyawarahId, 'setujui', 'Disahkan');
  await Promise.all(m.refs.map(final));
  await waitFor(`musyawarah/${m.musyawarahId}`, 'selesai', (d) => d?.status === 'selesai');
  log(`Derati: musyawarah ${m.musyawarahId} approved, applied and closed (baru, perbaikan, keluar).`);
}

// ── Desa Derati: a musyawarah submitted three days ago, waiting for the verifikator ─────────────────
{
  const elsewhere = (
    await db
      .collection('households')
      .doc(sambirejo.find((h) => h.status === 'aktif')!.id)
      .collection('members')
      .get()
  ).docs
    .map((d) => d.data() as StoredMember)
    .find((x) => x.nik && x.status === 'aktif')!;
  const moving = pickAktif(derati, used);
  const wrongBirth = nikFor('1979-12-03', 'L', '170206'); // the NIK says 3 December 1979…
  const contents: UsulanContent[] = [
    {
      type: 'baru',
      household: newFamily(
        '1702061503190023',
        'Dusun I RT 01, Derati',
        '170206',
        [
          ['Wahyu Hidayat', 'L', '1994-01-09', 'kepala_keluarga'],
          ['Nur Halimah', 'P', '1996-06-30', 'istri'],
        ],
        1,
      ),
    },
    {
      type: 'baru',
      household: {
        kkNumber: '1702061503190031',
        address: 'Dusun III RT 02, Derati',
        desil: 2,
        // …but the operator typed 1979-12-13: the validation says the NIK and the birth date disagree.
        members: [{ nik: wrongBirth, name: 'Joko Susilo', sex: 'L', birthDate: '1979-12-13', relationship: 'kepala_keluarga' }],
      },
    },
    {
      type: 'baru',
      household: {
        kkNumber: '1702061503190048',
        address: 'Dusun II RT 01, Derati',
        desil: 3,
        // Already in the register, in Desa Sambirejo: one NIK, one person in the whole register.
        members: [{ nik: elsewhere.nik, name: elsewhere.name, sex: elsewhere.sex, birthDate: elsewhere.birthDate, relationship: 'kepala_keluarga' }],
      },
    },
    { type: 'keluar', householdId: moving.id, reason: 'pindah', memberIds: [], note: 'Sekeluarga pindah ke Kabupaten Lebong' },
  ];
  const m = await recordAndSubmit(opDerati, DESA.derati, contents, meetingAt('Balai Desa Derati', 'Kepala Desa Derati', 'musdesus', daysAgo(3), 41, 9));
  const results = await Promise.all(m.refs.map(validated));
  log(`Derati: musyawarah ${m.musyawarahId} submitted; validation: ${results.map((r) => r.status).join(', ')}.`);
}

// ── Desa Derati: field work — verval visits and a sticker ───────────────────────────────────────────
async function fieldReports(
  user: typeof opDerati,
  desa: { desa: string; kabupaten: string },
  list: RegisterHousehold[],
  visits: number,
  stickers: number,
): Promise<void> {
  const reporter = { uid: user.uid, claims: desa };
  // A frozen household first: the visit is what lifts a data beku.
  const frozen = list.filter((h) => h.status === 'beku' && !used.has(h.id)).slice(0, 1);
  const warned = list.filter((h) => h.status === 'aktif' && h.staleness.level !== 'ok' && !used.has(h.id));
  const targets = [...frozen, ...warned].slice(0, visits);
  for (const [i, h] of targets.entries()) {
    used.add(h.id);
    const ref = doc(collection(user.db, `households/${h.id}/verval`));
    const input =
      i % 2 === 0
        ? { result: 'sesuai' as const, note: 'Keluarga ditemui di rumah; data sesuai' }
        : { result: 'diperbaiki' as const, note: 'Alamat RT diperbarui saat kunjungan' };
    await setDoc(ref, vervalReport(reporter, input, ClientTimestamp.fromDate(new Date(now.getTime() - (i + 1) * 3_600_000)), serverTimestamp()));
    await waitFor(ref.path, 'applied', (d) => d?.outcome != null);
  }
  const stickered = list.filter((h) => h.status === 'aktif' && !used.has(h.id) && (h.desil ?? 9) <= 2).slice(0, stickers);
  for (const h of stickered) {
    used.add(h.id);
    const ref = doc(collection(user.db, `households/${h.id}/stickers`));
    await setDoc(ref, stickerReport(reporter, { installedOn: daysAgo(2), by: 'Pendamping PKH Kecamatan' }, serverTimestamp()));
    await waitFor(ref.path, 'applied', (d) => d?.outcome != null);
  }
  log(`${desa.desa}: ${targets.length} verval and ${stickered.length} sticker reports applied.`);
}
await fieldReports(opDerati, DESA.derati, derati, 3, 2);

// ── Desa Sambirejo: verified by the verifikator, waiting for the kadis; and a draft ─────────────────
{
  const suspended = sambirejo.find((h) => h.status === 'ditangguhkan' && !used.has(h.id));
  const mampu = pickAktif(sambirejo, used, (h) => (h.desil ?? 0) >= 4);
  const contents: UsulanContent[] = [
    {
      type: 'baru',
      household: newFamily(
        '1702111503170052',
        'Dusun IV RT 02, Sambirejo',
        '170211',
        [
          ['Suparman', 'L', '1975-03-17', 'kepala_keluarga'],
          ['Painem', 'P', '1978-10-04', 'istri'],
          ['Dewi Lestari', 'P', '2012-07-21', 'anak'],
        ],
        1,
      ),
    },
    { type: 'keluar', householdId: mampu.id, reason: 'mampu', memberIds: [], note: 'Sudah membuka warung dan memiliki sepeda motor baru' },
  ];
  if (suspended) {
    used.add(suspended.id);
    contents.push({
      type: 'reaktivasi',
      householdId: suspended.id,
      suratPernyataan: { documentId: 'dok/sp-sambirejo-001', date: daysAgo(12) },
      baKlarifikasi: { documentId: 'dok/ba-sambirejo-001', date: daysAgo(11), signedBy: ['kpm', 'pendamping', 'kadinsos'] },
    });
  }
  const m = await recordAndSubmit(
    opSambirejo,
    DESA.sambirejo,
    contents,
    meetingAt('Balai Desa Sambirejo', 'Kepala Desa Sambirejo', 'musdesus', daysAgo(10), 35, 8),
  );
  await Promise.all(m.refs.map(validated));
  await decideAll(verifikator, m.musyawarahId, 'setujui', 'Berkas lengkap; diteruskan ke Kepala Dinas');
  for (const r of m.refs) await waitFor(r.path, 'verified', (d) => d?.status === 'diverifikasi' || d?.status === 'tidak_lolos_validasi');
  log(`Sambirejo: musyawarah ${m.musyawarahId} verified, waiting for the kadis (${contents.length} usulan${suspended ? ', one reaktivasi' : ''}).`);

  const draft = await recordDraft(
    opSambirejo,
    DESA.sambirejo,
    [
      {
        type: 'baru',
        household: newFamily(
          '1702111503200064',
          'Dusun I RT 03, Sambirejo',
          '170211',
          [
            ['Sri Mulyani', 'P', '1983-09-12', 'kepala_keluarga'],
            ['Andi Saputra', 'L', '2015-04-02', 'anak'],
          ],
          1,
        ),
      },
    ],
    meetingAt('Balai Desa Sambirejo', 'Kepala Desa Sambirejo', 'musdesus', daysAgo(0), 29, 6, 'Belum diajukan: menunggu tanda tangan BPD'),
  );
  log(`Sambirejo: draft musyawarah ${draft.musyawarahId} left for the operator to finish.`);
}
await fieldReports(opSambirejo, DESA.sambirejo, sambirejo, 2, 1);

// ── Kelurahan Talang Benih: a muskelsus closed with a family moved in and one usulan refused ────────
{
  const from = tabaAnyar.find((h) => h.status === 'aktif' && !used.has(h.id))!;
  used.add(from.id);
  const notFound = pickAktif(talangBenih, used);
  const contents: UsulanContent[] = [
    {
      type: 'pindah_masuk',
      householdId: from.id,
      fromDesaCode: DESA.other.desa,
      address: 'Jl. Merdeka Gg. Mawar No. 7, Talang Benih',
      note: 'Pindah karena pekerjaan di Curup',
    },
    {
      type: 'baru',
      household: newFamily(
        '1702091503160075',
        'Jl. Sukowati RT 05, Talang Benih',
        '170209',
        [
          ['Hendra Gunawan', 'L', '1986-11-28', 'kepala_keluarga'],
          ['Yuliana', 'P', '1990-02-15', 'istri'],
          ['Putri Gunawan', 'P', '2014-05-09', 'anak'],
        ],
        2,
      ),
    },
    { type: 'keluar', householdId: notFound.id, reason: 'tidak_ditemukan', memberIds: [], note: 'Tidak ditemukan di alamat saat pendataan' },
  ];
  const m = await recordAndSubmit(
    opTalangBenih,
    DESA.talangBenih,
    contents,
    meetingAt('Aula Kelurahan Talang Benih', 'Lurah Talang Benih', 'muskelsus', daysAgo(20), 44, 10),
  );
  await Promise.all(m.refs.map(validated));
  await decide(verifikator, { usulanId: m.refs[2]!.id, decision: 'tolak', note: 'Tetangga menyatakan keluarga masih tinggal di sana; lakukan verval ulang' });
  await decideAll(verifikator, m.musyawarahId, 'setujui', 'Sesuai');
  await decideAll(kadis, m.musyawarahId, 'setujui', 'Disahkan');
  await Promise.all(m.refs.map(final));
  await waitFor(`musyawarah/${m.musyawarahId}`, 'selesai', (d) => d?.status === 'selesai');
  log(`Talang Benih: muskelsus ${m.musyawarahId} closed (pindah masuk and baru applied, keluar refused).`);

  const waiting = await recordAndSubmit(
    opTalangBenih,
    DESA.talangBenih,
    [
      {
        type: 'baru',
        household: newFamily(
          '1702091503210086',
          'Jl. Dr. AK Gani RT 02, Talang Benih',
          '170209',
          [
            ['Rudi Hartono', 'L', '1991-07-19', 'kepala_keluarga'],
            ['Fitri Handayani', 'P', '1993-12-01', 'istri'],
          ],
          1,
        ),
      },
    ],
    meetingAt('Aula Kelurahan Talang Benih', 'Lurah Talang Benih', 'muskelsus', daysAgo(1), 31, 7),
  );
  await Promise.all(waiting.refs.map(validated));
  log(`Talang Benih: muskelsus ${waiting.musyawarahId} submitted, waiting for the verifikator.`);
}
await fieldReports(opTalangBenih, DESA.talangBenih, talangBenih, 2, 1);

// ── The Dinas forwards to the ministry: two past exports ────────────────────────────────────────────
{
  const exportRegister = (user: typeof verifikator, data: Record<string, unknown>) =>
    httpsCallable(user.functions, 'exportRegister', { timeout: 300_000 })(data);
  await exportRegister(verifikator, { kind: 'bnba', scope: { level: 'desa', code: DESA.derati.desa }, format: 'csv' });
  await exportRegister(kadis, { kind: 'perubahan', scope: { level: 'kabupaten', code: KABUPATEN }, format: 'xlsx', since: daysAgo(31) });
  log('Dinas: BNBA of Derati (CSV) and the kabupaten changes (XLSX) exported.');
}

await Promise.all([opDerati, opSambirejo, opTalangBenih, verifikator, kadis].map((u) => u.close()));

// ── The statistics the triggers kept must equal a reconciliation over the data ──────────────────────
// The statistics triggers run after the writes above; wait until two passes in a row agree.
let drift: string[] = [];
for (let attempt = 0; attempt < 60; attempt++) {
  await new Promise((r) => setTimeout(r, 2000));
  const r = await recomputeKabupaten(KABUPATEN);
  drift = [...r.scopes.keys()].flatMap((id) =>
    driftBetween(readTally(r.stored.get(id)?.data().counts), r.counts.get(id) ?? {}).map((d) => `${id}: ${d.field} kept ${d.stored} vs ${d.actual}`),
  );
  if (drift.length === 0) break;
}
if (drift.length > 0) {
  console.error(`[demo] the statistics kept by the triggers differ from a reconciliation:\n  ${drift.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
const reconciled = await reconcileKabupaten(KABUPATEN);
log(
  `statistics: the triggers' counts equal a reconciliation; the nightly reconciliation stored ${reconciled.documents} documents (${reconciled.drifted} drifted).`,
);
