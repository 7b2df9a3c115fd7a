import { describe, expect, it } from 'vitest';
import {
  checkMemberNik,
  criteriaOf,
  decideHousehold,
  programsInForce,
  householdProposalSchema,
  isWithin,
  likelyDuplicateKey,
  LikelyDuplicateCounter,
  kecamatanOf,
  stalenessOf,
  DEFAULT_STALENESS_POLICY,
  validateKkNumber,
} from '../../functions/src/domain/index.js';
import { isKnownDesa } from '../../functions/src/domain/wilayah-data/villages.js';
import {
  defaultPrograms,
  DESIL_WEIGHTS,
  generateRegister,
  NIK_ISSUE_CODES,
  SerialPool,
  toMember,
  type GeneratedHousehold,
  type RegisterOptions,
} from '../../.scripts/seed/generator/index.js';

const NOW = new Date('2026-11-20T03:00:00Z'); // 10:00 in Jakarta
const DAY = 86_400_000;

const generate = (options: Partial<RegisterOptions> = {}): GeneratedHousehold[] => [
  ...generateRegister({ seed: 17, now: NOW, area: '17.02', households: 300, ...options }),
];

const share = (xs: readonly unknown[], pred: (x: never) => boolean) => xs.filter(pred as (x: unknown) => boolean).length / xs.length;

// Rejang Lebong at full scale (124,000 people in the DTKS, seeds 000/001), generated once.
const rejangLebong = generate({ seed: 2022, people: 124_000, households: undefined, programs: null });
const members = rejangLebong.flatMap((h) => h.members);

describe('register generator: determinism and size', () => {
  it('gives the same register for the same seed, and another for another seed', () => {
    const a = generate();
    expect(generate()).toEqual(a);
    const b = generate({ seed: 18 });
    expect(b.map((h) => h.id)).not.toEqual(a.map((h) => h.id));
    expect(a).toHaveLength(300);
  });

  it('scales by people: exactly 124,000 people in about 32,000 households of 3.9 on average', () => {
    expect(members).toHaveLength(124_000);
    expect(rejangLebong.reduce((n, h) => n + h.doc.memberCount, 0)).toBe(124_000);
    const mean = members.length / rejangLebong.length;
    expect(mean).toBeGreaterThan(3.6);
    expect(mean).toBeLessThan(4.2);
    expect(share(rejangLebong, (h: GeneratedHousehold) => h.members.length === 1)).toBeGreaterThan(0.04);
    expect(Math.max(...rejangLebong.map((h) => h.members.length))).toBeLessThanOrEqual(10);
  });

  it('refuses unclear sizes and desa outside the area', () => {
    expect(() => generate({ people: 10 })).toThrow(/exactly one/);
    expect(() => generate({ households: undefined })).toThrow(/exactly one/);
    expect(() => generate({ desaCodes: ['17.03.01.2001'] })).toThrow(/not a desa/);
    expect(() => generate({ desaCodes: ['17.02.01.2001'] })).toThrow(/not a desa/);
    expect(() => generate({ desaCodes: ['17.02.06.2001'], desaWeights: { '17.02.06.2001': 1 } })).toThrow(/not both/);
  });
});

