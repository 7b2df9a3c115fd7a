import { deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { DESA } from '../../../.scripts/seed/demo.js';
import {
  ALLOW,
  allowed,
  as,
  denied,
  DENY,
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
const S = 'households/h1/stickers/s1';
/** A sticker report as stored once the trigger refused it: what the portal wrote, with its outcome. */
const storedSticker = () => ({
  ...portal.stickerReport(REPORTER, { installedOn: '2026-11-02', by: 'Pendamping PKH' }, PAST),
  outcome: { status: 'ditolak', reason: { code: 'sticker.not_recipient', message: 'Stiker hanya untuk rumah keluarga penerima bansos yang aktif.' }, at: PAST },
});
/** A sticker report as the operator's device writes it (the portal's builder). */
const newSticker = (recordedBy: string | null = OPERATOR_UID) => ({
  ...portal.stickerReport(REPORTER, { installedOn: '2026-11-20', by: 'Operator Derati' }, serverTimestamp()),
  recordedBy,
});

/**
 * households/{id}/stickers: reports that the bansos sticker is on the house, written by the desa's
 * operator (offline too), recorded on the household by a trigger; read like the household.
 */
export function stickersRules(): void {
  describe('households/{id}/stickers', () => {
    beforeEach(async () =>
      seed({
        [H]: householdDoc(),
        [S]: storedSticker(),
        'households/h-other': householdDoc({ desaCode: DESA.other.desa, kecamatanCode: DESA.other.kecamatan }),
      }),
    );

    describeMatrix(
      'stickers',
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
        get: (db) => getDoc(doc(db, S)),
        list: (db, actor) => getDocs(wilayahQuery(db, `${H}/stickers`, actor)),
        create: (db, actor) => setDoc(doc(db, `${H}/stickers/s2`), newSticker(actor.uid)),
        // A refused report stays as it is, with its reason: a new report is the way to try again.
        update: (db) => updateDoc(doc(db, S), { outcome: null }),
        delete: (db) => deleteDoc(doc(db, S)),
      },
    );

    describeFollowsHousehold('stickers', storedSticker);

    describe('what the operator may write', () => {
      const create = (data: object, path = `${H}/stickers/s2`) => setDoc(doc(as('operator'), path), data);

      it('the shortest installer name (2 letters) and the longest (100) are accepted', async () => {
        await allowed(create({ ...newSticker(), by: 'Bu' }));
        await allowed(create({ ...newSticker(), by: 'B'.repeat(100) }, `${H}/stickers/s3`));
      });

      it.each([
        ['a household of another desa', {}, 'households/h-other/stickers/s2'],
        ['another desa code', { desaCode: DESA.other.desa }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['someone else as the recorder', { recordedBy: 'op-other' }],
        ['a date not YYYY-MM-DD', { installedOn: '20-11-2026' }],
        ['a date as a timestamp', { installedOn: Timestamp.now() }],
        ['a one-letter installer', { by: 'B' }],
        ['an installer of 101 letters', { by: 'B'.repeat(101) }],
        ['a server time from the device clock', { at: Timestamp.now() }],
        ['an outcome already decided', { outcome: { status: 'diterapkan', at: PAST } }],
        ['an unknown field', { photo: 'x.jpg' }],
      ])('a create with %s is refused', async (_case, patch, path?: string) => {
        await denied(create(tampered(newSticker(), patch), path));
      });

      it.each(Object.keys(newSticker()))('a create without %s is refused', async (key) => {
        await denied(create(without(newSticker(), key)));
      });
    });
  });
}
