import {
  appendKkChange,
  checkHouseholdProposal,
  checkProgramChange,
  checkProgramConfig,
  checkReactivation,
  checkReturnByUsulanBaru,
  checkTransition,
  claimsFor,
  NIK_REASON_CODES,
  parseDesaCode,
  parseTransferLookup,
  parseWilayahCode,
  suspend,
  SUSPENSION_REASONS,
  transferAllowance,
  transferCandidates,
  TRANSFER_LOOKUPS_PER_DAY,
  validateKkNumber,
  validateUsulan,
  type KkHistoryEntry,
  type Reason,
  type TargetHousehold,
} from '../../../functions/src/domain/index.js';
import { household, member, nikOf, program, REF } from './factories.js';

/**
 * Every reason the rules converted to the catalogue can give, from one bad input each (and one per
 * variant of a text: desa or any-level code, KK or NIK lookup, each suspension reason), named by the
 * rule that gave it. The catalogue test checks each has its texts; the rules' own tests check when
 * each is given.
 */
export type Sample = readonly [rule: string, reason: Reason];

const errorOf = (r: { ok: true } | { ok: false; reason: Reason }): Reason => {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
};
const reasonsOf = (r: { ok: true } | { ok: false; reasons: Reason[] }): Reason[] => {
  if (r.ok) throw new Error('expected a refusal');
  return r.reasons;
};

function kkSamples(): Reason[] {
  const kk = (n: string, unknownRegion?: 'warning') => {
    const r = validateKkNumber(n, REF, 'kkNumber', unknownRegion ? { unknownRegion } : {});
    return [...r.errors, ...r.warnings];
  };
  const history: KkHistoryEntry[] = [{ kkNumber: '1702061203150007', since: '2020-05-01', reason: 'pendaftaran', sourceUsulanId: null }];
  return [
    ...kk('17020612'),
    ...kk('0902061203150007'),
    ...kk('1702991203150007'),
    ...kk('1702991203150007', 'warning'),
    ...kk('1702063202150007'),
    ...kk('1702061203150000'),
    errorOf(appendKkChange(history, { ...history[0]!, since: '2021-01-01' })),
    errorOf(appendKkChange(history, { ...history[0]!, kkNumber: '1702061503230002', since: '2019-01-01', reason: 'pindah' })),
  ];
}

function wilayahSamples(): Reason[] {
  return [
    ...['x', '09.02.06.2001', '17.70.06.2001', '17.02.00.2001', '17.02.06.4001'].map((c) => errorOf(parseDesaCode(c))),
    ...['x', '09', '17.70', '17.02.00'].map((c) => errorOf(parseWilayahCode(c))),
  ];
}

function roleSamples(): Reason[] {
  return [
    errorOf(claimsFor('admin', '17')),
    errorOf(claimsFor('operator', '17.02')),
    errorOf(claimsFor('operator', '17.02', '17.03.01.2001')),
    errorOf(claimsFor('operator', '17.02', '17-02-06-2001')),
  ];
}

function usulanStatusSamples(): Reason[] {
  return [errorOf(checkTransition('diajukan', 'disetujui', 'operator')), errorOf(checkTransition('diterapkan', 'draft', 'sistem'))];
}

function validationSamples(): Reason[] {
  const nik = nikOf('1984-03-12', 'L');
  const proposal = checkHouseholdProposal(
    household({
      members: [
        member(),
        member({ name: 'Adik', nik, relationship: 'anak' }),
        member({ name: 'Bayi', nik: null, birthDate: '2025-12-01', relationship: 'anak' }),
        member({ name: 'Paman', nik: null, pregnant: true, relationship: 'famili_lain', occupation: 'asn' }),
      ],
    }),
    REF,
  );
  const evidence = { documentId: 'uploads/u1/surat.pdf', date: '2025-06-01' };
  const target = (o: Partial<TargetHousehold> = {}): TargetHousehold => ({
    id: 'h1',
    desaCode: '17.02.06.2001',
    kkNumber: '1702061203150007',
    status: 'aktif',
    ...o,
  });
  const perbaikan = { type: 'perbaikan', householdId: 'h1', household: household(), note: 'Alamat diperbarui' };
  const pindah = { type: 'pindah_masuk', householdId: 'h1', fromDesaCode: '17.02.06.2001', address: 'Jl. Baru 2', note: 'Pindah karena pekerjaan' };
  const reaktivasi = {
    type: 'reaktivasi',
    householdId: 'h1',
    suratPernyataan: evidence,
    baKlarifikasi: { ...evidence, signedBy: ['kpm', 'pendamping', 'kadinsos'] },
  };
  // The NIK checks' own reasons (nik.ts) are sampled by their tests.
  const all = (r: { errors: Reason[]; warnings: Reason[] }) =>
    [...r.errors, ...r.warnings].filter((x) => !(NIK_REASON_CODES as readonly string[]).includes(x.code));
  return [
    ...all(proposal),
    ...all(validateUsulan(perbaikan, REF, { target: target({ id: 'h2' }) })),
    ...all(validateUsulan(perbaikan, REF, { target: target({ status: 'keluar' }) })),
    ...all(validateUsulan(perbaikan, REF, { target: target(), desaCode: '17.02.06.2002' })),
    ...all(validateUsulan({ ...perbaikan, household: household({ kkNumber: '1702091503230002' }) }, REF, { target: target() })),
    ...all(validateUsulan(pindah, REF, { target: target({ desaCode: '17.02.06.2002' }), desaCode: '17.02.01.2001' })),
    ...all(validateUsulan(pindah, REF, { target: target(), desaCode: '17.08.01.2001' })),
    ...all(validateUsulan(pindah, REF, { desaCode: '17.02.06.2001' })),
    ...all(validateUsulan({ type: 'keluar', householdId: 'h1', reason: 'meninggal', memberIds: ['m2'], note: 'Hasil musdesus Juni' }, REF)),
    ...all(validateUsulan(reaktivasi, REF, { target: target() })),
  ];
}

