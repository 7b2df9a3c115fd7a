import { deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { ACTORS, as, DENY, denied, describeMatrix, seed, wilayahQuery } from './support.js';

/** The operator's own counter of the day (issue 13, F12): the one document an operator would most like to reset. */
const OWN = `lookupCounts/${ACTORS.operator.uid}_2026-12-07`;
const counter = (count: number) => ({ uid: ACTORS.operator.uid, day: '2026-12-07', count });

/** lookupCounts: pindah masuk lookups per operator per day; functions only, so no one can read or reset a limit. */
export function lookupCountsRules(): void {
  describe('lookupCounts', () => {
    beforeEach(async () => seed({ [OWN]: counter(100) }));

    describeMatrix(
      'lookupCounts',
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
        get: (db) => getDoc(doc(db, OWN)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'lookupCounts', actor)),
        create: (db) => setDoc(doc(db, `lookupCounts/${ACTORS.operator.uid}_2026-12-08`), counter(0)),
        update: (db) => updateDoc(doc(db, OWN), { count: 0 }),
        delete: (db) => deleteDoc(doc(db, OWN)),
      },
    );

    it('the operator cannot reset the counter of its own day, by a write or a delete', async () => {
      await denied(setDoc(doc(as('operator'), OWN), counter(0)));
      await denied(deleteDoc(doc(as('operator'), OWN)));
    });
  });
}
