import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cycleIndex,
  criteriaOf,
  cycleStart,
  DEFAULT_STALENESS_POLICY,
  decideHousehold,
  programsInForce,
  formatIsoDate,
  isWithin,
  jakartaDateOf,
  jakartaStartOfDay,
  kecamatanOf,
  maskNik,
  nationalKecamatanCodes,
  programSchema,
  because,
  isoDateOn,
  stalenessOf,
  suspend,
  type CalendarDate,
  type EligibilityMap,
  type EligibilityMember,
  type HouseholdDoc,
  type HouseholdStatus,
  type KkChangeReason,
  type KkHistoryEntry,
  type Member,
  type MemberDoc,
  type Program,
  type ProgramsInForce,
  type Reason,
  type StalenessLevel,
  type StalenessPolicy,
  type SuspensionReason,
} from '../../../functions/src/domain/index.js';
import { desaCodesIn, isKnownDesa } from '../../../functions/src/domain/wilayah-data/villages.js';
import { wilayahName } from '../../../functions/src/domain/wilayah-data/names.js';
import { composeHousehold, type Person } from './household.js';
import { Issuer, NIK_ISSUE_CODES, type NikIssue } from './identity.js';
import { respell } from './names.js';
import { Random, Weighted } from './random.js';

/**
 * A synthetic register, deterministic for a seed: households of one kabupaten (or province) as
 * the DTKS/DTSEN holds them, with the faults real registers have — members without NIK or with an
 * invalid one (Lampung, seed 004: 193,003 of 1,018,135 KPM invalid, mostly for a missing NIK),
 * likely duplicates, households close to or past the staleness limit, suspended households.
 * Pure: no Firebase, so the benchmarks use it as well as the demo seed and the tests.
 */

/** Shares of households (0–1) with each trait. */
export interface RegisterShares {
  /** Households with a NIK problem: a member without NIK or with an invalid one (Lampung: ~19%). */
  nikProblem: number;
  /** Of those, the share whose problem is an invalid NIK rather than a missing one (“mostly missing”). */
  invalidOfProblems: number;
  /** Households listing a person who is also in another household of the desa, here without NIK (counted in `nikProblem`). */
  likelyDuplicate: number;
  /** Households suspended (`ditangguhkan`), e.g. flagged for online gambling. */
  suspended: number;
  /** Households with an ASN, TNI or Polri member (excluded from the programs). */
  excludedOccupation: number;
  /** Households not (yet) ranked: desil null. */
  desilUnranked: number;
  /** Households recorded before occupation, school, pregnancy and disability were asked. */
  legacyRecord: number;
  /** Households whose KK number changed once (a move, pecah KK): two entries in the KK history. */
  kkChanged: number;
}

export const DEFAULT_SHARES: RegisterShares = {
  nikProblem: 0.19,
  invalidOfProblems: 0.2,
  likelyDuplicate: 0.012,
  suspended: 0.015,
  excludedOccupation: 0.012,
  desilUnranked: 0.02,
  legacyRecord: 0.12,
  kkChanged: 0.05,
};

/**
 * Desil of the households in a DTKS/DTSEN register: the register is of the poorer households, so
 * the lowest deciles dominate (about two thirds in desil 1–4, nine in ten in 1–6).
 */
export const DESIL_WEIGHTS = [22, 18, 15, 12, 10, 8, 6, 4, 3, 2] as const;

