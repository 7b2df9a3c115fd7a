import { describe, expect, it } from 'vitest';
import {
  decisionInputSchema,
  householdProposalSchema,
  meetingSchema,
  reasonText,
  memberSchema,
  usulanContentSchema,
  validateUsulan,
  validateUsulanBaru,
  type NikIndexEntry,
  type TargetHousehold,
} from '../../../functions/src/domain/index.js';
import { household, member, nikOf, REF } from './factories.js';

const codes = (r: { code: string }[]) => r.map((x) => x.code);
const evidence = { documentId: 'uploads/u1/surat.pdf', date: '2025-06-01' };
const target = (overrides: Partial<TargetHousehold> = {}): TargetHousehold => ({
  id: 'h1',
  desaCode: '17.02.06.2001',
  kkNumber: '1702061203150007',
  status: 'aktif',
  ...overrides,
});

describe('validateUsulanBaru (usulan baru)', () => {
  it('accepts a correct household and flags the member without NIK', () => {
    const r = validateUsulanBaru({ type: 'baru', household: household() }, REF);
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.field])).toEqual([['nik.missing', 'household.members.2.nik']]);
    expect(r.content?.household.members).toHaveLength(3);
  });

  it('turns schema problems into reasons on form fields', () => {
    const r = validateUsulanBaru({ type: 'baru', household: { ...household(), desil: 11, members: [] } }, REF);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.field)).toEqual(['household.desil', 'household.members', 'household.members']);
    expect(r.errors[0]).toMatchObject({ code: 'schema.too_big', message: 'Desil harus 1–10' });
    expect(r.content).toBeUndefined();
  });

  it('requires exactly one kepala keluarga', () => {
    const two = household({ members: [member(), member({ nik: nikOf('1990-01-01', 'L', { serial: '0009' }), birthDate: '1990-01-01' })] });
    expect(householdProposalSchema.safeParse(two).success).toBe(false);
  });

  it('collects KK and NIK errors of every member, and the same NIK twice', () => {
    const h = household({
      kkNumber: '1702061203150000',
      members: [member(), member({ relationship: 'anak' }), member({ relationship: 'anak', sex: 'P', nik: nikOf('1984-03-12', 'L', { serial: '0003' }) })],
    });
    const r = validateUsulanBaru({ type: 'baru', household: h }, REF);
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([
      ['kk.serial', 'household.kkNumber'],
      ['nik.duplicate_in_household', 'household.members.1.nik'],
      ['nik.sex_mismatch', 'household.members.2.nik'],
    ]);
    expect(r.errors[1]!.params).toEqual({ member: 2, sameAs: 1 });
    expect(reasonText(r.errors[1]!)).toBe('NIK anggota ke-2 sama dengan NIK anggota ke-1');
    expect(reasonText(r.errors[1]!, 'en')).toBe('The NIK of member 2 is the same as the NIK of member 1');
  });

  it('refuses a birth date in the future and a pregnant man; warns about an ASN member', () => {
    const h = household({
      members: [
        member({ occupation: 'asn' }),
        member({ relationship: 'anak', nik: null, birthDate: '2025-06-16' }),
        member({ relationship: 'suami', nik: null, pregnant: true }),
      ],
    });
    const r = validateUsulanBaru({ type: 'baru', household: h }, REF);
    expect(codes(r.errors)).toEqual(['member.birth_date_future', 'member.pregnant_sex']);
    expect(codes(r.warnings)).toEqual(['member.excluded_occupation', 'nik.missing', 'nik.missing']);
    expect([...r.errors, r.warnings[0]!].map((x) => reasonText(x))).toEqual([
      'Tanggal lahir anggota ke-2 belum terjadi',
      'Anggota ke-3 tercatat laki-laki dan hamil/nifas',
      'Anggota ke-1 ASN/TNI/Polri: keluarga ini dikecualikan dari bantuan sosial',
    ]);
    expect(reasonText(r.errors[1]!, 'en')).toBe('Member 3 is recorded as male and as pregnant or post-partum');
  });

  it('passes region options through: an old NIK region can be a warning', () => {
    const h = household({ members: [member({ nik: nikOf('1984-03-12', 'L', { kecamatan: '640501' }) })] });
    expect(codes(validateUsulanBaru({ type: 'baru', household: h }, REF).errors)).toEqual(['nik.regency_unknown']);
    const soft = validateUsulanBaru({ type: 'baru', household: h }, REF, { unknownRegion: 'warning' });
    expect(soft.ok).toBe(true);
    expect(codes(soft.warnings)).toEqual(['nik.regency_unknown']);
  });
});

