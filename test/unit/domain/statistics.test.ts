import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeOperatorDesa,
  addTally,
  countInCycle,
  driftBetween,
  formatFieldPath,
  householdContribution,
  kabupatenScope,
  likelyDuplicateKey,
  LikelyDuplicateCounter,
  meetingDateInWindow,
  memberContribution,
  musyawarahContribution,
  musyawarahInCycle,
  operatorContribution,
  pruneTally,
  readTally,
  StatsAccumulator,
  statsDeltas,
  statsId,
  statsScopesOf,
  tallyLeaves,
  vervalProgress,
  type Contribution,
  type HouseholdStatus,
  type StatsDelta,
  type Tally,
} from '../../../functions/src/domain/index.js';

const DERATI = '17.02.06.2001';
const TABA_ANYAR = '17.02.06.2002';
const KARANG_BARU = '17.02.07.2001';
/** An instant given as a Jakarta wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);
/** What a Firestore Timestamp looks like to the domain: something with toDate(). */
const ts = (local: string) => ({ toDate: () => wib(local) });

function householdData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    desaCode: DERATI,
    status: 'aktif',
    desil: 3,
    memberCount: 4,
    lastVervalAt: ts('2026-11-20T09:00:00'),
    eligibility: { PKH: { eligible: true, reasons: [] }, SEMBAKO: { eligible: true }, 'PBI-JK': { eligible: false } },
    sticker: null,
    headName: 'Sutrisno',
    ...overrides,
  };
}

/** The tally one contribution gives its stats document of a level. */
function tallyAt(c: Contribution | null, level: 'desa' | 'kecamatan' | 'kabupaten'): Tally | undefined {
  return c?.find((d) => d.scope.level === level)?.tally;
}

/** Sums deltas into totals per stats document, as the increments do in Firestore. */
function applyAll(deltas: readonly StatsDelta[], into = new Map<string, Tally>()): Map<string, Tally> {
  for (const d of deltas) into.set(d.scope.id, addTally(into.get(d.scope.id) ?? {}, d.tally));
  return into;
}

function pruned(totals: Map<string, Tally>): Record<string, Tally> {
  return Object.fromEntries([...totals].map(([id, t]) => [id, pruneTally(t)]).filter(([, t]) => Object.keys(t as Tally).length > 0));
}

describe('stats documents per desa, kecamatan and kabupaten', () => {
  it('a desa code counts in its desa, kecamatan and kabupaten documents, with the fields the rules read', () => {
    expect(statsScopesOf(DERATI)).toEqual([
      { id: 'desa_17.02.06.2001', level: 'desa', code: DERATI, kabupatenCode: '17.02', kecamatanCode: '17.02.06', desaCode: DERATI },
      { id: 'kecamatan_17.02.06', level: 'kecamatan', code: '17.02.06', kabupatenCode: '17.02', kecamatanCode: '17.02.06', desaCode: null },
      { id: 'kabupaten_17.02', level: 'kabupaten', code: '17.02', kabupatenCode: '17.02', kecamatanCode: null, desaCode: null },
    ]);
    expect(statsId('kecamatan', '17.02.06')).toBe('kecamatan_17.02.06');
    expect(kabupatenScope('17.08').id).toBe('kabupaten_17.08');
  });

  it.each(['', '17.02', '1702062001', '17.02.06.201', 'xx.02.06.2001'])('no documents for the malformed desa code %j', (code) => {
    expect(statsScopesOf(code)).toBeNull();
  });
});

describe('tallies', () => {
  it('add, subtract, prune and list their numbers', () => {
    const t: Tally = { a: 1, m: { x: 2 } };
    addTally(t, { a: 2, m: { x: -2, y: 1 }, n: { z: 3 } });
    expect(t).toEqual({ a: 3, m: { x: 0, y: 1 }, n: { z: 3 } });
    addTally(t, { n: { z: 3 } }, -1);
    expect(pruneTally(t)).toEqual({ a: 3, m: { y: 1 } });
    expect(tallyLeaves(t)).toEqual([
      { path: ['a'], value: 3 },
      { path: ['m', 'x'], value: 0 },
      { path: ['m', 'y'], value: 1 },
      { path: ['n', 'z'], value: 0 },
    ]);
    expect(pruneTally({ a: 0, b: { c: 0 } })).toEqual({});
  });

  it('a number where a map was (or the reverse) is replaced, not merged', () => {
    expect(addTally({ a: 5, b: { c: 1 } }, { a: { x: 1 }, b: 2 })).toEqual({ a: { x: 1 }, b: 2 });
  });

  it('read back from a stored document: only numbers and maps of numbers, never timestamps or text', () => {
    const stored = { n: 2, s: 'x', at: ts('2026-11-20T00:00:00'), list: [1], nested: { k: 1, nan: Number.NaN, none: null } };
    expect(readTally(stored)).toEqual({ n: 2, nested: { k: 1 } });
    expect(readTally(null)).toEqual({});
    expect(readTally([1, 2])).toEqual({});
    expect(readTally('counts')).toEqual({});
  });

  it('field paths are written as Firestore writes them', () => {
    expect(formatFieldPath(['households', 'aktif'])).toBe('households.aktif');
    expect(formatFieldPath(['desil', '4'])).toBe('desil.`4`');
    expect(formatFieldPath(['operatorsByDesa', DERATI])).toBe('operatorsByDesa.`17.02.06.2001`');
    expect(formatFieldPath(['recipients', 'PBI-JK'])).toBe('recipients.`PBI-JK`');
    expect(formatFieldPath(['odd`name\\'])).toBe('`odd\\`name\\\\`');
  });
});