export interface RegisterOptions {
  seed: number;
  /** The register's "today": ages, staleness and eligibility are computed on it. */
  now: Date;
  /** A province (`18`) or kabupaten/kota (`17.02`): households live in its desa/kelurahan. */
  area: string;
  /** Only these desa/kelurahan of the area (default: all of them). */
  desaCodes?: readonly string[];
  /** Relative sizes of these desa/kelurahan instead of drawn ones (the only desa used); e.g. for a demo. */
  desaWeights?: Readonly<Record<string, number>>;
  /** Size of the register: a number of households, or of people (exactly one of the two). */
  households?: number;
  people?: number;
  /** Programs for each household's eligibility (default: `defaults/programs.json`); null: leave `eligibility` empty. */
  programs?: readonly Program[] | null;
  stalenessPolicy?: StalenessPolicy;
  /**
   * When the daily staleness job last ran: households are warned or frozen as it left them then
   * (`staleness`, `status: 'beku'`); those that crossed a limit since are still waiting for it.
   * Default: just before the current cycle began, so the households that became due this cycle
   * are still `aktif` and due. null: the job never ran.
   */
  lastStalenessRun?: Date | null;
  /** Verval dates spread over this many days before `now`, most of them recent (default 150: five months). */
  vervalSpreadDays?: number;
  /** When the register was imported into Tepat (default: 180 days before `now`). */
  importedAt?: Date;
  /** Keyed hash for `nikHash` (the functions' HMAC); without it `nikHash` stays null. */
  nikHash?: ((nik: string) => string) | null;
  shares?: Partial<RegisterShares>;
}

/** Where the households imported from the DTKS came from (there is no usulan behind them). */
export const IMPORT_SOURCE = 'impor-dtks';

export interface GeneratedMember {
  id: string;
  /** The stored shape of `households/{id}/members/{memberId}` (optional fields absent on legacy records). */
  doc: MemberDoc<Date>;
  /** What is wrong with this member's NIK, on purpose; null when nothing is. */
  nikIssue: NikIssue | null;
}

/** What the generator planted in a household, for tests and benchmarks to check against. */
export interface HouseholdTruth {
  nikProblem: 'none' | 'missing' | 'invalid';
  /** The last member is a copy, without NIK, of this member of an earlier household of the same desa. */
  duplicateOf: { householdId: string; memberId: string } | null;
  /** Where the household stands on `now` (the stored `staleness` is as of the job's last run). */
  staleness: StalenessLevel;
  /** Past the staleness limit but still `aktif`: the next staleness run will freeze it. */
  dueForFreeze: boolean;
  legacyRecord: boolean;
  excludedOccupation: boolean;
}

export interface GeneratedHousehold {
  id: string;
  /** The stored shape of `households/{id}`, timestamps as Date. */
  doc: HouseholdDoc<Date>;
  members: GeneratedMember[];
  truth: HouseholdTruth;
}

const DAY_MS = 86_400_000;
const DESIL = new Weighted(DESIL_WEIGHTS.map((w, i) => [i + 1, w] as const));
const KK_CHANGES = new Weighted<KkChangeReason>([
  ['pecah_kk', 45],
  ['pindah', 30],
  ['perubahan_data', 15],
  ['kepala_keluarga_meninggal', 10],
]);
const SUSPENSIONS = new Weighted<SuspensionReason>([
  ['judi_online', 85],
  ['penyalahgunaan_bantuan', 10],
  ['lainnya', 5],
]);
const EXCLUDED_JOBS = new Weighted<'asn' | 'tni' | 'polri'>([
  ['asn', 60],
  ['tni', 20],
  ['polri', 20],
]);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
const STREETS = [
  'Jl. Merdeka',
  'Jl. Sukarno-Hatta',
  'Jl. Basuki Rahmat',
  'Jl. S. Parman',
  'Jl. Lintas Curup',
  'Jl. Kartini',
  'Jl. Dr. AK Gani',
  'Gang Melati',
] as const;

let defaults: Program[] | null = null;