describe('member fields for criteria are optional', () => {
  it('older records without them still parse; new values are checked', () => {
    expect(memberSchema.safeParse({ nik: null, name: 'A', sex: 'L', birthDate: '2000-01-01', relationship: 'anak' }).success).toBe(true);
    expect(memberSchema.safeParse({ ...member(), occupation: 'polri', pregnant: false, disability: 'berat', school: 'smp' }).success).toBe(true);
    expect(memberSchema.safeParse({ ...member(), occupation: 'presiden' }).success).toBe(false);
    expect(memberSchema.safeParse({ ...member(), pregnant: 'ya' }).success).toBe(false);
  });
});

describe('validateUsulan: every usulan type', () => {
  it('baru behaves like validateUsulanBaru and, given the NIK index, reports NIKs already registered', () => {
    const index = new Map<string, NikIndexEntry>([[nikOf('1984-03-12', 'L'), { householdId: 'h9', desaCode: '17.02.06.2002', status: 'aktif' }]]);
    const r = validateUsulan({ type: 'baru', household: household() }, REF, { nikLookup: index });
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([['nik.registered', 'household.members.0.nik']]);
    expect(validateUsulan({ type: 'baru', household: household() }, REF).ok).toBe(true);
  });

  it('an unknown type is refused with a Bahasa Indonesia message', () => {
    const r = validateUsulan({ type: 'hapus' }, REF);
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.message).toBe('Jenis usulan tidak dikenal');
  });

  describe('perbaikan', () => {
    const perbaikan = (overrides = {}) => ({
      type: 'perbaikan',
      householdId: 'h1',
      household: household(),
      note: 'Alamat dan anggota diperbarui',
      ...overrides,
    });

    it('checks the corrected household; its own NIKs are no conflict', () => {
      const index = new Map<string, NikIndexEntry>([[nikOf('1984-03-12', 'L'), { householdId: 'h1', desaCode: '17.02.06.2001', status: 'aktif' }]]);
      const r = validateUsulan(perbaikan(), REF, { target: target(), desaCode: '17.02.06.2001', nikLookup: index });
      expect(r.ok).toBe(true);
    });

    it('a new KK number needs the reason of the change', () => {
      const changed = perbaikan({ household: household({ kkNumber: '1702091503230002' }) });
      expect(codes(validateUsulan(changed, REF, { target: target() }).errors)).toEqual(['perbaikan.kk_reason_required']);
      expect(validateUsulan({ ...changed, kkChangeReason: 'pindah' }, REF, { target: target() }).ok).toBe(true);
    });

    it('only the desa where the household is registered may correct it, and not after it left', () => {
      expect(codes(validateUsulan(perbaikan(), REF, { target: target(), desaCode: '17.02.06.2002' }).errors)).toEqual(['usulan.other_desa']);
      expect(codes(validateUsulan(perbaikan(), REF, { target: target({ status: 'keluar' }) }).errors)).toEqual(['usulan.household_keluar']);
      expect(codes(validateUsulan(perbaikan(), REF, { target: target({ id: 'h2' }) }).errors)).toEqual(['usulan.target_mismatch']);
    });

    it('needs a note', () => {
      expect(validateUsulan(perbaikan({ note: '' }), REF).errors.map((e) => e.field)).toEqual(['note']);
    });
  });

  describe('keluar (mampu / meninggal / pindah / tidak ditemukan / ganda)', () => {
    const keluar = (overrides = {}) => ({ type: 'keluar', householdId: 'h1', reason: 'mampu', memberIds: [], note: 'Hasil musdesus Juni', ...overrides });

    it.each(['mampu', 'pindah', 'tidak_ditemukan'])('%s for the whole household', (reason) => {
      expect(validateUsulan(keluar({ reason }), REF, { target: target(), desaCode: '17.02.06.2001' })).toMatchObject({ ok: true, errors: [], warnings: [] });
    });

    it('meninggal of one member: allowed, with a warning when no death certificate is attached', () => {
      const r = validateUsulan(keluar({ reason: 'meninggal', memberIds: ['m2'] }), REF);
      expect(r.ok).toBe(true);
      expect(codes(r.warnings)).toEqual(['keluar.evidence_missing']);
      expect(validateUsulan(keluar({ reason: 'meninggal', memberIds: ['m2'], evidence }), REF).warnings).toEqual([]);
    });

    it('ganda names the household that stays, which is another one', () => {
      expect(validateUsulan(keluar({ reason: 'ganda' }), REF).errors.map((e) => e.field)).toEqual(['duplicateOfHouseholdId']);
      expect(validateUsulan(keluar({ reason: 'ganda', duplicateOfHouseholdId: 'h1' }), REF).ok).toBe(false);
      expect(validateUsulan(keluar({ reason: 'ganda', duplicateOfHouseholdId: 'h7' }), REF).ok).toBe(true);
    });

    it('mampu is for the whole household; a member is listed once; the reason is from the list', () => {
      expect(validateUsulan(keluar({ memberIds: ['m1'] }), REF).errors.map((e) => e.field)).toEqual(['memberIds']);
      expect(validateUsulan(keluar({ reason: 'pindah', memberIds: ['m1', 'm1'] }), REF).errors.map((e) => e.field)).toEqual(['memberIds']);
      expect(validateUsulan(keluar({ reason: 'bosan' }), REF).errors.map((e) => e.field)).toEqual(['reason']);
    });
  });

  describe('reaktivasi', () => {
    const reaktivasi = (signedBy = ['kpm', 'pendamping', 'kadinsos']) => ({
      type: 'reaktivasi',
      householdId: 'h1',
      suratPernyataan: evidence,
      baKlarifikasi: { ...evidence, number: 'BA/12/2025', signedBy },
    });

    it('needs the surat pernyataan and a BA klarifikasi signed by the KPM, the pendamping and the Kadinsos', () => {
      expect(usulanContentSchema.safeParse(reaktivasi()).success).toBe(true);
      const r = validateUsulan(reaktivasi(['kpm', 'pendamping']), REF);
      expect(r.errors).toEqual([
        expect.objectContaining({ field: 'baKlarifikasi.signedBy', message: 'BA klarifikasi harus ditandatangani KPM, pendamping, dan Kepala Dinas Sosial' }),
      ]);
      const { suratPernyataan: _omit, ...noSurat } = reaktivasi();
      expect(validateUsulan(noSurat, REF).errors.map((e) => e.field)).toEqual(['suratPernyataan']);
    });

    it('follows the kabupaten’s return route and the limit of two', () => {
      const suspended = target({ status: 'ditangguhkan', reactivations: 0 });
      const kemensos = { route: 'reaktivasi', maxReactivations: 2 } as const;
      expect(validateUsulan(reaktivasi(), REF, { target: suspended, suspensionPolicy: kemensos }).ok).toBe(true);
      expect(codes(validateUsulan(reaktivasi(), REF, { target: { ...suspended, reactivations: 2 }, suspensionPolicy: kemensos }).errors)).toEqual([
        'reaktivasi.limit',
      ]);
      expect(codes(validateUsulan(reaktivasi(), REF, { target: suspended }).errors)).toEqual(['reaktivasi.route_usulan_baru']);
      expect(codes(validateUsulan(reaktivasi(), REF, { target: target(), suspensionPolicy: kemensos }).errors)).toEqual(['reaktivasi.not_suspended']);
    });
  });

  describe('pindah masuk', () => {
    const pindah = (overrides = {}) => ({
      type: 'pindah_masuk',
      householdId: 'h1',
      fromDesaCode: '17.02.06.2001',
      address: 'Jl. Baru 2',
      note: 'Pindah karena pekerjaan',
      ...overrides,
    });

    it('the receiving desa proposes a household registered in the desa it leaves', () => {
      expect(validateUsulan(pindah(), REF, { target: target(), desaCode: '17.02.01.2001' }).ok).toBe(true);
      expect(codes(validateUsulan(pindah(), REF, { target: target({ desaCode: '17.02.06.2002' }), desaCode: '17.02.01.2001' }).errors)).toEqual([
        'pindah.from_mismatch',
      ]);
    });

    it('a household of another kabupaten cannot be pulled in: the move needs its release, and nothing else is said of it (issue 13, F3)', () => {
      expect(codes(validateUsulan(pindah(), REF, { target: target(), desaCode: '17.08.01.2001' }).errors)).toEqual(['pindah.other_kabupaten']);
      // Not even whether the desa of origin named is right.
      expect(codes(validateUsulan(pindah(), REF, { target: target({ desaCode: '17.02.06.2002' }), desaCode: '17.08.01.2001' }).errors)).toEqual([
        'pindah.other_kabupaten',
      ]);
      expect(codes(validateUsulan(pindah(), REF, { desaCode: '17.02.06.2001' }).errors)).toEqual(['pindah.same_desa']);
    });

    it('checks a new KK number when one is given', () => {
      expect(validateUsulan(pindah({ kkNumber: '1708011203150007' }), REF).ok).toBe(true);
      expect(codes(validateUsulan(pindah({ kkNumber: '1708011203150000' }), REF).errors)).toEqual(['kk.serial']);
      expect(codes(validateUsulan(pindah({ kkNumber: '6405011203150007' }), REF, { nik: { unknownRegion: 'warning' } }).warnings)).toEqual([
        'kk.region_unknown',
      ]);
      expect(validateUsulan(pindah({ fromDesaCode: '17.02.01' }), REF).errors.map((e) => e.field)).toEqual(['fromDesaCode']);
    });
  });
});

