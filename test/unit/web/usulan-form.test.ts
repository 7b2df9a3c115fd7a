import { describe, expect, it } from 'vitest';
import { usulanContentSchema } from '../../../functions/src/domain/index.js';
import {
  ARCHIVE_PREFIX,
  checkUsulan,
  documentRef,
  newUsulanForm,
  placeReason,
  prefillPerbaikan,
  rendersField,
  toUsulanContent,
  unplacedErrors,
  type KeluarForm,
  type PerbaikanForm,
  type PindahMasukForm,
  type ReaktivasiForm,
  type RegisterHousehold,
  type RegisterMember,
  type UsulanCheckContext,
} from '../../../web/src/lib/operator/usulan/form.js';
import { nikOf, REF } from '../domain/factories.js';
import { translator } from './messages.js';

/**
 * The wizard's rows of every usulan type: what the inputs turn into (exactly the keys
 * firestore.rules accepts per type), and where each error of the shared schemas is shown.
 */
const DESA = '17.02.06.2001';
const household = (overrides: Partial<RegisterHousehold> = {}): RegisterHousehold => ({
  id: 'hh-1',
  desaCode: DESA,
  kkNumber: '1702061708790002',
  address: 'Dusun II RT 03, Derati',
  desil: 3,
  headName: 'Hendra Saputra',
  status: 'aktif',
  reactivations: 0,
  ...overrides,
});
const t = translator('id');
const ctx = (...households: RegisterHousehold[]): UsulanCheckContext => ({ desaCode: DESA, households: new Map(households.map((h) => [h.id, h])), t });
const members: RegisterMember[] = [
  {
    id: 'm1',
    nik: nikOf('1979-08-17', 'L'),
    name: 'Hendra Saputra',
    sex: 'L',
    birthDate: '1979-08-17',
    relationship: 'kepala_keluarga',
    occupation: 'petani',
    status: 'aktif',
  },
  { id: 'm2', nik: null, name: 'Rizki', sex: 'L', birthDate: '2015-05-02', relationship: 'anak', school: 'sd', status: 'aktif' },
  { id: 'm3', nik: nikOf('1950-01-01', 'P'), name: 'Nenek', sex: 'P', birthDate: '1950-01-01', relationship: 'orang_tua', status: 'keluar' },
];

/** Content keys firestore.rules (`validContent`) allows per type: required, then optional. */
const RULE_KEYS: Record<string, [string[], string[]]> = {
  baru: [['household'], []],
  perbaikan: [['householdId', 'household', 'note'], ['kkChangeReason']],
  keluar: [
    ['householdId', 'reason', 'memberIds', 'note'],
    ['duplicateOfHouseholdId', 'destinationDesaCode', 'evidence'],
  ],
  reaktivasi: [['householdId', 'suratPernyataan', 'baKlarifikasi'], ['note']],
  pindah_masuk: [['householdId', 'fromDesaCode', 'address', 'note'], ['kkNumber']],
};

function filledKeluar(): KeluarForm {
  const f = newUsulanForm('keluar', 'hh-1') as KeluarForm;
  f.reason = 'meninggal';
  f.note = 'Meninggal dunia bulan lalu';
  return f;
}

function filledReaktivasi(): ReaktivasiForm {
  const f = newUsulanForm('reaktivasi', 'hh-1') as ReaktivasiForm;
  f.suratPernyataan = { number: '470/12/2026', date: '2026-01-10' };
  f.baKlarifikasi = { number: 'BA-07', date: '2026-01-12', signedBy: { kpm: true, pendamping: true, kadinsos: true } };
  return f;
}

function filledPindah(): PindahMasukForm {
  const f = newUsulanForm('pindah_masuk', 'hh-9') as PindahMasukForm;
  f.fromDesaCode = '17.02.06.2002';
  f.address = 'Dusun I RT 01, Derati';
  f.note = 'Pindah karena menikah';
  return f;
}

