import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { SUBMITTED_USULAN_STATUSES, type UsulanContent } from '../../../functions/src/domain/index.js';
import * as portal from '../../../web/src/lib/operator/documents.js';
import { contentUpdate } from '../../../web/src/lib/operator/usulan/correction.js';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import { household, usulanContent } from '../../support/factories.js';
import {
  ACTORS,
  ALLOW,
  allowed,
  as,
  deactivatedProfile,
  DENY,
  denied,
  DERATI,
  describeListScoping,
  describeMatrix,
  newMusyawarah,
  newUsulan,
  OPERATOR_UID,
  PAST,
  seed,
  storedMusyawarah,
  storedUsulan,
  tampered,
  unseed,
  without,
  wilayahQuery,
} from './support.js';

const M = 'musyawarah/m1';
const U = 'usulan/u1';
// The portal's own updates (web/src/lib/operator/documents.ts): a draft's content corrected, a submission, a take-back.
const edit = () => portal.correctedContent(contentUpdate({ type: 'baru', household: household({ desil: 3 }) }), serverTimestamp(), deleteField());
const submit = () => portal.submission(serverTimestamp());
const takeBack = () => portal.takeBack(serverTimestamp());
const aMember = () => household().members[0]!;

/** usulan: drafts written by the desa's operator; decided by the kabupaten's dinas through functions only. */
export function usulanRules(): void {
  describe('usulan', () => {
    beforeEach(async () => seed({ [M]: storedMusyawarah('draft'), [U]: storedUsulan('m1', 'draft') }));

    describeMatrix(
      'usulan',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, ALLOW, ALLOW, ALLOW, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        // A draft is the village's own work: the dinas sees it once submitted (see below).
        verifikator: [DENY, DENY, DENY, DENY, DENY],
        kadis: [DENY, DENY, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [DENY, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, U)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'usulan', actor)),
        create: (db, actor) => setDoc(doc(db, 'usulan/u2'), newUsulan('m1', actor.uid ?? OPERATOR_UID)),
        update: (db) => updateDoc(doc(db, U), edit()),
        delete: (db) => deleteDoc(doc(db, U)),
      },
    );

    describeListScoping('usulan', [where('status', 'in', SUBMITTED_USULAN_STATUSES)]);

    it('the dinas reads a submitted usulan, never a draft', async () => {
      await seed({ 'usulan/u3': storedUsulan('m1', 'diajukan') });
      for (const who of ['verifikator', 'kadis'] as const) {
        await allowed(getDoc(doc(as(who), 'usulan/u3')));
        await denied(getDoc(doc(as(who), U)));
        await denied(getDocs(query(collection(as(who), 'usulan'), where('kabupatenCode', '==', KABUPATEN), where('status', '==', 'draft'))));
      }
    });

    // Usulan hold raw NIK (a household's members): like members, read only with an active profile.
    describe('an account whose claims outlive it reads no usulan', () => {
      beforeEach(async () => seed({ 'usulan/u3': storedUsulan('m1', 'diajukan') }));

      it('the operator, deactivated, with its ID token still carrying the claims', async () => {
        await seed({ [`users/${OPERATOR_UID}`]: deactivatedProfile('operator') });
        await denied(getDoc(doc(as('operator'), U)));
        await denied(getDocs(wilayahQuery(as('operator'), 'usulan', ACTORS.operator)));
      });

      it.each(['verifikator', 'kadis'] as const)('the %s, deactivated, with its ID token still carrying the claims', async (name) => {
        await seed({ [`users/${ACTORS[name].uid}`]: deactivatedProfile(name) });
        await denied(getDoc(doc(as(name), 'usulan/u3')));
        await denied(getDocs(query(collection(as(name), 'usulan'), where('kabupatenCode', '==', KABUPATEN), where('status', 'in', SUBMITTED_USULAN_STATUSES))));
      });

      it.each(['operator', 'verifikator'] as const)('the %s, with claims but no profile', async (name) => {
        await unseed(`users/${ACTORS[name].uid}`);
        await denied(getDoc(doc(as(name), 'usulan/u3')));
      });

      it('an active verifikator still reads it (the profile is the one manageUser wrote)', async () => {
        await allowed(getDoc(doc(as('verifikator'), 'usulan/u3')));
      });
    });

    it("the portal's queries are allowed: a musyawarah's usulan for its operator, the kabupaten's for dinas", async () => {
      await allowed(getDocs(query(collection(as('operator'), 'usulan'), where('desaCode', '==', DERATI), where('musyawarahId', '==', 'm1'))));
      for (const who of ['verifikator', 'kadis'] as const) {
        await allowed(
          getDocs(
            query(
              collection(as(who), 'usulan'),
              where('kabupatenCode', '==', KABUPATEN),
              where('status', 'in', SUBMITTED_USULAN_STATUSES),
              orderBy('updatedAt', 'desc'),
              limit(200),
            ),
          ),
        );
        await allowed(getDocs(query(collection(as(who), 'usulan'), where('kabupatenCode', '==', KABUPATEN), where('status', '==', 'diajukan'))));
      }
    });

    it('a musyawarah’s usulan cannot be listed by musyawarahId alone', async () => {
      await denied(getDocs(query(collection(as('operator'), 'usulan'), where('musyawarahId', '==', 'm1'))));
    });

    describe('create: a valid draft of a draft musyawarah of the same desa', () => {
      const create = (data: object) => setDoc(doc(as('operator'), 'usulan/u2'), data);

      it('the portal creates a musyawarah and its usulan in one batch', async () => {
        const db = as('operator');
        const batch = writeBatch(db);
        batch.set(doc(db, 'musyawarah/m2'), newMusyawarah());
        batch.set(doc(db, 'usulan/u2'), newUsulan('m2'));
        batch.set(doc(db, 'usulan/u3'), newUsulan('m2', OPERATOR_UID, { household: household({ kkNumber: '1702061203150008' }) }));
        await allowed(batch.commit());
      });

      it.each([
        ['a household of 30 members', { members: Array.from({ length: 30 }, aMember) }],
        ['a household of one member', { members: [aMember()] }],
        ['desil 1', { desil: 1 }],
        ['desil 10', { desil: 10 }],
        ['the shortest address (3)', { address: 'RT2' }],
        ['the longest address (200)', { address: 'J'.repeat(200) }],
      ])('%s is accepted', async (_case, h) => {
        await allowed(create(newUsulan('m1', OPERATOR_UID, { household: household(h) })));
      });

      it('an usulan of a submitted musyawarah is refused', async () => {
        await seed({ [M]: storedMusyawarah('diajukan') });
        await denied(create(newUsulan('m1')));
      });

      it('an usulan of a musyawarah that does not exist is refused', async () => {
        await denied(create(newUsulan('missing')));
      });

      it('an usulan attached to another desa’s musyawarah is refused', async () => {
        await seed({ 'musyawarah/m-other': storedMusyawarah('draft', { desaCode: DESA.other.desa }) });
        await denied(create(newUsulan('m-other')));
      });

      it('in one batch, an usulan attached to a musyawarah created as already submitted is refused', async () => {
        const db = as('operator');
        const batch = writeBatch(db);
        batch.set(doc(db, 'musyawarah/m2'), newMusyawarah(OPERATOR_UID, { status: 'diajukan', submittedAt: serverTimestamp() }));
        batch.set(doc(db, 'usulan/u2'), newUsulan('m2'));
        await denied(batch.commit());
      });

      it.each([
        ['a submitted status', { status: 'diajukan', submittedAt: serverTimestamp() }],
        ['a final status', { status: 'disetujui' }],
        ['a draft stamped as submitted', { submittedAt: serverTimestamp() }],
        ['another desa’s code', { desaCode: DESA.other.desa }],
        ['another kecamatan code', { kecamatanCode: '17.02.07' }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['createdAt in the past', { createdAt: PAST }],
        ['updatedAt from the client’s clock', { updatedAt: Timestamp.now() }],
        ['someone else as author', { createdBy: 'op-other' }],
        ['an unknown field', { priority: 'tinggi' }],
        ['another usulan type', { type: 'keluar' }],
        ['an unknown type', { type: 'hapus_semua' }],
        ['a validation result', { validation: { ok: true, errors: [], warnings: [], checkedAt: PAST, forSubmission: 0 } }],
        ['a decision', { decisions: [{ decision: 'setujui', from: 'diajukan', to: 'disetujui', note: '', by: 'op-derati', role: 'operator', at: PAST }] }],
        ['decisions that are not a list', { decisions: null }],
        ['an outcome', { outcome: { householdId: 'h1', reasons: [], at: PAST } }],
        ['a household that is not a map', { household: '1702061203150007' }],
        ['a household with an unknown field', { household: { ...household(), verified: true } }],
        ['a household without its members', { household: without(household(), 'members') }],
        ['a KK number of 4 digits', { household: household({ kkNumber: '1702' }) }],
        ['a KK number as a number', { household: { ...household(), kkNumber: 1702061203150007 } }],
        ['an address of 2 letters', { household: household({ address: 'RT' }) }],
        ['an address of 201 letters', { household: household({ address: 'J'.repeat(201) }) }],
        ['an address as a number', { household: { ...household(), address: 12 } }],
        ['desil 0', { household: household({ desil: 0 }) }],
        ['desil 11', { household: household({ desil: 11 }) }],
        ['desil as a string', { household: { ...household(), desil: '4' } }],
        ['a fractional desil', { household: household({ desil: 4.5 }) }],
        ['no members', { household: household({ members: [] }) }],
        ['31 members', { household: household({ members: Array.from({ length: 31 }, aMember) }) }],
        ['members that are not a list', { household: { ...household(), members: { 0: aMember() } } }],
      ])('a create with %s is refused', async (_case, patch) => {
        await denied(create(tampered(newUsulan('m1'), patch)));
      });

      it.each(Object.keys(newUsulan('m1')))('a create without %s is refused', async (key) => {
        await denied(create(without(newUsulan('m1'), key)));
      });

      // Rules cannot loop over a list, so each of the 30 places a member may take is checked on its
      // own: a map of the member keys only, its values (no map, list or time among them) at most 200
      // characters together. What is inside the values (NIK digits, dates, the vocabularies, one
      // head) is the validation trigger's (memberSchema is strict).
      describe('each member of the household: a map of the member keys, of bounded size', () => {
        const full = (name = 'N'.repeat(100)) => ({
          ...aMember(),
          name,
          occupation: 'mengurus_rumah_tangga' as const,
          pregnant: false,
          disability: 'tidak_ada' as const,
          school: 'tidak_sekolah' as const,
          relationship: 'kepala_keluarga' as const,
        });
        const withMembers = (members: unknown[]) => newUsulan('m1', OPERATOR_UID, { household: { ...household(), members } });
        const at = (i: number, member: unknown) => Array.from({ length: 30 }, (_, j) => (j === i ? member : aMember()));

        it('30 members, each with every optional field and a name of 100 letters, are accepted', async () => {
          await allowed(create(withMembers(Array.from({ length: 30 }, () => full()))));
        });

        // The rules' limit of 1,000 expressions holds per document, not per batch.
        it('the portal creates a musyawarah with ten usulan of 30 such members in one batch', async () => {
          const db = as('operator');
          const batch = writeBatch(db);
          batch.set(doc(db, 'musyawarah/m2'), newMusyawarah());
          for (let i = 0; i < 10; i++) batch.set(doc(db, `usulan/b${i}`), { ...withMembers(Array.from({ length: 30 }, () => full())), musyawarahId: 'm2' });
          await allowed(batch.commit());
        });

        it('a member without NIK (null) is accepted', async () => {
          await allowed(create(withMembers([{ ...aMember(), nik: null }])));
        });

        it.each([
          ['an unknown field', { ...aMember(), gaji: 9_000_000 }],
          ['a name of 30 000 letters', { ...aMember(), name: 'N'.repeat(30_000) }],
          ['a name of 201 letters', { ...aMember(), name: 'N'.repeat(201) }],
          ['a name that is a map', { ...aMember(), name: { depan: 'Sutrisno' } }],
          ['a name that is a list', { ...aMember(), name: ['Sutrisno'] }],
          ['a birth date that is a time', { ...aMember(), birthDate: PAST }],
          ['values of 201 characters together', { ...full('N'.repeat(100)), relationship: 'R'.repeat(90) }],
          ['a line break in its name (it would count as another member)', { ...aMember(), name: 'Sutrisno\nBin Sukarjo' }],
        ])('a member with %s is refused', async (_case, member) => {
          await denied(create(withMembers([member])));
        });

        it.each([
          ['a name', 'Sutrisno'],
          ['a number', 7],
          ['null', null],
        ])('a member that is %s, not a map, is refused', async (_case, member) => {
          await denied(create(withMembers([member])));
        });

        it.each([1, 9, 10, 19, 20, 29])('the member at place %i is checked like the first', async (i) => {
          // Refused first: a create of u2 after an accepted one would be an update of it.
          await denied(create(withMembers(at(i, { ...aMember(), name: 'N'.repeat(30_000) }))));
          await denied(create(withMembers(at(i, { ...aMember(), gaji: 1 }))));
          await allowed(create(withMembers(at(i, full()))));
        });
      });
    });

    describe('update: edit a draft, submit it with its musyawarah, or take back a failed one', () => {
      const update = (data: Record<string, unknown>) => updateDoc(doc(as('operator'), U), data);

      it('a draft’s household is edited', async () => {
        await allowed(update(edit()));
      });

      it('the portal submits the musyawarah and its usulan in one batch', async () => {
        const db = as('operator');
        const batch = writeBatch(db);
        batch.update(doc(db, M), submit());
        batch.update(doc(db, U), submit());
        await allowed(batch.commit());
      });

      it('a draft usulan is submitted after its musyawarah was', async () => {
        await seed({ [M]: storedMusyawarah('diajukan') });
        await allowed(update(submit()));
      });

      it('a draft usulan cannot be submitted while its musyawarah is still a draft', async () => {
        await denied(update(submit()));
      });

      it('an usulan whose musyawarah is gone cannot be submitted', async () => {
        await seed({ 'usulan/u9': storedUsulan('missing', 'draft') });
        await denied(updateDoc(doc(as('operator'), 'usulan/u9'), submit()));
      });

      it.each([
        ['another desa’s code', { desaCode: DESA.other.desa }],
        ['another kecamatan code', { kecamatanCode: '17.02.07' }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['another musyawarah', { musyawarahId: 'm2' }],
        ['another author', { createdBy: 'op-other' }],
        ['a new createdAt', { createdAt: serverTimestamp() }],
        ['another type', { type: 'keluar' }],
        ['a validation result', { validation: { ok: true, errors: [], warnings: [], checkedAt: PAST, forSubmission: 0 } }],
        ['a decision', { decisions: [{ decision: 'setujui', from: 'diajukan', to: 'disetujui', note: '', by: 'op-derati', role: 'operator', at: PAST }] }],
        ['an outcome', { outcome: { householdId: 'h1', reasons: [], at: PAST } }],
        ['an unknown field', { priority: 'tinggi' }],
        ['its submission in the same write', { status: 'diajukan', submittedAt: serverTimestamp() }],
        ['the household removed', { household: deleteField() }],
        ['an invalid household', { household: household({ desil: 11 }) }],
      ])('an edit with %s is refused', async (_case, patch) => {
        await denied(update({ ...edit(), ...patch }));
      });

      it.each([
        ['updatedAt left as it was', { household: household({ desil: 3 }) }],
        ['updatedAt in the past', { household: household({ desil: 3 }), updatedAt: PAST }],
        ['updatedAt from the client’s clock', { household: household({ desil: 3 }), updatedAt: Timestamp.now() }],
      ])('an edit with %s is refused', async (_case, patch) => {
        await denied(update(patch));
      });

      it.each([
        ['a final status', { ...submit(), status: 'disetujui' }],
        ['status tidak_lolos_validasi', { ...submit(), status: 'tidak_lolos_validasi' }],
        ['submittedAt in the past', { ...submit(), submittedAt: PAST }],
        ['submittedAt left null', { status: 'diajukan', updatedAt: serverTimestamp() }],
        ['a validation result', { ...submit(), validation: { ok: true, errors: [], warnings: [], checkedAt: PAST, forSubmission: 0 } }],
      ])('a submission (with its musyawarah) with %s is refused', async (_case, patch) => {
        const db = as('operator');
        const batch = writeBatch(db);
        batch.update(doc(db, M), submit());
        batch.update(doc(db, U), patch);
        await denied(batch.commit());
      });

      it.each([
        ['edited', () => edit()],
        ['taken back to draft', () => ({ status: 'draft', submittedAt: null, updatedAt: serverTimestamp() })],
        ['given a final status', () => ({ status: 'disetujui', updatedAt: serverTimestamp() })],
        [
          'given a validation result',
          () => ({ validation: { ok: true, errors: [], warnings: [], checkedAt: PAST, forSubmission: 0 }, updatedAt: serverTimestamp() }),
        ],
      ])('once submitted it cannot be %s by the operator', async (_case, patch) => {
        await seed({ [M]: storedMusyawarah('diajukan'), [U]: storedUsulan('m1', 'diajukan') });
        await denied(update(patch()));
      });

      it.each([
        ['verifikator', 'diverifikasi'],
        ['kadis', 'disetujui'],
        ['kadis', 'ditolak'],
      ] as const)('the %s cannot decide by writing (status %s): decisions go through the callable', async (who, status) => {
        await seed({ [M]: storedMusyawarah('diajukan'), [U]: storedUsulan('m1', 'diajukan') });
        await denied(updateDoc(doc(as(who), U), { status, updatedAt: serverTimestamp() }));
      });

      it.each(['verifikator', 'kadis'] as const)('the %s cannot change a proposal’s content', async (who) => {
        await seed({ [M]: storedMusyawarah('diajukan'), [U]: storedUsulan('m1', 'diajukan') });
        await denied(updateDoc(doc(as(who), U), edit()));
      });

      describe('an usulan that failed validation', () => {
        beforeEach(async () => seed({ [M]: storedMusyawarah('diajukan'), [U]: storedUsulan('m1', 'tidak_lolos_validasi') }));

        it('is taken back to draft, corrected and submitted again', async () => {
          await allowed(update(takeBack()));
          await allowed(update(edit()));
          await allowed(update(submit()));
        });

        it.each([
          ['its validation result kept', { status: 'draft', submittedAt: null, updatedAt: serverTimestamp() }],
          ['its validation field deleted rather than cleared', { ...takeBack(), validation: deleteField() }],
          ['its submittedAt kept', { status: 'draft', validation: null, updatedAt: serverTimestamp() }],
          ['submittedAt set to now', { ...takeBack(), submittedAt: serverTimestamp() }],
          ['status diajukan instead of draft', { ...takeBack(), status: 'diajukan' }],
          ['a corrected household in the same write', { ...takeBack(), household: household({ desil: 3 }) }],
          ['updatedAt in the past', { ...takeBack(), updatedAt: PAST }],
          [
            'a decision added',
            { ...takeBack(), decisions: [{ decision: 'tolak', from: 'diajukan', to: 'ditolak', note: '', by: 'x', role: 'kadis', at: PAST }] },
          ],
        ])('is not taken back with %s', async (_case, patch) => {
          await denied(update(patch));
        });

        // What the portal's correction relies on (web/src/lib/operator/musyawarah/writes.ts,
        // resubmitUsulan): the three steps are separate writes, because one batch holding them is
        // refused: the later writes are judged against the usulan as stored (still tidak_lolos_validasi).
        it('is not taken back, corrected and submitted in one batch', async () => {
          const db = as('operator');
          const batch = writeBatch(db);
          batch.update(doc(db, U), takeBack());
          batch.update(doc(db, U), edit());
          batch.update(doc(db, U), submit());
          await denied(batch.commit());
        });

        it('is not taken back and corrected in one batch either', async () => {
          const db = as('operator');
          const batch = writeBatch(db);
          batch.update(doc(db, U), takeBack());
          batch.update(doc(db, U), edit());
          await denied(batch.commit());
        });

        it('once taken back, it is submitted alone while its musyawarah stays submitted', async () => {
          await allowed(update(takeBack()));
          await allowed(update(submit()));
        });

        it('once taken back, it cannot be submitted into a musyawarah that is no longer diajukan (selesai)', async () => {
          await allowed(update(takeBack()));
          await seed({ [M]: storedMusyawarah('selesai') });
          await denied(update(submit()));
        });

        it('cannot be taken back by the operator of another desa', async () => {
          await denied(updateDoc(doc(as('otherOperator'), U), takeBack()));
        });
      });

      it.each(['diajukan', 'diverifikasi', 'disetujui', 'ditolak', 'diterapkan'] as const)(
        'an usulan in status %s cannot be taken back to draft',
        async (status) => {
          await seed({ [M]: storedMusyawarah('diajukan'), [U]: storedUsulan('m1', status) });
          await denied(update(takeBack()));
        },
      );
    });

    describe('every usulan type: its own content keys, nothing else', () => {
      // Each type's content as the portal's builder writes it; the refused ones are not valid content, on purpose.
      const write = (content: Record<string, unknown>) =>
        setDoc(doc(as('operator'), 'usulan/u2'), newUsulan('m1', OPERATOR_UID, {}, content as unknown as UsulanContent));

      it.each([
        ['perbaikan', usulanContent.perbaikan()],
        ['keluar (seluruh keluarga, mampu)', usulanContent.keluar()],
        [
          'keluar (satu anggota meninggal, dengan bukti)',
          usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1'], evidence: { documentId: 'dok/akta-01', date: '2026-10-02' } }),
        ],
        ['keluar (ganda)', usulanContent.keluar('h1', { reason: 'ganda', duplicateOfHouseholdId: 'h9' })],
        ['keluar (pindah, desa tujuan diketahui)', usulanContent.keluar('h1', { reason: 'pindah', destinationDesaCode: '17.02.07.2001' })],
        ['reaktivasi', usulanContent.reaktivasi()],
        ['reaktivasi with a note', { ...usulanContent.reaktivasi(), note: 'Klarifikasi selesai' }],
        ['pindah masuk', usulanContent.pindahMasuk()],
        ['pindah masuk with a new KK', { ...usulanContent.pindahMasuk(), kkNumber: '1702061111260001' }],
      ])('a %s draft is accepted', async (_case, content) => {
        await allowed(write(content));
      });

      const evidence = { documentId: 'dok/akta-01', date: '2026-10-02' };
      const ids = (n: number, size = 8) => Array.from({ length: n }, (_, i) => `${i}`.padStart(size, 'a'));
      const big = 'x'.repeat(300_000);

      it.each([
        ['keluar naming 30 members by the longest ids (128)', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ids(30, 128) })],
        [
          'keluar with evidence that has a number',
          usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1'], evidence: { ...evidence, number: '474.3/12/2026' } }),
        ],
        [
          'keluar with the longest evidence id (500) and number (100)',
          usulanContent.keluar('h1', { evidence: { ...evidence, documentId: 'd'.repeat(500), number: 'n'.repeat(100) } }),
        ],
        ['perbaikan with a KK change reason', { ...usulanContent.perbaikan(), kkChangeReason: 'pecah_kk' }],
        [
          'reaktivasi with numbered documents',
          {
            ...usulanContent.reaktivasi(),
            suratPernyataan: { documentId: 'dok/sp-001', number: '01/SP/2026', date: '2026-11-10' },
            baKlarifikasi: { documentId: 'dok/ba-001', number: '02/BA/2026', date: '2026-11-12', signedBy: ['kpm', 'pendamping', 'kadinsos'] },
          },
        ],
        ['reaktivasi with the longest note (1000)', { ...usulanContent.reaktivasi(), note: 'n'.repeat(1000) }],
      ])('a %s draft is accepted', async (_case, content) => {
        await allowed(write(content));
      });

      // Issue 13 F8: every optional key typed and bounded, so no draft carries 300 kB of anything.
      it.each([
        ['keluar whose evidence id is 300 kB', usulanContent.keluar('h1', { evidence: { ...evidence, documentId: big } })],
        ['keluar whose evidence id is 501 letters', usulanContent.keluar('h1', { evidence: { ...evidence, documentId: 'd'.repeat(501) } })],
        ['keluar whose evidence id is blank', usulanContent.keluar('h1', { evidence: { ...evidence, documentId: '  ' } })],
        ['keluar whose evidence id is a number', usulanContent.keluar('h1', { evidence: { ...evidence, documentId: 7 } })],
        ['keluar whose evidence number is 101 letters', usulanContent.keluar('h1', { evidence: { ...evidence, number: 'n'.repeat(101) } })],
        ['keluar whose evidence has no date', usulanContent.keluar('h1', { evidence: { documentId: 'dok/akta-01' } })],
        ['keluar whose evidence date is not a date', usulanContent.keluar('h1', { evidence: { ...evidence, date: big } })],
        ['keluar whose evidence has an unknown key', usulanContent.keluar('h1', { evidence: { ...evidence, scan: big } })],
        ['keluar whose evidence is not a map', usulanContent.keluar('h1', { evidence: 'dok/akta-01' })],
        ['keluar naming a member by a 300 kB id', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1', big] })],
        ['keluar naming a member by an id of 129', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ids(1, 129) })],
        ['keluar naming a member by a number', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1', 7] })],
        ['keluar naming a member by a map', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: [{ id: 'a1' }] })],
        ['keluar naming a member by null', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: [null] })],
        ['keluar naming a member by an empty id', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1', ''] })],
        ['keluar naming a member by a path', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['households/h9/members/a1'] })],
        ['keluar naming 31 members', usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ids(31) })],
        ['keluar whose destination desa is a map', usulanContent.keluar('h1', { reason: 'pindah', destinationDesaCode: { code: '17.02.07.2001' } })],
        ['keluar whose destination desa is 300 kB', usulanContent.keluar('h1', { reason: 'pindah', destinationDesaCode: big })],
        ['keluar whose destination is a kabupaten', usulanContent.keluar('h1', { reason: 'pindah', destinationDesaCode: '17.02' })],
        ['keluar whose duplicate is 300 kB', usulanContent.keluar('h1', { reason: 'ganda', duplicateOfHouseholdId: big })],
        ['keluar whose duplicate is a number', usulanContent.keluar('h1', { reason: 'ganda', duplicateOfHouseholdId: 9 })],
        ['keluar of a household id that is a path', usulanContent.keluar('households/h1')],
        ['keluar of the household id “..”', usulanContent.keluar('..')],
        ['keluar of a reserved household id', usulanContent.keluar('__h1__')],
        ['perbaikan whose KK change reason is 300 kB', { ...usulanContent.perbaikan(), kkChangeReason: big }],
        ['perbaikan whose KK change reason is unknown', { ...usulanContent.perbaikan(), kkChangeReason: 'bosan' }],
        ['reaktivasi whose surat pernyataan has an unknown key', { ...usulanContent.reaktivasi(), suratPernyataan: { ...evidence, isi: big } }],
        ['reaktivasi whose surat pernyataan id is 300 kB', { ...usulanContent.reaktivasi(), suratPernyataan: { ...evidence, documentId: big } }],
        ['reaktivasi whose surat pernyataan carries signatures', { ...usulanContent.reaktivasi(), suratPernyataan: { ...evidence, signedBy: ['kpm'] } }],
        [
          'reaktivasi whose BA klarifikasi has an unknown key',
          { ...usulanContent.reaktivasi(), baKlarifikasi: { ...usulanContent.reaktivasi().baKlarifikasi, isi: big } },
        ],
        ['reaktivasi whose BA klarifikasi has no date', { ...usulanContent.reaktivasi(), baKlarifikasi: { documentId: 'dok/ba-001', signedBy: ['kpm'] } }],
        ['reaktivasi whose BA is signed by an unknown party', { ...usulanContent.reaktivasi(), baKlarifikasi: { ...evidence, signedBy: ['kpm', big] } }],
        ['reaktivasi whose BA signatures are not a list', { ...usulanContent.reaktivasi(), baKlarifikasi: { ...evidence, signedBy: 'kpm' } }],
        ['reaktivasi whose BA is signed four times', { ...usulanContent.reaktivasi(), baKlarifikasi: { ...evidence, signedBy: ['kpm', 'kpm', 'kpm', 'kpm'] } }],
        ['reaktivasi with a note of 1001 letters', { ...usulanContent.reaktivasi(), note: 'n'.repeat(1001) }],
        ['reaktivasi with a note that is a number', { ...usulanContent.reaktivasi(), note: 7 }],
        ['pindah masuk whose new KK is 300 kB', { ...usulanContent.pindahMasuk(), kkNumber: big }],
        ['pindah masuk whose new KK has 15 digits', { ...usulanContent.pindahMasuk(), kkNumber: '170206111126000' }],
        ['pindah masuk whose new KK has letters', { ...usulanContent.pindahMasuk(), kkNumber: '17020611112600AB' }],
        ['pindah masuk whose new KK is a number', { ...usulanContent.pindahMasuk(), kkNumber: 1702061111260001 }],
        ['pindah masuk from a desa code of 300 kB', { ...usulanContent.pindahMasuk(), fromDesaCode: big }],
        ['pindah masuk from a kecamatan', { ...usulanContent.pindahMasuk(), fromDesaCode: '17.02.06' }],
      ])('a %s is refused', async (_case, content) => {
        await denied(write(content));
      });

      it('an edit of a draft is held to the same bounds', async () => {
        await seed({ [U]: storedUsulan('m1', 'draft', {}, usulanContent.keluar()) });
        await denied(updateDoc(doc(as('operator'), U), { reason: 'meninggal', memberIds: ['a1', big], updatedAt: serverTimestamp() }));
        await denied(updateDoc(doc(as('operator'), U), { evidence: { ...evidence, documentId: big }, updatedAt: serverTimestamp() }));
        await allowed(updateDoc(doc(as('operator'), U), { reason: 'meninggal', memberIds: ['a1'], evidence, updatedAt: serverTimestamp() }));
      });

      it.each([
        ['perbaikan without a note', { ...usulanContent.perbaikan(), note: '' }],
        ['perbaikan without the household it corrects', { ...usulanContent.perbaikan(), householdId: '' }],
        ['perbaikan with a malformed household', { ...usulanContent.perbaikan(), household: household({ desil: 0 }) }],
        ['keluar with an unknown reason', usulanContent.keluar('h1', { reason: 'bosan' })],
        ['keluar with members that are not a list', usulanContent.keluar('h1', { memberIds: 'a1' })],
        ['keluar with an unknown field', usulanContent.keluar('h1', { bonus: 1 })],
        ['keluar with a blank note', usulanContent.keluar('h1', { note: '     ' })],
        ['reaktivasi with a surat pernyataan that is not a document', { ...usulanContent.reaktivasi(), suratPernyataan: 'ada' }],
        ['reaktivasi with a BA klarifikasi that is not a document', { ...usulanContent.reaktivasi(), baKlarifikasi: true }],
        ['reaktivasi of no household', { ...usulanContent.reaktivasi(), householdId: 7 }],
        ['pindah masuk from its own desa', usulanContent.pindahMasuk('h1', DERATI)],
        ['pindah masuk from a desa that is not a code', { ...usulanContent.pindahMasuk(), fromDesaCode: 17 }],
        ['pindah masuk without an address', { ...usulanContent.pindahMasuk(), address: ' ' }],
        ['pindah masuk without a note', { ...usulanContent.pindahMasuk(), note: 'ok' }],
        ['pindah masuk with no household', { ...usulanContent.pindahMasuk(), householdId: '' }],
      ])('a %s is refused', async (_case, content) => {
        await denied(write(content));
      });

      it('a keluar draft may not carry a household, and a baru may not name a register household', async () => {
        await denied(setDoc(doc(as('operator'), 'usulan/u2'), newUsulan('m1', OPERATOR_UID, { household: household() }, usulanContent.keluar())));
        await denied(setDoc(doc(as('operator'), 'usulan/u2'), newUsulan('m1', OPERATOR_UID, { householdId: 'h1' })));
      });

      it('a draft’s content is edited within its type; its type cannot change', async () => {
        await seed({ [U]: storedUsulan('m1', 'draft', {}, usulanContent.keluar()) });
        await allowed(updateDoc(doc(as('operator'), U), { reason: 'meninggal', memberIds: ['a1'], updatedAt: serverTimestamp() }));
        await denied(updateDoc(doc(as('operator'), U), { type: 'perbaikan', household: household(), updatedAt: serverTimestamp() }));
        await denied(updateDoc(doc(as('operator'), U), { reason: 'bosan', updatedAt: serverTimestamp() }));
      });

      it('the portal’s correction of a draft sets every content key of its type and deletes the ones emptied', async () => {
        const evidence = { documentId: 'dok/akta-01', date: '2026-10-02' };
        await seed({ [U]: storedUsulan('m1', 'draft', {}, usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1'], evidence })) });
        // The operator takes the evidence out and names a second member: `evidence` is deleted, not left behind.
        const corrected = usulanContent.keluar('h1', { reason: 'meninggal', memberIds: ['a1', 'a2'] });
        await allowed(updateDoc(doc(as('operator'), U), portal.correctedContent(contentUpdate(corrected), serverTimestamp(), deleteField())));
        const stored = (await getDoc(doc(as('operator'), U))).data();
        expect(stored).not.toHaveProperty('evidence');
        expect(stored).toMatchObject({ type: 'keluar', reason: 'meninggal', memberIds: ['a1', 'a2'] });
      });
    });
  });
}
