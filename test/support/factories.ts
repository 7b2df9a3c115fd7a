import { isoDateOn, type HouseholdProposal, type Meeting } from '../../functions/src/domain/index.js';
import { nikFor } from '../../.scripts/seed/nik.js';

// NIKs come from the demo seed's module (its story makes new families with them too); the tests
// take them from here with the rest of their data.
export { nikFor };

/** Typed builders for test data. Each call gives fresh, valid data unless a test overrides it. */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    type: 'musdesus',
    // Held a little while ago: the rules take meeting dates within a year of the time of writing.
    date: isoDateOn(new Date(Date.now() - 18 * 86_400_000)),
    place: 'Balai Desa Derati',
    chair: 'Kepala Desa Derati',
    attendees: 34,
    bpdPresent: true,
    poorHouseholdRepresentatives: 6,
    notes: '',
    ...overrides,
  };
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
    type: 'keluar' as const,
    householdId,
    reason: 'mampu' as const,
    memberIds: [] as string[],
    note: 'Sudah berdagang dan mampu',
    ...overrides,
  }),
  reaktivasi: (householdId = 'h1') => ({
    type: 'reaktivasi' as const,
    householdId,
    suratPernyataan: { documentId: 'dok/sp-001', date: '2026-11-10' },
    baKlarifikasi: { documentId: 'dok/ba-001', date: '2026-11-12', signedBy: ['kpm', 'pendamping', 'kadinsos'] as ('kpm' | 'pendamping' | 'kadinsos')[] },
  }),
  pindahMasuk: (householdId = 'h1', fromDesaCode = '17.02.06.2002') => ({
    type: 'pindah_masuk' as const,
    householdId,
    fromDesaCode,
    address: 'Dusun I RT 01, Derati',
    note: 'Pindah karena pekerjaan',
  }),
};
