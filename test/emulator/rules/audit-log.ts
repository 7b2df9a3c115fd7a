import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ALLOW, allowed, as, auditDoc, DENY, denied, DERATI, describeMatrix, OTHER_KABUPATEN, seed, wilayahQuery } from './support.js';

const E = 'auditLog/e1';

/** auditLog: append-only, written by functions, read by the kabupaten's dinas and admin. */
export function auditLogRules(): void {
  describe('auditLog', () => {
    beforeEach(async () => seed({ [E]: auditDoc() }));

    describeMatrix(
      'auditLog',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [DENY, DENY, DENY, DENY, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        verifikator: [ALLOW, ALLOW, DENY, DENY, DENY],
        kadis: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, E)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'auditLog', actor)),
        create: (db) => setDoc(doc(db, 'auditLog/e2'), auditDoc({ action: 'usulan.disetujui' })),
        update: (db) => updateDoc(doc(db, E), { summary: 'diubah' }),
        delete: (db) => deleteDoc(doc(db, E)),
      },
    );

    it.each([
      ['verifikator', 'its kabupaten', ALLOW, [where('kabupatenCode', '==', KABUPATEN)]],
      ['admin', 'its kabupaten and one desa', ALLOW, [where('kabupatenCode', '==', KABUPATEN), where('desaCode', '==', DERATI)]],
      ['verifikator', 'nothing', DENY, []],
      ['admin', 'nothing', DENY, []],
      ['admin', 'another kabupaten', DENY, [where('kabupatenCode', '==', OTHER_KABUPATEN)]],
      ['kadis', 'one desa only', DENY, [where('desaCode', '==', DERATI)]],
    ] as const)('the %s listing the log scoped to %s → %s', async (who, _scope, expected, constraints) => {
      const run = getDocs(query(collection(as(who), 'auditLog'), ...constraints));
      await (expected === ALLOW ? allowed(run) : denied(run));
    });
  });
}
