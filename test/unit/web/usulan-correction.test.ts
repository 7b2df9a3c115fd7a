import { describe, expect, it } from 'vitest';
import { usulanContentSchema, type Reason, type UsulanContent } from '../../../functions/src/domain/index.js';
import { contentKeys, contentUpdate, correctable, formFromContent, mergeErrors, previousErrors } from '../../../web/src/lib/operator/usulan/correction.js';
import {
  ARCHIVE_PREFIX,
  checkUsulan,
  toUsulanContent,
  type BaruForm,
  type KeluarForm,
  type ReaktivasiForm,
  type RegisterHousehold,
  type UsulanCheckContext,
} from '../../../web/src/lib/operator/usulan/form.js';
import { nikOf } from '../domain/factories.js';
import { translator } from './messages.js';

/**
 * Correcting an usulan that failed validation: its stored content back into the wizard's row, the
 * failed validation's reasons next to their fields while those fields still hold what was checked,
 * and the update that writes the corrected content.
 */
const DESA = '17.02.06.2001';
const t = translator('id');
const target: RegisterHousehold = {
  id: 'hh-1',
  desaCode: DESA,
  kkNumber: '1702061708790002',
  address: 'Dusun II RT 03, Derati',
  desil: 3,
  headName: 'Hendra Saputra',
  status: 'aktif',
  reactivations: 0,
};
const ctx: UsulanCheckContext = { desaCode: DESA, households: new Map([[target.id, target]]), t };

const household = () => ({
  kkNumber: '1702061708790002',
  address: 'Dusun II RT 03, Derati',
  desil: 3,
  members: [
    {
      nik: nikOf('1979-08-17', 'L'),
      name: 'Hendra Saputra',
      sex: 'L' as const,
      birthDate: '1979-08-17',
      relationship: 'kepala_keluarga' as const,
      occupation: 'petani' as const,
    },
    { nik: null, name: 'Sari', sex: 'P' as const, birthDate: '1983-02-11', relationship: 'istri' as const, pregnant: true },
    {
      nik: null,
      name: 'Rizki',
      sex: 'L' as const,
      birthDate: '2015-05-02',
      relationship: 'anak' as const,
      school: 'sd' as const,
      disability: 'ringan' as const,
    },
  ],
});
const archived = (number: string, date: string) => ({ documentId: `${ARCHIVE_PREFIX}${number}`, number, date });

/** One valid content of every type, as the portal writes it. */
const CONTENTS: UsulanContent[] = [
  { type: 'baru', household: household() },
  {
    type: 'perbaikan',
    householdId: 'hh-1',
    household: { ...household(), kkNumber: '1702061708790099' },
    kkChangeReason: 'pecah_kk',
    note: 'Anak sulung pecah KK',
  },
  {
    type: 'keluar',
    householdId: 'hh-1',
    reason: 'meninggal',
    memberIds: ['m2'],
    evidence: archived('474.3/12/2026', '2026-03-02'),
    note: 'Meninggal dunia bulan lalu',
  },
  { type: 'keluar', householdId: 'hh-1', reason: 'ganda', memberIds: [], duplicateOfHouseholdId: 'hh-9', note: 'Terdaftar dua kali' },
  {
    type: 'reaktivasi',
    householdId: 'hh-1',
    suratPernyataan: archived('SP-01', '2026-03-01'),
    baKlarifikasi: { ...archived('BA-07', '2026-03-03'), signedBy: ['kpm', 'pendamping', 'kadinsos'] },
    note: 'Klarifikasi selesai',
  },
  {
    type: 'pindah_masuk',
    householdId: 'hh-7',
    fromDesaCode: '17.02.06.2002',
    address: 'Dusun I RT 01, Derati',
    kkNumber: '1702061111260001',
    note: 'Pindah karena pekerjaan',
  },
];

describe('formFromContent: a stored usulan back into the wizard row', () => {
  it.each(CONTENTS.map((c) => [`${c.type}${'reason' in c ? ` (${c.reason})` : ''}`, c] as const))(
    '%s: the row writes the same content again',
    (_case, content) => {
      const stored = { ...content, status: 'tidak_lolos_validasi', desaCode: DESA };
      const form = formFromContent(stored);
      expect(usulanContentSchema.parse(toUsulanContent(form))).toEqual(usulanContentSchema.parse(content));
    },
  );

  it('a keluar of the whole household opens with that scope and no evidence', () => {
    const keluar: UsulanContent = { type: 'keluar', householdId: 'hh-1', reason: 'mampu', memberIds: [], note: 'Sudah mampu' };
    const form = formFromContent(keluar) as KeluarForm;
    expect(form).toMatchObject({ scope: 'keluarga', withEvidence: false, evidence: { number: '', date: '' } });
  });

  it('a reactivation lists who signed the BA klarifikasi, and who did not', () => {
    const stored = {
      type: 'reaktivasi' as const,
      householdId: 'hh-1',
      suratPernyataan: { documentId: 'dok/sp-1', date: '2026-03-01' },
      baKlarifikasi: { documentId: 'dok/ba-1', date: '2026-03-02', signedBy: ['kpm'] },
    };
    const form = formFromContent(stored) as ReaktivasiForm;
    expect(form.baKlarifikasi.signedBy).toEqual({ kpm: true, pendamping: false, kadinsos: false });
    // A document stored by path (not the village archive) keeps its reference in the number field.
    expect(form.suratPernyataan.number).toBe('dok/sp-1');
  });

  it('content that failed the schemas is read leniently: what is there is kept, what is missing starts empty', () => {
    const stored = {
      type: 'baru' as const,
      household: { kkNumber: '170206', address: 42, members: [{ nik: '12345', name: 'Budi', sex: 'X', birthDate: '1990-01-01' }, 'not a member'] },
    };
    const form = formFromContent(stored) as BaruForm;
    expect(form.household).toMatchObject({ kkNumber: '170206', address: '', desil: null });
    expect(form.household.members[0]).toMatchObject({ nik: '12345', noNik: false, name: 'Budi', sex: '', relationship: '', pregnant: false });
    expect(form.household.members[1]).toMatchObject({ nik: '', name: '' });
    // The live check then says what to fix, next to the fields.
    const check = checkUsulan(form, new Date('2026-04-01'), ctx);
    expect(check.content).toBeNull();
    expect(Object.keys(check.errors)).toEqual(expect.arrayContaining(['household.kkNumber', 'household.members.0.nik']));
  });

  it('a member recorded without NIK stays "without NIK"', () => {
    const form = formFromContent(CONTENTS[0]!) as BaruForm;
    expect(form.household.members.map((m) => m.noNik)).toEqual([false, true, true]);
  });
});

