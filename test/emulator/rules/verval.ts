import { collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import {
  ALLOW,
  allowed,
  as,
  denied,
  DENY,
  DERATI,
  describeFollowsHousehold,
  describeMatrix,
  householdDoc,
  OPERATOR_UID,
  PAST,
  REPORTER,
  seed,
  tampered,
  wilayahQuery,
  without,
} from './support.js';
import * as portal from '../../../web/src/lib/operator/documents.js';

const H = 'households/h1';
const V = 'households/h1/verval/v1';
/** A verval as stored once the trigger applied it: what the portal wrote, with its outcome. */
const storedVerval = () => ({ ...portal.vervalReport(REPORTER, { result: 'sesuai', note: '' }, PAST, PAST), outcome: { status: 'diterapkan', at: PAST } });
/** A verval as the operator's device writes it (the portal's builder; possibly long after the visit, when signal returns). */
const newVerval = (by: string | null = OPERATOR_UID) => ({
  ...portal.vervalReport(REPORTER, { result: 'diperbaiki', note: 'Alamat berubah, usulan perbaikan menyusul' }, Timestamp.now(), serverTimestamp()),
  by,
});

/**
 * households/{id}/verval: verification visits, read by the desa's operator and the kabupaten's
 * dinas; written by the desa's operator (from the field, offline too) and applied by a trigger.
 */
export function vervalRules(): void {
  describe('households/{id}/verval', () => {
    beforeEach(async () =>
      seed({
        [H]: householdDoc(),
        [V]: storedVerval(),
        'households/h-other': householdDoc({ desaCode: DESA.other.desa, kecamatanCode: DESA.other.kecamatan }),
      }),
    );

    describeMatrix(
      'verval',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, ALLOW, ALLOW, DENY, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        verifikator: [ALLOW, ALLOW, DENY, DENY, DENY],
        kadis: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [DENY, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, V)),
        list: (db, actor) => getDocs(wilayahQuery(db, `${H}/verval`, actor)),
        create: (db, actor) => setDoc(doc(db, `${H}/verval/v2`), newVerval(actor.uid)),
        // A recorded visit (and its outcome, set by the trigger) is history: nobody rewrites it.
        update: (db) => updateDoc(doc(db, V), { result: 'diperbaiki' }),
        delete: (db) => deleteDoc(doc(db, V)),
      },
    );

    describeFollowsHousehold('verval', storedVerval);

    it("a household's verval history is listed whole by the household's page, and within the reader's wilayah", async () => {
      await allowed(getDocs(collection(as('operator'), `${H}/verval`)));
      await allowed(getDocs(query(collection(as('operator'), `${H}/verval`), where('desaCode', '==', DERATI))));
      await allowed(getDocs(query(collection(as('kadis'), `${H}/verval`), where('kabupatenCode', '==', KABUPATEN))));
    });

    describe('what the operator may write', () => {
      const create = (data: object, path = `${H}/verval/v2`) => setDoc(doc(as('operator'), path), data);

      it('a visit recorded days ago on the device is accepted when it arrives, with its own visit time', async () => {
        await allowed(create({ ...newVerval(), visitedAt: Timestamp.fromMillis(Date.now() - 9 * 86_400_000), note: '' }));
      });

      it.each([
        ['a household of another desa (its desa fields made to look like ours)', {}, 'households/h-other/verval/v2'],
        ['a household that does not exist', {}, 'households/nope/verval/v2'],
        ['another desa code', { desaCode: DESA.other.desa }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['someone else as the visitor', { by: 'op-other' }],
        ['an unknown result', { result: 'mungkin' }],
        ['a note of 1001 letters', { note: 'n'.repeat(1001) }],
        ['a note as a number', { note: 12 }],
        ['a visit time as text', { visitedAt: '2026-11-20' }],
        ['a server time from the device clock', { at: Timestamp.now() }],
        ['an outcome already decided', { outcome: { status: 'diterapkan', at: PAST } }],
        ['an unknown field', { statusAfter: 'aktif' }],
      ])('a create with %s is refused', async (_case, patch, path?: string) => {
        await denied(create(tampered(newVerval(), patch), path));
      });

      it.each(Object.keys(newVerval()))('a create without %s is refused', async (key) => {
        await denied(create(without(newVerval(), key)));
      });
    });
  });
}