describe('register generator: wilayah, KK and NIK', () => {
  it('puts every household in a real desa/kelurahan of the area, with its kecamatan and kabupaten', () => {
    const desa = new Set(rejangLebong.map((h) => h.doc.desaCode));
    for (const code of desa) expect(isKnownDesa(code) && isWithin(code, '17.02'), code).toBe(true);
    expect(desa.size).toBe(156); // every desa and kelurahan of Rejang Lebong
    const wrong = rejangLebong.filter(
      (h) =>
        h.doc.kecamatanCode !== kecamatanOf(h.doc.desaCode) ||
        h.doc.kabupatenCode !== '17.02' ||
        h.members.some((m) => m.doc.desaCode !== h.doc.desaCode || m.doc.kabupatenCode !== '17.02' || m.doc.householdId !== h.id),
    );
    expect(wrong).toEqual([]);
  });

  it('uses only the desa given, in about the proportions given', () => {
    const weights = { '17.02.06.2001': 3, '17.02.09.1033': 1 };
    const register = generate({ households: 800, desaWeights: weights });
    const derati = share(register, (h: GeneratedHousehold) => h.doc.desaCode === '17.02.06.2001');
    expect(register.every((h) => h.doc.desaCode in weights)).toBe(true);
    expect(derati).toBeGreaterThan(0.7);
    expect(derati).toBeLessThan(0.8);
  });

  it('gives valid, unique KK numbers issued in the household’s kecamatan, with a dated history', () => {
    const kks = new Set<string>();
    const wrong: string[] = [];
    for (const h of rejangLebong) {
      for (const entry of h.doc.kkHistory) {
        const r = validateKkNumber(entry.kkNumber, NOW);
        if (r.errors.length > 0 || r.value?.issuingKecamatan !== h.doc.kecamatanCode || r.value.recordedOn.slice(2) !== entry.since.slice(2))
          wrong.push(entry.kkNumber);
        kks.add(entry.kkNumber);
      }
      const sinces = h.doc.kkHistory.map((e) => e.since);
      if (h.doc.kkHistory.some((e) => e.since >= '2026-05-24')) wrong.push(h.id); // imported 180 days before NOW
      if (h.doc.kkHistory.at(-1)?.kkNumber !== h.doc.kkNumber || sinces.some((d, i) => i > 0 && d < sinces[i - 1]!)) wrong.push(h.id);
    }
    expect(wrong).toEqual([]);
    expect(kks.size).toBe(rejangLebong.reduce((n, h) => n + h.doc.kkHistory.length, 0));
    expect(share(rejangLebong, (h: GeneratedHousehold) => h.doc.kkHistory.length === 2)).toBeCloseTo(0.05, 1);
  });

  it('gives NIKs that agree with birth date and sex, except the deliberately invalid ones, which fail for the planted reason', () => {
    let invalid = 0;
    const wrong: string[] = [];
    for (const m of members) {
      const { errors, warnings } = checkMemberNik(m.doc, NOW);
      const expected = m.nikIssue ? NIK_ISSUE_CODES[m.nikIssue] : '';
      if ([...errors, ...warnings].map((r) => r.code).join() !== expected || m.doc.flags.join() !== expected) wrong.push(m.id);
      if (errors.length > 0) invalid += 1;
    }
    expect(wrong).toEqual([]);
    expect(invalid).toBeGreaterThan(0);
    expect(new Set(members.map((m) => m.nikIssue)).size).toBe(6); // none and the five kinds
  });

  it('never gives one NIK twice, and masks it', () => {
    const niks = members.flatMap((m) => (m.doc.nik ? [m.doc.nik] : []));
    expect(new Set(niks).size).toBe(niks.length);
    const m = members.find((x) => x.doc.nik !== null)!;
    expect(m.doc.nikMasked).toBe(`${m.doc.nik!.slice(0, 4)}••••••••${m.doc.nik!.slice(12)}`);
    expect(members.find((x) => x.doc.nik === null)!.doc.nikMasked).toBe('—');
  });

  it('issues most NIKs in the household’s own kecamatan, some elsewhere in the kabupaten, a few outside it', () => {
    const valid = rejangLebong.flatMap((h) =>
      h.members.filter((m) => m.doc.nik && !m.nikIssue).map((m) => [m.doc.nik!.slice(0, 6), h.doc.kecamatanCode.replaceAll('.', '')]),
    );
    const own = share(valid, ([nik, kec]: [string, string]) => nik === kec);
    const outside = share(valid, ([nik]: [string]) => !nik.startsWith('1702'));
    expect(own).toBeGreaterThan(0.78);
    expect(own).toBeLessThan(0.9);
    expect(outside).toBeGreaterThan(0.03);
    expect(outside).toBeLessThan(0.12);
  });

  it('has NIK problems in about 19% of households, mostly a missing NIK (Lampung, seed 004)', () => {
    const problems = share(rejangLebong, (h: GeneratedHousehold) => h.truth.nikProblem !== 'none');
    const invalid = share(rejangLebong, (h: GeneratedHousehold) => h.truth.nikProblem === 'invalid');
    expect(problems).toBeCloseTo(0.19, 1);
    expect(Math.abs(problems - 0.19)).toBeLessThan(0.015);
    expect(invalid / problems).toBeGreaterThan(0.15);
    expect(invalid / problems).toBeLessThan(0.25);
    const wrong = rejangLebong.filter((h) => {
      const issues = h.members.map((m) => m.nikIssue);
      if (h.truth.nikProblem === 'none') return !issues.every((i) => i === null);
      if (h.truth.nikProblem === 'missing') return !(issues.includes('missing') && issues.every((i) => i === null || i === 'missing'));
      return !issues.some((i) => i !== null && i !== 'missing');
    });
    expect(wrong).toEqual([]);
  });

  it('plants likely duplicates that the domain finds: the same person, without NIK, in another household of the desa', () => {
    const sample = rejangLebong.slice(0, 8000);
    const members = new Map(sample.flatMap((h) => h.members.map((m) => [m.id, m.doc] as const)));
    const counter = new LikelyDuplicateCounter();
    for (const m of members.values()) counter.add(m);
    const planted = sample.filter((h) => h.truth.duplicateOf !== null);
    expect(planted.length / sample.length).toBeGreaterThan(0.008);
    expect(planted.length / sample.length).toBeLessThan(0.016);
    for (const h of planted) {
      const copy = h.members.at(-1)!;
      expect(copy.doc.nik).toBeNull();
      expect(likelyDuplicateKey(copy.doc), h.id).toBe(likelyDuplicateKey(members.get(h.truth.duplicateOf!.memberId)!));
    }
    // Hardly any duplicate arises by chance.
    const groups = [...counter.groupsByDesa().values()].reduce((a, b) => a + b, 0);
    expect(groups).toBeLessThan(planted.length * 1.1 + 5);
  });
});

