import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ALLOW, allowed, as, DENY, describeMatrix, OTHER_KABUPATEN, policyDoc, seed } from './support.js';

const P = `policies/${KABUPATEN}`;

/** policies/{kabupaten}: a kabupaten's staleness and approval policy, read by its own people, written by functions. */
export function policiesRules(): void {
  describe('policies', () => {
    beforeEach(async () => seed({ [P]: policyDoc(), [`policies/${OTHER_KABUPATEN}`]: policyDoc() }));

    describeMatrix(
      'policies',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, DENY, DENY, DENY, DENY],
        otherOperator: [ALLOW, DENY, DENY, DENY, DENY],
        verifikator: [ALLOW, DENY, DENY, DENY, DENY],
        kadis: [ALLOW, DENY, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [ALLOW, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, P)),
        list: (db) => getDocs(collection(db, 'policies')),
        create: (db) => setDoc(doc(db, 'policies/17.03'), policyDoc()),
        update: (db) => updateDoc(doc(db, P), { approval: 'satu_tingkat' }),
        delete: (db) => deleteDoc(doc(db, P)),
      },
    );

    it.each(['otherVerifikator', 'otherKadis', 'otherAdmin'] as const)('the %s reads its own kabupaten’s policy', async (who) => {
      await allowed(getDoc(doc(as(who), `policies/${OTHER_KABUPATEN}`)));
    });
  });
}
