import { describe, expect, it } from 'vitest';
import { newHousehold } from '../../../web/src/lib/operator/musyawarah/form.js';
import {
  checkWizard,
  contentsOf,
  countByType,
  firstInvalidStep,
  moveTo,
  newWizard,
  stepIsValid,
  type WizardForm,
} from '../../../web/src/lib/operator/musyawarah/wizard.js';
import { newUsulanForm, type UsulanCheckContext } from '../../../web/src/lib/operator/usulan/form.js';
import { household, REF } from '../domain/factories.js';
import { translator } from './messages.js';

/** The wizard's state: which step may be left, where a save attempt sends the operator, what is written. */
const ctx: UsulanCheckContext = { desaCode: '17.02.06.2001', households: new Map(), t: translator('id') };

function validMeeting(form: WizardForm): void {
  Object.assign(form.meeting, { place: 'Balai Desa Derati', chair: 'Kepala Desa', attendees: 30, poorHouseholdRepresentatives: 5, bpdPresent: true });
}

function validBaru() {
  const row = newUsulanForm('baru');
  if (row.type !== 'baru') throw new Error('unreachable');
  const h = household();
  row.household = {
    kkNumber: h.kkNumber,
    address: h.address,
    desil: h.desil,
    members: h.members.map((m) => ({
      ...newHousehold().members[0]!,
      nik: m.nik ?? '',
      noNik: m.nik === null,
      name: m.name,
      sex: m.sex,
      birthDate: m.birthDate,
      relationship: m.relationship,
      school: m.school ?? '',
    })),
  };
  return row;
}

describe('musyawarah wizard', () => {
  it('starts on the berita acara, musdesus for a desa and muskelsus for a kelurahan, dated today', () => {
    expect(newWizard('2025-06-15').meeting).toMatchObject({ type: 'musdesus', date: '2025-06-15', place: '', attendees: null });
    expect(newWizard('2025-06-15', true).meeting.type).toBe('muskelsus');
  });

  it('an empty wizard is invalid at every step, and says why at the usulan step', () => {
    const check = checkWizard(newWizard('2025-06-15'), REF, ctx);
    expect(check.ok).toBe(false);
    expect(check.meetingErrors.place).toEqual(['Tempat wajib diisi']);
    expect(check.usulanListError).toBe('Tambahkan minimal satu usulan');
    expect(checkWizard(newWizard('2025-06-15'), REF, { ...ctx, t: translator('en') }).usulanListError).toBe('Add at least one proposal');
    expect(firstInvalidStep(check)).toBe('rapat');
    expect(contentsOf(check)).toBeNull();
  });

  it('leaving a step forward needs that step valid; going back never does', () => {
    const form = newWizard('2025-06-15');
    let check = checkWizard(form, REF, ctx);
    expect(moveTo('rapat', 'usulan', check)).toEqual({ step: 'rapat', blocked: true });
    expect(moveTo('usulan', 'rapat', check)).toEqual({ step: 'rapat', blocked: false });
    validMeeting(form);
    check = checkWizard(form, REF, ctx);
    expect(stepIsValid('rapat', check)).toBe(true);
    expect(moveTo('rapat', 'usulan', check)).toEqual({ step: 'usulan', blocked: false });
    // Jumping from the berita acara to the review checks the usulan step on the way.
    expect(moveTo('rapat', 'periksa', check)).toEqual({ step: 'usulan', blocked: true });
    // Coming from a household's page, the usulan may be filled before the berita acara: saving still finds it.
    const fromHousehold = newWizard('2025-06-15');
    fromHousehold.usulan.push(validBaru());
    const c2 = checkWizard(fromHousehold, REF, ctx);
    expect(moveTo('usulan', 'periksa', c2)).toEqual({ step: 'periksa', blocked: false });
    expect(firstInvalidStep(c2)).toBe('rapat');
  });

  it('an invalid row keeps the usulan step from being left', () => {
    const form = newWizard('2025-06-15');
    validMeeting(form);
    form.usulan.push(validBaru(), newUsulanForm('keluar'));
    const check = checkWizard(form, REF, ctx);
    expect(check.usulan.map((u) => u.content !== null)).toEqual([true, false]);
    expect(moveTo('usulan', 'periksa', check)).toEqual({ step: 'usulan', blocked: true });
    expect(firstInvalidStep(check)).toBe('usulan');
  });

  // Issue 13 F9: the rules refuse a meeting dated outside a window around the time of writing; the
  // wizard says so next to the date instead of leaving a write the server refuses.
  it.each([
    ['9999-12-31', '9999-12-31'],
    ['the day after tomorrow', '2025-06-17'],
    ['more than a year ago', '2024-06-14'],
  ])('a meeting dated %s is refused next to its date', (_case, date) => {
    const form = newWizard(date);
    validMeeting(form);
    form.usulan.push(validBaru());
    const check = checkWizard(form, REF, ctx);
    expect(check.ok).toBe(false);
    expect(check.meeting).toBeNull();
    expect(check.meetingErrors).toEqual({ date: ['Tanggal musyawarah harus dalam satu tahun terakhir dan tidak lewat dari besok'] });
    expect(checkWizard(form, REF, { ...ctx, t: translator('en') }).meetingErrors.date).toEqual([
      'The meeting date must be within the last year and no later than tomorrow',
    ]);
    expect(firstInvalidStep(check)).toBe('rapat');
  });

  it('a meeting held a year ago or dated tomorrow is accepted', () => {
    for (const date of ['2024-06-15', '2025-06-16']) {
      const form = newWizard(date);
      validMeeting(form);
      expect(checkWizard(form, REF, ctx).meetingErrors).toEqual({});
    }
  });

  it('when all is valid, the contents to write are the shared schema output, in row order', () => {
    const form = newWizard('2025-06-15');
    validMeeting(form);
    form.usulan.push(validBaru());
    const check = checkWizard(form, REF, ctx);
    expect(check.ok).toBe(true);
    expect(firstInvalidStep(check)).toBeNull();
    expect(check.meeting).toEqual({
      type: 'musdesus',
      date: '2025-06-15',
      place: 'Balai Desa Derati',
      chair: 'Kepala Desa',
      attendees: 30,
      bpdPresent: true,
      poorHouseholdRepresentatives: 5,
      notes: '',
    });
    expect(contentsOf(check)?.map((c) => c.type)).toEqual(['baru']);
    expect(countByType(form)).toEqual({ baru: 1 });
  });

  it('adding to a saved draft: its usulan count towards "at least one"', () => {
    const form = newWizard('2025-06-15');
    validMeeting(form);
    expect(checkWizard(form, REF, ctx).usulanListError).not.toBeNull();
    const check = checkWizard(form, REF, ctx, 2);
    expect(check.usulanListError).toBeNull();
    expect(check.ok).toBe(true);
    expect(contentsOf(check)).toEqual([]);
  });

  it('the meeting rules of the berita acara: representatives cannot outnumber the attendees', () => {
    const form = newWizard('2025-06-15');
    validMeeting(form);
    form.meeting.poorHouseholdRepresentatives = 31;
    expect(checkWizard(form, REF, ctx).meetingErrors.poorHouseholdRepresentatives).toHaveLength(1);
  });
});
