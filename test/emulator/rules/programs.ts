import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { beforeEach, describe } from 'vitest';
import { ALLOW, DENY, describeMatrix, programDoc, seed } from './support.js';

const program = programDoc();
const P = `programs/${program.id}`;

/** programs: the program bands, read by anyone with a role, written by functions. */
export function programsRules(): void {
  describe('programs', () => {
    beforeEach(async () => seed({ [P]: program }));

    describeMatrix(
      'programs',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherOperator: [ALLOW, ALLOW, DENY, DENY, DENY],
        verifikator: [ALLOW, ALLOW, DENY, DENY, DENY],
        kadis: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherVerifikator: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherKadis: [ALLOW, ALLOW, DENY, DENY, DENY],
        admin: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherAdmin: [ALLOW, ALLOW, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, P)),
        list: (db) => getDocs(collection(db, 'programs')),
        create: (db) => setDoc(doc(db, 'programs/BANSOS-DAERAH'), { ...program, id: 'BANSOS-DAERAH' }),
        update: (db) => updateDoc(doc(db, P), { versions: [] }),
        delete: (db) => deleteDoc(doc(db, P)),
      },
    );
  });
}
