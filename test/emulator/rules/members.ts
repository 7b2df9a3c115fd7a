import { collection, collectionGroup, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import {
  ACTOR_NAMES,
  ACTORS,
  ALLOW,
  allowed,
  as,
  DENY,
  denied,
  DERATI,
  describeListScoping,
  describeMatrix,
  householdDoc,
  memberDoc,
  seed,
  wilayahQuery,
  type Actor,
} from './support.js';

const H = 'households/h1';
const A = 'households/h1/members/a1';

/** households/{id}/members: raw NIK, read by the desa's operator and the kabupaten's dinas only; written by functions. */
export function membersRules(): void {
  describe('households/{id}/members', () => {
    beforeEach(async () => seed({ [H]: householdDoc(), [A]: memberDoc() }));

    describeMatrix(
      'members',
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
        get: (db) => getDoc(doc(db, A)),
        list: (db, actor) => getDocs(wilayahQuery(db, `${H}/members`, actor)),
        create: (db) => setDoc(doc(db, `${H}/members/a2`), memberDoc({ name: 'Rahmawati', nik: '1702064507880002' })),
        update: (db) => updateDoc(doc(db, A), { nik: '1702061203840009' }),
        delete: (db) => deleteDoc(doc(db, A)),
      },
    );

    describeListScoping(`${H}/members`);

    it("the register page's member query (one household, own wilayah) is allowed", async () => {
      await allowed(getDocs(query(collection(as('operator'), `${H}/members`), where('desaCode', '==', DERATI))));
      await allowed(getDocs(query(collection(as('verifikator'), `${H}/members`), where('kabupatenCode', '==', KABUPATEN))));
    });

    // No rule matches a collection-group path, so members (raw NIK) cannot be searched across households.
    it.each(ACTOR_NAMES.map((name) => [ACTORS[name].label, name] as const))('%s cannot query members across households', async (_who, name) => {
      const actor: Actor = ACTORS[name];
      const constraint = actor.claims?.role === 'operator' ? where('desaCode', '==', DERATI) : where('kabupatenCode', '==', KABUPATEN);
      await denied(getDocs(query(collectionGroup(as(name), 'members'), constraint)));
    });
  });
}