describe('toUsulanContent', () => {
  it('writes exactly the keys the rules accept for each type, and the shared schema parses it', () => {
    const perbaikan = newUsulanForm('perbaikan') as PerbaikanForm;
    prefillPerbaikan(perbaikan, household(), members);
    perbaikan.note = 'Desil diperbarui';
    const baru = newUsulanForm('baru');
    prefillPerbaikan(perbaikan, household(), members);
    if (baru.type === 'baru') baru.household = structuredClone(perbaikan.household);
    for (const form of [baru, perbaikan, filledKeluar(), filledReaktivasi(), filledPindah()]) {
      const parsed = usulanContentSchema.safeParse(toUsulanContent(form));
      expect(parsed.success, form.type).toBe(true);
      const keys = Object.keys(parsed.data!).filter((k) => k !== 'type' && (parsed.data as Record<string, unknown>)[k] !== undefined);
      const [required, optional] = RULE_KEYS[form.type]!;
      expect(
        keys.filter((k) => !required.includes(k) && !optional.includes(k)),
        form.type,
      ).toEqual([]);
      expect(
        required.filter((k) => !keys.includes(k)),
        form.type,
      ).toEqual([]);
    }
  });

  it('leaves optional fields out rather than writing empty ones', () => {
    const keluar = filledKeluar();
    keluar.destinationDesaCode = '17.02.06.2002'; // kept only for reason "pindah"
    expect(toUsulanContent(keluar)).toMatchObject({ duplicateOfHouseholdId: undefined, destinationDesaCode: undefined, evidence: undefined, memberIds: [] });
    keluar.reason = 'pindah';
    expect(toUsulanContent(keluar)).toMatchObject({ destinationDesaCode: '17.02.06.2002' });
    const pindah = filledPindah();
    expect(toUsulanContent(pindah)).toMatchObject({ kkNumber: undefined });
  });

  it('names a paper document by its number in the village archive', () => {
    expect(documentRef({ number: ' 470/12 ', date: '2026-01-10' })).toEqual({ documentId: `${ARCHIVE_PREFIX}470/12`, number: '470/12', date: '2026-01-10' });
    expect(documentRef({ number: '', date: '' })).toEqual({ documentId: '', date: '' });
  });

  it('sends only the members chosen when some members leave', () => {
    const keluar = filledKeluar();
    keluar.memberIds = ['m1'];
    expect(toUsulanContent(keluar)).toMatchObject({ memberIds: [] });
    keluar.scope = 'anggota';
    expect(toUsulanContent(keluar)).toMatchObject({ memberIds: ['m1'] });
  });
});

describe('prefillPerbaikan', () => {
  it('starts the correction from the register: active members only, NIK kept, no NIK marked', () => {
    const f = newUsulanForm('perbaikan') as PerbaikanForm;
    prefillPerbaikan(f, household(), members);
    expect(f.householdId).toBe('hh-1');
    expect(f.household.kkNumber).toBe('1702061708790002');
    expect(f.household.members.map((m) => m.name)).toEqual(['Hendra Saputra', 'Rizki']);
    expect(f.household.members[0]).toMatchObject({ nik: members[0]!.nik, noNik: false, occupation: 'petani', school: '' });
    expect(f.household.members[1]).toMatchObject({ nik: '', noNik: true, school: 'sd' });
  });
});