function suspensionSamples(): Reason[] {
  const kemensos = { route: 'reaktivasi', maxReactivations: 2 } as const;
  return [
    errorOf(suspend({ status: 'ditangguhkan' }, 'judi_online', '', REF)),
    errorOf(suspend({ status: 'keluar' }, 'judi_online', '', REF)),
    ...SUSPENSION_REASONS.map((why) => {
      const r = suspend({ status: 'aktif' }, why, '', REF);
      if (!r.ok) throw new Error('expected a suspension');
      return r.statusReason;
    }),
    ...reasonsOf(checkReactivation({ status: 'aktif' }, kemensos)),
    ...reasonsOf(checkReactivation({ status: 'ditangguhkan' }, { route: 'usulan_baru', maxReactivations: 2 })),
    ...reasonsOf(checkReactivation({ status: 'ditangguhkan', reactivations: 2 }, kemensos)),
    (() => {
      const r = checkReturnByUsulanBaru({ route: 'usulan_baru', maxReactivations: 2 });
      if (!r.ok) throw new Error('expected a note');
      return r.note;
    })(),
    errorOf(checkReturnByUsulanBaru(kemensos)),
  ];
}

function transferSamples(): Reason[] {
  return [
    ...reasonsOf(parseTransferLookup({ by: 'kk', number: ' ' }, REF)),
    ...reasonsOf(parseTransferLookup({ by: 'nik', number: '' }, REF)),
    errorOf(transferCandidates([{ id: 'h1', desaCode: '17.02.06.2001', status: 'aktif' }], '17.02.06.2001', 'kk')),
    errorOf(transferCandidates([{ id: 'h1', desaCode: '17.02.06.2002', status: 'keluar' }], '17.02.06.2001', 'kk')),
    errorOf(transferCandidates([], '17.02.06.2001', 'kk')),
    errorOf(transferCandidates([], '17.02.06.2001', 'nik')),
    ((a) => {
      if (a.allowed) throw new Error('expected the limit');
      return a.reason;
    })(transferAllowance(TRANSFER_LOOKUPS_PER_DAY)),
  ];
}

function programSamples(): Reason[] {
  const v = { effectiveFrom: '2025-01-01', effectiveTo: null, desilMin: 1, desilMax: 5, legalBasis: 'X' };
  return checkProgramConfig([
    program({ id: 'A' }),
    program({ id: 'A' }),
    program({ id: 'B', scope: '17' }),
    program({ id: 'C', level: 'provinsi' }),
    program({ id: 'D', level: 'kabupaten', scope: '17' }),
    program({ id: 'E', versions: [v, { ...v, effectiveFrom: '2025-06-01' }] }),
    program({ id: 'F', versions: [{ ...v, overlapsWith: ['ZZ'] }] }),
  ]).concat(
    checkProgramChange(undefined, program({ id: 'G', level: 'pusat' }), '17.02', '2026-06-15'),
    checkProgramChange(undefined, program({ id: 'H', level: 'provinsi', scope: '17' }), '17.02', '2026-06-15'),
    checkProgramChange(undefined, program({ id: 'I', level: 'kabupaten', scope: '17.03' }), '17.02', '2026-06-15'),
    checkProgramChange(
      program({ id: 'J', level: 'kabupaten', scope: '17.02', versions: [v] }),
      program({ id: 'J', level: 'kabupaten', scope: '17.02', versions: [{ ...v, desilMax: 4 }] }),
      '17.02',
      '2026-06-15',
    ),
  );
}

export function reasonSamples(): Sample[] {
  const named = (rule: string, reasons: Reason[]) => reasons.map((r) => [rule, r] as const);
  return [
    ...named('kk', kkSamples()),
    ...named('wilayah', wilayahSamples()),
    ...named('roles', roleSamples()),
    ...named('usulan-status', usulanStatusSamples()),
    ...named('validate-usulan', validationSamples()),
    ...named('suspension', suspensionSamples()),
    ...named('transfer', transferSamples()),
    ...named('programs', programSamples()),
  ];
}