describe('a household contributes', () => {
  it('its status, people, desil, programs, sticker and the day of its last verval', () => {
    const c = householdContribution(householdData({ sticker: { installedOn: '2026-11-21', by: 'op' } }));
    const expected = {
      households: { aktif: 1 },
      people: { aktif: 4 },
      desil: { '3': 1 },
      recipients: { PKH: 1, SEMBAKO: 1 },
      recipientHouseholds: 1,
      stickerInstalled: 1,
      vervalByDay: { '2026-11-20': 1 },
    };
    expect(c?.map((d) => d.scope.id)).toEqual(['desa_17.02.06.2001', 'kecamatan_17.02.06', 'kabupaten_17.02']);
    for (const d of c!) expect(d.tally).toEqual(expected);
  });

  it('the Jakarta day of the verval, not the UTC one', () => {
    const c = householdContribution(householdData({ lastVervalAt: new Date('2026-11-19T18:30:00Z') }));
    expect(tallyAt(c, 'desa')?.vervalByDay).toEqual({ '2026-11-20': 1 });
  });

  it('a frozen household: no verval progress, no recipients (its eligibility was removed), still in the desil count', () => {
    const c = householdContribution(
      householdData({ status: 'beku', eligibility: { PKH: { eligible: false } }, sticker: { installedOn: '2026-01-01', by: 'op' } }),
    );
    expect(tallyAt(c, 'kabupaten')).toEqual({ households: { beku: 1 }, people: { beku: 4 }, desil: { '3': 1 } });
  });

  it('a household that left the register counts by status only; one without desil counts as "tanpa"', () => {
    expect(tallyAt(householdContribution(householdData({ status: 'keluar', eligibility: {} })), 'desa')).toEqual({
      households: { keluar: 1 },
      people: { keluar: 4 },
    });
    expect(tallyAt(householdContribution(householdData({ desil: null, lastVervalAt: null })), 'desa')).toMatchObject({ desil: { tanpa: 1 } });
    expect(tallyAt(householdContribution(householdData({ lastVervalAt: undefined, eligibility: undefined })), 'desa')).toEqual({
      households: { aktif: 1 },
      people: { aktif: 4 },
      desil: { '3': 1 },
    });
  });

  it.each([
    ['no status', { status: undefined }],
    ['an unknown status', { status: 'hilang' }],
    ['a desil out of range', { desil: 11 }],
    ['a text member count', { memberCount: '4' }],
    ['a text verval time', { lastVervalAt: '2026-11-20' }],
    ['a malformed desa code', { desaCode: '17.02' }],
  ])('nothing when it is unreadable: %s', (_what, patch) => {
    expect(householdContribution(householdData(patch))).toBeNull();
  });
});

describe('a member contributes', () => {
  const member = (overrides: Record<string, unknown> = {}) => ({
    desaCode: DERATI,
    kabupatenCode: '17.02',
    nik: null,
    name: 'Dimas',
    flags: ['nik.missing'],
    ...overrides,
  });

  it('its data-quality flags while in the household', () => {
    expect(tallyAt(memberContribution(member()), 'kecamatan')).toEqual({ nikMissing: 1 });
    expect(tallyAt(memberContribution(member({ flags: ['nik.invalid', 'nik.missing'], status: 'aktif' })), 'desa')).toEqual({ nikMissing: 1, nikInvalid: 1 });
    expect(tallyAt(memberContribution(member({ flags: undefined })), 'desa')).toEqual({});
  });

  it('nothing once it left the household, and nothing when unreadable', () => {
    expect(tallyAt(memberContribution(member({ status: 'keluar' })), 'desa')).toEqual({});
    expect(memberContribution(member({ flags: 'nik.missing' }))).toBeNull();
    expect(memberContribution(member({ desaCode: 'Derati' }))).toBeNull();
  });
});

