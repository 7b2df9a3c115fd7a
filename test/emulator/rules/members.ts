import { collection, collectionGroup, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import {
  ACTOR_NAMES,
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
  householdDoc,
  memberDoc,
  OTHER_KABUPATEN,
  seed,
  unseed,
  userProfile,
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

    // A deactivated account keeps an ID token with its old claims for up to an hour: the rules of
    // raw NIK read the profile too, so deactivation takes effect at once.
    describe('an account whose claims outlive it reads no member', () => {
      const readers = (['operator', 'verifikator', 'kadis'] as const).map((name) => [ACTORS[name].label, name] as const);

      it.each(readers)('%s, deactivated, with its ID token still carrying the claims', async (_who, name) => {
        await seed({ [`users/${ACTORS[name].uid}`]: deactivatedProfile(name) });
        await denied(getDoc(doc(as(name), A)));
        await denied(getDocs(wilayahQuery(as(name), `${H}/members`, ACTORS[name])));
      });

      it.each(readers)('%s, with claims but no profile (an account Tepat did not create)', async (_who, name) => {
        await unseed(`users/${ACTORS[name].uid}`);
        await denied(getDoc(doc(as(name), A)));
        await denied(getDocs(wilayahQuery(as(name), `${H}/members`, ACTORS[name])));
      });

      it('operator of this desa, moved by the admin to another desa, with its ID token still naming this one', async () => {
        await seed({ [`users/${ACTORS.operator.uid}`]: { ...userProfile('operator'), desaCode: DESA.other.desa, kecamatanCode: DESA.other.kecamatan } });
        await denied(getDoc(doc(as('operator'), A)));
        await denied(getDocs(wilayahQuery(as('operator'), `${H}/members`, ACTORS.operator)));
      });

      it('verifikator of this kabupaten, made admin (who reads no NIK), with its ID token still saying verifikator', async () => {
        await seed({ [`users/${ACTORS.verifikator.uid}`]: { ...userProfile('verifikator'), role: 'admin' } });
        await denied(getDoc(doc(as('verifikator'), A)));
      });

      it('verifikator of this kabupaten, moved to another kabupaten, with its ID token still naming this one', async () => {
        await seed({ [`users/${ACTORS.verifikator.uid}`]: { ...userProfile('verifikator'), kabupatenCode: OTHER_KABUPATEN } });
        await denied(getDoc(doc(as('verifikator'), A)));
      });

      it.each(readers)('%s, whose profile says active only in a value that is not true', async (_who, name) => {
        await seed({ [`users/${ACTORS[name].uid}`]: { ...deactivatedProfile(name), role: ACTORS[name].claims.role, active: 'true' } });
        await denied(getDoc(doc(as(name), A)));
      });
    });

    // No rule matches a collection-group path, so members (raw NIK) cannot be searched across households.
    it.each(ACTOR_NAMES.map((name) => [ACTORS[name].label, name] as const))('%s cannot query members across households', async (_who, name) => {
      const actor: Actor = ACTORS[name];
      const constraint = actor.claims?.role === 'operator' ? where('desaCode', '==', DERATI) : where('kabupatenCode', '==', KABUPATEN);
      await denied(getDocs(query(collectionGroup(as(name), 'members'), constraint)));
    });
  });
}
