import type { HouseholdProposal, Meeting } from '../../functions/src/domain/index.js';

/** Typed builders for test data. Each call gives fresh, valid data unless a test overrides it. */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    type: 'musdesus', date: '2026-11-20', place: 'Balai Desa Derati', chair: 'Kepala Desa Derati', attendees: 34, bpdPresent: true,
    poorHouseholdRepresentatives: 6, notes: '', ...overrides,
  };
}

/** Rejang Lebong's kecamatan (issuing regions of the test NIKs): 06–11 and 16–24. */
const KECAMATAN = ['170206', '170207', '170208', '170209', '170210', '170211', '170216', '170217', '170218', '170219', '170220', '170221', '170222', '170223', '170224'];
// Each test file loads this module afresh while the emulator's register lives on: start at a
// random point so NIKs made by different files do not meet (15 kecamatan × 9,999 serials).
let counter = Math.floor(Math.random() * 1_000_000);

/**
 * A NIK for a birth date and sex, issued in one of Rejang Lebong's kecamatan (or the one given),
 * with a serial that no other call of this process repeats.
 */
export function nikFor(birthDate: string, sex: 'L' | 'P', kecamatan?: string): string {
  counter += 1;
  const kec = kecamatan ?? KECAMATAN[counter % KECAMATAN.length]!;
  const s = (Math.floor(counter / KECAMATAN.length) % 9999) + 1;
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${kec}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(s).padStart(4, '0')}`;
}

export function household(overrides: Partial<HouseholdProposal> = {}): HouseholdProposal {
  return {
    kkNumber: '1702061203150007',
    address: 'Jl. Lintas Curup–Lubuk Linggau RT 02, Derati',
    desil: 4,
    members: [
      { nik: nikFor('1984-03-12', 'L'), name: 'Sutrisno', sex: 'L', birthDate: '1984-03-12', relationship: 'kepala_keluarga' },
      { nik: nikFor('1988-07-05', 'P'), name: 'Rahmawati', sex: 'P', birthDate: '1988-07-05', relationship: 'istri' },
      { nik: null, name: 'Dimas', sex: 'L', birthDate: '2016-01-30', relationship: 'anak', school: 'sd' },
    ],
    ...overrides,
  };
}

/** Content of each usulan type other than baru, valid per the domain's schemas. */
export const usulanContent = {
  perbaikan: (householdId = 'h1') => ({ type: 'perbaikan' as const, householdId, household: household({ desil: 3 }), note: 'Desil diperbarui hasil musdesus' }),
  keluar: (householdId = 'h1', overrides: Record<string, unknown> = {}) => ({
    type: 'keluar' as const, householdId, reason: 'mampu' as const, memberIds: [] as string[], note: 'Sudah berdagang dan mampu', ...overrides,
  }),
  reaktivasi: (householdId = 'h1') => ({
    type: 'reaktivasi' as const,
    householdId,
    suratPernyataan: { documentId: 'dok/sp-001', date: '2026-11-10' },
    baKlarifikasi: { documentId: 'dok/ba-001', date: '2026-11-12', signedBy: ['kpm', 'pendamping', 'kadinsos'] as ('kpm' | 'pendamping' | 'kadinsos')[] },
  }),
  pindahMasuk: (householdId = 'h1', fromDesaCode = '17.02.06.2002') => ({
    type: 'pindah_masuk' as const, householdId, fromDesaCode, address: 'Dusun I RT 01, Derati', note: 'Pindah karena pekerjaan',
  }),
};