describe('a musyawarah contributes', () => {
  // As stored once submitted: server time of the submission, and the summary the summarize trigger
  // keeps (its usulan by status; at least one, as the portal requires).
  const musyawarah = (status: string, date = '2026-11-20', overrides: Record<string, unknown> = {}) => ({
    desaCode: DERATI,
    status,
    meeting: { date, type: 'musdesus' },
    submittedAt: status === 'draft' ? null : ts('2026-11-21T09:00:00'),
    summary: { total: 2, diajukan: 2 },
    ...overrides,
  });

  it.each(['diajukan', 'selesai'])('once submitted (%s), on its meeting date', (status) => {
    expect(tallyAt(musyawarahContribution(musyawarah(status)), 'kabupaten')).toEqual({ musyawarahByDay: { '2026-11-20': 1 } });
  });

  it('nothing as a draft, nothing when unreadable', () => {
    expect(tallyAt(musyawarahContribution(musyawarah('draft')), 'desa')).toEqual({});
    expect(musyawarahContribution(musyawarah('diajukan', '2026-02-30'))).toBeNull();
    expect(musyawarahContribution({ desaCode: DERATI, status: 'diajukan' })).toBeNull();
  });

  // Issue 13 F9: the statistics never take a key the client chose outside the meeting window.
  it.each([
    ['dated 9999-12-31', musyawarah('diajukan', '9999-12-31')],
    ['dated more than a year before its submission', musyawarah('diajukan', '2025-11-19')],
    ['dated two days after its submission', musyawarah('selesai', '2026-11-23')],
    ['submitted without usulan (no summary yet)', musyawarah('diajukan', '2026-11-20', { summary: undefined })],
    ['submitted without usulan (a summary of none)', musyawarah('diajukan', '2026-11-20', { summary: { total: 0 } })],
    ['submitted without a submission time', musyawarah('diajukan', '2026-11-20', { submittedAt: null })],
  ])('nothing for a musyawarah %s', (_case, data) => {
    expect(tallyAt(musyawarahContribution(data), 'kabupaten')).toEqual({});
  });

  it('the window is the one the rules hold the date to at submission: a year back, the next day ahead', () => {
    expect(tallyAt(musyawarahContribution(musyawarah('diajukan', '2025-11-21')), 'desa')).toEqual({ musyawarahByDay: { '2025-11-21': 1 } });
    expect(tallyAt(musyawarahContribution(musyawarah('diajukan', '2026-11-22')), 'desa')).toEqual({ musyawarahByDay: { '2026-11-22': 1 } });
  });

  it('whatever the date and the summary, the only keys are days of the window around the submission', () => {
    const submittedAt = new Date('2026-11-21T02:00:00Z');
    const first = Date.UTC(2025, 10, 21);
    const last = Date.UTC(2026, 10, 22);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        ),
        fc.option(fc.record({ total: fc.integer({ min: -1, max: 3 }) })),
        (date, summary) => {
          const tally = tallyAt(musyawarahContribution(musyawarah('diajukan', date, { submittedAt: { toDate: () => submittedAt }, summary })), 'kabupaten');
          for (const day of Object.keys((tally?.musyawarahByDay as Tally | undefined) ?? {})) {
            const at = Date.parse(`${day}T00:00:00Z`);
            expect(at >= first && at <= last, day).toBe(true);
          }
        },
      ),
    );
  });
});

describe('meetingDateInWindow: what the rules allow as a meeting date', () => {
  const at = new Date('2026-11-21T02:00:00Z');
  it.each([
    ['2026-11-21', true],
    ['2026-11-22', true],
    ['2026-11-23', false],
    ['2025-11-21', true],
    ['2025-11-20', false],
    ['9999-12-31', false],
    ['2026-02-30', false],
    ['21-11-2026', false],
  ])('%s, written at 2026-11-21T02:00Z → %s', (date, expected) => {
    expect(meetingDateInWindow(date, at)).toBe(expected);
  });
});