describe('other payload schemas keep their rules', () => {
  it('a rejection needs a note', () => {
    expect(decisionInputSchema.safeParse({ usulanId: 'u1', decision: 'tolak', note: '' }).success).toBe(false);
    expect(decisionInputSchema.parse({ usulanId: 'u1', decision: 'setujui' })).toEqual({ usulanId: 'u1', decision: 'setujui', note: '' });
  });

  it('the meeting record', () => {
    const meeting = {
      type: 'musdesus',
      date: '2025-06-10',
      place: 'Balai desa',
      chair: 'Ketua BPD',
      attendees: 40,
      bpdPresent: true,
      poorHouseholdRepresentatives: 5,
      notes: '',
    };
    expect(meetingSchema.safeParse(meeting).success).toBe(true);
    expect(meetingSchema.safeParse({ ...meeting, attendees: 0 }).success).toBe(false);
    expect(meetingSchema.safeParse({ ...meeting, date: '2025-02-30' }).success).toBe(false);
  });

  it('the berita acara records whether the BPD came and how many poor households were represented', () => {
    const meeting = {
      type: 'musdesus',
      date: '2025-06-10',
      place: 'Balai desa',
      chair: 'Ketua BPD',
      attendees: 40,
      bpdPresent: false,
      poorHouseholdRepresentatives: 0,
      notes: '',
    };
    expect(meetingSchema.safeParse(meeting).success).toBe(true);
    const { bpdPresent: _b, ...withoutBpd } = meeting;
    expect(meetingSchema.safeParse(withoutBpd).error?.issues.map((i) => i.message)).toEqual(['Isi apakah BPD hadir']);
    expect(meetingSchema.safeParse({ ...meeting, poorHouseholdRepresentatives: 41 }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['poorHouseholdRepresentatives', 'Perwakilan keluarga miskin tidak boleh lebih banyak dari jumlah peserta'],
    ]);
    expect(meetingSchema.safeParse({ ...meeting, poorHouseholdRepresentatives: -1 }).success).toBe(false);
  });
});

describe('validateUsulan: the register record must be the one proposed', () => {
  it('a reactivation checked against another household reports the mismatch only', () => {
    const r = validateUsulan(
      { type: 'reaktivasi', householdId: 'h1', suratPernyataan: evidence, baKlarifikasi: { ...evidence, signedBy: ['kpm', 'pendamping', 'kadinsos'] } },
      REF,
      { target: target({ id: 'h2', status: 'aktif' }) },
    );
    expect(codes(r.errors)).toEqual(['usulan.target_mismatch']);
  });
});