describe('register generator: people and households', () => {
  it('has one head per household, wives who are women, children younger than their parents', () => {
    const wrong = rejangLebong.filter((h) => {
      const heads = h.members.filter((m) => m.doc.relationship === 'kepala_keluarga');
      const head = h.members[0]!;
      if (heads.length !== 1 || heads[0] !== head || h.doc.headName !== head.doc.name || h.doc.memberCount !== h.members.length) return true;
      return h.members.some(
        (m) =>
          (m.doc.relationship === 'istri' && m.doc.sex !== 'P') ||
          (m.doc.relationship === 'anak' && m.doc.birthDate <= head.doc.birthDate) ||
          (m.doc.pregnant && m.doc.sex !== 'P') ||
          m.doc.birthDate > '2026-11-20',
      );
    });
    expect(wrong).toEqual([]);
    expect(share(rejangLebong, (h: GeneratedHousehold) => h.members[0]!.doc.sex === 'P')).toBeGreaterThan(0.1);
  });

  it('records occupation, school, pregnancy and disability except on legacy records; a few ASN/TNI/Polri', () => {
    expect(share(rejangLebong, (h: GeneratedHousehold) => h.truth.legacyRecord)).toBeCloseTo(0.12, 1);
    const wrong = rejangLebong.filter((h) => {
      const excluded = h.members.some((m) => m.doc.occupation === 'asn' || m.doc.occupation === 'tni' || m.doc.occupation === 'polri');
      return excluded !== h.truth.excludedOccupation || h.members.some((m) => (m.doc.occupation === undefined) !== h.truth.legacyRecord);
    });
    expect(wrong).toEqual([]);
    expect(share(rejangLebong, (h: GeneratedHousehold) => h.truth.excludedOccupation)).toBeCloseTo(0.012, 2);
    const recorded = members.filter((m) => m.doc.occupation !== undefined);
    const schoolAge = recorded.filter((m) => m.doc.birthDate > '2013-11-20' && m.doc.birthDate <= '2017-11-20'); // 9–12
    expect(share(schoolAge, (m: (typeof members)[number]) => m.doc.school === 'sd')).toBeGreaterThan(0.9);
    expect(share(recorded, (m: (typeof members)[number]) => m.doc.disability !== 'tidak_ada')).toBeGreaterThan(0.01);
    expect(recorded.some((m) => m.doc.pregnant)).toBe(true);
  });

  it('skews desil to the low deciles, with a few households not ranked', () => {
    const ranked = rejangLebong.filter((h) => h.doc.desil !== null);
    expect(1 - ranked.length / rejangLebong.length).toBeCloseTo(0.02, 2);
    const total = DESIL_WEIGHTS.reduce((a, b) => a + b, 0);
    DESIL_WEIGHTS.forEach((w, i) => {
      expect(Math.abs(share(ranked, (h: GeneratedHousehold) => h.doc.desil === i + 1) - w / total), `desil ${i + 1}`).toBeLessThan(0.01);
    });
  });

  it('is a valid usulan payload for every ranked household (the shapes the portal and functions accept)', () => {
    for (const h of rejangLebong.slice(0, 3000)) {
      if (h.doc.desil === null) continue;
      const parsed = householdProposalSchema.safeParse({
        kkNumber: h.doc.kkNumber,
        address: h.doc.address,
        desil: h.doc.desil,
        members: h.members.map(toMember),
      });
      expect(parsed.success, h.id).toBe(true);
    }
  });
});