/** The default program configuration (`functions/src/domain/defaults/programs.json`), parsed. */
export function defaultPrograms(): Program[] {
  if (defaults) return defaults;
  const file = join(import.meta.dirname, '../../../functions/src/domain/defaults/programs.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { programs: unknown[] };
  defaults = config.programs.map((p) => programSchema.parse(p));
  return defaults;
}

/** Every desa/kelurahan of a province or kabupaten code, in code order. */
export function desaCodesOf(area: string): string[] {
  return nationalKecamatanCodes()
    .filter((kec) => isWithin(kec, area))
    .flatMap((kec) => desaCodesIn(kec));
}

/** A generated member as the usulan form would carry it (e.g. to drive a flow benchmark). */
export function toMember(m: GeneratedMember): Member {
  const { nik, name, sex, birthDate, relationship, occupation, school, disability, pregnant } = m.doc;
  const optional = { occupation, school, disability, pregnant };
  return { nik, name, sex, birthDate, relationship, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
}

function addressIn(rng: Random, desaCode: string): string {
  const name = wilayahName(desaCode);
  const rt = `RT ${String(rng.int(1, 12)).padStart(3, '0')}`;
  const kelurahan = desaCode.charAt(9) === '1';
  const local = kelurahan
    ? `${rng.pick(STREETS)} No. ${rng.int(1, 150)}, ${rt}/RW ${String(rng.int(1, 6)).padStart(3, '0')}`
    : `Dusun ${rng.pick(ROMAN)}, ${rt}`;
  return name ? `${local}, ${kelurahan ? 'Kelurahan' : 'Desa'} ${name}` : `${local}, ${desaCode}`;
}

function kkRecordedOn(rng: Random, now: Date, minDaysAgo: number, maxDaysAgo: number): CalendarDate {
  return jakartaDateOf(new Date(now.getTime() - rng.int(minDaysAgo, maxDaysAgo) * DAY_MS));
}

const startOf = (d: CalendarDate) => jakartaStartOfDay(d.year, d.month, d.day);

interface DuplicateSource {
  householdId: string;
  memberId: string;
  person: Person;
}

/**
 * The register, one household at a time (memory stays flat at any size). Same options, same
 * households, in the same order.
 */
export function* generateRegister(options: RegisterOptions): Generator<GeneratedHousehold, void, undefined> {
  if ((options.households === undefined) === (options.people === undefined)) throw new Error('give exactly one of households or people');
  const shares = { ...DEFAULT_SHARES, ...options.shares };
  const now = options.now;
  const today = jakartaDateOf(now);
  const programs = options.programs === undefined ? defaultPrograms() : options.programs;
  const policy = options.stalenessPolicy ?? DEFAULT_STALENESS_POLICY;
  const lastRun = options.lastStalenessRun === undefined ? new Date(cycleStart(cycleIndex(now, policy), policy).getTime() - 1) : options.lastStalenessRun;
  const spreadMs = (options.vervalSpreadDays ?? 150) * DAY_MS;
  const importedAt = options.importedAt ?? new Date(now.getTime() - 180 * DAY_MS);
  const hasher = options.nikHash ?? null;
  // Programs resolved once per day of decision (the run's day, and the staleness job's).
  const resolved = new Map<string, ProgramsInForce>();
  const inForceOn = (date: Date): ProgramsInForce => {
    const day = isoDateOn(date);
    let r = resolved.get(day);
    if (!r) resolved.set(day, (r = programsInForce(programs ?? [], date)));
    return r;
  };

  if (options.desaCodes && options.desaWeights) throw new Error('give desaCodes or desaWeights, not both');
  const desaList = options.desaWeights ? Object.keys(options.desaWeights) : options.desaCodes ? [...options.desaCodes] : desaCodesOf(options.area);
  if (desaList.length === 0) throw new Error(`no desa/kelurahan in ${options.area}`);
  for (const code of desaList) {
    if (!isKnownDesa(code) || !isWithin(code, options.area)) throw new Error(`${code} is not a desa/kelurahan of ${options.area}`);
  }
  const rng = new Random(options.seed);
  // Desa differ in size (lognormal); kelurahan, being towns, are larger.
  const desaTable = new Weighted(
    desaList.map((code) => [code, options.desaWeights?.[code] ?? Math.exp(0.5 * rng.normal()) * (code.charAt(9) === '1' ? 1.6 : 1)] as const),
  );
  const expectedPeople = options.people ?? (options.households ?? 0) * 4;
  const issuer = new Issuer(rng, expectedPeople);
  const sources = new Map<string, DuplicateSource>();

  let households = 0;
  let people = 0;
  for (;;) {
    if (options.households !== undefined ? households >= options.households : people >= options.people!) return;
    const desaCode = desaTable.draw(rng);
    const kecamatanCode = kecamatanOf(desaCode);
    const kabupatenCode = desaCode.slice(0, 5);
    const id = rng.id();

    // Who has which NIK problem; a likely duplicate is one way of missing a NIK.
    const roll = rng.next();
    const source = sources.get(desaCode);
    const duplicate = roll < shares.likelyDuplicate && source !== undefined ? source : null;
    const nikProblem: HouseholdTruth['nikProblem'] =
      duplicate || roll < shares.nikProblem * (1 - shares.invalidOfProblems) ? 'missing' : roll < shares.nikProblem ? 'invalid' : 'none';

    let persons = composeHousehold(rng, today);
    if (options.people !== undefined) persons = persons.slice(0, options.people - people);
    // The copy takes the place of the last person drawn, so household sizes keep their distribution.
    const withDuplicate = duplicate !== null && persons.length >= 2;
    if (withDuplicate) {
      const p = duplicate.person;
      persons.pop();
      persons.push({ ...p, name: respell(rng, p.name, p.sex), relationship: p.age >= persons[0]!.age + 15 ? 'orang_tua' : 'famili_lain' });
    }
    const size = persons.length;

    const issues: (NikIssue | null)[] = persons.map(() => null);
    if (withDuplicate) issues[size - 1] = 'missing';
    if (nikProblem === 'missing' && !withDuplicate) {
      if (rng.chance(0.25)) issues.fill('missing');
      else for (let k = rng.int(1, Math.min(2, size)); k > 0; k -= 1) issues[rng.int(0, size - 1)] = 'missing';
    } else if (nikProblem === 'invalid') {
      for (let k = rng.chance(0.8) ? 1 : Math.min(2, size); k > 0; k -= 1) issues[rng.int(0, size - 1)] = issuer.drawInvalidKind();
    }

    // Occupations exist only on records that asked for them: the share is drawn among those.
    const legacyRecord = rng.chance(shares.legacyRecord);
    if (!legacyRecord && rng.chance(Math.min(1, shares.excludedOccupation / (1 - shares.legacyRecord)))) {
      const adults = persons.filter((p) => p.age >= 20 && p.age < 58);
      const who = adults.length > 0 ? rng.pick(adults) : persons[0]!;
      who.occupation = EXCLUDED_JOBS.draw(rng);
    }
    // (A likely duplicate may bring an ASN along from the household it was copied from.)
    const excludedOccupation = !legacyRecord && persons.some((p) => p.occupation === 'asn' || p.occupation === 'tni' || p.occupation === 'polri');
    const desil = rng.chance(shares.desilUnranked) ? null : DESIL.draw(rng);

    // Verval dates: most recent, a tail up to the spread (u² puts most near now).
    const u = rng.next();
    const lastVervalAt = new Date(now.getTime() - Math.floor(u * u * spreadMs));
    const createdAt = importedAt < lastVervalAt ? importedAt : lastVervalAt;
    // The staleness job's view when it last ran (freeze-stale-households.ts writes these fields).
    const seen = lastRun !== null && lastVervalAt < lastRun ? stalenessOf(lastVervalAt, lastRun, policy) : null;
    let staleness: HouseholdDoc<Date>['staleness'] = { level: 'ok', missed: 0, freezesAt: null };
    let status: HouseholdStatus = 'aktif';
    let statusReason: Reason | null = null;
    let suspension: HouseholdDoc<Date>['suspension'] = null;
    let reactivations = 0;
    let updatedAt = lastVervalAt;
    if (rng.chance(shares.suspended)) {
      const on = new Date(now.getTime() - rng.int(5, 120) * DAY_MS);
      const s = suspend({ status: 'aktif' }, SUSPENSIONS.draw(rng), 'Terindikasi dalam data PPATK', on);
      if (s.ok) {
        status = s.status;
        statusReason = s.statusReason;
        suspension = s.suspension;
        reactivations = rng.chance(0.15) ? 1 : 0;
        if (on > updatedAt) updatedAt = on;
      }
    } else if (seen && seen.level !== 'ok') {
      staleness = { level: seen.level, missed: seen.missed, freezesAt: seen.freezesAt };
      if (seen.level === 'beku') {
        status = 'beku';
        statusReason = because('household.beku', { missed: seen.missed, limit: policy.freezeAfterMonths });
      }
      if (lastRun! > updatedAt) updatedAt = lastRun!;
    }

    const optional = persons.map((p) => (legacyRecord ? {} : { occupation: p.occupation, school: p.school, disability: p.disability, pregnant: p.pregnant }));
    const memberCriteria = criteriaOf(persons.map((p, i): EligibilityMember => ({ birthDate: p.birthDate, sex: p.sex, ...optional[i] })));
    let eligibilityMap: EligibilityMap = {};
    if (programs) {
      // A frozen household was last decided by the staleness job, on the day of its run.
      eligibilityMap = decideHousehold({ desil, status, desaCode, memberCriteria }, inForceOn(status === 'beku' ? (lastRun ?? now) : now));
    }

    const members: GeneratedMember[] = persons.map((p, i) => {
      const issue = issues[i] ?? null;
      const nik = issue === 'missing' ? null : issuer.nik(p.birthDate, p.sex, issuer.issuingKecamatan(kecamatanCode), issue);
      const memberId = rng.id();
      return {
        id: memberId,
        doc: {
          nik,
          nikMasked: maskNik(nik),
          nikHash: nik !== null && hasher ? hasher(nik) : null,
          name: p.name,
          sex: p.sex,
          birthDate: p.birthDate,
          relationship: p.relationship,
          ...optional[i],
          flags: issue ? [NIK_ISSUE_CODES[issue]] : [],
          status: 'aktif',
          leftReason: null,
          householdId: id,
          desaCode,
          kabupatenCode,
          createdAt,
        },
        nikIssue: issue,
      };
    });

    // The KK in force was recorded before the import (a later change would have come through an usulan).
    const recorded = kkRecordedOn(rng, importedAt, 1, 6000);
    const kkNumber = issuer.kk(kecamatanCode, recorded);
    const kkHistory: KkHistoryEntry[] = [];
    if (rng.chance(shares.kkChanged)) {
      const earlier = kkRecordedOn(rng, startOf(recorded), 200, 5000);
      kkHistory.push({ kkNumber: issuer.kk(kecamatanCode, earlier), since: formatIsoDate(earlier), reason: 'pendaftaran', sourceUsulanId: null });
      kkHistory.push({ kkNumber, since: formatIsoDate(recorded), reason: KK_CHANGES.draw(rng), sourceUsulanId: null });
    } else {
      kkHistory.push({ kkNumber, since: formatIsoDate(recorded), reason: 'pendaftaran', sourceUsulanId: null });
    }

    const doc: HouseholdDoc<Date> = {
      kkNumber,
      kkHistory,
      address: addressIn(rng, desaCode),
      desaCode,
      kecamatanCode,
      kabupatenCode,
      desil,
      status,
      statusReason,
      headName: persons[0]!.name,
      memberCount: size,
      memberCriteria,
      lastVervalAt,
      staleness,
      eligibility: eligibilityMap,
      reactivations,
      suspension,
      sticker: null,
      sourceUsulanId: IMPORT_SOURCE,
      createdAt,
      updatedAt,
    };

    // Remember someone of this household: a later household of the desa may list them again.
    const pickIndex = rng.int(0, size - 1);
    if (!(withDuplicate && pickIndex === size - 1)) sources.set(desaCode, { householdId: id, memberId: members[pickIndex]!.id, person: persons[pickIndex]! });

    const current = stalenessOf(lastVervalAt, now, policy);
    households += 1;
    people += size;
    yield {
      id,
      doc,
      members,
      truth: {
        nikProblem,
        duplicateOf: withDuplicate ? { householdId: duplicate.householdId, memberId: duplicate.memberId } : null,
        staleness: current.level,
        dueForFreeze: status === 'aktif' && current.level === 'beku',
        legacyRecord,
        excludedOccupation,
      },
    };
  }
}
