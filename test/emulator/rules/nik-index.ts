import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { as, DENY, denied, describeMatrix, nikIndexDoc, seed, wilayahQuery } from './support.js';

const N = 'nikIndex/3f9a';

/** nikIndex: keyed NIK hashes for uniqueness; no client reads or writes them. */
export function nikIndexRules(): void {
  describe('nikIndex', () => {
    beforeEach(async () => seed({ [N]: nikIndexDoc() }));

    describeMatrix(
      'nikIndex',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [DENY, DENY, DENY, DENY, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        verifikator: [DENY, DENY, DENY, DENY, DENY],
        kadis: [DENY, DENY, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [DENY, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, N)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'nikIndex', actor)),
        create: (db) => setDoc(doc(db, 'nikIndex/77be'), nikIndexDoc({ memberId: 'a2' })),
        update: (db) => updateDoc(doc(db, N), { householdId: 'h2' }),
        delete: (db) => deleteDoc(doc(db, N)),
      },
    );

    it('not even an unscoped list is allowed (no probing whether a hash exists)', async () => {
      await denied(getDocs(collection(as('kadis'), 'nikIndex')));
    });
  });
}
