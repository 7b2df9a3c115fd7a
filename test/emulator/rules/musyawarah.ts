import {
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  collection,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
} from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { SUBMITTED_MUSYAWARAH_STATUSES } from '../../../functions/src/domain/index.js';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import { meeting } from '../../support/factories.js';
import * as portal from '../../../web/src/lib/operator/documents.js';
import {
  ALLOW,
  allowed,
  as,
  DENY,
  denied,
  DERATI,
  describeListScoping,
  describeMatrix,
  newMusyawarah,
  OPERATOR_UID,
  PAST,
  seed,
  storedMusyawarah,
  tampered,
  without,
  wilayahQuery,
} from './support.js';

const M = 'musyawarah/m1';
/** The UTC calendar day `days` from now, as YYYY-MM-DD. */
const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
// The portal's own updates (web/src/lib/operator/documents.ts): the draft's meeting saved again, the submission.
const edit = () => portal.meetingUpdate(meeting({ attendees: 40 }), serverTimestamp());
const submit = () => portal.submission(serverTimestamp());

/** musyawarah: written by the desa's operator while a draft, read by its operator and its kabupaten's dinas. */
export function musyawarahRules(): void {
  describe('musyawarah', () => {
    beforeEach(async () => seed({ [M]: storedMusyawarah('draft') }));

    describeMatrix(
      'musyawarah',
      {
        //                 get     list    create  update  delete
        signedOut: [DENY, DENY, DENY, DENY, DENY],
        noRole: [DENY, DENY, DENY, DENY, DENY],
        operator: [ALLOW, ALLOW, ALLOW, ALLOW, DENY],
        otherOperator: [DENY, DENY, DENY, DENY, DENY],
        // A draft is the village's own work: the dinas sees it once submitted (see below).
        verifikator: [DENY, DENY, DENY, DENY, DENY],
        kadis: [DENY, DENY, DENY, DENY, DENY],
        otherVerifikator: [DENY, DENY, DENY, DENY, DENY],
        otherKadis: [DENY, DENY, DENY, DENY, DENY],
        admin: [DENY, DENY, DENY, DENY, DENY],
        otherAdmin: [DENY, DENY, DENY, DENY, DENY],
      },
      {
        get: (db) => getDoc(doc(db, M)),
        list: (db, actor) => getDocs(wilayahQuery(db, 'musyawarah', actor)),
        create: (db, actor) => setDoc(doc(db, 'musyawarah/m2'), newMusyawarah(actor.uid ?? OPERATOR_UID)),
        update: (db) => updateDoc(doc(db, M), edit()),
        delete: (db) => deleteDoc(doc(db, M)),
      },
    );

    describeListScoping('musyawarah', [where('status', 'in', SUBMITTED_MUSYAWARAH_STATUSES)]);

    it('the dinas reads a submitted musyawarah, and lists its kabupaten’s with a status filter', async () => {
      await seed({ 'musyawarah/m3': storedMusyawarah('diajukan') });
      for (const who of ['verifikator', 'kadis'] as const) {
        await allowed(getDoc(doc(as(who), 'musyawarah/m3')));
        await allowed(
          getDocs(query(collection(as(who), 'musyawarah'), where('kabupatenCode', '==', KABUPATEN), where('status', 'in', SUBMITTED_MUSYAWARAH_STATUSES))),
        );
        await denied(getDocs(query(collection(as(who), 'musyawarah'), where('kabupatenCode', '==', KABUPATEN), where('status', 'in', ['draft', 'diajukan']))));
      }
      await denied(getDoc(doc(as('otherVerifikator'), 'musyawarah/m3')));
      await denied(getDoc(doc(as('admin'), 'musyawarah/m3')));
    });

    it("the operator page's query (own desa, newest first) is allowed", async () => {
      await allowed(getDocs(query(collection(as('operator'), 'musyawarah'), where('desaCode', '==', DERATI), orderBy('createdAt', 'desc'))));
    });

    describe('create: only a valid draft of the operator’s own wilayah', () => {
      const create = (data: object) => setDoc(doc(as('operator'), 'musyawarah/m2'), data);

      it.each([
        ['the fewest attendees (1), one of them a poor-household representative', { attendees: 1, poorHouseholdRepresentatives: 1 }],
        ['no BPD and no poor-household representative (recorded as such)', { bpdPresent: false, poorHouseholdRepresentatives: 0 }],
        ['the most attendees (10000)', { attendees: 10000 }],
        ['the shortest place and chair (2 letters)', { place: 'Ba', chair: 'Ka' }],
        ['the longest place (120) and chair (100)', { place: 'B'.repeat(120), chair: 'K'.repeat(100) }],
        ['the longest notes (2000)', { notes: 'n'.repeat(2000) }],
        ['a muskelsus', { type: 'muskelsus' as const }],
      ])('a meeting with %s is accepted', async (_case, m) => {
        await allowed(create(newMusyawarah(OPERATOR_UID, { meeting: meeting(m) })));
      });

      it.each([
        ['a submitted status', { status: 'diajukan', submittedAt: serverTimestamp() }],
        ['status diajukan without submittedAt', { status: 'diajukan' }],
        ['a status of another vocabulary', { status: 'disetujui' }],
        ['a draft already stamped as submitted', { submittedAt: serverTimestamp() }],
        ['another desa’s code', { desaCode: DESA.other.desa }],
        ['another kecamatan code', { kecamatanCode: '17.02.07' }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['a client-chosen createdAt in the past', { createdAt: PAST }],
        ['createdAt from the client’s clock', { createdAt: Timestamp.now() }],
        ['updatedAt in the past', { updatedAt: PAST }],
        ['createdAt as a string', { createdAt: '2026-11-20T00:00:00Z' }],
        ['createdAt null', { createdAt: null }],
        ['someone else as author', { createdBy: 'op-other' }],
        ['no author', { createdBy: null }],
        ['an unknown field', { approved: true }],
        ['status of the wrong type', { status: 1 }],
        ['desaCode of the wrong type', { desaCode: 17020620 }],
        ['meeting as a string', { meeting: 'musdesus 2026-11-20' }],
        ['meeting null', { meeting: null }],
        ['a meeting with an unknown field', { meeting: { ...meeting(), budget: 5_000_000 } }],
        ['a meeting without its notes', { meeting: without(meeting(), 'notes') }],
        ['a meeting of an unknown type', { meeting: { ...meeting(), type: 'rapat' } }],
        ['a meeting date not YYYY-MM-DD', { meeting: { ...meeting(), date: '20-11-2026' } }],
        ['a meeting date as a timestamp', { meeting: { ...meeting(), date: PAST } }],
        ['a one-letter place', { meeting: { ...meeting(), place: 'B' } }],
        ['a place of 121 letters', { meeting: { ...meeting(), place: 'B'.repeat(121) } }],
        ['a place as a number', { meeting: { ...meeting(), place: 12 } }],
        ['a one-letter chair', { meeting: { ...meeting(), chair: 'K' } }],
        ['a chair of 101 letters', { meeting: { ...meeting(), chair: 'K'.repeat(101) } }],
        ['0 attendees', { meeting: { ...meeting(), attendees: 0 } }],
        ['more poor-household representatives than attendees', { meeting: meeting({ attendees: 5, poorHouseholdRepresentatives: 6 }) }],
        ['a negative number of representatives', { meeting: meeting({ poorHouseholdRepresentatives: -1 }) }],
        ['BPD presence as text', { meeting: { ...meeting(), bpdPresent: 'ya' } }],
        ['no BPD presence at all', { meeting: Object.fromEntries(Object.entries(meeting()).filter(([k]) => k !== 'bpdPresent')) }],
        ['10001 attendees', { meeting: { ...meeting(), attendees: 10001 } }],
        ['a fractional number of attendees', { meeting: { ...meeting(), attendees: 34.5 } }],
        ['attendees as a string', { meeting: { ...meeting(), attendees: '34' } }],
        ['notes of 2001 letters', { meeting: { ...meeting(), notes: 'n'.repeat(2001) } }],
        ['notes null', { meeting: { ...meeting(), notes: null } }],
      ])('a create with %s is refused', async (_case, patch) => {
        await denied(create(tampered(newMusyawarah(), patch)));
      });

      it.each(Object.keys(newMusyawarah()))('a create without %s is refused', async (key) => {
        await denied(create(without(newMusyawarah(), key)));
      });

      // No function validates a musyawarah, so the rules are its only check: month and day ranges
      // are checked, and blanks do not count as a place.
      it('a meeting dated 2026-13-45 is refused', async () => {
        await denied(create(newMusyawarah(OPERATOR_UID, { meeting: meeting({ date: '2026-13-45' }) })));
      });

      // Issue 13 F9: the date is the client's to choose, within a window around the server's time
      // (request.time): not more than a year back, not after the next day (a day counts from 00:00
      // UTC, so "today" holds in every Indonesian time zone).
      it.each([
        ['today', 0],
        ['tomorrow (an operator east of Jakarta)', 1],
        ['365 days ago', -365],
      ])('a meeting dated %s is accepted', async (_case, days) => {
        await allowed(create(newMusyawarah(OPERATOR_UID, { meeting: meeting({ date: utcDay(days) }) })));
      });

      it.each([
        ['9999-12-31', '9999-12-31'],
        ['the day after tomorrow', utcDay(2)],
        ['366 days ago', utcDay(-366)],
        ['in 1970', '1970-01-01'],
        ['30 February (a day no calendar has)', '2026-02-30'],
      ])('a meeting dated %s is refused', async (_case, date) => {
        await denied(create(newMusyawarah(OPERATOR_UID, { meeting: meeting({ date }) })));
      });

      it('a meeting whose place is only blanks is refused', async () => {
        await denied(create(newMusyawarah(OPERATOR_UID, { meeting: meeting({ place: '   ' }) })));
      });

      it('another desa’s operator creates one for their own desa (the rule is not Derati-specific)', async () => {
        const own = { desaCode: DESA.other.desa, kecamatanCode: DESA.other.kecamatan, kabupatenCode: DESA.other.kabupaten };
        await allowed(setDoc(doc(as('otherOperator'), 'musyawarah/m2'), newMusyawarah('op-other', own)));
      });
    });

    describe('update: a draft may be edited or submitted, nothing else', () => {
      const update = (data: Record<string, unknown>) => updateDoc(doc(as('operator'), M), data);

      it('a draft is submitted: status diajukan, submittedAt and updatedAt now', async () => {
        await allowed(update(submit()));
      });

      it('a draft edited twice stays a draft', async () => {
        await allowed(update(edit()));
        await allowed(update({ meeting: meeting({ notes: 'Dihadiri BPD' }), status: 'draft', updatedAt: serverTimestamp() }));
      });

      it.each([
        ['another desa’s code', { desaCode: DESA.other.desa }],
        ['another kecamatan code', { kecamatanCode: '17.02.07' }],
        ['another kabupaten code', { kabupatenCode: '17.08' }],
        ['another author', { createdBy: 'op-other' }],
        ['a new createdAt, even the server’s', { createdAt: serverTimestamp() }],
        ['an unknown field', { approved: true }],
        ['the meeting removed', { meeting: deleteField() }],
        ['submittedAt removed', { submittedAt: deleteField() }],
        ['an invalid meeting', { meeting: { ...meeting(), attendees: 0 } }],
        ['a meeting with an unknown field', { meeting: { ...meeting(), budget: 1 } }],
      ])('an edit with %s is refused', async (_case, patch) => {
        await denied(update({ ...edit(), ...patch }));
      });

      it.each([
        ['updatedAt left as it was', { meeting: meeting({ attendees: 40 }) }],
        ['updatedAt in the past', { meeting: meeting({ attendees: 40 }), updatedAt: PAST }],
        ['updatedAt from the client’s clock', { meeting: meeting({ attendees: 40 }), updatedAt: Timestamp.now() }],
        ['updatedAt removed', { meeting: meeting({ attendees: 40 }), updatedAt: deleteField() }],
      ])('an edit with %s is refused', async (_case, patch) => {
        await denied(update(patch));
      });

      it.each([
        ['submittedAt in the past', { ...submit(), submittedAt: PAST }],
        ['submittedAt left null', { ...submit(), submittedAt: null }],
        ['a draft stamped with submittedAt', { status: 'draft', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() }],
        ['a final status', { ...submit(), status: 'disetujui' }],
        ['a status of the wrong type', { ...submit(), status: true }],
      ])('a submission with %s is refused', async (_case, patch) => {
        await denied(update(patch));
      });

      it('a draft whose meeting is now more than a year old is no longer submitted, nor saved with that date', async () => {
        await seed({ [M]: storedMusyawarah('draft', { meeting: meeting({ date: utcDay(-400) }) }) });
        await denied(update(submit()));
        await denied(update(portal.meetingUpdate(meeting({ date: utcDay(-400), attendees: 40 }), serverTimestamp())));
        await allowed(update(portal.meetingUpdate(meeting({ date: utcDay(-3) }), serverTimestamp())));
      });

      it('a draft is not moved to 9999-12-31 when it is submitted', async () => {
        await denied(update({ ...submit(), meeting: meeting({ date: '9999-12-31' }) }));
      });

      it.each([
        ['edited', () => edit()],
        ['taken back to draft', () => ({ status: 'draft', submittedAt: null, updatedAt: serverTimestamp() })],
        ['submitted again', () => submit()],
      ])('once submitted it cannot be %s by the operator', async (_case, patch) => {
        await seed({ [M]: storedMusyawarah('diajukan') });
        await denied(update(patch()));
      });

      it('verifikator and kadis cannot edit or submit one', async () => {
        for (const who of ['verifikator', 'kadis'] as const) {
          await denied(updateDoc(doc(as(who), M), edit()));
          await denied(updateDoc(doc(as(who), M), submit()));
        }
      });
    });
  });
}