describe('register generator: staleness, status and eligibility', () => {
  const register = generate({ households: 3000 });
  const lastRun = new Date(Date.UTC(2026, 10, 1) - 7 * 3600_000 - 1); // just before 1 Nov, 00:00 Jakarta

  it('spreads the last verval over five months, most of them recent', () => {
    for (const h of register) {
      expect(h.doc.lastVervalAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(h.doc.lastVervalAt.getTime()).toBeGreaterThan(NOW.getTime() - 151 * DAY);
      expect(h.doc.createdAt.getTime()).toBeLessThanOrEqual(h.doc.lastVervalAt.getTime());
    }
    expect(share(register, (h: GeneratedHousehold) => h.doc.lastVervalAt.getTime() > NOW.getTime() - 60 * DAY)).toBeGreaterThan(0.55);
  });

  it('has households near the limit (warned), past it and frozen by the last run, and past it since (due)', () => {
    const frozen = register.filter((h) => h.doc.status === 'beku');
    const due = register.filter((h) => h.truth.dueForFreeze);
    const warned = register.filter((h) => h.doc.staleness.level === 'peringatan');
    expect(frozen.length / register.length).toBeGreaterThan(0.01);
    expect(due.length / register.length).toBeGreaterThan(0.03);
    expect(warned.length / register.length).toBeGreaterThan(0.05);
    expect((frozen.length + due.length) / register.length).toBeLessThan(0.3);
    for (const h of register) {
      const asOfRun = h.doc.lastVervalAt < lastRun ? stalenessOf(h.doc.lastVervalAt, lastRun, DEFAULT_STALENESS_POLICY) : null;
      expect(h.truth.staleness).toBe(stalenessOf(h.doc.lastVervalAt, NOW, DEFAULT_STALENESS_POLICY).level);
      if (h.doc.status === 'ditangguhkan') continue;
      expect(h.doc.staleness.level).toBe(asOfRun?.level ?? 'ok');
      expect(h.doc.status === 'beku').toBe(asOfRun?.level === 'beku');
    }
    for (const h of frozen) {
      expect(h.doc.statusReason?.code).toBe('household.beku');
      expect(Object.values(h.doc.eligibility).some((d) => d.eligible)).toBe(false);
    }
    for (const h of due) expect(h.doc.status).toBe('aktif');
  });

  it('leaves everything as it was when the job never ran', () => {
    const untouched = generate({ households: 500, lastStalenessRun: null });
    expect(untouched.every((h) => h.doc.status !== 'beku' && h.doc.staleness.level === 'ok')).toBe(true);
  });

  it('suspends about 1.5% of households, with the reason and the record', () => {
    const suspended = register.filter((h) => h.doc.status === 'ditangguhkan');
    expect(suspended.length / register.length).toBeGreaterThan(0.007);
    expect(suspended.length / register.length).toBeLessThan(0.025);
    for (const h of suspended) {
      expect(h.doc.statusReason?.code).toMatch(/^household\.ditangguhkan\./);
      expect(h.doc.suspension?.since).toMatch(/^2026-/);
      expect(h.doc.eligibility.PKH?.eligible).toBe(false);
    }
  });

  it('stores each program’s decision as the domain computes it from the household and its members', () => {
    const programs = defaultPrograms();
    let eligible = 0;
    const inForce = programsInForce(programs, NOW);
    for (const h of register.filter((x) => x.doc.status !== 'beku').slice(0, 500)) {
      const expected = decideHousehold({ ...h.doc, memberCriteria: criteriaOf(h.members.map((m) => m.doc)) }, inForce);
      expect(h.doc.eligibility).toEqual(expected);
      if (h.doc.eligibility.SEMBAKO?.eligible) eligible += 1;
    }
    expect(eligible).toBeGreaterThan(200);
    expect(Object.keys(register[0]!.doc.eligibility).sort()).toEqual(programs.map((p) => p.id).sort());
    expect(rejangLebong[0]!.doc.eligibility).toEqual({}); // programs: null
  });

  it('hashes NIKs with the key it is given, and leaves nikHash null without one', () => {
    const hashed = generate({ households: 20, nikHash: (nik) => `h:${nik}` });
    for (const m of hashed.flatMap((h) => h.members)) expect(m.doc.nikHash).toBe(m.doc.nik === null ? null : `h:${m.doc.nik}`);
    expect(register.flatMap((h) => h.members).every((m) => m.doc.nikHash === null)).toBe(true);
  });
});

describe('serial pool', () => {
  it('never repeats a serial for a prefix, even when prefixes share a counter, and says when serials run out', () => {
    const pool = new SerialPool(1); // the smallest table: prefixes collide
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 5000; i += 1) {
      const prefix = `1702${String(i % 37).padStart(2, '0')}010190`;
      const serial = pool.next(prefix);
      const set = seen.get(prefix) ?? new Set();
      expect(set.has(serial)).toBe(false);
      set.add(serial);
      seen.set(prefix, set);
    }
    const full = new SerialPool(1);
    for (let i = 0; i < 9999; i += 1) full.next('170206010190');
    expect(() => full.next('170206010190')).toThrow(/exhausted/);
  });
});
