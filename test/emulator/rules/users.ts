import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { describe, it } from 'vitest';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ACTORS, ALLOW, allowed, as, DENY, denied, describeMatrix, OTHER_KABUPATEN, userProfile, WITH_PROFILE } from './support.js';

const OWN = `users/${ACTORS.operator.uid}`;

/** users: profiles mirroring the claims, written by the manageUser callable; read by their owner and the kabupaten's admin. */
export function usersRules(): void {
  describe('users', () => {
    // Every actor's profile is seeded before each test (support.ts).
    // Every cell acts on the profile of the operator of this desa.
    describeMatrix(
      'users',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, DENY, DENY, DENY, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        verifikator: [DENY, DENY, DENY, DENY, DENY],
        kadis: [DENY, DENY, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, OWN)),
        list: (db) => getDocs(query(collection(db, 'users'), where('kabupatenCode', '==', KABUPATEN))),
        create: (db) => setDoc(doc(db, 'users/op-new'), userProfile('operator')),
        update: (db) => updateDoc(doc(db, OWN), { role: 'admin', desaCode: null, kecamatanCode: null }),
        delete: (db) => deleteDoc(doc(db, OWN)),
      },
    );

    it.each(WITH_PROFILE.map((name) => [ACTORS[name].label, name] as const))('%s reads their own profile', async (_who, name) => {
      await allowed(getDoc(doc(as(name), `users/${ACTORS[name].uid}`)));
    });

    it.each(WITH_PROFILE.map((name) => [ACTORS[name].label, name] as const))('%s cannot make themselves admin', async (_who, name) => {
      await denied(updateDoc(doc(as(name), `users/${ACTORS[name].uid}`), { role: 'admin' }));
    });

    it.each([
      ['admin', 'its kabupaten', ALLOW, KABUPATEN],
      ['otherAdmin', 'its kabupaten', ALLOW, OTHER_KABUPATEN],
      ['admin', 'another kabupaten', DENY, OTHER_KABUPATEN],
    ] as const)('the %s listing the users of %s → %s', async (who, _scope, expected, kabupaten) => {
      const run = getDocs(query(collection(as(who), 'users'), where('kabupatenCode', '==', kabupaten)));
      await (expected === ALLOW ? allowed(run) : denied(run));
    });

    it('nobody lists users unscoped, not even an admin', async () => {
      await denied(getDocs(collection(as('admin'), 'users')));
    });
  });
}