describe('a user profile contributes', () => {
  const profile = (overrides: Record<string, unknown> = {}) => ({ role: 'operator', active: true, desaCode: DERATI, kabupatenCode: '17.02', ...overrides });

  it('an active operator counts for their desa in the kabupaten document only', () => {
    expect(operatorContribution(profile())).toEqual([{ scope: kabupatenScope('17.02'), tally: { operatorsByDesa: { [DERATI]: 1 } } }]);
  });

  it.each([
    ['an inactive operator', { active: false }],
    ['a verifikator', { role: 'verifikator', desaCode: null }],
    ['an account without a role', { role: null, desaCode: null }],
    ['an operator without a desa', { desaCode: undefined }],
  ])('%s counts nowhere', (_who, patch) => {
    expect(operatorContribution(profile(patch))).toEqual([]);
  });

  it('nothing when unreadable', () => {
    expect(operatorContribution(profile({ active: 'ya' }))).toBeNull();
    expect(operatorContribution(profile({ desaCode: '17.02.06' }))).toBeNull();
  });
});

describe('deltas: after − before, per stats document', () => {
  it('a new household adds its contribution; a removed one takes it away', () => {
    const c = householdContribution(householdData())!;
    const byId = (a: StatsDelta, b: StatsDelta) => (a.scope.id < b.scope.id ? -1 : 1);
    expect(statsDeltas(null, c)).toEqual([...c].sort(byId));
    expect(statsDeltas(c, null).map((d) => d.tally)).toEqual([...c].sort(byId).map((d) => addTally({}, d.tally, -1)));
  });

  it('a change adds only what changed; a change of nothing counted adds nothing', () => {
    const before = householdContribution(householdData());
    const after = householdContribution(householdData({ desil: 6, eligibility: { PKH: { eligible: false }, SEMBAKO: { eligible: false } }, address: 'baru' }));
    const deltas = statsDeltas(before, after);
    expect(deltas.map((d) => d.scope.id)).toEqual(['desa_17.02.06.2001', 'kabupaten_17.02', 'kecamatan_17.02.06']);
    for (const d of deltas) expect(d.tally).toEqual({ desil: { '3': -1, '6': 1 }, recipients: { PKH: -1, SEMBAKO: -1 }, recipientHouseholds: -1 });
    expect(statsDeltas(before, householdContribution(householdData({ headName: 'Sutrisno bin Darmo' })))).toEqual([]);
  });

  it('a household moved to another desa leaves one desa for the other; a move across kecamatan moves the kecamatan too', () => {
    const before = householdContribution(householdData());
    const moved = statsDeltas(before, householdContribution(householdData({ desaCode: TABA_ANYAR })));
    expect(moved.map((d) => [d.scope.id, d.tally.households])).toEqual([
      ['desa_17.02.06.2001', { aktif: -1 }],
      ['desa_17.02.06.2002', { aktif: 1 }],
    ]);
    const across = statsDeltas(before, householdContribution(householdData({ desaCode: KARANG_BARU })));
    expect(across.map((d) => d.scope.id)).toEqual(['desa_17.02.06.2001', 'desa_17.02.07.2001', 'kecamatan_17.02.06', 'kecamatan_17.02.07']);
  });

  it('any sequence of changes, delivered in any order, sums to last − first (deltas commute)', () => {
    const state = fc.record({
      desaCode: fc.constantFrom(DERATI, TABA_ANYAR, KARANG_BARU),
      status: fc.constantFrom<HouseholdStatus>('aktif', 'beku', 'ditangguhkan', 'keluar'),
      desil: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      memberCount: fc.integer({ min: 0, max: 12 }),
      lastVervalAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
      eligibility: fc.record({ PKH: fc.record({ eligible: fc.boolean() }), SEMBAKO: fc.record({ eligible: fc.boolean() }) }),
      sticker: fc.option(fc.constant({ installedOn: '2026-11-21', by: 'op' }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.nat()), (states, seeds) => {
        const contributions = [null, ...states.map((s) => householdContribution(s))];
        const events = contributions.slice(1).map((c, i) => statsDeltas(contributions[i]!, c));
        const shuffled = events
          .map((e) => ({ e, k: seeds.next().value }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const total = applyAll(shuffled.flat());
        expect(pruned(total)).toEqual(pruned(applyAll(contributions[contributions.length - 1]!)));
      }),
    );
  });
});

describe('reconciliation: recompute, compare', () => {
  it('sums contributions per stats document, in id order, without zeros', () => {
    const acc = new StatsAccumulator();
    acc.add(householdContribution(householdData()));
    acc.add(householdContribution(householdData({ desaCode: TABA_ANYAR, status: 'beku', memberCount: 0, eligibility: {} })));
    acc.add(memberContribution({ desaCode: DERATI, flags: ['nik.missing'] }));
    acc.add(null);
    const entries = acc.entries();
    expect(entries.map((e) => e.scope.id)).toEqual(['desa_17.02.06.2001', 'desa_17.02.06.2002', 'kabupaten_17.02', 'kecamatan_17.02.06']);
    expect(entries[1]!.tally).toEqual({ households: { beku: 1 }, desil: { '3': 1 } });
    expect(entries[2]!.tally).toMatchObject({ households: { aktif: 1, beku: 1 }, people: { aktif: 4 }, nikMissing: 1 });
  });

  it('drift: every number that differs, a missing number being 0', () => {
    const stored: Tally = { households: { aktif: 12, beku: 1 }, desil: { '3': 2 }, stale: { x: 0 } };
    const actual: Tally = { households: { aktif: 10, beku: 1 }, desil: { '3': 2, '4': 1 }, nikMissing: 3 };
    expect(driftBetween(stored, actual)).toEqual([
      { field: 'desil.`4`', stored: 0, actual: 1 },
      { field: 'households.aktif', stored: 12, actual: 10 },
      { field: 'nikMissing', stored: 0, actual: 3 },
    ]);
    expect(driftBetween(actual, actual)).toEqual([]);
  });

  it('likely-duplicate groups per desa: people of one key, two or more, at least one without NIK', () => {
    const person = fc.record({
      name: fc.constantFrom('Siti Aminah', 'SITI AMINAH, S.Pd.', 'Hj. Siti Aminah', 'Muhammad Yusuf', 'Moh. Yusuf', 'Budi'),
      birthDate: fc.constantFrom('1980-01-01', '1990-05-05'),
      desaCode: fc.constantFrom(DERATI, TABA_ANYAR),
      nik: fc.option(fc.constantFrom('1702060101800001', '1702060101800002'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (people) => {
        const counter = new LikelyDuplicateCounter();
        for (const p of people) counter.add(p);
        const byKey = new Map<string, (typeof people)[number][]>();
        for (const p of people) byKey.set(likelyDuplicateKey(p), [...(byKey.get(likelyDuplicateKey(p)) ?? []), p]);
        const expected = new Map<string, number>();
        for (const group of byKey.values()) {
          if (group.length < 2 || group.every((p) => p.nik)) continue;
          expected.set(group[0]!.desaCode, (expected.get(group[0]!.desaCode) ?? 0) + 1);
        }
        expect(counter.groupsByDesa()).toEqual(expected);
      }),
    );
  });
});

describe('what the portal reads', () => {
  const cutoff17 = { cutoffDay: 17 };
  const monthly = { cutoffDay: null };

  it('desa with an active operator, in code order', () => {
    expect(activeOperatorDesa({ [TABA_ANYAR]: 1, [DERATI]: 2, [KARANG_BARU]: 0 })).toEqual([DERATI, TABA_ANYAR]);
    expect(activeOperatorDesa(undefined)).toEqual([]);
  });

  it('counts a by-day map over one cycle, with or without a cut-off day', () => {
    const byDay = { '2026-10-18': 1, '2026-11-01': 2, '2026-11-17': 4, '2026-11-18': 8, 'bukan-tanggal': 16 };
    // Cut-off 17: the cycle of 20 November runs 18 November – 17 December.
    expect(countInCycle(byDay, 2026 * 12 + 11, cutoff17)).toBe(8);
    expect(countInCycle(byDay, 2026 * 12 + 10, cutoff17)).toBe(7);
    expect(countInCycle(byDay, 2026 * 12 + 10, monthly)).toBe(14);
    expect(countInCycle(undefined, 2026 * 12 + 10, monthly)).toBe(0);
  });

  it('verval progress this cycle: verified of all active households', () => {
    const counts = { households: { aktif: 10, beku: 2 }, vervalByDay: { '2026-11-02': 3, '2026-10-30': 5, '2026-11-18': 1 } };
    expect(vervalProgress(counts, monthly, wib('2026-11-20T12:00:00'))).toEqual({ cycle: 2026 * 12 + 10, verified: 4, active: 10 });
    expect(vervalProgress(counts, cutoff17, wib('2026-11-20T12:00:00'))).toEqual({ cycle: 2026 * 12 + 11, verified: 1, active: 10 });
    expect(vervalProgress({}, monthly, wib('2026-11-20T12:00:00'))).toEqual({ cycle: 2026 * 12 + 10, verified: 0, active: 0 });
  });

  it('musyawarah held this cycle', () => {
    const counts = { musyawarahByDay: { '2026-11-05': 1, '2026-11-19': 2, '2026-10-25': 1 } };
    expect(musyawarahInCycle(counts, monthly, wib('2026-11-30T23:00:00'))).toBe(3);
    expect(musyawarahInCycle(counts, cutoff17, wib('2026-11-30T23:00:00'))).toBe(2);
    expect(musyawarahInCycle({}, monthly, wib('2026-11-30T23:00:00'))).toBe(0);
  });
});
