import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type Firestore } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import type { StatsDoc } from '../../../functions/src/domain/index.js';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import { ALLOW, allowed, as, DENY, denied, DERATI, describeMatrix, OTHER_KABUPATEN, PAST, seed, type Actor, type ActorName, type Outcome } from './support.js';

type Stored = StatsDoc<typeof PAST>;

/** A stats document as the statistics functions write it. */
function statsDoc(level: Stored['level'], code: string, overrides: Partial<Stored> = {}): Stored {
  const kabupatenCode = code.slice(0, 5);
  return {
    level,
    code,
    kabupatenCode,
    kecamatanCode: level === 'kabupaten' ? null : code.slice(0, 8),
    desaCode: level === 'desa' ? code : null,
    counts: { households: { aktif: 12, beku: 1 }, people: { aktif: 48, beku: 3 }, desil: { '3': 7, '4': 6 }, recipients: { PKH: 9 }, nikMissing: 2 },
    updatedAt: PAST,
    ...overrides,
  };
}

const D = `stats/desa_${DERATI}`;
const OTHER_D = `stats/desa_${DESA.other.desa}`;
const KEC = `stats/kecamatan_${DESA.derati.kecamatan}`;
const KAB = `stats/kabupaten_${KABUPATEN}`;
const OTHER_KAB = `stats/kabupaten_${OTHER_KABUPATEN}`;

/** The list query each actor makes for the statistics it may read (as the portal would). */
function statsQuery(db: Firestore, actor: Actor) {
  return actor.claims?.role === 'operator'
    ? query(collection(db, 'stats'), where('desaCode', '==', DERATI), where('level', '==', 'desa'))
    : query(collection(db, 'stats'), where('kabupatenCode', '==', KABUPATEN));
}

/** stats: computed by functions; the kabupaten's dinas and admin read them all, an operator their own desa's. */
export function statsRules(): void {
  describe('stats', () => {
    beforeEach(async () =>
      seed({
        [D]: statsDoc('desa', DERATI),
        [OTHER_D]: statsDoc('desa', DESA.other.desa),
        [KEC]: statsDoc('kecamatan', DESA.derati.kecamatan),
        [KAB]: statsDoc('kabupaten', KABUPATEN, { operators: { activeDesa: 60, activeDesaCodes: [DERATI], desaTotal: 156 } }),
        [OTHER_KAB]: statsDoc('kabupaten', OTHER_KABUPATEN),
      }),
    );

    // Every cell acts on Desa Derati's statistics.
    describeMatrix(
      'stats',
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
        admin: [ALLOW, ALLOW, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, D)),
        list: (db, actor) => getDocs(statsQuery(db, actor)),
        create: (db) => setDoc(doc(db, `stats/desa_${DESA.derati.kecamatan}.2099`), statsDoc('desa', `${DESA.derati.kecamatan}.2099`)),
        update: (db) => updateDoc(doc(db, D), { 'counts.households.aktif': 9999 }),
        delete: (db) => deleteDoc(doc(db, D)),
      },
    );

    it.each([
      ['operator', 'the kecamatan of its desa', KEC, DENY],
      ['operator', 'its kabupaten', KAB, DENY],
      ['operator', 'another desa', OTHER_D, DENY],
      ['verifikator', 'a kecamatan of its kabupaten', KEC, ALLOW],
      ['kadis', 'its kabupaten', KAB, ALLOW],
      ['admin', 'its kabupaten', KAB, ALLOW],
      ['verifikator', 'another kabupaten', OTHER_KAB, DENY],
      ['otherAdmin', 'its own kabupaten', OTHER_KAB, ALLOW],
    ] as const satisfies readonly (readonly [ActorName, string, string, Outcome])[])(
      'the %s reading the statistics of %s → %s',
      async (who, _what, path, expected) => {
        const run = getDoc(doc(as(who), path));
        await (expected === ALLOW ? allowed(run) : denied(run));
      },
    );

    it.each([
      ['operator', 'its desa, desa level', ALLOW, [where('desaCode', '==', DERATI), where('level', '==', 'desa')]],
      ['operator', 'its desa without the level (the rules cannot prove it)', DENY, [where('desaCode', '==', DERATI)]],
      ['operator', 'its kabupaten', DENY, [where('kabupatenCode', '==', KABUPATEN)]],
      ['operator', 'another desa', DENY, [where('desaCode', '==', DESA.other.desa), where('level', '==', 'desa')]],
      ['verifikator', 'its kabupaten, kecamatan level', ALLOW, [where('kabupatenCode', '==', KABUPATEN), where('level', '==', 'kecamatan')]],
      ['admin', 'its kabupaten', ALLOW, [where('kabupatenCode', '==', KABUPATEN)]],
      ['kadis', 'nothing', DENY, []],
      ['admin', 'another kabupaten', DENY, [where('kabupatenCode', '==', OTHER_KABUPATEN)]],
    ] as const)('the %s listing statistics scoped to %s → %s', async (who, _scope, expected, constraints) => {
      const run = getDocs(query(collection(as(who), 'stats'), ...constraints));
      await (expected === ALLOW ? allowed(run) : denied(run));
    });

    // The triggers' idempotency markers: functions only, for everyone else nothing at all.
    it.each(['operator', 'verifikator', 'kadis', 'admin'] as const)('the %s can neither read nor write the statistics event markers', async (who) => {
      await seed({ 'statsEvents/households_e1': { source: 'households', eventId: 'e1', at: PAST, expireAt: PAST } });
      await denied(getDoc(doc(as(who), 'statsEvents/households_e1')));
      await denied(getDocs(collection(as(who), 'statsEvents')));
      await denied(setDoc(doc(as(who), 'statsEvents/households_e2'), { source: 'households', eventId: 'e2', at: PAST, expireAt: PAST }));
      await denied(deleteDoc(doc(as(who), 'statsEvents/households_e1')));
    });
  });
}
