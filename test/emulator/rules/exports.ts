import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import type { ExportDoc } from '../../../functions/src/domain/index.js';
import { KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ACTORS, ALLOW, allowed, as, DENY, denied, DERATI, describeMatrix, OTHER_KABUPATEN, PAST, seed, wilayahQuery } from './support.js';

/** An export record as the exportRegister callable writes it. */
function exportDoc(overrides: Partial<ExportDoc<typeof PAST>> = {}): ExportDoc<typeof PAST> {
  return {
    kind: 'bnba',
    format: 'csv',
    scope: { level: 'desa', code: DERATI },
    since: null,
    kabupatenCode: KABUPATEN,
    desaCode: DERATI,
    requestedBy: ACTORS.verifikator.uid,
    requestedByRole: 'verifikator',
    status: 'selesai',
    rowCount: 120,
    sourceCount: 31,
    fileName: `BNBA_${DERATI}_2026-11-22.csv`,
    byteSize: 24_000,
    sha256: 'ab'.repeat(32),
    delivery: 'respons',
    error: null,
    requestedAt: PAST,
    finishedAt: PAST,
    durationMs: 850,
    ...overrides,
  };
}

const E = 'exports/x1';

/** exports: each export to the ministry, written by the callable; read by the kabupaten's dinas and admin. */
export function exportsRules(): void {
  describe('exports', () => {
    beforeEach(async () =>
      seed({
        [E]: exportDoc(),
        'exports/x2': exportDoc({ kabupatenCode: OTHER_KABUPATEN, desaCode: null, scope: { level: 'kabupaten', code: OTHER_KABUPATEN } }),
      }),
    );

    describeMatrix(
      'exports',
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
        list: (db, actor) => getDocs(wilayahQuery(db, 'exports', actor)),
        // A forged record ("someone else exported this") must be impossible.
        create: (db) => setDoc(doc(db, 'exports/x3'), exportDoc({ requestedBy: 'someone-else' })),
        update: (db) => updateDoc(doc(db, E), { status: 'gagal' }),
        delete: (db) => deleteDoc(doc(db, E)),
      },
    );

    it.each([
      ['verifikator', 'its kabupaten', ALLOW, [where('kabupatenCode', '==', KABUPATEN)]],
      ['admin', 'its kabupaten and one desa', ALLOW, [where('kabupatenCode', '==', KABUPATEN), where('desaCode', '==', DERATI)]],
      ['otherKadis', 'its own kabupaten', ALLOW, [where('kabupatenCode', '==', OTHER_KABUPATEN)]],
      ['kadis', 'nothing', DENY, []],
      ['verifikator', 'another kabupaten', DENY, [where('kabupatenCode', '==', OTHER_KABUPATEN)]],
      ['operator', 'its desa', DENY, [where('desaCode', '==', DERATI)]],
    ] as const)('the %s listing exports scoped to %s → %s', async (who, _scope, expected, constraints) => {
      const run = getDocs(query(collection(as(who), 'exports'), ...constraints));
      await (expected === ALLOW ? allowed(run) : denied(run));
    });
  });
}