describe('checkUsulan: errors next to their fields', () => {
  it('a complete row of each type passes', () => {
    for (const form of [filledKeluar(), filledPindah()]) expect(checkUsulan(form, REF, ctx(household())).content, form.type).not.toBeNull();
  });

  it('keluar: reason and note are required, each at its field', () => {
    const f = newUsulanForm('keluar') as KeluarForm;
    const check = checkUsulan(f, REF, ctx(household()));
    expect(check.content).toBeNull();
    // The wording is the shared schemas'; what the wizard guarantees is one message at each field.
    expect(check.errors.householdId).toHaveLength(1);
    expect(check.errors.reason).toHaveLength(1);
    expect(check.errors.note).toHaveLength(1);
    expect(Object.keys(check.errors).sort()).toEqual(['householdId', 'note', 'reason']);
  });

  it('keluar: "some members" with none chosen is refused at the members field', () => {
    const f = filledKeluar();
    f.scope = 'anggota';
    expect(checkUsulan(f, REF, ctx(household())).errors.memberIds).toEqual(['Pilih anggota yang keluar, atau pilih "seluruh keluarga"']);
    expect(checkUsulan(f, REF, { ...ctx(household()), t: translator('en') }).errors.memberIds).toEqual([
      'Choose the members who leave, or choose "The whole household"',
    ]);
  });

  it('keluar: a death without its certificate is a warning, not an error', () => {
    const check = checkUsulan(filledKeluar(), REF, ctx(household()));
    expect(check.content).not.toBeNull();
    expect(check.warnings.map((w) => w.code)).toEqual(['keluar.evidence_missing']);
  });

  it('keluar: a duplicate must name the household that stays', () => {
    const f = filledKeluar();
    f.reason = 'ganda';
    expect(checkUsulan(f, REF, ctx(household())).errors.duplicateOfHouseholdId).toHaveLength(1);
  });

  it('keluar: a household of another desa is refused (register read by the portal)', () => {
    const check = checkUsulan(filledKeluar(), REF, ctx(household({ desaCode: '17.02.06.2002' })));
    expect(check.errors.householdId).toEqual([expect.stringContaining('desa lain')]);
  });

  it('reaktivasi: missing documents are said at the number and date fields, in the words of the form', () => {
    const f = newUsulanForm('reaktivasi', 'hh-1') as ReaktivasiForm;
    const check = checkUsulan(f, REF, ctx(household({ status: 'ditangguhkan' })));
    expect(check.errors['suratPernyataan.number']).toEqual(['Nomor dokumen wajib diisi (dokumen disimpan di arsip desa)']);
    expect(check.errors['suratPernyataan.date']).toHaveLength(1);
    expect(check.errors['baKlarifikasi.number']).toEqual(['Nomor dokumen wajib diisi (dokumen disimpan di arsip desa)']);
    expect(check.errors['baKlarifikasi.signedBy']).toHaveLength(1);
    expect(check.errors['suratPernyataan.documentId']).toBeUndefined();
  });

  it('reaktivasi: follows the kabupaten policy and the household status', () => {
    const suspended = household({ status: 'ditangguhkan' });
    const byDefault = checkUsulan(filledReaktivasi(), REF, ctx(suspended));
    expect(byDefault.errors['']).toEqual([expect.stringContaining('Kabupaten ini tidak memakai reaktivasi')]);
    const allowed = checkUsulan(filledReaktivasi(), REF, { ...ctx(suspended), suspensionPolicy: { route: 'reaktivasi', maxReactivations: 2 } });
    expect(allowed.content).not.toBeNull();
    const active = checkUsulan(filledReaktivasi(), REF, { ...ctx(household()), suspensionPolicy: { route: 'reaktivasi', maxReactivations: 2 } });
    expect(active.errors['']).toHaveLength(1);
    const used = checkUsulan(filledReaktivasi(), REF, {
      ...ctx(household({ status: 'ditangguhkan', reactivations: 2 })),
      suspensionPolicy: { route: 'reaktivasi', maxReactivations: 2 },
    });
    expect(used.errors['']).toEqual([expect.stringContaining('2 kali')]);
  });

  it('perbaikan: a changed KK number needs its reason, at the reason field', () => {
    const f = newUsulanForm('perbaikan') as PerbaikanForm;
    prefillPerbaikan(f, household(), members);
    f.note = 'KK baru setelah pindah rumah';
    f.household.kkNumber = '1702061503100004';
    const check = checkUsulan(f, REF, ctx(household()));
    expect(check.errors.kkChangeReason).toHaveLength(1);
    f.kkChangeReason = 'pindah';
    expect(checkUsulan(f, REF, ctx(household())).content).not.toBeNull();
  });

  it('perbaikan: member errors point at the member field', () => {
    const f = newUsulanForm('perbaikan') as PerbaikanForm;
    prefillPerbaikan(f, household(), members);
    f.note = 'Tanggal lahir diperbaiki';
    f.household.members[0]!.birthDate = '1979-08-18';
    expect(checkUsulan(f, REF, ctx(household())).errors['household.members.0.nik']).toEqual(['Tanggal lahir pada NIK tidak sama dengan tanggal lahir anggota']);
  });

  it('pindah masuk: from the own desa is refused at the old-desa field', () => {
    const f = filledPindah();
    f.fromDesaCode = DESA;
    expect(checkUsulan(f, REF, ctx()).errors.fromDesaCode).toEqual([expect.stringContaining('Desa asal sama dengan desa tujuan')]);
    f.fromDesaCode = '17.2.6.1';
    expect(checkUsulan(f, REF, ctx()).errors.fromDesaCode).toHaveLength(1);
  });
});

describe('where errors are shown', () => {
  it('moves documentId errors to the number field', () => {
    expect(placeReason({ code: 'x', message: 'Dokumen wajib diunggah', field: 'evidence.documentId' }, t)).toEqual({
      code: 'x',
      message: 'Nomor dokumen wajib diisi (dokumen disimpan di arsip desa)',
      field: 'evidence.number',
    });
    expect(placeReason({ code: 'x', message: 'Dokumen wajib diunggah', field: 'evidence.documentId' }, translator('en')).message).toBe(
      'The document number is required (the document is kept in the village archive)',
    );
    expect(placeReason({ code: 'x', message: 'm', field: 'note' }, t)).toEqual({ code: 'x', message: 'm', field: 'note' });
  });

  it('every error a row cannot place next to a field is listed on the row', () => {
    const errors = { note: ['a'], '': ['b'], 'household.members.0.nik': ['c'], 'something.else': ['d'] };
    expect(unplacedErrors(errors, (f) => rendersField('perbaikan', f))).toEqual(['b', 'd']);
    expect(unplacedErrors(errors, (f) => rendersField('baru', f))).toEqual(['a', 'b', 'd']);
    for (const f of ['householdId', 'suratPernyataan.number', 'baKlarifikasi.signedBy']) expect(rendersField('reaktivasi', f)).toBe(true);
    for (const f of ['evidence.number', 'memberIds']) expect(rendersField('keluar', f)).toBe(true);
    expect(rendersField('pindah_masuk', 'kkNumber')).toBe(true);
  });
});
