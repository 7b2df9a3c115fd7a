import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { KABUPATEN } from '../../support/demo.js';
import { ALLOW, allowed, as, DENY, DERATI, describeListScoping, describeMatrix, householdDoc, seed, WILAYAH, wilayahQuery } from './support.js';

const H = 'households/h1';
const V = 'households/h1/verval/v1';
const vervalDoc = () => ({ result: 'sesuai', note: '', by: 'op-derati', desaCode: WILAYAH.desaCode, kabupatenCode: WILAYAH.kabupatenCode, at: Timestamp.fromDate(new Date('2026-11-01T00:00:00Z')) });

/** households/{id}/verval: verification visits, read by the desa's operator and the kabupaten's dinas; written by the recordVerval callable. */
export function vervalRules(): void {
  describe('households/{id}/verval', () => {
    beforeEach(async () => seed({ [H]: householdDoc(), [V]: vervalDoc() }));

    describeMatrix('verval', {
      //                 get     list    create  update  delete
      signedOut:        [DENY,  DENY,  DENY,  DENY,  DENY],
      noRole:           [DENY,  DENY,  DENY,  DENY,  DENY],
      operator:         [ALLOW, ALLOW, DENY,  DENY,  DENY],
      otherOperator:    [DENY,  DENY,  DENY,  DENY,  DENY],
      verifikator:      [ALLOW, ALLOW, DENY,  DENY,  DENY],
      kadis:            [ALLOW, ALLOW, DENY,  DENY,  DENY],
      otherVerifikator: [DENY,  DENY,  DENY,  DENY,  DENY],
      otherKadis:       [DENY,  DENY,  DENY,  DENY,  DENY],
      admin:            [DENY,  DENY,  DENY,  DENY,  DENY],
      otherAdmin:       [DENY,  DENY,  DENY,  DENY,  DENY],
    }, {
      get: (db) => getDoc(doc(db, V)),
      list: (db, actor) => getDocs(wilayahQuery(db, `${H}/verval`, actor)),
      // Recording a verval by writing would skip the callable's checks (desa, status) and the audit.
      create: (db) => setDoc(doc(db, `${H}/verval/v2`), vervalDoc()),
      update: (db) => updateDoc(doc(db, V), { result: 'diperbaiki' }),
      delete: (db) => deleteDoc(doc(db, V)),
    });

    describeListScoping(`${H}/verval`);

    it("a household's verval history is listed within the reader's wilayah", async () => {
      await allowed(getDocs(query(collection(as('operator'), `${H}/verval`), where('desaCode', '==', DERATI))));
      await allowed(getDocs(query(collection(as('kadis'), `${H}/verval`), where('kabupatenCode', '==', KABUPATEN))));
    });
  });
}
