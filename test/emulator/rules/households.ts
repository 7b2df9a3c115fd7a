import { collection, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ALLOW, allowed, as, DENY, DERATI, describeListScoping, describeMatrix, householdDoc, seed, wilayahQuery } from './support.js';

const H = 'households/h1';

/** households: the register, read by the desa's operator and the kabupaten's dinas, written by functions only. */
export function householdsRules(): void {
  describe('households', () => {
    beforeEach(async () => seed({ [H]: householdDoc() }));

    describeMatrix(
      'households',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        verifikator: [ALLOW, ALLOW, DENY, DENY, DENY],
        kadis: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [DENY, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, H)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'households', actor)),
        create: (db) => setDoc(doc(db, 'households/h2'), householdDoc()),
        update: (db) => updateDoc(doc(db, H), { status: 'keluar' }),
        delete: (db) => deleteDoc(doc(db, H)),
      },
    );

    describeListScoping('households');

    it("the register page's queries (own wilayah, by head's name) are allowed", async () => {
      await allowed(getDocs(query(collection(as('operator'), 'households'), where('desaCode', '==', DERATI), orderBy('headName'), limit(200))));
      await allowed(getDocs(query(collection(as('kadis'), 'households'), where('kabupatenCode', '==', KABUPATEN), orderBy('headName'), limit(200))));
    });
  });
}