describe('previousErrors: the failed validation’s reasons, while they still apply', () => {
  const duplicate: Reason = { code: 'nik.registered', message: 'NIK sudah terdaftar di keluarga lain', field: 'household.members.0.nik' };
  const whole: Reason = { code: 'usulan.something', message: 'Usulan ditolak sistem' };
  const failed = (): BaruForm => formFromContent(CONTENTS[0]!) as BaruForm;

  it('shows each reason next to its field as long as that field holds what was validated', () => {
    const original = failed();
    const current = failed();
    current.household.address = 'Dusun III RT 01, Derati';
    expect(previousErrors([duplicate], original, current, t)).toEqual({ 'household.members.0.nik': ['NIK sudah terdaftar di keluarga lain'] });
  });

  it('drops a reason once its field is changed', () => {
    const original = failed();
    const current = failed();
    current.household.members[0]!.nik = nikOf('1979-08-17', 'L', { serial: '0005' });
    expect(previousErrors([duplicate], original, current, t)).toEqual({});
  });

  it('a reason about no field stays until anything changes', () => {
    const original = failed();
    const current = failed();
    expect(previousErrors([whole], original, current, t)).toEqual({ '': ['Usulan ditolak sistem'] });
    current.household.desil = 4;
    expect(previousErrors([whole], original, current, t)).toEqual({});
  });

  it('a reason about a stored document id is shown at the document number, and goes when the number changes', () => {
    const original = formFromContent(CONTENTS[4]!) as ReaktivasiForm;
    const current = formFromContent(CONTENTS[4]!) as ReaktivasiForm;
    const missing: Reason = { code: 'evidence.missing', message: 'Dokumen wajib diunggah', field: 'suratPernyataan.documentId' };
    expect(Object.keys(previousErrors([missing], original, current, t))).toEqual(['suratPernyataan.number']);
    current.suratPernyataan.number = 'SP-02';
    expect(previousErrors([missing], original, current, t)).toEqual({});
  });

  it('merged with the live check, each message appears once', () => {
    expect(mergeErrors({ a: ['x'], b: ['y'] }, { a: ['x', 'z'], '': ['w'] })).toEqual({ a: ['x', 'z'], b: ['y'], '': ['w'] });
  });
});

describe('contentUpdate: the write that replaces a draft’s content', () => {
  it('sets every content key the corrected usulan has and removes the optional ones it left out; never the type', () => {
    const update = contentUpdate({ type: 'keluar', householdId: 'hh-1', reason: 'mampu', memberIds: [], note: 'Sudah mampu' });
    expect(update.set).toEqual({ householdId: 'hh-1', reason: 'mampu', memberIds: [], note: 'Sudah mampu' });
    expect(update.remove.sort()).toEqual(['destinationDesaCode', 'duplicateOfHouseholdId', 'evidence']);
  });

  it('knows each type’s keys from the shared schemas, as firestore.rules lists them', () => {
    expect(contentKeys('baru')).toEqual(['household']);
    expect(contentKeys('perbaikan').sort()).toEqual(['household', 'householdId', 'kkChangeReason', 'note']);
    expect(contentKeys('reaktivasi').sort()).toEqual(['baKlarifikasi', 'householdId', 'note', 'suratPernyataan']);
    expect(contentKeys('pindah_masuk').sort()).toEqual(['address', 'fromDesaCode', 'householdId', 'kkNumber', 'note']);
  });
});

describe('correctable', () => {
  it.each([
    ['tidak_lolos_validasi', 'diajukan', true],
    ['draft', 'diajukan', true],
    ['draft', 'draft', false],
    ['tidak_lolos_validasi', 'selesai', false],
    ['diajukan', 'diajukan', false],
    ['ditolak', 'diajukan', false],
  ])('an usulan %s of a musyawarah %s: %s', (u, m, ok) => {
    expect(correctable(u, m)).toBe(ok);
  });
});
