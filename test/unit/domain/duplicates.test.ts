import { describe, expect, it } from 'vitest';
import {
  findNikConflicts,
  likelyDuplicateKey,
  LikelyDuplicateCounter,
  normaliseName,
  reasonText,
  type NikIndexEntry,
} from '../../../functions/src/domain/index.js';

const A = '1702061203840001';
const B = '1702064507880002';
const C = '1702060101200003';

describe('same NIK anywhere in the register', () => {
  const index = new Map<string, NikIndexEntry>([
    [A, { householdId: 'h1', desaCode: '17.02.06.2002', status: 'aktif' }],
    [B, { householdId: 'h2', desaCode: '17.08.01.2001', status: 'ditangguhkan', memberId: 'm2' }],
    [C, { householdId: 'h3', desaCode: '17.02.06.2001', status: 'keluar' }],
  ]);
  const members = [{ nik: A }, { nik: null }, { nik: B }, { nik: C }, { nik: '1702061111110001' }];

  it('reports a NIK held by another household as an error naming the member and the desa, never the NIK', () => {
    const r = findNikConflicts(members, index);
    expect(r.errors).toEqual([{ code: 'nik.registered', params: { member: 1, desaCode: '17.02.06.2002' }, field: 'household.members.0.nik' }]);
    expect(reasonText(r.errors[0]!)).toBe('NIK anggota ke-1 sudah terdaftar di register (desa 17.02.06.2002)');
    expect(reasonText(r.errors[0]!, 'en')).toBe('The NIK of member 1 is already in the register (village 17.02.06.2002)');
    expect(r.blocking).toEqual([{ member: 0, field: 'household.members.0.nik', holder: index.get(A), elsewhere: false }]);
    expect(JSON.stringify(r)).not.toContain(A);
  });

  it('a NIK of a household that left is a warning; of a suspended one, depends on the return route', () => {
    const kepahiang = findNikConflicts(members, index, { suspensionPolicy: { route: 'usulan_baru', maxReactivations: 2 } });
    expect(kepahiang.warnings.map((w) => [w.code, w.field])).toEqual([
      ['usulan.kembali_dari_penangguhan', 'household.members.2.nik'],
      ['nik.registered_keluar', 'household.members.3.nik'],
    ]);
    expect(reasonText(kepahiang.warnings[1]!)).toBe('NIK anggota ke-4 pernah terdaftar di desa 17.02.06.2001 dan sudah dikeluarkan dari register');
    // Under usulan_baru the suspended member returns by this usulan: not blocking, its old record named.
    expect(kepahiang.blocking.map((b) => b.member)).toEqual([0]);
    expect(kepahiang.returning).toEqual([{ member: 2, field: 'household.members.2.nik', holder: index.get(B), elsewhere: false }]);
    const kemensos = findNikConflicts(members, index, { suspensionPolicy: { route: 'reaktivasi', maxReactivations: 2 } });
    expect(kemensos.errors.map((e) => e.code)).toEqual(['nik.registered', 'nik.registered_suspended']);
    expect(kemensos.blocking.map((b) => b.member)).toEqual([0, 2]);
    expect(kemensos.returning).toEqual([]);
  });

  it('the household’s own NIKs are no conflict (perbaikan), and a function lookup works too', () => {
    const r = findNikConflicts([{ nik: A }], (nik) => index.get(nik) ?? null, { ownHouseholdId: 'h1', fieldPrefix: 'members' });
    expect(r).toEqual({ errors: [], warnings: [], blocking: [], returning: [], found: [] });
    const other = findNikConflicts([{ nik: A }], (nik) => index.get(nik), { fieldPrefix: 'members' });
    expect(other.errors[0]!.field).toBe('members.0.nik');
  });

  it('an entry without status is treated as active', () => {
    const r = findNikConflicts([{ nik: A }], new Map([[A, { householdId: 'h9', desaCode: '17.02.06.2001' }]]));
    expect(r.errors.map((e) => e.code)).toEqual(['nik.registered']);
  });
});

describe('likely duplicates without NIK', () => {
  it.each([
    ['Siti Aminah', 'SITI  AMINAH'],
    ['Hj. Siti Aminah, S.Pd.', 'Siti Aminah'],
    ['Soekarno', 'Sukarno'],
    ['Djoko Tjahjono', 'Joko Cahyono'],
    ['Muhammad Yusuf', 'Moh. Yusuf'],
    ['Mochammad Rizki', 'Muhamad Rizky'.replace('y', 'i')],
    ['Chairul Anam', 'Khairul Anam'],
    ['Andi Sjahrir', 'Andi Syahrir'],
    ['Njoman', 'Nyoman'],
    ['Ahmad Fauzi', 'Achmad Fauzi'.replace('ch', 'h')],
    ['José', 'Jose'],
  ])('"%s" ≈ "%s"', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it('does not merge different names', () => {
    expect(normaliseName('Siti Aminah')).not.toBe(normaliseName('Siti Aminah Putri'));
    expect(normaliseName('Rahmat')).not.toBe(normaliseName('Rahmad'));
  });

  const rec = (name: string, nik: string | null, extra: { birthDate?: string; desaCode?: string } = {}) => ({
    name,
    birthDate: '1970-01-01',
    desaCode: '17.02.06.2001',
    nik,
    ...extra,
  });

  it('counts, per desa, the groups of the same normalised name + birth date + desa with at least one without NIK', () => {
    const counter = new LikelyDuplicateCounter();
    for (const r of [
      rec('Hj. Siti Aminah', null),
      rec('SITI AMINAH', A),
      rec('Soekarno', null),
      rec('Sukarno', null),
      rec('Sukarno', null, { birthDate: '1970-01-02' }),
      rec('Sukarno', null, { desaCode: '17.02.06.2002' }),
      rec('Budi', A),
      rec('Budi', B),
      rec('Sendiri', null),
      rec('Ani', null),
      rec('Ani', null),
    ]) {
      counter.add(r);
    }
    // Ani + Ani, Siti Aminah (one with NIK) + Hj. Siti Aminah, Soekarno + Sukarno; two Budi with two NIKs are two people.
    expect(counter.groupsByDesa()).toEqual(new Map([['17.02.06.2001', 3]]));
    expect(likelyDuplicateKey({ name: 'Hj. Siti Aminah', birthDate: '1970-01-01', desaCode: '17.02.06.2001' })).toBe(
      likelyDuplicateKey({ name: 'SITI AMINAH', birthDate: '1970-01-01', desaCode: '17.02.06.2001' }),
    );
  });
});
